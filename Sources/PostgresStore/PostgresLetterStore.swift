import Foundation
import Extract
import Store

/// The province's index: letters of many offices in one PostgreSQL database, the same behaviour
/// as `LetterStore` (SQLite) behind `LetterIndex`. Each row carries its office; the server's
/// row-level security lets an office's role see and change only its own rows, and this store
/// also names its office in every query (a superuser or the provincial role sees every office,
/// so `--office` must narrow what they read and say where they write).
///
/// ```swift
/// let index = try PostgresLetterStore(url: "postgresql://lan@db.sotp/vanthu", office: nil)  // the login's office
/// try index.store(letter)
/// ```
public final class PostgresLetterStore: LetterIndex, @unchecked Sendable {
    public let session: PostgresSession
    /// The office this store reads and writes; nil: every office the login may read, storing nothing.
    public let office: String?
    /// The login reads every office (the provincial role), and writes none of their deadlines.
    public let isProvincial: Bool
    public var arrivalDay: @Sendable () -> CalendarDate = { RegisterClock.vietnamDay(Date()) }
    let fingerprints = QueuedFingerprints()

    public var location: String { session.address.display }

    /// Opens the index, migrating it when its schema is behind (the admin's first open). The
    /// office is `office` when given (it must exist, and the login's policies must allow it),
    /// else the one office whose role the login is a member of.
    public init(session: PostgresSession, office: String?, migrate: Bool = true) throws {
        self.session = session
        if migrate { try PostgresMigrator.migrate(session, PostgresSchema.migrations) }
        let me = try session.query("""
            SELECT r.rolsuper AS superuser, pg_has_role(current_user, $1, 'MEMBER') AS province
            FROM pg_roles r WHERE r.rolname = current_user
            """, [.text(PostgresSchema.provinceRole)]).first
        let superuser = try me.map { try $0("superuser", as: Bool.self) } ?? false
        if let office {
            try OfficeAdmin.validate(office)
            guard try session.scalar("SELECT 1 FROM offices WHERE code = $1", [.text(office)], as: Int32.self) != nil else {
                throw PostgresStoreError.noSuchOffice(office)
            }
            self.office = office
        } else if superuser {
            self.office = nil
        } else {
            let mine = try session.query("SELECT code FROM offices WHERE pg_has_role(current_user, role, 'MEMBER') ORDER BY code")
                .map { try $0("code", as: String.self) }
            self.office = mine.count == 1 ? mine[0] : nil
        }
        let province = try me.map { try $0("province", as: Bool.self) } ?? false
        isProvincial = !superuser && province
    }

    public convenience init(url: String, office: String?) throws {
        try self.init(session: PostgresSession(url: url), office: office)
    }

    /// The office a write goes to.
    func writeOffice() throws -> String {
        guard let office else { throw PostgresStoreError.officeNeeded }
        return office
    }

    /// `AND alias.office = $n` when the store acts for one office.
    func scope(_ alias: String, _ q: inout Statement) -> String {
        guard let office else { return "" }
        return " AND \(alias.isEmpty ? "" : alias + ".")office = \(q.bind(.text(office)))"
    }

    public func isTransient(_ error: Error) -> Bool {
        switch error as? PostgresStoreError {
        case .connectionLost?, .cannotConnect?: return true
        case .server(let state, _)?:
            // 08: connection exceptions; 53: insufficient resources (disk full, too many
            // connections); 57P01–03: the server shutting down or starting; 40001/40P01: a
            // serialisation failure or deadlock; 55P03: a lock not available.
            return state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57P")
                || ["40001", "40P01", "55P03"].contains(state)
        default: return false
        }
    }

    // MARK: Storing

