import ArgumentParser
import Vocabulary

/// The help texts of the province's queue (`vanthu worker`, `vanthu jobs`, `watch --office`), in
/// Vietnamese and English, in the style of `Help`.
enum QueueHelp: String, CaseIterable, Message {
    case worker, workerMore, jobs, jobsMore
    case workers, lease, poll, maxAttempts, failedFlag, limit, officeFilter

    func text(_ lang: Lang) -> String {
        let pair = QueueHelp.table[self]!
        return lang == .vi ? pair.vi : pair.en
    }
    var here: String { text(UserLanguage.current) }
    var argument: ArgumentHelp { ArgumentHelp(here) }

    static let table: [QueueHelp: (vi: String, en: String)] = [
        .worker: ("Đọc và lưu các tệp mà văn thư các cơ quan đưa vào hàng đợi chung (PostgreSQL).",
                  "Reads and stores the files the offices queued in the shared queue (PostgreSQL)."),
        .workerMore: ("""
            Chạy trên bao nhiêu máy cũng được, cùng một chỉ mục PostgreSQL (--db hoặc VANTHU_DB). Mỗi \
            luồng nhận một việc (SELECT … FOR UPDATE SKIP LOCKED) và giữ nó trong thời hạn --lease giây, \
            được gia hạn đều đặn khi đang đọc; luồng bị tắt đột ngột thì việc được trả lại khi hết hạn. \
            Một việc lỗi 3 lần thì tạm gác, kèm lý do (vanthu jobs --failed). Mỗi tệp chỉ thành một văn \
            bản trong cơ quan của nó. Máy chủ khởi động lại thì luồng chờ rồi kết nối lại.

            Ví dụ:
              vanthu worker --db postgresql://vanthu_worker@db.tinh/vanthu --workers 4
            """, """
            Runs on any number of machines against the same PostgreSQL index (--db or VANTHU_DB). Each \
            thread takes a job (SELECT … FOR UPDATE SKIP LOCKED) under a lease of --lease seconds that \
            is extended while it reads; a thread killed outright gives its job back when the lease runs \
            out. A job that fails 3 times is parked with its reason (vanthu jobs --failed). Each file \
            gives one letter, in its own office. A server restart is waited out, then reconnected.

            Example:
              vanthu worker --db postgresql://vanthu_worker@db.tinh/vanthu --workers 4
            """),
        .jobs: ("Xem hàng đợi chung: việc đang chờ, đang đọc, đã xong, bị tạm gác.",
                "Shows the shared queue: jobs waiting, being read, done, parked."),
        .jobsMore: ("""
            Văn thư của một cơ quan chỉ thấy việc của cơ quan mình. Việc bị tạm gác sẽ được đưa lại vào \
            hàng đợi khi thả lại đúng tệp đó vào thư mục theo dõi.

            Ví dụ:
              vanthu jobs
              vanthu jobs --failed
            """, """
            An office's clerk sees only that office's jobs. A parked job is queued again when the same \
            file is dropped into the watched folder again.

            Examples:
              vanthu jobs
              vanthu jobs --failed
            """),
        .workers: ("Số luồng đọc (mỗi luồng một bộ nhận dạng chữ tesseract); 0: mỗi lõi một luồng.",
                   "Reading threads (one tesseract engine each); 0: one per core."),
        .lease: ("Số giây một luồng giữ việc nếu không gia hạn (mặc định 60).",
                 "Seconds a thread holds a job without renewing it (default 60)."),
        .poll: ("Số giây giữa hai lần xem hàng đợi khi không có việc (mặc định 1).",
                "Seconds between two looks at an empty queue (default 1)."),
        .maxAttempts: ("Số lần lỗi của một việc trước khi tạm gác (mặc định 3).",
                       "Failures of a job before it is parked (default 3)."),
        .failedFlag: ("Chỉ các việc bị tạm gác hoặc đã lỗi.", "Only the jobs parked or that failed."),
        .limit: ("Số việc hiện nhiều nhất (mới nhất trước).", "Most jobs shown (newest first)."),
        .officeFilter: ("Chỉ việc của cơ quan này.", "Only this office's jobs."),
    ]
}

/// What the queue's commands say of their own.
enum QueueCLIMessage: Message {
    case needsPostgres(command: String)
    case officeNeeded
    case noJobs
    case officeCounts(office: String, queued: Int, running: Int, done: Int, parked: Int)
    case columns

    func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.needsPostgres(let c), .vi): return "«vanthu \(c)» cần chỉ mục PostgreSQL: --db postgresql://… (hoặc VANTHU_DB)"
        case (.needsPostgres(let c), .en): return "`vanthu \(c)` needs a PostgreSQL index: --db postgresql://… (or VANTHU_DB)"
        case (.officeNeeded, .vi): return "hãy cho biết cơ quan của thư mục: --office MÃ"
        case (.officeNeeded, .en): return "say which office the folder belongs to: --office CODE"
        case (.noJobs, .vi): return "hàng đợi trống"
        case (.noJobs, .en): return "the queue is empty"
        case (.officeCounts(let o, let q, let r, let d, let p), .vi):
            return "\(o): \(q) đang chờ, \(r) đang đọc, \(d) xong, \(p) tạm gác"
        case (.officeCounts(let o, let q, let r, let d, let p), .en):
            return "\(o): \(q) queued, \(r) running, \(d) done, \(p) parked"
        case (.columns, .vi): return "Việc|Cơ quan|Tệp|Trạng thái|Lỗi|Đưa vào lúc|Văn bản / lý do"
        case (.columns, .en): return "Job|Office|File|State|Fails|Queued at|Letter / reason"
        }
    }
}
