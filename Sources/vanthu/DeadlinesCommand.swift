import ArgumentParser
import Foundation
import Extract
import Store
import Vocabulary

struct DeadlinesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "deadlines", abstract: Help.deadlines.here,
            subcommands: [DeadlinesListCommand.self, DeadlineDoneCommand.self, DeadlineReopenCommand.self],
            defaultSubcommand: DeadlinesListCommand.self)
    }
}

/// The output of `deadlines`: a table, JSON lines, a CSV sheet or an iCalendar file.
enum DeadlineFormat: String, EnumerableFlag {
    case table, json, csv, ics
    static func help(for value: DeadlineFormat) -> ArgumentHelp? {
        switch value {
        case .table: return Help.tableFlag.argument
        case .json: return Help.jsonFlag.argument
        case .csv: return Help.csvFlag.argument
        case .ics: return Help.icsFlag.argument
        }
    }
}

struct DeadlinesListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: Help.deadlinesList.here, discussion: Help.deadlinesListMore.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions
    @Flag var format: DeadlineFormat = .table

    @Flag(name: .long, help: Help.overdue.argument) var overdue = false
    @Option(name: .long, help: Help.within.argument) var within: Int?
    @Option(name: .long, help: Help.from.argument) var from: DayArgument?
    @Option(name: .long, help: Help.to.argument) var to: DayArgument?
    @Option(name: .long, help: Help.unitFilter.argument) var unit: String?
    @Option(name: .long, help: Help.remindDays.argument) var remind: Int = 3
    @Flag(name: .long, help: Help.all.argument) var all = false
    @Option(name: .long, help: Help.deadlineLimit.argument) var limit: Int?

    /// A window longer than a century is a typing slip, not a plan (and keeps date arithmetic finite).
    static let longestWindow = 36_500

    func validate() throws {
        if let within, !(0...Self.longestWindow).contains(within) {
            throw ValidationError(CLIMessage.withinRange(maxDays: Self.longestWindow).here)
        }
        if let from, let to, to.date < from.date {
            throw ValidationError(CLIMessage.fromAfterTo(from: from.date.iso, to: to.date.iso).here)
        }
        if !(0...365).contains(remind) { throw ValidationError(CLIMessage.notNegative(option: "--remind").here) }
        if let limit, limit <= 0 { throw ValidationError(CLIMessage.notPositive(option: "--limit").here) }
    }

    func run() throws {
        let lang = global.language
        let today = Terminal.today
        var query = DeadlineQuery(today: today)
        query.includeDone = all
        query.overdueOnly = overdue
        query.withinDays = within
        query.from = from?.date.iso
        query.to = to?.date.iso
        query.unit = unit
        query.limit = limit
        let store = try index.open(readOnly: true)
        // The current period's occurrence of each recurring deadline (an index on a read-only
        // disk is listed as it stands).
        try? store.rollForward(today: today)
        let items = try store.deadlines(query)
        switch format {
        case .json:
            for item in items { try JSONLine.write(DeadlineJSON(item, today: today)) }
        case .csv:
            FileHandle.standardOutput.write(Data(DeadlineCSV.render(items, today: today, lang: lang).utf8))
        case .ics:
            FileHandle.standardOutput.write(Data(DeadlineCalendar(lang: lang, remindDays: remind).render(items).utf8))
        case .table where items.isEmpty:
            print(CLIMessage.noDeadlines.here)
        case .table:
            print(DeadlineTable(lang: lang, colours: Terminal.colours).render(items, today: today))
        }
    }
}

struct DeadlineDoneCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "done", abstract: Help.deadlineDone.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions
    @Option(name: .long, help: Help.note.argument) var note: String?
    @Option(name: .long, help: Help.reply.argument) var reply: String?
    @Option(name: .long, help: Help.by.argument) var by: String?
    @Argument(help: Help.deadlineID.argument) var id: Int64

    func run() throws {
        let store = try index.open()
        let person = Today.actor(by)
        do {
            let closing = try store.markDone(deadline: id, by: person, note: note, reply: reply)
            let number = try store.letter(id: closing.closed.letterID)?.numberText
            print(CLIMessage.deadlineDone(id: id, due: closing.closed.due, number: number).here)
            if let next = closing.next { print(CLIMessage.nextOccurrence(id: next.id!, due: next.due).here) }
        } catch StoreError.noSuchDeadline {
            Console.error(CLIMessage.noSuchDeadline(id).here); throw ExitCode(1)
        }
    }
}

struct DeadlineReopenCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "reopen", abstract: Help.deadlineReopen.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions
    @Option(name: .long, help: Help.by.argument) var by: String?
    @Argument(help: Help.deadlineID.argument) var id: Int64

    func run() throws {
        do {
            let row = try index.open().reopen(deadline: id, by: Today.actor(by))
            print(CLIMessage.reopened(id: id, due: row.due).here)
        } catch StoreError.noSuchDeadline {
            Console.error(CLIMessage.noSuchDeadline(id).here); throw ExitCode(1)
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
