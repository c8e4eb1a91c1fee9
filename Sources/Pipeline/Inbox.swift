import Foundation
import Vocabulary
import Logging
import Store

/// The watched inbox (`vanthu watch DIR`). The life of a file, in order:
///
/// 1. seen in `DIR` (inotify, or a scan every `pollInterval`), then left alone until its size and
///    modification time have been stable for `stabilityDelay`;
/// 2. a job row is written (the journal), before any work;
/// 3. read, extracted, stored: the letter and the job's `stored` state commit together;
/// 4. the destination is journalled, then the file is renamed to `DIR/.done/YYYY/MM/` (or to
///    `DIR/.failed/` with `<name>.error.txt`), then the job is `done`.
///
/// Killed at any point, a restart resumes the unfinished jobs first: a file is never lost (it is
/// renamed only after its letter is committed) nor stored twice (same content = same letter).
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
        public init() {}
    }

    public let folder: String
    let options: Options
    let ingestor: Ingestor
    let archive: InboxArchive
    let logger: Logger
    private let lock = NSLock()
    private var inFlight: Set<String> = []
    private let group = DispatchGroup()

    public init(folder: String, ingestor: Ingestor, options: Options = Options(),
                logger: Logger = Logger(label: "vanthu.inbox")) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw InboxError.notAFolder(folder)
        }
        self.folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        self.ingestor = ingestor
        self.options = options
        self.archive = InboxArchive(folder: self.folder)
        self.logger = logger
    }

    var store: LetterStore { ingestor.store }
    var workerCount: Int { options.workers > 0 ? options.workers : ProcessInfo.processInfo.activeProcessorCount }

    /// Runs until `shutdown` is requested; then finishes the files under way and returns.
    public func run(until shutdown: ShutdownSignal) throws {
        try resumeUnfinishedJobs()
        let events = options.pollInterval == nil ? DirectoryEvents(folder: folder) : nil
        if events == nil && options.pollInterval == nil {
            logger.warning("\(InboxNote.polling(folder: folder).text(options.lang))")
        }
        logger.info("\(InboxNote.watching(folder: folder, polling: events == nil).text(options.lang))")
        var stability = FileStability(delay: options.stabilityDelay)
        while !shutdown.isRequested {
            let now = Date().timeIntervalSince1970
            stability.observe(FileStability.scan(folder), now: now)
            for path in stability.stable(now: now) where !shutdown.isRequested {
                guard claim(path) else { continue }
                group.enter()
                DispatchQueue.global().async { [self] in
                    defer { release(path); group.leave() }
                    handleNewFile(path)
                }
            }
            // Wake for the next file to become stable, an event, or a periodic rescan.
            let idle = options.pollInterval ?? max(0.05, min(1, options.stabilityDelay / 2))
            let wait = min(idle, stability.nextCheck(now: Date().timeIntervalSince1970) ?? idle)
            if let events { _ = events.wait(timeout: wait) } else { Thread.sleep(forTimeInterval: wait) }
        }
        logger.info("\(InboxNote.stopping(files: inFlightCount).text(options.lang))")
        group.wait()
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

    // MARK: One file

    func handleNewFile(_ path: String) {
        // Another worker may have just handled and moved it, after the scan that listed it.
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            let id = try store.beginJob(sourcePath: path)
            guard let job = try store.job(id: id) else { return }
            try advance(job)
        } catch {
            logger.error("\(InboxNote.journalFailed(file: path, detail: "\(error)").text(options.lang))")
        }
    }

    /// Finishes jobs a previous run left open (it was killed mid-file), in journal order.
    func resumeUnfinishedJobs() throws {
        let jobs = try store.unfinishedJobs()
        if !jobs.isEmpty { logger.info("\(InboxNote.resuming(jobs: jobs.count).text(options.lang))") }
        for job in jobs { try advance(job) }
    }

    /// Moves a job on from its journalled state to `done`.
    func advance(_ start: JobRow) throws {
        var job = start
        let began = Date()
        var stored: IngestResult?
        if job.state == .started {
            guard FileManager.default.fileExists(atPath: job.sourcePath) else {
                // Gone before anything was stored (someone took it back): nothing to move.
                job.state = .done; job.finishedAt = Date(); job.error = InboxNote.disappeared.text(.en)
                try store.updateJob(job)
                return
            }
            let result = ingestor.ingest(path: job.sourcePath, job: job.id)
            stored = result
            if case .failed(let failure) = result.outcome {
                job.state = .failed; job.outcome = .failed; job.error = failure.text(options.lang); job.sha256 = result.sha256
                try store.updateJob(job)
            } else {
                job = try store.job(id: job.id!) ?? job
            }
        }
        if job.state == .stored || job.state == .failed {
            let name = (job.sourcePath as NSString).lastPathComponent
            job.destination = job.state == .failed
                ? archive.failedDestination(for: name) : archive.doneDestination(for: name, on: Date())
            job.state = .moving
            try store.updateJob(job)
        }
        if job.state == .moving, var destination = job.destination {
            if FileManager.default.fileExists(atPath: job.sourcePath) {
                if FileManager.default.fileExists(atPath: destination) {
                    destination = archive.freePath(in: (destination as NSString).deletingLastPathComponent,
                                                   name: (destination as NSString).lastPathComponent)
                    job.destination = destination
                    try store.updateJob(job)
                }
                try archive.move(job.sourcePath, to: destination)
            }
            if job.outcome == .failed {
                if !FileManager.default.fileExists(atPath: destination + ".error.txt") {
                    try archive.writeReason(job.error ?? InboxNote.unknownFailure.text(options.lang), besides: destination)
                }
            } else if job.outcome == .stored, let sha = job.sha256 {
                try store.setArchivePath(sha256: sha, to: destination)
            }
            job.state = .done
            job.finishedAt = Date()
            try store.updateJob(job)
            log(job, result: stored, seconds: Date().timeIntervalSince(began))
        }
    }

    /// One line per file: what it was, what was found, how long it took.
    private func log(_ job: JobRow, result: IngestResult?, seconds: Double) {
        var metadata: Logger.Metadata = [
            "file": "\((job.sourcePath as NSString).lastPathComponent)",
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
        case .alreadyStored?: logger.info("\(InboxNote.alreadyStored(file: file).text(options.lang))", metadata: metadata)
        default: logger.info("\(InboxNote.stored(file: file).text(options.lang))", metadata: metadata)
        }
    }
}
