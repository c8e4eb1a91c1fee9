import Foundation

/// The document's kind and its trích yếu (subject): the `V/v …` lines under a công văn's number,
/// or the line(s) under another kind's title (`QUYẾT ĐỊNH` / `Về việc …`).
struct Title {
    var kind: DocumentKind = .unknown
    var titleLine: Int?
    var subject: String?
    var subjectLines: ClosedRange<Int>?
}

enum TitleParser {
    /// The kind named by a title line: upper case, folded text equal to a kind's title
    /// (`QUYẾT ĐỊNH`, `KẾ HOẠCH`, OCR'd `KẺ HOẠCH`). Returns the kind and what follows the title on
    /// the same line, if anything.
    static func kindTitle(_ line: Line) -> (DocumentKind, String?)? {
        let text = line.text.trimming(" :*")
        guard text.count >= 4, text.count <= 60 else { return nil }
        let f = Folding.fold(text).collapsedSpaces
        for (title, kind) in DocumentKinds.titlesLongestFirst where kind != .congVan && f.hasPrefix(title) {
            let titleLength = upperPrefixLength(text)
            let restStart = f.index(f.startIndex, offsetBy: title.count)
            let rest = String(f[restStart...]).trimmedFast
            if rest.isEmpty {
                // OCR mixes cases in a title (`QUYẾT ĐịNH`): mostly capitals is enough.
                guard text.isUpperCaseText || HeaderParser.isIssuerText(text) else { return nil }
                return (kind, nil)
            }
            // `THÔNG BÁO Kết luận …`: the title in capitals, the subject following.
            guard titleLength >= title.count, !rest.hasPrefix("so") else { return nil }
            let original = text.collapsedSpaces
            let sub = String(original.dropFirst(title.count)).trimmedFast
            return (kind, sub.isEmpty ? nil : sub)
        }
        return fuzzyKindTitle(text).map { ($0, nil) }
    }

    /// A title line OCR garbled by a letter or two (`QUYÉT ĐNH`, `THONG BAC`, `QUYẾT ĐịNH` in
    /// mixed case): the whole line, mostly capitals, within one edit of a kind's title in the
    /// kinds table (two for the long ones) and nearer to it than to any other kind's.
    static func fuzzyKindTitle(_ text: String) -> DocumentKind? {
        guard HeaderParser.isIssuerText(text) else { return nil }
        let k = Names.key(text)
        guard k.count >= 5, k.count <= 22 else { return nil }
        var best: (distance: Int, kind: DocumentKind)? = nil
        var tie = false
        for (title, kind) in DocumentKinds.titlesLongestFirst where kind != .congVan {
            let tk = Names.key(title)
            guard tk.count >= 6 else { continue }
            let limit = tk.count >= 10 ? 2 : 1
            let d = Fuzzy.distance(k, tk, limit: limit)
            guard d <= limit else { continue }
            if best == nil || d < best!.distance { best = (d, kind); tie = false }
            else if d == best!.distance && kind != best!.kind { tie = true }
        }
        return tie ? nil : best?.kind
    }

    private static func upperPrefixLength(_ s: String) -> Int {
        var n = 0
        for ch in s.collapsedSpaces { if ch.isLetter && !ch.isUppercase { break }; n += 1 }
        return n
    }

    static func parse(_ doc: LetterLines, header: Header, symbolKind: DocumentKind?) -> Title {
        var t = Title()
        let start = 0
        let limit = min(doc.count, max(header.lastLine, 0) + 40)
        var i = start
        var vvLine: Int? = nil
        while i < limit {
            let line = doc[i]
            if !line.isBlank {
                let f = line.folded
                if i > header.lastLine || header.lastLine < 0, LetterKeywords.bodyStart.test(f) || LetterKeywords.recipientsLabel.test(f) {
                    break
                }
                if vvLine == nil, LetterKeywords.subjectLabel.test(line.columns.first.map { Folding.fold($0) } ?? f) { vvLine = i }
                if t.titleLine == nil, let (kind, rest) = kindTitle(line) {
                    t.kind = kind; t.titleLine = i
                    if let rest { t.subject = clean(rest); t.subjectLines = i...i }
                    break
                }
            }
            i += 1
        }
        if let tl = t.titleLine, t.subject == nil {
            (t.subject, t.subjectLines) = subjectLines(doc, after: tl, label: LetterKeywords.aboutLabel)
        } else if t.titleLine == nil, let vv = vvLine {
            t.kind = .congVan
            (t.subject, t.subjectLines) = subjectLines(doc, from: vv)
        }
        if t.kind == .unknown, let k = symbolKind { t.kind = k }
        return t
    }

