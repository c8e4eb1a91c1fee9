import Foundation

/// Why a file could not be read: the file (and page) as values, the reason as a typed case, both
/// rendered in the reader's language only when shown. Nothing here is a sentence to translate.
public struct IngestError: Error, Message, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case unreadable(Unreadable)
        case empty
        case tooLarge(Limit)
        case unsupported(Unsupported)
        case corrupt(Damage)
        /// A password-protected PDF.
        case encrypted
        /// Nothing readable came out.
        case noText
        case timeout(tool: String, seconds: Int)
        case tool(ToolProblem)
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

    public enum Unreadable: Sendable, Equatable {
        case noSuchFile, permissionDenied
    }

    /// Which limit a file is over (`IngestLimits`).
    public enum Limit: Sendable, Equatable {
        case bytes(Int, limit: Int)
        /// A text this long is not a letter.
        case textBytes(Int, limit: Int)
        case pages(Int, limit: Int)
        case pixels(Int, limit: Int)
        case toolOutput(tool: String, limit: Int)
        /// An entry of a Word file that inflates past the limit (a zip bomb).
        case inflated(entry: String, limit: Int)
    }

    public enum Unsupported: Sendable, Equatable {
        case folder
        case zipNotWord
        case zipWithoutDocument
        case oleNotWord
        /// Bytes of no kind vanthu reads; the name's extension when it promised one.
        case binary(nameSays: String?)
    }

    public enum Damage: Sendable, Equatable {
        case imageHeader(kind: String)
        case imageData
        case pagePreparation
        case pageRasterisation
        case pdfWithoutPages
        case malformedWordXML
        /// The zip container of a Word file, with where it breaks.
        case zip(String)
        /// What the reading tool (pdfinfo, antiword) said of the bytes, in its own words.
        case toolSaid(tool: String, String)
    }

    public enum ToolProblem: Sendable, Equatable {
        case missing(tool: String)
        case ocrLanguageData(language: String, folder: String?)
        case ocrFailed
    }

    public var path: String
    public var page: Int?
    public var reason: Reason

    public init(path: String, page: Int? = nil, _ reason: Reason) {
        self.path = path; self.page = page; self.reason = reason
    }

    public var description: String { text(.en) }

    public func text(_ lang: Lang) -> String {
        let place = page.map { lang == .vi ? "\(path) (trang \($0))" : "\(path) (page \($0))" } ?? path
        return "\(place): " + Self.text(reason, lang)
    }

    /// The reason alone, without the file.
    public static func text(_ reason: Reason, _ lang: Lang) -> String {
        let vi = lang == .vi
        switch reason {
        case .unreadable(.noSuchFile): return vi ? "không có tệp này" : "no such file"
        case .unreadable(.permissionDenied): return vi ? "không có quyền đọc tệp" : "permission denied"
        case .empty: return vi ? "tệp rỗng (0 byte)" : "the file is empty (0 bytes)"
        case .tooLarge(let limit): return (vi ? "quá lớn: " : "too large: ") + text(limit, lang)
        case .unsupported(let u): return (vi ? "loại tệp không hỗ trợ: " : "unsupported file type: ") + text(u, lang)
        case .corrupt(let d): return (vi ? "tệp bị hỏng: " : "the file is damaged: ") + text(d, lang)
        case .encrypted: return vi ? "PDF được mã hóa (có mật khẩu)" : "the PDF is encrypted (password-protected)"
        case .noText: return vi ? "không đọc được chữ nào từ tệp" : "no text could be read from the file"
        case .timeout(let tool, let s):
            return vi ? "quá thời gian: \(tool) chạy quá \(s) giây" : "timed out: \(tool) ran longer than \(s) s"
        case .tool(.missing(let tool)): return vi ? "chưa cài \(tool)" : "\(tool) is not installed"
        case .tool(.ocrLanguageData(let l, let folder)):
            return vi ? "tesseract không nạp được dữ liệu ngôn ngữ \(l) trong \(folder ?? "thư mục tessdata mặc định")"
                      : "tesseract could not load language data: \(l) in \(folder ?? "the default tessdata folder")"
        case .tool(.ocrFailed): return vi ? "tesseract không nhận dạng được trang" : "tesseract could not recognise the page"
        case .notAFile(let nature): return vi ? "\(nature.text(lang)), không phải tệp" : "\(nature.text(lang)), not a file"
        case .symbolicLink(let outside):
            if outside { return vi ? "liên kết tượng trưng dẫn ra ngoài thư mục: không đọc" : "a symbolic link leading out of the folder: not read" }
            return vi ? "liên kết tượng trưng: không đi theo liên kết" : "a symbolic link: links are not followed"
        case .system(let failure): return (vi ? "không đọc được tệp: " : "cannot read the file: ") + failure.text(lang)
        case .nameNotUTF8: return vi ? "tên tệp không phải UTF-8 hợp lệ (hãy đổi tên tệp)" : "the file name is not valid UTF-8 (rename the file)"
        case .overBudget(.fileSeconds(let s)):
            return vi ? "vượt ngân sách: đọc tệp lâu hơn \(Int(s)) giây" : "over budget: reading took longer than \(Int(s)) s"
        case .overBudget(.pageSeconds(let s)):
            return vi ? "vượt ngân sách: một trang đọc lâu hơn \(Int(s)) giây" : "over budget: one page took longer than \(Int(s)) s"
        case .overBudget(.pageMegabytes(let n, let limit)):
            return vi ? "vượt ngân sách: một trang cần khoảng \(n) MB (giới hạn \(limit) MB)"
                      : "over budget: a page needs about \(n) MB (limit \(limit) MB)"
        case .changedWhileRead: return vi ? "tệp thay đổi trong lúc đang đọc" : "the file changed while it was read"
        }
    }

    static func text(_ limit: Limit, _ lang: Lang) -> String {
        let vi = lang == .vi
        switch limit {
        case .bytes(let n, let l): return vi ? "\(n) byte (giới hạn \(l))" : "\(n) bytes (limit \(l))"
        case .textBytes(let n, let l):
            return vi ? "văn bản chữ \(n) byte (giới hạn \(l)) không phải một văn bản hành chính"
                      : "a text of \(n) bytes (limit \(l)) is not a letter"
        case .pages(let n, let l): return vi ? "\(n) trang (giới hạn \(l))" : "\(n) pages (limit \(l))"
        case .pixels(let n, let l): return vi ? "\(n) điểm ảnh (giới hạn \(l))" : "\(n) pixels (limit \(l))"
        case .toolOutput(let t, let l): return vi ? "\(t) in ra hơn \(l) byte" : "\(t) printed more than \(l) bytes"
        case .inflated(let e, let l): return vi ? "\(e) giải nén vượt quá \(l) byte" : "\(e) inflates past \(l) bytes"
        }
    }

    static func text(_ u: Unsupported, _ lang: Lang) -> String {
        let vi = lang == .vi
        switch u {
        case .folder: return vi ? "là thư mục, không phải tệp" : "a folder, not a file"
        case .zipNotWord: return vi ? "tệp zip không phải văn bản Word" : "a zip archive that is not a Word document"
        case .zipWithoutDocument: return vi ? "tệp zip không có word/document.xml" : "a zip without word/document.xml"
        case .oleNotWord: return vi ? "tệp OLE2 không phải văn bản Word" : "an OLE2 file that is not a Word document"
        case .binary(nil): return vi ? "dữ liệu nhị phân không rõ loại" : "binary data of no known kind"
        case .binary(let ext?):
            return vi ? "dữ liệu nhị phân không rõ loại (tên tệp có đuôi .\(ext) nhưng nội dung không phải)"
                      : "binary data of no known kind (the name ends in .\(ext), the content is not that)"
        }
    }

    static func text(_ d: Damage, _ lang: Lang) -> String {
        let vi = lang == .vi
        switch d {
        case .imageHeader(let k): return vi ? "không đọc được phần đầu tệp ảnh \(k)" : "the \(k) header cannot be read"
        case .imageData: return vi ? "không giải mã được dữ liệu ảnh (bị cắt cụt hoặc hỏng)" : "the image data cannot be decoded (truncated or damaged)"
        case .pagePreparation: return vi ? "không chuẩn bị được ảnh trang" : "the page image could not be prepared"
        case .pageRasterisation: return vi ? "không dựng được ảnh trang" : "the page could not be rasterised"
        case .pdfWithoutPages: return vi ? "PDF không có trang nào" : "the PDF has no pages"
        case .malformedWordXML: return vi ? "word/document.xml không phải XML hợp lệ" : "word/document.xml is not well-formed XML"
        case .zip(let s): return vi ? "vỏ zip của tệp Word bị hỏng («\(s)»)" : "the Word file's zip is damaged («\(s)»)"
        // The tool's own words are quoted, not translated: they are what an operator searches for.
        case .toolSaid(let tool, let s): return vi ? "\(tool) báo: «\(s)»" : "\(tool) says: «\(s)»"
        }
    }

    /// One example of every reason, for the tests that render every message in both languages.
    public static let examples: [IngestError] = [
        .unreadable(.noSuchFile), .unreadable(.permissionDenied), .system(SystemFailure(errno: EIO)),
        .system(SystemFailure(errno: ENOSPC)), .system(SystemFailure(errno: ENAMETOOLONG)), .empty,
        .notAFile(.fifo), .notAFile(.characterDevice), .notAFile(.directory), .symbolicLink(outside: true),
        .symbolicLink(outside: false), .nameNotUTF8, .overBudget(.fileSeconds(300)), .overBudget(.pageSeconds(120)),
        .overBudget(.pageMegabytes(needed: 900, limit: 600)), .changedWhileRead,
        .tooLarge(.bytes(300, limit: 200)), .tooLarge(.textBytes(9, limit: 8)), .tooLarge(.pages(5000, limit: 200)),
        .tooLarge(.pixels(400, limit: 120)), .tooLarge(.toolOutput(tool: "pdftotext", limit: 10)),
        .tooLarge(.inflated(entry: "word/document.xml", limit: 10)),
        .unsupported(.folder), .unsupported(.zipNotWord), .unsupported(.zipWithoutDocument), .unsupported(.oleNotWord),
        .unsupported(.binary(nameSays: nil)), .unsupported(.binary(nameSays: "pdf")),
        .corrupt(.imageHeader(kind: "PNG")), .corrupt(.imageData), .corrupt(.pagePreparation), .corrupt(.pageRasterisation),
        .corrupt(.pdfWithoutPages), .corrupt(.malformedWordXML), .corrupt(.zip("bad central directory")),
        .corrupt(.toolSaid(tool: "pdfinfo", "Syntax Error")), .encrypted, .noText,
        .timeout(tool: "pdftoppm", seconds: 120), .tool(.missing(tool: "antiword")),
        .tool(.ocrLanguageData(language: "vie", folder: nil)), .tool(.ocrFailed),
    ].map { IngestError(path: "thu.pdf", page: 2, $0) }
}

