import Foundation

/// An office of the province: its code (`SO_TP`), its name, and the PostgreSQL role its clerks
/// act as.
public struct Office: Sendable, Equatable {
    public var code: String
    public var name: String
    public var role: String
}

/// `vanthu admin add-office`: the office's row, its NOLOGIN group role and its row-level policies.
/// Run by the index's owner (the user that migrated it, who owns the tables: only an owner may
/// create a policy) with CREATEROLE.
public enum OfficeAdmin {
    /// The role of an office: `vanthu_office_` and the code in lower case. The code is checked to
    /// be ASCII letters, digits and `_` before it is put in any SQL text (a role name cannot be a
    /// bound parameter).
    public static func role(of code: String) throws -> String {
        try validate(code)
        return "vanthu_office_" + code.lowercased()
    }

    public static func validate(_ code: String) throws {
        let ok = !code.isEmpty && code.count <= 32 && code.unicodeScalars.allSatisfy {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || $0 == "_"
        }
        guard ok else { throw PostgresStoreError.badOfficeCode(code) }
    }

    /// Creates the office (again: nothing changes for an office that exists, its name is updated).
    @discardableResult
    public static func addOffice(code: String, name: String, session: PostgresSession) throws -> Office {
        let role = try role(of: code)
        try PostgresMigrator.migrate(session, PostgresSchema.migrations)
        try session.transaction {
            try session.query("SELECT pg_advisory_xact_lock($1)", [.int(PostgresMigrator.lockKey)])
            try session.query("""
                INSERT INTO offices (code, name, role) VALUES ($1, $2, $3)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name
                """, [.text(code), .text(name), .text(role)])
            var sql = """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN
                    CREATE ROLE \(role) NOLOGIN;
                  END IF;
                END $$;
                GRANT \(PostgresSchema.clerkRole) TO \(role);

                """
            // The literal is the validated code: letters, digits and _ only.
            for t in PostgresSchema.officeTables {
                sql += """
                    DROP POLICY IF EXISTS office_\(code.lowercased()) ON \(t);
                    CREATE POLICY office_\(code.lowercased()) ON \(t) TO \(role)
                      USING (office = '\(code)') WITH CHECK (office = '\(code)');

                    """
            }
            try session.execute(script: sql)
        }
        return Office(code: code, name: name, role: role)
    }

    public static func offices(session: PostgresSession) throws -> [Office] {
        try session.query("SELECT code, name, role FROM offices ORDER BY code").map {
            Office(code: try $0("code"), name: try $0("name"), role: try $0("role"))
        }
    }
}
