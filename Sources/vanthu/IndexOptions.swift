import ArgumentParser
import Foundation
import Store
import Vocabulary

/// `--db PATH` for every command that touches the index: else `$VANTHU_DB`, else
/// `$XDG_DATA_HOME/vanthu/vanthu.sqlite` (`~/.local/share/vanthu/vanthu.sqlite`).
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: Help.dbOption.argument)
    var db: String?

    var path: String {
        if let db { return db }
        let env = ProcessInfo.processInfo.environment
        if let v = env["VANTHU_DB"], !v.isEmpty { return v }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (data as NSString).appendingPathComponent("vanthu/vanthu.sqlite")
    }

    func open() throws -> LetterStore {
        do { return try LetterStore(path: path) } catch StoreError.cannotOpen(let path, let reason) {
            Console.error(CLIMessage.indexUnavailable(path: path, detail: reason).here)
            throw ExitCode(1)
        } catch {
            Console.error(CLIMessage.indexUnavailable(path: path, detail: "\(error)").here)
            throw ExitCode(1)
        }
    }
}

/// What a terminal can show: colours and redrawn progress only when a person is watching.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var colours: Bool { stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

    static func paint(_ s: String, _ code: String, when on: Bool) -> String { on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    /// Today's civil date where the office is.
    static var today: CalendarDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }
}

/// Text cut or padded to a width in characters (Vietnamese NFC: one character per column).
extension String {
    func fitted(_ width: Int) -> String {
        let s = count > width ? String(prefix(max(0, width - 1))) + "…" : self
        return s + String(repeating: " ", count: max(0, width - s.count))
    }
}

import Extract
