import Foundation

/// What the council's secretariat checks on a report before the review: shares, row numbers,
/// dates, the form's sections, each author's particulars.
struct InitiativeChecks {
    let initiative: Initiative
    let firstApplied: CalendarDate?
    /// False when the authors came from a list, which has no birth dates or shares at all.
    let authorsFromTable: Bool
    let reportDate: CalendarDate?
    let today: CalendarDate?

    var checks: [ReviewCheck] {
        missingSections + authorWarnings + shareWarnings + rowWarnings + dateWarnings
    }

    var missingSections: [ReviewCheck] {
        let present = Set(initiative.sections)
        return InitiativeForm.Element.sections.filter { !present.contains($0.rawValue) }
            .map { .sectionMissing(section: $0.rawValue, heading: $0.formHeading) }
    }

    var authorWarnings: [ReviewCheck] {
        let authors = initiative.authors
        if authors.isEmpty { return [.noAuthor] }
        if !authorsFromTable {
            return [.authorsWithoutTable]
        }
        var out: [ReviewCheck] = []
        for a in authors {
            if a.birthDate == nil { out.append(.authorWithoutBirthDate(author: a.name)) }
            // The form asks for shares only from a group of authors.
            if a.share == nil && authors.count > 1 { out.append(.authorWithoutShare(author: a.name)) }
        }
        return out
    }

    var shareWarnings: [ReviewCheck] {
        let shares = initiative.authors.compactMap(\.share)
        guard authorsFromTable, !shares.isEmpty else { return [] }
        let total = shares.reduce(0, +)
        guard abs(total - 100) > 0.5 else { return [] }
        return [.sharesTotal(percent: percent(total))]
    }

    var rowWarnings: [ReviewCheck] {
        var counts: [Int: Int] = [:]
        for row in initiative.authors.compactMap(\.row) { counts[row, default: 0] += 1 }
        return counts.filter { $0.value > 1 }.keys.sorted()
            .map { .rowNumberRepeated(row: $0, times: counts[$0]!) }
    }

    var dateWarnings: [ReviewCheck] {
        guard let first = firstApplied else {
            return initiative.sections.contains(InitiativeForm.Element.firstApplied.rawValue)
                ? [.noFirstApplication] : []
        }
        var out: [ReviewCheck] = []
        if let report = reportDate, report < first {
            out.append(.firstAppliedAfterReport(first: first.iso, report: report.iso))
        }
        if let today, today < first {
            out.append(.firstAppliedInFuture(first: first.iso))
        }
        return out
    }

    private func percent(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }
}
