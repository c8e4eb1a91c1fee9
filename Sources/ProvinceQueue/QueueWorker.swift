import Foundation
import Ingest
import Extract
import Logging
import Pipeline
import PostgresStore
import Store
import Vocabulary
#if canImport(Glibc)
import Glibc
#endif

/// `vanthu worker`: takes the offices' queued files from PostgreSQL, reads, extracts and stores
/// each in its office, on `workers` threads, each with its own connection and its own tesseract
/// engine (OMP_THREAD_LIMIT=1: the threads are the parallelism). A thread of its own extends the
/// leases of the jobs under way, so only a worker that died (or lost the server) gives a job back.
///
/// Exactly one letter per file content per office, whatever dies when: the letter and the job's
/// `done` commit in one transaction, which first locks the job row and checks the claim is still
/// this worker's; and the store refuses a second letter for a content its office already holds.
/// The server going away (a restart) is met with a growing wait and a new connection, never an
/// exit: the jobs under way are finished if their lease is still held, or taken by another worker.
public final class QueueWorker: @unchecked Sendable {
    public struct Options: Sendable {
        /// Threads reading at once (0: one per core).
        public var workers = 0
        /// Seconds a claim holds a job without a heartbeat (the server's clock).
        public var lease: Double = 60
        /// Seconds between two looks at an empty queue.
        public var poll: Double = 1
        /// Failures of one job (the file could not be read or stored) before it is parked.
        public var maxFailures = 3
        /// Leases of one job that ran out (its worker died) before it is parked.
        public var maxLapses = 5
        /// First wait before a failed job is tried again; doubled each time.
        public var retryDelay: Double = 5
        /// Longest wait between two attempts to reach the server.
        public var maxReconnectDelay: Double = 5
        public var lang: Lang = .vi
        public init() {}
    }

    /// Makes the store of one office over a thread's session (its statements join the queue's
    /// transaction, so a letter and its job's completion commit together).
    public typealias StoreMaker = @Sendable (_ session: PostgresSession, _ office: String) throws -> any LetterIndex

    let url: String
    let options: Options
    let pipeline: LetterPipeline
    let makeStore: StoreMaker
    let logger: Logger
    let name: String
    private let leases: LeaseKeeper

    public init(url: String, pipeline: LetterPipeline, options: Options = Options(), makeStore: @escaping StoreMaker,
                logger: Logger = Logger(label: "vanthu.worker")) {
        self.url = url
        self.options = options
        self.pipeline = pipeline
        self.makeStore = makeStore
        self.logger = logger
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        name = "\(String(cString: host)):\(getpid())"
        leases = LeaseKeeper(url: url, lease: options.lease)
    }

    var workerCount: Int { options.workers > 0 ? options.workers : ProcessInfo.processInfo.activeProcessorCount }

