import Foundation
import GRDB
import Extract

/// Which deadlines `vanthu deadlines` lists.
public struct DeadlineQuery: Sendable {
    /// Done and lapsed deadlines too (default: open ones only).
    public var includeDone = false
    /// Only those held by this unit (`assign --to`).
    public var unit: String?
    /// Only those whose day has passed.
    public var overdueOnly = false
    /// Only those due from today to this many days ahead (see `overdueOnly` for the passed ones).
    public var withinDays: Int?
    /// ISO dates bounding the due date, both inclusive.
    public var from: String?
    public var to: String?
    public var today: CalendarDate
    public var limit: Int?

    public init(today: CalendarDate) { self.today = today }
}

/// A deadline with the letter it comes from.
public struct DeadlineItem: Sendable, Equatable {
    public init(deadline: DeadlineRow, letterID: Int64, number: String? = nil, issuer: String? = nil, letterDate: String? = nil,
                subject: String? = nil, contentHash: String? = nil, arrivalNumber: Int? = nil) {
        self.deadline = deadline; self.letterID = letterID; self.number = number; self.issuer = issuer
        self.letterDate = letterDate; self.subject = subject; self.contentHash = contentHash
        self.arrivalNumber = arrivalNumber
    }

    public var deadline: DeadlineRow
    public var letterID: Int64
    public var number: String?
    public var issuer: String?
    public var letterDate: String?
    public var subject: String?
    /// The content hash of the letter's first file (nil for a paper letter not scanned yet).
    public var contentHash: String?
    public var arrivalNumber: Int?

    /// Days from `today` to the due date: negative when overdue.
    public func daysLeft(today: CalendarDate) -> Int? {
        CalendarDate(iso: deadline.due).map { $0.dayNumber - today.dayNumber }
    }
}

/// What marking a deadline done changed.
public struct DeadlineClosing: Sendable, Equatable {
    public init(closed: DeadlineRow, next: DeadlineRow? = nil) { self.closed = closed; self.next = next }

    public var closed: DeadlineRow
    /// The next occurrence of a recurring deadline, created now (or found, if it already was).
    public var next: DeadlineRow?
}

extension LetterStore {
    /// Deadlines by due date, each with its letter.
    public func deadlines(_ query: DeadlineQuery) throws -> [DeadlineItem] {
        var conditions: [String] = [], arguments: [DatabaseValueConvertible] = []
        if !query.includeDone { conditions.append("d.status = 'open'") }
        if let unit = query.unit { conditions.append("d.unit = ?"); arguments.append(unit) }
        if query.overdueOnly { conditions.append("d.due < ?"); arguments.append(query.today.iso) }
        if let days = query.withinDays {
            conditions.append("d.due >= ? AND d.due <= ?")
            arguments += [query.today.iso, query.today.adding(days: days).iso]
        }
        if let from = query.from { conditions.append("d.due >= ?"); arguments.append(from) }
        if let to = query.to { conditions.append("d.due <= ?"); arguments.append(to) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limitClause = query.limit.map { "LIMIT \($0)" } ?? ""
        let sql = """
            SELECT d.*, l.number_text, l.issuer, l.date AS letter_date, l.subject, l.arrival_number,
                   (SELECT f.sha256 FROM original_files f WHERE f.letter_id = l.id ORDER BY f.id LIMIT 1) AS content_hash
            FROM deadlines d JOIN letters l ON l.id = d.letter_id
            \(whereClause) ORDER BY d.due, d.id \(limitClause)
            """
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                DeadlineItem(deadline: try DeadlineRow(row: row), letterID: row["letter_id"],
                             number: row["number_text"], issuer: row["issuer"],
                             letterDate: row["letter_date"], subject: row["subject"],
                             contentHash: row["content_hash"], arrivalNumber: row["arrival_number"])
            }
        }
    }

    /// Brings every recurring deadline to the current period of `today`: an open occurrence of
    /// an earlier period becomes `lapsed` (it was not done in time), and the occurrences after it
    /// are made, each earlier one lapsed, up to the one of the current period, left open.
    /// Idempotent; run before listing.
    public func rollForward(today: CalendarDate) throws {
        try pool.write { db in
            let stale = try DeadlineRow.fetchAll(db, sql: """
                SELECT * FROM deadlines WHERE status = 'open' AND recurrence IS NOT NULL AND due < ?
                """, arguments: [today.iso])
            for row in stale { try Self.roll(row, today: today, db: db) }
        }
    }

    private static func roll(_ first: DeadlineRow, today: CalendarDate, db: Database) throws {
        try DeadlineSchedule.roll(first, today: today,
                                  save: { try $0.update(db) },
                                  following: { try DeadlineRow.filter(DeadlineRow.Columns.previousID == $0.id!).fetchOne(db) },
                                  insert: { var row = $0; try row.insert(db); return row.id! })
    }

    /// Marks a deadline done, with the number of the reply letter if there is one. A recurring
    /// one gets its next occurrence, open, once.
    @discardableResult
    public func markDone(deadline id: Int64, by person: String?, note: String?, reply: String? = nil,
                         at time: Date = Date()) throws -> DeadlineClosing {
        try pool.write { db in
            guard var row = try DeadlineRow.fetchOne(db, key: id) else { throw StoreError.noSuchDeadline(id) }
            row.status = .done
            row.closedBy = person
            row.closedAt = time
            if let note { row.note = note }
            if let reply { row.replyNumber = reply }
            try row.update(db)
            try RegisterHistory.add(letterID: row.letterID, deadlineID: id, action: .done,
                                    detail: [reply, note].compactMap { $0 }.joined(separator: " | "),
                                    actor: person ?? RegisterHistory.systemActor, at: time, db: db)
            var next: DeadlineRow?
            if let r = row.recurrence.flatMap(Recurrence.init(rawValue:)),
               let due = DeadlineSchedule.next(after: row.due, recurrence: r,
                                               precision: DeadlinePrecision(rawValue: row.precision) ?? .day) {
                next = try DeadlineRow.filter(DeadlineRow.Columns.previousID == id).fetchOne(db)
                if next == nil {
                    var n = DeadlineRow(letterID: row.letterID, due: due, precision: row.precision,
                                        recurrence: row.recurrence, clause: row.clause, status: .open, previousID: id,
                                        unit: row.unit, person: row.person, position: row.position)
                    try n.insert(db)
                    next = n
                }
            }
            return DeadlineClosing(closed: row, next: next)
        }
    }

    /// Opens a done deadline again. Its next occurrence, if one was made, stays.
    @discardableResult
    public func reopen(deadline id: Int64, by person: String? = nil, at time: Date = Date()) throws -> DeadlineRow {
        try pool.write { db in
            guard var row = try DeadlineRow.fetchOne(db, key: id) else { throw StoreError.noSuchDeadline(id) }
            row.status = .open
            row.closedBy = nil
            row.closedAt = nil
            try row.update(db)
            try RegisterHistory.add(letterID: row.letterID, deadlineID: id, action: .reopened, detail: nil,
                                    actor: person ?? RegisterHistory.systemActor, at: time, db: db)
            return row
        }
    }
}
