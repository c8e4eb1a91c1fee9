import Foundation
import Vocabulary
import Ingest
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Where the inbox puts files once handled: `DIR/.done/YYYY/MM/` (by the day it was handled) or
/// `DIR/.failed/` with `<name>.error.txt` beside it. Files are only ever renamed, never deleted
/// or overwritten: a name already taken gets a suffix (`letter-2.pdf`), and a name too long for its
/// `.error.txt` companion (a file name may hold 255 bytes: about 90 Vietnamese characters) is
/// shortened, keeping its start, its extension and a few letters of its hash so it stays unique.
public struct InboxArchive: Sendable {
    public let folder: String
    public var doneFolder: String { (folder as NSString).appendingPathComponent(".done") }
    public var failedFolder: String { (folder as NSString).appendingPathComponent(".failed") }

    /// Longest file name, in bytes (NAME_MAX on Linux file systems).
    static let nameMax = 255
    static let companion = ".error.txt"
    /// Room kept for the companion and a `-NNN` suffix.
    static let reserved = companion.utf8.count + 4

    public init(folder: String) { self.folder = folder }

    /// A free path under `.done/YYYY/MM/` for the file named `name`, handled on `date`.
    func doneDestination(for name: String, on date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: date)
        let month = String(format: "%04d/%02d", c.year ?? 1970, c.month ?? 1)
        return freePath(in: (doneFolder as NSString).appendingPathComponent(month), name: name)
    }

    /// A free path under `.failed/` (its `.error.txt` companion free too).
    func failedDestination(for name: String) -> String {
        freePath(in: failedFolder, name: name, companion: Self.companion)
    }

    /// `name` cut to fit with its companion and suffix: whole characters from its start, then `~`
    /// and six hex digits of the full name's hash, then its extension.
    static func fitted(_ name: String) -> String {
        let limit = nameMax - reserved
        guard name.utf8.count > limit else { return name }
        var ext = (name as NSString).pathExtension
        if ext.utf8.count > 16 { ext = "" }
        let base = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        let tag = "~" + String(SHA256.hex(Array(name.utf8)).prefix(6))
        let room = limit - tag.utf8.count - (ext.isEmpty ? 0 : ext.utf8.count + 1)
        var kept = "", used = 0
        for ch in base {
            let n = String(ch).utf8.count
            if used + n > room { break }
            kept.append(ch); used += n
        }
        return kept + tag + (ext.isEmpty ? "" : "." + ext)
    }

    func freePath(in dir: String, name: String, companion: String? = nil) -> String {
        let name = Self.fitted(name)
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        var n = 1
        while true {
            let candidate = n == 1 ? name : ext.isEmpty ? "\(base)-\(n)" : "\(base)-\(n).\(ext)"
            let path = (dir as NSString).appendingPathComponent(candidate)
            if FileIdentity.of(path: path) == nil && !(companion.map { FileIdentity.of(path: path + $0) != nil } ?? false) {
                return path
            }
            n += 1
        }
    }

    /// Checks that `.done` and `.failed`, where they exist, are plain folders of the inbox: a link or
    /// a file planted there would make the inbox move files and write outside it.
    func checkFolders() throws {
        for dir in [doneFolder, failedFolder] { try checkPlainFolder(dir, mayBeMissing: true) }
    }

    private func checkPlainFolder(_ dir: String, mayBeMissing: Bool) throws {
        var st = stat()
        guard lstat(dir, &st) == 0 else {
            if errno == ENOENT && mayBeMissing { return }
            throw InboxError.archiveUnusable(dir, SystemFailure(errno: errno))
        }
        let nature = FileNature(mode: st.st_mode)
        if nature != .directory { throw InboxError.archiveNotAFolder(dir, nature) }
    }

    /// Creates `dir` (under the inbox) one component at a time, each a plain folder, never
    /// following a link.
    func makeFolder(_ dir: String) throws {
        guard dir.hasPrefix(folder + "/") else { throw InboxError.archiveNotAFolder(dir, .other) }
        var path = folder
        for part in dir.dropFirst(folder.count + 1).split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw InboxError.archiveUnusable(path, SystemFailure(errno: errno))
            }
            try checkPlainFolder(path, mayBeMissing: false)
        }
    }

    /// Renames `source` to `destination` (same file system: atomic), creating the folder.
    func move(_ source: String, to destination: String) throws {
        try makeFolder((destination as NSString).deletingLastPathComponent)
        guard rename(source, destination) == 0 else {
            throw InboxError.cannotMove(source, destination, SystemFailure(errno: errno))
        }
    }

    /// Writes why a file failed beside it in `.failed/`.
    func writeReason(_ reason: String, besides failedFile: String) throws {
        let text = "\(reason)\n"
        let path = failedFile + Self.companion
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InboxError.cannotWriteReason(path, SystemFailure(errno: errno)) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                unlink(path)
                throw InboxError.cannotWriteReason(path, SystemFailure(errno: e))
            }
            written += n
        }
        if fsync(fd) != 0 && errno == ENOSPC {
            unlink(path)
            throw InboxError.cannotWriteReason(path, SystemFailure(errno: ENOSPC))
        }
    }
}

