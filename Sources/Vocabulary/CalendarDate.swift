import Foundation

/// A calendar date as letters write it: the day or month may be blank (`ngày   tháng 4 năm 2025`).
/// No time zone, no clock: a letter's date is a civil date.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year; self.month = month; self.day = day
    }

    /// A full date, when it exists on the calendar (31/02 does not).
    public static func valid(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate? {
        guard DateGrammar.years.contains(year), (1...12).contains(month),
              (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Parses ISO `2025-04-17`, `2025-04` or `2025`.
    public init?(iso: String) {
        let p = iso.split(separator: "-").map { Int($0) }
        guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0 != nil }), let y = p[0] else { return nil }
        year = y; month = p.count > 1 ? p[1] : nil; day = p.count > 2 ? p[2] : nil
    }

    /// `2025-04-17`, `2025-04` when the day is blank, `2025` when day and month are.
    public var iso: String {
        var s = String(format4(year))
        if let m = month { s += "-" + two(m); if let d = day { s += "-" + two(d) } }
        return s
    }
    public var description: String { iso }

    public var isComplete: Bool { month != nil && day != nil }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day of this date's month (or year, when the month is blank).
    public var endOfPeriod: CalendarDate {
        guard let m = month else { return CalendarDate(year: year, month: 12, day: 31) }
        return CalendarDate(year: year, month: m, day: day ?? Self.daysIn(month: m, year: year))
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for a complete date.
    public var dayNumber: Int {
        let m = month ?? 1, d = day ?? 1
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }
}

private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
private func format4(_ n: Int) -> String { n < 1000 ? String(repeating: "0", count: 4 - String(n).count) + String(n) : String(n) }

extension CalendarDate {
    /// Parses a numeric date as Vietnamese letters write it: day first, `/`, `-` or `.` between,
    /// a two-digit year taken as 20xx: `15/12/2025`, `3/7/1982`, `29-02-2024`. Nil when the date
    /// does not exist.
    public static func numeric(_ s: String) -> CalendarDate? {
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
            .map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), var y = Int(parts[2]) else { return nil }
        if parts[2].count == 2 { y += 2000 }
        return valid(y, m, d)
    }
}

