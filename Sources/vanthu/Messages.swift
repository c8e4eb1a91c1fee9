import ArgumentParser
import Extract
import Pipeline
import Foundation
import Ingest
import Store
import Vocabulary

extension Message {
    /// In the language of this run.
    var here: String { text(UserLanguage.current) }
}

/// What the commands themselves say: outcomes, errors, footers. Library messages (reading
/// errors, record warnings, review checks) are messages of their own modules and are only
/// shown here.
enum CLIMessage: Message {
    case error(any Message)
    case failedCount(Int, Int)
    case badLanguage(UserLanguage.BadLanguage)
    case notNegative(option: String)
    case notPositive(option: String)
    case secondsOutOfRange(option: String)
    case withinRange(maxDays: Int)
    case fromAfterTo(from: String, to: String)
    case scoreOutOfRange
    case summary(stored: Int, already: Int, failed: Int, total: Int)
    case noSuchPath(String)
    case noDeadlines
    case noResults
    case searchFooter(shown: Int, matching: Int, broad: Bool)
    case deadlineDone(id: Int64, due: String, number: String?)
    case nextOccurrence(id: Int64, due: String)
    case reopened(id: Int64, due: String)
    case noSuchDeadline(Int64)
    case noSuchLetter(String)
    case daysLeft(Int)
    case doneOn(String)
    case calendarSummary(number: String?, clause: String)
    case misread
    case notStored
    case noInitiatives
    case noSuchInitiative(Int64)
    case reviewed(id: Int64, status: InitiativeRow.Status)
    case indexUnavailable(path: String, detail: String)
    /// `watch` at start: the index cannot be opened yet (a full disk …), tried again after a delay.
    case indexNotReady(StoreError, seconds: Int, attempt: Int)

    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .error(let m): return (vi ? "Lỗi: " : "error: ") + m.text(lang)
        case .failedCount(let n, let total): return vi ? "\(n)/\(total) tệp không đọc được." : "\(n) of \(total) files could not be read."
        case .badLanguage(let b):
            return vi ? "Lỗi: không có ngôn ngữ '\(b.value)'; hãy chọn vi hoặc en" : "error: no language '\(b.value)'; choose vi or en"
        case .notNegative(let o): return vi ? "\(o) không được âm" : "\(o) cannot be negative"
        case .notPositive(let o): return vi ? "\(o) phải lớn hơn 0" : "\(o) must be more than 0"
        case .withinRange(let n): return vi ? "--within: từ 0 đến \(n) ngày" : "--within: 0 to \(n) days"
        case .secondsOutOfRange(let o): return vi ? "\(o) phải lớn hơn 0 và không quá 86400 giây" : "\(o) must be more than 0 and at most 86400 seconds"
        case .fromAfterTo(let f, let t): return vi ? "--from \(f) ở sau --to \(t)" : "--from \(f) is after --to \(t)"
        case .scoreOutOfRange: return vi ? "--score phải từ 0 đến 100" : "--score must be from 0 to 100"
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
        case .calendarSummary(let n, let clause):
            return (vi ? "Hạn xử lý" : "Deadline") + (n.map { " \($0)" } ?? "") + ": " + clause
        case .misread: return vi ? "có thể OCR đọc nhầm số" : "probable OCR misread of the number"
        case .notStored: return vi ? "(chưa lưu)" : "(not stored)"
        case .noInitiatives: return vi ? "Chưa có sáng kiến nào." : "No initiatives."
        case .noSuchInitiative(let id): return vi ? "Lỗi: không có sáng kiến #\(id)" : "error: no initiative #\(id)"
        case .reviewed(let id, let status):
            return vi ? "Đã ghi quyết định cho sáng kiến #\(id): \(status.text(lang))."
                      : "Recorded the decision on initiative #\(id): \(status.text(lang))."
        case .indexUnavailable(let p, let d):
            return vi ? "Lỗi: \(p): không mở được chỉ mục (\(d))" : "error: \(p): cannot open the index (\(d))"
        case .indexNotReady(let e, let s, let n):
            return vi ? "\(e.text(lang)): thử lại sau \(s) giây (lần \(n))" : "\(e.text(lang)): will try again in \(s) s (attempt \(n))"
        }
    }

    /// One example of every case, for the tests that render every message in both languages.
    static let examples: [CLIMessage] = [
        .error(IngestError(path: "a.pdf", .encrypted)), .failedCount(1, 3), .badLanguage(.init(value: "fr")),
        .notNegative(option: "--workers"), .notPositive(option: "--settle"), .secondsOutOfRange(option: "--max-file-seconds"), .withinRange(maxDays: 36500), .fromAfterTo(from: "2025-12-01", to: "2025-11-01"),
        .scoreOutOfRange, .summary(stored: 1, already: 2, failed: 0, total: 3), .noSuchPath("x"), .noDeadlines,
        .noResults, .searchFooter(shown: 5, matching: 9, broad: false), .searchFooter(shown: 20, matching: 2000, broad: true),
        .deadlineDone(id: 1, due: "2025-12-15", number: "12/UBND"), .nextOccurrence(id: 2, due: "2026-12-15"),
        .reopened(id: 1, due: "2025-12-15"), .noSuchDeadline(9), .noSuchLetter("12/UBND"), .daysLeft(0), .daysLeft(3),
        .daysLeft(-4), .doneOn("2025-12-01"), .calendarSummary(number: "12/UBND", clause: "Báo cáo"), .misread,
        .notStored, .noInitiatives, .noSuchInitiative(4), .reviewed(id: 4, status: .accepted),
        .indexUnavailable(path: "/x.sqlite", detail: "SQLite error 14"),
        .indexNotReady(.temporarilyUnavailable(path: "/x.sqlite", reason: "SQLite error 13: database or disk is full"), seconds: 4, attempt: 2),
    ]
}

