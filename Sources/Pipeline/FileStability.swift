import Foundation

/// Decides when a file dropped into the inbox is complete: its size and modification time have
/// not changed for `delay` seconds. A scanner or a network copy still writing keeps changing them.
struct FileStability {
    struct Observation: Equatable { var size: Int; var mtime: Double }
    private var seen: [String: (observation: Observation, since: Double)] = [:]
    let delay: Double

    init(delay: Double) { self.delay = delay }

    /// Records what a scan saw at `now`; forgets files no longer there.
    mutating func observe(_ files: [String: Observation], now: Double) {
        for (path, o) in files {
            if let previous = seen[path], previous.observation == o { continue }
            seen[path] = (o, now)
        }
        for path in seen.keys where files[path] == nil { seen[path] = nil }
    }

    /// Files unchanged for at least `delay` at `now` (empty files are never complete).
    func stable(now: Double) -> [String] {
        seen.filter { $0.value.observation.size > 0 && now - $0.value.since >= delay }.map(\.key).sorted()
    }

    /// Seconds until the next file could become stable, for the wait between scans.
    func nextCheck(now: Double) -> Double? {
        seen.values.map { max(0.01, delay - (now - $0.since)) }.min()
    }

    /// Size and modification time of the regular files directly in `folder` the inbox takes.
    static func scan(_ folder: String) -> [String: Observation] {
        var out: [String: Observation] = [:]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return out }
        for name in names where !InboxFiles.isIgnored(name) {
            let path = (folder as NSString).appendingPathComponent(name)
            var st = stat()
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            out[path] = Observation(size: Int(st.st_size), mtime: mtime)
        }
        return out
    }
}
