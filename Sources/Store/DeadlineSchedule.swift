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
}
