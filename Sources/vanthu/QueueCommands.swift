import ArgumentParser
import Foundation
import Ingest
import Logging
import Pipeline
import PostgresStore
import ProvinceQueue
import Store
import Vocabulary
#if canImport(Glibc)
import Glibc
#endif

/// `vanthu worker`: reads the offices' queued files on this machine.
struct WorkerCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "worker", abstract: QueueHelp.worker.here, discussion: QueueHelp.workerMore.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: QueueHelp.workers.argument) var workers: Int = 0
    @Option(name: .long, help: QueueHelp.lease.argument) var lease: Double = 60
    @Option(name: .long, help: QueueHelp.poll.argument) var poll: Double = 1
    @Option(name: .long, help: QueueHelp.maxAttempts.argument) var maxAttempts: Int = 3

    func validate() throws {
        if workers < 0 { throw ValidationError(CLIMessage.notNegative(option: "--workers").here) }
        if lease <= 0 { throw ValidationError(CLIMessage.notPositive(option: "--lease").here) }
        if poll <= 0 { throw ValidationError(CLIMessage.notPositive(option: "--poll").here) }
        if maxAttempts <= 0 { throw ValidationError(CLIMessage.notPositive(option: "--max-attempts").here) }
    }

    func run() throws {
        guard PostgresAddress.isURL(index.path) else {
            Console.error(QueueCLIMessage.needsPostgres(command: "worker"))
            throw ExitCode(1)
        }
        bootstrapLogging()
        let shutdown = ShutdownSignal()
        var options = QueueWorker.Options()
        options.workers = workers
        options.lease = lease
        options.poll = poll
        options.maxFailures = maxAttempts
        options.lang = global.language
        if let v = ProcessInfo.processInfo.environment["VANTHU_RETRY_DELAY"].flatMap(Double.init) { options.retryDelay = v }
        var reading = IngestOptions()
        reading.workers = workers   // one tesseract engine per reading thread
        reading.followSymlinks = false
        let today = ProcessInfo.processInfo.environment["VANTHU_TODAY"] != nil ? Today.date : nil
        let worker = QueueWorker(url: index.path, pipeline: LetterPipeline(options: reading), options: options) { session, office in
            let store = try PostgresLetterStore(session: session, office: office, migrate: false)
            // A letter stored "today" arrives on the day the CLI stands on (VANTHU_TODAY in tests).
            if let today { store.arrivalDay = { today } }
            return store
        }
        worker.run(until: shutdown)
    }
}

/// `vanthu jobs`: the shared queue as the clerk (or the province) may see it.
struct JobsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "jobs", abstract: QueueHelp.jobs.here, discussion: QueueHelp.jobsMore.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions
    @Flag(name: .long, help: QueueHelp.failedFlag.argument) var failed = false
    @Flag(name: .long, help: Help.jsonFlag.argument) var json = false
    @Option(name: .long, help: QueueHelp.limit.argument) var limit = 50

    func validate() throws {
        if limit <= 0 { throw ValidationError(CLIMessage.notPositive(option: "--limit").here) }
    }

    func run() throws {
        guard PostgresAddress.isURL(index.path) else {
            Console.error(QueueCLIMessage.needsPostgres(command: "jobs"))
            throw ExitCode(1)
        }
        let queue: JobQueue
        let office = index.officeCode
        let jobs: [QueueJobSummary], counts: [String: [QueueJobState: Int]]
        do {
            queue = try JobQueue.open(url: index.path)
            jobs = try queue.jobs(failedOnly: failed, office: office, limit: limit)
            counts = try queue.counts(office: office)
        } catch let error as any Message {
            Console.error(error)
            throw ExitCode(1)
        }
        let lang = global.language
        if json {
            for j in jobs { try JSONLine.write(QueueJobJSON(j, lang: lang)) }
            return
        }
        for (o, c) in counts.sorted(by: { $0.key < $1.key }) {
            print(QueueCLIMessage.officeCounts(office: o, queued: c[.queued] ?? 0, running: c[.running] ?? 0,
                                               done: c[.done] ?? 0, parked: c[.parked] ?? 0).here)
        }
        if jobs.isEmpty { print(QueueCLIMessage.noJobs.here); return }
        print("")
        let heads = QueueCLIMessage.columns.here.split(separator: "|").map(String.init)
        let widths = [6, 8, 28, 10, 5, 16]
        print(zip(heads, widths).map { $0.fitted($1) }.joined(separator: " ") + " " + heads[6])
        let time = DateFormatter()
        time.dateFormat = "yyyy-MM-dd HH:mm"
        time.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        for j in jobs {
            let last: String
            switch j.state {
            case .done: last = j.letterID.map { "#\($0)" } ?? ""
            default: last = (lang == .vi ? j.reasonVi : j.reasonEn) ?? ""
            }
            let cells = ["\(j.id)", j.office, j.fileName, j.state.text(lang), "\(j.failures)", time.string(from: j.enqueuedAt)]
            print(zip(cells, widths).map { $0.fitted($1) }.joined(separator: " ") + " " + last)
        }
    }
}

