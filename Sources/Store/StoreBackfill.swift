import Foundation
import GRDB
import Extract

/// Work an index made by an earlier version needs after its schema is migrated, which needs
/// application code (decoding records, comparing reports) and so cannot be a migration: GRDB's
/// migrations hold SQL only, so that a later change of the code cannot change an old migration.
///
/// Each step is named and resumable: it works on the rows it has not yet marked, a batch per
/// transaction, so an interrupted run goes on where it stopped the next time the index opens.
enum StoreBackfill {
    /// Rows per transaction: short enough that readers and the watcher are not held up.
    static let batch = 200

    static func run(_ pool: DatabasePool, fingerprints: InitiativeFingerprints) throws {
        while try pool.write({ db in try flagLetters(db, fingerprints: fingerprints) }) > 0 {}
    }

    /// "letter flags": letters stored before v3 get `is_initiative` and `calls_for_initiatives`
    /// from their records; the reports among them enter the council's queue in the order they
    /// were stored, as if stored now. Returns how many rows it did.
    static func flagLetters(_ db: Database, fingerprints: InitiativeFingerprints) throws -> Int {
        let rows = try LetterRow.fetchAll(db, sql: """
            SELECT * FROM letters WHERE is_initiative IS NULL ORDER BY id LIMIT ?
            """, arguments: [batch])
        for var row in rows {
            let record = try row.record()
            row.isInitiative = record.initiative != nil
            row.callsForInitiatives = InitiativeCampaign.calls(record, text: row.fullText)
            try row.update(db, columns: ["is_initiative", "calls_for_initiatives"])
            let queued = try Bool.fetchOne(db, sql: "SELECT 1 FROM initiatives WHERE letter_id = ?", arguments: [row.id]) ?? false
            if !queued { try InitiativeQueue.letterStored(row, record: record, fingerprints: fingerprints, db: db) }
        }
        return rows.count
    }
}
