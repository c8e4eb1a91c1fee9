import ArgumentParser
import Store
import Ingest
import Pipeline
import Foundation

enum Lang: String, ExpressibleByArgument, Sendable { case vi, en }

/// Every word the CLI says to a user, in Vietnamese and English. Code and logs stay English.
enum Msg {
    case readError(String)
    case fileError(IngestError)
    case inboxError(InboxError)
    case indexFolderMissing(String)
    case failedCount(Int, Int)
    case field(String)

    func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.readError(let s), .vi): return "Lỗi: \(Msg.translate(s, lang))"
        case (.readError(let s), .en): return "error: \(s)"
        case (.fileError(let e), _): return e.text(lang)
        case (.inboxError(let e), _): return (lang == .vi ? "Lỗi: " : "error: ") + e.text(lang)
        case (.indexFolderMissing(let p), .vi): return "Lỗi: \(p): thư mục chứa chỉ mục không tồn tại"
        case (.indexFolderMissing(let p), .en): return "error: \(p): the folder of the index does not exist"
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

/// The words of the index commands (ingest, watch, deadlines, search, show).
enum IndexMsg {
    case summary(stored: Int, already: Int, failed: Int, total: Int)
    case noSuchPath(String)
    case noDeadlines
    case noResults
    case searchFooter(shown: Int, matching: Int, broad: Bool)
    case badDate(String)
    case deadlineDone(id: Int64, due: String, number: String?)
    case nextOccurrence(id: Int64, due: String)
    case reopened(id: Int64, due: String)
    case noSuchDeadline(Int64)
    case noSuchLetter(String)
    case daysLeft(Int)
    case doneOn(String)
    case header(String)
    case calendarSummary(number: String?, clause: String)
    case misread
    case notStored
    case csvNotWithOthers

    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .summary(let s, let a, let f, let t):
            return vi ? "Đã lưu \(s), đã có sẵn \(a), lỗi \(f) (tổng \(t) tệp)."
                      : "Stored \(s), already stored \(a), failed \(f) (of \(t) files)."
        case .noSuchPath(let p): return vi ? "Lỗi: \(p): không có tệp hay thư mục này" : "error: \(p): no such file or folder"
        case .noDeadlines: return vi ? "Không có hạn xử lý nào." : "No deadlines."
        case .noResults: return vi ? "Không tìm thấy văn bản nào." : "No letter found."
        case .searchFooter(let shown, let n, let broad):
            if broad {
                return vi ? "\(shown) kết quả khớp nhất trong \(n) văn bản mới nhất; còn nhiều văn bản cũ hơn cũng khớp — thêm từ để thu hẹp."
                          : "The \(shown) best of the newest \(n) matching letters; older letters match too: add words to narrow it."
            }
            return vi ? "\(shown)/\(n) văn bản khớp." : "\(shown) of \(n) matching letters."
        case .badDate(let d): return vi ? "Ngày không hợp lệ: \(d) (dạng YYYY-MM-DD)" : "invalid date: \(d) (expected YYYY-MM-DD)"
        case .deadlineDone(let id, let due, let n):
            return vi ? "Đã đánh dấu xong hạn #\(id) (\(due)\(n.map { ", \($0)" } ?? ""))."
                      : "Marked deadline #\(id) done (\(due)\(n.map { ", \($0)" } ?? ""))."
        case .nextOccurrence(let id, let due):
            return vi ? "Lần tiếp theo: hạn #\(id) ngày \(due)." : "Next occurrence: deadline #\(id) on \(due)."
        case .reopened(let id, let due): return vi ? "Đã mở lại hạn #\(id) (\(due))." : "Reopened deadline #\(id) (\(due))."
        case .noSuchDeadline(let id): return vi ? "Lỗi: không có hạn xử lý #\(id)" : "error: no deadline #\(id)"
        case .noSuchLetter(let s): return vi ? "Lỗi: không tìm thấy văn bản \(s)" : "error: no letter \(s)"
        case .daysLeft(let n):
            if n == 0 { return vi ? "hôm nay" : "today" }
            if n > 0 { return vi ? "còn \(n) ngày" : "\(n) days left" }
            return vi ? "quá hạn \(-n) ngày" : "\(-n) days overdue"
        case .doneOn(let d): return vi ? "xong \(d)" : "done \(d)"
        case .header(let key): return (vi ? IndexMsg.viHeaders : IndexMsg.enHeaders)[key] ?? key
        case .calendarSummary(let n, let clause):
            return (vi ? "Hạn xử lý" : "Deadline") + (n.map { " \($0)" } ?? "") + ": " + clause
        case .misread: return vi ? "có thể OCR đọc nhầm số" : "probable OCR misread of the number"
        case .notStored: return vi ? "(chưa lưu)" : "(not stored)"
        case .csvNotWithOthers: return vi ? "Lỗi: chỉ chọn một trong --json, --csv, --ics" : "error: choose one of --json, --csv, --ics"
        }
    }

    static let viHeaders: [String: String] = [
        "id": "Mã", "due": "Hạn", "left": "Còn lại", "number": "Số hiệu", "issuer": "Cơ quan ban hành",
        "task": "Việc phải làm", "date": "Ngày", "subject": "Trích yếu", "letter": "Văn bản",
        "deadlines": "Hạn xử lý", "cites": "Văn bản dẫn chiếu", "cited_by": "Được dẫn chiếu bởi",
        "files": "Tệp gốc", "status_open": "chưa xong", "status_done": "đã xong",
    ]
    static let enHeaders: [String: String] = [
        "id": "ID", "due": "Due", "left": "Left", "number": "Number", "issuer": "Issuer",
        "task": "What must be done", "date": "Date", "subject": "Subject", "letter": "Letter",
        "deadlines": "Deadlines", "cites": "Cites", "cited_by": "Cited by",
        "files": "Original files", "status_open": "open", "status_done": "done",
    ]
}

