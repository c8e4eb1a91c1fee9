import ArgumentParser
import Foundation
import Extract
import Store
import Vocabulary

struct ShowCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: Help.show.here, discussion: Help.showMore.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions
    @Flag var format: RecordFormat = .table
    @Argument(help: Help.letterArgument.argument) var letter: String

    func run() throws {
        let lang = global.language
        let store = try index.open(readOnly: true)
        let rows = try LetterLookup.letters(letter, in: store, lang: lang)
        let details = try rows.compactMap { row in try row.id.flatMap { try store.letterDetail(id: $0) } }
        for detail in details {
            if format == .json {
                try JSONLine.write(LetterJSON(detail, history: try store.history(letterID: detail.id)))
                continue
            }
            print("#\(detail.id) " + RecordSummary(record: detail.record, lang: lang).text)
            let row = detail.row
            if let n = row.arrivalNumber, let y = row.arrivalYear {
                print("  " + ShowRegisterMsg.entry(number: n, year: y, date: row.arrivalDate ?? "", unit: row.unit, person: row.person).text(lang))
            }
            if !detail.deadlines.isEmpty {
                print("  \(Label.deadlines.text(lang)):")
                for d in detail.deadlines {
                    let every = d.recurrence.map { " " + DeadlineWording.recurrence($0).text(lang) } ?? ""
                    print("    #\(d.id!)  \(d.due)\(every)  [\(d.status.text(lang))]  \(d.clause.prefix(100))\(d.note.map { " — \($0)" } ?? "")")
                }
            }
            print("  \(Label.cites.text(lang)):")
            for cited in detail.references {
                let r = cited.reference
                if cited.letters.isEmpty { print("    \(r.number)\(r.date.map { " (\($0))" } ?? "")  \(CLIMessage.notStored.here)") }
                for l in cited.letters { print("    " + line(l, lang)) }
            }
            if !detail.citedBy.isEmpty {
                print("  \(Label.citedBy.text(lang)):")
                for l in detail.citedBy { print("    " + line(l, lang)) }
            }
            for f in detail.files { print("  \(Label.files.text(lang)): \(f.archivePath ?? f.originalPath)  sha256 \(f.sha256.prefix(12))…") }
        }
    }

    private func line(_ l: LinkedLetter, _ lang: Lang) -> String {
        var s = "#\(l.letterID)  \(l.number ?? "—")  \(l.date ?? "")  \(l.subject ?? "")"
        if l.match == .probableMisread { s += "  (\(l.citedAs): \(CLIMessage.misread.text(lang)))" }
        return s
    }
}

/// `show --json`: the record and what the index knows around it, in English field names.
struct LetterJSON: Encodable {
    let detail: LetterDetail
    var history: [RegisterChange] = []
    init(_ detail: LetterDetail, history: [RegisterChange] = []) { self.detail = detail; self.history = history }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(detail.id, forKey: Key("id"))
        try c.encode(detail.record, forKey: Key("record"))
        let e = detail.row
        try c.encode(RegisterOut(arrival_number: e.arrivalNumber, arrival_year: e.arrivalYear, arrival_date: e.arrivalDate,
                                 unit: e.unit, person: e.person, note: e.registerNote,
                                 history: history.map { HistoryOut(action: $0.action.rawValue, detail: $0.detail,
                                                                    actor: $0.actor, at: $0.at) }),
                     forKey: Key("register"))
        try c.encode(detail.deadlines.map(DeadlineOut.init), forKey: Key("deadlines"))
        try c.encode(detail.cites.map(LinkOut.init), forKey: Key("cites"))
        try c.encode(detail.citedBy.map(LinkOut.init), forKey: Key("cited_by"))
        try c.encode(detail.files.map { FileOut(sha256: $0.sha256, byte_count: $0.byteCount, original_path: $0.originalPath,
                                         archive_path: $0.archivePath) }, forKey: Key("files"))
    }

    struct DeadlineOut: Encodable {
        let id: Int64, due: String, precision: String, recurrence: String?, text: String, status: String
        let closed_by: String?, closed_at: String?, note: String?
        let unit: String?, person: String?, reply_number: String?
        init(_ d: DeadlineRow) {
            unit = d.unit; person = d.person; reply_number = d.replyNumber
            id = d.id ?? 0; due = d.due; precision = d.precision; recurrence = d.recurrence; text = d.clause
            status = d.status.rawValue; closed_by = d.closedBy
            closed_at = d.closedAt.map { ISO8601DateFormatter().string(from: $0) }; note = d.note
        }
    }
    struct LinkOut: Encodable {
        let id: Int64, number: String?, date: String?, subject: String?, cited_as: String, match: String
        init(_ l: LinkedLetter) {
            id = l.letterID; number = l.number; date = l.date; subject = l.subject; cited_as = l.citedAs
            match = l.match.rawValue
        }
    }
    struct RegisterOut: Encodable {
        let arrival_number: Int?, arrival_year: Int?, arrival_date: String?, unit: String?, person: String?, note: String?
        let history: [HistoryOut]
    }
    struct HistoryOut: Encodable { let action: String, detail: String?, actor: String, at: String }
    struct FileOut: Encodable { let sha256: String, byte_count: Int, original_path: String, archive_path: String? }
}
