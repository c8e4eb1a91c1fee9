import Extract
import Store

/// The deadlines as a table for a person: due date, days left or overdue, number, issuer, what
/// must be done. Red when overdue, yellow within a week, on a terminal only.
struct DeadlineTable {
    let lang: Lang
    let colours: Bool

    func render(_ items: [DeadlineItem], today: CalendarDate) -> String {
        func h(_ k: Label) -> String { k.text(lang) }
        let widths = (id: max(3, items.map { "\($0.deadline.id ?? 0)".count }.max() ?? 3), due: 10 + (items.contains { $0.deadline.recurrence != nil } ? 10 : 0), left: 16, number: 18, issuer: 28)
        var lines = [[h(.id).fitted(widths.id), h(.due).fitted(widths.due), h(.left).fitted(widths.left),
                      h(.number).fitted(widths.number), h(.issuer).fitted(widths.issuer), h(.task)].joined(separator: "  ")]
        for item in items {
            let d = item.deadline
            let days = item.daysLeft(today: today)
            let left = d.status == .done
                ? CLIMessage.doneOn(d.closedAt.map { String(describing: $0).prefix(10) }.map(String.init) ?? "").text(lang)
                : days.map { CLIMessage.daysLeft($0).text(lang) } ?? ""
            let colour = d.status == .done ? "2" : (days ?? 0) < 0 ? "31" : (days ?? 99) <= 7 ? "33" : nil
            let due = d.recurrence.map { d.due + " " + DeadlineWordsShown.recurrence($0, lang) } ?? d.due
            let line = ["\(d.id ?? 0)".fitted(widths.id), due.fitted(widths.due), left.fitted(widths.left),
                        (item.number ?? "—").fitted(widths.number), (item.issuer ?? "—").fitted(widths.issuer),
                        String(d.clause.prefix(100))].joined(separator: "  ")
            lines.append(colour.map { Terminal.paint(line, $0, when: colours) } ?? line)
        }
        return lines.joined(separator: "\n")
    }
}
