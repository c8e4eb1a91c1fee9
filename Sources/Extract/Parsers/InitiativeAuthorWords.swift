import Foundation

/// Reading single words of an authors' table: names, birth dates, shares, row numbers, with the
/// cheap OCR slips (O for 0, l or I for 1) forgiven inside numbers.
enum InitiativeAuthorWords {
    /// Punctuation that clings to a word in running text.
    static let clinging = CharacterSet(charactersIn: ",;:()[]\"'“”‘’*")

    static func clean(_ word: String) -> String { word.trimmingCharacters(in: clinging) }

    /// A word of a person's name: a capital letter, then letters only; not an acronym (`UBND`).
    static func isNameWord(_ raw: String) -> Bool {
        let w = clean(raw)
        guard let first = w.first, first.isLetter, first.isUppercase,
              w.allSatisfy({ $0.isLetter }), w.count <= 8 else { return false }
        return VietnameseSyllable.isSyllable(Folding.fold(w))
    }

    /// Two to five name words, none of them the start of a position ("Giám đốc") or a note.
    static func isPersonName(_ s: String) -> Bool {
        let words = s.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard (2...5).contains(words.count), words.allSatisfy(isNameWord) else { return false }
        let folded = words.map { Folding.fold(clean($0)) }
        return InitiativePhrases.match(InitiativeForm.positions, at: 0, in: folded) == nil
            && InitiativePhrases.match(InitiativeForm.qualifications, at: 0, in: folded) == nil
    }

    /// A numeric date, day first: `28/01/1967`, `3/7/1982`, `28/0l/1967` (an OCR slip) → the date.
    static func numericDate(_ raw: String) -> CalendarDate? {
        let w = raw.trimmingCharacters(in: clinging.union(CharacterSet(charactersIn: ".")))
        let separators = w.filter { $0 == "/" || $0 == "-" || $0 == "." }
        guard separators.count == 2, w.count >= 6, w.count <= 12 else { return nil }
        let digits = ocrDigits(w)
        guard digits.allSatisfy({ $0.isNumber || $0 == "/" || $0 == "-" || $0 == "." }) else { return nil }
        return CalendarDate.numeric(digits)
    }

    /// A row number (`1`, `2.`, `l`), 1–99.
    static func rowNumber(_ raw: String) -> Int? {
        let w = raw.trimmingCharacters(in: CharacterSet(charactersIn: ".)|:_"))
        guard !w.isEmpty, w.count <= 2 else { return nil }
        guard let n = Int(ocrDigits(w)), (1...99).contains(n) else { return nil }
        return n
    }

    /// A share written with its percent sign: `30%`, `30,5%`, `3O%`.
    static func percent(_ raw: String) -> Double? {
        let w = clean(raw)
        guard w.hasSuffix("%") else { return nil }
        return number(String(w.dropLast()))
    }

    /// A bare number 0–100: `30`, `33,3`.
    static func number(_ raw: String) -> Double? {
        let w = clean(raw)
        guard !w.isEmpty, w.count <= 5, w.contains(where: { $0.isNumber }) else { return nil }
        guard let v = Double(ocrDigits(w).replacingOccurrences(of: ",", with: ".")), (0...100).contains(v) else { return nil }
        return v
    }

    /// Letters a scan reads for digits, put back.
    static func ocrDigits(_ s: String) -> String {
        String(s.map { ch -> Character in
            switch ch {
            case "O", "o": return "0"
            case "l", "I", "|", "i": return "1"
            default: return ch
            }
        })
    }
}

/// Multi-word phrases (folded) found in a run of folded words.
enum InitiativePhrases {
    /// The length in words of the longest phrase that starts at `index`.
    static func match(_ phrases: [String], at index: Int, in words: [String]) -> Int? {
        var best: Int?
        for phrase in phrases {
            let parts = phrase.split(separator: " ").map(String.init)
            guard index + parts.count <= words.count else { continue }
            if Array(words[index..<index + parts.count]) == parts, parts.count > (best ?? 0) { best = parts.count }
        }
        return best
    }

    /// True when `words` are the first words of one of the phrases (a phrase cut short).
    static func beginsPhrase(_ phrases: [String], _ words: [String]) -> Bool {
        guard !words.isEmpty else { return false }
        return phrases.contains { phrase in
            let parts = phrase.split(separator: " ").map(String.init)
            return parts.count > words.count && Array(parts.prefix(words.count)) == words
        }
    }

    /// The first index at or after `from` where one of the phrases starts.
    static func firstStart(of phrases: [String], in words: [String], from: Int = 0) -> Int? {
        guard from < words.count else { return nil }
        return (from..<words.count).first { match(phrases, at: $0, in: words) != nil }
    }

    /// The last index where one of the phrases starts, with its length.
    static func lastMatch(of phrases: [String], in words: [String]) -> (start: Int, length: Int)? {
        for i in words.indices.reversed() { if let n = match(phrases, at: i, in: words) { return (i, n) } }
        return nil
    }
}
