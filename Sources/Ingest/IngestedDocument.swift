import Foundation

/// How the text of a document was obtained.
public enum TextOrigin: String, Codable, Sendable {
    /// A plain-text file.
    case text
    /// A PDF's own text layer.
    case pdfText = "pdf-text"
    /// Recognised from an image or an image-only PDF.
    case ocr
    /// A word-processor file (.docx, or .doc read by antiword).
    case docx
}

/// One recognised line of a page, with its box (pixels) and confidence (0–1), when OCR gave them.
public struct TextLine: Sendable, Equatable {
    public var text: String
    public var box: Box?
    public var confidence: Double?
    public init(text: String, box: Box? = nil, confidence: Double? = nil) {
        self.text = text; self.box = box; self.confidence = confidence
    }
}

public struct Box: Sendable, Equatable {
    public var x0, y0, x1, y1: Int
    public init(x0: Int, y0: Int, x1: Int, y1: Int) { self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1 }
    public var width: Int { x1 - x0 }
    public var height: Int { y1 - y0 }
}

/// One page of an ingested document: its text in reading order.
public struct Page: Sendable, Equatable {
    public var number: Int
    public var text: String
    public var origin: TextOrigin
    public var lines: [TextLine]
    /// Mean word confidence (0–1) for OCR'd pages; nil otherwise.
    public var confidence: Double?
    public init(number: Int, text: String, origin: TextOrigin, lines: [TextLine] = [], confidence: Double? = nil) {
        self.number = number; self.text = text; self.origin = origin; self.lines = lines; self.confidence = confidence
    }
}

/// A file read into text with its layout: what Ingest hands on. Knows nothing about letters.
public struct IngestedDocument: Sendable {
    /// The file's path as given.
    public var path: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    public var byteCount: Int
    public var kind: FileKind
    public var pages: [Page]
    /// Notes for the reader of the record: low-confidence pages, a bad text layer replaced by OCR, ….
    public var warnings: [String]
    /// Facts read from outside the body text that a later stage may use, e.g. the time in a
    /// digital-signature box (`signature_time` → `2025-02-07T17:12:11`) or a received stamp.
    public var hints: [String: String]

    public init(path: String, sha256: String, byteCount: Int, kind: FileKind, pages: [Page],
                warnings: [String] = [], hints: [String: String] = [:]) {
        self.path = path; self.sha256 = sha256; self.byteCount = byteCount; self.kind = kind
        self.pages = pages; self.warnings = warnings; self.hints = hints
    }

    /// The whole text, pages separated by a form feed.
    public var text: String { pages.map(\.text).joined(separator: "\u{0C}") }

    /// The origin of the document as a whole: OCR if any page was recognised, else the first page's.
    public var origin: TextOrigin {
        if pages.contains(where: { $0.origin == .ocr }) { return .ocr }
        return pages.first?.origin ?? (kind == .pdf ? .pdfText : .text)
    }

    /// Mean OCR confidence over the recognised pages, nil when no page was recognised.
    public var ocrConfidence: Double? {
        let c = pages.compactMap { $0.origin == .ocr ? $0.confidence : nil }
        return c.isEmpty ? nil : c.reduce(0, +) / Double(c.count)
    }
}

