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
            throw IngestError(path: path, .unreadable(.noSuchFile))
        }
        if isDir.boolValue { throw IngestError(path: path, .unsupported(.folder)) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size == 0 { throw IngestError(path: path, .empty) }
        if size > options.limits.maxBytes {
            throw IngestError(path: path, .tooLarge(.bytes(size, limit: options.limits.maxBytes)))
        }
        // Sniff the kind from the first bytes, so a file over its kind's limit is refused unread.
        let head: [UInt8]
        do {
            let h = try FileHandle(forReadingFrom: url)
            head = [UInt8](try h.read(upToCount: 8192) ?? Data())
            try? h.close()
        } catch { throw IngestError(path: path, .unreadable(Self.unreadable(error))) }
        let kind = FileKind.sniff(head)
        if kind == .text && size > options.limits.maxTextBytes {
            throw IngestError(path: path, .tooLarge(.textBytes(size, limit: options.limits.maxTextBytes)))
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw IngestError(path: path, .unreadable(Self.unreadable(error)))
        }
        let bytes = [UInt8](data)
        let hash = SHA256.hex(bytes)
        let pool = { OCREnginePool.shared(.init(language: options.ocrLanguage, tessdataPath: options.tessdataPath),
                                          workers: options.workers) }
        switch kind {
        case .text:
            return try readText(path: path, bytes: bytes, sha256: hash)
        case .pdf:
            return try PDFReader(options: options, pool: pool).read(path: path, sha256: hash, byteCount: bytes.count)
        case .png, .jpeg, .tiff, .gif, .bmp, .webp:
            return try ImageReader(options: options, pool: pool).read(path: path, kind: kind, sha256: hash, byteCount: bytes.count)
        case .docx:
            return try DocxReader(limits: options.limits).read(path: path, bytes: bytes, sha256: hash)
        case .doc:
            return try DocReader(limits: options.limits).read(path: path, byteCount: bytes.count, sha256: hash)
        case .zip:
            throw IngestError(path: path, .unsupported(.zipNotWord))
        case .unknownBinary:
            throw IngestError(path: path, .unsupported(.binary(nameSays: Self.promisedExtension(path))))
        }
    }

    /// The extension that promises a kind the bytes are not ("letter.pdf" holding noise).
    static func promisedExtension(_ path: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        return ext.isEmpty ? nil : ext
    }

    /// A Foundation read error as what a person can act on (never "NSCocoaErrorDomain error 256").
    static func unreadable(_ error: Error) -> IngestError.Unreadable {
        let ns = error as NSError
        let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
            ?? (ns.domain == NSPOSIXErrorDomain ? ns.code : nil)
        switch posix {
        case Int(EACCES)?, Int(EPERM)?: return .permissionDenied
        case Int(ENOENT)?: return .noSuchFile
        case let code?: return .system(errno: Int32(code))
        default: return ns.code == NSFileReadNoPermissionError ? .permissionDenied : .system(errno: EIO)
        }
    }

    func readText(path: String, bytes: [UInt8], sha256: String) throws -> IngestedDocument {
        if bytes.count > options.limits.maxTextBytes {
            throw IngestError(path: path, .tooLarge(.textBytes(bytes.count, limit: options.limits.maxTextBytes)))
        }
        let (text, encoding) = TextDecoding.decode(bytes)
        var warnings: [ReadingNote] = []
        if encoding == .tcvn3 { warnings.append(.convertedFromTCVN3) }
        // A form feed separates pages (pdftotext writes them so; so may a saved OCR text).
        let pageTexts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        let pages = pageTexts.enumerated().map { Page(number: $0.offset + 1, text: $0.element, origin: .text) }
        return IngestedDocument(path: path, sha256: sha256, byteCount: bytes.count, kind: .text,
                                pages: pages, warnings: warnings)
    }
}
