import Foundation

/// Folding Vietnamese text for matching: diacritics removed, đ→d, lower case.
///
/// The folded string has exactly as many UTF-16 code units as its (NFC) input, so a range found
/// in the folded text is the same range in the original: parsers match on the folded text and
/// cut the value out of the original, diacritics intact.
public enum Folding {
    /// Lookup for U+0000–U+221F: the folded (lower-case, unaccented) UTF-16 unit.
    private static let lower: [UInt16] = buildTable(lowercase: true)
    private static let keep: [UInt16] = buildTable(lowercase: false)

    private static func buildTable(lowercase: Bool) -> [UInt16] {
        var t = [UInt16](repeating: 0, count: 0x2220)
        for u in 0..<0x2220 {
            t[u] = UInt16(u)
            guard u >= 0x80, let scalar = Unicode.Scalar(u) else { continue }
            let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
            if let base = decomposed.first, base.value < 0x80 { t[u] = UInt16(base.value) }
        }
        // Letters that do not decompose but read as d: đ Đ, and the eth look-alikes Ð ð.
        for u in [0x0110, 0x00D0] { t[u] = 0x44 }
        for u in [0x0111, 0x00F0] { t[u] = 0x64 }
        // Typographic quotes and dashes fold to their ASCII forms.
        for u in [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212] { t[u] = 0x2D }
        for u in [0x2018, 0x2019] { t[u] = 0x27 }
        for u in [0x201C, 0x201D] { t[u] = 0x22 }
        t[0xA0] = 0x20
        if lowercase {
            for u in 0x41...0x5A { t[u] = UInt16(u + 0x20) }
            for u in 0x80..<0x2220 where t[u] >= 0x41 && t[u] <= 0x5A { t[u] += 0x20 }
        }
        return t
    }

    /// `Quyết Định` → `quyet dinh`; with `keepCase`, `Quyết Định` → `Quyet Dinh`.
    public static func fold(_ s: String, keepCase: Bool = false) -> String {
        let table = keepCase ? keep : lower
        var units = Array(s.utf16)
        for i in units.indices where units[i] < 0x2220 { units[i] = table[Int(units[i])] }
        return string(utf16: units)
    }

    /// UTF-16 units → String, encoding UTF-8 directly (the standard library's generic decoder
    /// is the slowest step of folding a letter).
    public static func string(utf16 units: [UInt16]) -> String {
        String(unsafeUninitializedCapacity: units.count * 3) { buf in
            var n = 0, i = 0
            while i < units.count {
                var c = UInt32(units[i]); i += 1
                if c >= 0xD800 && c < 0xDC00, i < units.count, units[i] >= 0xDC00 && units[i] < 0xE000 {
                    c = 0x10000 + ((c - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00); i += 1
                } else if c >= 0xD800 && c < 0xE000 {
                    c = 0xFFFD
                }
                if c < 0x80 { buf[n] = UInt8(c); n += 1 }
                else if c < 0x800 { buf[n] = UInt8(0xC0 | c >> 6); buf[n + 1] = UInt8(0x80 | c & 0x3F); n += 2 }
                else if c < 0x10000 {
                    buf[n] = UInt8(0xE0 | c >> 12); buf[n + 1] = UInt8(0x80 | (c >> 6) & 0x3F)
                    buf[n + 2] = UInt8(0x80 | c & 0x3F); n += 3
                } else {
                    // A surrogate pair took 2 units; 4 bytes fit in the 6 reserved for them.
                    buf[n] = UInt8(0xF0 | c >> 18); buf[n + 1] = UInt8(0x80 | (c >> 12) & 0x3F)
                    buf[n + 2] = UInt8(0x80 | (c >> 6) & 0x3F); buf[n + 3] = UInt8(0x80 | c & 0x3F); n += 4
                }
            }
            return n
        }
    }

    /// True for a UTF-16 unit that is a Latin letter with a diacritic (or đ).
    @inline(__always)
    public static func isMarkedLetter(_ u: UInt16) -> Bool {
        u >= 0xC0 && u < 0x2220 && lower[Int(u)] < 0x80 && lower[Int(u)] != u && u != 0xD7 && u != 0xF7
    }

    /// True when the text carries Vietnamese diacritics (any letter outside ASCII that folds to a
    /// Latin letter, or đ).
    public static func hasDiacritics(_ s: String) -> Bool {
        s.utf16.contains { $0 >= 0xC0 && $0 < 0x2220 && lower[Int($0)] < 0x80 && lower[Int($0)] != $0 }
    }
}
