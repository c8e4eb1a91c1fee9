import Foundation

/// The letter's number and symbol (số, ký hiệu): `2164/UBND-KGVX`, `09/2022/QĐ-UBND`, `54-CV/TU`,
/// a blank `/VP-HCQT`. Also used for the numbers of cited documents.
enum NumberParser {
    /// seq, optional year, separator, symbol. The symbol is upper-case letters (Đ too), digits,
    /// `&`, `-`, and for Party documents one `/` part (`CV/TU`).
    static let pattern = Pattern(#"^\s*([0-9]{1,6})?\s*(?:/\s*((?:19|20)[0-9]{2})\s*)?([/-])\s*([A-ZĐÐ][A-Za-zĐđÐ0-9&.\-]*(?:\s*/\s*[A-ZĐÐ][A-Za-zĐđÐ0-9&\-]*)?)"#)

    /// Parses a number at the start of `s` (the text after `Số:`). Returns the number and the
    /// UTF-16 length consumed.
    static func parse(_ s: String) -> (LetterNumber, Int)? {
        guard let m = pattern.firstMatch(in: s) else { return nil }
        let seqText = m.group(1).map { s.slice($0) }
        let year = m.group(2).map { Int(s.slice($0))! }
        let sep = s.slice(m.range(at: 3))
        var symbol = s.slice(m.range(at: 4)).replacingOccurrences(of: " ", with: "")
        symbol = OCRSymbolFixes.apply(symbol)
        while let l = symbol.last, l == "." || l == "-" || l == "/" { symbol.removeLast() }
        guard symbol.count >= 2 || seqText != nil else { return nil }
        var text = seqText ?? ""
        if let y = year { text += "/\(y)" }
        text += sep + symbol
        let number = LetterNumber(text: text, seq: seqText.flatMap { Int($0) }, year: year, symbol: symbol)
        return (number, m.range.location + m.range.length)
    }

    /// A cited number, normalised like `number.text`: spaces removed, OCR slips mended.
    static func normalise(_ s: String) -> String? {
        parse(s.replacingOccurrences(of: " ", with: ""))?.0.text
    }
}

/// OCR slips in symbols, measured on the corpus: an eth (Ð) read for Đ, Đ doubled (`QĐÐ-HVM`).
enum OCRSymbolFixes {
    static let replacements: [(String, String)] = [("Ð", "Đ"), ("ĐĐ", "Đ"), ("đ", "Đ")]
    static func apply(_ s: String) -> String {
        var out = s
        for (a, b) in replacements { out = out.replacingOccurrences(of: a, with: b) }
        return out
    }
}
