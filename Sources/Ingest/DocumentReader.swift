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
    /// Longest one file may take, all pages together, in seconds. A real letter of a few pages takes
    /// seconds; a 200-page blank PDF or a hostile file would hold a worker for many minutes.
    public var maxFileSeconds: Double = 600
    /// Longest one page's recognition may take, in seconds (a dense A4 page OCRs in 2–10 s).
    public var maxPageSeconds: Double = 120
    /// Most memory one page's image may need, in MB (an A4 page at 300 DPI needs about 50).
    public var maxPageMegabytes: Int = 512
    public init() {}

    /// Bytes a page of `pixels` needs while it is prepared and read: the decoded image (4 bytes a
    /// pixel), its grey and binary copies and tesseract's own (about 2 more).
    public static func pageMegabytes(pixels: Int) -> Int { (pixels * 6 + (1 << 20) - 1) >> 20 }
}

/// The time a file has been reading, against its budget; checked before each page and given to
/// each tool as its time limit.
public struct ReadingBudget: Sendable {
    public let limits: IngestLimits
    public let started: Date
    public init(limits: IngestLimits, started: Date = Date()) { self.limits = limits; self.started = started }

    public var remaining: Double { limits.maxFileSeconds - Date().timeIntervalSince(started) }

    /// Throws when the file's time is spent.
    public func check(path: String, page: Int? = nil) throws {
        if remaining <= 0 { throw IngestError(path: path, page: page, .overBudget(.fileSeconds(limits.maxFileSeconds))) }
    }

    /// A tool's time limit: its own, or what is left of the file's, whichever is shorter.
    public var toolTimeout: Double { max(0.5, min(limits.toolTimeout, remaining)) }

    /// A page's recognition limit: its own, or what is left of the file's.
    public var pageSeconds: Double { max(0.5, min(limits.maxPageSeconds, remaining)) }

    /// Throws when a page of `pixels` would need more memory than a page may.
    public func checkMemory(pixels: Int, path: String, page: Int?) throws {
        let needed = IngestLimits.pageMegabytes(pixels: pixels)
        if needed > limits.maxPageMegabytes {
            throw IngestError(path: path, page: page, .overBudget(.pageMegabytes(needed: needed, limit: limits.maxPageMegabytes)))
        }
    }
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
    /// Whether a path that is a symbolic link is read (its target checked like any file). The
    /// command line follows the links it is given; the inbox does not (see `Inbox`).
    public var followSymlinks = true
    public init() {}
}

/// A file in, an `IngestedDocument` out. Sniffs the kind from the bytes and hands the file to the
/// reader for that kind.
public struct DocumentReader: Sendable {
    public var options: IngestOptions
    public init(options: IngestOptions = IngestOptions()) { self.options = options }

    public func read(path: String) throws -> IngestedDocument {
        let file = try OpenedFile(path: path, followSymlinks: options.followSymlinks)
        return try read(file)
    }

    /// Reads a file already opened (and checked) by the caller: limits are checked on what was
    /// opened, and every reader reads that same file, never the path again.
    public func read(_ file: OpenedFile) throws -> IngestedDocument {
        let path = file.path
        let budget = ReadingBudget(limits: options.limits)
        let size = file.size
        if size == 0 { throw IngestError(path: path, .empty) }
        if size > options.limits.maxBytes {
            throw IngestError(path: path, .tooLarge(.bytes(size, limit: options.limits.maxBytes)))
        }
        // Sniff the kind from the first bytes, so a file over its kind's limit is refused unread.
        let head = try file.read(from: 0, count: 8192)
        let kind = FileKind.sniff(head, name: path)
        if kind == .text && size > options.limits.maxTextBytes {
            throw IngestError(path: path, .tooLarge(.textBytes(size, limit: options.limits.maxTextBytes)))
        }
        let bytes = try file.readAll(limit: kind == .text ? options.limits.maxTextBytes : options.limits.maxBytes)
        if bytes.isEmpty { throw IngestError(path: path, .empty) }
        let hash = SHA256.hex(bytes)
        let source = file.readablePath
        let pool = { OCREnginePool.shared(.init(language: options.ocrLanguage, tessdataPath: options.tessdataPath),
                                          workers: options.workers) }
        switch kind {
        case .text:
            return try readText(path: path, bytes: bytes, sha256: hash)
        case .pdf:
            return try PDFReader(options: options, pool: pool, budget: budget)
                .read(path: path, source: source, sha256: hash, byteCount: bytes.count)
        case .png, .jpeg, .tiff, .gif, .bmp, .webp:
            return try ImageReader(options: options, pool: pool, budget: budget)
                .read(path: path, source: source, kind: kind, sha256: hash, byteCount: bytes.count)
        case .docx:
            return try DocxReader(limits: options.limits).read(path: path, bytes: bytes, sha256: hash)
        case .doc:
            return try DocReader(limits: options.limits, budget: budget)
                .read(path: path, source: source, byteCount: bytes.count, sha256: hash)
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
