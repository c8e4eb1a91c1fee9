import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a file was when it was opened: the same (device, inode, size, mtime) means the same file.
public struct FileIdentity: Sendable, Equatable, Codable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    public var mtime: Double

    public init(device: UInt64, inode: UInt64, size: Int, mtime: Double) {
        self.device = device; self.inode = inode; self.size = size; self.mtime = mtime
    }

    init(_ st: stat) {
        self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int(st.st_size),
                  mtime: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
    }

    /// The identity of what `path` names now, without following a link; nil when nothing is there.
    public static func of(path: String) -> FileIdentity? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return FileIdentity(st)
    }

    /// The same file (device and inode); its content may still have changed.
    public func sameFile(as other: FileIdentity) -> Bool { device == other.device && inode == other.inode }
}

/// A file opened once for reading, its limits checked on the opened descriptor (`fstat`), its
/// bytes read from that descriptor. Opened with `O_NONBLOCK` so a FIFO cannot hang the open, and
/// with `O_NOFOLLOW` unless links are to be followed: what is checked is what is read.
public final class OpenedFile {
    public let path: String
    let fd: Int32
    public let identity: FileIdentity

    /// Opens `path`; refuses anything but a regular file with the reason it is not one.
    public init(path: String, followSymlinks: Bool) throws {
        self.path = path
        var flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC
        if !followSymlinks { flags |= O_NOFOLLOW }
        let fd = open(path, flags)
        if fd < 0 {
            let e = errno
            if e == ELOOP && !followSymlinks { throw IngestError(path: path, .symbolicLink(outside: false)) }
            // A name that did not survive decoding (U+FFFD in place of its bytes) is not found:
            // say why, not only that it is missing.
            if e == ENOENT && path.unicodeScalars.contains("\u{FFFD}") { throw IngestError(path: path, .nameNotUTF8) }
            throw IngestError(path: path, .system(SystemFailure(errno: e)))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno; close(fd)
            throw IngestError(path: path, .system(SystemFailure(errno: e)))
        }
        let nature = FileNature(mode: st.st_mode)
        guard nature == .regular else {
            close(fd)
            if nature == .directory { throw IngestError(path: path, .unsupported(.folder)) }
            throw IngestError(path: path, .notAFile(nature))
        }
        self.fd = fd
        self.identity = FileIdentity(st)
    }

    deinit { close(fd) }

    public var size: Int { identity.size }

    /// A path to this very file (the opened descriptor) for a library or a tool that wants a path:
    /// `/proc/<pid>/fd/<n>` reopens the same inode, so a file renamed, replaced or turned into a link
    /// after the checks is not what gets read. Falls back to the absolute path without /proc.
    public var readablePath: String {
        let proc = "/proc/\(getpid())/fd/\(fd)"
        if access(proc, R_OK) == 0 { return proc }
        // Absolute, so a name like `-x.doc` can never be taken for an option.
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Up to `count` bytes from `offset`.
    public func read(from offset: Int, count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, count - got, off_t(offset + got)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IngestError(path: path, .system(SystemFailure(errno: errno)))
            }
            if n == 0 { break }
            got += n
        }
        out.removeSubrange(got...)
        return out
    }

    /// Every byte, refusing a file that grew past `limit` while it was read.
    public func readAll(limit: Int) throws -> [UInt8] {
        let bytes = try read(from: 0, count: min(limit, max(size, 0)) + 1)
        if bytes.count > limit { throw IngestError(path: path, .tooLarge(.bytes(bytes.count, limit: limit))) }
        return bytes
    }

    /// SHA-256 of the bytes as they are now, streamed from the descriptor.
    public func contentHash() throws -> String {
        var hash = SHA256()
        var offset = 0
        while true {
            let chunk = try read(from: offset, count: 1 << 20)
            if chunk.isEmpty { break }
            hash.update(chunk)
            offset += chunk.count
        }
        return hash.finalize()
    }

    /// The identity now (size and mtime move while a copy is still writing).
    public func currentIdentity() -> FileIdentity? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return FileIdentity(st)
    }
}