/// What stops the inbox or one of its moves. Paths are values; `Messages` renders each case.
public enum InboxError: Error, Message, CustomStringConvertible, Sendable, Equatable {
    case notAFolder(String)
    case cannotMove(String, String, SystemFailure)
    /// `.done` or `.failed` is a link, a file or a device, not a plain folder.
    case archiveNotAFolder(String, FileNature)
    case archiveUnusable(String, SystemFailure)
    /// The index lives inside the watched folder: it would be read (and moved) as a letter.
    case indexInsideInbox(index: String, folder: String)
    case cannotWriteReason(String, SystemFailure)

    public var description: String { text(.en) }

    public func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .notAFolder(let p): return vi ? "\(p): không phải thư mục" : "\(p): not a folder"
        case .cannotMove(let s, let d, let why):
            return vi ? "\(s): không chuyển được sang \(d): \(why.text(lang))" : "\(s): cannot move to \(d): \(why.text(lang))"
        case .archiveNotAFolder(let p, let nature):
            return vi ? "\(p): \(nature.text(lang)), không phải thư mục thường: hộp thư không chuyển tệp qua đó"
                      : "\(p): \(nature.text(lang)), not a plain folder: the inbox will not move files through it"
        case .archiveUnusable(let p, let why):
            return vi ? "\(p): không dùng được thư mục: \(why.text(lang))" : "\(p): cannot use the folder: \(why.text(lang))"
        case .indexInsideInbox(let index, let folder):
            return vi ? "\(index): chỉ mục nằm trong thư mục đang theo dõi \(folder): hãy đặt nó ở chỗ khác (--db)"
                      : "\(index): the index is inside the watched folder \(folder): put it elsewhere (--db)"
        case .cannotWriteReason(let p, let why):
            return vi ? "\(p): không ghi được lý do tệp bị lỗi: \(why.text(lang))"
                      : "\(p): cannot write why the file failed: \(why.text(lang))"
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
    case cannotGoOn(String)
    case parked(file: String, attempts: Int, reason: String)
    case retrying(file: String, seconds: Int, attempt: Int, reason: String)
    case reasonKeptInIndex(file: String, detail: String)
    case notWrittenBeside(detail: String)
    case nothingToDo(file: String)
    case sweptTemporaryFolders(Int)
    case changedAfterRead
    case goneBeforeMove
    case couldNotSetAside(file: String, detail: String)

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
        case (.cannotGoOn(let why), .vi): return "hộp thư không thể chạy tiếp: \(why)"
        case (.cannotGoOn(let why), .en): return "the inbox cannot go on: \(why)"
        case (.parked(let f, let n, let why), .vi): return "\(f): tạm gác sau \(n) lần thử: \(why)"
        case (.parked(let f, let n, let why), .en): return "\(f): parked after \(n) tries: \(why)"
        case (.retrying(let f, let s, let n, let why), .vi): return "\(f): thử lại sau \(s) giây (lần \(n)): \(why)"
        case (.retrying(let f, let s, let n, let why), .en): return "\(f): will try again in \(s) s (attempt \(n)): \(why)"
        case (.reasonKeptInIndex(let f, let d), .vi): return "\(f): không ghi được lý do bên cạnh tệp; lý do được giữ trong chỉ mục (\(d))"
        case (.reasonKeptInIndex(let f, let d), .en): return "\(f): the reason could not be written beside the file; it is kept in the index (\(d))"
        case (.notWrittenBeside(let d), .vi): return "không ghi được bên cạnh tệp: \(d)"
        case (.notWrittenBeside(let d), .en): return "not written beside the file: \(d)"
        case (.nothingToDo(let f), .vi): return "\(f): không có việc gì để làm"
        case (.nothingToDo(let f), .en): return "\(f): nothing to do"
        case (.sweptTemporaryFolders(let n), .vi): return "đã xóa \(n) thư mục tạm của các lần chạy đã dừng"
        case (.sweptTemporaryFolders(let n), .en): return "removed \(n) temporary folders of stopped runs"
        case (.changedAfterRead, .vi): return "tệp đã thay đổi sau khi được đọc: sẽ đọc lại"
        case (.changedAfterRead, .en): return "the file changed after it was read: it will be read again"
        case (.goneBeforeMove, .vi): return "tệp đã mất trước khi được chuyển đi"
        case (.goneBeforeMove, .en): return "the file was gone before it could be moved"
        case (.couldNotSetAside(let f, let d), .vi): return "\(f): tên tệp không phải UTF-8 và không chuyển sang .failed được (\(d))"
        case (.couldNotSetAside(let f, let d), .en): return "\(f): a file whose name is not UTF-8 could not be set aside (\(d))"
        case (.disappeared, .vi): return "tệp đã bị lấy đi trước khi được đọc"
        case (.disappeared, .en): return "the file disappeared before it was read"
        case (.unknownFailure, .vi): return "lỗi không rõ"
        case (.unknownFailure, .en): return "unknown error"
        }
    }
}

