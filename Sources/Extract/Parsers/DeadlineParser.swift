import Foundation

/// Deadlines and their Vietnamese date grammar: `trước ngày 15/12/2025`, `trước ngày 25/9` (the
/// year from the letter), `trước ngày 10 tháng 5 năm 2026`, `hoàn thành trong tháng 5/2025`,
/// `chậm nhất trong tháng 11 hằng năm`, `quý II/2025`, `trong thời hạn 15 ngày kể từ ngày ký`,
/// `định kỳ ngày 20 hằng tháng`, `hoàn thành trong năm 2026`. `due` is the last day allowed.
enum DeadlineParser {
    private static let W = DeadlineWords.self
    private static let G = DateGrammar.self
    static let day = Pattern(W.beforeDay + G.dayMonthOptionalYear + #"(\s*(?:"# + W.yearly + "|" + W.monthly + "))?")
    static let dayOfMonth = Pattern(#"(?:truoc|dinh ky|cham nhat|vao)(?:\s+(?:vao|truoc|la))*\s*"# + G.dayAlone + W.monthly)
    static let month = Pattern(W.beforePeriod + G.monthYear(or: W.yearly))
    static let quarter = Pattern(W.beforePeriod + #"quy\s*(iv|i{1,3}|[1-4])\s*(?:[/.-]|nam)\s*([0-9]{4})"#)
    /// `hoàn thành (việc …) trong năm 2025`: the object may stand between, within one clause.
    static let year = Pattern(#"(?:hoan thanh|thuc hien xong|xong|cham nhat|hoan tat)(?:[^.;:()]{0,100}?\s)?\s*(trong|truoc|vao)\s*(?:cuoi\s*)?"# + G.yearAlone)
    static let relative = Pattern(W.relative)
    static let weekly = Pattern(W.weekly)
    static let windowWithDuty = Pattern(W.windowWithDuty)
    /// A timetable row in a plan: `13/11/2024-02/12/2024` (a task's window; its end is the deadline).
    static let window = Pattern(#"(?<![0-9/])([0-9]{1,2}/[0-9]{1,2}/[0-9]{4})\s*[-–]\s*([0-9]{1,2}/[0-9]{1,2}/[0-9]{4})(?![0-9/])"#)

    static func parse(_ flat: FlatText, letterDate: CalendarDate?, kind: DocumentKind) -> [Deadline] {
        var found: [(at: Int, end: Int, deadline: Deadline)] = []
        // Every deadline phrase holds a number: run the patterns only on the stretches around
        // digits (ICU's scan of a whole letter per pattern is the slowest step of extraction).
        let f = maskedFarFromDigits(flat.folded)
        func clause(_ r: NSRange) -> String { clauseText(flat, r) }
        func add(_ r: NSRange, _ due: CalendarDate?, _ precision: DeadlinePrecision, _ rec: Recurrence? = nil) {
            guard let due else { return }
            // A match inside one already taken (a day inside a month phrase) adds nothing.
            if found.contains(where: { $0.at <= r.location && r.location < $0.end }) { return }
            found.append((r.location, r.location + r.length, Deadline(due: due.iso, precision: precision, recurrence: rec, text: clause(r))))
        }
        // Each pattern needs a word of its own: skip the pass when the word is nowhere.
        let has = { (word: String) in f.utf8.containsSequence(Array(word.utf8)) }
        let relativeMatches = has("ke tu") || has("tinh tu") ? relative.matches(in: f) : []
        for m in relativeMatches {
            guard let base = letterDate, base.isComplete, let n = Int(f.slice(m.range(at: 1))) else { continue }
            let working = m.group(2) != nil
            add(m.range, working ? addWorkingDays(base, n) : base.adding(days: n), .day)
        }
        // Weekdays are words, not digits: this pattern reads the unmasked text.
        let full = flat.folded
        for m in full.utf8.containsSequence(Array("tuan".utf8)) ? weekly.matches(in: full) : [] {
            guard let base = letterDate, base.isComplete, let wd = W.weekdays[full.slice(m.range(at: 1))] else { continue }
            let today = ((base.dayNumber % 7) + 10) % 7      // 1970-01-01 was a Thursday (3)
            let ahead = (wd - today + 7) % 7
            add(m.range, base.adding(days: ahead == 0 ? 7 : ahead), .day, .weekly)
        }
        for m in has("den het") ? windowWithDuty.matches(in: f) : [] {
            guard let d = Int(f.slice(m.range(at: 1))), let mo = Int(f.slice(m.range(at: 2))), let y = Int(f.slice(m.range(at: 3))) else { continue }
            add(m.range, CalendarDate.valid(y, mo, d), .day)
        }
        for m in has("thang") ? dayOfMonth.matches(in: f) : [] {
            guard let d = Int(f.slice(m.range(at: 1))), let base = letterDate else { continue }
            add(m.range, nextDayOfMonth(d, after: base), .day, .monthly)
        }
        for m in day.matches(in: f) {
            guard let d = Int(f.slice(m.range(at: 1))) else { continue }
            let monthText = m.group(2).map { f.slice($0) } ?? m.group(4).map { f.slice($0) }
            guard let mo = monthText.flatMap({ Int($0) }) else { continue }
            var y = (m.group(3) ?? m.group(5)).flatMap { Int(f.slice($0)) }
            if let yy = y, yy < 100 { y = 2000 + yy }
            let recurring = m.group(6).map { f.slice($0) }
            if recurring?.contains("nam") == true, let base = letterDate {
                var due = CalendarDate.valid(base.year, mo, d)
                if let dd = due, dd < base { due = CalendarDate.valid(base.year + 1, mo, d) }
                add(m.range, due, .day, .yearly); continue
            }
            if y == nil {
                guard let base = letterDate else { continue }
                y = base.year
                // `trước ngày 15/1` in a December letter is next January.
                if let bm = base.month, mo < bm - 1 { y! += 1 }
            }
            add(m.range, CalendarDate.valid(y!, mo, d), .day)
        }
        for m in has("thang") ? month.matches(in: f) : [] {
            guard let mo = Int(f.slice(m.range(at: 2))), (1...12).contains(mo) else { continue }
            let before = f.slice(m.range(at: 1)) == "truoc"
            if m.group(4) != nil {
                // Every year: the next such month after the letter.
                guard let base = letterDate else { continue }
                var y = base.year
                if let bm = base.month, mo < bm { y += 1 }
                add(m.range, endOfMonth(y, mo, before: before), .month, .yearly)
            } else if let y = Int(f.slice(m.range(at: 3))) {
                add(m.range, endOfMonth(y, mo, before: before), .month)
            }
        }
        for m in has("quy") ? quarter.matches(in: f) : [] {
            guard let q = W.quarters[f.slice(m.range(at: 2))], let y = Int(f.slice(m.range(at: 3))) else { continue }
            let before = f.slice(m.range(at: 1)) == "truoc"
            let lastMonth = before ? (q - 1) * 3 : q * 3
            let due = lastMonth == 0 ? CalendarDate(year: y - 1, month: 12, day: 31) : endOfMonth(y, lastMonth, before: false)
            add(m.range, due, .quarter)
        }
        for m in has("nam") ? year.matches(in: f) : [] {
            guard let y = Int(f.slice(m.range(at: 2))) else { continue }
            let before = f.slice(m.range(at: 1)) == "truoc"
            add(m.range, CalendarDate(year: before ? y - 1 : y, month: 12, day: 31), .year)
        }
        if kind == .keHoach {
            for m in window.matches(in: f) {
                guard let start = CalendarDate.numeric(f.slice(m.range(at: 1))), let end = CalendarDate.numeric(f.slice(m.range(at: 2))),
                      start <= end else { continue }
                add(m.range, end, .day)
            }
        }
        return found.sorted { $0.at < $1.at }.map(\.deadline)
    }

    /// The folded text with everything farther than ~90 units before or 30 after a digit
    /// replaced by `~`: same length, so ranges still hold.
    static func maskedFarFromDigits(_ s: String) -> String {
        var u = Array(s.utf16)
        var keep = [Bool](repeating: false, count: u.count)
        for (i, c) in u.enumerated() where c >= 0x30 && c <= 0x39 {
            for k in max(0, i - 90)..<min(u.count, i + 30) { if keep[k] { continue }; keep[k] = true }
        }
        var changed = false
        for i in u.indices where !keep[i] { u[i] = 0x7E; changed = true }   // `~`: not a space, so `\s*` cannot run along it
        return changed ? Folding.string(utf16: u) : s
    }

    static func endOfMonth(_ y: Int, _ m: Int, before: Bool) -> CalendarDate? {
        guard (1...12).contains(m) else { return nil }
        if before { return m == 1 ? CalendarDate(year: y - 1, month: 12, day: 31) : CalendarDate(year: y, month: m - 1).endOfPeriod }
        return CalendarDate(year: y, month: m).endOfPeriod
    }

    static func nextDayOfMonth(_ d: Int, after base: CalendarDate) -> CalendarDate? {
        guard let bm = base.month else { return nil }
        var y = base.year, m = bm
        for _ in 0..<13 {
            if let c = CalendarDate.valid(y, m, min(d, CalendarDate.daysIn(month: m, year: y))), base.day.map({ c.day! > $0 }) ?? true || m != bm {
                return c
            }
            m += 1; if m > 12 { m = 1; y += 1 }
        }
        return nil
    }

    /// Adds working days (Monday–Friday; public holidays are not known here).
    static func addWorkingDays(_ base: CalendarDate, _ n: Int) -> CalendarDate {
        var d = base, left = n
        while left > 0 {
            d = d.adding(days: 1)
            let weekday = ((d.dayNumber % 7) + 11) % 7   // 0 = Monday (1970-01-01 was a Thursday)
            if weekday < 5 { left -= 1 }
        }
        return d
    }

    /// The clause that sets the deadline: from the start of its sentence or list item to the end
    /// of the date phrase.
    /// A list item's mark at the start of a line: `- `, `+ `, `a) `, `1. `, `II. `.
    static let listMark = Pattern(#"^(?:[-+•]\s|[a-zđ]\)\s|[0-9]{1,2}[.)]\s|[IVX]{1,4}[.)]\s)"#)

    static func clauseText(_ flat: FlatText, _ r: NSRange) -> String {
        let u = Array(flat.text.utf16)
        var start = r.location
        var steps = 0
        // Line starts at or before the match, nearest first: a list item or the line after a
        // heading starts a clause even without punctuation before it.
        let lineStarts = flat.lineStarts.map(\.offset).filter { $0 <= r.location }.reversed()
        var boundary = 0
        for ls in lineStarts {
            let lineText = flat.text.slice(from: ls, to: min(u.count, ls + 12))
            if let m = listMark.firstMatch(in: lineText) { boundary = ls + m.range.length; break }
            // The line before is a heading: short, numbered, no closing punctuation.
            if ls > 0, let prevStart = flat.lineStarts.last(where: { $0.offset < ls })?.offset {
                let prev = flat.text.slice(from: prevStart, to: ls - 1)
                if prev.utf16Length < 70, listMark.test(prev), let last = prev.unicodeScalars.last, !".;:,".unicodeScalars.contains(last) {
                    boundary = ls; break
                }
            }
            if r.location - ls > 400 { break }
        }
        while start > boundary && steps < 400 {
            let c = u[start - 1]
            if c == 0x2E /* . */ || c == 0x3B /* ; */ || c == 0x21 || c == 0x3F || c == 0x3A /* : */ {
                // `15/12/2025.` is not the end of an abbreviation like `TP.`: good enough here.
                break
            }
            if c == 0x2D /* - */ && start >= 2 && u[start - 2] == 0x20 && (start < 3 || u[start - 3] == 0x20 || u[start - 3] == 0x2E || u[start - 3] == 0x3B) { break }
            start -= 1; steps += 1
        }
        var end = r.location + r.length
        // Close a parenthesis the clause opened.
        if let open = flat.text.slice(from: start, to: end).lastIndex(of: "("), !flat.text.slice(from: start, to: end)[open...].contains(")") {
            if end < u.count, u[end] == 0x29 { end += 1 }
        }
        return flat.text.slice(from: start, to: end).collapsedSpaces.trimming(" -–,")
    }
}
