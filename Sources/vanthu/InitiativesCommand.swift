import ArgumentParser
import Foundation
import Extract
import Store
import Vocabulary

struct InitiativesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "initiatives", abstract: Help.initiatives.here,
            subcommands: [InitiativesListCommand.self, InitiativeShowCommand.self, InitiativesExportCommand.self,
                          InitiativeReviewCommand.self],
            defaultSubcommand: InitiativesListCommand.self)
    }
}

extension InitiativeRow.Status: ExpressibleByArgument {}
extension InitiativeDecision: ExpressibleByArgument {}

/// The output of `initiatives export`: the sheet as CSV, or JSON.
enum SheetFormat: String, EnumerableFlag {
    case csv, json
    static func help(for value: SheetFormat) -> ArgumentHelp? { value == .csv ? Help.csvFlag.argument : Help.jsonFlag.argument }
}

struct InitiativesListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: Help.initiativesList.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions
    @Flag var format: RecordFormat = .table
    @Option(name: .long, help: Help.status.argument)
    var status: InitiativeRow.Status?

    func run() throws {
        let entries = try index.open().initiatives(status: status)
        if format == .json {
            for e in entries { try JSONLine.write(InitiativeJSON(e, withHistory: false)) }
        } else if entries.isEmpty {
            print(CLIMessage.noInitiatives.here)
        } else {
            print(InitiativeTable(lang: global.language).render(entries))
        }
    }
}

struct InitiativeShowCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: Help.initiativeShow.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions
    @Flag var format: RecordFormat = .table
    @Argument(help: Help.initiativeID.argument) var id: Int64

    func run() throws {
        guard let entry = try index.open().initiative(id: id) else {
            Console.error(CLIMessage.noSuchInitiative(id).here); throw ExitCode(1)
        }
        if format == .json { try JSONLine.write(InitiativeJSON(entry, withHistory: true)) }
        else { print(InitiativeTable(lang: global.language).details(entry)) }
    }
}

struct InitiativesExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "export", abstract: Help.initiativesExport.here,
                             discussion: Help.initiativesExportMore.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions
    @Flag var format: SheetFormat = .csv

    func run() throws {
        let entries = try index.open().initiatives()
        switch format {
        case .json:
            let e = JSONEncoder.record
            e.outputFormatting.insert(.prettyPrinted)
            FileHandle.standardOutput.write(try e.encode(entries.map { InitiativeJSON($0, withHistory: true) }) + Data("\n".utf8))
        case .csv:
            FileHandle.standardOutput.write(InitiativeSheet.csv(entries, lang: global.language))
        }
    }
}

struct InitiativeReviewCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "review", abstract: Help.initiativeReview.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions
    @Option(name: .long, help: Help.decision.argument) var decision: InitiativeDecision
    @Option(name: .long, help: Help.score.argument) var score: Double?
    @Option(name: .long, help: Help.note.argument) var note: String?
    @Argument(help: Help.initiativeID.argument) var id: Int64

    func validate() throws {
        if let score, !(0...100).contains(score) { throw ValidationError(CLIMessage.scoreOutOfRange.here) }
    }

    func run() throws {
        let store = try index.open()
        let reviewer = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        do {
            let entry = try store.review(initiative: id, decision: decision, score: score, note: note, reviewer: reviewer)
            print(CLIMessage.reviewed(id: id, status: entry.row.status).here)
        } catch StoreError.noSuchInitiative {
            Console.error(CLIMessage.noSuchInitiative(id).here); throw ExitCode(1)
        }
    }
}

/// The queue as a terminal table, and one initiative in full.
struct InitiativeTable {
    let lang: Lang

