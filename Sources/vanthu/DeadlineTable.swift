import Extract
import Store

/// The deadlines as a table for a person: due date, days left or overdue, number, issuer, what
/// must be done. Red when overdue, yellow within a week, on a terminal only.
struct DeadlineTable {
    let lang: Lang
    let colours: Bool

    func render(_ items: [DeadlineItem], today: CalendarDate) -> String {
        func h(_ k: String) -> String { IndexMsg.header(k).text(lang) }
        let widths = (id: max(3, items.map { "\($0.deadline.id ?? 0)".count }.max() ?? 3), due: 10, left: 16, number: 18, issuer: 28)
        var lines = [[h("id").fitted(widths.id), h("due").fitted(widths.due), h("left").fitted(widths.left),
                      h("number").fitted(widths.number), h("issuer").fitted(widths.issuer), h("task")].joined(separator: "  ")]
        for item in items {
            let d = item.deadline
            let days = item.daysLeft(today: today)
            let left = d.status == .done
                ? IndexMsg.doneOn(d.closedAt.map { String(describing: $0).prefix(10) }.map(String.init) ?? "").text(lang)
                : days.map { IndexMsg.daysLeft($0).text(lang) } ?? ""
            let colour = d.status == .done ? "2" : (days ?? 0) < 0 ? "31" : (days ?? 99) <= 7 ? "33" : nil
            let line = ["\(d.id ?? 0)".fitted(widths.id), d.due.fitted(widths.due), left.fitted(widths.left),
                        (item.number ?? "—").fitted(widths.number), (item.issuer ?? "—").fitted(widths.issuer),
                        String(d.clause.prefix(100))].joined(separator: "  ")
            lines.append(colour.map { Terminal.paint(line, $0, when: colours) } ?? line)
        }
        return lines.joined(separator: "\n")
    }
}

/// RFC 4180: a header line, fields quoted when they hold a comma, a quote or a line break; CRLF.
enum DeadlineCSV {
    static let header = ["id", "due", "days_left", "status", "precision", "recurrence", "number", "issuer",
                         "letter_date", "text", "closed_by", "note"]

    static func render(_ items: [DeadlineItem], today: CalendarDate) -> String {
        var out = header.joined(separator: ",") + "\r\n"
        for item in items {
            let d = item.deadline
            let fields: [String] = ["\(d.id ?? 0)", d.due, item.daysLeft(today: today).map(String.init) ?? "",
                                    d.status.rawValue, d.precision, d.recurrence ?? "", item.number ?? "",
                                    item.issuer ?? "", item.letterDate ?? "", d.clause, d.closedBy ?? "", d.note ?? ""]
            out += fields.map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
