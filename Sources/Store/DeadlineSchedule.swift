import Extract

/// When a recurring deadline comes round again.
enum DeadlineSchedule {
    /// The occurrence after `due`: a week, a month or a year later. A month-precision deadline
    /// stays on the last day of its month (`2025-11-30` yearly → `2026-11-30`; `2025-01-31`
    /// monthly → `2025-02-28`), and a day that the next month lacks is clamped to its end.
    static func next(after due: String, recurrence: Recurrence, precision: DeadlinePrecision) -> String? {
        guard let date = CalendarDate(iso: due), let month = date.month, let day = date.day else { return nil }
        switch recurrence {
        case .weekly:
            return date.adding(days: 7).iso
        case .monthly, .yearly:
            let step = recurrence == .monthly ? 1 : 12
            let index = date.year * 12 + (month - 1) + step
            let (y, m) = (index / 12, index % 12 + 1)
            let last = CalendarDate.daysIn(month: m, year: y)
            let endOfMonth = day == CalendarDate.daysIn(month: month, year: date.year)
            let d = precision == .day && !endOfMonth ? min(day, last) : last
            return CalendarDate(year: y, month: m, day: d).iso
        }
    }
}
