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
