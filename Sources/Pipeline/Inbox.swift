import Foundation
import Vocabulary
import Ingest
import Logging
import Store
#if canImport(Glibc)
import Glibc
#endif

/// The watched inbox (`vanthu watch DIR`). The life of a file, in order:
///
/// 1. seen in `DIR` (inotify, or a scan every `pollInterval`), then left alone until its size and
///    modification time have been stable for `stabilityDelay` and no process has it open for writing;
/// 2. a job row is written (the journal) with the file's identity (device, inode, size, mtime);
/// 3. read, extracted, stored: the letter and the job's `stored` state commit together, after the
///    file's bytes were hashed again (a file that changed while read is read again later);
/// 4. the destination is journalled, the content checked once more, the file renamed to
///    `DIR/.done/YYYY/MM/` (or to `DIR/.failed/` with `<name>.error.txt`), then the job is `done`
///    in the same transaction as the letter's archive path.
///
/// Killed at any point, a restart resumes the unfinished jobs first: a file is never lost (it is
/// renamed only after its letter is committed) nor stored twice (same content = same letter), and
/// a new file dropped under the same name is not taken for the old one (its inode differs).
///
/// A job can always be finished: a failure of the machine (a full disk, a busy index) is tried again
/// with a growing delay and never sends a good file to `.failed/`; after `maxAttempts` such failures
/// the job is parked with its reason and the file left where it is, so one file never blocks the
/// others or makes every start fail. A reason that cannot be written beside the file stays in the
/// journal. Only the inbox's own folders being unusable stops the watcher.
public final class Inbox: @unchecked Sendable {
    public struct Options: Sendable {
        /// Seconds a file's size and mtime must stay unchanged before it is taken.
        public var stabilityDelay: Double = 2
        /// Scan every this many seconds instead of waiting for inotify events (nil: use inotify).
        public var pollInterval: Double?
        /// Files handled at once (0: one per core).
        public var workers: Int = 0
        /// The language of the `.error.txt` notes a clerk reads beside a failed file.
        public var lang: Lang = .vi
        /// Read a symbolic link's target when it is a regular file inside the inbox (else refused).
        public var followSymlinks = false
        /// Seconds an empty file must stay empty before it is refused (a copy creates it first).
        public var emptyFileDelay: Double = 30
        /// Failures of the machine a job may meet before it is parked.
        public var maxAttempts = 5
        /// First wait after such a failure, in seconds; it doubles each time, up to `maxRetryDelay`.
        public var retryDelay: Double = 2
        public var maxRetryDelay: Double = 300
        public init() {}
    }

    public let folder: String
    let options: Options
    let ingestor: Ingestor
    let archive: InboxArchive
    let logger: Logger
    private let lock = NSLock()
    private var inFlight: Set<String> = []
    /// Jobs waiting for their next try (a transient failure), by source path.
    private var retries: [String: JobRow] = [:]
    /// Files given up on, by path, with the identity they had: skipped until they change.
    private var parked: [String: FileIdentity] = [:]
    /// Files whose job could not even be journalled (the index full or busy), with when to try again.
    private var journalBackoff: [String: (due: Date, failures: Int)] = [:]
    private let group = DispatchGroup()
    private var fatal: Error?

