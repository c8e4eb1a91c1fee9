import Foundation
import PostgresStore

/// Where a job stands. `done` means its letter (or the letter it duplicates) is committed;
/// `parked` that it failed too often and waits for a person (dropping the file again re-queues it).
public enum QueueJobState: String, Sendable, CaseIterable {
    case queued, running, done, parked
}

/// A job as a worker takes it: the file's bytes and the fencing token of this claim.
public struct ClaimedJob: Sendable {
    public var id: Int64
    public var office: String
    public var sha256: String
    public var fileName: String
    public var source: String
    public var archivePath: String?
    public var content: [UInt8]
    /// This claim's number: the heartbeat and the completion change the row only while it is still
    /// this one (another worker that took the job after the lease ran out has a higher one).
    public var claims: Int
    public var failures: Int
    public var lapses: Int
    /// The stale content whose letter this job's letter replaces (see QueueSchema's queue2), as
    /// it stood when claimed; `complete` reads it again under its lock.
    public var replaces: String?
}

/// A job as the clerk sees it (`vanthu jobs`).
public struct QueueJobSummary: Sendable {
    public var id: Int64
    public var office: String
    public var fileName: String
    public var source: String
    public var archivePath: String?
    public var byteCount: Int64
    public var state: QueueJobState
    public var failures: Int
    public var lapses: Int
    public var worker: String?
    public var enqueuedAt: Date
    public var finishedAt: Date?
    public var letterID: Int64?
    public var outcome: String?
    public var reasonVi: String?
    public var reasonEn: String?
    /// The clock of the server when it was read: whether a running job's lease has run out.
    public var leaseExpired: Bool
}

/// What became of an enqueue.
public enum EnqueueOutcome: Sendable, Equatable {
    /// A new job.
    case queued(id: Int64)
    /// The same content had been parked: queued again for a new try.
    case requeued(id: Int64)
    /// The same content is already queued, under way or done in this office: nothing added.
    case alreadyQueued(id: Int64, state: QueueJobState)
}

/// The lease a worker held was taken by another worker (it ran out): this worker's result is
/// dropped, the other one's counts.
public struct LeaseLost: Error, Sendable { public var job: Int64 }

/// The queue's statements, over one session. Every change is one statement or one transaction:
/// a process killed between two of them leaves the queue in a state the next claim understands.
public struct JobQueue: Sendable {
    public let session: PostgresSession

    public init(session: PostgresSession) { self.session = session }

    /// Opens the index at `url` and brings its schema (the store's and the queue's) up to date.
    public static func open(url: String) throws -> JobQueue {
        let session = try PostgresSession(url: url)
        try PostgresMigrator.migrate(session, QueueSchema.all)
        return JobQueue(session: session)
    }

    // MARK: The watcher's side

