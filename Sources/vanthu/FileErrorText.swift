import Foundation
import Ingest
import Pipeline
import Store

/// A file that could not be read, said in the user's language. The file's path is a value put in
/// front of the sentence, never inside the text that is translated, so no word of a name is changed
/// (`tiff-500-pages.tif` stays as it is).
extension IngestError {
    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        var place = path
        if let page { place += vi ? " (trang \(page))" : " (page \(page))" }
        return (vi ? "Lỗi: " : "error: ") + place + ": " + reason.text(lang)
    }
}

extension IngestError.Reason {
    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .unreadable(let s): return vi ? "không đọc được tệp: \(Msg.translate(s, lang))" : "cannot read the file: \(s)"
        case .empty: return vi ? "tệp rỗng (0 byte)" : "the file is empty (0 bytes)"
        case .tooLarge(let s): return vi ? "quá lớn: \(Msg.translate(s, lang))" : "too large: \(s)"
        case .unsupported(let s): return vi ? "loại tệp không hỗ trợ: \(Msg.translate(s, lang))" : "unsupported file type: \(s)"
        case .corrupt(let s): return vi ? "tệp bị hỏng: \(s)" : "the file is damaged: \(s)"
        case .encrypted: return vi ? "PDF được mã hóa (có mật khẩu)" : "the PDF is encrypted (password-protected)"
        case .noText: return vi ? "không đọc được chữ nào từ tệp" : "no text could be read from the file"
        case .timeout(let s): return vi ? "quá thời gian: \(s)" : "timed out: \(s)"
        case .tool(let s): return s
        case .notAFile(let nature): return nature.text(lang)
        case .symbolicLink(let outside):
            if outside { return vi ? "liên kết tượng trưng trỏ ra ngoài thư mục: không đọc" : "a symbolic link leading out of the folder: not read" }
            return vi ? "liên kết tượng trưng (symlink): không đọc theo liên kết" : "a symbolic link: links are not followed"
        case .system(let failure): return (vi ? "không đọc được tệp: " : "cannot read the file: ") + failure.text(lang)
        case .nameNotUTF8: return vi ? "tên tệp không phải UTF-8 (hãy đổi tên tệp)" : "the file name is not valid UTF-8 (rename the file)"
        case .overBudget(.fileSeconds(let s)):
            return vi ? "vượt ngân sách: đọc tệp lâu hơn \(Int(s)) giây" : "over budget: reading took longer than \(Int(s)) s"
        case .overBudget(.pageSeconds(let s)):
            return vi ? "vượt ngân sách: một trang lâu hơn \(Int(s)) giây" : "over budget: one page took longer than \(Int(s)) s"
        case .overBudget(.pageMegabytes(let n, let limit)):
            return vi ? "vượt ngân sách: một trang cần khoảng \(n) MB bộ nhớ (giới hạn \(limit) MB)"
                      : "over budget: a page needs about \(n) MB (limit \(limit) MB)"
        case .changedWhileRead: return vi ? "tệp thay đổi trong khi đang đọc" : "the file changed while it was read"
        }
    }
}

extension FileNature {
    func text(_ lang: Lang) -> String {
        guard lang == .vi else { return englishName + ", not a file" }
        switch self {
        case .regular: return "tệp thường"
        case .directory: return "là thư mục, không phải tệp"
        case .fifo: return "là ống có tên (FIFO), không phải tệp"
        case .characterDevice: return "là thiết bị ký tự (như /dev/zero), không phải tệp"
        case .blockDevice: return "là thiết bị khối (ổ đĩa), không phải tệp"
        case .socket: return "là socket, không phải tệp"
        case .symbolicLink: return "là liên kết tượng trưng, không phải tệp"
        case .other: return "là tệp đặc biệt, không phải tệp thường"
        }
    }
}

extension FileNature {
    var vietnameseName: String {
        switch self {
        case .regular: return "tệp thường"
        case .directory: return "thư mục"
        case .fifo: return "ống có tên (FIFO)"
        case .characterDevice: return "thiết bị ký tự"
        case .blockDevice: return "thiết bị khối"
        case .socket: return "socket"
        case .symbolicLink: return "liên kết tượng trưng"
        case .other: return "tệp đặc biệt"
        }
    }
}

extension SystemFailure {
    func text(_ lang: Lang) -> String {
        guard lang == .vi else { return englishReason }
        switch errno {
        case ENOENT: return "không có tệp này"
        case EACCES, EPERM: return "không có quyền đọc"
        case ENAMETOOLONG: return "tên quá dài"
        case ENOSPC, EDQUOT: return "hết chỗ trên đĩa"
        case EIO: return "lỗi vào/ra (đĩa hỏng hoặc mất thư mục mạng)"
        case EISDIR: return "là thư mục, không phải tệp"
        case ELOOP: return "là liên kết tượng trưng"
        case EMFILE, ENFILE: return "mở quá nhiều tệp"
        case EROFS: return "ổ đĩa chỉ đọc"
        default: return "lỗi hệ thống \(errno)"
        }
    }
}

extension Msg {
    /// The message for an error met reading a file or the index: a file's own error keeps its path
    /// apart from the words translated.
    static func error(_ error: Error) -> Msg {
        if let e = error as? IngestError { return .fileError(e) }
        if let e = error as? InboxError { return .inboxError(e) }
        if let e = error as? StoreError, case .noSuchFolder(let path) = e { return .indexFolderMissing(path) }
        return .readError("\(error)")
    }
}

extension InboxError {
    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .notAFolder(let p): return p + (vi ? ": không phải thư mục" : ": not a folder")
        case .cannotMove(let s, let d, let why):
            return s + (vi ? ": không chuyển được sang " : ": cannot move to ") + d + ": " + why.text(lang)
        case .archiveNotAFolder(let p, let nature):
            return p + ": " + (vi ? "là \(nature.vietnameseName), không phải thư mục thường: hộp thư không chuyển tệp qua đó"
                                  : "\(nature.englishName), not a plain folder: the inbox will not move files through it")
        case .archiveUnusable(let p, let why): return p + (vi ? ": không dùng được thư mục: " : ": cannot use the folder: ") + why.text(lang)
        case .indexInsideInbox(let index, let folder):
            return index + (vi ? ": chỉ mục nằm trong thư mục đang theo dõi " : ": the index is inside the watched folder ") + folder
                + (vi ? ": hãy đặt ở nơi khác (--db)" : ": put it elsewhere (--db)")
        case .cannotWriteReason(let p, let why): return p + (vi ? ": không ghi được lý do lỗi: " : ": cannot write why the file failed: ") + why.text(lang)
        }
    }
}
