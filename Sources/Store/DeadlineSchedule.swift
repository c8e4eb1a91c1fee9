import Extract

/// When a recurring deadline comes round again, and which period (calendar week, month, quarter
/// or year) an occurrence belongs to.
public enum DeadlineSchedule {
    /// The occurrence after `due`: a week, a month, a quarter or a year later. A month-precision
    /// deadline stays on the last day of its month (`2025-11-30` yearly → `2026-11-30`;
    /// `2025-01-31` monthly → `2025-02-28`), and a day that the next month lacks is clamped to its end.
    public static func next(after due: String, recurrence: Recurrence, precision: DeadlinePrecision) -> String? {
        guard let date = CalendarDate(iso: due), let month = date.month, let day = date.day else { return nil }
        switch recurrence {
        case .weekly:
            return date.adding(days: 7).iso
        case .monthly, .quarterly, .yearly:
            let step = recurrence == .monthly ? 1 : recurrence == .quarterly ? 3 : 12
            let index = date.year * 12 + (month - 1) + step
            let (y, m) = (index / 12, index % 12 + 1)
            let last = CalendarDate.daysIn(month: m, year: y)
            let endOfMonth = day == CalendarDate.daysIn(month: month, year: date.year)
            let d = precision == .day && !endOfMonth ? min(day, last) : last
            return CalendarDate(year: y, month: m, day: d).iso
        }
    }

    /// The period of `date` for a deadline recurring so, as one increasing number: weeks from
    /// Monday, months, quarters, years.
    public static func period(of date: CalendarDate, _ recurrence: Recurrence) -> Int {
        let m = (date.month ?? 1) - 1
        switch recurrence {
        case .weekly:
            // 1970-01-01 was a Thursday: day −3 was a Monday.
            let n = date.dayNumber + 3
            return n >= 0 ? n / 7 : (n - 6) / 7
        case .monthly: return date.year * 12 + m
        case .quarterly: return date.year * 4 + m / 3
        case .yearly: return date.year
        }
    }

    /// Occurrences kept for one deadline when rolling it forward, at most (a weekly one left for
    /// ten years): beyond that the chain restarts at the current period.
    public static let maxLapsed = 520

    /// Rolls one stale open occurrence forward to the current period of `today`: it and each
    /// occurrence after it of an earlier period become `lapsed`, and the one of the current period
    /// is left open. One algorithm for both engines; each gives its three steps: `save` a changed
    /// row, the occurrence `following` a row (made before, by `done`), and `insert` a new one
    /// (its id back).
    public static func roll(_ first: DeadlineRow, today: CalendarDate,
                            save: (DeadlineRow) throws -> Void,
                            following: (DeadlineRow) throws -> DeadlineRow?,
                            insert: (DeadlineRow) throws -> Int64) throws {
        guard let recurrence = first.recurrence.flatMap(Recurrence.init(rawValue:)),
              let firstDue = CalendarDate(iso: first.due) else { return }
        let precision = DeadlinePrecision(rawValue: first.precision) ?? .day
        let now = period(of: today, recurrence)
        guard period(of: firstDue, recurrence) < now else { return }
        var row = first, made = 0
        while true {
            row.status = .lapsed
            try save(row)
            guard let due = next(after: row.due, recurrence: recurrence, precision: precision),
                  let date = CalendarDate(iso: due) else { return }
            if let existing = try following(row) {
                // Made before (by `done`): it rolls on by itself if it is open and stale too.
                if existing.status == .open, period(of: date, recurrence) < now { row = existing; continue }
                return
            }
            var next = DeadlineRow(letterID: row.letterID, due: due, precision: row.precision, recurrence: row.recurrence,
                                   clause: row.clause, status: .open, previousID: row.id, unit: row.unit,
                                   person: row.person, position: row.position)
            made += 1
            next.id = try insert(next)
            if period(of: date, recurrence) >= now || made >= maxLapsed { return }
            row = next
        }
    }
}