    /// The V/v subject: the label line and its continuations in the left column.
    static func subjectLines(_ doc: LetterLines, from start: Int) -> (String?, ClosedRange<Int>?) {
        let first = doc[start].columns.first ?? doc[start].text
        let ff = Folding.fold(first)
        guard let m = LetterKeywords.subjectLabel.firstMatch(in: ff) else { return (nil, nil) }
        var parts = [first.slice(from: m.range.length, to: first.utf16Length)]
        var end = start
        var j = start + 1
        var blanks = 0
        while j < doc.count && parts.count < 8 {
            let l = doc[j]
            if l.isBlank { blanks += 1; if blanks > 2 { break }; j += 1; continue }
            blanks = 0
            let left = l.columns.first ?? l.text
            let lf = Folding.fold(left)
            if isStop(l, leftFolded: lf) || left.utf16Length > 70 { break }
            parts.append(left); end = j; j += 1
        }
        return (clean(parts.joined(separator: " ")), start...end)
    }

    /// The subject under a title: the following lines until the body, an upper-case line (the
    /// signer's authority in a decision: `BỘ TRƯỞNG BỘ Y TẾ`), or a rule.
    static func subjectLines(_ doc: LetterLines, after title: Int, label: Pattern) -> (String?, ClosedRange<Int>?) {
        var parts: [String] = []
        var first: Int? = nil, end = title
        var j = title + 1
        var blanks = 0
        while j < doc.count && parts.count < 5 {
            let l = doc[j]
            if l.isBlank {
                blanks += 1
                if (blanks > 1 || !doc.isDoubleSpaced) && !parts.isEmpty { break }
                j += 1; continue
            }
            if !parts.isEmpty && l.text.contains(":") { break }
            blanks = 0
            let left = l.columns.first ?? l.text
            let lf = Folding.fold(left)
            if isStop(l, leftFolded: lf) || (left.isUpperCaseText && left.filter(\.isLetter).count > 6 && !parts.isEmpty) { break }
            // On a scanned page subject lines are centred and short; a line as wide as the
            // body's is the body (text layers and typed text break lines differently).
            if doc.fromOCR && !parts.isEmpty && doc.typicalLineLength >= 50 && Double(left.utf16Length) >= 0.88 * Double(doc.typicalLineLength) { break }
            if left.isUpperCaseText && parts.isEmpty && left.filter(\.isLetter).count > 6 && !label.test(lf) { break }
            var text = left
            if parts.isEmpty, let m = label.firstMatch(in: lf) { text = left.slice(from: m.range.length, to: left.utf16Length) }
            parts.append(text); end = j
            if first == nil { first = j }
            j += 1
        }
        guard let f = first else { return (nil, nil) }
        return (clean(parts.joined(separator: " ")), f...end)
    }

    private static func isStop(_ l: Line, leftFolded lf: String) -> Bool {
        LetterKeywords.subjectStop.test(lf) || LetterKeywords.recipientsLabel.test(lf)
            || LetterKeywords.bodyStart.test(lf) || HeaderParser.mottoRange(lf, original: l.text) != nil
            || DateGrammar.placeDate.test(lf) || LetterKeywords.numberLabel.test(lf)
            || LetterKeywords.stampLine.test(lf) || kindTitle(l) != nil
    }

    static func clean(_ s: String) -> String? {
        let c = s.collapsedSpaces.trimming(" :;.-_*")
        return c.isEmpty ? nil : c
    }
}
