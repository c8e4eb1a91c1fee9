import ArgumentParser
import Foundation
import Ingest
import Store
import Vocabulary

/// The entry point: fixes tesseract's threading before anything loads a model, settles the
/// user's language before any help text is built, then runs the CLI and says its errors in that
/// language.
@main
enum Entry {
    static func main() {
        OpenMPThreads.limitToOnePerWorker()
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch UserLanguage.resolve(arguments) {
        case .success(let lang): UserLanguage.current = lang
        case .failure(let bad):
            Console.error(CLIMessage.badLanguage(bad).text(UserLanguage.current))
            exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try Vanthu.parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = Vanthu.exitCode(for: error)
            let message = ParserWords.localise(Vanthu.fullMessage(for: error), UserLanguage.current)
            if !message.isEmpty {
                if code == .success { print(message) } else { Console.error(message) }
            }
            exit(code.rawValue)
        }
    }
}

/// The language of everything vanthu says to people in this run: `--lang` anywhere on the
/// command line, else `VANTHU_LANG`, else `LANG`, else Vietnamese.
enum UserLanguage {
    nonisolated(unsafe) static var current: Lang = .vi

    /// The language the arguments and the environment ask for; the bad value when `--lang` names none.
    static func resolve(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<Lang, BadLanguage> {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { break }
            var value: String?
            if a == "--lang", i + 1 < arguments.count { value = arguments[i + 1] }
            if a.hasPrefix("--lang=") { value = String(a.dropFirst(7)) }
            if let value {
                guard let lang = Lang(rawValue: value) else { return .failure(BadLanguage(value: value)) }
                return .success(lang)
            }
            i += 1
        }
        return .success(Lang.fromEnvironment(environment))
    }

    struct BadLanguage: Error { var value: String }
}

extension Lang: ExpressibleByArgument {}

/// `--lang`, accepted by every command in any position. Its value is read before parsing (see
/// `UserLanguage`), so that the help and the parser's errors already speak it; this group
/// makes it part of every command's options and of its help.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: Help.langOption.argument)
    var lang: Lang?

    /// The language of this run.
    var language: Lang { UserLanguage.current }
}

struct Vanthu: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "vanthu",
            abstract: Help.root.here,
            discussion: Help.rootMore.here,
            version: "0.2.0",
            subcommands: [ExtractCommand.self, TextCommand.self, IngestCommand.self, WatchCommand.self,
                          DeadlinesCommand.self, RemindCommand.self, RegisterCommand.self, AssignCommand.self,
                          SearchCommand.self, ShowCommand.self, InitiativesCommand.self, AdminCommand.self,
                          WorkerCommand.self, JobsCommand.self])
    }

    @OptionGroup var global: GlobalOptions
}

/// How files are read: OCR language and data, limits that refuse a hostile file, workers.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: Help.ocrLang.argument)
    var ocrLang: String?

    @Option(name: .long, help: Help.tessdata.argument)
    var tessdata: String?

    @Option(name: .long, help: Help.maxPages.argument)
    var maxPages: Int?

    @Option(name: .long, help: Help.maxPixels.argument)
    var maxPixels: Int?

    @Option(name: .long, help: Help.maxBytes.argument)
    var maxBytes: Int?

    @Option(name: .long, help: Help.toolTimeout.argument)
    var toolTimeout: Double?

    @Option(name: .long, help: Help.maxFileSeconds.argument)
    var maxFileSeconds: Double?

    @Option(name: .long, help: Help.maxPageSeconds.argument)
    var maxPageSeconds: Double?

    @Option(name: .long, help: Help.maxPageMb.argument)
    var maxPageMb: Int?

    @Option(name: .long, help: Help.workers.argument)
    var workers: Int?

    func validate() throws {
        for (name, v) in [("--max-file-seconds", maxFileSeconds), ("--max-page-seconds", maxPageSeconds), ("--tool-timeout", toolTimeout)] {
            if let v, !(v > 0 && v <= 86_400) { throw ValidationError(CLIMessage.secondsOutOfRange(option: name).here) }
        }
        for (name, v) in [("--max-pages", maxPages), ("--max-pixels", maxPixels), ("--max-bytes", maxBytes), ("--max-page-mb", maxPageMb)] {
            if let v, v <= 0 { throw ValidationError(CLIMessage.notPositive(option: name).here) }
        }
        if let workers, workers < 0 { throw ValidationError(CLIMessage.notNegative(option: "--workers").here) }
    }

    var ingestOptions: IngestOptions {
        var o = IngestOptions()
        if let ocrLang { o.ocrLanguage = ocrLang }
        if let tessdata { o.tessdataPath = tessdata }
        if let maxPages { o.limits.maxPages = maxPages }
        if let maxPixels { o.limits.maxPixels = maxPixels }
        if let maxBytes { o.limits.maxBytes = maxBytes }
        if let toolTimeout { o.limits.toolTimeout = toolTimeout }
        if let workers { o.workers = workers }
        if let maxFileSeconds { o.limits.maxFileSeconds = maxFileSeconds }
        if let maxPageSeconds { o.limits.maxPageSeconds = maxPageSeconds }
        if let maxPageMb { o.limits.maxPageMegabytes = maxPageMb }
        return o
    }
}
