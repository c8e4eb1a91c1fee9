import Foundation
import Extract
import Store

/// Deadlines and the register on PostgreSQL: Store's DeadlineQuery.swift and Register.swift,
/// the same rules (DeadlineSchedule, LetterNumberKey, PaperLetters) over the office's rows.
extension PostgresLetterStore {
    func insertDeadline(_ d: DeadlineRow, office: String) throws -> Int64 {
        try session.scalar("""
            INSERT INTO deadlines (office, letter_id, due, precision, recurrence, clause, status, closed_by, closed_at, note,
              previous_id, unit, person, reply_number, position)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id
            """, [.text(office), .int(d.letterID), .text(d.due), .text(d.precision), .of(d.recurrence), .text(d.clause),
                  .text(d.status.rawValue), .of(d.closedBy), .time(d.closedAt), .of(d.note), .of(d.previousID), .of(d.unit),
                  .of(d.person), .of(d.replyNumber), .of(d.position)], as: Int64.self)!
    }

    func saveDeadline(_ d: DeadlineRow) throws {
        try session.query("""
            UPDATE deadlines SET due = $2, precision = $3, recurrence = $4, clause = $5, status = $6, closed_by = $7,
              closed_at = $8, note = $9, previous_id = $10, unit = $11, person = $12, reply_number = $13, position = $14
            WHERE id = $1
            """, [.of(d.id), .text(d.due), .text(d.precision), .of(d.recurrence), .text(d.clause), .text(d.status.rawValue),
                  .of(d.closedBy), .time(d.closedAt), .of(d.note), .of(d.previousID), .of(d.unit), .of(d.person),
                  .of(d.replyNumber), .of(d.position)])
    }

    /// The deadline with its office, when the store may see it.
    func deadlineWithOffice(_ id: Int64) throws -> (DeadlineRow, String)? {
        var q = Statement(arguments: [.int(id)])
        let officeCondition = scope("", &q)
        q.sql = "SELECT \(PostgresRows.deadlineColumns), office FROM deadlines WHERE id = $1" + officeCondition + " FOR UPDATE"
        return try session.query(q.sql, q.arguments).first.map { (try PostgresRows.deadline($0), try $0("office", as: String.self)) }
    }

