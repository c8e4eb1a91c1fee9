// The SQLite index (GRDB): see issue 4.
