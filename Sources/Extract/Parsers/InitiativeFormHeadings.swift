import Foundation

/// Finds the headings of the initiative report form (InitiativeForm) at the start of a line,
/// however the text came: typed, with markdown, from a PDF text layer, or from OCR with slips and
/// without diacritics.
enum InitiativeFormHeadings {
    /// A heading found on a line.
    struct Found: Equatable {
        let element: InitiativeForm.Element
        /// The line's text after the heading's first colon (`Tên sáng kiến: **…**`), trimmed.
        let value: String?
        /// The folded rest of the line after the heading phrase.
        let rest: String
    }

    private static let phrases = InitiativeForm.headings.map { ($0, Array($0.phrase.unicodeScalars)) }
    private static let titlePhrases = InitiativeForm.reportTitles.map { Array($0.unicodeScalars) }

    /// The heading that opens `line`, if any.
    static func heading(in fullLine: String) -> Found? {
        // A heading and the value after its colon fit in the first 600 bytes; a long paragraph
        // need not be cut and folded whole, once per line (the parser's hot spot).
        let line = fullLine.utf8.count > 600 ? String(decoding: fullLine.utf8.prefix(600), as: UTF8.self) : fullLine
        let (body, numbered) = stripNumbering(stripMarkup(line.trimmedFast))
        // The longest phrase and what may follow a heading fit in the first 160 characters.
        let key = matchKey(body, limit: 160)
        guard !key.isEmpty else { return nil }
        var best: (heading: InitiativeForm.Heading, length: Int)?
        let keyScalars = Array(key.unicodeScalars)
        for (heading, phrase) in phrases where numbered || !heading.numberedOnly {
            guard let length = FuzzyPrefix.match(phrase, in: keyScalars) else { continue }
            if best == nil || heading.phrase.count > best!.heading.phrase.count { best = (heading, length) }
        }
        guard let best else { return nil }
        let rest = String(key.dropFirst(best.length)).trimmedFast
        // An unnumbered phrase opens a heading only when little follows it: a sentence that merely
        // starts with the same words is body text.
        if !numbered && !(rest.isEmpty || rest.hasPrefix(":") || rest.count <= 60) { return nil }
        return Found(element: best.heading.element, value: valueAfterColon(body), rest: rest)
    }

    /// True when the line is the report's own title ("Hiệu quả áp dụng và khả năng nhân rộng của
    /// sáng kiến").
    static func isReportTitle(_ line: String) -> Bool {
        guard line.utf8.count <= 300 else { return false }
        let key = matchKey(stripMarkup(line.trimmedFast))
        guard key.count <= 90 else { return false }
        let keyScalars = Array(key.unicodeScalars)
        return titlePhrases.contains { FuzzyPrefix.match($0, in: keyScalars) != nil }
    }

    /// True for the place-and-date line above the signatures ("Quảng Ngãi, ngày 10 tháng 3 năm
    /// 2025"): it ends the last section.
    static func isPlaceDateLine(_ line: String) -> Bool {
        guard line.utf8.count <= 200, line.contains(",") else { return false }
        let key = matchKey(line)
        guard key.count <= 70, line.contains(",") else { return false }
        return DateGrammar.placeDateLine.test(key)
    }

    // MARK: - Normalising a line for matching