    /// Runs until `shutdown` is requested, then finishes the jobs under way and returns.
    public func run(until shutdown: ShutdownSignal) {
        logger.info("\(QueueNote.workerStarted(workers: workerCount, lease: Int(options.lease)).text(options.lang))")
        let keeper = Thread { [leases] in leases.run(until: shutdown) }
        keeper.start()
        let group = DispatchGroup()
        for n in 0..<workerCount {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                WorkerThread(worker: self, index: n).run(until: shutdown)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        leases.stop()
        ScratchFolder.shared.remove()
    }

    /// Whether an error means the server is away (restarting, unreachable): wait and reconnect,
    /// rather than blame the job.
    static func isServerAway(_ error: Error) -> Bool {
        guard let e = error as? PostgresStoreError else { return false }
        switch e {
        case .connectionLost, .cannotConnect: return true
        // 57P01-03: the server is shutting down or starting; 08xxx: the connection failed.
        case .server(let state, _): return state.hasPrefix("57P") || state.hasPrefix("08")
        default: return false
        }
    }

    static func describe(_ error: Error) -> String {
        (error as? any Message)?.text(.en) ?? "\(error)"
    }

    /// One thread: its own session, queue and stores, one job at a time.
    struct WorkerThread {
        let worker: QueueWorker
        let index: Int
        var options: Options { worker.options }
        var lang: Lang { worker.options.lang }

        func run(until shutdown: ShutdownSignal) {
            var queue: JobQueue?
            var stores: [String: any LetterIndex] = [:]
            var away = 0   // consecutive failures to reach the server
            let me = "\(worker.name)/\(index)"
            while !shutdown.isRequested {
                do {
                    if queue == nil {
                        let session = try PostgresSession(url: worker.url)
                        try PostgresMigrator.migrate(session, QueueSchema.all)
                        queue = JobQueue(session: session)
                        stores = [:]
                    }
                    guard let q = queue else { continue }
                    if index == 0 {
                        let parked = try q.parkLapsed(maxLapses: options.maxLapses,
                                                      reason: (QueueNote.workerDiedReading(times: options.maxLapses).text(.vi),
                                                               QueueNote.workerDiedReading(times: options.maxLapses).text(.en)))
                        if !parked.isEmpty { worker.logger.warning("\(QueueNote.parkedLapsed(jobs: parked.count).text(lang))") }
                    }
                    guard let job = try q.claim(worker: me, lease: options.lease) else {
                        if away > 0 { worker.logger.info("\(QueueNote.serverBack.text(lang))"); away = 0 }
                        Self.sleep(options.poll, unless: shutdown)
                        continue
                    }
                    if away > 0 { worker.logger.info("\(QueueNote.serverBack.text(lang))"); away = 0 }
                    worker.leases.hold(job)
                    defer { worker.leases.release(job) }
                    let store: any LetterIndex
                    if let s = stores[job.office] { store = s } else {
                        store = try worker.makeStore(q.session, job.office)
                        stores[job.office] = store
                    }
                    try handle(job, queue: q, store: store, shutdown: shutdown)
                } catch is LeaseLost {
                    // Said by `finish`; the worker that took the job over stores its letter.
                } catch let error where QueueWorker.isServerAway(error) {
                    away += 1
                    let wait = min(options.maxReconnectDelay, 0.2 * pow(2, Double(min(away, 10) - 1)))
                    if away == 1 {
                        worker.logger.warning("\(QueueNote.serverUnreachable(detail: QueueWorker.describe(error), seconds: wait).text(lang))")
                    }
                    // A session that lost its connection makes a new one at its next statement; one
                    // that could not be made at all is made again here.
                    if let e = error as? PostgresStoreError, case .cannotConnect = e { queue = nil }
                    Self.sleep(wait, unless: shutdown)
                } catch {
                    // Not the server's absence nor the job's: say it, wait, go on.
                    worker.logger.error("\(QueueWorker.describe(error))")
                    Self.sleep(options.poll, unless: shutdown)
                }
            }
        }

        /// Reads, extracts and stores one job; records its failure on it. Throws only when the server
        /// is away (the caller waits and reconnects; the job's lease decides who finishes it).
        func handle(_ job: ClaimedJob, queue: JobQueue, store: any LetterIndex, shutdown: ShutdownSignal) throws {
            let start = Date()
            let shown = "\(job.office)/\(job.fileName)"
            // The same content stored already (by `ingest`, or a job whose completion was lost):
            // only the job is finished.
            // (One that replaces a stale letter is read: its store says which letter stays.)
            if job.replaces == nil, let existing = try store.letterID(sha256: job.sha256) {
                try finish(job, queue: queue, shutdown: shutdown) { replacing in
                    // Set since the claim: the stale letter goes, this content being a letter already.
                    if let replacing, replacing != job.sha256 { try (store as? PostgresLetterStore)?.withdrawStale(sha256: replacing) }
                    return (existing, false)
                }
                worker.logger.info("\(QueueNote.alreadyStored(file: shown, office: job.office, job: job.id, letter: existing).text(lang))")
                return
            }
            let letter: NewLetter
            switch read(job, shown: shown) {
            case .success(let l): letter = l
            case .failure(let failure):
                let state = try queue.fail(job, reason: (failure.text(.vi), failure.text(.en)),
                                           maxFailures: options.maxFailures, retryDelay: options.retryDelay)
                worker.logger.error("\(QueueNote.failed(file: shown, office: job.office, job: job.id, reason: failure.text(lang), parked: state == .parked).text(lang))")
                return
            }
            var outcome: StoreOutcome?
            do {
                try finish(job, queue: queue, shutdown: shutdown) { replacing in
                    let o = try store.store(letter, job: nil, replacing: replacing)
                    outcome = o
                    if case .stored(let id) = o { return (id, true) }
                    return (o.letterID, false)
                }
            } catch let error where !QueueWorker.isServerAway(error) && !(error is LeaseLost) {
                let failure = IngestFailure.storing(path: shown, detail: QueueWorker.describe(error))
                let state = try queue.fail(job, reason: (failure.text(.vi), failure.text(.en)),
                                           maxFailures: options.maxFailures, retryDelay: options.retryDelay)
                worker.logger.error("\(QueueNote.failed(file: shown, office: job.office, job: job.id, reason: failure.text(lang), parked: state == .parked).text(lang))")
                return
            }
            let seconds = Date().timeIntervalSince(start)
            switch outcome {
            case .stored(let id)?:
                let number = (try? store.letter(id: id))?.arrivalNumber
                worker.logger.info("\(QueueNote.stored(file: shown, office: job.office, job: job.id, letter: id, number: number, seconds: seconds).text(lang))")
            case .alreadyStored(let id)?:
                worker.logger.info("\(QueueNote.alreadyStored(file: shown, office: job.office, job: job.id, letter: id).text(lang))")
            case nil: break
            }
        }

        /// Completes the job with its letter. The server lost in the middle: the outcome of the
        /// commit is unknown, so once it is back the completion is tried again under the same claim
        /// (the heartbeat keeps the lease meanwhile): either it had committed (the job is done, the
        /// letter there), or it had not and is committed now; a claim taken over is left to its taker.
        func finish(_ job: ClaimedJob, queue: JobQueue, shutdown: ShutdownSignal,
                    store: (_ replacing: String?) throws -> (letterID: Int64, stored: Bool)) throws {
            var tries = 0
            while true {
                do {
                    try queue.complete(job, store: store)
                    return
                } catch let lost as LeaseLost {
                    if (try? queue.session.scalar("SELECT state FROM queue_jobs WHERE id = $1", [.int(job.id)], as: String.self)) == "done" {
                        return   // committed before the connection dropped, or by the worker that took it over
                    }
                    worker.logger.warning("\(QueueNote.leaseLost(file: job.fileName, job: job.id).text(lang))")
                    throw lost
                } catch let error where QueueWorker.isServerAway(error) {
                    tries += 1
                    if tries > 40 || shutdown.isRequested { throw error }
                    QueueWorker.WorkerThread.sleep(min(options.maxReconnectDelay, 0.2 * pow(2, Double(min(tries, 10) - 1))), unless: shutdown)
                }
            }
        }

        /// The job's bytes as a letter to store, or why not (the file's name in its office, not the
        /// scratch path, in the reason).
        func read(_ job: ClaimedJob, shown: String) -> Result<NewLetter, IngestFailure> {
            do {
                let dir = try ScratchFolder.shared.makeFolder()
                defer { try? FileManager.default.removeItem(atPath: dir) }
                let safe = job.fileName.replacingOccurrences(of: "/", with: "_")
                let path = (dir as NSString).appendingPathComponent(safe.isEmpty || safe.hasPrefix(".") ? "job-\(job.id)" : safe)
                guard FileManager.default.createFile(atPath: path, contents: Data(job.content)) else {
                    throw IngestError(path: path, .system(SystemFailure(errno: errno)))
                }
                let file = try OpenedFile(path: path, followSymlinks: false)
                let doc = try worker.pipeline.reader.read(file)
                guard doc.sha256 == job.sha256 else {
                    return .failure(.storing(path: shown, detail: QueueNote.contentDamaged(file: shown).text(.en)))
                }
                let (record, text) = worker.pipeline.extractRestoring(doc)
                if record.verdict == .notALetter { return .failure(.notALetter(path: shown)) }
                // The original is where the office's watcher put it: its host and its .done/ path.
                return .success(NewLetter(record: record, fullText: text, originalText: text == doc.text ? nil : doc.text,
                                          file: OriginalFile(sha256: doc.sha256, byteCount: doc.byteCount,
                                                             originalPath: job.archivePath ?? job.source)))
            } catch var error as IngestError {
                error.path = shown
                return .failure(.reading(error))
            } catch {
                return .failure(.storing(path: shown, detail: QueueWorker.describe(error)))
            }
        }

        static func sleep(_ seconds: Double, unless shutdown: ShutdownSignal) {
            let end = Date().addingTimeInterval(seconds)
            while !shutdown.isRequested, Date() < end { Thread.sleep(forTimeInterval: min(0.05, max(0, end.timeIntervalSinceNow))) }
        }
    }
}

/// The heartbeat: on its own connection, every third of the lease, extends the leases of the jobs
/// this process holds. A job it finds taken over is only noted: the completion's check drops its result.
final class LeaseKeeper: @unchecked Sendable {
    let url: String
    let lease: Double
    private let lock = NSLock()
    private var held: [Int64: Int] = [:]
    private var stopped = false

    init(url: String, lease: Double) { self.url = url; self.lease = lease }

    func hold(_ job: ClaimedJob) { lock.lock(); held[job.id] = job.claims; lock.unlock() }
    func release(_ job: ClaimedJob) { lock.lock(); held[job.id] = nil; lock.unlock() }
    func stop() { lock.lock(); stopped = true; lock.unlock() }
    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    func run(until shutdown: ShutdownSignal) {
        var queue: JobQueue?
        let interval = max(0.2, lease / 3)
        while !isStopped {
            let end = Date().addingTimeInterval(interval)
            while !isStopped, Date() < end { Thread.sleep(forTimeInterval: 0.05) }
            lock.lock(); let jobs = held.map { (job: $0.key, claims: $0.value) }; lock.unlock()
            if jobs.isEmpty { continue }
            do {
                if queue == nil { queue = JobQueue(session: try PostgresSession(url: url)) }
                _ = try queue?.heartbeat(jobs, lease: lease)
            } catch {
                if let e = error as? PostgresStoreError, case .cannotConnect = e { queue = nil }
                // The server away: the next beat tries again; a lease that runs out meanwhile is
                // taken over, and the completion's check keeps the letter single.
            }
        }
    }
}
