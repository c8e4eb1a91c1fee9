import Foundation
import GRDB

/// The watched inbox's journal: a job row is written before a file is touched and advanced after
/// each step, so a restart after a crash finishes what was under way without losing or
/// duplicating anything.
enum JobJournal {
    static func markStored(job: Int64, outcome: StoreOutcome, sha256: String, db: Database) throws {
        guard var row = try JobRow.fetchOne(db, key: job) else { return }
        row.state = .stored
        row.sha256 = sha256
        row.letterID = outcome.letterID
        if case .alreadyStored = outcome { row.outcome = .alreadyStored } else { row.outcome = .stored }
        try row.update(db)
    }
}

extension LetterStore {
    /// Writes the job row for a file about to be processed; returns its id.
    public func beginJob(sourcePath: String) throws -> Int64 {
        try pool.write { db in
            var row = JobRow(sourcePath: sourcePath, state: .started, startedAt: Date())
            try row.insert(db)
            return row.id!
        }
    }

    /// Saves a job's new state (and whatever else the caller changed in the row).
    public func updateJob(_ job: JobRow) throws {
        try pool.write { db in try job.update(db) }
    }

    public func job(id: Int64) throws -> JobRow? {
        try pool.read { db in try JobRow.fetchOne(db, key: id) }
    }

    /// Jobs a previous run left unfinished, oldest first.
    public func unfinishedJobs() throws -> [JobRow] {
        try pool.read { db in
            try JobRow.filter(JobRow.Columns.state != JobRow.State.done.rawValue).order(JobRow.Columns.id).fetchAll(db)
        }
    }

    public func jobs() throws -> [JobRow] {
        try pool.read { db in try JobRow.order(JobRow.Columns.id).fetchAll(db) }
    }
}

extension LetterStore {
    /// The job's file turned out to be stored already (same content): nothing to store, only to move.
    public func recordAlreadyStored(job: Int64, letterID: Int64, sha256: String) throws {
        try pool.write { db in
            try JobJournal.markStored(job: job, outcome: .alreadyStored(letterID: letterID), sha256: sha256, db: db)
        }
    }
}
