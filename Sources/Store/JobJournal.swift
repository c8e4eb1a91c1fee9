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
    public func recordAlreadyStored(job: Int64, letterID: Int64, sha256: String) throws {
        try pool.write { db in
            try JobJournal.markStored(job: job, outcome: .alreadyStored(letterID: letterID), sha256: sha256, db: db)
        }
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
