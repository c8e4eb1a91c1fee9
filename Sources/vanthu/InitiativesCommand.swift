import ArgumentParser
import Foundation
import Extract
import Store

struct InitiativesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "initiatives",
        abstract: "Hàng đợi xét duyệt sáng kiến: liệt kê, xem, xuất bảng cho hội đồng, ghi quyết định.",
        subcommands: [InitiativesListCommand.self, InitiativeShowCommand.self, InitiativesExportCommand.self,
                      InitiativeReviewCommand.self],
        defaultSubcommand: InitiativesListCommand.self)
}

extension InitiativeRow.Status: ExpressibleByArgument {}
extension InitiativeDecision: ExpressibleByArgument {}

struct InitiativesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Liệt kê các sáng kiến đã nhận, kèm trạng thái và số điểm cần kiểm tra.")

    @OptionGroup var index: IndexOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .long, help: "Only initiatives with this status: submitted, under_review, accepted, rejected, to_revise.")
    var status: InitiativeRow.Status?

    func run() throws {
        let lang = output.lang
        let entries = try index.open(lang, readOnly: true).initiatives(status: status)
        if output.json {
            for e in entries { try JSONLine.write(InitiativeJSON(e, withHistory: false)) }
        } else if entries.isEmpty {
            print(InitiativeMsg.none.text(lang))
        } else {
            print(InitiativeTable(lang: lang).render(entries))
        }
    }
}

struct InitiativeShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Xem một sáng kiến: tác giả, tỷ lệ đóng góp, các điểm cần kiểm tra, quyết định.")

    @OptionGroup var index: IndexOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The initiative's ID (first column of `vanthu initiatives list`).") var id: Int64

    func run() throws {
        let lang = output.lang
        guard let entry = try index.open(lang, readOnly: true).initiative(id: id) else {
            Console.error(InitiativeMsg.noSuchInitiative(id).text(lang)); throw ExitCode(1)
        }
        if output.json { try JSONLine.write(InitiativeJSON(entry, withHistory: true)) }
        else { print(InitiativeTable(lang: lang).details(entry)) }
    }
}

struct InitiativesExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất bảng xét duyệt cho hội đồng (CSV mở được bằng Excel và LibreOffice, hoặc JSON).",
        discussion: "CSV (default): UTF-8 with a byte-order mark, CRLF, RFC 4180. --json: one array of every initiative.")

    @OptionGroup var index: IndexOptions
    @Option(name: .long, help: "Language of messages: vi (default) or en.") var lang: Lang = .vi
    @Flag(name: .long, help: "CSV for a spreadsheet (the default).") var csv = false
    @Flag(name: .long, help: "JSON: an array of initiatives.") var json = false

    func run() throws {
        if csv && json { Console.error(InitiativeMsg.csvOrJSON.text(lang)); throw ExitCode(64) }
        let entries = try index.open(lang, readOnly: true).initiatives()
        if json {
            let e = JSONEncoder.record
            e.outputFormatting.insert(.prettyPrinted)
            FileHandle.standardOutput.write(try e.encode(entries.map { InitiativeJSON($0, withHistory: true) }) + Data("\n".utf8))
        } else {
            FileHandle.standardOutput.write(InitiativeSheet.csv(entries))
        }
    }
}

struct InitiativeReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Ghi quyết định của hội đồng về một sáng kiến: công nhận, không công nhận, hoặc yêu cầu bổ sung.")

    @OptionGroup var index: IndexOptions
    @Option(name: .long, help: "Language of messages: vi (default) or en.") var lang: Lang = .vi
    @Option(name: .long, help: "accept, reject or revise.") var decision: InitiativeDecision
    @Option(name: .long, help: "The council's score.") var score: Double?
    @Option(name: .long, help: "A note kept with the decision.") var note: String?
    @Argument(help: "The initiative's ID.") var id: Int64

    func run() throws {
        let store = try index.open(lang)
        let reviewer = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        do {
            let entry = try store.review(initiative: id, decision: decision, score: score, note: note, reviewer: reviewer)
            print(InitiativeMsg.reviewed(id: id, status: entry.row.status).text(lang))
        } catch StoreError.noSuchInitiative {
            Console.error(InitiativeMsg.noSuchInitiative(id).text(lang)); throw ExitCode(1)
        }
    }
}

/// The queue as a terminal table, and one initiative in full.
struct InitiativeTable {
    let lang: Lang

    func render(_ entries: [InitiativeEntry]) -> String {
        let h = { (k: String) in InitiativeMsg.header(k).text(lang) }
        var lines = [h("id").fitted(5) + " " + h("status").fitted(18) + " " + h("title").fitted(50) + " "
                     + h("authors").fitted(40) + " " + h("checks")]
        for e in entries {
            lines.append("\(e.id)".fitted(5) + " " + InitiativeMsg.status(e.row.status).text(lang).fitted(18) + " "
                         + (e.row.title ?? "").fitted(50) + " " + e.authorsWithShares.fitted(40) + " \(e.checks.count)")
        }
        return lines.joined(separator: "\n")
    }

    func details(_ e: InitiativeEntry) -> String {
        let h = { (k: String) in InitiativeMsg.header(k).text(lang) }
        var out = ["#\(e.id) \(e.row.title ?? "")",
                   "\(h("status")): \(InitiativeMsg.status(e.row.status).text(lang))",
                   "\(h("first_applied")): \(e.row.firstApplied ?? "—")",
                   "\(h("campaign")): \(e.campaignNumber ?? "—")",
                   "\(h("authors")):"]
        out += e.authors.map { "  - \($0.name)" + ($0.share.map { " (\(InitiativeEntry.number($0))%)" } ?? "") }
        out.append("\(h("checks")):")
        out += e.checks.isEmpty ? ["  —"] : e.checks.map { "  - " + InitiativeMsg.check($0, lang) }
        if let score = e.row.score { out.append("\(h("score")): \(InitiativeEntry.number(score))") }
        if let note = e.row.note { out.append("\(h("note")): \(note)") }
        if !e.reviews.isEmpty {
            out.append("\(h("history")):")
            let f = ISO8601DateFormatter()
            out += e.reviews.map {
                "  \(f.string(from: $0.decidedAt)) \($0.reviewer): \(InitiativeMsg.status($0.fromStatus).text(lang)) → "
                    + InitiativeMsg.status($0.toStatus).text(lang) + ($0.note.map { " — \($0)" } ?? "")
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
        try c.encode(entry.checks, forKey: Key("checks"))
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