/// The names of the parts of a record, table columns and section headings, by key.
enum Label: String, CaseIterable, Message {
    case file, kind, issuer, number, date, place, subject, urgency, recipients, distribution, signer
    case references, deadlines, warnings, initiative, authors, none
    case id, due, left, task, letter, cites, citedBy, files
    case status, title, checks, firstApplied, campaign, score, note, history
    case daysLeft, precision, recurrence, letterDate, closedBy

    func text(_ lang: Lang) -> String { lang == .vi ? Label.table[self]!.vi : Label.table[self]!.en }

    static let table: [Label: (vi: String, en: String)] = [
        .file: ("Tệp", "File"), .kind: ("Loại", "Kind"), .issuer: ("Cơ quan ban hành", "Issuer"),
        .number: ("Số hiệu", "Number"), .date: ("Ngày", "Date"), .place: ("Nơi ban hành", "Place"),
        .subject: ("Trích yếu", "Subject"), .urgency: ("Độ khẩn", "Urgency"), .recipients: ("Kính gửi", "To"),
        .distribution: ("Nơi nhận", "Copies to"), .signer: ("Người ký", "Signed by"),
        .references: ("Văn bản dẫn chiếu", "Cites"), .deadlines: ("Hạn xử lý", "Deadlines"),
        .warnings: ("Cảnh báo", "Warnings"), .initiative: ("Sáng kiến", "Initiative"), .authors: ("Tác giả", "Authors"),
        .none: ("(không có)", "(none)"), .id: ("Mã", "ID"), .due: ("Hạn", "Due"), .left: ("Còn lại", "Left"),
        .task: ("Việc phải làm", "What must be done"), .letter: ("Văn bản", "Letter"),
        .cites: ("Văn bản dẫn chiếu", "Cites"), .citedBy: ("Được dẫn chiếu bởi", "Cited by"),
        .files: ("Tệp gốc", "Original files"), .status: ("Trạng thái", "Status"), .title: ("Tên sáng kiến", "Title"),
        .checks: ("Cần kiểm tra", "Checks"), .firstApplied: ("Áp dụng lần đầu", "First applied"),
        .campaign: ("Văn bản phát động", "Campaign letter"), .score: ("Điểm", "Score"), .note: ("Ghi chú", "Note"),
        .history: ("Quá trình xét", "Review history"), .daysLeft: ("Số ngày còn lại", "Days left"),
        .precision: ("Độ chính xác", "Precision"), .recurrence: ("Lặp lại", "Recurrence"),
        .letterDate: ("Ngày văn bản", "Letter date"), .closedBy: ("Người đánh dấu xong", "Closed by"),
    ]
}

// Codes of the record and the index, shown to people as words (the JSON keeps the codes).

extension Urgency: Message {
    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.khan, .vi): return "Khẩn"
        case (.khan, .en): return "Urgent"
        case (.thuongKhan, .vi): return "Thượng khẩn"
        case (.thuongKhan, .en): return "Very urgent"
        case (.hoaToc, .vi): return "Hỏa tốc"
        case (.hoaToc, .en): return "Immediate"
        }
    }
}

extension InitiativeRow.Status: Message {
    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.submitted, .vi): return "Đã nhận"
        case (.submitted, .en): return "Submitted"
        case (.underReview, .vi): return "Đang xét"
        case (.underReview, .en): return "Under review"
        case (.accepted, .vi): return "Công nhận"
        case (.accepted, .en): return "Accepted"
        case (.rejected, .vi): return "Không công nhận"
        case (.rejected, .en): return "Rejected"
        case (.toRevise, .vi): return "Cần bổ sung"
        case (.toRevise, .en): return "To revise"
        }
    }
}

extension DeadlineRow.Status: Message {
    public func text(_ lang: Lang) -> String { DeadlineWording.status(self).text(lang) }
}

enum Console {
    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    /// An error of the run, in the user's language, on stderr.
    static func error(_ m: any Message) { error(CLIMessage.error(m).here) }
}
