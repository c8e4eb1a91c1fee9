/// The SQL of migration v3 (the register), kept apart so the migration list stays readable.
enum RegisterSchema {
    static let sql = """
        ALTER TABLE letters ADD COLUMN arrival_year INTEGER;
        ALTER TABLE letters ADD COLUMN arrival_number INTEGER;
        ALTER TABLE letters ADD COLUMN arrival_date TEXT;
        -- Whom the letter was handed to (Đơn vị hoặc người nhận) and the register's Ghi chú.
        ALTER TABLE letters ADD COLUMN unit TEXT;
        ALTER TABLE letters ADD COLUMN person TEXT;
        ALTER TABLE letters ADD COLUMN register_note TEXT;
        -- 1 for a paper letter typed by the clerk and not scanned yet: a later scan joins it.
        ALTER TABLE letters ADD COLUMN paper INTEGER NOT NULL DEFAULT 0;

        -- The last số đến given in each year. Numbers come from here, never from max(): a number
        -- once given is not given again, even if its letter were removed.
        CREATE TABLE arrival_counters (year INTEGER PRIMARY KEY, last_number INTEGER NOT NULL);

        UPDATE letters SET arrival_date = date(stored_at, '+7 hours');
        UPDATE letters SET arrival_year = CAST(substr(arrival_date, 1, 4) AS INTEGER);
        UPDATE letters SET arrival_number = numbered.n
          FROM (SELECT id, row_number() OVER (PARTITION BY arrival_year ORDER BY id) AS n FROM letters) AS numbered
         WHERE numbered.id = letters.id;
        INSERT INTO arrival_counters (year, last_number)
          SELECT arrival_year, max(arrival_number) FROM letters GROUP BY arrival_year;
        CREATE UNIQUE INDEX letters_by_arrival ON letters (arrival_year, arrival_number);

        -- A number as typed in any case, with spaces, QD for QĐ: see LetterNumberKey.
        CREATE INDEX letters_by_number_key ON letters (
          lower(replace(replace(replace(number_text, ' ', ''), 'Đ', 'D'), 'đ', 'd')));

        ALTER TABLE deadlines ADD COLUMN unit TEXT;
        ALTER TABLE deadlines ADD COLUMN person TEXT;
        ALTER TABLE deadlines ADD COLUMN reply_number TEXT;
        -- The deadline's place among its letter's deadlines (from 0), kept by its later
        -- occurrences; null for a due date set by `assign --due`.
        ALTER TABLE deadlines ADD COLUMN position INTEGER;
        UPDATE deadlines SET position = (
          SELECT count(*) FROM deadlines e
           WHERE e.letter_id = deadlines.letter_id AND e.previous_id IS NULL AND e.id < deadlines.id)
         WHERE previous_id IS NULL;
        CREATE INDEX deadlines_by_unit_status_due ON deadlines (unit, status, due);
        -- The register's Thời hạn giải quyết: a letter's earliest open deadline, found per letter
        -- (without it SQLite walks every open deadline for each letter).
        CREATE INDEX deadlines_by_letter_status_due ON deadlines (letter_id, status, due);

        -- Every change to the register, with when (Vietnam time, ISO with +07:00) and who.
        CREATE TABLE register_history (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          letter_id INTEGER NOT NULL REFERENCES letters(id),
          deadline_id INTEGER REFERENCES deadlines(id),
          action TEXT NOT NULL,
          detail TEXT,
          actor TEXT NOT NULL,
          at TEXT NOT NULL);
        CREATE INDEX register_history_by_letter ON register_history (letter_id);

        -- The words as written (diacritics kept), beside the folded letter_search: a query
        -- written with diacritics matches these, so `sáng kiến` does not find `kiện`.
        CREATE VIRTUAL TABLE letter_words USING fts5(
          subject, issuer, number_text, full_text,
          content='letters', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
        INSERT INTO letter_words (letter_words) VALUES ('rebuild');
        """
}
