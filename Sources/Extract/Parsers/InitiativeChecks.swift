import Foundation

/// What the council's secretariat checks on a report before the review: shares, row numbers,
/// dates, the form's sections, each author's particulars. Warnings are English, like every record
/// warning, prefixed `initiative:`.
struct InitiativeChecks {
    let initiative: Initiative
    let firstApplied: CalendarDate?
    /// False when the authors came from a list, which has no birth dates or shares at all.
    let authorsFromTable: Bool
    let reportDate: CalendarDate?
    let today: CalendarDate?

    var warnings: [String] {
        missingSections + authorWarnings + shareWarnings + rowWarnings + dateWarnings
    }

    var missingSections: [String] {
        let present = Set(initiative.sections)
        return InitiativeForm.Element.sections.filter { !present.contains($0.rawValue) }
            .map { "initiative: section \($0.rawValue) (\($0.formHeading)) is missing" }
    }

    var authorWarnings: [String] {
        let authors = initiative.authors
        if authors.isEmpty { return ["initiative: no author found"] }
        if !authorsFromTable {
            return ["initiative: authors are listed without the form's table: no birth dates or shares"]
        }
        var out: [String] = []
        for a in authors {
            if a.birthDate == nil { out.append("initiative: author \(a.name) has no birth date") }
            // The form asks for shares only from a group of authors.
            if a.share == nil && authors.count > 1 { out.append("initiative: author \(a.name) has no share") }
        }
        return out
    }

    var shareWarnings: [String] {
        let shares = initiative.authors.compactMap(\.share)
        guard authorsFromTable, !shares.isEmpty else { return [] }
        let total = shares.reduce(0, +)
        guard abs(total - 100) > 0.5 else { return [] }
        return ["initiative: author shares add to \(percent(total)) %, not 100 %"]
    }

    var rowWarnings: [String] {
        var counts: [Int: Int] = [:]
        for row in initiative.authors.compactMap(\.row) { counts[row, default: 0] += 1 }
        return counts.filter { $0.value > 1 }.keys.sorted()
            .map { "initiative: the authors' table numbers \(counts[$0]!) rows \($0)" }
    }

    var dateWarnings: [String] {
        guard let first = firstApplied else {
            return initiative.sections.contains(InitiativeForm.Element.firstApplied.rawValue)
                ? ["initiative: no date of first application in section I.4"] : []
        }
        var out: [String] = []
        if let report = reportDate, report < first {
            out.append("initiative: first applied on \(first.iso), after the report's date \(report.iso)")
        }
        if let today, today < first {
            out.append("initiative: first applied on \(first.iso), a date still to come")
        }
        return out
    }

    private func percent(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }
}
