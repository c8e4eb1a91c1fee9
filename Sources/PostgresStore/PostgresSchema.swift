/// The PostgreSQL index's schema: the same tables as the SQLite index (Store/StoreMigrations.swift
/// and RegisterSchema.swift, at their latest), each row with the `office` it belongs to, and
/// row-level security on every one of them. The policies of an office are made with the office
/// (`OfficeAdmin.addOffice`), the provincial ones here.
///
/// Roles (cluster-wide, so made only when missing):
/// - `vanthu_clerk`: the table privileges every office's clerks need (no DELETE anywhere);
/// - `vanthu_office_<code>`: one per office, NOLOGIN, member of `vanthu_clerk`; its policies let
///   it read and write the rows whose `office` is its code, nothing else;
/// - `vanthu_province`: the council and the province's overview: reads every office's rows,
///   records review decisions on every office's initiatives, stores nothing.
/// A clerk's login is a member of its office's role (`GRANT vanthu_office_<code> TO lan`).
public enum PostgresSchema {
    public static let clerkRole = "vanthu_clerk"
    public static let provinceRole = "vanthu_province"

    /// The tables whose rows belong to an office.
    public static let officeTables = [
        "letters", "original_files", "deadlines", "letter_references", "letter_links", "arrival_counters",
        "register_history", "initiatives", "initiative_reviews", "initiative_duplicates", "inbox_journal",
    ]

    public static let migrations: [PostgresMigration] = [
        PostgresMigration("pg1: offices, letters, deadlines, register, links, search, review queue, inbox journal", sql: v1),
        PostgresMigration("pg2: roles and row-level security", sql: v2),
    ]

