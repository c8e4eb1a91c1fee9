import ArgumentParser
import Vocabulary
import Foundation
import Extract
import Store

/// `vanthu register`: the sổ đăng ký văn bản đến (Nghị định 30/2020/NĐ-CP, Phụ lục IV) and the
/// sổ theo dõi giải quyết văn bản đến; `register add` for a paper letter.
struct RegisterCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "register", abstract: Help.register.here,
                             subcommands: [RegisterListCommand.self, RegisterAddCommand.self],
                             defaultSubcommand: RegisterListCommand.self)
    }
}

enum RegisterFormat: String, EnumerableFlag {
    case table, json, csv
    static func help(for value: RegisterFormat) -> ArgumentHelp? {
        switch value {
        case .table: return Help.tableFlag.argument
        case .json: return Help.jsonFlag.argument
        case .csv: return Help.csvFlag.argument
        }
    }
}

struct RegisterListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: Help.registerList.here, discussion: Help.registerListMore.here)
    }

    @OptionGroup var index: IndexOptions
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: Help.registerYear.argument) var year: Int?
    @Option(name: .long, help: Help.arrivedFrom.argument) var from: DayArgument?
    @Option(name: .long, help: Help.arrivedTo.argument) var to: DayArgument?
    @Flag var format: RegisterFormat = .table
    @Option(name: .long, help: Help.xlsx.argument) var xlsx: String?

    func validate() throws {
        if let from, let to, to.date < from.date { throw ValidationError(RegisterMsg.fromAfterTo.text(global.language)) }
        if xlsx != nil, format != .table { throw ValidationError(RegisterMsg.xlsxNotWithOthers.text(global.language)) }
    }

    func run() throws {
        let lang = global.language
        let store = try index.open()
        let today = Today.date
        try store.rollForward(today: today)
        var query = RegisterQuery(today: today)
        // With a date range and no year, the range alone says which entries.
        query.year = year ?? (from == nil && to == nil ? today.year : nil)
        query.from = from?.date.iso
        query.to = to?.date.iso
        let entries = try store.register(query)
        if let xlsx {
            do {
                try RegisterWorkbook(lang: lang, year: query.year).write(entries, to: xlsx)
            } catch let error as RegisterWorkbook.Failure {
                Console.error(RegisterMsg.cannotWrite(path: xlsx, reason: error.reason).text(lang))
                throw ExitCode(1)
            }
            print(RegisterMsg.wroteWorkbook(path: xlsx, entries: entries.count).text(lang))
            return
        }
        switch format {
        case .json:
            for e in entries { try JSONLine.write(RegisterEntryJSON(e)) }
        case .csv:
            FileHandle.standardOutput.write(Data(RegisterCSV.render(entries, lang: lang).utf8))
        case .table:
            if entries.isEmpty { print(RegisterMsg.empty.text(lang)); return }
            print(RegisterTable(lang: lang).render(entries))
        }
    }
}

struct RegisterAddCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: Help.registerAdd.here, discussion: Help.registerAddMore.here)
    }

    @OptionGroup var index: IndexOptions
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: Help.paperNumber.argument) var number: String
    @Option(name: .long, help: Help.paperDate.argument) var date: DayArgument
    @Option(name: .long, help: Help.paperIssuer.argument) var issuer: String
    @Option(name: .long, help: Help.paperSubject.argument) var subject: String
    @Option(name: .long, help: Help.paperKind.argument) var kind: String = "cong_van"
    @Option(name: .long, help: Help.by.argument) var by: String?

    func validate() throws {
        guard DocumentKind(rawValue: kind) != nil, kind != "unknown" else {
            throw ValidationError(RegisterMsg.badKind(kind).text(global.language))
        }
        if number.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(RegisterMsg.emptyNumber.text(global.language)) }
    }

    func run() throws {
        let lang = global.language
        let store = try index.open()
        let paper = PaperLetter(number: number.trimmingCharacters(in: .whitespaces), date: date.date,
                                issuer: issuer, subject: subject, kind: DocumentKind(rawValue: kind)!)
        let row = try store.registerPaper(paper, by: Today.actor(by))
        print(RegisterMsg.registered(number: row.arrivalNumber ?? 0, year: row.arrivalYear ?? 0, id: row.id!).text(lang))
    }
}