/// Why a file could not be read. Every case names the file; `description` is for the user.
public struct IngestError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case unreadable(String)          // cannot open / I/O error
        case empty                       // 0 bytes
        case tooLarge(String)            // over a configured limit (bytes, pages, pixels)
        case unsupported(String)         // a kind of file we do not read
        case corrupt(String)             // the bytes do not decode as their kind
        case encrypted                   // a password-protected PDF
        case noText                      // nothing readable came out
        case timeout(String)             // a step took longer than allowed
        case tool(String)                // an external tool failed or is missing
        /// The path names something that is not a regular file (a FIFO, a device, a socket, a folder).
        case notAFile(FileNature)
        /// The path is a symbolic link and links are not followed (or it leads out of the inbox).
        case symbolicLink(outside: Bool)
        /// The system refused the file: the errno of open/read, said as a reason, not as Foundation's code.
        case system(SystemFailure)
        /// The file's name is not valid UTF-8 (a copy from an old Windows share, a zip with CP437 names).
        case nameNotUTF8
        /// Reading took more time or memory than allowed for one file or one page.
        case overBudget(Budget)
        /// The bytes changed while they were read (a copy still under way): read again later.
        case changedWhileRead
    }

    /// What a budget allows, for `overBudget`.
    public enum Budget: Sendable, Equatable {
        case fileSeconds(Double)
        case pageSeconds(Double)
        case pageMegabytes(needed: Int, limit: Int)
    }
    public var path: String
    public var page: Int?
    public var reason: Reason

    public init(path: String, page: Int? = nil, _ reason: Reason) {
        self.path = path; self.page = page; self.reason = reason
    }

    public var description: String {
        let where_ = page.map { "\(path) (page \($0))" } ?? path
        switch reason {
        case .unreadable(let s): return "\(where_): cannot read the file: \(s)"
        case .empty: return "\(where_): the file is empty (0 bytes)"
        case .tooLarge(let s): return "\(where_): too large: \(s)"
        case .unsupported(let s): return "\(where_): unsupported file type: \(s)"
        case .corrupt(let s): return "\(where_): the file is damaged: \(s)"
        case .encrypted: return "\(where_): the PDF is encrypted (password-protected)"
        case .noText: return "\(where_): no text could be read from the file"
        case .timeout(let s): return "\(where_): timed out: \(s)"
        case .tool(let s): return "\(where_): \(s)"
        case .notAFile(let nature): return "\(where_): \(nature.englishName), not a file"
        case .symbolicLink(let outside):
            return outside ? "\(where_): a symbolic link leading out of the folder: not read"
                           : "\(where_): a symbolic link: links are not followed"
        case .system(let failure): return "\(where_): cannot read the file: \(failure.englishReason)"
        case .nameNotUTF8: return "\(where_): the file name is not valid UTF-8 (rename the file)"
        case .overBudget(.fileSeconds(let s)): return "\(where_): over budget: reading took longer than \(Int(s)) s"
        case .overBudget(.pageSeconds(let s)): return "\(where_): over budget: one page took longer than \(Int(s)) s"
        case .overBudget(.pageMegabytes(let n, let limit)): return "\(where_): over budget: a page needs about \(n) MB (limit \(limit) MB)"
        case .changedWhileRead: return "\(where_): the file changed while it was read"
        }
    }
}

/// What a path names, from `fstat`/`lstat`: only a regular file is read.
public enum FileNature: String, Sendable, Equatable {
    case regular, directory, fifo, characterDevice, blockDevice, socket, symbolicLink, other

    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .other
        }
    }

    public var englishName: String {
        switch self {
        case .regular: return "a regular file"
        case .directory: return "a folder"
        case .fifo: return "a named pipe (FIFO)"
        case .characterDevice: return "a character device (like /dev/zero)"
        case .blockDevice: return "a block device (a disk)"
        case .socket: return "a socket"
        case .symbolicLink: return "a symbolic link"
        case .other: return "a special file"
        }
    }
}

/// A failed system call on a file, kept as its errno so the message says the cause (not
/// Foundation's `NSCocoaErrorDomain error 256`) and the inbox can tell a full disk from a bad file.
public struct SystemFailure: Sendable, Equatable {
    public var errno: Int32
    public init(errno: Int32) { self.errno = errno }

    /// The errno behind a Foundation error (`NSCocoaErrorDomain` codes and their underlying POSIX
    /// error), so a message says "no space left" instead of "error 256".
    public init(_ error: Error) {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { self.init(errno: Int32(ns.code)); return }
        if let under = ns.userInfo[NSUnderlyingErrorKey] as? NSError, under.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(under.code)); return
        }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: self.init(errno: ENOENT)
        case .fileReadNoPermission, .fileWriteNoPermission: self.init(errno: EACCES)
        case .fileWriteOutOfSpace: self.init(errno: ENOSPC)
        case .fileWriteVolumeReadOnly: self.init(errno: EROFS)
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: self.init(errno: ENAMETOOLONG)
        default: self.init(errno: EIO)
        }
    }

    /// No such file, no permission, name too long, a link loop …: the file's own fault.
    /// A full disk, an I/O error, too many open files: the machine's, worth trying again.
    public var isTransient: Bool {
        [ENOSPC, EDQUOT, EIO, EMFILE, ENFILE, ENOMEM, EAGAIN, EINTR, EBUSY, ETIMEDOUT, ESTALE].contains(errno)
    }

    public var englishReason: String {
        switch errno {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ENAMETOOLONG: return "the name is too long"
        case ENOSPC, EDQUOT: return "no space left on the disk"
        case EIO: return "an input/output error (a bad disk or a network share gone)"
        case EISDIR: return "a folder, not a file"
        case ELOOP: return "a symbolic link"
        case EMFILE, ENFILE: return "too many open files"
        default: return String(cString: strerror(errno))
        }
    }
}
