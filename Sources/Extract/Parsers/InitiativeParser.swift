import Foundation

/// An initiative read from a report, with what looked doubtful on it.
public struct InitiativeReading: Sendable {
    public var initiative: Initiative
    /// What the secretariat must check (shares that do not add up, a missing section …).
    public var checks: [ReviewCheck]

    public init(initiative: Initiative, checks: [ReviewCheck] = []) {
        self.initiative = initiative; self.checks = checks
    }
}

/// Text → initiative, for the report form "Báo cáo hiệu quả áp dụng, khả năng nhân rộng của sáng
/// kiến" (InitiativeForm). Pure: no I/O.
public enum InitiativeParser {
    /// nil when the text is not an initiative report.
    ///
    /// `reportDate`: the report's own date, when its header has one; `today`: the day the report is
    /// read. Both only serve the checks (a first application cannot come after either).
    public static func parse(_ text: String, reportDate: CalendarDate?, today: CalendarDate?) -> InitiativeReading? {
        // Most documents never speak of an initiative: one pass over the folded text lets them go.
        let folded = Folding.fold(text)
        // (Byte search: Foundation's `contains` is slow on Linux.) A report names its authors
        // (`Tác giả`); a campaign letter that only speaks of sáng kiến does not.
        let utf8 = folded.utf8
        guard InitiativeForm.reportMarkers.contains(where: { utf8.containsSequence(Array($0.utf8)) }),
              InitiativeForm.markers.contains(where: { utf8.containsSequence(Array($0.utf8)) }) else { return nil }
        let form = InitiativeFormLayout(text)
        guard form.isInitiativeReport else { return nil }

        var initiative = Initiative()
        initiative.title = form.title()
        let (authors, fromTable) = form.authors()
        initiative.authors = authors
        initiative.summary = form.text(of: .content)
        initiative.effectiveness = form.text(of: .effectiveness)
        initiative.scalability = form.text(of: .scalability)
        let firstApplied = form.firstApplied()
        initiative.firstApplied = firstApplied?.iso
        let signers = InitiativeSignatures.read(form.signatureLines)
        initiative.confirmedBy = signers.confirmedBy
        initiative.representative = signers.representative
        initiative.sections = InitiativeForm.Element.sections.filter(form.found.contains).map(\.rawValue)

        let checks = InitiativeChecks(initiative: initiative, firstApplied: firstApplied,
                                        authorsFromTable: fromTable, reportDate: reportDate, today: today).checks
        return InitiativeReading(initiative: initiative, checks: checks)
    }
}

/// The report cut along the form's headings: which line opens which section, and the lines each
/// section holds.
struct InitiativeFormLayout {
    struct Block {
        let element: InitiativeForm.Element
        let headingLine: Int
        let value: String?
        let body: Range<Int>
    }

    let lines: [String]
    let blocks: [Block]
    let found: Set<InitiativeForm.Element>
    let hasReportTitle: Bool
    /// Where the signatures begin (the first signature heading), or the end of the text.
    let signatureStart: Int

    init(_ text: String) {
        // Split on line feeds, form feeds and carriage returns (Foundation's replace is slow on Linux).
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\u{0C}" || $0 == "\r\n" })
            .map { $0.utf8.contains(0x0D) ? String($0).replacingOccurrences(of: "\r", with: "") : String($0) }
        var openings: [(line: Int, found: InitiativeFormHeadings.Found?)] = []
        for (i, line) in lines.enumerated() {
            if let f = InitiativeFormHeadings.heading(in: line) { openings.append((i, f)) }
            else if InitiativeFormHeadings.isPlaceDateLine(line) { openings.append((i, nil)) }
        }
        var blocks: [Block] = []
        for (k, opening) in openings.enumerated() {
            guard let f = opening.found else { continue }
            let end = k + 1 < openings.count ? openings[k + 1].line : lines.count
            blocks.append(Block(element: f.element, headingLine: opening.line, value: f.value, body: (opening.line + 1)..<end))
        }
        self.blocks = blocks
        found = Set(blocks.map(\.element))
        hasReportTitle = lines.prefix(80).contains(where: InitiativeFormHeadings.isReportTitle)
        signatureStart = blocks.first { $0.element == .confirmation || $0.element == .representative }?.headingLine ?? lines.count
    }

