import Foundation

/// Bytes of a text file → NFC Unicode text: UTF-8 (with or without BOM), UTF-16 (BOM, or detected
/// from its zero bytes), and the legacy TCVN3 (ABC) 8-bit encoding of .VnTime fonts still found in
/// files typed before Unicode became mandatory (Quyết định 72/2002/QĐ-TTg).
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8, utf16LE, utf16BE, tcvn3, latin1 }

    /// Decodes bytes, returning the text (NFC, line ends as \n) and the encoding found.
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding) {
        var b = bytes[...]
        var encoding: Encoding
        var text: String
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3); encoding = .utf8 }
        if b.starts(with: [0xFF, 0xFE]) {
            encoding = .utf16LE; text = utf16(b.dropFirst(2), littleEndian: true)
        } else if b.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16BE; text = utf16(b.dropFirst(2), littleEndian: false)
        } else if let e = sniffUTF16(b) {
            encoding = e; text = utf16(b, littleEndian: e == .utf16LE)
        } else if let s = String(validating: b, as: UTF8.self) {
            encoding = .utf8; text = s
        } else if looksLikeTCVN3(b) {
            encoding = .tcvn3; text = tcvn3(b)
        } else {
            // Mostly UTF-8 with a few broken bytes (a truncated copy): keep what decodes.
            let s = String(decoding: b, as: UTF8.self)
            let bad = s.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
            if bad * 50 < max(1, b.count) { encoding = .utf8; text = s }
            else { encoding = .latin1; text = String(b.map { Character(Unicode.Scalar($0)) }) }
        }
        // Foundation's replace and normalise are slow on Linux: only when the bytes call for them.
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if needsComposition(text) { text = text.precomposedStringWithCanonicalMapping }
        return (text, encoding)
    }

    /// True when the text holds combining marks (U+0300–U+036F, U+1DC0–U+1DFF, U+20D0–U+20FF,
    /// U+FE20–U+FE2F): decomposed Vietnamese that NFC must compose.
    static func needsComposition(_ s: String) -> Bool {
        var prev: UInt8 = 0
        for b in s.utf8 {
            if (prev == 0xCC || (prev == 0xCD && b < 0xB0)) && b >= 0x80 { return true }
            if prev == 0xE1 && (b == 0xB7) { return true }
            if prev == 0xE2 && b == 0x83 { return true }
            if prev == 0xEF && b == 0xB8 { return true }
            prev = b
        }
        return false
    }

    /// True when the leading bytes look like text in one of the encodings above: no NUL bytes
    /// (except UTF-16's), few control characters.
    public static func looksLikeText(_ head: [UInt8]) -> Bool {
        if head.isEmpty { return true }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        if sniffUTF16(head[...]) != nil { return true }
        var control = 0
        for c in head where c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C {
            if c == 0 { return false }
            control += 1
        }
        return control * 100 < head.count * 2
    }

    private static func sniffUTF16(_ b: ArraySlice<UInt8>) -> Encoding? {
        let n = min(b.count, 4096) & ~1
        guard n >= 8 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for (i, c) in b.prefix(n).enumerated() where c == 0 { if i % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 } }
        if zeroOdd * 3 > n / 2 && zeroEven * 20 < n / 2 { return .utf16LE }   // ASCII letters, then 0
        if zeroEven * 3 > n / 2 && zeroOdd * 20 < n / 2 { return .utf16BE }
        return nil
    }

    private static func utf16(_ b: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(b.count / 2)
        var i = b.startIndex
        while i + 1 < b.endIndex {
            let lo = UInt16(b[i]), hi = UInt16(b[i + 1])
            units.append(littleEndian ? (hi << 8 | lo) : (lo << 8 | hi))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// TCVN3 text is not valid UTF-8 and most of its high bytes are the lower-case Vietnamese
    /// letters at 0xA8–0xFE.
    static func looksLikeTCVN3(_ b: ArraySlice<UInt8>) -> Bool {
        var high = 0, letters = 0
        for c in b where c >= 0x80 { high += 1; if c >= 0xA1 && c != 0xB0 { letters += 1 } }
        return high > 0 && letters * 10 >= high * 8
    }

    static func tcvn3(_ b: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for c in b {
            let u = c < 0x80 ? UInt32(c) : UInt32(tcvn3High[Int(c) - 0x80])
            scalars.append(Unicode.Scalar(u) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// TCVN 5712:1993 bytes 0x80–0xFF → Unicode, as glibc's iconv TCVN5712-1 maps them. TCVN3
    /// (ABC) uses the lower-case positions 0xA1–0xFE; the upper-case toned letters at 0x80–0x9F are
    /// the VN1 extension, harmless to accept.
    static let tcvn3High: [UInt16] = [
        0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,  // 0x80
        0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,  // 0x88
        0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,  // 0x90
        0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,  // 0x98
        0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // 0xA0
        0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // 0xA8
        0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // 0xB0
        0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // 0xB8
        0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // 0xC0
        0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // 0xC8
        0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // 0xD0
        0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // 0xD8
        0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // 0xE0
        0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // 0xE8
        0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // 0xF0
        0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // 0xF8
    ]
}
