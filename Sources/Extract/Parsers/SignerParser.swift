import Foundation

/// The signature block (Nghị định 30/2020, Điều 13 and Phụ lục I ô 7): the signing mode and the
/// authority (`KT. CHỦ TỊCH`), the signer's own position (`PHÓ CHỦ TỊCH`), then the name under the
/// signature. A TL. block may have two mode lines (`TL. CHỦ TỊCH` / `KT. CHÁNH VĂN PHÒNG`).
enum SignerParser {
    /// `candidates`: the lines of the signature area, top to bottom (right-column fragments of the
    /// Nơi nhận lines included).
    static func parse(_ raw: [(line: Int, text: String)]) -> Signer? {
        // OCR leaves marks of the seal and signature around the block's lines: drop short debris
        // tokens at the ends (`TL. CHỦ TỊCH v \``, `Trần Phước Hiền „`, `= CHANH VAN PHONG`).
        // Lines of the block are short; a paragraph that ends the letter is not one of them.
        let candidates = raw.filter { $0.text.utf16.count <= 150 }
            .map { (line: $0.line, text: stripDebris(signatureSide($0.text))) }.filter { !$0.text.isEmpty }
        var signer = Signer()
        var titleAt: Int? = nil
        var k = 0
        // The first mode line.
        while k < candidates.count {
            let t = candidates[k].text
            let f = Folding.fold(t).collapsedSpaces
            if let m = LetterKeywords.signingMode.firstMatch(in: f), t.isUpperCaseText || isMostlyUpper(t) {
                signer.mode = SigningMode(rawValue: f.slice(m.range(at: 1)).uppercased())
                let rest = t.slice(from: m.range(at: 2).location, to: t.utf16Length).collapsedSpaces
                signer.onBehalfOf = Names.canonicalTitle(rest).map { Names.asWritten(rest, canonical: $0) } ?? rest.uppercased()
                titleAt = k
                break
            }
            k += 1
        }
        // The position: the last upper-case line after the mode (or, with no mode, a known title).
        let from = titleAt.map { $0 + 1 } ?? 0
        var nameFrom = from
        if let start = titleAt {
            var j = start + 1
            var titleIsFinal = false
            while j < candidates.count {
                let t = candidates[j].text
                if isPersonName(t) { break }
                if isMostlyUpper(t), t.filter(\.isLetter).count >= 3 {
                    let f = Folding.fold(t).collapsedSpaces
                    if titleIsFinal {
                        // A second designation under the position (`GIÁM ĐỐC TTTTĐH`): keep the first.
                    } else if let m = LetterKeywords.signingMode.firstMatch(in: f) {
                        // Second mode line of a TL. block (`KT. CHÁNH VĂN PHÒNG`): if no title
                        // line follows, the signer is who signs that way, the head's deputy.
                        let rest = t.slice(from: m.range(at: 2).location, to: t.utf16Length).collapsedSpaces
                        let head = Names.canonicalTitle(rest) ?? rest.uppercased()
                        let mode = SigningMode(rawValue: f.slice(m.range(at: 1)).uppercased())
                        signer.title = mode == .KT ? (Names.deputyTitle(of: head) ?? head) : head
                    } else {
                        signer.title = Names.canonicalTitle(t).map { Names.asWritten(t, canonical: $0) } ?? t.collapsedSpaces.uppercased()
                        titleIsFinal = true
                    }
                    nameFrom = j + 1
                }
                j += 1
                if signer.title != nil && j - start > 3 { break }
            }
            // `KT. GIÁM ĐỐC` and the title line lost under the seal: the deputy signed.
            if signer.title == nil, signer.mode == .KT, let head = signer.onBehalfOf {
                signer.title = Names.deputyTitle(of: head)
            }
        } else {
            for j in stride(from: candidates.count - 1, through: 0, by: -1) {
                let t = candidates[j].text
                guard isMostlyUpper(t), !t.hasPrefix("-"), t.utf16Length < 50 else { continue }
                if let title = Names.canonicalTitle(t), Names.key(t).count >= 4 {
                    signer.title = Names.asWritten(t, canonical: title); nameFrom = j + 1; break
                }
            }
            if signer.title == nil {
                // No position legible: the name under the signature may still be there.
                guard let name = candidates.reversed().first(where: { isPersonName($0.text.collapsedSpaces) }) else { return nil }
                return Signer(name: mendName(name.text.collapsedSpaces))
            }
        }
        for j in nameFrom..<max(nameFrom, candidates.count) {
            let t = candidates[j].text.collapsedSpaces
            if isPersonName(t) { signer.name = mendName(t); break }
        }
        return signer
    }

