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
    public func beginJob(sourcePath: String, file: (device: Int64, inode: Int64, size: Int64, mtime: Double)? = nil) throws -> Int64 {
        try pool.write { db in
            var row = JobRow(sourcePath: sourcePath, state: .started, startedAt: Date())
            if let file { row.fileDevice = file.device; row.fileInode = file.inode; row.fileSize = file.size; row.fileMtime = file.mtime }
            try row.insert(db)
            return row.id!
        }
    }

    /// Ends a job in one transaction with the archive path of its letter's file, so a crash
    /// leaves either both or neither.
    public func finishJob(_ job: JobRow, archivePath: String?) throws {
        try pool.write { db in
            if let archivePath, let sha = job.sha256 {
                try OriginalFileRow.filter(OriginalFileRow.Columns.sha256 == sha)
                    .updateAll(db, OriginalFileRow.Columns.archivePath.set(to: archivePath))
            }
            try job.update(db)
        }
    }

    /// Jobs given up after failing again and again for the machine's reasons.
    public func parkedJobs() throws -> [JobRow] {
        try pool.read { db in
            try JobRow.filter(JobRow.Columns.state == JobRow.State.parked.rawValue).order(JobRow.Columns.id).fetchAll(db)
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
            try JobRow.filter(![JobRow.State.done.rawValue, JobRow.State.parked.rawValue].contains(JobRow.Columns.state))
                .order(JobRow.Columns.id).fetchAll(db)
        }
    }

    public func jobs() throws -> [JobRow] {
        try pool.read { db in try JobRow.order(JobRow.Columns.id).fetchAll(db) }
    }
}

extension LetterStore {
    /// The job's file turned out to be stored already (same content): nothing to store, only to move.
    /// `discarding`: what the file held when this job stored it before it changed (see `store`).
    public func recordAlreadyStored(job: Int64, letterID: Int64, sha256: String, discarding stale: String? = nil) throws {
        try pool.write { db in
            if let stale, stale != sha256 { try StaleLetters.withdraw(sha256: stale, db: db) }
            try JobJournal.markStored(job: job, outcome: .alreadyStored(letterID: letterID), sha256: sha256, db: db)
        }
    }
}

/// A letter stored from bytes its file no longer holds: the inbox read a file, stored it, and found
/// before moving it that it had changed (the copy went on). Only a letter that file alone gave is
/// touched; one that other files (or the clerk's paper entry) also hold keeps its row.
enum StaleLetters {
    /// Removes the stale content's file row and, when that was the letter's only file, everything
    /// derived from its text (deadlines, references, links, initiative entry, search entries); returns
    /// the bare letter row to fill again, or nil when there is none to reuse.
    static func takeApart(sha256: String, db: Database) throws -> LetterRow? {
        guard let file = try OriginalFileRow.filter(OriginalFileRow.Columns.sha256 == sha256).fetchOne(db),
              let row = try LetterRow.fetchOne(db, key: file.letterID) else { return nil }
        try file.delete(db)
        let id = file.letterID
        guard try OriginalFileRow.filter(OriginalFileRow.Columns.letterID == id).fetchCount(db) == 0, !row.paper,
              try Int.fetchOne(db, sql: "SELECT count(*) FROM register_history WHERE letter_id = ? AND action <> 'registered'",
                               arguments: [id]) == 0
        else { return nil }
        // The search entries of its text. A text whose diacritics were put back was indexed with
        // the words as they came after it (not kept): those stay under the row's id, where the new
        // content (the same file, grown) mostly holds the same words.
        try SearchIndex.remove(row, db: db)
        try db.execute(sql: """
            DELETE FROM letter_links WHERE citing_letter_id = :id OR cited_letter_id = :id
               OR reference_id IN (SELECT id FROM letter_references WHERE letter_id = :id);
            DELETE FROM letter_references WHERE letter_id = :id;
            UPDATE register_history SET deadline_id = NULL WHERE deadline_id IN (SELECT id FROM deadlines WHERE letter_id = :id);
            UPDATE deadlines SET previous_id = NULL WHERE letter_id = :id;
            DELETE FROM deadlines WHERE letter_id = :id;
            DELETE FROM initiative_duplicates WHERE initiative_id IN (SELECT id FROM initiatives WHERE letter_id = :id)
               OR earlier_initiative_id IN (SELECT id FROM initiatives WHERE letter_id = :id);
            DELETE FROM initiative_reviews WHERE initiative_id IN (SELECT id FROM initiatives WHERE letter_id = :id);
            DELETE FROM initiatives WHERE letter_id = :id;
            UPDATE initiatives SET campaign_letter_id = NULL WHERE campaign_letter_id = :id;
            """, arguments: ["id": id])
        return row
    }

    /// The stale letter taken out altogether (its new content is another letter already stored).
    static func withdraw(sha256: String, db: Database) throws {
        guard let row = try takeApart(sha256: sha256, db: db), let id = row.id else { return }
        try db.execute(sql: """
            UPDATE jobs SET letter_id = NULL WHERE letter_id = :id;
            DELETE FROM register_history WHERE letter_id = :id;
            DELETE FROM letters WHERE id = :id;
            """, arguments: ["id": id])
    }
}

/// Errors of the index that come from the machine, not from the letter: a full disk, a busy or
/// locked database, an I/O error. Worth trying again later; never a reason to quarantine a file.
public enum StoreFailure {
    public static func isTransient(_ error: Error) -> Bool {
        guard let e = error as? DatabaseError else { return false }
        switch e.resultCode {
        case .SQLITE_FULL, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_NOMEM, .SQLITE_PROTOCOL:
            return true
        default:
            return false
        }
    }
}
