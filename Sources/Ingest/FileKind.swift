import Foundation

/// What a file is, sniffed from its first bytes (the extension is only a tie-breaker for text).
public enum FileKind: String, Sendable, Codable {
    case text, pdf, png, jpeg, tiff, docx, doc, zip, gif, bmp, webp, unknownBinary = "binary"

    public var isImage: Bool { [.png, .jpeg, .tiff, .gif, .bmp, .webp].contains(self) }

    /// Sniffs the kind from the leading bytes of a file.
    public static func sniff(_ head: [UInt8]) -> FileKind {
        func starts(_ sig: [UInt8]) -> Bool { head.count >= sig.count && Array(head[0..<sig.count]) == sig }
        if starts([0x25, 0x50, 0x44, 0x46]) { return .pdf }                           // %PDF
        if starts([0x89, 0x50, 0x4E, 0x47]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts([0x47, 0x49, 0x46, 0x38]) { return .gif }
        if starts([0x42, 0x4D]) && head.count > 14 { return .bmp }
        if starts([0x52, 0x49, 0x46, 0x46]) && head.count >= 12 && Array(head[8..<12]) == [0x57, 0x45, 0x42, 0x50] { return .webp }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }    // OLE2 compound file
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            // A .docx is a zip whose entries include word/document.xml; the name shows in the first headers.
            let s = String(decoding: head.prefix(4096), as: UTF8.self)
            return s.contains("word/") || s.contains("[Content_Types].xml") ? .docx : .zip
        }
        // %PDF may follow a few bytes of junk (allowed by the PDF spec within the first 1024 bytes).
        let window = head.prefix(1024)
        for i in window.indices.dropLast(4) where window[i] == 0x25
            && window[i + 1] == 0x50 && window[i + 2] == 0x44 && window[i + 3] == 0x46 && window[i + 4] == 0x2D { return .pdf }
        return TextDecoding.looksLikeText(head) ? .text : .unknownBinary
    }

    /// Name endings that promise a binary kind: bytes under such a name are taken as text only when
    /// they plainly are (a few random bytes named `.pdf` are not a text letter).
    static let binaryExtensions: Set<String> = ["pdf", "doc", "docx", "png", "jpg", "jpeg", "tif", "tiff", "gif", "bmp", "webp", "zip"]

    /// Sniffs the kind, the name breaking the tie for what looks like text: a name promising a binary
    /// kind needs text that is valid UTF-8 (or UTF-16 with its mark), of a letter's length, mostly
    /// letters; any text under 16 bytes must be valid UTF-8.
    public static func sniff(_ head: [UInt8], name: String) -> FileKind {
        let kind = sniff(head)
        guard kind == .text else { return kind }
        let utf16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        // A full head (8192 bytes) may end inside a character: up to three bytes may be cut off.
        let cuts = head.count >= 8192 ? 0...3 : 0...0
        let validUTF8 = utf16 || cuts.contains { String(validating: head.dropLast($0), as: UTF8.self) != nil }
        if head.count < 16 && !validUTF8 { return .unknownBinary }
        let ext = (name as NSString).pathExtension.lowercased()
        guard binaryExtensions.contains(ext) else { return kind }
        if !validUTF8 || head.count < 16 { return .unknownBinary }
        let text = String(decoding: head, as: UTF8.self)
        let scalars = text.unicodeScalars
        let wordy = scalars.filter { $0.properties.isAlphabetic || $0 == " " || $0 == "\n" }.count
        return wordy * 2 >= scalars.count ? .text : .unknownBinary
    }
}
