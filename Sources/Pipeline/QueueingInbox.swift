import Foundation
import Vocabulary
import Ingest
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// A complete file of the inbox, read once, handed to a queue (`vanthu watch --office` with a
/// PostgreSQL index): its bytes, their hash, and the `.done/` path it will be moved to.
public struct InboxFile: Sendable {
    public var name: String
    public var path: String
    public var sha256: String
    public var bytes: [UInt8]
    /// Where the file goes once its job is committed (`DIR/.done/YYYY/MM/name`, free when chosen).
    public var destination: String
}

/// The watched inbox of an office whose letters are read elsewhere (the province's workers): the
/// same folder rules as `Inbox` (complete files only, links and devices set aside, `.done` and
/// `.failed` plain folders, nothing deleted), but a file's job is handing its bytes to `hand`.
///
/// Order: read the bytes once (O_NOFOLLOW, limits checked on what was opened), check the file did
/// not change while read, `hand` it (it returns once the job is committed: enqueued, or the same
/// content already there), then move it to `.done/`. No journal of its own is needed: killed after
/// the commit and before the move, the file is seen again at the next start, handed again (the
/// queue recognises the content), then moved. `hand` failing (the server away) leaves the file
/// where it is, tried again with a growing delay.
public final class QueueingInbox: @unchecked Sendable {
    /// What the queue said about a file: its log line, and whether it is now in the queue.
    public typealias Hand = (InboxFile) throws -> any Message
    /// Said to the queue just before the file is moved (`keep` false), and again (`keep` true) if it
    /// changed even then: until a file is let go, a later content of it is that file grown, and
    /// replaces what its earlier bytes gave (as `Inbox` replaces a stale letter).
    public typealias Release = (_ file: InboxFile, _ keep: Bool) throws -> Void

    public let folder: String
    let options: Inbox.Options
    let archive: InboxArchive
    let hand: Hand
    let release: Release
    let maxBytes: Int
    let logger: Logger
    private var backoff: [String: (due: Date, failures: Int)] = [:]

