import Foundation
import GRDB
import Extract

/// Part of migration v2: an index filled before the queue existed already holds initiative
/// reports; they enter the queue in the order they were stored, compared with each other and
/// linked to a campaign letter as if they had been stored now.
///
/// Written in plain SQL against the v2 columns, not through InitiativeRow, so that a later
/// migration adding a column cannot break this one.
enum InitiativeBackfill {
    static func queueStoredReports(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, record_json FROM letters WHERE record_json LIKE '%"initiative":{%' ORDER BY id
            """)
        var queued: [(id: Int64, fingerprint: InitiativeFingerprint)] = []
        let encoder = JSONEncoder.compactRecord
        for row in rows {
            let letterID: Int64 = row["id"]
            let json: String = row["record_json"]
            guard let record = try? JSONDecoder().decode(LetterRecord.self, from: Data(json.utf8)),
                  let initiative = record.initiative else { continue }
            let checks = record.warnings.filter { $0.hasPrefix("initiative:") }
            let campaign = try InitiativeQueue.campaignLetter(excluding: letterID, db: db)
            try db.execute(sql: """
                INSERT INTO initiatives (letter_id, title, summary, authors_json, shares_json, first_applied,
                                         checks_json, status, campaign_letter_id, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)
                """, arguments: [letterID, initiative.title, initiative.summary,
                                 String(decoding: try encoder.encode(initiative.authors), as: UTF8.self),
                                 String(decoding: try encoder.encode(initiative.authors.map(\.share)), as: UTF8.self),
                                 initiative.firstApplied,
                                 String(decoding: try encoder.encode(checks), as: UTF8.self), campaign, Date()])
            let id = db.lastInsertedRowID
            let fingerprint = InitiativeFingerprint(initiative)
            for earlier in queued {
                let similarity = InitiativeSimilarity.compare(fingerprint, earlier.fingerprint)
                guard similarity >= InitiativeSimilarity.nearDuplicateThreshold else { continue }
                try db.execute(sql: """
                    INSERT INTO initiative_duplicates (initiative_id, earlier_initiative_id, similarity) VALUES (?, ?, ?)
                    """, arguments: [id, earlier.id, similarity])
            }
            queued.append((id, fingerprint))
        }
    }
}
