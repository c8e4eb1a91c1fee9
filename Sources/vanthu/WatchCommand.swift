import ArgumentParser
import Foundation
import Logging
import Pipeline
import PostgresStore
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
        let store = try index.open()
        do {
            try Inbox(folder: folder, ingestor: Ingestor(store: store), options: options).run(until: shutdown)
        } catch let error as any Message {
            Console.error(error)
            throw ExitCode(1)
        }
    }
}
