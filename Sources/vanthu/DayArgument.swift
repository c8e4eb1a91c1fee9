import ArgumentParser
import Vocabulary
import Foundation
import Extract
import Store

/// A calendar day on the command line: ISO `2026-12-01` or as Vietnamese write it, `01/12/2026`.
struct DayArgument: ExpressibleByArgument, Sendable {
    let date: CalendarDate

    init?(argument: String) {
        let s = argument.trimmingCharacters(in: .whitespaces)
        if s.contains("/") || s.contains(".") {
            guard let d = CalendarDate.numeric(s) else { return nil }
            date = d
        } else {
            // ISO as written in full (`2025-02-03`): `2025-2-3` is more likely a slip than a day.
            guard s.count == 10, let d = CalendarDate(iso: s), d.isComplete,
                  let v = CalendarDate.valid(d.year, d.month!, d.day!) else { return nil }
            date = v
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// What day it is for the register and the deadlines: today in Vietnam, or `VANTHU_TODAY`
/// (ISO or dd/mm/yyyy) so that a test or a rehearsal can stand on a chosen day.
enum Today {
    static var date: CalendarDate {
        if let v = ProcessInfo.processInfo.environment["VANTHU_TODAY"], !v.isEmpty, let d = DayArgument(argument: v) {
            return d.date
        }
        return RegisterClock.vietnamDay(Date())
    }

    /// Who is making a change: `--by`, else the OS user.
    static func actor(_ by: String?) -> String {
        if let by, !by.isEmpty { return by }
        let env = ProcessInfo.processInfo.environment
        return env["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LOGNAME"] ?? NSUserName()
    }
}