extension InboxArchive {
    /// A name not yet set aside: the file's identity when last seen, and since when it was so.
    public typealias SeenName = (id: FileIdentity?, since: Double)

    /// Names that are not UTF-8 cannot be journalled, queued or shown: once unchanged for `settle`
    /// seconds, each goes to `.failed/` under a readable name (bytes that do not decode as `_`)
    /// with its reason. Both inboxes (the local one and the province's queueing one) call this.
    func setAsideUndecodable(_ names: [[UInt8]], seen: inout [[UInt8]: SeenName], now: Double, settle: Double,
                             lang: Lang, logger: Logger) {
        var current: [[UInt8]: SeenName] = [:]
        for raw in names {
            let pathBytes = Array(folder.utf8) + [UInt8(ascii: "/")] + raw
            let id = Self.lstatIdentity(pathBytes)
            guard let previous = seen[raw], previous.id == id else { current[raw] = (id, now); continue }
            current[raw] = previous
            guard now - previous.since >= settle, id != nil else { continue }
            let shown = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\u{FFFD}", with: "_")
            let destination = failedDestination(for: shown)
            let reason = IngestError(path: (folder as NSString).appendingPathComponent(shown), .nameNotUTF8).text(lang)
            do {
                try makeFolder(failedFolder)
                try? writeReason(reason, besides: destination)
                guard pathBytes.withCString({ rename($0, destination) == 0 }) else {
                    throw InboxError.cannotMove(shown, destination, SystemFailure(errno: errno))
                }
                logger.error("\(InboxNote.failed(file: shown, reason: reason).text(lang))",
                             metadata: ["to": "\(destination.dropFirst(folder.count + 1))"])
                current[raw] = nil
            } catch {
                logger.error("\(InboxNote.couldNotSetAside(file: shown, detail: (error as? any Message)?.text(lang) ?? Ingestor.describe(error)).text(lang))")
            }
        }
        seen = current
    }

    private static func lstatIdentity(_ pathBytes: [UInt8]) -> FileIdentity? {
        var st = stat()
        guard pathBytes.withCString({ lstat($0, &st) == 0 }) else { return nil }
        return FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int(st.st_size),
                            mtime: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
    }
}
