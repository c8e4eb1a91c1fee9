import ArgumentParser
import Foundation
import Extract
import Store

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Xem một văn bản: hồ sơ, hạn xử lý, văn bản nó dẫn chiếu và văn bản dẫn chiếu nó.")

    @OptionGroup var index: IndexOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The letter's ID (from search) or its number as printed (2164/UBND-KGVX; any case, spaces, QD for QĐ).") var letter: String

    func run() throws {
        let lang = output.lang
        let store = try index.open(lang)
        let rows = try LetterLookup.letters(letter, in: store, lang: lang)
        for row in rows {
            let id = row.id!
            let record = try row.record()
            let deadlines = try store.deadlines(letterID: id)
            let cites = try store.citations(of: id), citedBy = try store.citingLetters(of: id)
            let files = try store.originalFiles(letterID: id)
            if output.json {
                try JSONLine.write(LetterJSON(id: id, record: record, deadlines: deadlines, cites: cites,
                                              citedBy: citedBy, files: files, entry: row, history: try store.history(letterID: id)))
                continue
            }
            func h(_ k: String) -> String { IndexMsg.header(k).text(lang) }
            print("#\(id) " + RecordSummary(record: record, lang: lang).text)
            if let n = row.arrivalNumber, let y = row.arrivalYear {
                print("  " + ShowRegisterMsg.entry(number: n, year: y, date: row.arrivalDate ?? "", unit: row.unit, person: row.person).text(lang))
            }
            if !deadlines.isEmpty {
                print("  \(h("deadlines")):")
                for d in deadlines {
                    let state = DeadlineWording.status(d.status).text(lang)
                    print("    #\(d.id!)  \(d.due)  [\(state)]  \(d.clause.prefix(100))\(d.note.map { " — \($0)" } ?? "")")
                }
            }
            print("  \(h("cites")):")
            for r in try store.references(letterID: id) {
                let linked = cites.filter { $0.citedAs == r.number }
                if linked.isEmpty { print("    \(r.number)\(r.date.map { " (\($0))" } ?? "")  \(IndexMsg.notStored.text(lang))") }
                for l in linked { print("    " + line(l, lang)) }
            }
            if !citedBy.isEmpty {
                print("  \(h("cited_by")):")
                for l in citedBy { print("    " + line(l, lang)) }
            }
            for f in files { print("  \(h("files")): \(f.archivePath ?? f.originalPath)  sha256 \(f.sha256.prefix(12))…") }
        }
    }

    private func line(_ l: LinkedLetter, _ lang: Lang) -> String {
        var s = "#\(l.letterID)  \(l.number ?? "—")  \(l.date ?? "")  \(l.subject ?? "")"
        if l.match == .probableMisread { s += "  (\(l.citedAs): \(IndexMsg.misread.text(lang)))" }
        return s
    }
}

/// `show --json`: the record and what the index knows around it, in English field names.
struct LetterJSON: Encodable {
    let id: Int64
    let record: LetterRecord
    let deadlines: [DeadlineRow]
    let cites: [LinkedLetter]
    let citedBy: [LinkedLetter]
    let files: [OriginalFileRow]
    /// The letter's row, for its register entry (số đến, ngày đến, who holds it), and its history.
    var entry: LetterRow? = nil
    var history: [RegisterChange] = []

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: Key("id"))
        try c.encode(record, forKey: Key("record"))
        if let e = entry {
            try c.encode(RegisterOut(arrival_number: e.arrivalNumber, arrival_year: e.arrivalYear, arrival_date: e.arrivalDate,
                                     unit: e.unit, person: e.person, note: e.registerNote,
                                     history: history.map { HistoryOut(action: $0.action.rawValue, detail: $0.detail,
                                                                        actor: $0.actor, at: $0.at) }),
                         forKey: Key("register"))
        }
        try c.encode(deadlines.map(DeadlineOut.init), forKey: Key("deadlines"))
        try c.encode(cites.map(LinkOut.init), forKey: Key("cites"))
        try c.encode(citedBy.map(LinkOut.init), forKey: Key("cited_by"))
        try c.encode(files.map { FileOut(sha256: $0.sha256, byte_count: $0.byteCount, original_path: $0.originalPath,
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