    /// Queues a file's bytes for its office, once per content: the same content queued again is
    /// not added (a parked one is queued again). Committed when this returns.
    ///
    /// The job waits for the file to be let go (`release`, just before the watcher moves it): a
    /// different content queued from the same `source` meanwhile is the same file grown (its copy
    /// had paused), and takes the place of the earlier one, as SQLite's inbox does: an earlier job
    /// not stored yet is superseded (nothing of it is stored), the letter of one stored already is
    /// replaced by this job's, keeping its số đến.
    public func enqueue(office: String, sha256: String, fileName: String, source: String, archivePath: String?,
                        content: [UInt8]) throws -> EnqueueOutcome {
        try session.transaction {
            // The file's earlier content, queued and not let go. Locked: a worker completing it
            // finishes first (its letter is then the one replaced), or finds it superseded.
            var stale: String?
            if let earlier = try session.query("""
                    SELECT id, sha256, state, outcome, replaces_sha256 FROM queue_jobs
                    WHERE office = $1 AND source = $2 AND awaiting_move AND sha256 <> $3
                    ORDER BY id DESC LIMIT 1 FOR UPDATE
                    """, [.text(office), .text(source), .text(sha256)]).first {
                let id: Int64 = try earlier("id")
                if try earlier("state", as: String.self) == QueueJobState.done.rawValue {
                    // Its letter, if it stored one (a content stored already is another file's letter;
                    // what it replaced, it replaced then).
                    if try earlier("outcome", as: String?.self) == "stored" { stale = try earlier("sha256", as: String.self) }
                    try session.query("UPDATE queue_jobs SET awaiting_move = false WHERE id = $1", [.int(id)])
                } else {
                    // Not stored: nothing of it will be; what it was to replace, this job replaces.
                    stale = try earlier("replaces_sha256", as: String?.self)
                    try session.query("""
                        UPDATE queue_jobs SET state = 'done', outcome = 'superseded', content = NULL, finished_at = now(),
                               lease_until = NULL, worker = NULL, awaiting_move = false
                        WHERE id = $1
                        """, [.int(id)])
                }
            }
            // The bytes travel as base64 text (decoded by the server) so the session binds text only.
            // The same content queued before: a parked one is queued again; one that must now
            // replace a stale letter is queued again too (done: its worker withdraws the stale one).
            let rows = try session.query("""
                INSERT INTO queue_jobs (office, sha256, file_name, source, archive_path, content, byte_count, awaiting_move,
                                        replaces_sha256)
                VALUES ($1, $2, $3, $4, $5, decode($6, 'base64'), $7, true, $8)
                ON CONFLICT (office, sha256) DO UPDATE
                  SET state = 'queued', failures = 0, lapses = 0, not_before = now(), worker = NULL, lease_until = NULL,
                      finished_at = NULL, file_name = excluded.file_name, source = excluded.source,
                      archive_path = excluded.archive_path, content = excluded.content, awaiting_move = true,
                      replaces_sha256 = coalesce(excluded.replaces_sha256, queue_jobs.replaces_sha256)
                  WHERE queue_jobs.state = 'parked' OR (excluded.replaces_sha256 IS NOT NULL AND queue_jobs.state = 'done')
                RETURNING id, (xmax = 0) AS inserted
                """, [.text(office), .text(sha256), .text(fileName), .text(source), .text(archivePath),
                      .text(Data(content).base64EncodedString()), .int(Int64(content.count)), .text(stale)])
            if let row = rows.first {
                let id: Int64 = try row("id")
                return try row("inserted", as: Bool.self) ? .queued(id: id) : .requeued(id: id)
            }
            // Queued or under way: it replaces the stale letter when its worker completes it.
            guard let row = try session.query("""
                    UPDATE queue_jobs SET awaiting_move = true, source = $3,
                           replaces_sha256 = coalesce($4, replaces_sha256)
                    WHERE office = $1 AND sha256 = $2 RETURNING id, state
                    """, [.text(office), .text(sha256), .text(source), .text(stale)]).first else {
                // Not visible to this login (another office's row under row-level security) cannot
                // happen for its own office: the insert would have succeeded.
                throw PostgresStoreError.noSuchOffice(office)
            }
            return .alreadyQueued(id: try row("id"), state: QueueJobState(rawValue: try row("state")) ?? .queued)
        }
    }

    /// The watcher lets the file go (it moves it to `.done/` next): a later content from the same
    /// place is a new file, not this one grown. `keep`: the file changed after all, just now:
    /// awaiting again.
    public func release(office: String, sha256: String, source: String, keep: Bool = false) throws {
        try session.query("UPDATE queue_jobs SET awaiting_move = $4 WHERE office = $1 AND sha256 = $2 AND source = $3",
                          [.text(office), .text(sha256), .text(source), .bool(keep)])
    }

    /// Where the watcher finally put the file, when it was not where the job first said.
    public func setArchivePath(job: Int64, _ path: String) throws {
        try session.query("UPDATE queue_jobs SET archive_path = $2 WHERE id = $1", [.int(job), .text(path)])
    }

    // MARK: The worker's side

