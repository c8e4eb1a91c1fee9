import Foundation
import Ingest
#if canImport(Glibc)
import Glibc
#endif

/// Decides when a file dropped into the inbox is complete: its size and modification time have
/// not changed for `delay` seconds, and no process still has it open for writing. A scanner or a
/// network copy still writing keeps changing them; a copy paused longer than the delay still holds
/// the file open.
struct FileStability {
    struct Observation: Equatable { var size: Int; var mtime: Double; var nature: FileNature }
    private var seen: [String: (observation: Observation, since: Double)] = [:]
    let delay: Double
    /// How long an empty file must stay empty before it is taken (and refused): a copy creates the
    /// file before it writes a byte.
    let emptyDelay: Double

    init(delay: Double, emptyDelay: Double) { self.delay = delay; self.emptyDelay = emptyDelay }

    /// Records what a scan saw at `now`; forgets files no longer there.
    mutating func observe(_ files: [String: Observation], now: Double) {
        for (path, o) in files {
            if let previous = seen[path], previous.observation == o { continue }
            seen[path] = (o, now)
        }
        for path in seen.keys where files[path] == nil { seen[path] = nil }
    }

    /// Starts the wait again for a file found still open for writing.
    mutating func restart(_ path: String, now: Double) {
        if let s = seen[path] { seen[path] = (s.observation, now) }
    }

    private func wait(for o: Observation) -> Double { o.nature == .regular && o.size == 0 ? emptyDelay : delay }

    /// Entries unchanged long enough at `now`: regular files, and what the inbox refuses (links,
    /// pipes, devices), which goes to `.failed/` once it has stood still too.
    func stable(now: Double) -> [String] {
        seen.filter { now - $0.value.since >= wait(for: $0.value.observation) }.map(\.key).sorted()
    }

    /// Seconds until the next file could become stable, for the wait between scans.
    func nextCheck(now: Double) -> Double? {
        seen.values.map { max(0.01, wait(for: $0.observation) - (now - $0.since)) }.min()
    }

    /// What a scan finds: entries with UTF-8 names (by path), and the raw names that are not UTF-8.
    struct Scan {
        var entries: [String: Observation] = [:]
        var undecodable: [[UInt8]] = []
    }

    /// The entries directly in `folder` the inbox takes: every name but hidden and temporary ones,
    /// read as bytes (a name that is not UTF-8 is reported, not lost), looked at without following
    /// links (`lstat`).
    static func scan(_ folder: String) -> Scan {
        var out = Scan()
        guard let dir = opendir(folder) else { return out }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let raw: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                Array(buffer.prefix { $0 != 0 })
            }
            if raw.first == UInt8(ascii: ".") { continue }
            guard let name = String(validating: raw, as: UTF8.self) else { out.undecodable.append(raw); continue }
            if InboxFiles.isIgnored(name) { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            let nature = FileNature(mode: st.st_mode)
            if nature == .directory { continue }   // sub-folders are not the inbox's
            out.entries[path] = Observation(size: Int(st.st_size), mtime: mtime, nature: nature)
        }
        return out
    }

    /// True when another process has `path` open for writing: the kernel grants a read lease only
    /// when no one does. Unknown (no lease possible here: not the owner, another file system) is false.
    static func isOpenForWriting(_ path: String) -> Bool {
        #if os(Linux)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if fcntl(fd, 1024 /* F_SETLEASE (Linux, _GNU_SOURCE) */, F_RDLCK) == 0 {
            _ = fcntl(fd, 1024, F_UNLCK)
            return false
        }
        return errno == EAGAIN || errno == EBUSY
        #else
        return false
        #endif
    }
}