    public init(folder: String, options: Inbox.Options = Inbox.Options(), maxBytes: Int = IngestLimits().maxBytes,
                logger: Logger = Logger(label: "vanthu.inbox"), release: @escaping Release = { _, _ in },
                hand: @escaping Hand) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw InboxError.notAFolder(folder)
        }
        self.folder = Inbox.realPath(URL(fileURLWithPath: folder).standardizedFileURL.path)
        self.options = options
        self.archive = InboxArchive(folder: self.folder)
        self.hand = hand
        self.release = release
        self.maxBytes = maxBytes
        self.logger = logger
        try archive.checkFolders()
    }

    /// Runs until `shutdown` is requested. Throws only when `.done` or `.failed` become unusable.
    public func run(until shutdown: ShutdownSignal, started: (Bool) -> Void = { _ in }) throws {
        signal(SIGIO, SIG_IGN)   // a broken file lease (FileStability) must not kill the process
        let events = options.pollInterval == nil ? DirectoryEvents(folder: folder) : nil
        started(events == nil)
        var stability = FileStability(delay: options.stabilityDelay, emptyDelay: options.emptyFileDelay)
        var undecodable: [[UInt8]: InboxArchive.SeenName] = [:]
        while !shutdown.isRequested {
            try archive.checkFolders()
            let now = Date().timeIntervalSince1970
            let scan = FileStability.scan(folder)
            stability.observe(scan.entries, now: now)
            archive.setAsideUndecodable(scan.undecodable, seen: &undecodable, now: now, settle: options.stabilityDelay,
                                        lang: options.lang, logger: logger)
            for path in stability.stable(now: now) where !shutdown.isRequested {
                if let due = backoff[path]?.due, due > Date() { continue }
                if scan.entries[path]?.nature == .regular && FileStability.isOpenForWriting(path) {
                    stability.restart(path, now: now); continue
                }
                if try !take(path) { stability.restart(path, now: Date().timeIntervalSince1970) }
            }
            let idle = options.pollInterval ?? max(0.05, min(1, options.stabilityDelay / 2))
            let wait = min(idle, stability.nextCheck(now: Date().timeIntervalSince1970) ?? idle)
            if let events { _ = events.wait(timeout: wait) } else { Thread.sleep(forTimeInterval: wait) }
        }
        logger.info("\(InboxNote.stopping(files: 0).text(options.lang))")
    }

    /// Handles one stable file; false when it changed under us (wait for it to settle again).
    func take(_ path: String) throws -> Bool {
        let name = (path as NSString).lastPathComponent
        let bytes: [UInt8], file: OpenedFile
        do {
            file = try OpenedFile(path: path, followSymlinks: false)
            if file.size == 0 { throw IngestError(path: path, .empty) }
            if file.size > maxBytes { throw IngestError(path: path, .tooLarge(.bytes(file.size, limit: maxBytes))) }
            bytes = try file.readAll(limit: maxBytes)
        } catch let error as IngestError {
            if case .unreadable(.noSuchFile) = error.reason { return true }   // taken away meanwhile
            if Ingestor.isTransient(error) { return false }
            try setAside(path, name: name, reason: error.text(options.lang))
            return true
        }
        // The bytes queued must be the file's whole, settled content.
        guard file.currentIdentity() == file.identity, FileIdentity.of(path: path).map({ $0 == file.identity }) == true else {
            return false
        }
        let item = InboxFile(name: name, path: path, sha256: SHA256.hex(bytes), bytes: bytes,
                             destination: archive.doneDestination(for: name, on: Date()))
        let note: any Message
        do {
            note = try hand(item)
            // Committed. Still the same file (not grown nor replaced since it was read)? Else its
            // job stays the file's, and the content it settles to takes its place.
            guard FileIdentity.of(path: path).map({ $0 == file.identity }) == true else { return false }
            try release(item, false)
            backoff[path] = nil
        } catch {
            let failures = (backoff[path]?.failures ?? 0) + 1
            let delay = min(options.maxRetryDelay, max(0.5, options.retryDelay) * pow(2, Double(failures - 1)))
            backoff[path] = (Date().addingTimeInterval(delay), failures)
            let detail = (error as? any Message)?.text(options.lang) ?? Ingestor.describe(error)
            logger.error("\(QueueingNote.notHanded(file: name, detail: detail, seconds: Int(delay.rounded(.up))).text(options.lang))")
            return true
        }
        // Let go: now the file may go, unless it changed even now (then it is the file's again).
        guard FileIdentity.of(path: path).map({ $0 == file.identity }) == true else {
            try? release(item, true)
            return false
        }
        var destination = item.destination
        if FileIdentity.of(path: destination) != nil {
            destination = archive.freePath(in: (destination as NSString).deletingLastPathComponent, name: name)
        }
        try archive.move(path, to: destination)
        logger.info("\(note.text(options.lang))", metadata: ["to": "\(destination.dropFirst(folder.count + 1))"])
        return true
    }

    /// What the queue cannot take (a link, a device, an empty or oversized file) goes to `.failed/`
    /// with its reason beside it, as in `Inbox`.
    private func setAside(_ path: String, name: String, reason: String) throws {
        let destination = archive.failedDestination(for: name)
        try archive.move(path, to: destination)
        do { try archive.writeReason(reason, besides: destination) } catch {
            logger.warning("\(InboxNote.notWrittenBeside(detail: (error as? any Message)?.text(options.lang) ?? Ingestor.describe(error)).text(options.lang))")
        }
        logger.error("\(InboxNote.failed(file: name, reason: reason).text(options.lang))",
                     metadata: ["to": "\(destination.dropFirst(folder.count + 1))"])
    }
}

/// What the queueing inbox says of its own.
public enum QueueingNote: Message {
    case notHanded(file: String, detail: String, seconds: Int)

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.notHanded(let f, let d, let s), .vi): return "\(f): chưa đưa được vào hàng đợi (\(d)); tệp để nguyên, thử lại sau \(s) giây"
        case (.notHanded(let f, let d, let s), .en): return "\(f): could not be queued (\(d)); the file stays, trying again in \(s) s"
        }
    }
}
