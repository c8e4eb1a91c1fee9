import Foundation
import Extract
import Store

/// The council's review queue on PostgreSQL (Store's InitiativeQueue.swift): reports queued in
/// the transaction that stores them, compared with the earlier reports of their office. The
/// provincial role reads every office's queue and records decisions on it.
extension PostgresLetterStore {
    func initiativeStored(_ letter: LetterRow, record: LetterRecord, office: String) throws {
        if let initiative = record.initiative {
            try enqueue(letterID: letter.id!, initiative: initiative, checks: record.warnings.compactMap(\.reviewCheck), office: office)
        } else if letter.callsForInitiatives == true {
            try session.query("""
                UPDATE initiatives SET campaign_letter_id = $1
                WHERE office = $3 AND (campaign_letter_id IS NULL
                   OR (status = 'submitted' AND $2::text IS NOT NULL
                       AND coalesce((SELECT date FROM letters WHERE id = campaign_letter_id), '') < $2::text))
                """, [.int(letter.id!), .of(letter.date), .text(office)])
        }
    }

    func enqueue(letterID: Int64, initiative: Initiative, checks: [ReviewCheck], office: String) throws {
        var row = try InitiativeRow(letterID: letterID, initiative: initiative, checks: checks, submittedAt: Date())
        row.campaignLetterID = try session.scalar("""
            SELECT id FROM letters WHERE office = $1 AND calls_for_initiatives AND id != $2
            ORDER BY date DESC NULLS LAST, id DESC LIMIT 1
            """, [.text(office), .int(letterID)], as: Int64.self)
        let earlier = try session.query("SELECT id, title, summary FROM initiatives WHERE office = $1 ORDER BY id", [.text(office)])
            .map { r -> (Int64, InitiativeFingerprint) in
                let id: Int64 = try r("id")
                return (id, fingerprints.fingerprint(id: id, title: try r("title"), summary: try r("summary")))
            }
        let id = try session.scalar("""
            INSERT INTO initiatives (office, letter_id, title, summary, authors_json, shares_json, first_applied, checks_json,
              status, campaign_letter_id, submitted_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
            """, [.text(office), .int(letterID), .of(row.title), .of(row.summary), .text(row.authorsJSON), .text(row.sharesJSON),
                  .of(row.firstApplied), .text(row.checksJSON), .text(row.status.rawValue), .of(row.campaignLetterID),
                  .time(row.submittedAt)], as: Int64.self)!
        let fingerprint = row.fingerprint
        let close = earlier.compactMap { other -> (Int64, Double)? in
            let similarity = InitiativeSimilarity.compare(fingerprint, other.1)
            return similarity >= InitiativeSimilarity.nearDuplicateThreshold ? (other.0, similarity) : nil
        }.sorted { $0.1 > $1.1 }.prefix(InitiativeQueue.maxDuplicatesShown)
        for (otherID, similarity) in close {
            try session.query("""
                INSERT INTO initiative_duplicates (office, initiative_id, earlier_initiative_id, similarity) VALUES ($1, $2, $3, $4)
                """, [.text(office), .int(id), .int(otherID), .double(similarity)])
        }
    }

    func entry(_ row: InitiativeRow) throws -> InitiativeEntry {
        let id = row.id!
        var duplicates = try session.query("""
            SELECT CASE WHEN p.initiative_id = $1 THEN p.earlier_initiative_id ELSE p.initiative_id END AS other,
                   o.title, p.similarity
            FROM initiative_duplicates p
            JOIN initiatives o ON o.id = CASE WHEN p.initiative_id = $1 THEN p.earlier_initiative_id ELSE p.initiative_id END
            WHERE p.initiative_id = $1 OR p.earlier_initiative_id = $1
            """, [.int(id)]).map { r in
            InitiativeEntry.Duplicate(otherID: try r("other"), otherTitle: try r("title"), similarity: try r("similarity"))
        }
        duplicates.sort { $0.otherID < $1.otherID }
        let campaign = try row.campaignLetterID.flatMap {
            try session.scalar("SELECT number_text FROM letters WHERE id = $1", [.int($0)], as: String.self)
        }
        let reviews = try session.query("SELECT * FROM initiative_reviews WHERE initiative_id = $1 ORDER BY id", [.int(id)])
            .map(PostgresRows.review)
        return InitiativeEntry(row: row, authors: try row.authors(), duplicates: duplicates, campaignNumber: campaign,
                               reviews: reviews)
    }

    public func initiatives(status: InitiativeRow.Status? = nil) throws -> [InitiativeEntry] {
        try session.transaction {
            var q = Statement()
            q.sql = "SELECT * FROM initiatives WHERE true"
            if let status { q.sql += " AND status = \(q.bind(.text(status.rawValue)))" }
            let officeCondition = scope("", &q)
            q.sql += officeCondition + " ORDER BY id"
            return try session.query(q.sql, q.arguments).map(PostgresRows.initiative).map(entry)
        }
    }

    public func initiative(id: Int64) throws -> InitiativeEntry? {
        try session.transaction {
            var q = Statement(arguments: [.int(id)])
            let officeCondition = scope("", &q)
            q.sql = "SELECT * FROM initiatives WHERE id = $1" + officeCondition
            return try session.query(q.sql, q.arguments).first.map(PostgresRows.initiative).map(entry)
        }
    }

    @discardableResult
    public func review(initiative id: Int64, decision: InitiativeDecision, score: Double? = nil, note: String? = nil,
                       reviewer: String, at time: Date = Date()) throws -> InitiativeEntry {
        try session.transaction {
            var q = Statement(arguments: [.int(id)])
            let officeCondition = scope("", &q)
            q.sql = "SELECT * FROM initiatives WHERE id = $1" + officeCondition + " FOR UPDATE"
            guard let found = try session.query(q.sql, q.arguments).first else { throw StoreError.noSuchInitiative(id) }
            var row = try PostgresRows.initiative(found)
            let office: String = try found("office")
            func step(_ from: InitiativeRow.Status, _ to: InitiativeRow.Status, score: Double?, note: String?) throws {
                try session.query("""
                    INSERT INTO initiative_reviews (office, initiative_id, from_status, to_status, score, note, reviewer, decided_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    """, [.text(office), .int(id), .text(from.rawValue), .text(to.rawValue), .of(score), .of(note),
                          .text(reviewer), .time(time)])
            }
            if row.status == .submitted {
                try step(.submitted, .underReview, score: nil, note: nil)
                row.status = .underReview
            }
            try step(row.status, decision.status, score: score, note: note)
            row.status = decision.status
            if let score { row.score = score }
            if let note { row.note = note }
            row.reviewer = reviewer
            row.decidedAt = time
            try session.query("""
                UPDATE initiatives SET status = $2, score = $3, note = $4, reviewer = $5, decided_at = $6 WHERE id = $1
                """, [.int(id), .text(row.status.rawValue), .of(row.score), .of(row.note), .of(row.reviewer), .time(row.decidedAt)])
            return try entry(row)
        }
    }
}
