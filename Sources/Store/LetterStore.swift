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
    /// The day a letter stored now arrives on, when no received stamp says: today in Vietnam.
    /// Settable so that tests (and `VANTHU_TODAY`) can stand on a chosen day.
    public var arrivalDay: @Sendable () -> CalendarDate = { RegisterClock.vietnamDay(Date()) }

    /// Opens (creating it on first use) and migrates the index at `path`. Its folder is created only
    /// with `createFolder` (the default location): a mistyped `--db /nonexistent/dir/x.sqlite` is an
    /// error, not a new empty index. `readOnly` opens an index that cannot be written (a read-only
    /// share, a copy) for the commands that only read it.
    public init(path: String, createFolder: Bool = true, readOnly: Bool = false) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !readOnly {
            var isDir: ObjCBool = false
            if createFolder {
                do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                    throw StoreError.opening(path: path, error)
                }
            } else if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) || !isDir.boolValue {
                throw StoreError.noSuchFolder(path: path)
            }
        }
        if readOnly && !FileManager.default.fileExists(atPath: path) { throw StoreError.noSuchIndex(path: path) }
        var config = Configuration()
        // A writer waits for another writer (two `ingest` runs at once) instead of failing.
        config.busyMode = .timeout(10)
        config.readonly = readOnly
        if !readOnly { config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") } }
        do {
            if readOnly {
                // On a read-only disk SQLite cannot make the WAL's shared-memory file: the index is
                // then read as immutable (nothing else can be writing it there anyway).
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                pool = try (try? DatabasePool(path: path, configuration: config))
                    ?? DatabasePool(path: "file:\(absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute)?immutable=1",
                                    configuration: config)
            } else {
                pool = try StoreMigrations.openMigrated(path: path, configuration: config)
                try StoreBackfill.run(pool, fingerprints: fingerprints)
            }
        } catch {
            throw StoreError.opening(path: path, error)
        }
    }

    // MARK: Storing

    /// Stores one letter with its deadlines, references and original file, and links it to the
    /// letters it cites and that cite it. The same file content is stored once.
    ///
    /// `replacing`: the content hash of what this same file held when it was stored before and has
    /// since changed (a copy that went on after its first part was read): that letter, read from
    /// bytes no file holds any more, takes the new content in its place (its số đến kept), so the
    /// index holds exactly one letter per file content.
    @discardableResult
    public func store(_ letter: NewLetter, job: Int64? = nil, replacing stale: String? = nil) throws -> StoreOutcome {
        try pool.write { db in
            let outcome: StoreOutcome
            if let stale, stale != letter.file.sha256,
               try OriginalFileRow.filter(OriginalFileRow.Columns.sha256 == letter.file.sha256).fetchCount(db) == 0,
               var row = try StaleLetters.takeApart(sha256: stale, db: db) {
                try row.take(letter.record)
                row.fullText = letter.fullText
                try row.update(db)
                try SearchIndex.add(row, originalText: letter.originalText, db: db)
                try Self.addParts(of: letter, to: row, db: db, fingerprints: fingerprints)
                outcome = .stored(letterID: row.id!)
            } else {
                if let stale, stale != letter.file.sha256 { try StaleLetters.withdraw(sha256: stale, db: db) }
                outcome = try Self.insert(letter, fingerprints: fingerprints, arrival: arrivalDay(), db: db)
            }
            if let job { try JobJournal.markStored(job: job, outcome: outcome, sha256: letter.file.sha256, db: db) }
            return outcome
        }
    }

    /// Stores many letters in one transaction (bulk loads, benchmarks): the same path as `store`.
    @discardableResult
    public func storeAll(_ letters: [NewLetter]) throws -> [StoreOutcome] {
        let day = arrivalDay()
        return try pool.write { db in try letters.map { try Self.insert($0, fingerprints: fingerprints, arrival: day, db: db) } }
    }

    /// Stores one letter inside the caller's transaction. Its số đến is taken from the year's
    /// counter in this same transaction: a crash before the commit takes back both the letter and
    /// its number, and two writers (two processes) are serialised by SQLite's write lock.
    static func insert(_ letter: NewLetter, fingerprints: InitiativeFingerprints, arrival: CalendarDate,
                       db: Database) throws -> StoreOutcome {
        if let existing = try OriginalFileRow.filter(OriginalFileRow.Columns.sha256 == letter.file.sha256).fetchOne(db) {
            return .alreadyStored(letterID: existing.letterID)
        }
        let record = letter.record
        if var paper = try PaperLetters.entry(matching: record, db: db) {
            try PaperLetters.join(&paper, scan: letter, db: db)
            try addParts(of: letter, to: paper, db: db, fingerprints: fingerprints)
            return .stored(letterID: paper.id!)
        }
        var row = try LetterRow(record: record, fullText: letter.fullText, storedAt: Date())
        try row.arrive(stamp: record.receivedDate, storedOn: arrival) { try ArrivalNumbers.next(year: $0, db: db) }
        try row.insert(db)
        try SearchIndex.add(row, originalText: letter.originalText, db: db)
        try addParts(of: letter, to: row, db: db, fingerprints: fingerprints)
        return .stored(letterID: row.id!)
    }

    /// The file, deadlines, references, links and initiative entry of a letter row just stored.
    static func addParts(of letter: NewLetter, to row: LetterRow, db: Database, fingerprints: InitiativeFingerprints) throws {
        let id = row.id!, record = letter.record
        var file = OriginalFileRow(letterID: id, sha256: letter.file.sha256, byteCount: letter.file.byteCount,
                                   originalPath: letter.file.originalPath, archivePath: letter.file.archivePath)
        try file.insert(db)
        for (position, d) in record.deadlines.enumerated() {
            var deadline = DeadlineRow(letterID: id, due: d.due, precision: d.precision.rawValue,
                                       recurrence: d.recurrence?.rawValue, clause: d.text, status: .open,
                                       unit: row.unit, person: row.person, position: position)
            try deadline.insert(db)
        }
        var references: [ReferenceRow] = []
        for r in record.references {
            var reference = ReferenceRow(letterID: id, kind: r.kind.rawValue, number: r.number, date: r.date)
            try reference.insert(db)
            references.append(reference)
        }
        try LetterLinker.link(letter: row, references: references, db: db)
        try InitiativeQueue.letterStored(row, record: record, fingerprints: fingerprints, db: db)
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

public enum StoreError: Error, Message, CustomStringConvertible, Equatable {
    /// What SQLite said, quoted for the operator.
    case cannotOpen(path: String, reason: String)
    /// The folder the index should be in does not exist.
    case noSuchFolder(path: String)
    /// A read-only index that is not there.
    case noSuchIndex(path: String)
    case noSuchDeadline(Int64)
    case noSuchInitiative(Int64)
    case noSuchLetter(Int64)
    /// The index could not be opened for a reason of the machine that passes (a full disk, a busy
    /// or failing file system): worth waiting for, unlike `cannotOpen`.
    case temporarilyUnavailable(path: String, reason: String)

    public var description: String { text(.en) }

    /// True when opening again later may work (the disk freed, the lock released).
    public var isTransient: Bool {
        if case .temporarilyUnavailable = self { return true }
        return false
    }

    /// What opening the index at `path` met, sorted into what passes and what does not. A file
    /// SQLite cannot open at all (no permission, a folder, not a database) will not open later.
    static func opening(path: String, _ error: Error) -> StoreError {
        if let e = error as? DatabaseError {
            let passes = StoreFailure.isTransient(e) && e.resultCode != .SQLITE_CANTOPEN
            return passes ? .temporarilyUnavailable(path: path, reason: "\(e)") : .cannotOpen(path: path, reason: "\(e)")
        }
        // Foundation's errors said by their cause (no `NSCocoaErrorDomain error 512`).
        let ns = error as NSError
        let posix = ns.domain == NSPOSIXErrorDomain ? ns : (ns.userInfo[NSUnderlyingErrorKey] as? Error).map { $0 as NSError }
        if let posix, posix.domain == NSPOSIXErrorDomain {
            let code = Int32(posix.code)
            let reason = String(cString: strerror(code))
            return [ENOSPC, EDQUOT, EIO, EAGAIN, ENOMEM, EBUSY].contains(code)
                ? .temporarilyUnavailable(path: path, reason: reason) : .cannotOpen(path: path, reason: reason)
        }
        return .cannotOpen(path: path, reason: "\(error)")
    }

    public func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .cannotOpen(let path, let reason):
            return vi ? "\(path): không mở được chỉ mục («\(reason)»)" : "\(path): cannot open the index («\(reason)»)"
        case .noSuchFolder(let path):
            return vi ? "\(path): không mở được chỉ mục: thư mục chứa nó không có" : "\(path): cannot open the index: its folder does not exist"
        case .noSuchIndex(let path): return vi ? "\(path): không có chỉ mục ở đây" : "\(path): no index there"
        case .noSuchDeadline(let id): return vi ? "không có hạn xử lý #\(id)" : "no deadline with id \(id)"
        case .noSuchInitiative(let id): return vi ? "không có sáng kiến #\(id)" : "no initiative with id \(id)"
        case .noSuchLetter(let id): return vi ? "không có văn bản #\(id)" : "no letter with id \(id)"
        case .temporarilyUnavailable(let path, let reason):
            return vi ? "\(path): tạm thời không mở được chỉ mục («\(reason)»)" : "\(path): the index cannot be opened for now («\(reason)»)"
        }
    }
}

extension LetterStore: LetterIndex {
    public var location: String { path }
    public func isTransient(_ error: Error) -> Bool { StoreFailure.isTransient(error) }
}
