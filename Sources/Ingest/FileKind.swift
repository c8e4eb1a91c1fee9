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
}
