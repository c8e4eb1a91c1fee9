import Foundation

extension String {
    /// The substring at a UTF-16 range (from a match on this string or its folded twin).
    func slice(_ r: NSRange) -> String {
        guard r.location != NSNotFound else { return "" }
        return (self as NSString).substring(with: r)
    }

    func slice(from: Int, to: Int) -> String {
        let ns = self as NSString
        let a = max(0, min(from, ns.length)), b = max(a, min(to, ns.length))
        return ns.substring(with: NSRange(location: a, length: b - a))
    }

    var utf16Length: Int { (self as NSString).length }

    /// Whitespace runs (tabs, non-breaking spaces, several spaces) as one space, ends trimmed.
    var collapsedSpaces: String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in unicodeScalars {
            if u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{A0}" || u == "\u{0C}" || u == "\u{FEFF}" || (u.value >= 0x2000 && u.value <= 0x200B) {
                pendingSpace = !out.isEmpty; continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(u)
        }
        return String(out)
    }

    /// Leading list marks (`-`, `+`, `•`, `*`, `~`) removed, with trailing `;`, `.`, `,` and spaces.
    var asListItem: String {
        var s = Substring(self)
        while let f = s.first, f == "-" || f == "+" || f == "•" || f == "*" || f == "–" || f == "—" || f == " " || f == "_" || f == "~" { s = s.dropFirst() }
        // A stray quote OCR put after the bullet (`-'Báo, Đài`).
        if let f = s.first, f == "'" || f == "‘" || f == "`" { s = s.dropFirst() }
        while let l = s.last, l == ";" || l == "." || l == "," || l == " " || l == ":" { s = s.dropLast() }
        // A last word of OCR debris (`1u“`) after the item's end, then a stray closing quote.
        if let space = s.lastIndex(of: " "), s[s.index(after: space)...].count <= 3,
           s[s.index(after: space)...].contains(where: { "“”\"‘’".contains($0) }) {
            s = s[..<space]
        }
        while let l = s.last, l == ";" || l == "." || l == "," || l == " " || l == ":" || "“”\"'‘’".contains(l) { s = s.dropLast() }
        // A lone dash after the item's end: the next bullet, or a stroke of the seal.
        if s.hasSuffix(" -") { s = s.dropLast(2); while let l = s.last, l == ";" || l == "." || l == " " { s = s.dropLast() } }
        return String(s)
    }

    /// True when every cased letter is upper case (and there is at least one).
    var isUpperCaseText: Bool {
        var letters = 0
        for ch in self where ch.isLetter {
            if ch.isLowercase { return false }
            if ch.isUppercase { letters += 1 }
        }
        return letters > 0
    }
}

extension String {
    /// Whitespace (and a BOM) trimmed from both ends, without Foundation's CharacterSet machinery.
    var trimmedFast: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }
}

extension String.UTF8View {
    /// Byte-sequence search (Foundation's `contains` goes through locale-aware NSString search).
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        return withContiguousStorageIfAvailable { buf -> Bool in
            guard buf.count >= needle.count else { return false }
            var i = 0
            let last = buf.count - needle.count
            while i <= last {
                if buf[i] == first {
                    var k = 1
                    while k < needle.count && buf[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        } ?? Array(self).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self).utf8.containsSequence(needle) }
    }
}

extension StringProtocol {
    /// Whitespace and the given characters trimmed from both ends (a fast, scalar-wise trim).
    func trimming(_ chars: String) -> String {
        let set = Set(chars.unicodeScalars)
        let scalars = unicodeScalars
        let drop: (Unicode.Scalar) -> Bool = { set.contains($0) || $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        guard let a = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let b = scalars.lastIndex(where: { !drop($0) })!
        return String(String.UnicodeScalarView(scalars[a...b]))
    }
}
