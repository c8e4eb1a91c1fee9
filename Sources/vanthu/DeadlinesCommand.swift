import ArgumentParser
import Foundation
import Extract
import Store

struct DeadlinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "Các hạn xử lý chưa xong, theo ngày hạn; đánh dấu xong hoặc mở lại.",
        subcommands: [DeadlinesListCommand.self, DeadlineDoneCommand.self, DeadlineReopenCommand.self],
        defaultSubcommand: DeadlinesListCommand.self)
}

struct DeadlinesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Liệt kê hạn xử lý (mặc định: chưa xong), mỗi hạn kèm văn bản của nó.",
        discussion: """
            A table on a terminal (coloured: red overdue, yellow within 7 days); --json one object \
            per line, --csv, --ics (a calendar for Outlook or Google Calendar). A recurring deadline \
            is one row, the occurrence of the current period; earlier ones not done are lapsed (--all).
            Ví dụ / examples:
              vanthu deadlines --within 30 --unit "Phòng Nội vụ"
              vanthu deadlines --from 01/12/2026 --to 31/12/2026 --csv > han.csv
              vanthu deadlines --ics --remind 5 > han.ics
            """)

    @OptionGroup var index: IndexOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Only deadlines already passed.") var overdue = false
    @Option(name: .long, help: "Only deadlines due from today to DAYS ahead.") var within: Int?
    @Option(name: .long, help: "Due on or after DATE (YYYY-MM-DD or dd/mm/yyyy).") var from: DayArgument?
    @Option(name: .long, help: "Due on or before DATE (YYYY-MM-DD or dd/mm/yyyy).") var to: DayArgument?
    @Option(name: .long, help: "Only the deadlines held by UNIT (vanthu assign --to).") var unit: String?
    @Option(name: .long, help: "With --ics: the reminder (VALARM) DAYS before each deadline.") var remind: Int = 3
    @Flag(name: .long, help: "Done and lapsed deadlines too.") var all = false
    @Flag(name: .long, help: "CSV (RFC 4180) with a header line.") var csv = false
    @Flag(name: .long, help: "An iCalendar file (one all-day event per deadline).") var ics = false

    func validate() throws {
        if let from, let to, to.date < from.date { throw ValidationError(RegisterMsg.fromAfterTo.text(output.lang)) }
        if remind < 0 { throw ValidationError(RemindMsg.negativeDays.text(output.lang)) }
    }

    func run() throws {
        let lang = output.lang
        if [output.json, csv, ics].filter({ $0 }).count > 1 { Console.error(IndexMsg.csvNotWithOthers.text(lang)); throw ExitCode(64) }
        let today = Terminal.today
        var query = DeadlineQuery(today: today)
        query.includeDone = all
        query.overdueOnly = overdue
        query.withinDays = within
        query.from = from?.date.iso
        query.to = to?.date.iso
        query.unit = unit
        let store = try index.open(lang)
        try store.rollForward(today: today)
        let items = try store.deadlines(query)
        if output.json {
            for item in items { try JSONLine.write(DeadlineJSON(item, today: today)) }
        } else if csv {
            FileHandle.standardOutput.write(Data(DeadlineCSV.render(items, today: today, lang: lang).utf8))
        } else if ics {
            FileHandle.standardOutput.write(Data(DeadlineCalendar(lang: lang, remindDays: remind).render(items).utf8))
        } else if items.isEmpty {
            print(IndexMsg.noDeadlines.text(lang))
        } else {
            print(DeadlineTable(lang: lang, colours: Terminal.colours).render(items, today: today))
        }
    }
}

