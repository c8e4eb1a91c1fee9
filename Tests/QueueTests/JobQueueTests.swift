import Foundation
import XCTest
import Ingest
import Extract
import PostgresStore
import Store
@testable import ProvinceQueue

/// The queue's statements against a real PostgreSQL server (VANTHU_TEST_POSTGRES, a superuser URL
/// that .ci/run gives), each test in a database of its own.
final class JobQueueTests: XCTestCase {
    var admin: PostgresSession!
    var address: PostgresAddress!
    var database = ""
    var logins: [String] = []

    override func setUpWithError() throws {
        guard let url = ProcessInfo.processInfo.environment["VANTHU_TEST_POSTGRES"], !url.isEmpty else {
            throw XCTSkip("VANTHU_TEST_POSTGRES is not set: no PostgreSQL server was started for the tests (.ci/run starts one)")
        }
        let server = try PostgresAddress(url: url)
        admin = try PostgresSession(server)
        database = "queue_\(UUID().uuidString.prefix(8).lowercased())"
        try admin.query("CREATE DATABASE \(database)")
        address = server.with(database: database)
        let owner = try PostgresSession(address)
        for (code, name) in [("VP", "Văn phòng"), ("STP", "Sở Tư pháp")] {
            try OfficeAdmin.addOffice(code: code, name: name, session: owner)
        }
        try PostgresMigrator.migrate(owner, QueueSchema.all)
        owner.close()
    }