    /// Takes the oldest job waiting (or whose lease ran out) that no other worker is taking, under a
    /// lease of `lease` seconds on the server's clock. Nil when there is none.
    public func claim(worker: String, lease: Double) throws -> ClaimedJob? {
        let rows = try session.query("""
            WITH next AS (
              SELECT id FROM queue_jobs
              WHERE state IN ('queued', 'running')
                AND ((state = 'queued' AND not_before <= now()) OR (state = 'running' AND lease_until < now()))
              ORDER BY id LIMIT 1
              FOR UPDATE SKIP LOCKED)
            UPDATE queue_jobs j
              SET state = 'running', claims = j.claims + 1,
                  lapses = j.lapses + CASE WHEN j.state = 'running' THEN 1 ELSE 0 END,
                  worker = $1, lease_until = now() + make_interval(secs => $2), started_at = now()
            FROM next WHERE j.id = next.id
            RETURNING j.id, j.office, j.sha256, j.file_name, j.source, j.archive_path,
                      encode(j.content, 'base64') AS content64, j.claims, j.failures, j.lapses, j.replaces_sha256
            """, [.text(worker), .double(lease)])
        guard let row = rows.first else { return nil }
        let content64: String? = try row("content64")
        return ClaimedJob(id: try row("id"), office: try row("office"), sha256: try row("sha256"),
                          fileName: try row("file_name"), source: try row("source"), archivePath: try row("archive_path"),
                          content: content64.flatMap { Data(base64Encoded: $0, options: .ignoreUnknownCharacters) }.map { [UInt8]($0) } ?? [],
                          claims: Int(try row("claims", as: Int32.self)), failures: Int(try row("failures", as: Int32.self)),
                          lapses: Int(try row("lapses", as: Int32.self)), replaces: try row("replaces_sha256"))
    }

    /// Parks the jobs whose lease ran out `maxLapses` times already (a file that kills the worker
    /// reading it, again and again), with the reason given; returns their ids.
    @discardableResult
    public func parkLapsed(maxLapses: Int, reason: (vi: String, en: String)) throws -> [Int64] {
        try session.query("""
            UPDATE queue_jobs SET state = 'parked', finished_at = now(), lease_until = NULL, worker = NULL,
                   lapses = lapses + 1, reason_vi = $2, reason_en = $3
            WHERE state = 'running' AND lease_until < now() AND lapses + 1 >= $1
            RETURNING id
            """, [.int(Int64(maxLapses)), .text(reason.vi), .text(reason.en)]).map { try $0("id") }
    }

    /// Extends the leases of the jobs still held under these claims; returns the ids no longer held.
    public func heartbeat(_ held: [(job: Int64, claims: Int)], lease: Double) throws -> [Int64] {
        var lost: [Int64] = []
        for h in held {
            let kept = try session.query("""
                UPDATE queue_jobs SET lease_until = now() + make_interval(secs => $3)
                WHERE id = $1 AND claims = $2 AND state = 'running' RETURNING id
                """, [.int(h.job), .int(Int64(h.claims)), .double(lease)])
            if kept.isEmpty { lost.append(h.job) }
        }
        return lost
    }

    /// Finishes a job in the transaction that stores its letter: `store` runs inside it (the
    /// store's statements join it) and says which letter the file is. The job row is locked first and
    /// must still be under this claim, else `LeaseLost` is thrown and nothing is committed: the
    /// worker that took it over stores the letter instead. A crash at any point leaves both or neither.
    /// `store` is given the stale content its letter replaces, as the row says now (a watcher may
    /// have set it since the claim).
    public func complete(_ job: ClaimedJob, store: (_ replacing: String?) throws -> (letterID: Int64, stored: Bool)) throws {
        try session.transaction {
            let current = try session.query("SELECT claims, state, replaces_sha256 FROM queue_jobs WHERE id = $1 FOR UPDATE",
                                            [.int(job.id)]).first
            guard let current, try current("state", as: String.self) == QueueJobState.running.rawValue,
                  Int(try current("claims", as: Int32.self)) == job.claims else { throw LeaseLost(job: job.id) }
            let letter = try store(try current("replaces_sha256", as: String?.self))
            try session.query("""
                UPDATE queue_jobs SET state = 'done', outcome = $2, letter_id = $3, content = NULL, finished_at = now(),
                       lease_until = NULL, reason_vi = NULL, reason_en = NULL
                WHERE id = $1
                """, [.int(job.id), .text(letter.stored ? "stored" : "already_stored"), .int(letter.letterID)])
        }
    }