struct DeadlineDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Đánh dấu một hạn xử lý là đã xong (hạn định kỳ sinh lần tiếp theo).")

    @OptionGroup var index: IndexOptions
    @Option(name: .long, help: "Language of messages: vi (default) or en.") var lang: Lang = .vi
    @Option(name: .long, help: "A note kept with the deadline (what was done).") var note: String?
    @Option(name: .long, help: "The number of the reply letter (Số, ký hiệu văn bản trả lời).") var reply: String?
    @Option(name: .long, help: "Who did it (default: the OS user).") var by: String?
    @Argument(help: "The deadline's ID (first column of `vanthu deadlines`).") var id: Int64

    func run() throws {
        let store = try index.open(lang)
        let person = Today.actor(by)
        do {
            let closing = try store.markDone(deadline: id, by: person, note: note, reply: reply)
            let number = try store.letter(id: closing.closed.letterID)?.numberText
            print(IndexMsg.deadlineDone(id: id, due: closing.closed.due, number: number).text(lang))
            if let next = closing.next { print(IndexMsg.nextOccurrence(id: next.id!, due: next.due).text(lang)) }
        } catch StoreError.noSuchDeadline {
            Console.error(IndexMsg.noSuchDeadline(id).text(lang)); throw ExitCode(1)
        }
    }
}

struct DeadlineReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Mở lại một hạn xử lý đã đánh dấu xong.")

    @OptionGroup var index: IndexOptions
    @Option(name: .long, help: "Language of messages: vi (default) or en.") var lang: Lang = .vi
    @Option(name: .long, help: "Who reopens it (default: the OS user).") var by: String?
    @Argument(help: "The deadline's ID.") var id: Int64

    func run() throws {
        do {
            let row = try index.open(lang).reopen(deadline: id, by: Today.actor(by))
            print(IndexMsg.reopened(id: id, due: row.due).text(lang))
        } catch StoreError.noSuchDeadline {
            Console.error(IndexMsg.noSuchDeadline(id).text(lang)); throw ExitCode(1)
        }
    }
}

/// A deadline as `--json` prints it: English field names, one object per line.
struct DeadlineJSON: Encodable {
    let id: Int64, letter_id: Int64, due: String, precision: String, recurrence: String?, text: String
    let status: String, closed_by: String?, closed_at: String?, note: String?, days_left: Int?
    let number: String?, issuer: String?, letter_date: String?, subject: String?
    let unit: String?, person: String?, reply_number: String?

    init(_ item: DeadlineItem, today: CalendarDate) {
        let d = item.deadline
        id = d.id ?? 0; letter_id = item.letterID; due = d.due; precision = d.precision
        recurrence = d.recurrence; text = d.clause; status = d.status.rawValue; closed_by = d.closedBy
        closed_at = d.closedAt.map { ISO8601DateFormatter().string(from: $0) }; note = d.note
        days_left = item.daysLeft(today: today); number = item.number; issuer = item.issuer
        letter_date = item.letterDate; subject = item.subject
        unit = d.unit; person = d.person; reply_number = d.replyNumber
    }

    func encode(to encoder: Encoder) throws {
        // Every field written, nulls included, like the letter record.
        var c = encoder.container(keyedBy: Key.self)
        for (k, v) in [("id", id as Any), ("letter_id", letter_id), ("due", due), ("precision", precision),
                       ("recurrence", recurrence as Any), ("text", text), ("status", status),
                       ("closed_by", closed_by as Any), ("closed_at", closed_at as Any), ("note", note as Any),
                       ("days_left", days_left as Any), ("number", number as Any), ("issuer", issuer as Any),
                       ("letter_date", letter_date as Any), ("subject", subject as Any),
                       ("unit", unit as Any), ("person", person as Any), ("reply_number", reply_number as Any)] {
            let key = Key(k)
            switch v {
            case let s as String: try c.encode(s, forKey: key)
            case let i as Int64: try c.encode(i, forKey: key)
            case let i as Int: try c.encode(i, forKey: key)
            case let o as String?: try c.encode(o, forKey: key)
            case let o as Int?: try c.encode(o, forKey: key)
            default: try c.encodeNil(forKey: key)
            }
        }
    }
}

struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

enum JSONLine {
    static func write<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(try JSONEncoder.record.encode(value) + Data("\n".utf8))
    }
}
