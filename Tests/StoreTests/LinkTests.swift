import Foundation
import XCTest
import Extract
@testable import Store

final class LinkTests: IndexTestCase {

    /// s000 cites `Công văn số 2164/UBND-KGVX ngày 17/4/2025`.
    func citingLetter() -> NewLetter {
        letter("/VP-HCQT", seq: nil, date: "2025-04", subject: "đẩy mạnh hoạt động sáng kiến tại Văn phòng UBND tỉnh",
               references: [Reference(kind: .congVan, number: "2164/UBND-KGVX", date: "2025-04-17")])
    }

    func testACitedLetterStoredFirstIsLinkedExactly() throws {
        try eachIndex {
            let cited = try store.store(letter("2164/UBND-KGVX", date: "2025-04-17", subject: "sáng kiến")).letterID
            let citing = try store.store(citingLetter()).letterID
            XCTAssertEqual(try store.citations(of: citing).map(\.letterID), [cited])
            XCTAssertEqual(try store.citations(of: citing).first?.match, .exact)
            XCTAssertEqual(try store.citingLetters(of: cited).map(\.letterID), [citing])
        }
    }

    func testACitedLetterStoredSecondIsLinkedExactly() throws {
        try eachIndex {
            let citing = try store.store(citingLetter()).letterID
            let cited = try store.store(letter("2164/UBND-KGVX", date: "2025-04-17", subject: "sáng kiến")).letterID
            XCTAssertEqual(try store.citingLetters(of: cited).map(\.letterID), [citing])
            XCTAssertEqual(try store.citingLetters(of: cited).first?.match, .exact)
        }
    }

    func testTheSeedsOcrMisreadIsLinkedAndFlaggedEitherWayRound() throws {
        try eachIndex {
            // s001 reads `2464/UBND-KGVX`, dated 2025-04 (day blank); s000 cites 2164 of 2025-04-17.
            let misread = letter("2464/UBND-KGVX", date: "2025-04", subject: "đẩy mạnh hoạt động sáng kiến")
            let cited = try store.store(misread).letterID
            let citing = try store.store(citingLetter()).letterID
            let links = try store.citations(of: citing)
            XCTAssertEqual(links.map(\.letterID), [cited])
            XCTAssertEqual(links.first?.match, .probableMisread)
            XCTAssertEqual(links.first?.citedAs, "2164/UBND-KGVX")

            let (other, otherDir) = try temporaryStore()
            defer { try? FileManager.default.removeItem(at: otherDir) }
            let citing2 = try other.store(citingLetter()).letterID
            let cited2 = try other.store(misread).letterID
            XCTAssertEqual(try other.citingLetters(of: cited2).map(\.letterID), [citing2])
            XCTAssertEqual(try other.citingLetters(of: cited2).first?.match, .probableMisread)
        }
    }

    func testNoMisreadLinkWhenTheMonthDiffersOrTheDigitsAreNotConfusable() throws {
        try eachIndex {
            try store.store(letter("2464/UBND-KGVX", date: "2025-05-02", subject: "khác tháng"))
            try store.store(letter("2134/UBND-KGVX", date: "2025-04-20", subject: "6 và 3 không nhầm"))
            try store.store(letter("2164/UBND-KT", date: "2025-04-17", subject: "khác ký hiệu"))
            let citing = try store.store(citingLetter()).letterID
            XCTAssertEqual(try store.citations(of: citing).count, 0)
        }
    }

    func testAnExactMatchIsPreferredOverAMisread() throws {
        try eachIndex {
            let exact = try store.store(letter("2164/UBND-KGVX", date: "2025-04-17", subject: "đúng số")).letterID
            try store.store(letter("2464/UBND-KGVX", date: "2025-04-20", subject: "số gần giống"))
            let citing = try store.store(citingLetter()).letterID
            XCTAssertEqual(try store.citations(of: citing).map(\.letterID), [exact])
        }
    }

    func testMisreadVariantsChangeOneDigitThroughTheTable() {
        let v = DigitMisreads.variants(of: "2164/UBND-KGVX")
        XCTAssertTrue(v.contains("2464/UBND-KGVX"))
        XCTAssertTrue(v.contains("2764/UBND-KGVX"))
        XCTAssertFalse(v.contains("2164/UBND-KGVX"))
        XCTAssertFalse(v.contains("2434/UBND-KGVX"), "two digits changed")
    }

    func testTheSameNumberOfAnotherYearIsNotTheCitedLetter() throws {
        try eachIndex {
            // Numbers start again each year: 2164/UBND-KGVX of 2024 is another letter.
            let lastYear = try store.store(letter("2164/UBND-KGVX", date: "2024-03-02", subject: "năm trước")).letterID
            let undated = try store.store(letter("2164/UBND-KGVX", date: nil, subject: "ngày không đọc được")).letterID
            let citing = try store.store(citingLetter()).letterID
            XCTAssertEqual(try store.citations(of: citing).map(\.letterID), [undated])
            XCTAssertEqual(try store.citingLetters(of: lastYear), [])
            let cited = try store.store(letter("2164/UBND-KGVX", date: "2025-04-17", subject: "đúng năm")).letterID
            XCTAssertEqual(try store.citingLetters(of: cited).map(\.letterID), [citing])
        }
    }
}