    /// Three sections of the form, or the report's title and two sections: a letter that merely
    /// talks about initiatives has neither.
    var isInitiativeReport: Bool {
        let sections = InitiativeForm.Element.sections.filter(found.contains).count
        return sections >= 3 || (hasReportTitle && sections >= 2)
    }

    var signatureLines: [String] { Array(lines[signatureStart...]) }

    func blocks(_ element: InitiativeForm.Element) -> [Block] { blocks.filter { $0.element == element } }

    /// The initiative's name: after `Tên sáng kiến:`, going on over the lines below it until a
    /// blank line; or the lines under the heading when its colon ends the line.
    func title() -> String? {
        for block in blocks(.title) {
            let body = block.body.prefix(4).map { lines[$0].trimmedFast }
            var parts: [String] = []
            if let v = block.value { parts.append(v) }
            for line in body.drop(while: { parts.isEmpty && $0.isEmpty }) {
                if line.isEmpty { break }
                parts.append(line)
            }
            let title = clean(parts.joined(separator: " "))
            if !title.isEmpty { return title }
        }
        return nil
    }

    /// The authors from the form's table; from a list when there is no table. Each person once.
    func authors() -> ([InitiativeAuthor], fromTable: Bool) {
        var regions = blocks(.authors).map { Array(lines[$0.body]) }
        if regions.isEmpty {
            // The I.2 heading was lost (a bad scan): look for the table between the title and the content.
            let start = blocks(.title).first.map { $0.headingLine + 1 } ?? 0
            let end = blocks(.content).first?.headingLine ?? min(lines.count, start + 80)
            if start < end { regions = [Array(lines[start..<end])] }
        }
        let table = regions.flatMap(InitiativeAuthorsTable.read)
        if !table.isEmpty { return (unique(table), true) }
        let listed = blocks(.authors).flatMap { InitiativeAuthorsList.read(value: $0.value, lines: Array(lines[$0.body])) }
        return (unique(listed), false)
    }

    private func unique(_ authors: [InitiativeAuthor]) -> [InitiativeAuthor] {
        var seen = Set<String>()
        return authors.filter { seen.insert(Folding.fold($0.name)).inserted }
    }

    /// A section's text as written: the heading line's text after its colon, then the lines below,
    /// each trimmed, blank runs kept as one blank line.
    func text(of element: InitiativeForm.Element) -> String? {
        for block in blocks(element) {
            var out: [String] = block.value.map { [$0] } ?? []
            for i in block.body where i < signatureStart {
                let line = lines[i].trimmedFast
                if line.isEmpty && (out.last?.isEmpty ?? true) { continue }
                out.append(line)
            }
            while out.last?.isEmpty == true { out.removeLast() }
            if !out.isEmpty { return out.joined(separator: "\n") }
        }
        return nil
    }

    /// The first date in section I.4 (heading line included: the date often follows its colon).
    func firstApplied() -> CalendarDate? {
        for block in blocks(.firstApplied) {
            let text = ([block.headingLine] + Array(block.body)).map { lines[$0] }.joined(separator: " ")
            if let date = InitiativeDates.first(in: text) { return date }
        }
        return nil
    }

    private func clean(_ s: String) -> String {
        s.replacingOccurrences(of: "**", with: "")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " .;"))
    }
}

/// Dates as a report writes them: `29/02/2024`, `ngày 29 tháng 02 năm 2024`, or only a month
/// (`tháng 02/2024`, `tháng 2 năm 2024` → `2024-02`).
enum InitiativeDates {
    static func first(in text: String) -> CalendarDate? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        let folded = words.map { Folding.fold(InitiativeAuthorWords.clean($0)).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        for i in words.indices {
            if let d = InitiativeAuthorWords.numericDate(words[i]) { return d }
            // A worded date or a month starts at its word: the grammar reads the next few words.
            if DateGrammar.startWords.contains(folded[i]),
               let date = DateGrammar.firstFieldDate(in: folded[i..<min(words.count, i + 6)].joined(separator: " ")) {
                return date
            }
        }
        return nil
    }
}