    @discardableResult
    public func store(_ letter: NewLetter, job: Int64? = nil, replacing stale: String? = nil) throws -> StoreOutcome {
        let office = try writeOffice(), day = arrivalDay()
        return try session.transaction {
            let outcome: StoreOutcome
            if let stale, stale != letter.file.sha256 {
                // As SQLite's store (LetterStore.store): the stale letter takes the new content in its
                // place, its số đến kept; or, the new content being another letter already, it goes.
                try session.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [.text(office + "\u{1F}" + letter.file.sha256)])
                let held = try session.scalar("SELECT letter_id FROM original_files WHERE office = $1 AND sha256 = $2",
                                              [.text(office), .text(letter.file.sha256)], as: Int64.self)
                if held == nil, var row = try takeApart(sha256: stale, office: office) {
                    try row.take(letter.record)
                    row.fullText = letter.fullText
                    try rewrite(row, originalText: letter.originalText)
                    try addParts(of: letter, to: row, office: office)
                    outcome = .stored(letterID: row.id!)
                } else {
                    try withdraw(sha256: stale, office: office)
                    outcome = try insert(letter, office: office, arrival: day)
                }
            } else {
                outcome = try insert(letter, office: office, arrival: day)
            }
            if let job { try markStored(job: job, outcome: outcome, sha256: letter.file.sha256) }
            return outcome
        }
    }

    @discardableResult
    public func storeAll(_ letters: [NewLetter]) throws -> [StoreOutcome] {
        let office = try writeOffice(), day = arrivalDay()
        return try session.transaction { try letters.map { try insert($0, office: office, arrival: day) } }
    }

    /// One letter inside the caller's transaction. Two writers of the same content in one office
    /// take turns on an advisory lock on it, so the second finds the first's letter; the số đến
    /// comes from the office's counter row, locked until the commit.
    func insert(_ letter: NewLetter, office: String, arrival: CalendarDate) throws -> StoreOutcome {
        try session.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [.text(office + "\u{1F}" + letter.file.sha256)])
        if let existing = try session.scalar("SELECT letter_id FROM original_files WHERE office = $1 AND sha256 = $2",
                                             [.text(office), .text(letter.file.sha256)], as: Int64.self) {
            return .alreadyStored(letterID: existing)
        }
        let record = letter.record
        if var paper = try paperEntry(matching: record, office: office) {
            try joinPaper(&paper, scan: letter, office: office)
            try addParts(of: letter, to: paper, office: office)
            return .stored(letterID: paper.id!)
        }
        var row = try LetterRow(record: record, fullText: letter.fullText, storedAt: Date())
        try row.arrive(stamp: record.receivedDate, storedOn: arrival) { try nextArrivalNumber(year: $0, office: office) }
        row.id = try insertLetter(row, office: office, originalText: letter.originalText)
        try addParts(of: letter, to: row, office: office)
        return .stored(letterID: row.id!)
    }

    func nextArrivalNumber(year: Int, office: String) throws -> Int {
        try session.scalar("""
            INSERT INTO arrival_counters (office, year, last_number) VALUES ($1, $2, 1)
            ON CONFLICT (office, year) DO UPDATE SET last_number = arrival_counters.last_number + 1
            RETURNING last_number
            """, [.text(office), .of(year)], as: Int.self)!
    }

    func insertLetter(_ row: LetterRow, office: String, originalText: String? = nil) throws -> Int64 {
        var q = Statement()
        let values = ([.text(office), .text(row.recordJSON), .of(row.numberText), .of(row.numberText.map(LetterNumberKey.key)),
                      .of(row.seq), .of(row.symbol), .of(row.issuer), .of(row.date), .text(row.kind), .of(row.subject),
                      .text(row.fullText), .time(row.storedAt), .of(row.isInitiative), .of(row.callsForInitiatives),
                      .of(row.arrivalYear), .of(row.arrivalNumber), .of(row.arrivalDate), .of(row.unit), .of(row.person),
                      .of(row.registerNote), .of(row.paper)] as [SQLValue]).map { q.bind($0) }
        let search = PostgresSearch.vectors(row, originalText: originalText, &q)
        q.sql = """
            INSERT INTO letters (office, record_json, number_text, number_key, seq, symbol, issuer, date, kind, subject,
              full_text, stored_at, is_initiative, calls_for_initiatives, arrival_year, arrival_number, arrival_date,
              unit, person, register_note, paper, search_folded, search_written)
            VALUES (\(values.joined(separator: ", ")), \(search.folded), \(search.written)) RETURNING id
            """
        return try session.scalar(q.sql, q.arguments, as: Int64.self)!
    }

    func addParts(of letter: NewLetter, to row: LetterRow, office: String) throws {
        let id = row.id!, record = letter.record
        try session.query("""
            INSERT INTO original_files (office, letter_id, sha256, byte_count, original_path, archive_path)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, [.text(office), .int(id), .text(letter.file.sha256), .of(letter.file.byteCount),
                  .text(letter.file.originalPath), .of(letter.file.archivePath)])
        for (position, d) in record.deadlines.enumerated() {
            _ = try insertDeadline(DeadlineRow(letterID: id, due: d.due, precision: d.precision.rawValue,
                                               recurrence: d.recurrence?.rawValue, clause: d.text, status: .open,
                                               unit: row.unit, person: row.person, position: position), office: office)
        }
        var references: [ReferenceRow] = []
        for r in record.references {
            let rid = try session.scalar("""
                INSERT INTO letter_references (office, letter_id, kind, number, date) VALUES ($1, $2, $3, $4, $5) RETURNING id
                """, [.text(office), .int(id), .text(r.kind.rawValue), .text(r.number), .of(r.date)], as: Int64.self)!
            references.append(ReferenceRow(id: rid, letterID: id, kind: r.kind.rawValue, number: r.number, date: r.date))
        }
        try PostgresLinker(session: session, office: office).link(letter: row, references: references)
        try initiativeStored(row, record: record, office: office)
    }

    public func setArchivePath(sha256: String, to archivePath: String) throws {
        var q = Statement()
        q.sql = "UPDATE original_files SET archive_path = \(q.bind(.text(archivePath))) WHERE sha256 = \(q.bind(.text(sha256)))"
        let officeCondition = scope("", &q)
        q.sql += officeCondition
        try session.query(q.sql, q.arguments)
    }

    // MARK: Letters

    public func letterID(sha256: String) throws -> Int64? {
        var q = Statement()
        let officeCondition = scope("", &q)
        q.sql = "SELECT letter_id FROM original_files WHERE sha256 = \(q.bind(.text(sha256)))" + officeCondition + " ORDER BY id LIMIT 1"
        return try session.scalar(q.sql, q.arguments, as: Int64.self)
    }

    public func letter(id: Int64) throws -> LetterRow? {
        try letters(where: "id = $1", [.int(id)]).first
    }

    public func letters(number: String) throws -> [LetterRow] {
        try letters(where: "number_text = $1", [.text(number)])
    }

    public func letters(numbered typed: String) throws -> [LetterRow] {
        try letters(where: "number_key = $1", [.text(LetterNumberKey.key(typed))])
    }

    /// Letters matching `condition` (its parameters `$1…`), in the store's office, oldest first.
    func letters(where condition: String, _ arguments: [SQLValue]) throws -> [LetterRow] {
        var q = Statement(arguments: arguments)
        let officeCondition = scope("", &q)
        q.sql = "SELECT \(PostgresRows.letterColumns) FROM letters WHERE \(condition)" + officeCondition + " ORDER BY id"
        return try session.query(q.sql, q.arguments).map(PostgresRows.letter)
    }

    public func closestLetters(to typed: String, limit: Int = 5) throws -> [LetterRow] {
        let key = LetterNumberKey.key(typed)
        guard !key.isEmpty else { return [] }
        var q = Statement()
        let officeCondition = scope("", &q)
        q.sql = "SELECT id, number_key FROM letters WHERE number_key IS NOT NULL" + officeCondition
        let numbers = try session.query(q.sql, q.arguments).map { (id: try $0("id", as: Int64.self), key: try $0("number_key", as: String.self)) }
        let allowed = max(2, key.count / 3)
        let near = numbers.map { (id: $0.id, d: LetterNumberKey.distance(key, $0.key)) }
            .filter { $0.d <= allowed }.sorted { ($0.d, $0.id) < ($1.d, $1.id) }.prefix(limit)
        return try near.compactMap { try letter(id: $0.id) }
    }

    public func originalFiles(letterID: Int64) throws -> [OriginalFileRow] {
        var q = Statement(arguments: [.int(letterID)])
        let officeCondition = scope("", &q)
        q.sql = "SELECT * FROM original_files WHERE letter_id = $1" + officeCondition + " ORDER BY id"
        return try session.query(q.sql, q.arguments).map(PostgresRows.file)
    }

    public func letterCount() throws -> Int {
        var q = Statement()
        let officeCondition = scope("", &q)
        q.sql = "SELECT count(*) FROM letters WHERE true" + officeCondition
        return try session.scalar(q.sql, q.arguments, as: Int.self) ?? 0
    }

    public func letterDetail(id: Int64) throws -> LetterDetail? {
        try session.transaction {
            guard let row = try letter(id: id) else { return nil }
            let cites = try citations(of: id)
            let references = try self.references(letterID: id).map { r in
                LetterDetail.CitedReference(reference: r, letters: cites.filter { $0.citedAs == r.number })
            }
            return LetterDetail(row: row, record: try row.record(), deadlines: try deadlines(letterID: id),
                                references: references, citedBy: try citingLetters(of: id),
                                files: try originalFiles(letterID: id))
        }
    }

    // MARK: Links

    public func citations(of letterID: Int64) throws -> [LinkedLetter] { try linked(citing: true, letterID) }
    public func citingLetters(of letterID: Int64) throws -> [LinkedLetter] { try linked(citing: false, letterID) }

    func linked(citing: Bool, _ id: Int64) throws -> [LinkedLetter] {
        var q = Statement(arguments: [.int(id)])
        let (other, this) = citing ? ("cited_letter_id", "citing_letter_id") : ("citing_letter_id", "cited_letter_id")
        let officeCondition = scope("k", &q)
        q.sql = """
            SELECT l.id, l.number_text, l.date, l.subject, r.number AS cited_as, k.match
            FROM letter_links k JOIN letters l ON l.id = k.\(other)
            JOIN letter_references r ON r.id = k.reference_id
            WHERE k.\(this) = $1\(officeCondition)
            ORDER BY l.date NULLS FIRST, l.id
            """
        return try session.query(q.sql, q.arguments).map { r in
            LinkedLetter(letterID: try r("id"), number: try r("number_text"), date: try r("date"), subject: try r("subject"),
                         citedAs: try r("cited_as"),
                         match: LetterLinkRow.Match(rawValue: try r("match", as: String.self)) ?? .exact)
        }
    }

    public func references(letterID: Int64) throws -> [ReferenceRow] {
        var q = Statement(arguments: [.int(letterID)])
        let officeCondition = scope("", &q)
        q.sql = "SELECT id, letter_id, kind, number, date FROM letter_references WHERE letter_id = $1" + officeCondition + " ORDER BY id"
        return try session.query(q.sql, q.arguments).map(PostgresRows.reference)
    }

    // MARK: The watched inbox's journal

    public func beginJob(sourcePath: String, file: (device: Int64, inode: Int64, size: Int64, mtime: Double)? = nil) throws -> Int64 {
        try session.scalar("""
            INSERT INTO inbox_journal (office, source_path, state, started_at, file_device, file_inode, file_size, file_mtime)
            VALUES ($1, $2, 'started', $3, $4, $5, $6, $7) RETURNING id
            """, [.text(try writeOffice()), .text(sourcePath), .time(Date()), .of(file?.device), .of(file?.inode),
                  .of(file?.size), .of(file?.mtime)], as: Int64.self)!
    }

    public func finishJob(_ job: JobRow, archivePath: String?) throws {
        try session.transaction {
            if let archivePath, let sha = job.sha256 { try setArchivePath(sha256: sha, to: archivePath) }
            try updateJob(job)
        }
    }

    public func parkedJobs() throws -> [JobRow] { try jobs(where: "state = 'parked'") }
    public func unfinishedJobs() throws -> [JobRow] { try jobs(where: "state NOT IN ('done', 'parked')") }
    public func jobs() throws -> [JobRow] { try jobs(where: "true") }

    public func job(id: Int64) throws -> JobRow? {
        var q = Statement(arguments: [.int(id)])
        let officeCondition = scope("", &q)
        q.sql = "SELECT * FROM inbox_journal WHERE id = $1" + officeCondition
        return try session.query(q.sql, q.arguments).map(PostgresRows.job).first
    }

    func jobs(where condition: String) throws -> [JobRow] {
        var q = Statement()
        let officeCondition = scope("", &q)
        q.sql = "SELECT * FROM inbox_journal WHERE \(condition)" + officeCondition + " ORDER BY id"
        return try session.query(q.sql, q.arguments).map(PostgresRows.job)
    }

    public func updateJob(_ job: JobRow) throws {
        guard let id = job.id else { return }
        var q = Statement(arguments: [
            .int(id), .text(job.sourcePath), .text(job.state.rawValue), .of(job.outcome?.rawValue), .of(job.sha256),
            .of(job.letterID), .of(job.error), .of(job.destination), .time(job.startedAt), .time(job.finishedAt),
            .of(job.attempts), .time(job.retryAt), .of(job.fileDevice), .of(job.fileInode), .of(job.fileSize), .of(job.fileMtime),
        ])
        let officeCondition = scope("", &q)
        q.sql = """
            UPDATE inbox_journal SET source_path = $2, state = $3, outcome = $4, sha256 = $5, letter_id = $6, error = $7,
              destination = $8, started_at = $9, finished_at = $10, attempts = $11, retry_at = $12, file_device = $13,
              file_inode = $14, file_size = $15, file_mtime = $16
            WHERE id = $1
            """ + officeCondition
        try session.query(q.sql, q.arguments)
    }

    func markStored(job: Int64, outcome: StoreOutcome, sha256: String) throws {
        var stored: JobRow.Outcome = .stored
        if case .alreadyStored = outcome { stored = .alreadyStored }
        var q = Statement(arguments: [.int(job), .text(sha256), .int(outcome.letterID), .text(stored.rawValue)])
        let officeCondition = scope("", &q)
        q.sql = "UPDATE inbox_journal SET state = 'stored', sha256 = $2, letter_id = $3, outcome = $4 WHERE id = $1" + officeCondition
        try session.query(q.sql, q.arguments)
    }

    public func recordAlreadyStored(job: Int64, letterID: Int64, sha256: String, discarding stale: String? = nil) throws {
        let office = try writeOffice()
        try session.transaction {
            if let stale, stale != sha256 { try withdraw(sha256: stale, office: office) }
            try markStored(job: job, outcome: .alreadyStored(letterID: letterID), sha256: sha256)
        }
    }
}

/// A letter stored from bytes its file no longer holds (a copy that went on after its first part
/// was read and stored): Store's StaleLetters, over the office's rows. Only a letter that file
/// alone gave is touched; one other files (or the clerk's paper entry, or the clerk's register
/// work) also hold keeps its row. Deleting needs the DELETE the worker role is granted
/// (QueueSchema's queue2); an office's clerks have none.
extension PostgresLetterStore {
    /// Removes the stale content's file row and, when that was the letter's only file, everything
    /// derived from its text (deadlines, references, links, initiative entry); returns the bare
    /// letter row to fill again (its search vectors are rewritten with it), or nil when there is
    /// none to reuse.
    func takeApart(sha256: String, office: String) throws -> LetterRow? {
        guard let file = try session.query("""
                SELECT id, letter_id FROM original_files WHERE office = $1 AND sha256 = $2 ORDER BY id LIMIT 1 FOR UPDATE
                """, [.text(office), .text(sha256)]).first,
              let row = try session.query("SELECT \(PostgresRows.letterColumns) FROM letters WHERE id = $1 FOR UPDATE",
                                          [.int(try file("letter_id", as: Int64.self))]).first.map(PostgresRows.letter)
        else { return nil }
        let id = row.id!
        try session.query("DELETE FROM original_files WHERE id = $1", [.int(try file("id", as: Int64.self))])
        let others = try session.scalar("""
            SELECT (SELECT count(*) FROM original_files WHERE letter_id = $1)
                 + (SELECT count(*) FROM register_history WHERE letter_id = $1 AND action <> 'registered')
            """, [.int(id)], as: Int.self) ?? 0
        guard others == 0, !row.paper else { return nil }
        for statement in [
            """
            DELETE FROM letter_links WHERE citing_letter_id = $1 OR cited_letter_id = $1
               OR reference_id IN (SELECT id FROM letter_references WHERE letter_id = $1)
            """,
            "DELETE FROM letter_references WHERE letter_id = $1",
            "UPDATE register_history SET deadline_id = NULL WHERE deadline_id IN (SELECT id FROM deadlines WHERE letter_id = $1)",
            "UPDATE deadlines SET previous_id = NULL WHERE letter_id = $1",
            "DELETE FROM deadlines WHERE letter_id = $1",
            """
            DELETE FROM initiative_duplicates WHERE initiative_id IN (SELECT id FROM initiatives WHERE letter_id = $1)
               OR earlier_initiative_id IN (SELECT id FROM initiatives WHERE letter_id = $1)
            """,
            "DELETE FROM initiative_reviews WHERE initiative_id IN (SELECT id FROM initiatives WHERE letter_id = $1)",
            "DELETE FROM initiatives WHERE letter_id = $1",
            "UPDATE initiatives SET campaign_letter_id = NULL WHERE campaign_letter_id = $1",
        ] { try session.query(statement, [.int(id)]) }
        return row
    }

    /// The stale letter taken out altogether (its new content is another letter already stored).
    /// A queue job that named it keeps its row, without the letter (its key is set null on delete).
    func withdraw(sha256: String, office: String) throws {
        guard let row = try takeApart(sha256: sha256, office: office), let id = row.id else { return }
        for statement in [
            "UPDATE inbox_journal SET letter_id = NULL WHERE letter_id = $1",
            "DELETE FROM register_history WHERE letter_id = $1",
            "DELETE FROM letters WHERE id = $1",
        ] { try session.query(statement, [.int(id)]) }
    }

    /// Discards the letter a stale content gave (a queue job whose file's whole content turned out
    /// to be a letter stored already).
    public func withdrawStale(sha256: String) throws {
        let office = try writeOffice()
        try session.transaction { try withdraw(sha256: sha256, office: office) }
    }
}

/// A statement with its `$n` parameters, built up as conditions are added.
struct Statement {
    var sql = ""
    var arguments: [SQLValue] = []

    /// Adds a parameter; returns its placeholder.
    mutating func bind(_ value: SQLValue) -> String {
        arguments.append(value)
        return "$\(arguments.count)"
    }
}

/// The fingerprints of an office's queued reports, kept between stores (see Store's
/// InitiativeFingerprints: checked against the title and summary read now).
final class QueuedFingerprints: @unchecked Sendable {
    private struct Entry { var title: String?; var summary: String?; var fingerprint: InitiativeFingerprint }
    private var entries: [Int64: Entry] = [:]
    private let lock = NSLock()

    func fingerprint(id: Int64, title: String?, summary: String?) -> InitiativeFingerprint {
        lock.lock(); defer { lock.unlock() }
        if let e = entries[id], e.title == title, e.summary == summary { return e.fingerprint }
        let f = InitiativeFingerprint(Initiative(title: title, summary: summary))
        entries[id] = Entry(title: title, summary: summary, fingerprint: f)
        return f
    }
}
