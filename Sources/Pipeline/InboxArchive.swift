import Foundation
import Vocabulary

/// Where the inbox puts files once handled: `DIR/.done/YYYY/MM/` (by the day it was handled) or
/// `DIR/.failed/` with `<name>.error.txt` beside it. Files are only ever renamed, never deleted
/// or overwritten: a name already taken gets a suffix (`letter-2.pdf`).
public struct InboxArchive: Sendable {
    public let folder: String
    public var doneFolder: String { (folder as NSString).appendingPathComponent(".done") }
    public var failedFolder: String { (folder as NSString).appendingPathComponent(".failed") }

    public init(folder: String) { self.folder = folder }

    /// A free path under `.done/YYYY/MM/` for the file named `name`, handled on `date`.
    func doneDestination(for name: String, on date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: date)
        let month = String(format: "%04d/%02d", c.year ?? 1970, c.month ?? 1)
        return freePath(in: (doneFolder as NSString).appendingPathComponent(month), name: name)
    }

    /// A free path under `.failed/` (its `.error.txt` companion free too).
    func failedDestination(for name: String) -> String {
        freePath(in: failedFolder, name: name, companion: ".error.txt")
    }

    func freePath(in dir: String, name: String, companion: String? = nil) -> String {
        let fm = FileManager.default
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        var n = 1
        while true {
            let candidate = n == 1 ? name : ext.isEmpty ? "\(base)-\(n)" : "\(base)-\(n).\(ext)"
            let path = (dir as NSString).appendingPathComponent(candidate)
            if !fm.fileExists(atPath: path) && !(companion.map { fm.fileExists(atPath: path + $0) } ?? false) {
                return path
            }
            n += 1
        }
    }

    /// Renames `source` to `destination` (same file system: atomic), creating the folder.
    func move(_ source: String, to destination: String) throws {
        try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        guard rename(source, destination) == 0 else {
            throw InboxError.cannotMove(source, destination, String(cString: strerror(errno)))
        }
    }

    /// Writes why a file failed beside it in `.failed/`.
    func writeReason(_ reason: String, besides failedFile: String) throws {
        let text = "\(reason)\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: failedFile + ".error.txt"), options: .atomic)
    }
}

public enum InboxError: Error, Message, CustomStringConvertible {
    case notAFolder(String)
    case cannotMove(String, String, String)

    public var description: String { text(.en) }
    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.notAFolder(let p), .vi): return "\(p): không phải thư mục"
        case (.notAFolder(let p), .en): return "\(p): not a folder"
        case (.cannotMove(let s, let d, let why), .vi): return "\(s): không chuyển được sang \(d): \(why)"
        case (.cannotMove(let s, let d, let why), .en): return "\(s): cannot move to \(d): \(why)"
        }
    }
}

/// What the inbox notes in its journal and beside the files it handles.
public enum InboxNote: Message {
    case disappeared
    case unknownFailure
    case watching(folder: String, polling: Bool)
    case polling(folder: String)
    case stopping(files: Int)
    case resuming(jobs: Int)
    case stored(file: String)
    case alreadyStored(file: String)
    case failed(file: String, reason: String)
    case journalFailed(file: String, detail: String)

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.watching(let f, let p), .vi): return "đang theo dõi \(f) (\(p ? "quét định kỳ" : "inotify"))"
        case (.watching(let f, let p), .en): return "watching \(f) (\(p ? "polling" : "inotify"))"
        case (.polling(let f), .vi): return "không dùng được inotify cho \(f): quét định kỳ"
        case (.polling(let f), .en): return "inotify unavailable for \(f): polling"
        case (.stopping(let n), .vi): return "đang dừng: làm xong \(n) tệp đang đọc"
        case (.stopping(let n), .en): return "stopping: finishing the \(n) files under way"
        case (.resuming(let n), .vi): return "làm tiếp \(n) việc còn dở"
        case (.resuming(let n), .en): return "resuming \(n) unfinished jobs"
        case (.stored(let f), .vi): return "đã lưu \(f)"
        case (.stored(let f), .en): return "stored \(f)"
        case (.alreadyStored(let f), .vi): return "\(f) đã có sẵn trong chỉ mục"
        case (.alreadyStored(let f), .en): return "\(f) is already stored"
        case (.failed(let f, let why), .vi): return "lỗi \(f): \(why)"
        case (.failed(let f, let why), .en): return "failed \(f): \(why)"
        case (.journalFailed(let f, let d), .vi): return "\(f): không ghi được nhật ký việc vào chỉ mục (\(d))"
        case (.journalFailed(let f, let d), .en): return "\(f): the job journal could not be written (\(d))"
        case (.disappeared, .vi): return "tệp đã bị lấy đi trước khi được đọc"
        case (.disappeared, .en): return "the file disappeared before it was read"
        case (.unknownFailure, .vi): return "lỗi không rõ"
        case (.unknownFailure, .en): return "unknown error"
        }
    }
}
