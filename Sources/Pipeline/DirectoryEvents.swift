import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the inbox when something changes in its folder (Linux inotify). The events are only a
/// hint to scan now: the scan decides what is there, so a missed or merged event loses nothing.
final class DirectoryEvents {
    private let fd: Int32

    /// Nil when inotify is unavailable (another OS, a full watch table, a network file system
    /// that does not report): the inbox then polls.
    init?(folder: String) {
        #if os(Linux)
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_DELETE | IN_MOVED_FROM)
        guard inotify_add_watch(fd, folder, mask) >= 0 else { close(fd); return nil }
        #else
        return nil
        #endif
    }

    deinit { close(fd) }

    /// Waits up to `timeout` seconds for a change; true when one came.
    func wait(timeout: Double) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let n = poll(&p, 1, Int32(max(0, timeout) * 1000))
        guard n > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while read(fd, &buffer, buffer.count) > 0 {}
        return true
    }
}
