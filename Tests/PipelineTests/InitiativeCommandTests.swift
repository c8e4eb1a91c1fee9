import Foundation
import XCTest

/// `vanthu initiatives` run as the secretariat runs it: the built binary on the seed letters.
final class InitiativeCommandTests: XCTestCase {
    var ws: Workspace!
    override func setUpWithError() throws { ws = try Workspace() }
    override func tearDownWithError() throws { ws.remove() }

    func vanthu(_ args: [String], status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> Data {
        try runVanthu(args, status: status, env: ["USER": "thuky"], file: file, line: line)
    }

    func testIngestedSeedsQueueTheReportThatAReviewThenDecides() throws {
        let seeds = (0...4).map { fixtures.appendingPathComponent("s00\($0).txt").path }
        _ = try vanthu(["ingest", "--db", ws.db] + seeds)
        let lines = String(decoding: try vanthu(["initiatives", "list", "--db", ws.db, "--json"]), as: UTF8.self)
            .split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let item = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(item["status"] as? String, "submitted")
        XCTAssertEqual(item["first_applied"] as? String, "2024-02-29")
        XCTAssertEqual((item["authors"] as? [[String: Any]])?.map { $0["share"] as? Int }, [30, 30, 40])
        XCTAssertEqual(item["checks"] as? [String], ["initiative: the authors' table numbers 2 rows 2"])
        XCTAssertNotNil(item["campaign_letter"] as? String, "a seed campaign letter with a deadline is stored")
        let id = try XCTUnwrap(item["id"] as? Int)

        let said = String(decoding: try vanthu(["initiatives", "review", "\(id)", "--db", ws.db, "--decision", "reject",
                                                "--score", "40", "--note", "Trùng nội dung"]), as: UTF8.self)
        XCTAssertTrue(said.contains("Đã ghi quyết định cho sáng kiến #\(id): Không công nhận."), said)
        let shown = try XCTUnwrap(JSONSerialization.jsonObject(
            with: try vanthu(["initiatives", "show", "\(id)", "--db", ws.db, "--json"])) as? [String: Any])
        XCTAssertEqual(shown["status"] as? String, "rejected")
        XCTAssertEqual(shown["reviewer"] as? String, "thuky")
        XCTAssertEqual((shown["reviews"] as? [[String: Any]])?.map { $0["to_status"] as? String }, ["under_review", "rejected"])

        let csv = try vanthu(["initiatives", "export", "--db", ws.db, "--csv"])
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: csv, as: UTF8.self).contains(",Không công nhận,40,Trùng nội dung,"))
        XCTAssertEqual(String(decoding: try vanthu(["initiatives", "list", "--db", ws.db, "--status", "submitted", "--lang", "en"]),
                              as: UTF8.self), "No initiatives.\n")
        let missing = String(decoding: try vanthu(["initiatives", "review", "99", "--db", ws.db, "--decision", "accept"], status: 1),
                             as: UTF8.self)
        XCTAssertTrue(missing.contains("không có sáng kiến #99"), missing)
    }
}