/// What a path names, from `fstat`/`lstat`: only a regular file is read.
public enum FileNature: String, Sendable, Equatable, Message {
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

    public func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .regular: return vi ? "một tệp thường" : "a regular file"
        case .directory: return vi ? "một thư mục" : "a folder"
        case .fifo: return vi ? "một đường ống có tên (FIFO)" : "a named pipe (FIFO)"
        case .characterDevice: return vi ? "một thiết bị ký tự (như /dev/zero)" : "a character device (like /dev/zero)"
        case .blockDevice: return vi ? "một thiết bị khối (ổ đĩa)" : "a block device (a disk)"
        case .socket: return vi ? "một socket" : "a socket"
        case .symbolicLink: return vi ? "một liên kết tượng trưng" : "a symbolic link"
        case .other: return vi ? "một tệp đặc biệt" : "a special file"
        }
    }
}

/// A failed system call on a file, kept as its errno so the message says the cause (not
/// Foundation's `NSCocoaErrorDomain error 256`) and the inbox can tell a full disk from a bad file.
public struct SystemFailure: Sendable, Equatable, Message {
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

    /// The errors a read can meet, said in both languages; another is quoted as the system says it.
    public func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch errno {
        case ENOENT: return vi ? "không có tệp này" : "no such file"
        case EACCES, EPERM: return vi ? "không có quyền đọc" : "permission denied"
        case ENAMETOOLONG: return vi ? "tên tệp quá dài" : "the name is too long"
        case ENOSPC, EDQUOT: return vi ? "hết chỗ trên ổ đĩa" : "no space left on the disk"
        case EIO: return vi ? "lỗi vào/ra (ổ đĩa hỏng hoặc thư mục mạng mất kết nối)" : "an input/output error (a bad disk or a network share gone)"
        case EISDIR: return vi ? "là thư mục, không phải tệp" : "a folder, not a file"
        case ELOOP: return vi ? "một liên kết tượng trưng" : "a symbolic link"
        case EMFILE, ENFILE: return vi ? "mở quá nhiều tệp cùng lúc" : "too many open files"
        case EROFS: return vi ? "ổ đĩa chỉ đọc" : "the disk is read-only"
        case EAGAIN, EBUSY: return vi ? "tệp đang bận, thử lại sau" : "the file is busy; try again"
        default: return "«" + String(cString: strerror(errno)) + "»"
        }
    }

    /// The reason in English, for the operators' journal.
    public var englishReason: String { text(.en) }
}
