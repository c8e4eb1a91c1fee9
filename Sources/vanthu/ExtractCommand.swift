import ArgumentParser
import Foundation
import Extract
import Ingest
import Pipeline
import Vocabulary

/// The output of a command that prints records: a summary for people, or JSON.
enum RecordFormat: String, EnumerableFlag {
    case table, json
    static func help(for value: RecordFormat) -> ArgumentHelp? { value == .json ? Help.jsonFlag.argument : Help.tableFlag.argument }
}

struct ExtractCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "extract", abstract: Help.extract.here, discussion: Help.extractMore.here)
    }

    @OptionGroup var global: GlobalOptions
    @Flag var format: RecordFormat = .table
    @OptionGroup var reading: ReadingOptions

    @Argument(help: Help.filesArgument.argument)
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
                if format == .json {
                    let data = try encoder.encode(record)
                    FileHandle.standardOutput.write(data + Data("\n".utf8))
                } else {
                    print(RecordSummary(record: record, lang: global.language).text)
                    fflush(stdout)
                }
            } catch let error as any Message {
                failed += 1
                Console.error(error)
            } catch {
                failed += 1
                Console.error("\(error)")
            }
        })
        if failed > 0 {
            if files.count > 1 { Console.error(CLIMessage.failedCount(failed, files.count).here) }
            throw ExitCode(1)
        }
    }
}

struct TextCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "text", abstract: Help.text.here, discussion: Help.textMore.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reading: ReadingOptions

    @Flag(name: .long, help: Help.restoreFlag.argument)
    var restore = false

    @Argument(help: Help.fileOrStandardInput.argument)
    var file: String

    func run() throws {
        do {
            let pipeline = LetterPipeline(options: reading.ingestOptions)
            var text: String
            if restore && file == "-" {
                // piece by piece: a text of any size restores in flat memory
                let input = FileHandle.standardInput, output = FileHandle.standardOutput
                var last: UInt8 = 0x0A
                _ = try pipeline.restoreDiacritics(reading: { input.readData(ofLength: $0) },
                                                   writing: { if let b = $0.last { last = b }; output.write($0) })
                if last != 0x0A { print() }
                return
            } else {
                text = try pipeline.read(path: file).text
            }
            if restore { text = try pipeline.restoreDiacritics(text).text }
            FileHandle.standardOutput.write(Data(text.utf8))
            if !text.hasSuffix("\n") { print() }
        } catch let error as any Message {
            Console.error(error)
            throw ExitCode(1)
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
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
