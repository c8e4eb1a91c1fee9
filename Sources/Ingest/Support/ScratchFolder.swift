import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one folder a process keeps its temporary files in (`$TMPDIR/vanthu-<pid>/`): rasterised PDF
/// pages and the like. Removed when the process exits; a process killed with -9 cannot, so every
/// start sweeps the folders of processes that are no longer running.
public final class ScratchFolder: @unchecked Sendable {
    public static let shared = ScratchFolder()

    /// The parent of every process's folder.
    public static var root: String {
        let env = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return URL(fileURLWithPath: env).standardizedFileURL.path
    }
    static let prefix = "vanthu-"

    public let path: String
    private let lock = NSLock()
    private var created = false

    init() {
        path = (Self.root as NSString).appendingPathComponent("\(Self.prefix)\(getpid())")
    }

    /// A new empty folder inside this process's folder, for one step's files.
    public func makeFolder() throws -> String {
        lock.lock(); defer { lock.unlock() }
        if !created {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            created = true
            atexit { ScratchFolder.shared.remove() }
        }
        let dir = (path as NSString).appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        return dir
    }

    /// Removes this process's folder and all in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes the folders left by processes that are gone (killed, crashed), and those of the
    /// older layout (`vanthu-<UUID>`, one per page) not touched for an hour. Returns how many.
    @discardableResult
    public static func sweepStale(now: Date = Date()) -> Int {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: root) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let full = (root as NSString).appendingPathComponent(name)
            if let pid = Int32(rest) {
                guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            } else if UUID(uuidString: String(rest)) != nil {
                let modified = (try? fm.attributesOfItem(atPath: full)[.modificationDate] as? Date) ?? now
                guard now.timeIntervalSince(modified) > 3600 else { continue }
            } else { continue }
            if (try? fm.removeItem(atPath: full)) != nil { removed += 1 }
        }
        return removed
    }
}
