import ArgumentParser
import Foundation
import Extract
import Ingest
import Pipeline

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Đọc văn bản và in hồ sơ của từng văn bản (không lưu).",
        discussion: "Reads each file (text, PDF, image, .doc/.docx) and prints its letter record. "
            + "A file that cannot be read is reported on stderr; the others are still printed.")

    @OptionGroup var output: OutputOptions
    @OptionGroup var reading: ReadingOptions

    @Argument(help: "Files to read.")
    var files: [String]

    func run() throws {
        let options = reading.ingestOptions
        let pipeline = LetterPipeline(options: options)
        var failed = 0
        let encoder = JSONEncoder.record
        // Files are read in parallel (OCR is most of the time); each record is printed as soon as
        // it and those before it are ready, so a slow or stuck file does not hold back the others.
        Parallel.stream(files.count, workers: Parallel.workers(options.workers), { i in
            Result { try pipeline.extract(path: files[i]).1 }
        }, deliver: { _, result in
            do {
                let record = try result.get()
                if output.json {
                    let data = try encoder.encode(record)
                    FileHandle.standardOutput.write(data + Data("\n".utf8))
                } else {
                    print(RecordSummary(record: record, lang: output.lang).text)
                    fflush(stdout)
                }
            } catch {
                failed += 1
                Console.error(Msg.error(error).text(output.lang))
            }
        })
        if failed > 0 {
            if files.count > 1 { Console.error(Msg.failedCount(failed, files.count).text(output.lang)) }
            throw ExitCode(1)
        }
    }
}

struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "In phần chữ mà bộ trích xuất đọc được từ một tệp (OCR cho bản quét, lớp chữ cho PDF).",
        discussion: "Pages are separated by a form feed.")

    @Option(name: .long, help: "Language of messages: vi (default) or en.")
    var lang: Lang = .vi
    @OptionGroup var reading: ReadingOptions

    @Argument(help: "The file to read.")
    var file: String

    func run() throws {
        do {
            let doc = try LetterPipeline(options: reading.ingestOptions).read(path: file)
            FileHandle.standardOutput.write(Data(doc.text.utf8))
            if !doc.text.hasSuffix("\n") { print() }
        } catch {
            Console.error(Msg.error(error).text(lang))
            throw ExitCode(1)
        }
    }
}

enum Console {
    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}

extension JSONEncoder {
    /// One record per line, Vietnamese left as is (no \u escapes), slashes unescaped.
    static var record: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return e
    }
}
