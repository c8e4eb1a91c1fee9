import Foundation

/// Per-scalar facts the restorer needs, for U+0000–U+1EFF (Latin, Vietnamese extended): the
/// lower-case scalar, the folded ASCII letter (diacritics removed, đ→d; 0 when not a Latin
/// letter), and whether the scalar carries a mark. One table lookup per character keeps
/// tokenising at the speed of folding. (Extract's `Folding` does the same for matching; this
/// target depends on nothing, so it keeps its own copy of the rule.)
enum Letters {
    static let limit: UInt32 = 0x1F00

    struct Info { var lower: UInt32; var folded: UInt8; var marked: Bool; var upper: UInt32 }

    static let table: [Info] = {
        var t = [Info](repeating: Info(lower: 0, folded: 0, marked: false, upper: 0), count: Int(limit))
        for u in 0..<limit {
            guard let s = Unicode.Scalar(u) else { continue }
            var info = Info(lower: u, folded: 0, marked: false, upper: u)
            let props = s.properties
            if props.isAlphabetic {
                let lower = props.lowercaseMapping.unicodeScalars
                if lower.count == 1 { info.lower = lower.first!.value }
                let upper = props.uppercaseMapping.unicodeScalars
                if upper.count == 1 { info.upper = upper.first!.value }
                if let first = String(Unicode.Scalar(info.lower)!).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                   first.value < 0x80, (0x61...0x7A).contains(first.value) {
                    info.folded = UInt8(first.value)
                    info.marked = info.lower >= 0x80
                }
            }
            t[Int(u)] = info
        }
        for u: UInt32 in [0x0110, 0x0111] {
            t[Int(u)].folded = 0x64; t[Int(u)].marked = true
        }
        return t
    }()

    @inline(__always) static func info(_ u: UInt32) -> Info? { u < limit ? table[Int(u)] : nil }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        if s.value < limit { return table[Int(s.value)].folded != 0 || s.properties.isAlphabetic }
        return s.properties.isAlphabetic
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    @inline(__always) static func isUpper(_ u: UInt32) -> Bool {
        if u < limit { let i = table[Int(u)]; return i.lower != u }
        return false
    }

    @inline(__always) static func lower(_ u: UInt32) -> UInt32 { u < limit ? table[Int(u)].lower : u }
    @inline(__always) static func upper(_ u: UInt32) -> UInt32 { u < limit ? table[Int(u)].upper : u }
}

extension Letters {
    /// Whether letters (folded, lower case) have the shape of a Vietnamese syllable: an onset
    /// (b, ch, gh, ngh, qu, tr …), one to three vowels, a coda (c, ch, m, n, ng, nh, p, t) or none.
    /// `office`, `report`, `list` have not; `the`, `to` have (they are also Vietnamese). No
    /// allocation: it runs once per word.
    @inline(__always) static func hasSyllableShape(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        let n = r.count
        guard n >= 1, n <= 7 else { return false }
        @inline(__always) func f(_ k: Int) -> UInt8 { k < n ? (info(s[r.lowerBound + k].value)?.folded ?? 0) : 0 }
        @inline(__always) func vowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79 }
        let a = f(0), b = f(1), c = f(2)
        var i = 0
        switch a {
        case 0x6E: i = b == 0x67 ? (c == 0x68 ? 3 : 2) : (b == 0x68 ? 2 : 1)                 // n ng ngh nh
        case 0x63, 0x6B, 0x70, 0x74: i = b == 0x68 || (a == 0x74 && b == 0x72) ? 2 : 1        // c ch k kh p ph t th tr
        case 0x67: i = b == 0x68 || b == 0x69 ? 2 : 1                                         // g gh gi
        case 0x71: i = b == 0x75 ? 2 : 1                                                      // qu
        case 0x62, 0x64, 0x68, 0x6C, 0x6D, 0x72, 0x73, 0x76, 0x78: i = 1
        default: i = 0
        }
        var vowels = 0
        while i < n && vowel(f(i)) { vowels += 1; i += 1 }
        // `gi` and `qu` may carry the vowel themselves (`gì`, `quá`)
        if vowels == 0 && !(i >= 2 && (f(i - 1) == 0x69 || f(i - 1) == 0x75)) { return false }
        if vowels > 3 { return false }
        switch n - i {
        case 0: return true
        case 1: let x = f(i); return x == 0x63 || x == 0x6D || x == 0x6E || x == 0x70 || x == 0x74
        case 2: let x = f(i), y = f(i + 1); return (x == 0x63 && y == 0x68) || (x == 0x6E && (y == 0x67 || y == 0x68))
        default: return false
        }
    }
}
