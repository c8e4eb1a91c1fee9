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
    }

    public enum Unreadable: Sendable, Equatable {
        case noSuchFile, permissionDenied
        /// An I/O error, by its errno.
        case system(errno: Int32)
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
        case .unreadable(.system(let code)): return (vi ? "không đọc được tệp: " : "cannot read the file: ") + systemError(code, lang)
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
        }
    }

    /// The errors a read can meet, said in both languages; another is quoted as the system says it.
    static func systemError(_ code: Int32, _ lang: Lang) -> String {
        let vi = lang == .vi
        switch code {
        case EIO: return vi ? "lỗi vào/ra của ổ đĩa" : "input/output error"
        case ENOSPC: return vi ? "hết chỗ trên ổ đĩa" : "no space left on the disk"
        case EISDIR: return vi ? "là thư mục" : "it is a folder"
        case ENAMETOOLONG: return vi ? "tên tệp quá dài" : "the name is too long"
        case ELOOP: return vi ? "liên kết tượng trưng vòng lặp" : "a loop of symbolic links"
        case EMFILE, ENFILE: return vi ? "mở quá nhiều tệp cùng lúc" : "too many open files"
        case ENXIO, ENODEV: return vi ? "không phải tệp thường (thiết bị)" : "not a regular file (a device)"
        case EAGAIN: return vi ? "tệp đang bận, thử lại sau" : "the file is busy; try again"
        case EROFS: return vi ? "ổ đĩa chỉ đọc" : "the disk is read-only"
        default: return "«" + String(cString: strerror(code)) + "»"
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
        case .zip(let s): return vi ? "vỏ zip của tệp Word bị hỏng (\(s))" : "the Word file's zip is damaged (\(s))"
        // The tool's own words are quoted, not translated: they are what an operator searches for.
        case .toolSaid(let tool, let s): return vi ? "\(tool) báo: «\(s)»" : "\(tool) says: «\(s)»"
        }
    }

    /// One example of every reason, for the tests that render every message in both languages.
    public static let examples: [IngestError] = [
        .unreadable(.noSuchFile), .unreadable(.permissionDenied), .unreadable(.system(errno: EIO)), .unreadable(.system(errno: ENOSPC)), .empty,
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
