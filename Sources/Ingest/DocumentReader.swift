import Foundation

/// Limits that keep one bad file from taking the machine: every reader checks its own.
public struct IngestLimits: Sendable {
    /// Largest file read at all.
    public var maxBytes: Int = 200 * 1024 * 1024
    /// Largest plain-text file (a 50 MB "letter" is not a letter).
    public var maxTextBytes: Int = 20 * 1024 * 1024
    /// Most pages read from one PDF or multi-page TIFF.
    public var maxPages: Int = 200
    /// Largest image, in pixels (width × height), before it is refused.
    public var maxPixels: Int = 120_000_000
    /// Longest an external tool (pdftotext, pdftoppm, antiword) may run on one file, in seconds.
    public var toolTimeout: Double = 120
    public init() {}
}

/// Options for reading: OCR language and data, limits, workers.
public struct IngestOptions: Sendable {
    public var limits = IngestLimits()
    /// Tesseract language(s), e.g. `vie` or `vie+eng`.
    public var ocrLanguage: String = ProcessInfo.processInfo.environment["VANTHU_OCR_LANG"] ?? "vie"
    /// Tesseract data directory; nil lets libtesseract use its default (TESSDATA_PREFIX or the system path).
    public var tessdataPath: String? = ProcessInfo.processInfo.environment["VANTHU_TESSDATA"]
    /// Pages below this mean confidence (0–1) get a warning.
    public var lowConfidence: Double = 0.6
    /// OCR workers (one tesseract handle each); 0 = number of cores.
    public var workers: Int = 0
    public init() {}
}

/// A file in, an `IngestedDocument` out. Sniffs the kind from the bytes and hands the file to the
/// reader for that kind.
public struct DocumentReader: Sendable {
    public var options: IngestOptions
    public init(options: IngestOptions = IngestOptions()) { self.options = options }

    public func read(path: String) throws -> IngestedDocument {
        let url = URL(fileURLWithPath: path)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw IngestError(path: path, .unreadable("no such file"))
        }
        if isDir.boolValue { throw IngestError(path: path, .unsupported("a folder, not a file")) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { throw IngestError(path: path, .empty) }
        if size > options.limits.maxBytes {
            throw IngestError(path: path, .tooLarge("\(size) bytes (limit \(options.limits.maxBytes))"))
        }
        // Sniff the kind from the first bytes, so a file over its kind's limit is refused unread.
        let head: [UInt8]
        do {
            let h = try FileHandle(forReadingFrom: url)
            head = [UInt8](try h.read(upToCount: 8192) ?? Data())
            try? h.close()
        } catch { throw IngestError(path: path, .unreadable(error.localizedDescription)) }
        let kind = FileKind.sniff(head)
        if kind == .text && size > options.limits.maxTextBytes {
            throw IngestError(path: path, .tooLarge("a text of \(size) bytes (limit \(options.limits.maxTextBytes)) is not a letter"))
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw IngestError(path: path, .unreadable(error.localizedDescription))
        }
        let bytes = [UInt8](data)
        let hash = SHA256.hex(bytes)
        switch kind {
        case .text:
            return try readText(path: path, bytes: bytes, sha256: hash)
        default:
            throw IngestError(path: path, .unsupported(kind.rawValue))
        }
    }

    func readText(path: String, bytes: [UInt8], sha256: String) throws -> IngestedDocument {
        if bytes.count > options.limits.maxTextBytes {
            throw IngestError(path: path, .tooLarge("a text of \(bytes.count) bytes (limit \(options.limits.maxTextBytes)) is not a letter"))
        }
        let (text, encoding) = TextDecoding.decode(bytes)
        var warnings: [String] = []
        if encoding == .tcvn3 { warnings.append("converted from the legacy TCVN3 encoding") }
        // A form feed separates pages (pdftotext writes them so; so may a saved OCR text).
        let pageTexts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        let pages = pageTexts.enumerated().map { Page(number: $0.offset + 1, text: $0.element, origin: .text) }
        return IngestedDocument(path: path, sha256: sha256, byteCount: bytes.count, kind: .text,
                                pages: pages, warnings: warnings)
    }
}