    public init(folder: String, ingestor: Ingestor, options: Options = Options(),
                logger: Logger = Logger(label: "vanthu.inbox")) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw InboxError.notAFolder(folder)
        }
        // The folder as the kernel names it (links resolved), so "inside the inbox" is a prefix test.
        self.folder = Self.realPath(URL(fileURLWithPath: folder).standardizedFileURL.path)
        self.ingestor = ingestor
        self.options = options
        self.archive = InboxArchive(folder: self.folder)
        self.logger = logger
        // A PostgreSQL index is on a server, never a file in the folder.
        if !ingestor.store.location.hasPrefix("postgresql://") { try Self.checkIndex(ingestor.store.location, outside: self.folder) }
        try archive.checkFolders()
    }

    /// The index inside the folder would be taken for a letter (and its journal moved away): refused,
    /// before it is even opened (`watch` calls this first).
    public static func checkIndex(_ indexPath: String, outside folder: String) throws {
        let inbox = realPath(URL(fileURLWithPath: folder).standardizedFileURL.path)
        let url = URL(fileURLWithPath: indexPath).standardizedFileURL
        let index = realPath(url.deletingLastPathComponent().path) + "/" + url.lastPathComponent
        if index.hasPrefix(inbox + "/") { throw InboxError.indexInsideInbox(index: index, folder: inbox) }
    }

    static func realPath(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    var store: any LetterIndex { ingestor.store }
    var workerCount: Int { options.workers > 0 ? options.workers : ProcessInfo.processInfo.activeProcessorCount }

    /// Runs until `shutdown` is requested; then finishes the files under way and returns. Throws
    /// only when the inbox's own folders become unusable (`.done` replaced by a link …).
    public func run(until shutdown: ShutdownSignal) throws {
        signal(SIGIO, SIG_IGN)   // a broken file lease (see FileStability) must not kill the process
        let swept = ScratchFolder.sweepStale()
        if swept > 0 { logger.info("\(InboxNote.sweptTemporaryFolders(swept).text(options.lang))") }
        defer { ScratchFolder.shared.remove() }
        for job in (try? store.parkedJobs()) ?? [] {
            if let id = Self.identity(of: job) { parked[job.sourcePath] = id }
        }
        try resumeUnfinishedJobs()
        let events = options.pollInterval == nil ? DirectoryEvents(folder: folder) : nil
        if events == nil && options.pollInterval == nil {
            logger.warning("\(InboxNote.polling(folder: folder).text(options.lang))")
        }
        logger.info("\(InboxNote.watching(folder: folder, polling: events == nil).text(options.lang))")
        var stability = FileStability(delay: options.stabilityDelay, emptyDelay: options.emptyFileDelay)
        var undecodableSeen: [[UInt8]: InboxArchive.SeenName] = [:]
        while !shutdown.isRequested {
            if let fatal = takeFatal() { group.wait(); throw fatal }
            try archive.checkFolders()
            let now = Date().timeIntervalSince1970
            let scan = FileStability.scan(folder)
            stability.observe(scan.entries, now: now)
            archive.setAsideUndecodable(scan.undecodable, seen: &undecodableSeen, now: now, settle: options.stabilityDelay,
                                        lang: options.lang, logger: logger)
            for path in stability.stable(now: now) where !shutdown.isRequested {
                if isWaiting(path) { continue }
                if let due = backoff(path), due > Date() { continue }
                if let id = parked[path] {
                    if FileIdentity.of(path: path) == id { continue }
                    parked[path] = nil   // changed since: a new try
                }
                if scan.entries[path]?.nature == .regular && FileStability.isOpenForWriting(path) {
                    stability.restart(path, now: now); continue
                }
                dispatch(path) { [self] in handleNewFile(path) }
            }
            for job in dueRetries(now: Date()) where !shutdown.isRequested {
                dispatch(job.sourcePath) { [self] in process(job) }
            }
            // Wake for the next file to become stable, an event, a retry, or a periodic rescan.
            let idle = options.pollInterval ?? max(0.05, min(1, options.stabilityDelay / 2))
            let wait = min(idle, stability.nextCheck(now: Date().timeIntervalSince1970) ?? idle)
            if let events { _ = events.wait(timeout: wait) } else { Thread.sleep(forTimeInterval: wait) }
        }
        logger.info("\(InboxNote.stopping(files: inFlightCount).text(options.lang))")
        group.wait()
        if let fatal = takeFatal() { throw fatal }
    }

    private func dispatch(_ path: String, _ work: @escaping @Sendable () -> Void) {
        guard claim(path) else { return }
        group.enter()
        DispatchQueue.global().async { [self] in
            defer { release(path); group.leave() }
            work()
        }
    }

    /// Takes a path for one worker; false when it is already taken or all workers are busy.
    private func claim(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard !inFlight.contains(path), inFlight.count < workerCount else { return false }
        inFlight.insert(path)
        return true
    }
    private func release(_ path: String) { lock.lock(); inFlight.remove(path); lock.unlock() }
    private var inFlightCount: Int { lock.lock(); defer { lock.unlock() }; return inFlight.count }
    private func isWaiting(_ path: String) -> Bool { lock.lock(); defer { lock.unlock() }; return retries[path] != nil }
    private func backoff(_ path: String) -> Date? { lock.lock(); defer { lock.unlock() }; return journalBackoff[path]?.due }
    private func takeFatal() -> Error? { lock.lock(); defer { lock.unlock() }; return fatal }

    private func dueRetries(now: Date) -> [JobRow] {
        lock.lock(); defer { lock.unlock() }
        return retries.values.filter { ($0.retryAt ?? now) <= now }.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }

    // MARK: One file

    func handleNewFile(_ path: String) {
        // Another worker may have just handled and moved it, after the scan that listed it.
        guard let identity = FileIdentity.of(path: path) else { return }
        let id: Int64
        do {
            id = try store.beginJob(sourcePath: path, file: (Int64(bitPattern: identity.device), Int64(bitPattern: identity.inode),
                                                             Int64(identity.size), identity.mtime))
        } catch {
            // The journal cannot be written (disk full, index busy): the file stays and is seen again.
            logger.error("\(InboxNote.journalFailed(file: path, detail: Ingestor.describe(error)).text(options.lang))")
            lock.lock()
            let failures = (journalBackoff[path]?.failures ?? 0) + 1
            let delay = min(options.maxRetryDelay, max(0.5, options.retryDelay) * pow(2, Double(failures - 1)))
            journalBackoff[path] = (Date().addingTimeInterval(delay), failures)
            lock.unlock()
            return
        }
        lock.lock(); journalBackoff[path] = nil; lock.unlock()
        guard let job = try? store.job(id: id) else { return }
        process(job)
    }

    /// Finishes jobs a previous run left open (it was killed mid-file), in journal order. A job that
    /// fails again waits for its retry like any other: it never stops the start.
    func resumeUnfinishedJobs() throws {
        let jobs = try store.unfinishedJobs()
        if !jobs.isEmpty { logger.info("\(InboxNote.resuming(jobs: jobs.count).text(options.lang))") }
        for job in jobs {
            if let retryAt = job.retryAt, retryAt > Date() {
                lock.lock(); retries[job.sourcePath] = job; lock.unlock()
                continue
            }
            process(job)
            if let fatal = takeFatal() { throw fatal }
        }
    }

    /// Advances a job, turning any failure into a retry, a parked job, or (the inbox's own folders
    /// unusable) the watcher's end.
    func process(_ job: JobRow) {
        lock.lock(); retries[job.sourcePath] = nil; lock.unlock()
        do {
            try advance(job)
        } catch let error as InboxError {
            switch error {
            case .archiveNotAFolder, .indexInsideInbox, .notAFolder:
                logger.critical("\(InboxNote.cannotGoOn(error.text(options.lang)).text(options.lang))")
                lock.lock(); fatal = fatal ?? error; lock.unlock()
            default:
                retry(job, because: error.text(options.lang))
            }
        } catch let failure as TransientFailure {
            retry(failure.job ?? job, because: failure.reason)
        } catch {
            retry(job, because: Ingestor.describe(error))
        }
    }

    /// A failure worth trying again (from `advance`), with the job as it then stood.
    struct TransientFailure: Error { var job: JobRow?; var reason: String }

    private func retry(_ start: JobRow, because reason: String) {
        var job = (try? start.id.flatMap { try store.job(id: $0) }) ?? start
        job.attempts += 1
        job.error = reason
        if job.attempts >= options.maxAttempts {
            job.state = .parked
            job.finishedAt = Date()
            try? store.updateJob(job)
            if let id = Self.identity(of: job) ?? FileIdentity.of(path: job.sourcePath) {
                lock.lock(); parked[job.sourcePath] = id; lock.unlock()
            }
            logger.error("\(InboxNote.parked(file: Self.name(job.sourcePath), attempts: job.attempts, reason: reason).text(options.lang))")
            return
        }
        let delay = min(options.maxRetryDelay, options.retryDelay * pow(2, Double(job.attempts - 1)))
        job.retryAt = Date().addingTimeInterval(delay)
        try? store.updateJob(job)   // the index may be the thing that is full: the retry is kept in memory too
        lock.lock(); retries[job.sourcePath] = job; lock.unlock()
        logger.warning("\(InboxNote.retrying(file: Self.name(job.sourcePath), seconds: Int(delay.rounded(.up)), attempt: job.attempts, reason: reason).text(options.lang))")
    }

    static let pauseAfterMove = ProcessInfo.processInfo.environment["VANTHU_FAULT_PAUSE_AFTER_MOVE"].flatMap(Double.init)
    static let pauseBeforeMove = ProcessInfo.processInfo.environment["VANTHU_FAULT_PAUSE_BEFORE_MOVE"].flatMap(Double.init)

    static func identity(of job: JobRow) -> FileIdentity? {
        guard let d = job.fileDevice, let i = job.fileInode else { return nil }
        return FileIdentity(device: UInt64(bitPattern: d), inode: UInt64(bitPattern: i),
                            size: Int(job.fileSize ?? 0), mtime: job.fileMtime ?? 0)
    }

    static func name(_ path: String) -> String { (path as NSString).lastPathComponent }

    /// Whether the file now at `path` is the job's own (same inode as when the job began).
    private func isJobFile(_ job: JobRow, at path: String) -> Bool {
        guard let now = FileIdentity.of(path: path) else { return false }
        guard let then = Self.identity(of: job) else { return true }   // a job journalled before identities
        return now.sameFile(as: then)
    }

    /// Moves a job on from its journalled state to `done`.
    func advance(_ start: JobRow) throws {
        var job = start
        let began = Date()
        var stored: IngestResult?
        if job.state == .started {
            guard isJobFile(job, at: job.sourcePath) else {
                // Gone before anything was stored (someone took it back): nothing to move. A file
                // now under that name is another one, and gets its own job.
                job.state = .done; job.finishedAt = Date(); job.error = InboxNote.disappeared.text(options.lang)
                try store.updateJob(job)
                return
            }
            let result = ingestFile(job)
            stored = result
            var failure: String?
            if case .failed(let f) = result.outcome {
                let reason = f.text(options.lang)
                if result.transient { throw TransientFailure(job: job, reason: reason) }
                failure = reason
            }
            if case .notALetter = result.outcome { failure = IngestFailure.notALetter(path: job.sourcePath).text(options.lang) }
            if let failure {
                job.state = .failed; job.outcome = .failed; job.error = failure; job.sha256 = result.sha256
                try store.updateJob(job)
            } else {
                job = try store.job(id: job.id!) ?? job
            }
        }
        if job.state == .stored || job.state == .failed {
            // Fault injection for the tests: a pause after the commit, where a copy that goes on
            // changes the file already stored.
            if let pause = Self.pauseBeforeMove { Thread.sleep(forTimeInterval: pause) }
            // The bytes moved must be the bytes stored: a file that changed since it was read is
            // read again (its letter then stored anew).
            if job.state == .stored, let sha = job.sha256,
               let now = try? Ingestor.contentHash(path: job.sourcePath, followSymlinks: options.followSymlinks), now != sha {
                // The letter this job stored came from bytes the file no longer holds: the hash is
                // kept on the restarted job (journalled, so a crash keeps it too) for the new read to
                // take that letter's place. One this job found already stored is another file's.
                if job.outcome != .stored { job.sha256 = nil }
                job.state = .started; job.outcome = nil; job.letterID = nil
                if let id = FileIdentity.of(path: job.sourcePath) {
                    job.fileSize = Int64(id.size); job.fileMtime = id.mtime
                }
                try store.updateJob(job)
                throw TransientFailure(job: job, reason: InboxNote.changedAfterRead.text(options.lang))
            }
            let name = Self.name(job.sourcePath)
            job.destination = job.state == .failed
                ? archive.failedDestination(for: name) : archive.doneDestination(for: name, on: Date())
            job.state = .moving
            try store.updateJob(job)
        }
        if job.state == .moving, var destination = job.destination {
            if Self.identity(of: job) != nil && isJobFile(job, at: destination) {
                // Moved already, before a crash: only the journal is behind.
            } else if isJobFile(job, at: job.sourcePath) {
                if FileIdentity.of(path: destination) != nil || FileIdentity.of(path: destination + InboxArchive.companion) != nil {
                    destination = archive.freePath(in: (destination as NSString).deletingLastPathComponent,
                                                   name: (destination as NSString).lastPathComponent,
                                                   companion: job.outcome == .failed ? InboxArchive.companion : nil)
                    job.destination = destination
                    try store.updateJob(job)
                }
                try archive.move(job.sourcePath, to: destination)
                // Fault injection for the crash tests and `make soak`: a pause where a kill -9
                // leaves the file moved and the journal not yet told.
                if let pause = Self.pauseAfterMove { Thread.sleep(forTimeInterval: pause) }
            } else {
                // Neither here nor there: someone took it away. A new file under the old name is
                // not this job's: it is left for its own job.
                job.error = [job.error, InboxNote.goneBeforeMove.text(options.lang)].compactMap { $0 }.joined(separator: "; ")
                job.destination = nil
            }
            if job.outcome == .failed, job.destination != nil,
               FileIdentity.of(path: destination + InboxArchive.companion) == nil {
                do {
                    try archive.writeReason(job.error ?? InboxNote.unknownFailure.text(options.lang), besides: destination)
                } catch {
                    // The reason stays in the journal (`vanthu` can show it); the job still ends.
                    let detail = (error as? any Message)?.text(options.lang) ?? Ingestor.describe(error)
                    logger.warning("\(InboxNote.reasonKeptInIndex(file: Self.name(destination), detail: detail).text(options.lang))")
                    job.error = (job.error ?? "") + " [" + InboxNote.notWrittenBeside(detail: detail).text(options.lang) + "]"
                }
            }
            job.state = .done
            job.finishedAt = Date()
            // Only a stored letter's file is its original: a copy already stored keeps the first one's path.
            try store.finishJob(job, archivePath: job.outcome == .stored ? job.destination : nil)
            log(job, result: stored, seconds: Date().timeIntervalSince(began))
        }
    }

    /// Reads a job's file: links refused, or followed only to a regular file inside the inbox.
    private func ingestFile(_ job: JobRow) -> IngestResult {
        let path = job.sourcePath
        // A started job holds a content hash only when it was restarted because its file changed
        // after it was stored (see `advance`).
        let stale = job.sha256
        if options.followSymlinks, FileIdentity.of(path: path).map({ _ in isLink(path) }) == true {
            let target = Self.realPath(path)
            let inside = target.hasPrefix(folder + "/") && !target.hasPrefix(archive.doneFolder + "/")
                && !target.hasPrefix(archive.failedFolder + "/")
            guard inside else {
                let error = IngestError(path: path, .symbolicLink(outside: true))
                return IngestResult(path: path, outcome: .failed(.reading(error)), sha256: nil, seconds: 0, failure: error)
            }
            return ingestor.ingest(path: path, job: job.id, followSymlinks: true, replacing: stale)
        }
        return ingestor.ingest(path: path, job: job.id, followSymlinks: false, replacing: stale)
    }

    private func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// One line per file: what it was, what was found, how long it took.
    private func log(_ job: JobRow, result: IngestResult?, seconds: Double) {
        var metadata: Logger.Metadata = [
            "file": "\(Self.name(job.sourcePath))",
            "outcome": "\(job.outcome?.rawValue ?? "none")",
            "to": "\(job.destination.map { String($0.dropFirst(folder.count + 1)) } ?? "-")",
            "took": "\(String(format: "%.2f", seconds))s",
        ]
        if case .stored(_, let record)? = result?.outcome {
            metadata["number"] = "\(record.number?.text ?? "-")"
            metadata["date"] = "\(record.date ?? "-")"
            metadata["deadlines"] = "\(record.deadlines.count)"
        }
        let file = (job.sourcePath as NSString).lastPathComponent
        switch job.outcome {
        case .failed?: logger.error("\(InboxNote.failed(file: file, reason: job.error ?? "").text(options.lang))", metadata: metadata)
        case nil: logger.warning("\(job.error ?? InboxNote.nothingToDo(file: file).text(options.lang))", metadata: metadata)
        case .alreadyStored?: logger.info("\(InboxNote.alreadyStored(file: file).text(options.lang))", metadata: metadata)
        default: logger.info("\(InboxNote.stored(file: file).text(options.lang))", metadata: metadata)
        }
    }
}

extension Array where Element == UInt8 {
    /// The bytes as a NUL-terminated C string (a path that may not be UTF-8).
    func withCString<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
        (self + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0) }
        }
    }
}
