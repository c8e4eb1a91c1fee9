import Vocabulary
import Extract
import Store

/// The deadlines as a table for a person: due date (at its precision), days left or overdue, how
/// it repeats, number, who holds it, and what must be done, wrapped at word boundaries. Red when
/// overdue, yellow within a week, on a terminal only.
struct DeadlineTable {
    let lang: Lang
    let colours: Bool
    /// Characters of the task column before it wraps.
    var taskWidth = 60

    func render(_ items: [DeadlineItem], today: CalendarDate) -> String {
        func h(_ k: Label) -> String { k.text(lang) }
        let widths = (id: max(3, items.map { "\($0.deadline.id ?? 0)".count }.max() ?? 3), due: 14, left: 16, repeats: 10,
                      number: 18, unit: 18)
        let head = [h(.id).fitted(widths.id), h(.due).fitted(widths.due), h(.left).fitted(widths.left),
                    DeadlineWording.repeatHeader.text(lang).fitted(widths.repeats), h(.number).fitted(widths.number),
                    DeadlineWording.unitHeader.text(lang).fitted(widths.unit), h(.task)].joined(separator: "  ")
        var lines = [head]
        let indent = String(repeating: " ", count: head.count - h(.task).count)
        for item in items {
            let d = item.deadline
            let days = item.daysLeft(today: today)
            let left: String
            switch d.status {
            case .done: left = CLIMessage.doneOn(d.closedAt.map { String(describing: $0).prefix(10) }.map(String.init) ?? "").text(lang)
            case .lapsed: left = DeadlineWording.status(.lapsed).text(lang)
            case .open: left = days.map { CLIMessage.daysLeft($0).text(lang) } ?? ""
            }
            let colour = d.status != .open ? "2" : (days ?? 0) < 0 ? "31" : (days ?? 99) <= 7 ? "33" : nil
            let task = d.clause.wrapped(taskWidth)
            let holder = [d.unit, d.person].compactMap { $0 }.joined(separator: " — ")
            let first = ["\(d.id ?? 0)".fitted(widths.id),
                         DeadlineWording.due(d.due, precision: d.precision).text(lang).fitted(widths.due),
                         left.fitted(widths.left),
                         (d.recurrence.map { DeadlineWording.recurrence($0).text(lang) } ?? "").fitted(widths.repeats),
                         (item.number ?? "—").fitted(widths.number), (holder.isEmpty ? "—" : holder).fitted(widths.unit),
                         task[0]].joined(separator: "  ")
            for line in [first] + task.dropFirst().map({ indent + $0 }) {
                lines.append(colour.map { Terminal.paint(line, $0, when: colours) } ?? line)
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// RFC 4180: UTF-8 with a BOM (so Excel reads it as UTF-8), a header line in the user's
/// language, fields quoted when they hold a comma, a quote or a line break; CRLF.
enum DeadlineCSV {
    static func header(_ lang: Lang) -> [String] { DeadlineWording.csvHeaders.text(lang).components(separatedBy: "\t") }

    static func render(_ items: [DeadlineItem], today: CalendarDate, lang: Lang) -> String {
        var out = "\u{FEFF}" + header(lang).map(quote).joined(separator: ",") + "\r\n"
        for item in items {
            let d = item.deadline
            let fields: [String] = ["\(d.id ?? 0)", d.due, item.daysLeft(today: today).map(String.init) ?? "",
                                    DeadlineWording.status(d.status).text(lang), DeadlineWording.precisionWord(d.precision, lang),
                                    d.recurrence.map { DeadlineWording.recurrence($0).text(lang) } ?? "",
                                    item.number ?? "", item.issuer ?? "", item.letterDate ?? "", d.clause,
                                    d.unit ?? "", d.person ?? "", d.closedBy ?? "", d.note ?? ""]
            out += fields.map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
