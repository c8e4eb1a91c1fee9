import Foundation
import Extract
import Store

/// The deadlines as an iCalendar file (RFC 5545) that Outlook and Google Calendar import: CRLF
/// line ends, a stable UID per deadline (re-importing updates instead of duplicating), DTSTAMP,
/// all-day events (DTSTART/DTEND as DATE), text escaped, lines folded at 75 octets without
/// splitting a UTF-8 sequence. A recurring deadline carries its RRULE.
struct DeadlineCalendar {
    let lang: Lang
    var now = Date()

    func render(_ items: [DeadlineItem]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vanthu//deadlines//VI", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(Label.deadlines.text(lang))]
        let stamp = Self.utcStamp(now)
        for item in items {
            let d = item.deadline
            guard let due = CalendarDate(iso: d.due), due.isComplete else { continue }
            lines += ["BEGIN:VEVENT",
                      "UID:vanthu-deadline-\(d.id ?? 0)@vanthu",
                      "DTSTAMP:\(stamp)",
                      "DTSTART;VALUE=DATE:\(Self.basic(due))",
                      "DTEND;VALUE=DATE:\(Self.basic(due.adding(days: 1)))",
                      "SUMMARY:" + Self.escape(CLIMessage.calendarSummary(number: item.number, clause: d.clause).text(lang)),
                      "DESCRIPTION:" + Self.escape([item.issuer, item.subject, d.clause, d.note].compactMap { $0 }.joined(separator: "\n")),
                      "TRANSP:TRANSPARENT",
                      "STATUS:\(d.status == .done ? "CANCELLED" : "CONFIRMED")"]
            if let r = d.recurrence { lines.append("RRULE:FREQ=\(r.uppercased())") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
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