    func render(_ entries: [InitiativeEntry]) -> String {
        let h = { (k: Label) in k.text(lang) }
        var lines = [h(.id).fitted(5) + " " + h(.status).fitted(18) + " " + h(.title).fitted(50) + " "
                     + h(.authors).fitted(40) + " " + h(.checks)]
        for e in entries {
            lines.append("\(e.id)".fitted(5) + " " + e.row.status.text(lang).fitted(18) + " "
                         + (e.row.title ?? "").fitted(50) + " " + e.authorsWithShares.fitted(40) + " \(e.checks.count)")
        }
        return lines.joined(separator: "\n")
    }

    func details(_ e: InitiativeEntry) -> String {
        let h = { (k: Label) in k.text(lang) }
        var out = ["#\(e.id) \(e.row.title ?? "")",
                   "\(h(.status)): \(e.row.status.text(lang))",
                   "\(h(.firstApplied)): \(e.row.firstApplied ?? "—")",
                   "\(h(.campaign)): \(e.campaignNumber ?? "—")",
                   "\(h(.authors)):"]
        out += e.authors.map { "  - \($0.name)" + ($0.share.map { " (\(InitiativeEntry.number($0))%)" } ?? "") }
        out.append("\(h(.checks)):")
        out += e.checks.isEmpty ? ["  —"] : e.checks.map { "  - " + $0.text(lang) }
        if let score = e.row.score { out.append("\(h(.score)): \(InitiativeEntry.number(score))") }
        if let note = e.row.note { out.append("\(h(.note)): \(note)") }
        if !e.reviews.isEmpty {
            out.append("\(h(.history)):")
            let f = ISO8601DateFormatter()
            out += e.reviews.map {
                "  \(f.string(from: $0.decidedAt)) \($0.reviewer): \($0.fromStatus.text(lang)) → "
                    + $0.toStatus.text(lang) + ($0.note.map { " — \($0)" } ?? "")
            }
        }
        return out.joined(separator: "\n")
    }
}

/// An initiative as `--json` prints it: English field names, nulls written.
struct InitiativeJSON: Encodable {
    let entry: InitiativeEntry
    let withHistory: Bool

    init(_ entry: InitiativeEntry, withHistory: Bool) { self.entry = entry; self.withHistory = withHistory }

    struct Review: Encodable {
        let from_status: String, to_status: String, score: Double?, note: String?, reviewer: String, decided_at: String
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(from_status, forKey: Key("from_status")); try c.encode(to_status, forKey: Key("to_status"))
            try c.encode(score, forKey: Key("score")); try c.encode(note, forKey: Key("note"))
            try c.encode(reviewer, forKey: Key("reviewer")); try c.encode(decided_at, forKey: Key("decided_at"))
        }
    }

    func encode(to encoder: Encoder) throws {
        let r = entry.row, f = ISO8601DateFormatter()
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(entry.id, forKey: Key("id"))
        try c.encode(r.letterID, forKey: Key("letter_id"))
        try c.encode(r.title, forKey: Key("title"))
        try c.encode(entry.authors, forKey: Key("authors"))
        try c.encode(r.firstApplied, forKey: Key("first_applied"))
        try c.encode(entry.checks.map(\.english), forKey: Key("checks"))
        try c.encode(r.status.rawValue, forKey: Key("status"))
        try c.encode(r.score, forKey: Key("score"))
        try c.encode(r.note, forKey: Key("note"))
        try c.encode(r.reviewer, forKey: Key("reviewer"))
        try c.encode(r.decidedAt.map { f.string(from: $0) }, forKey: Key("decided_at"))
        try c.encode(r.campaignLetterID, forKey: Key("campaign_letter_id"))
        try c.encode(entry.campaignNumber, forKey: Key("campaign_letter"))
        if withHistory {
            try c.encode(entry.reviews.map {
                Review(from_status: $0.fromStatus.rawValue, to_status: $0.toStatus.rawValue, score: $0.score, note: $0.note,
                       reviewer: $0.reviewer, decided_at: f.string(from: $0.decidedAt))
            }, forKey: Key("reviews"))
        }
    }
}
