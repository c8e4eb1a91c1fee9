import ArgumentParser
import Foundation
import Logging
import Pipeline
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

    @Argument(help: Help.folderArgument.argument)
    var folder: String

    func validate() throws {
        if settle < 0 { throw ValidationError(CLIMessage.notNegative(option: "--settle").here) }
        if let poll, poll <= 0 { throw ValidationError(CLIMessage.notPositive(option: "--poll").here) }
        if workers < 0 { throw ValidationError(CLIMessage.notNegative(option: "--workers").here) }
    }

    func run() throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let shutdown = ShutdownSignal()
        let store = try index.open()
        var options = Inbox.Options()
        options.stabilityDelay = settle
        options.pollInterval = poll
        options.workers = workers
        options.lang = global.language
        do {
            try Inbox(folder: folder, ingestor: Ingestor(store: store), options: options).run(until: shutdown)
        } catch let error as any Message {
            Console.error(error)
            throw ExitCode(1)
        }
    }
}
