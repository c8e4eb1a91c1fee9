import Extract
import Vocabulary

/// A letter record as a short, readable summary for the terminal, codes shown as words.
struct RecordSummary {
    let record: LetterRecord
    let lang: Lang

    var text: String {
        var out: [String] = []
        func add(_ k: Label, _ v: String?) {
            out.append("  \(k.text(lang).padding(toLength: 18, withPad: " ", startingAt: 0)) \(v ?? Label.none.text(lang))")
        }
        out.append("── \(record.source.file) ──")
        add(.kind, record.kind == .unknown ? nil : record.kind.text(lang))
        add(.issuer, [record.issuer?.parent, record.issuer?.name].compactMap { $0 }.joined(separator: " / ").nilIfEmpty)
        add(.number, record.number?.text)
        add(.date, [record.place, record.date].compactMap { $0 }.joined(separator: ", ").nilIfEmpty)
        add(.subject, record.subject)
        if let u = record.urgency { add(.urgency, u.text(lang)) }
        if let s = record.signer {
            add(.signer, [s.mode.map { "\($0.rawValue). \(s.onBehalfOf ?? "")" }, s.title, s.name]
                .compactMap { $0 }.joined(separator: " — "))
        }
        if !record.recipients.isEmpty { add(.recipients, record.recipients.joined(separator: "; ")) }
        for d in record.deadlines {
            let every = d.recurrence.map { " (" + DeadlineWording.recurrence($0.rawValue).text(lang) + ")" } ?? ""
            add(.deadlines, "\(d.due)\(every)  \(d.text.prefix(90))")
        }
        for r in record.references { add(.references, "\(r.number) (\(r.kind.text(lang)))\(r.date.map { ", \($0)" } ?? "")") }
        if let i = record.initiative {
            add(.initiative, i.title)
            for a in i.authors { add(.authors, "\(a.name)\(a.share.map { " — \(Int($0))%" } ?? "")") }
        }
        for w in record.warnings { add(.warnings, w.text(lang)) }
        return out.joined(separator: "\n")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
