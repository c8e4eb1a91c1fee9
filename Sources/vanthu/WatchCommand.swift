import ArgumentParser
import Foundation
import Logging
import Pipeline
import PostgresStore
import Store
import Vocabulary

struct WatchCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "watch", abstract: Help.watch.here, discussion: Help.watchMore.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: Help.settle.argument)
    var settle: Double = 2

    @Option(name: .long, help: Help.poll.argument)
    var poll: Double?

    @Option(name: .long, help: Help.workers.argument)
    var workers: Int = 0

    @Flag(name: .long, help: Help.followSymlinks.argument)
    var followSymlinks = false

    @Option(name: .long, help: Help.maxAttempts.argument)
    var maxAttempts: Int = 5

    @Argument(help: Help.folderArgument.argument)
    var folder: String

    func validate() throws {
        if settle < 0 { throw ValidationError(CLIMessage.notNegative(option: "--settle").here) }
        if let poll, poll <= 0 { throw ValidationError(CLIMessage.notPositive(option: "--poll").here) }
        if workers < 0 { throw ValidationError(CLIMessage.notNegative(option: "--workers").here) }
    }

    func run() throws {
        bootstrapLogging()
        var options = Inbox.Options()
        options.stabilityDelay = settle
        options.pollInterval = poll
        options.workers = workers
        options.lang = global.language
        options.followSymlinks = followSymlinks
        options.maxAttempts = max(1, maxAttempts)
        if let v = ProcessInfo.processInfo.environment["VANTHU_RETRY_DELAY"].flatMap(Double.init) { options.retryDelay = v }
        if let v = ProcessInfo.processInfo.environment["VANTHU_EMPTY_DELAY"].flatMap(Double.init) { options.emptyFileDelay = v }
        // A province: the files go into the shared queue in PostgreSQL, read by `vanthu worker`.
        if PostgresAddress.isURL(index.path) {
            try OfficeInbox.run(folder: folder, index: index, options: options, lang: global.language)
            return
        }
        let shutdown = ShutdownSignal()
        do { try Inbox.checkIndex(index.path, outside: folder) } catch {
            if let message = error as? any Message { Console.error(message) } else { Console.error("\(error)") }
            throw ExitCode(1)
        }
        guard let store = try openIndex(until: shutdown, options: options) else { return }
        do {
            try Inbox(folder: folder, ingestor: Ingestor(store: store), options: options).run(until: shutdown)
        } catch let error as any Message {
            Console.error(error)
            throw ExitCode(1)
        }
    }

    /// The index, once it can be opened. A full disk or a busy, failing file system at start is
    /// waited out, each try logged with a growing delay (as a file's job is retried): exiting would
    /// only have systemd start the watcher again and again. A path that can never work (its folder
    /// missing, not a database, no permission) ends the run with its reason. Nil: stopped while waiting.
    private func openIndex(until shutdown: ShutdownSignal, options: Inbox.Options) throws -> (any LetterIndex)? {
        let logger = Logger(label: "vanthu.watch")
        var attempt = 0
        while true {
            do {
                return try index.openStore()
            } catch let error as StoreError where error.isTransient {
                attempt += 1
                let delay = min(options.maxRetryDelay, options.retryDelay * pow(2, Double(min(attempt, 30) - 1)))
                logger.warning("\(CLIMessage.indexNotReady(error, seconds: Int(delay.rounded(.up)), attempt: attempt).text(global.language))")
                let until = Date().addingTimeInterval(delay)
                while Date() < until {
                    if shutdown.isRequested { return nil }
                    Thread.sleep(forTimeInterval: min(0.1, max(0, until.timeIntervalSinceNow)))
                }
            } catch {
                if let message = error as? any Message { Console.error(message) } else {
                    Console.error(CLIMessage.indexUnavailable(path: index.path, detail: "\(error)").here)
                }
                throw ExitCode(1)
            }
        }
    }
}