    /// Folded, punctuation other than `:` `/` `%` turned to spaces, single spaces; from the first
    /// `limit` characters.
    static func matchKey(_ s: String, limit: Int = .max) -> String {
        var out = String.UnicodeScalarView()
        var lastSpace = true, count = 0
        for ch in Folding.fold(s).unicodeScalars {
            count += 1
            if count > limit { break }
            let v = ch.value
            let keep: Bool
            if v < 0x80 {
                keep = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A)
                    || v == 0x3A || v == 0x2F || v == 0x25
            } else {
                keep = ch.properties.isAlphabetic || ch.properties.numericType != nil
            }
            if keep { out.append(ch); lastSpace = false }
            else if !lastSpace { out.append(" "); lastSpace = true }
        }
        if lastSpace, !out.isEmpty { out.removeLast() }
        return String(out)
    }

    /// Without markdown emphasis and leading bullets or table bars: `- **Tên**` → `Tên`.
    static func stripMarkup(_ s: String) -> String {
        // Foundation's replace is slow on Linux: only when there is markup to remove.
        var t = s
        if t.utf8.contains(0x2A) { t = t.replacingOccurrences(of: "**", with: "") }
        if t.utf8.contains(0x5F) { t = t.replacingOccurrences(of: "__", with: "") }
        while let first = t.first, "#>-+*•–|".contains(first) {
            t.removeFirst(); t = t.trimmedFast
        }
        return t
    }

    /// Removes the form's numbering (`1.`, `II.1.`, `I-`, `a)`), telling whether there was any.
    static func stripNumbering(_ s: String) -> (String, Bool) {
        var rest = Substring(s)
        var numbered = false
        for _ in 0..<2 {
            let trimmed = rest.drop { $0 == " " }
            let token = trimmed.prefix { $0.isLetter || $0.isNumber }
            guard !token.isEmpty, token.count <= 4 else { break }
            let isRoman = token.allSatisfy { "IVXivx".contains($0) }
            let isArabic = token.allSatisfy { $0.isASCII && $0.isNumber } && token.count <= 2
            let isLetter = token.count == 1 && "abcdefghlABCDEFGH".contains(token.first!)
            guard isRoman || isArabic || isLetter else { break }
            let after = trimmed.dropFirst(token.count)
            guard let p = after.first, ".)-:/".contains(p) else { break }
            rest = after.dropFirst().drop { $0 == " " || $0 == "." || $0 == ")" }
            numbered = true
        }
        return (stripMarkup(String(rest)), numbered)
    }

    /// The text after the first colon, markup removed; nil when empty or absent.
    static func valueAfterColon(_ s: String) -> String? {
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let value = stripMarkup(String(s[s.index(after: colon)...]).trimmedFast)
            .replacingOccurrences(of: "**", with: "").trimmedFast
        return value.isEmpty ? nil : value
    }
}

/// Approximate matching of a form phrase at the start of a line, so OCR slips ("Ten sang kiem",
/// "Tac qia") still find the heading. Allowed edits grow with the phrase: none below 8
/// characters, then one per 10 characters.
enum FuzzyPrefix {
    
    /// The length of the prefix of `text` that matches `phrase` within the allowed edits and ends
    /// at a word boundary; nil when none does.
    static func match(_ phrase: String, in text: String) -> Int? {
        match(Array(phrase.unicodeScalars), in: Array(text.unicodeScalars))
    }

    static func match(_ p: [Unicode.Scalar], in t: [Unicode.Scalar]) -> Int? {
        let k = p.count < 8 ? 0 : max(1, p.count / 10)
        guard !p.isEmpty, t.count >= p.count - k else { return nil }
        // Most lines are not headings: one of the first two letters must agree before the
        // alignment is worth computing.
        guard t[0] == p[0] || (t.count > 1 && p.count > 1 && t[1] == p[1]) else { return nil }
        if k == 0 {
            guard t.count >= p.count, Array(t[0..<p.count]) == p else { return nil }
            return isBoundary(t, p.count) ? p.count : nil
        }
        let maxLen = min(t.count, p.count + k)
        let far = k + 1
        // prev[j]: edits to turn phrase[0..<i] into text[0..<j], inside a band of width k.
        var prev = (0...maxLen).map { min($0, far) }
        var cur = [Int](repeating: far, count: maxLen + 1)
        for i in 1...p.count {
            let lo = max(1, i - k), hi = min(maxLen, i + k)
            cur[0] = min(i, far)
            if lo > 1 { cur[lo - 1] = far }
            if lo <= hi {
                for j in lo...hi {
                    let cost = p[i - 1] == t[j - 1] ? 0 : 1
                    cur[j] = min(prev[j - 1] + cost, prev[j] + 1, cur[j - 1] + 1, far)
                }
            }
            if hi < maxLen { cur[hi + 1] = far }
            swap(&prev, &cur)
        }
        var best: (edits: Int, length: Int)?
        for j in max(1, p.count - k)...maxLen where isBoundary(t, j) && prev[j] <= k {
            if best == nil || prev[j] < best!.edits { best = (prev[j], j) }
        }
        return best?.length
    }

    private static func isBoundary(_ t: [Unicode.Scalar], _ j: Int) -> Bool {
        j == t.count || t[j] == " " || t[j] == ":"
    }
}
