import Foundation
import Extract
import Store

/// Many letters into one office in a few statements, for a first load (the province bench; an
/// office's existing letters brought over): `store` costs about ten round trips a letter (its
/// lock, its duplicate check, its counter, its rows one by one), which makes a million letters an
/// hour; here a batch of letters is five statements whatever its size.
///
/// The rows are the ones `store` writes, made by the same code: `LetterRow(record:)` and
/// `arrive` for the letter and its số đến, `PostgresSearch.parts` and `.vector` for the two
/// search vectors (computed by the server from the same texts with the same SQL), the same
/// deadline and file rows (Tests/StoreTests/BulkLoadTests compares them column by column).
/// Only the plain case is done in bulk: a batch with a letter that cites others or is an
/// initiative, or an office that holds citations, typed paper entries a scan could join or
/// initiatives, goes through `store`'s own path, letter by letter, in the same transaction.
extension PostgresLetterStore {
    @discardableResult
    public func bulkStore(_ letters: [NewLetter]) throws -> [StoreOutcome] {
        let office = try writeOffice(), day = arrivalDay()
        return try session.transaction {
            // Whoever else stores in this office waits (its counter rows are taken below anyway).
            try session.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [.text("bulk\u{1F}" + office)])
            // What `store` would look for and find nothing of: citations to link, paper entries to
            // join, initiatives a letter calling for them would become the campaign of.
            let bare = try session.scalar("""
                SELECT NOT EXISTS (SELECT 1 FROM letter_references WHERE office = $1)
                   AND NOT EXISTS (SELECT 1 FROM letters WHERE office = $1 AND paper)
                   AND NOT EXISTS (SELECT 1 FROM initiatives WHERE office = $1)
                """, [.text(office)], as: Bool.self) ?? false
            let now = Date()
            let rows = try letters.map { try LetterRow(record: $0.record, fullText: $0.fullText, storedAt: now) }
            let plain = bare && letters.allSatisfy { $0.record.references.isEmpty && $0.record.initiative == nil }
            guard plain else { return try letters.map { try insert($0, office: office, arrival: day) } }

            // Contents the office holds already, and a content twice in the batch: stored once.
            let held = try session.query("SELECT sha256, letter_id FROM original_files WHERE office = $1 AND sha256 = ANY($2)",
                                         [.text(office), .texts(letters.map(\.file.sha256))])
                .reduce(into: [String: Int64]()) { $0[try $1("sha256", as: String.self)] = try $1("letter_id", as: Int64.self) }
            var first: [String: Int] = [:]
            var fresh: [Int] = []
            for (i, l) in letters.enumerated() where held[l.file.sha256] == nil && first[l.file.sha256] == nil {
                first[l.file.sha256] = i
                fresh.append(i)
            }
            let ids = try session.query("SELECT nextval('letters_id_seq') AS id FROM generate_series(1, $1) ORDER BY 1",
                                        [.of(fresh.count)]).map { try $0("id", as: Int64.self) }

            // The office's counters, locked as `nextArrivalNumber` locks them, advanced here.
            var counters: [Int: Int] = [:]
            func next(_ year: Int) throws -> Int {
                if counters[year] == nil {
                    counters[year] = try session.scalar("""
                        INSERT INTO arrival_counters (office, year, last_number) VALUES ($1, $2, 0)
                        ON CONFLICT (office, year) DO UPDATE SET last_number = arrival_counters.last_number
                        RETURNING last_number
                        """, [.text(office), .of(year)], as: Int.self)!
                }
                counters[year]! += 1
                return counters[year]!
            }
            var letterRows: [BulkLetter] = [], fileRows: [BulkFile] = [], deadlineRows: [BulkDeadline] = []
            for (n, i) in fresh.enumerated() {
                let letter = letters[i], record = letter.record
                var row = rows[i]
                try row.arrive(stamp: record.receivedDate, storedOn: day, next: next)
                row.id = ids[n]
                letterRows.append(BulkLetter(row, originalText: letter.originalText))
                fileRows.append(BulkFile(letter_id: ids[n], sha256: letter.file.sha256, byte_count: letter.file.byteCount,
                                         original_path: letter.file.originalPath, archive_path: letter.file.archivePath))
                for (position, d) in record.deadlines.enumerated() {
                    deadlineRows.append(BulkDeadline(letter_id: ids[n], due: d.due, precision: d.precision.rawValue,
                                                     recurrence: d.recurrence?.rawValue, clause: d.text, unit: row.unit,
                                                     person: row.person, position: position))
                }
            }
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .custom { date, e in
                var c = e.singleValueContainer()
                try c.encode(String(format: "%.6f", date.timeIntervalSince1970))
            }
            func json<T: Encodable>(_ rows: [T]) throws -> SQLValue { .text(String(decoding: try encoder.encode(rows), as: UTF8.self)) }
            if !letterRows.isEmpty {
                let folded = PostgresSearch.vector { "u.f\($0)" }, written = PostgresSearch.vector { "u.w\($0)" }
                try session.query("""
                    INSERT INTO letters (id, office, record_json, number_text, number_key, seq, symbol, issuer, date, kind, subject,
                      full_text, stored_at, is_initiative, calls_for_initiatives, arrival_year, arrival_number, arrival_date,
                      unit, person, register_note, paper, search_folded, search_written)
                    SELECT u.id, $1, u.record_json, u.number_text, u.number_key, u.seq, u.symbol, u.issuer, u.date, u.kind, u.subject,
                      u.full_text, to_timestamp(u.stored_at::double precision), u.is_initiative, u.calls_for_initiatives,
                      u.arrival_year, u.arrival_number, u.arrival_date, u.unit, u.person, u.register_note, u.paper,
                      \(folded), \(written)
                    FROM json_to_recordset($2::json) AS u(id bigint, record_json text, number_text text, number_key text,
                      seq integer, symbol text, issuer text, date text, kind text, subject text, full_text text, stored_at text,
                      is_initiative boolean, calls_for_initiatives boolean, arrival_year integer, arrival_number integer,
                      arrival_date text, unit text, person text, register_note text, paper boolean,
                      f0 text, f1 text, f2 text, f3 text, w0 text, w1 text, w2 text, w3 text)
                    """, [.text(office), try json(letterRows)])
                try session.query("""
                    INSERT INTO original_files (office, letter_id, sha256, byte_count, original_path, archive_path)
                    SELECT $1, u.letter_id, u.sha256, u.byte_count, u.original_path, u.archive_path
                    FROM json_to_recordset($2::json) AS u(letter_id bigint, sha256 text, byte_count bigint, original_path text,
                      archive_path text)
                    """, [.text(office), try json(fileRows)])
            }
            if !deadlineRows.isEmpty {
                // In the array's order, the order `store` inserts them in (letter by letter, then by position).
                try session.query("""
                    INSERT INTO deadlines (office, letter_id, due, precision, recurrence, clause, status, unit, person, position)
                    SELECT $1, u.letter_id, u.due, u.precision, u.recurrence, u.clause, 'open', u.unit, u.person, u.position
                    FROM json_to_recordset($2::json) AS u(letter_id bigint, due text, precision text,
                      recurrence text, clause text, unit text, person text, position integer)
                    """, [.text(office), try json(deadlineRows)])
            }
            for (year, last) in counters {
                try session.query("UPDATE arrival_counters SET last_number = $3 WHERE office = $1 AND year = $2",
                                  [.text(office), .of(year), .of(last)])
            }
            var outcomes: [StoreOutcome] = []
            var stored: [String: Int64] = [:]
            for (n, i) in fresh.enumerated() { stored[letters[i].file.sha256] = ids[n] }
            for (i, l) in letters.enumerated() {
                if let id = held[l.file.sha256] { outcomes.append(.alreadyStored(letterID: id)) }
                else if first[l.file.sha256] == i { outcomes.append(.stored(letterID: stored[l.file.sha256]!)) }
                else { outcomes.append(.alreadyStored(letterID: stored[l.file.sha256]!)) }
            }
            return outcomes
        }
    }
}

