import Foundation
import GRDB

/// The schema, grown only through named, ordered migrations: a database made by any earlier
/// version opens and is brought up to date.
enum StoreMigrations {
    /// Opens the index and brings its schema up to date while other processes may be opening it at
    /// the same moment (a `watch` starting as the clerk types `search`). Two races end in an error
    /// that only says someone else got there first:
    /// - SQLite gives no busy wait to the switch of a new file to WAL (`database is locked`);
    /// - GRDB's migrator reads which migrations are applied before it takes the write lock, so
    ///   two openers may run the same migration, and the second fails (`table already exists`)
    ///   once the first has committed it.
    /// Each migration is one transaction, so the loser has changed nothing: it opens again and
    /// migrates from what is applied now. An error with nobody else moving the schema is thrown.
    static func openMigrated(path: String, configuration: Configuration, attempts: Int = 20) throws -> DatabasePool {
        let migrator = self.migrator
        var attempt = 0
        while true {
            attempt += 1
            var opened: DatabasePool?
            var appliedBefore: Set<String> = []
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                opened = pool
                appliedBefore = try pool.read { try migrator.appliedIdentifiers($0) }
                try migrator.migrate(pool)
                return pool
            } catch {
                let anotherOpener: Bool
                if let opened {
                    let appliedNow = try? opened.read { try migrator.appliedIdentifiers($0) }
                    anotherOpener = appliedNow.map { $0 != appliedBefore } ?? false
                } else {
                    anotherOpener = (error as? DatabaseError)?.resultCode == .SQLITE_BUSY
                }
                guard anotherOpener, attempt < attempts else { throw error }
                usleep(UInt32.random(in: 10_000...60_000))
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()

        m.registerMigration("v1: letters, files, deadlines, references, links, jobs") { db in
            try db.create(table: "letters") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("record_json", .text).notNull()
                t.column("number_text", .text)
                t.column("seq", .integer)
                t.column("symbol", .text)
                t.column("issuer", .text)
                t.column("date", .text)
                t.column("kind", .text).notNull()
                t.column("subject", .text)
                t.column("full_text", .text).notNull()
                t.column("stored_at", .datetime).notNull()
            }
            try db.create(index: "letters_by_number", on: "letters", columns: ["number_text"])

            try db.create(table: "original_files") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("letter_id", .integer).notNull().references("letters").indexed()
                t.column("sha256", .text).notNull().unique()
                t.column("byte_count", .integer).notNull()
                t.column("original_path", .text).notNull()
                t.column("archive_path", .text)
            }

            try db.create(table: "deadlines") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("letter_id", .integer).notNull().references("letters").indexed()
                t.column("due", .text).notNull()
                t.column("precision", .text).notNull()
                t.column("recurrence", .text)
                t.column("clause", .text).notNull()
                t.column("status", .text).notNull().defaults(to: "open")
                t.column("closed_by", .text)
                t.column("closed_at", .datetime)
                t.column("note", .text)
                t.column("previous_id", .integer).references("deadlines")
            }
            try db.create(index: "deadlines_by_status_due", on: "deadlines", columns: ["status", "due"])
            try db.create(index: "deadlines_by_due", on: "deadlines", columns: ["due"])
            try db.create(index: "deadlines_by_previous", on: "deadlines", columns: ["previous_id"])

