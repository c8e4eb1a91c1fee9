import Foundation

/// The letter's number and symbol (số, ký hiệu): `2164/UBND-KGVX`, `09/2022/QĐ-UBND`, `54-CV/TU`,
/// a blank `/VP-HCQT`. Also used for the numbers of cited documents.
enum NumberParser {
    /// seq (a letter may follow it: `30c/NQ-CP`), optional year, separator, symbol. The symbol is
    /// upper-case letters (Đ too), digits, `&`, `-`, and for Party documents one `/` part (`CV/TU`)
    /// of two characters or more (a lone capital after a slash is OCR's debris: `/UBND-KTTH /Z_`).
    static let pattern = Pattern(#"^\s*([0-9]{1,6}[a-z]?)?\s*(?:/\s*((?:19|20)[0-9]{2})\s*)?([/-])\s*([A-ZĐÐ][A-Za-zĐđÐ0-9&.]*(?:-\s?[A-ZĐÐ][A-Za-zĐđÐ0-9&.]*)*(?:\s*/\s*[A-ZĐÐ][A-Za-zĐđÐ0-9&\-]+)?)"#)

    /// Parses a number at the start of `s` (the text after `Số:`). Returns the number and the
    /// UTF-16 length consumed.
    static func parse(_ s: String) -> (LetterNumber, Int)? {
        guard let m = pattern.firstMatch(in: s) ?? pattern.firstMatch(in: mendedDigits(s)) else { return nil }
        let s = pattern.firstMatch(in: s) != nil ? s : mendedDigits(s)
        let seqText = m.group(1).map { s.slice($0) }
        let year = m.group(2).map { Int(s.slice($0))! }
        let sep = s.slice(m.range(at: 3))
        var symbol = s.slice(m.range(at: 4)).replacingOccurrences(of: " ", with: "")
        symbol = OCRSymbolFixes.apply(symbol)
        while let l = symbol.last, l == "." || l == "-" || l == "/" { symbol.removeLast() }
        guard symbol.count >= 2 || seqText != nil else { return nil }
        // A blank number with a dash (`-CV/TU`) has capitals for its kind; OCR's dash and marks
        // over hand-written digits (`Số:- N.W4<4 /KH-UBND`) are no number.
        if seqText == nil, year == nil, sep == "-",
           !(symbol.split(separator: "/").first?.allSatisfy { $0.isUppercase && $0.isLetter } ?? false) { return nil }
        var text = seqText ?? ""
        if let y = year { text += "/\(y)" }
        text += sep + symbol
        let number = LetterNumber(text: text, seq: seqText.flatMap { Int($0.filter(\.isNumber)) }, year: year, symbol: symbol)
        return (number, m.range.location + m.range.length)
    }

    /// The number's sequence with OCR's stand-ins for digits replaced (`6§0 /TB` → `660 /TB`,
    /// `Ø1. /2013` → `01 /2013`): only in the first token, only when it holds a real digit too.
    static func mendedDigits(_ s: String) -> String {
        let trimmed = s.drop(while: { $0 == " " })
        guard let end = trimmed.firstIndex(where: { $0 == "/" || $0 == " " || $0 == "-" }) ?? Optional(trimmed.endIndex) else { return s }
        let token = trimmed[..<end]
        guard token.count <= 6, token.contains(where: \.isNumber) else { return s }
        var mended = ""
        for ch in token {
            if ch.isNumber && ch.isASCII { mended.append(ch) }
            else if let d = OCRCharacterConfusions.digits[ch] { mended.append(d) }
            else if ch == "." || ch == "," || ch == "`" || ch == "'" { continue }
            else { return s }
        }
        return mended + String(trimmed[end...])
    }

    /// A cited number, normalised like `number.text`: spaces removed, OCR slips mended.
    static func normalise(_ s: String) -> String? {
        parse(s.replacingOccurrences(of: " ", with: ""))?.0.text
    }
}

/// OCR slips in symbols, measured on the corpus: an eth (Ð) read for Đ, Đ doubled or tripled (`QĐÐ-HVM`).
enum OCRSymbolFixes {
    static let replacements: [(String, String)] = [("Ð", "Đ"), ("ĐĐ", "Đ"), ("đ", "Đ")]
    static func apply(_ s: String) -> String {
        var out = s
        for (a, b) in replacements { out = out.replacingOccurrences(of: a, with: b) }
        // A run of three (`HĐÐĐND`) is as much a slip as a pair.
        while out.contains("ĐĐ") { out = out.replacingOccurrences(of: "ĐĐ", with: "Đ") }
        return out.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.split(separator: "-", omittingEmptySubsequences: false).map { withLostDash(String($0)) }.joined(separator: "-")
        }.joined(separator: "/")
    }

    /// A body's abbreviation run into the part beside it, the dash lost (`UBNDVX` → `UBND-VX`,
    /// `KHUBND` → `KH-UBND`): only with two capitals or more on the other side.
    static func withLostDash(_ part: String) -> String {
        for body in Names.symbolBodies where part.count >= body.count + 2 {
            let rest: Substring
            if part.hasPrefix(body) { rest = part.dropFirst(body.count) } else if part.hasSuffix(body) { rest = part.dropLast(body.count) } else { continue }
            guard rest.allSatisfy({ $0.isUppercase && $0.isLetter }) else { continue }
            return part.hasPrefix(body) ? body + "-" + rest : rest + "-" + body
        }
        return part
    }
}

extension OCRSymbolFixes {
    /// Whether a part of a symbol is a kind's abbreviation (`BC`, `QĐ`: `DocumentKinds`) or an
    /// issuing body's (`UBND`: `Names.symbolBodies`), as printed.
    static func isKindOrBody(_ part: String) -> Bool {
        Names.symbolBodies.contains(part) || DocumentKinds.table.contains { $0.abbreviations.contains(part) }
    }

    /// The number with its symbol's kind abbreviation put back from the title's kind, where OCR
    /// garbled it (`C-UBND`, `ĐC-UBND` under the title BÁO CÁO, on generated scans): a head
    /// before the symbol's first dash that is no kind's or body's abbreviation and one letter from
    /// the title kind's. Not for a công văn, whose symbol names its issuer, not a kind. Nil when
    /// nothing changes.
    static func withTitleKind(_ n: LetterNumber, kind: DocumentKind) -> LetterNumber? {
        guard kind != .congVan, let symbol = n.symbol, let dash = symbol.firstIndex(of: "-"),
              let entry = DocumentKinds.entry(kind), n.text.hasSuffix(symbol) else { return nil }
        let head = String(symbol[..<dash])
        guard !head.isEmpty, !head.contains("/"), !isKindOrBody(head),
              let abbreviation = entry.abbreviations.first(where: { Fuzzy.distance(head, $0, limit: 2) == 1 }) else { return nil }
        var out = n
        out.symbol = abbreviation + symbol[dash...]
        out.text = n.text.dropLast(symbol.count) + out.symbol!
        return out
    }
}
