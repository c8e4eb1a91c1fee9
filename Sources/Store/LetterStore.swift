import Foundation
import GRDB
import Extract

/// The index: one SQLite file in WAL mode, owned by one `DatabasePool`, so readers (`deadlines`,
/// `search`) are never blocked by a writer (`watch` ingesting).
///
/// ```swift
/// let store = try LetterStore(path: "/tmp/vanthu.sqlite")
/// let outcome = try store.store(NewLetter(record: record, fullText: text,
///     file: .init(sha256: sha, byteCount: n, originalPath: "/in/a.pdf")))
/// ```
public final class LetterStore: @unchecked Sendable {
    let pool: DatabasePool
    public let path: String
    /// The queued reports' fingerprints, kept between stores (a long `watch` or a big `ingest`).
    let fingerprints = InitiativeFingerprints()

    /// Opens (creating it and its folder on first use) and migrates the index at `path`.
    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var config = Configuration()
        // A writer waits for another writer (two `ingest` runs at once) instead of failing.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try StoreMigrations.migrator.migrate(pool)
            try StoreBackfill.run(pool, fingerprints: fingerprints)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    // MARK: Storing

    /// Stores one letter with its deadlines, references and original file, and links it to the
    /// letters it cites and that cite it. The same file content is stored once.
    @discardableResult
    public func store(_ letter: NewLetter, job: Int64? = nil) throws -> StoreOutcome {
        try pool.write { db in
            let outcome = try Self.insert(letter, fingerprints: fingerprints, db: db)
            if let job { try JobJournal.markStored(job: job, outcome: outcome, sha256: letter.file.sha256, db: db) }
            return outcome
        }
    }

    /// Stores many letters in one transaction (bulk loads, benchmarks): the same path as `store`.
    @discardableResult
    public func storeAll(_ letters: [NewLetter]) throws -> [StoreOutcome] {
        try pool.write { db in try letters.map { try Self.insert($0, fingerprints: fingerprints, db: db) } }
    }

    static func insert(_ letter: NewLetter, fingerprints: InitiativeFingerprints, db: Database) throws -> StoreOutcome {
        if let existing = try OriginalFileRow.filter(OriginalFileRow.Columns.sha256 == letter.file.sha256).fetchOne(db) {
            return .alreadyStored(letterID: existing.letterID)
        }
        let record = letter.record
        var row = try LetterRow(record: record, fullText: letter.fullText, storedAt: Date())
        try row.insert(db)
        let id = row.id!
        var file = OriginalFileRow(letterID: id, sha256: letter.file.sha256, byteCount: letter.file.byteCount,
                                   originalPath: letter.file.originalPath, archivePath: letter.file.archivePath)
        try file.insert(db)
        for d in record.deadlines {
            var deadline = DeadlineRow(letterID: id, due: d.due, precision: d.precision.rawValue,
                                       recurrence: d.recurrence?.rawValue, clause: d.text, status: .open)
            try deadline.insert(db)
        }
        var references: [ReferenceRow] = []
        for r in record.references {
            var reference = ReferenceRow(letterID: id, kind: r.kind.rawValue, number: r.number, date: r.date)
            try reference.insert(db)
            references.append(reference)
        }
        try SearchIndex.add(row, originalText: letter.originalText, db: db)
        try LetterLinker.link(letter: row, references: references, db: db)
        try InitiativeQueue.letterStored(row, record: record, fingerprints: fingerprints, db: db)
        return .stored(letterID: id)
    }

    /// Records where the watched inbox archived the file with this content.
    public func setArchivePath(sha256: String, to archivePath: String) throws {
        _ = try pool.write { db in
            try OriginalFileRow.filter(OriginalFileRow.Columns.sha256 == sha256)
                .updateAll(db, OriginalFileRow.Columns.archivePath.set(to: archivePath))
        }
    }

    // MARK: Reading

    /// The letter stored from a file with this content, if any.
    public func letterID(sha256: String) throws -> Int64? {
        try pool.read { db in
            try OriginalFileRow.filter(OriginalFileRow.Columns.sha256 == sha256).fetchOne(db)?.letterID
        }
    }

    public func letter(id: Int64) throws -> LetterRow? {
        try pool.read { db in try LetterRow.fetchOne(db, key: id) }
    }

    /// Letters whose number is exactly `number` (`2164/UBND-KGVX`), oldest first.
    public func letters(number: String) throws -> [LetterRow] {
        try pool.read { db in
            try LetterRow.filter(LetterRow.Columns.numberText == number).order(LetterRow.Columns.id).fetchAll(db)
        }
    }

    public func originalFiles(letterID: Int64) throws -> [OriginalFileRow] {
        try pool.read { db in
            try OriginalFileRow.filter(OriginalFileRow.Columns.letterID == letterID).fetchAll(db)
        }
    }

    public func deadlines(letterID: Int64) throws -> [DeadlineRow] {
        try pool.read { db in
            try DeadlineRow.filter(DeadlineRow.Columns.letterID == letterID)
                .order(DeadlineRow.Columns.due, DeadlineRow.Columns.id).fetchAll(db)
        }
    }

    public func deadline(id: Int64) throws -> DeadlineRow? {
        try pool.read { db in try DeadlineRow.fetchOne(db, key: id) }
    }

    /// How many letters are stored.
    public func letterCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM letters") ?? 0 }
    }

    /// Runs a read-only SQL statement returning one integer (benchmarks compare against it).
    public func scalar(_ sql: String) throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }
}

/// A letter to store: its record, the text it was read from, and the file.
public struct NewLetter: Sendable {
    public var record: LetterRecord
    public var fullText: String
    /// The text as it came, when `fullText` is that text with its diacritics put back: indexed
    /// too, so a search for what the page printed (an OCR slip, say) still finds the letter.
    public var originalText: String?
    public var file: OriginalFile
    public init(record: LetterRecord, fullText: String, originalText: String? = nil, file: OriginalFile) {
        self.record = record; self.fullText = fullText; self.originalText = originalText; self.file = file
    }
}

/// The file a letter comes from.
public struct OriginalFile: Sendable {
    public var sha256: String
    public var byteCount: Int
    public var originalPath: String
    public var archivePath: String?
    public init(sha256: String, byteCount: Int, originalPath: String, archivePath: String? = nil) {
        self.sha256 = sha256; self.byteCount = byteCount; self.originalPath = originalPath
        self.archivePath = archivePath
    }
}

public enum StoreOutcome: Equatable, Sendable {
    case stored(letterID: Int64)
    /// A file with the same content was stored before, as this letter.
    case alreadyStored(letterID: Int64)

    public var letterID: Int64 {
        switch self { case .stored(let id), .alreadyStored(let id): return id }
    }
}

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case noSuchDeadline(Int64)
    case noSuchInitiative(Int64)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): cannot open the index: \(reason)"
        case .noSuchDeadline(let id): return "no deadline with id \(id)"
        case .noSuchInitiative(let id): return "no initiative with id \(id)"
        }
    }
}
