import Foundation

/// Small text helpers shared by the page readers.
enum PageText {
    /// The capture groups of the first match (index 0 = whole match); nil groups for unmatched ones.
    static func firstMatch(_ pattern: String, in s: String) -> [String?]? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
        return (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: s).map { String(s[$0]) } }
    }
}

/// Finds the marks on a page that are not the letter's text (the digital-signature box, the
/// received stamp, urgency stamps), turning their meaning into hints.
enum PageMarks {
    /// A line of a digital-signature box: a label such as "Ký bởi:", an e-mail address, or a
    /// signing timestamp with a zone (`09.01.2025 10:21:11 +07:00`).
    static func isSignatureBoxLine(_ line: String) -> Bool {
        let f = Folding.fold(line).trimmingCharacters(in: .whitespaces)
        if PageMarkWords.signatureBoxLabels.contains(where: { f.hasPrefix($0) }) { return true }
        if f.contains(PageMarkWords.signatureTimeLabel) { return true }
        // A short line holding an e-mail address (the signer's, the office's). An `@` and a dot
        // alone are not one: hand-written digits garble into them (`sø.@_Z /BC-UBND`), and the
        // header's block would then go with the box.
        if f.split(separator: " ").count <= 3, PageMarkWords.emailAddress.test(f) { return true }
        // A bare signing timestamp, its zone sometimes wrapped to the next line: "24.01.2025 20:01:14" "+07:00".
        if DateGrammar.timestampLine.test(f) || DateGrammar.zoneLine.test(f) { return true }
        return false
    }

    /// The signing time from the lines of a signature box: the "Thời gian ký" line first (the
    /// issuer's own signature), else any timestamp in the box.
    static func signatureTime(_ lines: [String]) -> String? {
        for l in lines where Folding.fold(l).contains(PageMarkWords.signatureTimeLabel) {
            if let t = DateGrammar.dateTime(in: l) { return t }
        }
        for l in lines { if let t = DateGrammar.dateTime(in: l) { return t } }
        return nil
    }

    /// The urgency a stamp's text shows, most urgent first.
    static func urgency(_ text: String) -> Urgency? {
        let f = " " + Folding.fold(text).components(separatedBy: CharacterSet.letters.inverted)
            .filter { !$0.isEmpty }.joined(separator: " ") + " "
        for (folded, value) in PageMarkWords.urgencyStamps where f.contains(" \(folded) ") { return value }
        return nil
    }

    /// A line that is only an urgency stamp's word(s), in capitals: "KHẨN", "HỎA TỐC".
    static func isUrgencyStampLine(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        guard !t.isEmpty, t == t.uppercased(), t.split(separator: " ").count <= 3 else { return false }
        let f = Folding.fold(t)
        return PageMarkWords.urgencyStamps.contains { f == $0.folded }
    }

    /// The title line of a received stamp ("ĐẾN").
    static func isReceivedStampTitle(_ line: String) -> Bool {
        let f = Folding.fold(line).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        return PageMarkWords.receivedStampTitles.contains(f)
    }

    /// A field line of a received stamp ("Số: …", "Ngày: …", "Chuyển: …").
    static func isReceivedStampField(_ line: String) -> Bool {
        let f = Folding.fold(line).trimmingCharacters(in: .whitespaces)
        return PageMarkWords.receivedStampFields.contains { f.hasPrefix($0) }
    }

    /// Removes the signature box lines from a text page (a PDF's text layer), collecting the signing
    /// time. A box is a run of lines with at least one marker; the one or two short capital lines
    /// right before an e-mail line (the signer's name, "TRUNG TÂM CÔNG BÁO") go with it.
    static func stripSignatureBox(_ text: String) -> (text: String, signatureTime: String?) {
        var lines = text.components(separatedBy: "\n")
        var boxLines: [String] = []
        var remove = Set<Int>()
        for (i, l) in lines.enumerated() {
            // In -layout output the box may share a row with the header: cut only the box's part.
            if isSignatureBoxLine(l) { remove.insert(i); boxLines.append(l); continue }
            let parts = l.components(separatedBy: "   ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if parts.count > 1, parts.contains(where: isSignatureBoxLine) {
                boxLines.append(contentsOf: parts.filter(isSignatureBoxLine))
                lines[i] = parts.filter { !isSignatureBoxLine($0) }.joined(separator: "   ")
            }
        }
        // The signer's name lines above an e-mail line.
        for i in remove.sorted() where lines[i].contains("@") {
            var j = i - 1, taken = 0
            while j >= 0, taken < 3, !remove.contains(j) {
                let t = lines[j].trimmingCharacters(in: .whitespaces)
                if t.isEmpty { break }
                guard t == t.uppercased(), t.count < 60, lines[j].hasPrefix("      ") || j < 4 else { break }
                remove.insert(j); boxLines.insert(lines[j], at: 0); j -= 1; taken += 1
            }
        }
        let kept = lines.enumerated().filter { !remove.contains($0.offset) }.map(\.element)
        return (kept.joined(separator: "\n"), signatureTime(boxLines))
    }
}
