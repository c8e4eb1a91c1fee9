import Foundation

/// One step of a PostgreSQL index's schema: a name, recorded once applied, and its SQL. SQL only,
/// as with GRDB's `DatabaseMigrator`: a later change of the code cannot change an old step.
public struct PostgresMigration: Sendable {
    public var name: String
    public var sql: String
    public init(_ name: String, sql: String) { self.name = name; self.sql = sql }
}

/// Applies named, ordered migrations, each in its own transaction with its row in
/// `schema_migrations`. Two processes opening a new index at once take turns (an advisory lock),
/// so each step runs once. The queue (`vanthu worker`) appends its own steps after the store's:
/// `PostgresMigrator.migrate(session, PostgresSchema.migrations + QueueSchema.migrations)`.
public enum PostgresMigrator {
    /// Any constant of our own: the advisory lock that serialises migrating processes.
    static let lockKey: Int64 = 0x7661_6e74_6875 // "vanthu"

    public static func migrate(_ session: PostgresSession, _ migrations: [PostgresMigration]) throws {
        // Cheap when up to date: one read, no lock taken.
        // (A process may know fewer steps than the index has: the store alone, without the queue's.)
        if let done = try? applied(session), Set(migrations.map(\.name)).isSubset(of: done) { return }
        try session.transaction {
            try session.query("SELECT pg_advisory_xact_lock($1)", [.int(lockKey)])
            try session.execute(script: """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                  name text PRIMARY KEY,
                  position integer NOT NULL,
                  applied_at timestamptz NOT NULL DEFAULT now())
                """)
        }
        for (position, m) in migrations.enumerated() {
            try session.transaction {
                try session.query("SELECT pg_advisory_xact_lock($1)", [.int(lockKey)])
                let done = try session.scalar("SELECT 1 FROM schema_migrations WHERE name = $1", [.text(m.name)], as: Int32.self)
                guard done == nil else { return }
                try session.execute(script: m.sql)
                try session.query("INSERT INTO schema_migrations (name, position) VALUES ($1, $2)",
                                  [.text(m.name), .int(Int64(position))])
            }
        }
    }

    /// The names of the steps applied, in order.
    public static func applied(_ session: PostgresSession) throws -> [String] {
        try session.query("SELECT name FROM schema_migrations ORDER BY position, applied_at").map { try $0("name", as: String.self) }
    }
}