    /// Records a failure of a job under this claim: queued again after `retryDelay` seconds (doubled
    /// each time), or parked once it failed `maxFailures` times. Returns the state it is left in (nil:
    /// the claim was no longer this worker's).
    @discardableResult
    public func fail(_ job: ClaimedJob, reason: (vi: String, en: String), maxFailures: Int, retryDelay: Double) throws -> QueueJobState? {
        let rows = try session.query("""
            UPDATE queue_jobs
              SET failures = failures + 1, reason_vi = $3, reason_en = $4, worker = NULL, lease_until = NULL,
                  state = CASE WHEN failures + 1 >= $5 THEN 'parked' ELSE 'queued' END,
                  finished_at = CASE WHEN failures + 1 >= $5 THEN now() END,
                  not_before = now() + make_interval(secs => $6 * power(2, failures))
            WHERE id = $1 AND claims = $2 AND state = 'running'
            RETURNING state
            """, [.int(job.id), .int(Int64(job.claims)), .text(reason.vi), .text(reason.en),
                  .int(Int64(maxFailures)), .double(retryDelay)])
        return try rows.first.flatMap { QueueJobState(rawValue: try $0("state")) }
    }

    // MARK: The clerk's side

    /// Jobs, newest first: all of them, or only the parked ones (`failedOnly`), or those of one office.
    public func jobs(failedOnly: Bool = false, office: String? = nil, limit: Int = 200) throws -> [QueueJobSummary] {
        try session.query("""
            SELECT id, office, file_name, source, archive_path, byte_count, state, failures, lapses, worker,
                   enqueued_at, finished_at, letter_id, outcome, reason_vi, reason_en,
                   coalesce(state = 'running' AND lease_until < now(), false) AS lease_expired
            FROM queue_jobs
            WHERE ($1 = false OR state = 'parked' OR (failures > 0 AND state <> 'done'))
              AND ($2::text IS NULL OR office = $2)
            ORDER BY id DESC LIMIT $3
            """, [.bool(failedOnly), .text(office), .int(Int64(limit))]).map { row in
            QueueJobSummary(id: try row("id"), office: try row("office"), fileName: try row("file_name"),
                            source: try row("source"), archivePath: try row("archive_path"),
                            byteCount: try row("byte_count"),
                            state: QueueJobState(rawValue: try row("state")) ?? .queued,
                            failures: Int(try row("failures", as: Int32.self)), lapses: Int(try row("lapses", as: Int32.self)),
                            worker: try row("worker"), enqueuedAt: try row("enqueued_at"), finishedAt: try row("finished_at"),
                            letterID: try row("letter_id"), outcome: try row("outcome"),
                            reasonVi: try row("reason_vi"), reasonEn: try row("reason_en"),
                            leaseExpired: try row("lease_expired"))
        }
    }

    /// How many jobs are in each state, per office.
    public func counts(office: String? = nil) throws -> [String: [QueueJobState: Int]] {
        var out: [String: [QueueJobState: Int]] = [:]
        for row in try session.query("""
            SELECT office, state, count(*) AS n FROM queue_jobs WHERE ($1::text IS NULL OR office = $1)
            GROUP BY office, state
            """, [.text(office)]) {
            if let state = QueueJobState(rawValue: try row("state")) {
                out[try row("office"), default: [:]][state] = Int(try row("n", as: Int64.self))
            }
        }
        return out
    }
}