    /// A line where OCR ran the first Nơi nhận item into the mode line (`H dệt ư trên; TL. CHỦ
    /// TỊCH`, the label and `Như trên` garbled): the part after the last `;`, when it is a mode line.
    static func signatureSide(_ s: String) -> String {
        guard let semi = s.lastIndex(of: ";") else { return s }
        let after = stripDebris(String(s[s.index(after: semi)...]))
        guard !after.isEmpty, isMostlyUpper(after),
              LetterKeywords.signingMode.test(Folding.fold(after).collapsedSpaces) else { return s }
        return after
    }

    /// The position in a decision's authority line (`GIÁM ĐỐC HỌC VIỆN KỸ THUẬT MẬT MÃ`, just before
    /// its `Căn cứ …`): who decides, and so who signs when the block has no mode and its title
    /// line was lost.
    static func authorityTitle(_ doc: LetterLines, within: Int = 40) -> String? {
        for i in 0..<min(doc.count, within) {
            let t = doc[i].text.collapsedSpaces
            guard t.utf16.count <= 120, isMostlyUpper(t), i + 1 < doc.count,
                  LetterKeywords.bodyStart.test(doc[i + 1].folded.trimmedFast) else { continue }
            let words = t.split(separator: " ").map(String.init)
            for n in stride(from: min(4, words.count - 1), through: 1, by: -1) {
                let prefix = words[0..<n].joined(separator: " ")
                if let title = Names.canonicalTitle(prefix), !Names.collectiveBodies.contains(title),
                   Names.key(prefix).count >= 4 {
                    return title
                }
            }
        }
        return nil
    }

    static func stripDebris(_ s: String) -> String {
        var words = s.collapsedSpaces.split(separator: " ").map(String.init)
        func isDebris(_ w: String) -> Bool {
            let letters = w.filter(\.isLetter).count
            return letters == 0 || (w.count <= 2 && w.contains(where: { $0.isLowercase }) && letters < 2) || (w.count == 1 && !w.first!.isUppercase)
        }
        while let l = words.last, isDebris(l) { words.removeLast() }
        while let f = words.first, isDebris(f), words.count > 1 { words.removeFirst() }
        return words.joined(separator: " ")
    }

    static func isMostlyUpper(_ s: String) -> Bool {
        let letters = s.filter(\.isLetter)
        guard letters.count >= 2 else { return false }
        return Double(letters.filter(\.isUppercase).count) / Double(letters.count) >= 0.75
    }

    /// A person's name: 2–6 words, each capitalised, no digits or punctuation but `.`.
    static func isPersonName(_ s: String) -> Bool {
        let t = s.collapsedSpaces
        let words = t.split(separator: " ")
        guard (2...6).contains(words.count), t.utf16Length <= 40 else { return false }
        if t.contains(where: { $0.isNumber || ":;,()/\"“”".contains($0) }) { return false }
        // OCR may drop or misread a name's first letter (`oàng Văn Thức`): judge the mended name.
        let mended = mendName(t).split(separator: " ")
        guard mended.allSatisfy({ w in w.first.map { $0.isUppercase } ?? false }) else { return false }
        if t.isUpperCaseText {
            // An all-caps line is a name only when it starts with a family name and is not a title.
            return Names.surnameSet.contains(Folding.fold(String(words[0]))) && Names.canonicalTitle(t) == nil
        }
        return Names.canonicalTitle(t) == nil
    }

    /// Mends a family name whose first letter the OCR lost, from the table of family names.
    static func mendName(_ s: String) -> String {
        var words = s.split(separator: " ").map(String.init)
        guard let first = words.first else { return s }
        let f = Folding.fold(first)
        if Names.surnameSet.contains(f) { return s }
        if let c = first.first, let swap = OCRCharacterConfusions.nameInitials[c] {
            let candidate = String(swap) + first.dropFirst()
            if Names.surnameSet.contains(Folding.fold(candidate)) { words[0] = candidate; return words.joined(separator: " ") }
        }
        if let full = Names.surnames.first(where: { let sf = Folding.fold($0); return sf.count == f.count + 1 && sf.hasSuffix(f) }) {
            words[0] = String(full.prefix(1)) + first
        }
        return words.joined(separator: " ")
    }
}
