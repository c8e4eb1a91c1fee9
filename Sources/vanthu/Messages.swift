import ArgumentParser
import Foundation

enum Lang: String, ExpressibleByArgument, Sendable { case vi, en }

/// Every word the CLI says to a user, in Vietnamese and English. Code and logs stay English.
enum Msg {
    case readError(String)
    case failedCount(Int, Int)
    case field(String)

    func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.readError(let s), .vi): return "Lỗi: \(Msg.translate(s, lang))"
        case (.readError(let s), .en): return "error: \(s)"
        case (.failedCount(let n, let total), .vi): return "\(n)/\(total) tệp không đọc được."
        case (.failedCount(let n, let total), .en): return "\(n) of \(total) files could not be read."
        case (.field(let key), .vi): return Msg.viFields[key] ?? key
        case (.field(let key), .en): return Msg.enFields[key] ?? key
        }
    }

    static let viFields: [String: String] = [
        "file": "Tệp", "kind": "Loại", "issuer": "Cơ quan ban hành", "number": "Số hiệu",
        "date": "Ngày", "place": "Nơi ban hành", "subject": "Trích yếu", "urgency": "Độ khẩn",
        "recipients": "Kính gửi", "distribution": "Nơi nhận", "signer": "Người ký",
        "references": "Văn bản dẫn chiếu", "deadlines": "Hạn xử lý", "warnings": "Cảnh báo",
        "initiative": "Sáng kiến", "authors": "Tác giả", "none": "(không có)",
    ]
    static let enFields: [String: String] = [
        "file": "File", "kind": "Kind", "issuer": "Issuer", "number": "Number", "date": "Date",
        "place": "Place", "subject": "Subject", "urgency": "Urgency", "recipients": "To",
        "distribution": "Copies to", "signer": "Signed by", "references": "Cites",
        "deadlines": "Deadlines", "warnings": "Warnings", "initiative": "Initiative",
        "authors": "Authors", "none": "(none)",
    ]

    /// Error reasons come from the library in English; the Vietnamese CLI says them in Vietnamese.
    static func translate(_ s: String, _ lang: Lang) -> String {
        guard lang == .vi else { return s }
        var out = s
        for (en, vi) in reasonWords { out = out.replacingOccurrences(of: en, with: vi) }
        return out
    }

    static let reasonWords: [(String, String)] = [
        ("cannot read the file", "không đọc được tệp"),
        ("no such file", "không có tệp này"),
        ("the file is empty (0 bytes)", "tệp rỗng (0 byte)"),
        ("too large", "quá lớn"),
        ("unsupported file type", "loại tệp không hỗ trợ"),
        ("the file is damaged", "tệp bị hỏng"),
        ("the PDF is encrypted (password-protected)", "PDF được mã hóa (có mật khẩu)"),
        ("no text could be read from the file", "không đọc được chữ nào từ tệp"),
        ("timed out", "quá thời gian"),
        ("a folder, not a file", "là thư mục, không phải tệp"),
        ("is not a letter", "không phải là văn bản"),
        ("page", "trang"),
    ]
}
