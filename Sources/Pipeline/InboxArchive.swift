import Foundation
import Ingest
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
public enum InboxError: Error, CustomStringConvertible, Sendable, Equatable {
    case notAFolder(String)
    case cannotMove(String, String, SystemFailure)
    /// `.done` or `.failed` is a link, a file or a device, not a plain folder.
    case archiveNotAFolder(String, FileNature)
    case archiveUnusable(String, SystemFailure)
    /// The index lives inside the watched folder: it would be read (and moved) as a letter.
    case indexInsideInbox(index: String, folder: String)
    case cannotWriteReason(String, SystemFailure)

    public var description: String {
        switch self {
        case .notAFolder(let p): return "\(p): not a folder"
        case .cannotMove(let s, let d, let why): return "\(s): cannot move to \(d): \(why.englishReason)"
        case .archiveNotAFolder(let p, let nature):
            return "\(p): \(nature.englishName), not a plain folder: the inbox will not move files through it"
        case .archiveUnusable(let p, let why): return "\(p): cannot use the folder: \(why.englishReason)"
        case .indexInsideInbox(let index, let folder):
            return "\(index): the index is inside the watched folder \(folder): put it elsewhere (--db)"
        case .cannotWriteReason(let p, let why): return "\(p): cannot write why the file failed: \(why.englishReason)"
        }
    }
}