/// One job as `vanthu jobs --json` prints it.
struct QueueJobJSON: Encodable {
    let id: Int64, office: String, file: String, source: String, archive_path: String?, bytes: Int64
    let state: String, failures: Int, lapses: Int, worker: String?, enqueued_at: String, finished_at: String?
    let letter_id: Int64?, outcome: String?, reason: String?
    init(_ j: QueueJobSummary, lang: Lang) {
        let iso = ISO8601DateFormatter()
        id = j.id; office = j.office; file = j.fileName; source = j.source; archive_path = j.archivePath
        bytes = j.byteCount; state = j.state.rawValue; failures = j.failures; lapses = j.lapses; worker = j.worker
        enqueued_at = iso.string(from: j.enqueuedAt); finished_at = j.finishedAt.map { iso.string(from: $0) }
        letter_id = j.letterID; outcome = j.outcome; reason = lang == .vi ? j.reasonVi : j.reasonEn
    }
}

/// One log line per event on stderr, as `watch` does.
func bootstrapLogging() {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = .info
        return handler
    }
}

/// `vanthu watch DIR --office CODE` with a PostgreSQL index: the folder's files go into the
/// province's queue (their bytes), and to `.done/` once their job is committed.
enum OfficeInbox {
    static func run(folder: String, index: IndexOptions, options: Inbox.Options, lang: Lang) throws {
        let shutdown = ShutdownSignal()
        let session: PostgresSession, office: String
        do {
            session = try PostgresSession(url: index.path)
            try PostgresMigrator.migrate(session, QueueSchema.all)
            // The office named, or the one the login's role belongs to.
            guard let code = try PostgresLetterStore(session: session, office: index.officeCode, migrate: false).office else {
                Console.error(QueueCLIMessage.officeNeeded)
                throw ExitCode(1)
            }
            office = code
        } catch let error as any Message {
            Console.error(error)
            throw ExitCode(1)
        }
        let queue = JobQueue(session: session)
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        let machine = String(cString: host)
        let logger = Logger(label: "vanthu.watch")
        do {
            let inbox = try QueueingInbox(folder: folder, options: options, logger: logger, release: { file, keep in
                try queue.release(office: office, sha256: file.sha256, source: "\(machine):\(file.path)", keep: keep)
            }) { file in
                let outcome = try queue.enqueue(office: office, sha256: file.sha256, fileName: file.name,
                                                source: "\(machine):\(file.path)", archivePath: "\(machine):\(file.destination)",
                                                content: file.bytes)
                switch outcome {
                case .queued(let id): return QueueNote.queued(file: file.name, office: office, job: id)
                case .requeued(let id): return QueueNote.requeued(file: file.name, office: office, job: id)
                case .alreadyQueued(let id, let state):
                    return QueueNote.alreadyQueued(file: file.name, office: office, job: id, state: state)
                }
            }
            try inbox.run(until: shutdown) { polling in
                logger.info("\(QueueNote.watching(folder: inbox.folder, office: office, polling: polling).text(lang))")
            }
        } catch let error as any Message {
            Console.error(error)
            throw ExitCode(1)
        }
    }
}
