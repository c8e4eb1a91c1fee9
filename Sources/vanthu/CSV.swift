import Foundation
import Extract
import Store
import Vocabulary

/// CSV that Excel and LibreOffice open with the Vietnamese intact: UTF-8 with a byte-order mark
/// (without it Excel reads the bytes as the local code page), CRLF line ends, RFC 4180 quoting,
/// headers in the user's language.
enum CSVTable {
    static func data(header: [Label], rows: [[String]], lang: Lang) -> Data {
        var out = header.map { quote($0.text(lang)) }.joined(separator: ",") + "\r\n"
        for row in rows { out += row.map(quote).joined(separator: ",") + "\r\n" }
        return Data([0xEF, 0xBB, 0xBF]) + Data(out.utf8)
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The council's review sheet: one row per initiative.
enum InitiativeSheet {
    static let header: [Label] = [.id, .title, .authors, .firstApplied, .checks, .status, .score, .note, .campaign]

    static func csv(_ entries: [InitiativeEntry], lang: Lang) -> Data {
        CSVTable.data(header: header, rows: entries.map { e in
            ["\(e.id)", e.row.title ?? "", e.authorsWithShares, e.row.firstApplied ?? "",
             e.checks.map { $0.text(lang) }.joined(separator: "\n"), e.row.status.text(lang),
             e.row.score.map(InitiativeEntry.number) ?? "", e.row.note ?? "", e.campaignNumber ?? ""]
        }, lang: lang)
    }
}

/// The deadlines as a sheet: one row per deadline, codes as words.
enum DeadlineCSV {
    static let header: [Label] = [.id, .due, .daysLeft, .status, .precision, .recurrence, .number, .issuer,
                                  .letterDate, .task, .closedBy, .note]

    static func csv(_ items: [DeadlineItem], today: CalendarDate, lang: Lang) -> Data {
        CSVTable.data(header: header, rows: items.map { item in
            let d = item.deadline
            return ["\(d.id ?? 0)", d.due, item.daysLeft(today: today).map(String.init) ?? "",
                    d.status.text(lang), DeadlineWordsShown.precision(d.precision, lang),
                    DeadlineWordsShown.recurrence(d.recurrence, lang), item.number ?? "",
                    item.issuer ?? "", item.letterDate ?? "", d.clause, d.closedBy ?? "", d.note ?? ""]
        }, lang: lang)
    }
}