/// Every word `register` says, in Vietnamese and English.
enum RegisterMsg {
    case empty
    case fromAfterTo
    case xlsxNotWithOthers
    case badKind(String)
    case emptyNumber
    case registered(number: Int, year: Int, id: Int64)
    case wroteWorkbook(path: String, entries: Int)
    case cannotWrite(path: String, reason: String)
    /// The sổ đăng ký's title and its columns (Phụ lục IV).
    case registerTitle(year: Int?)
    case registerColumns
    case trackingTitle(year: Int?)
    case trackingColumns
    case sheetName(tracking: Bool)
    case progress(RegisterEntry.Progress)
    case kind(String)

    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .empty: return vi ? "Sổ chưa có văn bản nào." : "The register has no letters."
        case .fromAfterTo: return vi ? "Lỗi: --from sau --to" : "error: --from is after --to"
        case .xlsxNotWithOthers: return vi ? "Lỗi: --xlsx không dùng cùng --json hay --csv" : "error: --xlsx goes with neither --json nor --csv"
        case .badKind(let k): return vi ? "Lỗi: không có tên loại `\(k)`" : "error: no kind `\(k)`"
        case .emptyNumber: return vi ? "Lỗi: --number trống" : "error: --number is empty"
        case .registered(let n, let y, let id):
            return vi ? "Đã vào sổ: số đến \(n)/\(y) (văn bản #\(id))." : "Registered: arrival number \(n)/\(y) (letter #\(id))."
        case .wroteWorkbook(let p, let n): return vi ? "Đã ghi \(n) văn bản vào \(p)." : "Wrote \(n) letters to \(p)."
        case .cannotWrite(let p, let r): return vi ? "Lỗi: \(p): không ghi được tệp (\(r))" : "error: \(p): cannot write the file (\(r))"
        case .registerTitle(let y):
            return (vi ? "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" : "REGISTER OF INCOMING LETTERS") + (y.map { vi ? " NĂM \($0)" : " \($0)" } ?? "")
        case .registerColumns:
            return (vi ? ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung",
                          "Đơn vị hoặc người nhận", "Ký nhận", "Ghi chú"]
                       : ["Arrival date", "Arrival number", "Author", "Number", "Date", "Kind and subject",
                          "Unit or person receiving", "Signature", "Note"]).joined(separator: "\t")
        case .trackingTitle(let y):
            return (vi ? "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN" : "TRACKING OF INCOMING LETTERS") + (y.map { vi ? " NĂM \($0)" : " \($0)" } ?? "")
        case .trackingColumns:
            return (vi ? ["Số đến", "Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành", "Đơn vị hoặc người nhận",
                          "Thời hạn giải quyết", "Tiến độ giải quyết", "Số, ký hiệu văn bản trả lời", "Ghi chú"]
                       : ["Arrival number", "Kind, number, date, issuer", "Unit or person receiving", "Due",
                          "Progress", "Reply letter number", "Note"]).joined(separator: "\t")
        case .sheetName(let tracking):
            return tracking ? (vi ? "Sổ theo dõi giải quyết" : "Tracking") : (vi ? "Sổ đăng ký văn bản đến" : "Incoming register")
        case .progress(let p):
            switch p {
            case .open: return vi ? "đang giải quyết" : "in progress"
            case .overdue: return vi ? "quá hạn" : "overdue"
            case .done: return vi ? "đã giải quyết" : "done"
            }
        case .kind(let code): return Self.kindName(code, vi: vi)
        }
    }

    /// The kinds a register names most, as words; the others from their code.
    /// The kind as a person names it, from Extract's kinds table (Nghị định 30/2020/NĐ-CP); a
    /// letter of no known kind is a "Văn bản" in the register's column.
    static func kindName(_ code: String, vi: Bool) -> String {
        guard let kind = DocumentKind(rawValue: code), kind != .unknown else { return vi ? "Văn bản" : "Document" }
        return kind.text(vi ? .vi : .en)
    }
}

extension RegisterMsg {
    static func columns(_ c: RegisterMsg, _ lang: Lang) -> [String] { c.text(lang).components(separatedBy: "\t") }
}

