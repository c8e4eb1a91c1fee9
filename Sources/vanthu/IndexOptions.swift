import ArgumentParser
import Foundation
import PostgresStore
import Store
import Vocabulary

/// `--db PATH` for every command that touches the index: else `$VANTHU_DB`, else
/// `$XDG_DATA_HOME/vanthu/vanthu.sqlite` (`~/.local/share/vanthu/vanthu.sqlite`).
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: Help.dbOption.argument)
    var db: String?

    /// With a PostgreSQL index: the office whose letters the command reads and to which it writes.
    @Option(name: .long, help: Help.officeOption.argument)
    var office: String?

    /// `--office`, else `$VANTHU_OFFICE`; nil: the office of the login's role.
    var officeCode: String? {
        if let office { return office }
        let v = ProcessInfo.processInfo.environment["VANTHU_OFFICE"]
        return v?.isEmpty == false ? v : nil
    }

    /// The index is a PostgreSQL database, not an SQLite file.
    var isPostgres: Bool { PostgresAddress.isURL(path) }

    var path: String {
        if let db { return db }
        let env = ProcessInfo.processInfo.environment
        if let v = env["VANTHU_DB"], !v.isEmpty { return v }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (data as NSString).appendingPathComponent("vanthu/vanthu.sqlite")
    }

    /// True when no `--db` was given: the configured location, whose folder is made on first use.
    /// A path typed on the command line must be in a folder that exists.
    var isDefault: Bool { db == nil }

    /// Opens the index to store letters into: a PostgreSQL index must know the office they go to
    /// (`--office`, or the login's one office), else nothing is read in vain and the command fails.
    func openForStoring() throws -> any LetterIndex {
        let store = try open()
        if let pg = store as? PostgresLetterStore, pg.office == nil {
            Console.error(CLIMessage.error(PostgresStoreError.officeNeeded).here)
            throw ExitCode(1)
        }
        return store
    }

    /// Opens the index for writing; with `readOnly`, the commands that only read (search,
    /// deadlines, show) still answer from an index they cannot write.
    func open(readOnly: Bool = false) throws -> any LetterIndex {
        do {
            let store: any LetterIndex = isPostgres
                ? try PostgresLetterStore(url: path, office: officeCode)
                : try LetterStore(path: path, createFolder: isDefault)
            // A letter stored "today" arrives on the day the CLI stands on (VANTHU_TODAY in tests).
            if ProcessInfo.processInfo.environment["VANTHU_TODAY"] != nil {
                let day = Today.date
                store.arrivalDay = { day }
            }
            return store
        } catch {
            if readOnly, !isPostgres, let store = try? LetterStore(path: path, createFolder: false, readOnly: true) { return store }
            if let message = error as? any Message { Console.error(message) } else {
                // A PostgreSQL URL is shown without its password.
                let shown = (try? PostgresAddress(url: path).display) ?? path
                Console.error(CLIMessage.indexUnavailable(path: shown, detail: "\(error)").here)
            }
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

    /// Today's civil date where the office is (Vietnam; `VANTHU_TODAY` when set).
    static var today: CalendarDate { Today.date }
}

/// Text cut or padded to a width in characters (Vietnamese NFC: one character per column).
extension String {
    func fitted(_ width: Int) -> String {
        let s = count > width ? String(prefix(max(0, width - 1))) + "…" : self
        return s + String(repeating: " ", count: max(0, width - s.count))
    }
}

import Extract
