import ArgumentParser
import Foundation
import Pipeline
import Vocabulary

struct IngestCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "ingest", abstract: Help.ingest.here, discussion: Help.ingestMore.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions

    @Option(name: .long, help: Help.workers.argument)
    var workers: Int = 0

    @Argument(help: Help.pathsArgument.argument)
    var paths: [String]

    func validate() throws {
        if workers < 0 { throw ValidationError(CLIMessage.notNegative(option: "--workers").here) }
    }

    func run() throws {
        let store = try index.openForStoring()
        let (files, missing) = InboxFiles.expand(paths)
        for m in missing { Console.error(CLIMessage.noSuchPath(m).here) }
        let bar = ProgressBar()
        let results = Ingestor(store: store).ingest(paths: files, workers: workers) { done, total, r in
            bar.update(done: done, total: total, label: (r.path as NSString).lastPathComponent)
        }
        bar.finish()
        var stored = 0, already = 0, failed = missing.count
        for r in results {
            switch r.outcome {
            case .stored: stored += 1
            case .alreadyStored: already += 1
            case .failed(let failure): failed += 1; Console.error(failure)
            case .notALetter: failed += 1; Console.error(IngestFailure.notALetter(path: r.path))
            }
        }
        print(CLIMessage.summary(stored: stored, already: already, failed: failed, total: files.count + missing.count).here)
        if failed > 0 { throw ExitCode(1) }
    }
}
