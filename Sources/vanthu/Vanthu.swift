import ArgumentParser
import Foundation
import Ingest

/// The entry point: fixes tesseract's threading before anything loads a model, then runs the CLI.
@main
enum Entry {
    static func main() {
        OpenMPThreads.limitToOnePerWorker()
        Vanthu.main()
    }
}

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
                      DeadlinesCommand.self, RemindCommand.self, RegisterCommand.self, AssignCommand.self,
                      SearchCommand.self, ShowCommand.self,
                      InitiativesCommand.self]
    )
}

/// Options shared by the commands that print.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON records, one per line.")
    var json = false

    @Option(name: .long, help: "Language of messages: vi (default) or en.")
    var lang: Lang = .vi
}

/// How files are read: OCR language and data, limits that refuse a hostile file, workers.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: "OCR language(s) for tesseract, e.g. vie or vie+eng (default: vie).")
    var ocrLang: String?

    @Option(name: .long, help: "Folder holding tesseract's .traineddata files.")
    var tessdata: String?

    @Option(name: .long, help: "Most pages read from one PDF or TIFF (default 200).")
    var maxPages: Int?

    @Option(name: .long, help: "Largest image in pixels, width × height (default 120000000).")
    var maxPixels: Int?

    @Option(name: .long, help: "Largest file in bytes (default 200 MiB).")
    var maxBytes: Int?

    @Option(name: .long, help: "Seconds an external tool (pdftotext, pdftoppm, antiword) may run on one file (default 120).")
    var toolTimeout: Double?

    @Option(name: .long, help: "Parallel OCR workers (default: the number of cores).")
    var workers: Int?

    var ingestOptions: IngestOptions {
        var o = IngestOptions()
        if let ocrLang { o.ocrLanguage = ocrLang }
        if let tessdata { o.tessdataPath = tessdata }
        if let maxPages { o.limits.maxPages = maxPages }
        if let maxPixels { o.limits.maxPixels = maxPixels }
        if let maxBytes { o.limits.maxBytes = maxBytes }
        if let toolTimeout { o.limits.toolTimeout = toolTimeout }
        if let workers { o.workers = workers }
        return o
    }
}