    override func tearDownWithError() throws {
        guard let admin else { return }
        try? admin.query("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        for l in logins { try? admin.query("DROP ROLE IF EXISTS \(l)") }
        admin.close()
    }

    func queue(user: String? = nil) throws -> JobQueue {
        JobQueue(session: try PostgresSession(address.with(user: user)))
    }

    @discardableResult
    func enqueue(_ q: JobQueue, office: String = "VP", _ text: String) throws -> EnqueueOutcome {
        let bytes = Array(text.utf8), sha = SHA256.hex(bytes)
        // A file of its own for each content (one place's later content is that file grown).
        return try q.enqueue(office: office, sha256: sha, fileName: "thu.txt", source: "host:/in/\(sha.prefix(12)).txt",
                             archivePath: nil, content: bytes)
    }

    func testOneJobPerContentPerOffice() throws {
        let q = try queue()
        guard case .queued(let first) = try enqueue(q, "công văn 1") else { return XCTFail("not queued") }
        XCTAssertEqual(try enqueue(q, "công văn 1"), .alreadyQueued(id: first, state: .queued))
        guard case .queued(let other) = try enqueue(q, office: "STP", "công văn 1") else { return XCTFail("not queued for STP") }
        XCTAssertNotEqual(first, other)
        let job = try XCTUnwrap(try q.claim(worker: "w", lease: 30))
        XCTAssertEqual(job.content, Array("công văn 1".utf8), "the bytes come back as they were queued")
    }

    func testAClaimIsExclusiveAndComesBackWhenTheLeaseRunsOut() throws {
        let a = try queue(), b = try queue()
        try enqueue(a, "công văn 2")
        let first = try XCTUnwrap(try a.claim(worker: "a", lease: 0.6))
        XCTAssertNil(try b.claim(worker: "b", lease: 30), "a job under lease is not taken twice")
        Thread.sleep(forTimeInterval: 0.9)
        let second = try XCTUnwrap(try b.claim(worker: "b", lease: 30), "the lease ran out: the job is given back")
        XCTAssertEqual(second.id, first.id)
        XCTAssertEqual(second.lapses, 1)
        XCTAssertGreaterThan(second.claims, first.claims)
        // The first worker, back from the dead, commits nothing.
        XCTAssertThrowsError(try a.complete(first) { _ in (1, true) }) { XCTAssertTrue($0 is LeaseLost) }
        XCTAssertEqual(try a.heartbeat([(first.id, first.claims)], lease: 30), [first.id])
    }

    func testTheHeartbeatKeepsTheJob() throws {
        let a = try queue(), b = try queue()
        try enqueue(a, "công văn 3")
        let job = try XCTUnwrap(try a.claim(worker: "a", lease: 0.8))
        for _ in 0..<4 {
            Thread.sleep(forTimeInterval: 0.4)
            XCTAssertEqual(try a.heartbeat([(job.id, job.claims)], lease: 0.8), [])
            XCTAssertNil(try b.claim(worker: "b", lease: 30), "a job whose lease is extended stays with its worker")
        }
    }

    func testThreeFailuresParkTheJobWithItsReasonAndDroppingItAgainQueuesIt() throws {
        let q = try queue()
        try enqueue(q, "không phải công văn")
        var states: [QueueJobState?] = []
        for n in 1...3 {
            let job = try XCTUnwrap(try q.claim(worker: "w", lease: 30), "try \(n)")
            states.append(try q.fail(job, reason: ("lỗi \(n)", "failure \(n)"), maxFailures: 3, retryDelay: 0))
        }
        XCTAssertEqual(states, [.queued, .queued, .parked])
        XCTAssertNil(try q.claim(worker: "w", lease: 30), "a parked job is not taken")
        let parked = try q.jobs(failedOnly: true)
        XCTAssertEqual(parked.count, 1)
        XCTAssertEqual(parked.first?.state, .parked)
        XCTAssertEqual(parked.first?.failures, 3)
        XCTAssertEqual(parked.first?.reasonVi, "lỗi 3")
        XCTAssertEqual(parked.first?.reasonEn, "failure 3")
        guard case .requeued(let id) = try enqueue(q, "không phải công văn") else { return XCTFail("not queued again") }
        XCTAssertEqual(id, parked.first?.id)
        XCTAssertNotNil(try q.claim(worker: "w", lease: 30))
    }

    func testAJobWhoseWorkersKeepDyingIsParked() throws {
        let q = try queue()
        try enqueue(q, "tệp làm chết luồng đọc")
        for _ in 0..<2 {
            _ = try XCTUnwrap(try q.claim(worker: "w", lease: 0.2))
            Thread.sleep(forTimeInterval: 0.35)
        }
        XCTAssertEqual(try q.parkLapsed(maxLapses: 2, reason: ("chết", "died")).count, 1)
        XCTAssertNil(try q.claim(worker: "w", lease: 30))
        XCTAssertEqual(try q.jobs(failedOnly: true).first?.reasonEn, "died")
    }

    func testAFileThatGrewBeforeItWasLetGoTakesThePlaceOfItsEarlierJob() throws {
        let q = try queue()
        func put(_ text: String, at source: String) throws -> EnqueueOutcome {
            let bytes = Array(text.utf8)
            return try q.enqueue(office: "VP", sha256: SHA256.hex(bytes), fileName: "thu.txt", source: source, archivePath: nil, content: bytes)
        }
        // Not stored yet: superseded, nothing of it will be stored.
        guard case .queued(let half) = try put("công văn nửa", at: "h:/in/a.txt"),
              case .queued(let whole) = try put("công văn nửa và phần còn lại", at: "h:/in/a.txt") else { return XCTFail("not queued") }
        XCTAssertEqual(try q.jobs().first { $0.id == half }?.outcome, "superseded")
        let job = try XCTUnwrap(try q.claim(worker: "w", lease: 30))
        XCTAssertEqual(job.id, whole, "the superseded job is not taken")
        XCTAssertNil(job.replaces)
        XCTAssertNil(try q.claim(worker: "w", lease: 30))
        // Stored, then grown: the later job replaces its letter. Let go first: a new file.
        let store = try PostgresLetterStore(session: q.session, office: "VP", migrate: false)
        try q.complete(job) { _ in
            let text = "UBND TỈNH\nSố: 7/UBND\nV/v công văn nửa và phần còn lại\n"
            let record = LetterRecord(source: Source(file: "a.txt"), kind: .congVan, number: LetterNumber(text: "7/UBND", seq: 7, symbol: "UBND"),
                                      date: "2026-03-01", subject: "công văn nửa và phần còn lại")
            let letter = NewLetter(record: record, fullText: text,
                                   file: OriginalFile(sha256: job.sha256, byteCount: text.utf8.count, originalPath: "h:/in/a.txt"))
            return (try store.store(letter).letterID, true)
        }
        guard case .queued(let grown) = try put("công văn nửa và phần còn lại, hết", at: "h:/in/a.txt") else { return XCTFail("not queued") }
        XCTAssertEqual(try q.claim(worker: "w", lease: 30)?.replaces, SHA256.hex(Array("công văn nửa và phần còn lại".utf8)))
        try q.release(office: "VP", sha256: SHA256.hex(Array("công văn nửa và phần còn lại, hết".utf8)), source: "h:/in/a.txt")
        guard case .queued(let next) = try put("thư khác cùng tên", at: "h:/in/a.txt") else { return XCTFail("not queued") }
        XCTAssertNotEqual(next, grown)
        XCTAssertNil(try q.claim(worker: "w", lease: 30)?.replaces, "a file let go is not the next one's earlier part")
    }

    func testAnOfficeLoginSeesAndQueuesOnlyItsOwnJobs() throws {
        let login = "clerk_\(UUID().uuidString.prefix(6).lowercased())"
        try admin.execute(script: "CREATE ROLE \(login) LOGIN IN ROLE vanthu_office_vp")
        logins.append(login)
        let owner = try queue()
        try enqueue(owner, office: "VP", "của văn phòng")
        try enqueue(owner, office: "STP", "của sở tư pháp")
        let clerk = try queue(user: login)
        XCTAssertEqual(try clerk.jobs().map(\.office), ["VP"])
        XCTAssertEqual(try clerk.counts().keys.sorted(), ["VP"])
        XCTAssertThrowsError(try enqueue(clerk, office: "STP", "giả làm sở tư pháp"), "another office's queue is not writable")
        XCTAssertNoThrow(try enqueue(clerk, office: "VP", "thư mới của văn phòng"))
        // Nor can it learn that another office holds a content: its insert does not collide.
        XCTAssertThrowsError(try enqueue(clerk, office: "STP", "của sở tư pháp"))
    }
}