/// The words of `vanthu initiatives`.
enum InitiativeMsg {
    case none
    case noSuchInitiative(Int64)
    case reviewed(id: Int64, status: InitiativeRow.Status)
    case status(InitiativeRow.Status)
    case header(String)
    case csvOrJSON

    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .none: return vi ? "Chưa có sáng kiến nào." : "No initiatives."
        case .noSuchInitiative(let id): return vi ? "Lỗi: không có sáng kiến #\(id)" : "error: no initiative #\(id)"
        case .reviewed(let id, let status):
            return vi ? "Đã ghi quyết định cho sáng kiến #\(id): \(InitiativeMsg.status(status).text(lang))."
                      : "Recorded the decision on initiative #\(id): \(InitiativeMsg.status(status).text(lang))."
        case .status(let s): return (vi ? InitiativeMsg.viStatus : InitiativeMsg.enStatus)[s] ?? s.rawValue
        case .header(let key): return (vi ? InitiativeMsg.viHeaders : InitiativeMsg.enHeaders)[key] ?? key
        case .csvOrJSON: return vi ? "Lỗi: chỉ chọn một trong --csv, --json" : "error: choose one of --csv, --json"
        }
    }

    static let viStatus: [InitiativeRow.Status: String] = [
        .submitted: "đã nhận", .underReview: "đang xét", .accepted: "công nhận",
        .rejected: "không công nhận", .toRevise: "cần bổ sung",
    ]
    static let enStatus: [InitiativeRow.Status: String] = [
        .submitted: "submitted", .underReview: "under review", .accepted: "accepted",
        .rejected: "rejected", .toRevise: "to revise",
    ]
    static let viHeaders: [String: String] = [
        "id": "Mã", "status": "Trạng thái", "title": "Tên sáng kiến", "authors": "Tác giả",
        "checks": "Cần kiểm tra", "first_applied": "Áp dụng lần đầu", "campaign": "Văn bản phát động",
        "score": "Điểm", "note": "Ghi chú", "history": "Quá trình xét",
    ]
    static let enHeaders: [String: String] = [
        "id": "ID", "status": "Status", "title": "Title", "authors": "Authors", "checks": "Checks",
        "first_applied": "First applied", "campaign": "Campaign letter", "score": "Score", "note": "Note",
        "history": "Review history",
    ]

    /// A stored check (English, like the record's warnings) said in Vietnamese.
    static func check(_ s: String, _ lang: Lang) -> String {
        guard lang == .vi else { return s }
        var out = s
        for (en, vi) in checkWords { out = out.replacingOccurrences(of: en, with: vi) }
        return out
    }

    static let checkWords: [(String, String)] = [
        ("initiative: ", "sáng kiến: "),
        ("near-duplicate of", "gần trùng với sáng kiến"), ("similarity", "độ giống"),
        ("the authors' table numbers", "bảng tác giả có"), ("rows", "dòng số"),
        ("author shares add to", "tổng tỷ lệ đóng góp là"), (", not 100 %", ", không phải 100 %"),
        ("has no birth date", "không có ngày sinh"), ("has no share", "không có tỷ lệ đóng góp"),
        ("is missing", "bị thiếu"), ("section", "mục"), ("author", "tác giả"),
        ("first applied on", "áp dụng lần đầu ngày"), ("after the report's date", "sau ngày của báo cáo"),
        ("a date still to come", "là ngày chưa tới"), ("no author found", "không thấy tác giả"),
    ]
}