/// A letter row as the bulk insert sends it (JSON, snake_case as the columns).
private struct BulkLetter: Encodable {
    var id: Int64?, record_json: String, number_text: String?, number_key: String?, seq: Int?, symbol: String?
    var issuer: String?, date: String?, kind: String, subject: String?, full_text: String, stored_at: Date
    var is_initiative: Bool?, calls_for_initiatives: Bool?, arrival_year: Int?, arrival_number: Int?, arrival_date: String?
    var unit: String?, person: String?, register_note: String?, paper: Bool
    var f0: String, f1: String, f2: String, f3: String, w0: String, w1: String, w2: String, w3: String

    init(_ r: LetterRow, originalText: String?) {
        id = r.id; record_json = r.recordJSON; number_text = r.numberText; number_key = r.numberText.map(LetterNumberKey.key)
        seq = r.seq; symbol = r.symbol; issuer = r.issuer; date = r.date; kind = r.kind; subject = r.subject
        full_text = r.fullText; stored_at = r.storedAt; is_initiative = r.isInitiative
        calls_for_initiatives = r.callsForInitiatives; arrival_year = r.arrivalYear; arrival_number = r.arrivalNumber
        arrival_date = r.arrivalDate; unit = r.unit; person = r.person; register_note = r.registerNote; paper = r.paper
        let p = PostgresSearch.parts(r, originalText: originalText)
        (f0, f1, f2, f3) = (p.folded[0], p.folded[1], p.folded[2], p.folded[3])
        (w0, w1, w2, w3) = (p.written[0], p.written[1], p.written[2], p.written[3])
    }
}

private struct BulkFile: Encodable {
    var letter_id: Int64, sha256: String, byte_count: Int, original_path: String, archive_path: String?
}

private struct BulkDeadline: Encodable {
    var letter_id: Int64, due: String, precision: String, recurrence: String?, clause: String
    var unit: String?, person: String?, position: Int
}
