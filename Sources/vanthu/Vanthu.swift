import ArgumentParser
import Foundation

@main
struct Vanthu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanthu",
        abstract: "Đọc công văn, quyết định, thông báo và báo cáo sáng kiến thành hồ sơ theo dõi được.",
        discussion: """
        Reads the official letters that reach an office (scans, PDFs, Word files, text) into \
        records: issuer, number, date, subject, recipients, signer, cited documents and deadlines.
        """,
        version: "0.1.0",
        subcommands: [ExtractCommand.self, TextCommand.self, IngestCommand.self, WatchCommand.self,
                      DeadlinesCommand.self, SearchCommand.self, ShowCommand.self]
    )
}

/// Options shared by the commands that print.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON records, one per line.")
    var json = false

    @Option(name: .long, help: "Language of messages: vi (default) or en.")
    var lang: Lang = .vi
}
