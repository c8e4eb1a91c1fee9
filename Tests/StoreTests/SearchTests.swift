import Foundation
import XCTest
import Extract
@testable import Store

final class SearchTests: IndexTestCase {
    var daNang: Int64 = 0, donVi: Int64 = 0, plain: Int64 = 0

    override func prepare() throws {
        daNang = try store.store(letter("12/UBND-KT", date: "2025-03-01", subject: "hợp tác với thành phố Đà Nẵng",
                                        body: "Kính gửi: UBND thành phố Đà Nẵng\nV/v hợp tác du lịch")).letterID
        donVi = try store.store(letter("13/SNV", date: "2025-03-02", subject: "rà soát biên chế",
                                       body: "Đề nghị các đơn vị trực thuộc báo cáo số lượng biên chế trước ngày 15/3/2025.")).letterID
        plain = try store.store(letter("2164/UBND-KGVX", date: "2025-04-17", subject: "day manh hoat dong sang kien",
                                       body: "Quyet dinh ve viec day manh hoat dong sang kien")).letterID
    }

    func testAQueryWithoutDiacriticsFindsTextWithThemDIncluded() throws {
        try eachIndex {
            let hits = try store.search("don vi")
            XCTAssertEqual(hits.map(\.letterID), [donVi])
            XCTAssertTrue(hits[0].snippet.contains("các «đơn» «vị» trực"), hits[0].snippet)
        }
    }

    func testDaNangIsFoundByDaNang() throws {
        try eachIndex {
            XCTAssertEqual(try store.search("da nang").map(\.letterID), [daNang])
            XCTAssertEqual(try store.search("ĐÀ NẴNG").map(\.letterID), [daNang])
        }
    }

    func testAQueryWithDiacriticsFindsTextTypedWithout() throws {
        try eachIndex {
            XCTAssertEqual(try store.search("Quyết định sáng kiến").map(\.letterID), [plain])
        }
    }

    func testANumberIsFoundAsAPhrase() throws {
        try eachIndex {
            let hits = try store.search("2164/UBND-KGVX")
            XCTAssertEqual(hits.map(\.letterID), [plain])
            XCTAssertEqual(hits[0].number, "2164/UBND-KGVX")
        }
    }

    func testTheSubjectOutranksTheBody() throws {
        try eachIndex {
            let inBody = try store.store(letter("20/VP", date: "2025-05-01", subject: "lịch công tác",
                                                body: "… có nội dung về biên chế ở cuối văn bản dài dài dài dài dài dài dài dài dài")).letterID
            let hits = try store.search("bien che")
            XCTAssertEqual(hits.map(\.letterID), [donVi, inBody])
            XCTAssertLessThan(hits[0].rank, hits[1].rank)
        }
    }

    func testNothingToSearchForFindsNothing() throws {
        try eachIndex {
            XCTAssertEqual(try store.search("  ;; ").count, 0)
            XCTAssertEqual(try store.search("khongcotrongvanban").count, 0)
        }
    }

    func testABroadQueryRanksOnlyTheNewestMatches() throws {
        try eachIndex {
            // An old letter with the words in its subject, then newer letters with them in the body.
            let old = try store.store(letter("30/VP", date: "2025-01-05", subject: "lịch trực tết",
                                             body: "lịch trực tết")).letterID
            var newer: [Int64] = []
            for i in 0..<6 {
                newer.append(try store.store(letter("\(31 + i)/VP", date: "2025-02-0\(i + 1)", subject: "thông báo \(i)",
                                                     body: "Văn bản số \(i) nhắc lại lịch trực tết của cơ quan.")).letterID)
            }
            let all = try store.find("lich truc tet", limit: 10)
            XCTAssertFalse(all.broad)
            XCTAssertEqual(all.matching, 7)
            XCTAssertEqual(all.hits.first?.letterID, old, "with every match ranked, the subject match is first")

            let broad = try store.find("lich truc tet", limit: 10, window: 4)
            XCTAssertTrue(broad.broad)
            XCTAssertEqual(broad.matching, 4)
            XCTAssertEqual(Set(broad.hits.map(\.letterID)), Set(newer.suffix(4)))
        }
    }
}
