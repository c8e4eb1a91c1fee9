import Foundation
import XCTest
import Extract
import PostgresStore
@testable import Store

/// A real index in a fresh temporary folder.
func temporaryStore(file: StaticString = #filePath) throws -> (LetterStore, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return (try LetterStore(path: dir.appendingPathComponent("index/vanthu.sqlite").path), dir)
}

/// The store suite runs every test against both engines: a fresh SQLite file, then a fresh
/// PostgreSQL database (when `VANTHU_TEST_POSTGRES`, a superuser URL, names a reachable server;
/// `.ci/run` starts one). Without a server the PostgreSQL case is skipped, saying why.
class IndexTestCase: XCTestCase {
    var store: (any LetterIndex)!
    /// Which engine the body is running on (for messages).
    var engine = "SQLite"

    /// Fixtures every test of the class needs, made in each fresh index before the test's body.
    func prepare() throws {}

    func eachIndex(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) throws {
        let (sqlite, dir) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        store = sqlite
        engine = "SQLite"
        try prepare()
        try body()
        store = nil
        let pg = try TestPostgres.freshStore(for: "\(type(of: self))")
        engine = "PostgreSQL"
        store = pg
        defer { pg.session.close(); store = nil }
        try prepare()
        try body()
    }

    /// Integer rows of a query, from whichever engine the test runs on.
    func intRows(_ sql: String) throws -> [[Int]] {
        if let s = store as? LetterStore {
            return try s.pool.read { db in try GRDBRows.ints(db, sql) }
        }
        let pg = store as! PostgresLetterStore
        return try pg.session.query(sql).map { r in try (0..<r.count).map { try r.int(at: $0) } }
    }

    /// Runs SQL statements behind the store's back (a test playing a removed row).
    func execute(_ sql: String) throws {
        if let s = store as? LetterStore { try s.pool.write { db in try db.execute(sql: sql) }; return }
        try (store as! PostgresLetterStore).session.execute(script: sql)
    }
}

/// The PostgreSQL server of the tests: every test gets a database of its own, copied from a
/// template migrated once per run (with an office `T`), so ids and số đến start at 1 as in a new
/// SQLite file.
enum TestPostgres {
    static let office = "T"
    private static let lock = NSLock()
    nonisolated(unsafe) private static var template: Result<(PostgresAddress, String), SkipReason>?
    nonisolated(unsafe) private static var counter = 0

    struct SkipReason: Error { var text: String }

    static func freshStore(for testClass: String) throws -> PostgresLetterStore {
        let (admin, template) = try prepared()
        lock.lock(); counter += 1; let n = counter; lock.unlock()
        let name = "vanthu_t_\(ProcessInfo.processInfo.processIdentifier)_\(n)"
        let session = try PostgresSession(admin.with(database: "postgres"))
        defer { session.close() }
        try session.query("CREATE DATABASE \(name) TEMPLATE \(template)")
        return try PostgresLetterStore(session: PostgresSession(admin.with(database: name)), office: office)
    }

    /// The admin address and the template database, made on first use; a skip when there is no server.
    static func prepared() throws -> (PostgresAddress, String) {
        lock.lock(); defer { lock.unlock() }
        if template == nil { template = make() }
        switch template! {
        case .success(let t): return t
        case .failure(let reason): throw XCTSkip("PostgreSQL case skipped (the SQLite case ran): \(reason.text)")
        }
    }

    private static func make() -> Result<(PostgresAddress, String), SkipReason> {
        guard let url = ProcessInfo.processInfo.environment["VANTHU_TEST_POSTGRES"], !url.isEmpty else {
            return .failure(SkipReason(text: "VANTHU_TEST_POSTGRES is not set (.ci/run starts a server and sets it)"))
        }
        do {
            let admin = try PostgresAddress(url: url)
            let name = "vanthu_tpl_\(ProcessInfo.processInfo.processIdentifier)"
            let root = try PostgresSession(admin.with(database: "postgres"))
            try root.query("DROP DATABASE IF EXISTS \(name)")
            try root.query("CREATE DATABASE \(name)")
            root.close()
            let tpl = try PostgresSession(admin.with(database: name))
            try OfficeAdmin.addOffice(code: office, name: "Văn phòng thử", session: tpl)
            tpl.close()
            return .success((admin, name))
        } catch {
            return .failure(SkipReason(text: "the server at \(url) cannot be used: \(error)"))
        }
    }
}

/// A letter as the extractor would give it, with the fields a test needs.
func letter(_ number: String?, seq: Int? = nil, symbol: String? = nil, date: String?, subject: String,
            issuer: String = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", body: String? = nil,
            references: [Reference] = [], deadlines: [Deadline] = [], sha: String? = nil) -> NewLetter {
    let seqValue = seq ?? number.flatMap { Int($0.prefix { $0.isNumber }) }
    let symbolValue = symbol ?? number.flatMap { $0.split(separator: "/").last.map(String.init) }
    let record = LetterRecord(
        source: Source(file: "\(number ?? "blank").txt", sha256: sha), kind: .congVan,
        issuer: Issuer(name: issuer),
        number: number.map { LetterNumber(text: $0, seq: seqValue, symbol: symbolValue) },
        date: date, subject: subject, references: references, deadlines: deadlines)
    let text = body ?? "\(issuer)\nSố: \(number ?? "")\nV/v \(subject)\n"
    let hash = sha ?? String(repeating: "0", count: 20) + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    return NewLetter(record: record, fullText: text,
                     file: OriginalFile(sha256: hash, byteCount: text.utf8.count, originalPath: "/in/\(number ?? "x").txt"))
}
