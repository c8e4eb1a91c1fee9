import PostgresStore

/// The province's job queue in PostgreSQL (issue 14): one row per file content per office, written
/// by the office's watcher (`vanthu watch --office`) with the file's bytes, taken by any
/// `vanthu worker` with `SELECT … FOR UPDATE SKIP LOCKED` under a lease, finished in the same
/// transaction as its letter. Appended after the store's own steps:
/// `PostgresSchema.migrations + QueueSchema.migrations`.
///
/// Why the bytes travel in the row: the workers run on other machines than the offices' scanners,
/// and a path every worker can read would need a share mounted everywhere, with its own faults.
/// The bytes are dropped (`content` set to NULL) when the job is done; the original stays in the
/// office's `.done/` folder.
///
/// Roles: the offices' clerks (`vanthu_clerk`, through their office role) queue and see only their
/// own office's jobs; `vanthu_worker` takes every office's jobs and stores every office's letters;
/// `vanthu_province` reads the whole queue.
public enum QueueSchema {
    public static let workerRole = "vanthu_worker"

    public static let migrations: [PostgresMigration] = [
        PostgresMigration("queue1: the shared job queue, the worker role", sql: v1),
        PostgresMigration("queue2: a file whose copy went on after its bytes were queued replaces its stale letter", sql: v2),
    ]

    /// Every migration an index with a queue has, in order.
    public static var all: [PostgresMigration] { PostgresSchema.migrations + migrations }

    static var v1: String {
        var sql = """
            CREATE TABLE queue_jobs (
              id bigserial PRIMARY KEY,
              office text NOT NULL REFERENCES offices(code),
              sha256 text NOT NULL,
              file_name text NOT NULL,
              -- Where the watcher found it and where it put it (host:path), for the clerk and the letter.
              source text NOT NULL,
              archive_path text,
              content bytea,
              byte_count bigint NOT NULL,
              state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'parked')),
              -- Each claim bumps it: the fencing token a worker's heartbeat and completion must match,
              -- so a worker whose lease ran out (and whose job another took) changes nothing.
              claims integer NOT NULL DEFAULT 0,
              -- Failures the worker reported (the file could not be read or stored), and leases that
              -- ran out (the worker was killed or lost the server): counted apart, parked apart.
              failures integer NOT NULL DEFAULT 0,
              lapses integer NOT NULL DEFAULT 0,
              worker text,
              -- The server's clock decides, never a worker's: machines need not agree on the time.
              lease_until timestamptz,
              not_before timestamptz NOT NULL DEFAULT now(),
              enqueued_at timestamptz NOT NULL DEFAULT now(),
              started_at timestamptz,
              finished_at timestamptz,
              letter_id bigint REFERENCES letters(id),
              outcome text CHECK (outcome IN ('stored', 'already_stored')),
              -- The last failure, rendered from its typed value in both languages when it happened
              -- (the worker's IngestFailure), for `vanthu jobs` in the clerk's language.
              reason_vi text,
              reason_en text,
              UNIQUE (office, sha256));
            -- What a worker looks through: only the jobs not finished.
            CREATE INDEX queue_jobs_waiting ON queue_jobs (id) WHERE state IN ('queued', 'running');
            CREATE INDEX queue_jobs_by_office_state ON queue_jobs (office, state, id);

            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(workerRole)') THEN
                CREATE ROLE \(workerRole) NOLOGIN;
              END IF;
            END $$;
            GRANT SELECT ON offices, schema_migrations TO \(workerRole);
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(workerRole);
            GRANT USAGE ON SEQUENCE queue_jobs_id_seq TO \(PostgresSchema.clerkRole);
            GRANT SELECT, INSERT, UPDATE ON queue_jobs TO \(workerRole), \(PostgresSchema.clerkRole);
            GRANT SELECT ON queue_jobs TO \(PostgresSchema.provinceRole);
            GRANT SELECT, INSERT, UPDATE ON \(PostgresSchema.officeTables.joined(separator: ", ")) TO \(workerRole);

            ALTER TABLE queue_jobs ENABLE ROW LEVEL SECURITY;
            -- A clerk's login sees the jobs of the offices whose role it holds, and queues only for them.
            CREATE POLICY office_jobs ON queue_jobs TO \(PostgresSchema.clerkRole)
              USING (office IN (SELECT code FROM offices WHERE pg_has_role(role, 'MEMBER')))
              WITH CHECK (office IN (SELECT code FROM offices WHERE pg_has_role(role, 'MEMBER')));
            CREATE POLICY province_reads ON queue_jobs FOR SELECT TO \(PostgresSchema.provinceRole) USING (true);
            CREATE POLICY worker_all ON queue_jobs TO \(workerRole) USING (true) WITH CHECK (true);

            """
        for t in PostgresSchema.officeTables {
            sql += "CREATE POLICY worker_all ON \(t) TO \(workerRole) USING (true) WITH CHECK (true);\n"
        }
        return sql
    }

    /// As SQLite's inbox journal: the watcher queued a file's bytes, then saw it change before it
    /// could move it (the copy had paused, then went on). The job of its later, whole content
    /// replaces what the earlier one gave, keeping its số đến.
    /// - `awaiting_move`: the watcher has queued this file's bytes and not yet let it go (it
    ///   clears the flag just before moving the file to `.done/`); the next content queued from
    ///   the same place in the office while it is set is that file's continuation.
    /// - `replaces_sha256`: the stale content whose letter this job's letter replaces (or, its
    ///   content being a letter already, withdraws).
    /// - outcome `superseded`: a job whose file went on before any worker stored it; nothing of
    ///   it is stored (its later job is the letter).
    /// - the worker deletes a stale letter's rows: DELETE for its role (its policies cover every
    ///   command already); an office's clerks still delete nothing.
    static var v2: String {
        """
        ALTER TABLE queue_jobs ADD COLUMN awaiting_move boolean NOT NULL DEFAULT false;
        ALTER TABLE queue_jobs ADD COLUMN replaces_sha256 text;
        CREATE INDEX queue_jobs_awaiting_move ON queue_jobs (office, source, id) WHERE awaiting_move;
        ALTER TABLE queue_jobs DROP CONSTRAINT queue_jobs_outcome_check;
        ALTER TABLE queue_jobs ADD CONSTRAINT queue_jobs_outcome_check CHECK (outcome IN ('stored', 'already_stored', 'superseded'));
        ALTER TABLE queue_jobs DROP CONSTRAINT queue_jobs_letter_id_fkey;
        ALTER TABLE queue_jobs ADD CONSTRAINT queue_jobs_letter_id_fkey FOREIGN KEY (letter_id) REFERENCES letters(id) ON DELETE SET NULL;
        GRANT DELETE ON letters, original_files, deadlines, letter_references, letter_links, register_history, initiatives,
          initiative_reviews, initiative_duplicates TO \(workerRole);
        """
    }
}
