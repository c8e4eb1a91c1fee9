import Foundation
import GRDB
import Extract

/// The register a văn thư keeps (Nghị định 30/2020/NĐ-CP, Điều 22 and Phụ lục IV): every letter
/// that arrives gets the next số đến of its year and a ngày đến, is handed to a unit or a person,
/// and every change to that is kept with its time and author.
enum ArrivalNumbers {
    /// The next số đến of `year`: one statement that takes the number and moves the counter, run
    /// inside the transaction that stores the letter, so the number is given only if the letter is.
    static func next(year: Int, db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            INSERT INTO arrival_counters (year, last_number) VALUES (?, 1)
            ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1
            RETURNING last_number
            """, arguments: [year])!
    }
}

/// Vietnam's civil time (UTC+7 all year, no daylight saving): the register's dates and times.
public enum RegisterClock {
    public static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    public static func vietnamDay(_ date: Date) -> CalendarDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: zone, from: date)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }

    /// `2026-12-01T09:15:00+07:00`.
    public static func stamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = zone
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

/// A letter number as a clerk may type it: any case, spaces anywhere, `QD` for `QĐ`. The same
/// normalisation is an index in SQL (migration v3): spaces removed, Đ/đ as d, ASCII lower case.
public enum LetterNumberKey {
    public static let sqlExpression = "lower(replace(replace(replace(number_text, ' ', ''), 'Đ', 'D'), 'đ', 'd'))"

    public static func key(_ typed: String) -> String {
        var out = ""
        for c in typed.precomposedStringWithCanonicalMapping {
            if c.isWhitespace { continue }
            switch c {
            case "Đ", "đ": out.append("d")
            // Dashes a keyboard or a PDF may give for the hyphen.
            case "–", "—", "‐", "‑", "−": out.append("-")
            default: out += c.isASCII ? c.lowercased() : String(c)
            }
        }
        return out
    }

    /// Edit distance between two keys (for naming the closest numbers).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Paper letters typed by the clerk, and the scan that later joins one.
public enum PaperLetters {
    /// The paper entry a scanned letter is: same number (as a key), same date, same issuer (folded).
    static func entry(matching record: LetterRecord, db: Database) throws -> LetterRow? {
        guard let number = record.number?.text, let date = record.date else { return nil }
        let key = LetterNumberKey.key(number)
        let candidates = try LetterRow.fetchAll(db, sql: """
            SELECT * FROM letters WHERE paper = 1 AND date = ? AND \(LetterNumberKey.sqlExpression) = ?
            ORDER BY id
            """, arguments: [date, key])
        return candidates.first { sameIssuer(typed: $0.issuer, scanned: record.issuer?.name) }
    }

    /// The issuer the clerk typed is the scan's: the same folded, or one contains the other.
    public static func sameIssuer(typed: String?, scanned: String?) -> Bool {
        let issuer = Folding.fold(scanned ?? ""), typed = Folding.fold(typed ?? "")
        return typed == issuer || (!typed.isEmpty && !issuer.isEmpty && (issuer.contains(typed) || typed.contains(issuer)))
    }

    /// The scan's record and text replace what the clerk typed; the số đến, ngày đến and the
    /// assignment stay.
    static func join(_ row: inout LetterRow, scan: NewLetter, db: Database) throws {
        try SearchIndex.remove(row, db: db)
        try row.take(scan.record)
        row.fullText = scan.fullText
        row.paper = false
        try row.update(db)
        try SearchIndex.add(row, db: db)
        try RegisterHistory.add(letterID: row.id!, action: .scanJoined, detail: scan.file.originalPath,
                                actor: RegisterHistory.systemActor, at: Date(), db: db)
    }
}

/// One line of the register's history.
public struct RegisterChange: Sendable, Equatable {
    public init(letterID: Int64, deadlineID: Int64? = nil, action: Action, detail: String? = nil, actor: String, at: String) {
        self.letterID = letterID; self.deadlineID = deadlineID; self.action = action; self.detail = detail
        self.actor = actor; self.at = at
    }

    public enum Action: String, Sendable { case registered, scanJoined = "scan_joined", assigned, done, reopened }
    public var letterID: Int64
    public var deadlineID: Int64?
    public var action: Action
    public var detail: String?
    public var actor: String
    /// ISO with the +07:00 offset.
    public var at: String
}

public enum RegisterHistory {
    public static let systemActor = "vanthu"

    static func add(letterID: Int64, deadlineID: Int64? = nil, action: RegisterChange.Action, detail: String?,
                    actor: String, at time: Date, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO register_history (letter_id, deadline_id, action, detail, actor, at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [letterID, deadlineID, action.rawValue, detail, actor, RegisterClock.stamp(time)])
    }
}

/// A paper letter as the clerk types it into the register.
public struct PaperLetter: Sendable {
    public var number: String
    public var date: CalendarDate
    public var issuer: String
    public var subject: String
    public var kind: DocumentKind
    public init(number: String, date: CalendarDate, issuer: String, subject: String, kind: DocumentKind = .congVan) {
        self.number = number; self.date = date; self.issuer = issuer; self.subject = subject; self.kind = kind
    }

    public var record: LetterRecord {
        let seq = Int(number.prefix { $0.isNumber })
        let symbol = number.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init)
        return LetterRecord(source: Source(file: "", pages: 1, textOrigin: "text"), kind: kind,
                            issuer: Issuer(name: issuer),
                            number: LetterNumber(text: number, seq: seq, year: nil, symbol: symbol),
                            date: date.iso, subject: subject)
    }
}

/// A letter's line in the sổ đăng ký văn bản đến and the sổ theo dõi giải quyết.
public struct RegisterEntry: Sendable, Equatable {
    public init(letterID: Int64, arrivalYear: Int, arrivalNumber: Int, arrivalDate: String, issuer: String? = nil,
                number: String? = nil, date: String? = nil, kind: String, subject: String? = nil, unit: String? = nil, person: String? = nil,
                note: String? = nil, due: String? = nil, progress: Progress? = nil, replyNumber: String? = nil) {
        self.letterID = letterID; self.arrivalYear = arrivalYear; self.arrivalNumber = arrivalNumber
        self.arrivalDate = arrivalDate; self.issuer = issuer; self.number = number; self.date = date
        self.kind = kind; self.subject = subject; self.unit = unit; self.person = person; self.note = note
        self.due = due; self.progress = progress; self.replyNumber = replyNumber
    }

    /// Tiến độ giải quyết.
    public enum Progress: String, Sendable { case open, overdue, done }
    public var letterID: Int64
    public var arrivalYear: Int
    public var arrivalNumber: Int
    public var arrivalDate: String
    public var issuer: String?
    public var number: String?
    public var date: String?
    public var kind: String
    public var subject: String?
    public var unit: String?
    public var person: String?
    public var note: String?
    /// The earliest deadline not done (Thời hạn giải quyết).
    public var due: String?
    public var progress: Progress?
    /// Số ký hiệu văn bản trả lời: the reply recorded when a deadline was marked done.
    public var replyNumber: String?
}

/// Which part of the register to list.
public struct RegisterQuery: Sendable {
    public var year: Int?
    /// ISO dates bounding the ngày đến, both inclusive.
    public var from: String?
    public var to: String?
    public var today: CalendarDate
    public init(today: CalendarDate) { self.today = today }
}

extension LetterStore {
    /// Registers a paper letter: it gets the next số đến of today's year, now.
    @discardableResult
    public func registerPaper(_ paper: PaperLetter, by actor: String, at time: Date = Date()) throws -> LetterRow {
        let day = arrivalDay()
        return try pool.write { db in
            var row = try LetterRow(record: paper.record, fullText: "", storedAt: time)
            row.paper = true
            row.arrivalDate = day.iso
            row.arrivalYear = day.year
            row.arrivalNumber = try ArrivalNumbers.next(year: day.year, db: db)
            try row.insert(db)
            try SearchIndex.add(row, db: db)
            try RegisterHistory.add(letterID: row.id!, action: .registered, detail: paper.number, actor: actor, at: time, db: db)
            return row
        }
    }

    /// The register, by year and số đến.
    public func register(_ query: RegisterQuery) throws -> [RegisterEntry] {
        var conditions = ["l.arrival_number IS NOT NULL"], arguments: [DatabaseValueConvertible] = []
        if let y = query.year { conditions.append("l.arrival_year = ?"); arguments.append(y) }
        if let f = query.from { conditions.append("l.arrival_date >= ?"); arguments.append(f) }
        if let t = query.to { conditions.append("l.arrival_date <= ?"); arguments.append(t) }
        let sql = """
            SELECT l.id, l.arrival_year, l.arrival_number, l.arrival_date, l.issuer, l.number_text, l.date,
                   l.kind, l.subject, l.unit, l.person, l.register_note,
                   (SELECT min(due) FROM deadlines d WHERE d.letter_id = l.id AND d.status = 'open') AS next_due,
                   (SELECT count(*) FROM deadlines d WHERE d.letter_id = l.id) AS deadline_count,
                   (SELECT reply_number FROM deadlines d WHERE d.letter_id = l.id AND d.reply_number IS NOT NULL
                     ORDER BY d.closed_at DESC, d.id DESC LIMIT 1) AS reply
            FROM letters l WHERE \(conditions.joined(separator: " AND "))
            ORDER BY l.arrival_year, l.arrival_number
            """
        let today = query.today.iso
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { r in
                let due: String? = r["next_due"]
                let count: Int = r["deadline_count"]
                let progress: RegisterEntry.Progress? = count == 0 ? nil : due == nil ? .done : due! < today ? .overdue : .open
                return RegisterEntry(letterID: r["id"], arrivalYear: r["arrival_year"], arrivalNumber: r["arrival_number"],
                                     arrivalDate: r["arrival_date"], issuer: r["issuer"], number: r["number_text"],
                                     date: r["date"], kind: r["kind"], subject: r["subject"], unit: r["unit"],
                                     person: r["person"], note: r["register_note"], due: due, progress: progress,
                                     replyNumber: r["reply"])
            }
        }
    }

    /// Letters whose number is `typed` as a clerk types it (any case, spaces, QD for QĐ), oldest first.
    public func letters(numbered typed: String) throws -> [LetterRow] {
        try pool.read { db in
            try LetterRow.fetchAll(db, sql: "SELECT * FROM letters WHERE \(LetterNumberKey.sqlExpression) = ? ORDER BY id",
                                   arguments: [LetterNumberKey.key(typed)])
        }
    }

    /// The letters whose numbers come closest to `typed` (a few edits away), closest first.
    public func closestLetters(to typed: String, limit: Int = 5) throws -> [LetterRow] {
        let key = LetterNumberKey.key(typed)
        guard !key.isEmpty else { return [] }
        let numbers = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, number_text FROM letters WHERE number_text IS NOT NULL")
                .map { (id: $0["id"] as Int64, key: LetterNumberKey.key($0["number_text"] as String)) }
        }
        let allowed = max(2, key.count / 3)
        let near = numbers.map { (id: $0.id, d: LetterNumberKey.distance(key, $0.key)) }
            .filter { $0.d <= allowed }.sorted { ($0.d, $0.id) < ($1.d, $1.id) }.prefix(limit)
        return try near.compactMap { try letter(id: $0.id) }
    }

    /// Hands a letter and its deadlines not yet done to a unit (and a person). With `due`, the
    /// letter gets (or moves) its own handling deadline, the task being `note` or its subject.
    @discardableResult
    public func assign(letterID: Int64, unit: String, person: String?, due: CalendarDate?, note: String?,
                       by actor: String, at time: Date = Date()) throws -> LetterRow {
        try pool.write { db in
            guard var row = try LetterRow.fetchOne(db, key: letterID) else { throw StoreError.noSuchLetter(letterID) }
            row.unit = unit
            row.person = person
            if let note { row.registerNote = note }
            try row.update(db)
            try db.execute(sql: "UPDATE deadlines SET unit = ?, person = ? WHERE letter_id = ? AND status != 'done'",
                           arguments: [unit, person, letterID])
            var deadlineID: Int64?
            if let due {
                if var own = try DeadlineRow.fetchOne(db, sql: """
                    SELECT * FROM deadlines WHERE letter_id = ? AND position IS NULL AND status = 'open' ORDER BY id DESC LIMIT 1
                    """, arguments: [letterID]) {
                    own.due = due.iso
                    if let note { own.clause = note }
                    try own.update(db)
                    deadlineID = own.id
                } else {
                    var own = DeadlineRow(letterID: letterID, due: due.iso, precision: DeadlinePrecision.day.rawValue,
                                          recurrence: nil, clause: note ?? row.subject ?? row.numberText ?? "",
                                          status: .open, unit: unit, person: person)
                    try own.insert(db)
                    deadlineID = own.id
                }
            }
            let detail = [unit, person, due?.iso, note].map { $0 ?? "" }.joined(separator: " | ")
            try RegisterHistory.add(letterID: letterID, deadlineID: deadlineID, action: .assigned, detail: detail,
                                    actor: actor, at: time, db: db)
            return row
        }
    }

    /// The changes made to a letter's register entry, oldest first.
    public func history(letterID: Int64) throws -> [RegisterChange] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM register_history WHERE letter_id = ? ORDER BY id", arguments: [letterID]).map {
                RegisterChange(letterID: $0["letter_id"], deadlineID: $0["deadline_id"],
                               action: RegisterChange.Action(rawValue: $0["action"]) ?? .assigned,
                               detail: $0["detail"], actor: $0["actor"], at: $0["at"])
            }
        }
    }
}