    func addHistory(letterID: Int64, deadlineID: Int64? = nil, action: RegisterChange.Action, detail: String?,
                    actor: String, at time: Date, office: String) throws {
        try session.query("""
            INSERT INTO register_history (office, letter_id, deadline_id, action, detail, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, [.text(office), .int(letterID), .of(deadlineID), .text(action.rawValue), .of(detail), .text(actor),
                  .text(RegisterClock.stamp(time))])
    }

    public func deadlines(letterID: Int64) throws -> [DeadlineRow] {
        var q = Statement(arguments: [.int(letterID)])
        let officeCondition = scope("", &q)
        q.sql = "SELECT \(PostgresRows.deadlineColumns) FROM deadlines WHERE letter_id = $1" + officeCondition + " ORDER BY due, id"
        return try session.query(q.sql, q.arguments).map(PostgresRows.deadline)
    }

    public func deadline(id: Int64) throws -> DeadlineRow? {
        var q = Statement(arguments: [.int(id)])
        let officeCondition = scope("", &q)
        q.sql = "SELECT \(PostgresRows.deadlineColumns) FROM deadlines WHERE id = $1" + officeCondition
        return try session.query(q.sql, q.arguments).first.map(PostgresRows.deadline)
    }

    public func deadlines(_ query: DeadlineQuery) throws -> [DeadlineItem] {
        var q = Statement()
        var conditions = ["true"]
        if !query.includeDone { conditions.append("d.status = 'open'") }
        if let unit = query.unit { conditions.append("d.unit = \(q.bind(.text(unit)))") }
        if query.overdueOnly { conditions.append("d.due < \(q.bind(.text(query.today.iso)))") }
        if let days = query.withinDays {
            conditions.append("d.due >= \(q.bind(.text(query.today.iso))) AND d.due <= \(q.bind(.text(query.today.adding(days: days).iso)))")
        }
        if let from = query.from { conditions.append("d.due >= \(q.bind(.text(from)))") }
        if let to = query.to { conditions.append("d.due <= \(q.bind(.text(to)))") }
        let office = scope("d", &q)
        let limit = query.limit.map { "LIMIT \(q.bind(.of($0)))" } ?? ""
        q.sql = """
            SELECT d.id, d.letter_id, d.due, d.precision, d.recurrence, d.clause, d.status, d.closed_by, d.closed_at, d.note,
                   d.previous_id, d.unit, d.person, d.reply_number, d.position,
                   l.number_text, l.issuer, l.date AS letter_date, l.subject, l.arrival_number,
                   (SELECT f.sha256 FROM original_files f WHERE f.letter_id = l.id ORDER BY f.id LIMIT 1) AS content_hash
            FROM deadlines d JOIN letters l ON l.id = d.letter_id
            WHERE \(conditions.joined(separator: " AND "))\(office) ORDER BY d.due, d.id \(limit)
            """
        return try session.query(q.sql, q.arguments).map { r in
            DeadlineItem(deadline: try PostgresRows.deadline(r), letterID: try r("letter_id"), number: try r("number_text"),
                         issuer: try r("issuer"), letterDate: try r("letter_date"), subject: try r("subject"),
                         contentHash: try r("content_hash"), arrivalNumber: try r("arrival_number"))
        }
    }

    /// As `LetterStore.rollForward`. The provincial role only reads: its view shows what the
    /// offices' own runs rolled (each office rolls when its clerks list or store).
    public func rollForward(today: CalendarDate) throws {
        if isProvincial && office == nil { return }
        try session.transaction {
            var q = Statement(arguments: [.text(today.iso)])
            let officeCondition = scope("", &q)
            q.sql = "SELECT \(PostgresRows.deadlineColumns), office FROM deadlines WHERE status = 'open' AND recurrence IS NOT NULL AND due < $1"
                + officeCondition + " ORDER BY id FOR UPDATE"
            let stale = try session.query(q.sql, q.arguments).map { (try PostgresRows.deadline($0), try $0("office", as: String.self)) }
            for (row, office) in stale { try roll(row, office: office, today: today) }
        }
    }

    private func roll(_ first: DeadlineRow, office: String, today: CalendarDate) throws {
        try DeadlineSchedule.roll(first, today: today,
                                  save: saveDeadline,
                                  following: {
                                      try session.query("SELECT \(PostgresRows.deadlineColumns) FROM deadlines WHERE previous_id = $1 ORDER BY id LIMIT 1",
                                                        [.of($0.id)]).first.map(PostgresRows.deadline)
                                  },
                                  insert: { try insertDeadline($0, office: office) })
    }

    @discardableResult
    public func markDone(deadline id: Int64, by person: String?, note: String?, reply: String? = nil,
                         at time: Date = Date()) throws -> DeadlineClosing {
        try session.transaction {
            guard let found = try deadlineWithOffice(id) else { throw StoreError.noSuchDeadline(id) }
            var (row, office) = found
            row.status = .done
            row.closedBy = person
            row.closedAt = time
            if let note { row.note = note }
            if let reply { row.replyNumber = reply }
            try saveDeadline(row)
            try addHistory(letterID: row.letterID, deadlineID: id, action: .done,
                           detail: [reply, note].compactMap { $0 }.joined(separator: " | "),
                           actor: person ?? RegisterHistory.systemActor, at: time, office: office)
            var next: DeadlineRow?
            if let r = row.recurrence.flatMap(Recurrence.init(rawValue:)),
               let due = DeadlineSchedule.next(after: row.due, recurrence: r,
                                               precision: DeadlinePrecision(rawValue: row.precision) ?? .day) {
                next = try session.query("SELECT \(PostgresRows.deadlineColumns) FROM deadlines WHERE previous_id = $1 ORDER BY id LIMIT 1",
                                         [.int(id)]).first.map(PostgresRows.deadline)
                if next == nil {
                    var n = DeadlineRow(letterID: row.letterID, due: due, precision: row.precision,
                                        recurrence: row.recurrence, clause: row.clause, status: .open, previousID: id,
                                        unit: row.unit, person: row.person, position: row.position)
                    n.id = try insertDeadline(n, office: office)
                    next = n
                }
            }
            return DeadlineClosing(closed: row, next: next)
        }
    }

    @discardableResult
    public func reopen(deadline id: Int64, by person: String? = nil, at time: Date = Date()) throws -> DeadlineRow {
        try session.transaction {
            guard let found = try deadlineWithOffice(id) else { throw StoreError.noSuchDeadline(id) }
            var (row, office) = found
            row.status = .open
            row.closedBy = nil
            row.closedAt = nil
            try saveDeadline(row)
            try addHistory(letterID: row.letterID, deadlineID: id, action: .reopened, detail: nil,
                           actor: person ?? RegisterHistory.systemActor, at: time, office: office)
            return row
        }
    }

    // MARK: Register

    /// The paper entry of the office a scanned letter is (PaperLetters' rule).
    func paperEntry(matching record: LetterRecord, office: String) throws -> LetterRow? {
        guard let number = record.number?.text, let date = record.date else { return nil }
        return try session.query("""
            SELECT \(PostgresRows.letterColumns) FROM letters WHERE office = $1 AND paper AND date = $2 AND number_key = $3 ORDER BY id
            """, [.text(office), .text(date), .text(LetterNumberKey.key(number))]).map(PostgresRows.letter)
            .first { PaperLetters.sameIssuer(typed: $0.issuer, scanned: record.issuer?.name) }
    }

    /// The scan's record and text replace the typed entry's; its số đến, ngày đến and assignment stay.
    func joinPaper(_ row: inout LetterRow, scan: NewLetter, office: String) throws {
        try row.take(scan.record)
        row.fullText = scan.fullText
        row.paper = false
        try rewrite(row, originalText: scan.originalText)
        try addHistory(letterID: row.id!, action: .scanJoined, detail: scan.file.originalPath,
                       actor: RegisterHistory.systemActor, at: Date(), office: office)
    }

    /// Writes a letter row's values read from its record and text (and its search vectors) over
    /// its stored ones; its số đến, ngày đến and assignment stay.
    func rewrite(_ row: LetterRow, originalText: String?) throws {
        var q = Statement(arguments: [.of(row.id)])
        let values = ([.text(row.recordJSON), .of(row.numberText), .of(row.numberText.map(LetterNumberKey.key)), .of(row.seq),
                      .of(row.symbol), .of(row.issuer), .of(row.date), .text(row.kind), .of(row.subject), .text(row.fullText),
                      .of(row.isInitiative), .of(row.callsForInitiatives), .of(row.paper)] as [SQLValue]).map { q.bind($0) }
        let search = PostgresSearch.vectors(row, originalText: originalText, &q)
        q.sql = """
            UPDATE letters SET record_json = \(values[0]), number_text = \(values[1]), number_key = \(values[2]), seq = \(values[3]),
              symbol = \(values[4]), issuer = \(values[5]), date = \(values[6]), kind = \(values[7]), subject = \(values[8]),
              full_text = \(values[9]), is_initiative = \(values[10]), calls_for_initiatives = \(values[11]), paper = \(values[12]),
              search_folded = \(search.folded), search_written = \(search.written)
            WHERE id = $1
            """
        try session.query(q.sql, q.arguments)
    }

    @discardableResult
    public func registerPaper(_ paper: PaperLetter, by actor: String, at time: Date = Date()) throws -> LetterRow {
        let office = try writeOffice(), day = arrivalDay()
        return try session.transaction {
            var row = try LetterRow(record: paper.record, fullText: "", storedAt: time)
            row.paper = true
            row.arrivalDate = day.iso
            row.arrivalYear = day.year
            row.arrivalNumber = try nextArrivalNumber(year: day.year, office: office)
            row.id = try insertLetter(row, office: office)
            try addHistory(letterID: row.id!, action: .registered, detail: paper.number, actor: actor, at: time, office: office)
            return row
        }
    }

    public func register(_ query: RegisterQuery) throws -> [RegisterEntry] {
        var q = Statement()
        var conditions = ["l.arrival_number IS NOT NULL"]
        if let y = query.year { conditions.append("l.arrival_year = \(q.bind(.of(y)))") }
        if let f = query.from { conditions.append("l.arrival_date >= \(q.bind(.text(f)))") }
        if let t = query.to { conditions.append("l.arrival_date <= \(q.bind(.text(t)))") }
        let officeCondition = scope("l", &q)
        q.sql = """
            SELECT l.id, l.office, l.arrival_year, l.arrival_number, l.arrival_date, l.issuer, l.number_text, l.date,
                   l.kind, l.subject, l.unit, l.person, l.register_note,
                   (SELECT min(due) FROM deadlines d WHERE d.letter_id = l.id AND d.status = 'open') AS next_due,
                   (SELECT count(*) FROM deadlines d WHERE d.letter_id = l.id) AS deadline_count,
                   (SELECT reply_number FROM deadlines d WHERE d.letter_id = l.id AND d.reply_number IS NOT NULL
                     ORDER BY d.closed_at DESC NULLS LAST, d.id DESC LIMIT 1) AS reply
            FROM letters l WHERE \(conditions.joined(separator: " AND "))\(officeCondition)
            ORDER BY l.office, l.arrival_year, l.arrival_number
            """
        let today = query.today.iso
        return try session.query(q.sql, q.arguments).map { r in
            let due: String? = try r("next_due")
            return RegisterEntry(letterID: try r("id"), arrivalYear: try r("arrival_year"), arrivalNumber: try r("arrival_number"),
                                 arrivalDate: try r("arrival_date"), issuer: try r("issuer"), number: try r("number_text"),
                                 date: try r("date"), kind: try r("kind"), subject: try r("subject"), unit: try r("unit"),
                                 person: try r("person"), note: try r("register_note"), due: due,
                                 progress: RegisterEntry.progress(nextDue: due, deadlineCount: try r("deadline_count"), today: today),
                                 replyNumber: try r("reply"))
        }
    }

    @discardableResult
    public func assign(letterID: Int64, unit: String, person: String?, due: CalendarDate?, note: String?,
                       by actor: String, at time: Date = Date()) throws -> LetterRow {
        try session.transaction {
            var q = Statement(arguments: [.int(letterID)])
            let officeCondition = scope("", &q)
            q.sql = "SELECT \(PostgresRows.letterColumns), office FROM letters WHERE id = $1" + officeCondition + " FOR UPDATE"
            guard let found = try session.query(q.sql, q.arguments).first else { throw StoreError.noSuchLetter(letterID) }
            var row = try PostgresRows.letter(found)
            let office: String = try found("office")
            row.unit = unit
            row.person = person
            if let note { row.registerNote = note }
            try session.query("UPDATE letters SET unit = $2, person = $3, register_note = $4 WHERE id = $1",
                              [.int(letterID), .text(unit), .of(person), .of(row.registerNote)])
            try session.query("UPDATE deadlines SET unit = $2, person = $3 WHERE letter_id = $1 AND status != 'done'",
                              [.int(letterID), .text(unit), .of(person)])
            var deadlineID: Int64?
            if let due {
                if var own = try session.query("""
                    SELECT \(PostgresRows.deadlineColumns) FROM deadlines WHERE letter_id = $1 AND position IS NULL AND status = 'open'
                    ORDER BY id DESC LIMIT 1
                    """, [.int(letterID)]).first.map(PostgresRows.deadline) {
                    own.due = due.iso
                    if let note { own.clause = note }
                    // The unit and person were just set by the UPDATE above.
                    own.unit = unit
                    own.person = person
                    try saveDeadline(own)
                    deadlineID = own.id
                } else {
                    deadlineID = try insertDeadline(DeadlineRow(letterID: letterID, due: due.iso, precision: DeadlinePrecision.day.rawValue,
                                                                recurrence: nil, clause: note ?? row.subject ?? row.numberText ?? "",
                                                                status: .open, unit: unit, person: person), office: office)
                }
            }
            let detail = [unit, person, due?.iso, note].map { $0 ?? "" }.joined(separator: " | ")
            try addHistory(letterID: letterID, deadlineID: deadlineID, action: .assigned, detail: detail, actor: actor,
                           at: time, office: office)
            return row
        }
    }

    public func history(letterID: Int64) throws -> [RegisterChange] {
        var q = Statement(arguments: [.int(letterID)])
        let officeCondition = scope("", &q)
        q.sql = "SELECT * FROM register_history WHERE letter_id = $1" + officeCondition + " ORDER BY id"
        return try session.query(q.sql, q.arguments).map { r in
            RegisterChange(letterID: try r("letter_id"), deadlineID: try r("deadline_id"),
                           action: RegisterChange.Action(rawValue: try r("action", as: String.self)) ?? .assigned,
                           detail: try r("detail"), actor: try r("actor"), at: try r("at"))
        }
    }
}