            try db.create(table: "letter_references") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("letter_id", .integer).notNull().references("letters").indexed()
                t.column("kind", .text).notNull()
                t.column("number", .text).notNull().indexed()
                t.column("date", .text)
            }

            try db.create(table: "letter_links") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("citing_letter_id", .integer).notNull().references("letters")
                t.column("cited_letter_id", .integer).notNull().references("letters").indexed()
                t.column("reference_id", .integer).notNull().references("letter_references")
                t.column("match", .text).notNull()
                t.uniqueKey(["citing_letter_id", "cited_letter_id"])
            }

            try db.create(table: "jobs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("source_path", .text).notNull()
                t.column("state", .text).notNull()
                t.column("outcome", .text)
                t.column("sha256", .text)
                t.column("letter_id", .integer).references("letters")
                t.column("error", .text)
                t.column("destination", .text)
                t.column("started_at", .datetime).notNull()
                t.column("finished_at", .datetime)
            }
            try db.create(index: "jobs_by_state", on: "jobs", columns: ["state"])

            // Search runs over folded copies (diacritics removed, đ→d, lower case: Folding.fold),
            // because unicode61's remove_diacritics leaves đ alone. Contentless: the originals
            // live in `letters`, snippets are cut from there.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE letter_search USING fts5(
                    subject, issuer, number, body,
                    content='', tokenize='unicode61 remove_diacritics 2')
                """)
        }

        // Issue 5: the council's queue of initiative reports. One row per stored report, its
        // decisions kept in order, and the pairs of reports that read alike.
        m.registerMigration("v2: initiative review queue") { db in
            try db.create(table: "initiatives") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("letter_id", .integer).notNull().unique().references("letters")
                t.column("title", .text)
                t.column("summary", .text)
                t.column("authors_json", .text).notNull()
                t.column("shares_json", .text).notNull()
                t.column("first_applied", .text)
                t.column("checks_json", .text).notNull()
                t.column("status", .text).notNull().defaults(to: "submitted")
                t.column("score", .double)
                t.column("note", .text)
                t.column("reviewer", .text)
                t.column("decided_at", .datetime)
                t.column("campaign_letter_id", .integer).references("letters")
                t.column("submitted_at", .datetime).notNull()
            }
            try db.create(index: "initiatives_by_status", on: "initiatives", columns: ["status"])

            try db.create(table: "initiative_reviews") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("initiative_id", .integer).notNull().references("initiatives").indexed()
                t.column("from_status", .text).notNull()
                t.column("to_status", .text).notNull()
                t.column("score", .double)
                t.column("note", .text)
                t.column("reviewer", .text).notNull()
                t.column("decided_at", .datetime).notNull()
            }

            try db.create(table: "initiative_duplicates") { t in
                t.autoIncrementedPrimaryKey("id")
                // The report stored later, and the earlier one it reads like.
                t.column("initiative_id", .integer).notNull().references("initiatives").indexed()
                t.column("earlier_initiative_id", .integer).notNull().references("initiatives").indexed()
                t.column("similarity", .double).notNull()
                t.uniqueKey(["initiative_id", "earlier_initiative_id"])
            }
        }

        // What a letter is, decided by Extract when it is stored, not found again by matching
        // its JSON or text: an initiative report, a letter calling for initiatives. Rows stored
        // before have NULL here until `StoreBackfill` reads their records.
        m.registerMigration("v3: letter flags for the initiative queue") { db in
            try db.execute(sql: """
                ALTER TABLE letters ADD COLUMN is_initiative BOOLEAN;
                ALTER TABLE letters ADD COLUMN calls_for_initiatives BOOLEAN;
                CREATE INDEX letters_calling_for_initiatives ON letters(calls_for_initiatives, date);
                """)
        }
        // Issue 10: a job that fails for the machine's reasons (disk full, index busy) is tried
        // again later and parked after a few tries; the file it is about is known by its inode, so
        // a new file dropped under the same name after a crash is not taken for it.
        m.registerMigration("v4: jobs: attempts, retry time, file identity") { db in
            try db.execute(sql: """
                ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE jobs ADD COLUMN retry_at DATETIME;
                ALTER TABLE jobs ADD COLUMN file_device INTEGER;
                ALTER TABLE jobs ADD COLUMN file_inode INTEGER;
                ALTER TABLE jobs ADD COLUMN file_size INTEGER;
                ALTER TABLE jobs ADD COLUMN file_mtime DOUBLE;
                """)
        }

        // Issue 13: the register a văn thư keeps (Nghị định 30/2020/NĐ-CP, Điều 22, Phụ lục IV).
        // Plain SQL only: letters stored before get their số đến in the order they were stored,
        // by the year (Vietnam time, UTC+7, no daylight saving) they were stored in.
        m.registerMigration("v5: register — arrival numbers, assignment, history, exact-word search") { db in
            try db.execute(sql: RegisterSchema.sql)
        }
        return m
    }
}
