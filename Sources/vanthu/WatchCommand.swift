import ArgumentParser
import Foundation
import Logging
import Pipeline

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Theo dõi một thư mục: văn bản thả vào được đọc, lưu, rồi chuyển vào DIR/.done/YYYY/MM/.",
        discussion: """
        A file is taken once its size and time have been stable for --settle seconds. A file that \
        fails goes to DIR/.failed/ with <name>.error.txt saying why. Nothing is deleted. SIGINT or \
        SIGTERM finish the files under way and exit 0; restarted after a crash, it finishes what \
        was under way. One log line per file on stderr.
        """)

    @OptionGroup var index: IndexOptions
    @Option(name: .long, help: "Language of messages: vi (default) or en.")
    var lang: Lang = .vi

    @Option(name: .long, help: "Seconds a file must stay unchanged before it is read.")
    var settle: Double = 2

    @Option(name: .long, help: "Scan the folder every SECONDS instead of using inotify (network folders).")
    var poll: Double?

    @Option(name: .long, help: "Files read at once (default: one per core).")
    var workers: Int = 0

    @Argument(help: "The inbox folder.")
    var folder: String

    func run() throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let shutdown = ShutdownSignal()
        let store = try index.open(lang)
        var options = Inbox.Options()
        options.stabilityDelay = settle
        options.pollInterval = poll
        options.workers = workers
        let lang = self.lang
        options.notALetterReason = { NotALetterMsg.file($0).text(lang) }
        do {
            try Inbox(folder: folder, ingestor: Ingestor(store: store), options: options).run(until: shutdown)
        } catch {
            Console.error(Msg.readError("\(error)").text(lang))
            throw ExitCode(1)
        }
    }
}
