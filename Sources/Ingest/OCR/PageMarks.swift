import Foundation

/// Small text helpers shared by the page readers.
enum PageText {
    /// Lower case without diacritics, đ → d: how page marks are compared (OCR loses accents).
    static func fold(_ s: String) -> String {
        s.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// A date and time written `07/02/2025 17:12:11` (or with dots or dashes) as ISO
    /// `2025-02-07T17:12:11`; nil when none or not a real date.
    static func isoDateTime(in s: String) -> String? {
        let pattern = #"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})[ ,]+(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?"#
        guard let m = firstMatch(pattern, in: s) else { return nil }
        guard let d = m[1].flatMap(Int.init), let mo = m[2].flatMap(Int.init), let y = m[3].flatMap(Int.init),
              let h = m[4].flatMap(Int.init), let mi = m[5].flatMap(Int.init),
              validDate(d, mo, y), h < 24, mi < 60 else { return nil }
        let sec = m[6].flatMap(Int.init) ?? 0
        guard sec < 60 else { return nil }
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, sec)
    }

    /// A date `12/3/2025` (or `12-03-2025`, `12.03.2025`) as ISO `2025-03-12`.
    static func isoDate(in s: String) -> String? {
        guard let m = firstMatch(#"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})\b"#, in: s),
              let d = m[1].flatMap(Int.init), let mo = m[2].flatMap(Int.init), var y = m[3].flatMap(Int.init) else { return nil }
        if y < 100 { y += 2000 }
        guard validDate(d, mo, y) else { return nil }
        return String(format: "%04d-%02d-%02d", y, mo, d)
    }

    static func validDate(_ d: Int, _ m: Int, _ y: Int) -> Bool {
        guard (1...12).contains(m), (1...31).contains(d), (1945...2100).contains(y) else { return false }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

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
        let f = PageText.fold(line).trimmingCharacters(in: .whitespaces)
        if LetterPageMarks.signatureBoxLabels.contains(where: { f.hasPrefix($0) }) { return true }
        if f.contains(LetterPageMarks.signatureTimeLabel) { return true }
        let words = f.split(separator: " ")
        if words.count <= 3, f.contains("@"), f.contains(".") { return true }
        // A bare signing timestamp, its zone sometimes wrapped to the next line: "24.01.2025 20:01:14" "+07:00".
        if PageText.firstMatch(#"^\s*\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}:\d{2}(\s*[+-]\d{2}:?\d{2})?\s*$"#, in: f) != nil { return true }
        if PageText.firstMatch(#"^\s*[+-]\d{2}:\d{2}\s*$"#, in: f) != nil { return true }
        return false
    }

    /// The signing time from the lines of a signature box: the "Thời gian ký" line first (the
    /// issuer's own signature), else any timestamp in the box.
    static func signatureTime(_ lines: [String]) -> String? {
        for l in lines where PageText.fold(l).contains(LetterPageMarks.signatureTimeLabel) {
            if let t = PageText.isoDateTime(in: l) { return t }
        }
        for l in lines { if let t = PageText.isoDateTime(in: l) { return t } }
        return nil
    }

    /// The urgency a stamp's text shows, most urgent first.
    static func urgency(_ text: String) -> String? {
        let f = " " + PageText.fold(text).components(separatedBy: CharacterSet.letters.inverted)
            .filter { !$0.isEmpty }.joined(separator: " ") + " "
        for (folded, value) in LetterPageMarks.urgencyStamps where f.contains(" \(folded) ") { return value }
        return nil
    }

    /// A line that is only an urgency stamp's word(s), in capitals: "KHẨN", "HỎA TỐC".
    static func isUrgencyStampLine(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        guard !t.isEmpty, t == t.uppercased(), t.split(separator: " ").count <= 3 else { return false }
        let f = PageText.fold(t)
        return LetterPageMarks.urgencyStamps.contains { f == $0.folded }
    }

    /// The title line of a received stamp ("ĐẾN").
    static func isReceivedStampTitle(_ line: String) -> Bool {
        let f = PageText.fold(line).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        return LetterPageMarks.receivedStampTitles.contains(f)
    }

    /// A field line of a received stamp ("Số: …", "Ngày: …", "Chuyển: …").
    static func isReceivedStampField(_ line: String) -> Bool {
        let f = PageText.fold(line).trimmingCharacters(in: .whitespaces)
        return LetterPageMarks.receivedStampFields.contains { f.hasPrefix($0) }
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
