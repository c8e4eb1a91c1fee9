import Foundation
import Vocabulary

/// What the queue's watcher and workers say in their logs, and the reasons they record on a job.
/// File names and offices are values; each case is rendered in Vietnamese and English here.
public enum QueueNote: Message, Sendable {
    case watching(folder: String, office: String, polling: Bool)
    case queued(file: String, office: String, job: Int64)
    case requeued(file: String, office: String, job: Int64)
    case alreadyQueued(file: String, office: String, job: Int64, state: QueueJobState)
    case stopping
    case workerStarted(workers: Int, lease: Int)
    case stored(file: String, office: String, job: Int64, letter: Int64, number: Int?, seconds: Double)
    case alreadyStored(file: String, office: String, job: Int64, letter: Int64)
    case failed(file: String, office: String, job: Int64, reason: String, parked: Bool)
    case leaseLost(file: String, job: Int64)
    case serverUnreachable(detail: String, seconds: Double)
    case serverBack
    case parkedLapsed(jobs: Int)
    /// Recorded on a job parked because the workers reading it kept dying.
    case workerDiedReading(times: Int)
    /// Recorded on a job whose bytes arrived damaged (their hash is not the job's).
    case contentDamaged(file: String)

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.watching(let f, let o, let p), .vi): return "đang theo dõi \(f) cho cơ quan \(o), đưa vào hàng đợi chung (\(p ? "quét định kỳ" : "inotify"))"
        case (.watching(let f, let o, let p), .en): return "watching \(f) for office \(o), into the shared queue (\(p ? "polling" : "inotify"))"
        case (.queued(let f, let o, let j), .vi): return "đã đưa \(f) vào hàng đợi (\(o), việc \(j))"
        case (.queued(let f, let o, let j), .en): return "queued \(f) (\(o), job \(j))"
        case (.requeued(let f, let o, let j), .vi): return "đã đưa lại \(f) vào hàng đợi sau khi bị tạm gác (\(o), việc \(j))"
        case (.requeued(let f, let o, let j), .en): return "queued \(f) again after it was parked (\(o), job \(j))"
        case (.alreadyQueued(let f, let o, let j, let s), .vi): return "\(f) đã có trong hàng đợi (\(o), việc \(j), \(s.text(lang)))"
        case (.alreadyQueued(let f, let o, let j, let s), .en): return "\(f) is already in the queue (\(o), job \(j), \(s.text(lang)))"
        case (.stopping, .vi): return "đang dừng"
        case (.stopping, .en): return "stopping"
        case (.workerStarted(let n, let l), .vi): return "\(n) luồng đọc văn bản từ hàng đợi chung (thời hạn giữ việc \(l) giây)"
        case (.workerStarted(let n, let l), .en): return "\(n) workers reading letters from the shared queue (lease \(l) s)"
        case (.stored(let f, let o, let j, let l, let n, let s), .vi):
            return "đã lưu \(f) (\(o), việc \(j), văn bản \(l)\(n.map { ", số đến \($0)" } ?? ""), \(String(format: "%.2f", s)) giây)"
        case (.stored(let f, let o, let j, let l, let n, let s), .en):
            return "stored \(f) (\(o), job \(j), letter \(l)\(n.map { ", arrival number \($0)" } ?? ""), \(String(format: "%.2f", s)) s)"
        case (.alreadyStored(let f, let o, let j, let l), .vi): return "\(f) đã có trong chỉ mục (\(o), việc \(j), văn bản \(l))"
        case (.alreadyStored(let f, let o, let j, let l), .en): return "\(f) is already stored (\(o), job \(j), letter \(l))"
        case (.failed(let f, let o, let j, let r, let p), .vi):
            return "lỗi \(f) (\(o), việc \(j)): \(r)" + (p ? "; đã tạm gác, xem «vanthu jobs --failed»" : "; sẽ thử lại")
        case (.failed(let f, let o, let j, let r, let p), .en):
            return "failed \(f) (\(o), job \(j)): \(r)" + (p ? "; parked, see `vanthu jobs --failed`" : "; will try again")
        case (.leaseLost(let f, let j), .vi): return "\(f) (việc \(j)): đã quá thời hạn giữ việc, một luồng khác đã nhận; bỏ kết quả này"
        case (.leaseLost(let f, let j), .en): return "\(f) (job \(j)): the lease ran out and another worker took it; this result is dropped"
        case (.serverUnreachable(let d, let s), .vi): return "không kết nối được máy chủ PostgreSQL (\(d)): thử lại sau \(String(format: "%.1f", s)) giây"
        case (.serverUnreachable(let d, let s), .en): return "the PostgreSQL server cannot be reached (\(d)): trying again in \(String(format: "%.1f", s)) s"
        case (.serverBack, .vi): return "đã kết nối lại máy chủ PostgreSQL"
        case (.serverBack, .en): return "connected to the PostgreSQL server again"
        case (.parkedLapsed(let n), .vi): return "đã tạm gác \(n) việc mà luồng đọc cứ dừng giữa chừng"
        case (.parkedLapsed(let n), .en): return "parked \(n) jobs whose workers kept dying while reading them"
        case (.workerDiedReading(let n), .vi): return "luồng đọc tệp này đã dừng giữa chừng \(n) lần (bị tắt hoặc bị lỗi): tạm gác"
        case (.workerDiedReading(let n), .en): return "the worker reading this file stopped \(n) times (killed or crashed): parked"
        case (.contentDamaged(let f), .vi): return "\(f): nội dung nhận từ hàng đợi không khớp mã băm của việc"
        case (.contentDamaged(let f), .en): return "\(f): the bytes from the queue do not match the job's hash"
        }
    }
}

extension QueueJobState: Message {
    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.queued, .vi): return "đang chờ"
        case (.queued, .en): return "queued"
        case (.running, .vi): return "đang đọc"
        case (.running, .en): return "running"
        case (.done, .vi): return "xong"
        case (.done, .en): return "done"
        case (.parked, .vi): return "tạm gác"
        case (.parked, .en): return "parked"
        }
    }
}