/// The cells of one entry, shared by the CSV, the workbook and the table.
struct RegisterCells {
    let entry: RegisterEntry
    let lang: Lang

    /// Tên loại và trích yếu: the kind's word, then the subject.
    var kindAndSubject: String {
        let kind = RegisterMsg.kind(entry.kind).text(lang)
        guard let s = entry.subject, !s.isEmpty else { return kind }
        return kind + ": " + s
    }
    var receiver: String { [entry.unit, entry.person].compactMap { $0 }.joined(separator: " — ") }
    /// Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành, on one line.
    var letterLine: String {
        var parts = [RegisterMsg.kind(entry.kind).text(lang)]
        if let n = entry.number { parts[0] += " " + n }
        if let d = entry.date { parts.append(RegisterCells.display(d)) }
        if let i = entry.issuer { parts.append(i) }
        return parts.joined(separator: ", ")
    }
    var progress: String { entry.progress.map { RegisterMsg.progress($0).text(lang) } ?? "" }

    /// `2026-11-17` as `17/11/2026`, `2026-11` as `11/2026`.
    static func display(_ iso: String) -> String {
        iso.split(separator: "-").reversed().joined(separator: "/")
    }

    var registerRow: [String] {
        [entry.arrivalDate, "\(entry.arrivalNumber)", entry.issuer ?? "", entry.number ?? "", entry.date ?? "",
         kindAndSubject, receiver, "", entry.note ?? ""]
    }
    var trackingRow: [String] {
        ["\(entry.arrivalNumber)", letterLine, receiver, entry.due ?? "", progress, entry.replyNumber ?? "", entry.note ?? ""]
    }
}

/// The register as CSV: UTF-8 with a BOM (Excel reads it as UTF-8 only then), headers in the
/// user's language, RFC 4180 quoting, CRLF.
enum RegisterCSV {
    static func render(_ entries: [RegisterEntry], lang: Lang) -> String {
        var out = "\u{FEFF}" + RegisterMsg.columns(.registerColumns, lang).map(DeadlineCSV.quote).joined(separator: ",") + "\r\n"
        for e in entries {
            out += RegisterCells(entry: e, lang: lang).registerRow.map(DeadlineCSV.quote).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

/// The register on a terminal: số đến, ngày đến, number, author, subject, who holds it.
struct RegisterTable {
    let lang: Lang

    func render(_ entries: [RegisterEntry]) -> String {
        let h = RegisterMsg.columns(.registerColumns, lang)
        var lines = [[h[1].fitted(7), h[0].fitted(10), h[3].fitted(20), h[2].fitted(28), h[6].fitted(20), h[5]].joined(separator: "  ")]
        for e in entries {
            let c = RegisterCells(entry: e, lang: lang)
            lines.append(["\(e.arrivalNumber)".fitted(7), RegisterCells.display(e.arrivalDate).fitted(10),
                          (e.number ?? "—").fitted(20), (e.issuer ?? "—").fitted(28), c.receiver.fitted(20),
                          String(c.kindAndSubject.prefix(90))].joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }
}

/// `register --json`: the fields cli.md lists, in English, nulls written.
struct RegisterEntryJSON: Encodable {
    let entry: RegisterEntry
    init(_ e: RegisterEntry) { entry = e }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let e = entry
        try c.encode(e.arrivalNumber, forKey: Key("arrival_number"))
        try c.encode(e.arrivalDate, forKey: Key("arrival_date"))
        try c.encode(e.letterID, forKey: Key("letter_id"))
        try c.encode(e.issuer, forKey: Key("issuer"))
        try c.encode(e.number, forKey: Key("number"))
        try c.encode(e.date, forKey: Key("date"))
        try c.encode(e.kind, forKey: Key("kind"))
        try c.encode(e.subject, forKey: Key("subject"))
        try c.encode(e.unit, forKey: Key("unit"))
        try c.encode(e.person, forKey: Key("person"))
        try c.encode(e.due, forKey: Key("due"))
        try c.encode(e.progress?.rawValue, forKey: Key("progress"))
        try c.encode(e.replyNumber, forKey: Key("reply_number"))
        try c.encode(e.note, forKey: Key("note"))
    }
}
