import ArgumentParser
import Foundation
import Pipeline

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Đọc và lưu văn bản vào chỉ mục (thư mục: đọc cả thư mục con).",
        discussion: "Extracts and stores every letter. A file already stored (same content) is not stored twice. "
            + "Files are read in parallel, one per core. Exit status 1 when any file failed.")

    @OptionGroup var index: IndexOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Files read at once (default: one per core).")
    var workers: Int = 0

    @Argument(help: "Files or folders to ingest.")
    var paths: [String]

    func run() throws {
        let store = try index.open(output.lang)
        let (files, missing) = InboxFiles.expand(paths)
        for m in missing { Console.error(IndexMsg.noSuchPath(m).text(output.lang)) }
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
            case .failed(let reason): failed += 1; Console.error(Msg.readError(reason).text(output.lang))
            case .notALetter: failed += 1; Console.error(NotALetterMsg.file(r.path).text(output.lang))
            }
        }
        print(IndexMsg.summary(stored: stored, already: already, failed: failed, total: files.count + missing.count)
            .text(output.lang))
        if failed > 0 { throw ExitCode(1) }
    }
}
