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

    /// The record's warnings (English in the JSON) said in Vietnamese in the summary.
    static func warning(_ w: String, _ lang: Lang) -> String {
        guard lang == .vi else { return w }
        var out = w
        for (en, vi) in warningWords { out = out.replacingOccurrences(of: en, with: vi) }
        return out
    }

    static let warningWords: [(String, String)] = [
        ("number: the number is blank", "số hiệu: chưa điền số"),
        (": an unsigned draft?", ": bản dự thảo chưa ký?"),
        ("number: `Số:` is there but no number or symbol could be read", "số hiệu: có chữ `Số:` nhưng không đọc được số và ký hiệu"),
        ("does not exist; the day is left out", "không có thật; bỏ ngày"),
        ("does not exist", "không có thật"),
        ("date: the day was read from the digital signature time", "ngày: lấy ngày từ thời gian ký số"),
        ("this does not look like an official letter: no number, date, title or subject found",
         "tệp này không giống một văn bản hành chính: không thấy số, ngày, tên loại hay trích yếu"),
        ("the document has no text", "văn bản không có chữ"),
        ("converted from the legacy TCVN3 encoding", "đã chuyển từ bảng mã TCVN3 cũ"),
        ("date:", "ngày:"), ("month", "tháng"),
    ]

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
