import Vocabulary
import Foundation
import Extract
import Store

/// The deadlines as an iCalendar file (RFC 5545) that Outlook and Google Calendar import: CRLF
/// line ends, a stable UID per deadline (re-importing updates instead of duplicating), DTSTAMP,
/// all-day events (DTSTART/DTEND as DATE), text escaped, lines folded at 75 octets without
/// splitting a UTF-8 sequence. A recurring deadline carries its RRULE.
///
/// The UID comes from the letter's content hash, the deadline's place among its deadlines and
/// its due date, so two indexes built from the same files give the same UIDs. Each event has
/// one VALARM `remindDays` before; the SUMMARY is short (number and task), the DESCRIPTION whole.
struct DeadlineCalendar {
    let lang: Lang
    var now = Date()
    var remindDays = 3

    /// How much of the task the SUMMARY shows.
    static let summaryWidth = 60

    static func uid(_ item: DeadlineItem) -> String {
        let d = item.deadline
        let letter = item.contentHash.map { String($0.prefix(16)) }
            ?? "paper-\(item.arrivalNumber.map(String.init) ?? "l\(item.letterID)")"
        let place = d.position.map(String.init) ?? "assigned"
        return "vanthu-\(letter)-\(place)-\(d.due.replacingOccurrences(of: "-", with: ""))@vanthu"
    }

    func render(_ items: [DeadlineItem]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vanthu//deadlines//VI", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(Label.deadlines.text(lang))]
        let stamp = Self.utcStamp(now)
        for item in items {
            let d = item.deadline
            guard let due = CalendarDate(iso: d.due), due.isComplete else { continue }
            lines += ["BEGIN:VEVENT",
                      "UID:" + Self.uid(item),
                      "DTSTAMP:\(stamp)",
                      "DTSTART;VALUE=DATE:\(Self.basic(due))",
                      "DTEND;VALUE=DATE:\(Self.basic(due.adding(days: 1)))",
                      "SUMMARY:" + Self.escape(CLIMessage.calendarSummary(number: item.number, clause: Self.short(d.clause)).text(lang)),
                      "DESCRIPTION:" + Self.escape([item.issuer, item.subject, d.clause, [d.unit, d.person].compactMap { $0 }.joined(separator: " — "), d.note]
                          .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")),
                      "TRANSP:TRANSPARENT",
                      "STATUS:\(d.status == .done ? "CANCELLED" : "CONFIRMED")"]
            if let r = d.recurrence {
                lines.append(r == "quarterly" ? "RRULE:FREQ=MONTHLY;INTERVAL=3" : "RRULE:FREQ=\(r.uppercased())")
            }
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P\(remindDays)D",
                      "DESCRIPTION:" + Self.escape(CLIMessage.calendarSummary(number: item.number, clause: Self.short(d.clause)).text(lang)),
                      "END:VALARM", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The task cut at a word boundary for the SUMMARY.
    static func short(_ clause: String) -> String {
        let lines = clause.wrapped(summaryWidth)
        return lines.count > 1 ? lines[0] + " …" : lines[0]
    }

    static func basic(_ d: CalendarDate) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    static func utcStamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }

    /// TEXT escaping: backslash, semicolon, comma, line breaks.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    /// Folds a content line: at most 75 octets per line, continuation lines start with a space.
    static func fold(_ line: String) -> String {
        var out: [String] = [], current = "", octets = 0, limit = 75
        for ch in line {
            let n = String(ch).utf8.count
            if octets + n > limit {
                out.append(current); current = ""; octets = 0; limit = 74  // the leading space counts
            }
            current.append(ch); octets += n
        }
        out.append(current)
        return out.joined(separator: "\r\n ")
    }
}