    static let v1 = """
        CREATE TABLE offices (
          code text PRIMARY KEY,
          name text NOT NULL,
          role text NOT NULL UNIQUE,
          created_at timestamptz NOT NULL DEFAULT now());

        CREATE TABLE letters (
          id bigserial PRIMARY KEY,
          office text NOT NULL REFERENCES offices(code),
          record_json text NOT NULL,
          number_text text,
          -- LetterNumberKey.key(number_text), computed by the store: the number as a clerk types it.
          number_key text,
          seq integer,
          symbol text,
          issuer text,
          date text,
          kind text NOT NULL,
          subject text,
          full_text text NOT NULL,
          stored_at timestamptz NOT NULL,
          is_initiative boolean,
          calls_for_initiatives boolean,
          arrival_year integer,
          arrival_number integer,
          arrival_date text,
          unit text,
          person text,
          register_note text,
          paper boolean NOT NULL DEFAULT false,
          -- Search (see PostgresSearch): the folded words (Folding.fold: no diacritics, đ→d) and the
          -- words as written, each a tsvector of tokens the store cut, subject and number weighted A,
          -- issuer B, body D.
          search_folded tsvector NOT NULL,
          search_written tsvector NOT NULL);
        CREATE INDEX letters_by_office ON letters (office, id);
        CREATE UNIQUE INDEX letters_by_arrival ON letters (office, arrival_year, arrival_number);
        CREATE INDEX letters_by_number ON letters (office, number_text);
        CREATE INDEX letters_by_number_key ON letters (office, number_key);
        CREATE INDEX letters_calling_for_initiatives ON letters (office, calls_for_initiatives, date);
        CREATE INDEX letters_search_folded ON letters USING gin (search_folded);
        CREATE INDEX letters_search_written ON letters USING gin (search_written);

        CREATE TABLE original_files (
          id bigserial PRIMARY KEY,
          office text NOT NULL REFERENCES offices(code),
          letter_id bigint NOT NULL REFERENCES letters(id),
          sha256 text NOT NULL,
          byte_count bigint NOT NULL,
          original_path text NOT NULL,
          archive_path text,
          -- One letter per file content per office: two offices may hold the same circular, and
          -- neither learns from a refused insert that the other has it.
          UNIQUE (office, sha256));
        CREATE INDEX original_files_by_letter ON original_files (letter_id);

        CREATE TABLE deadlines (
          id bigserial PRIMARY KEY,
          office text NOT NULL REFERENCES offices(code),
          letter_id bigint NOT NULL REFERENCES letters(id),
          due text NOT NULL,
          precision text NOT NULL,
          recurrence text,
          clause text NOT NULL,
          status text NOT NULL DEFAULT 'open',
          closed_by text,
          closed_at timestamptz,
          note text,
          previous_id bigint REFERENCES deadlines(id),
          unit text,
          person text,
          reply_number text,
          position integer);
        CREATE INDEX deadlines_by_office_status_due ON deadlines (office, status, due, id);
        CREATE INDEX deadlines_by_status_due ON deadlines (status, due, id);
        CREATE INDEX deadlines_by_letter ON deadlines (letter_id, status, due);
        CREATE INDEX deadlines_by_previous ON deadlines (previous_id);
        CREATE INDEX deadlines_by_unit ON deadlines (office, unit, status, due);

        CREATE TABLE letter_references (
          id bigserial PRIMARY KEY,
          office text NOT NULL REFERENCES offices(code),
          letter_id bigint NOT NULL REFERENCES letters(id),
          kind text NOT NULL,
          number text NOT NULL,
          date text);
        CREATE INDEX letter_references_by_letter ON letter_references (letter_id);
        CREATE INDEX letter_references_by_number ON letter_references (office, number);

        CREATE TABLE letter_links (
          id bigserial PRIMARY KEY,
          office text NOT NULL REFERENCES offices(code),
          citing_letter_id bigint NOT NULL REFERENCES letters(id),
          cited_letter_id bigint NOT NULL REFERENCES letters(id),
          reference_id bigint NOT NULL REFERENCES letter_references(id),
          match text NOT NULL,
          UNIQUE (citing_letter_id, cited_letter_id));
        CREATE INDEX letter_links_by_cited ON letter_links (cited_letter_id);

        -- The last số đến given in each office's year. Taken with the letter, in its transaction: the
        -- row lock orders two writers of one office, and a rolled-back letter gives its number back.
        CREATE TABLE arrival_counters (
          office text NOT NULL REFERENCES offices(code),
          year integer NOT NULL,
          last_number integer NOT NULL,
          PRIMARY KEY (office, year));

        CREATE TABLE register_history (
          id bigserial PRIMARY KEY,
          office text NOT NULL REFERENCES offices(code),
          letter_id bigint NOT NULL REFERENCES letters(id),
          deadline_id bigint REFERENCES deadlines(id),
          action text NOT NULL,
          detail text,
          actor text NOT NULL,
          at text NOT NULL);
        CREATE INDEX register_history_by_letter ON register_history (letter_id);

        CREATE TABLE initiatives (
          id bigserial PRIMARY KEY,
          office text NOT NULL REFERENCES offices(code),
          letter_id bigint NOT NULL UNIQUE REFERENCES letters(id),
          title text,
          summary text,
          authors_json text NOT NULL,
          shares_json text NOT NULL,
          first_applied text,
          checks_json text NOT NULL,
          status text NOT NULL DEFAULT 'submitted',
          score double precision,
          note text,
          reviewer text,
          decided_at timestamptz,
          campaign_letter_id bigint REFERENCES letters(id),
          submitted_at timestamptz NOT NULL);
        CREATE INDEX initiatives_by_status ON initiatives (status, id);
        CREATE INDEX initiatives_by_office ON initiatives (office, id);

        CREATE TABLE initiative_reviews (
          id bigserial PRIMARY KEY,
          office text NOT NULL REFERENCES offices(code),
          initiative_id bigint NOT NULL REFERENCES initiatives(id),
          from_status text NOT NULL,
          to_status text NOT NULL,
          score double precision,
          note text,
          reviewer text NOT NULL,
          decided_at timestamptz NOT NULL);
        CREATE INDEX initiative_reviews_by_initiative ON initiative_reviews (initiative_id);

        CREATE TABLE initiative_duplicates (
          id bigserial PRIMARY KEY,
          office text NOT NULL REFERENCES offices(code),
          initiative_id bigint NOT NULL REFERENCES initiatives(id),
          earlier_initiative_id bigint NOT NULL REFERENCES initiatives(id),
          similarity double precision NOT NULL,
          UNIQUE (initiative_id, earlier_initiative_id));
        CREATE INDEX initiative_duplicates_by_earlier ON initiative_duplicates (earlier_initiative_id);

        -- `vanthu watch` without the queue: the watched inbox's journal (JobRow), as in SQLite's `jobs`.
        CREATE TABLE inbox_journal (
          id bigserial PRIMARY KEY,
          office text NOT NULL REFERENCES offices(code),
          source_path text NOT NULL,
          state text NOT NULL,
          outcome text,
          sha256 text,
          letter_id bigint REFERENCES letters(id),
          error text,
          destination text,
          started_at timestamptz NOT NULL,
          finished_at timestamptz,
          attempts integer NOT NULL DEFAULT 0,
          retry_at timestamptz,
          file_device bigint,
          file_inode bigint,
          file_size bigint,
          file_mtime double precision);
        CREATE INDEX inbox_journal_by_state ON inbox_journal (office, state);
        """

    static var v2: String {
        var sql = """
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(clerkRole)') THEN
                CREATE ROLE \(clerkRole) NOLOGIN;
              END IF;
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(provinceRole)') THEN
                CREATE ROLE \(provinceRole) NOLOGIN;
              END IF;
            END $$;
            GRANT SELECT ON offices, schema_migrations TO \(clerkRole), \(provinceRole);
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(clerkRole), \(provinceRole);
            GRANT SELECT, INSERT, UPDATE ON \(officeTables.joined(separator: ", ")) TO \(clerkRole);
            GRANT SELECT ON \(officeTables.joined(separator: ", ")) TO \(provinceRole);
            GRANT UPDATE ON initiatives TO \(provinceRole);
            GRANT INSERT ON initiative_reviews TO \(provinceRole);

            """
        for t in officeTables {
            sql += """
                ALTER TABLE \(t) ENABLE ROW LEVEL SECURITY;
                CREATE POLICY province_reads ON \(t) FOR SELECT TO \(provinceRole) USING (true);

                """
        }
        sql += """
            CREATE POLICY province_decides ON initiatives FOR UPDATE TO \(provinceRole) USING (true) WITH CHECK (true);
            CREATE POLICY province_decides ON initiative_reviews FOR INSERT TO \(provinceRole) WITH CHECK (true);
            """
        return sql
    }
}
