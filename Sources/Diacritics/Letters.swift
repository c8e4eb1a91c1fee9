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
    /// Whether folded lower-case ASCII letters have the shape of a Vietnamese syllable: an onset
    /// (b, ch, gh, ngh, qu, tr …), one to three vowels, a coda (c, ch, m, n, ng, nh, p, t) or none.
    /// `office`, `report`, `list` have not; `the`, `to` have (they are also Vietnamese).
    static func hasSyllableShape<C: Collection>(_ f: C) -> Bool where C.Element == UInt8 {
        let w = Array(f)
        var i = 0
        func starts(_ p: String) -> Bool {
            let b = Array(p.utf8)
            return w.count - i >= b.count && Array(w[i..<(i + b.count)]) == b
        }
        for onset in ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr"] where starts(onset) { i += onset.utf8.count; break }
        if i == 0, let c = w.first, "bcdghklmnprstvx".utf8.contains(c) { i = 1 }
        var vowels = 0
        while i < w.count, "aeiouy".utf8.contains(w[i]) { vowels += 1; i += 1 }
        // `gi` and `qu` may carry the vowel themselves (`gì`, `quá`)
        guard vowels >= 1 && vowels <= 3 || (vowels == 0 && i >= 2 && (w[i - 1] == 0x69 || w[i - 1] == 0x75)) else { return false }
        let coda = Array(w[i...])
        return coda.isEmpty || [[0x63], [0x6D], [0x6E], [0x70], [0x74], [0x63, 0x68], [0x6E, 0x67], [0x6E, 0x68]].contains(coda)
    }
}
