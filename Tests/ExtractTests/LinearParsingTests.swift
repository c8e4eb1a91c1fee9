import Foundation
import XCTest
@testable import Extract

/// A letter's text of one very long line (a PDF export without line ends, a hostile file) is
/// parsed in time linear in its length: four times the text, about four times the work.
final class LinearParsingTests: XCTestCase {
    /// CPU time of this thread, in seconds: the work done here, not the machine's other load.
    func cpuSeconds(_ body: () -> Void) -> Double {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b)
        return Double(b.tv_sec - a.tv_sec) + Double(b.tv_nsec - a.tv_nsec) / 1e9
    }

    /// One line holding `n` deadlines: the case where each match used to copy the whole text.
    func line(_ n: Int) -> String { String(repeating: "Hoàn thành trước ngày 15/12/2025, ", count: n) }

    func parse(_ text: String) -> [Deadline] {
        DeadlineParser.parse(LetterLines(text).flat(), letterDate: CalendarDate(year: 2025, month: 9, day: 10), kind: .congVan)
    }

    func testDeadlinesOfAOneLineTextCostWorkLinearInItsLength() {
        _ = parse(line(200))   // warm up (patterns compiled once)
        var small: [Deadline] = [], large: [Deadline] = []
        let t1 = cpuSeconds { small = parse(line(1_000)) }
        let t4 = cpuSeconds { large = parse(line(4_000)) }
        XCTAssertEqual(small.count, 1_000)
        XCTAssertEqual(large.count, 4_000)
        // Linear: about 4; the quadratic copy per match made it about 16.
        XCTAssertLessThan(t4 / max(t1, 1e-3), 8, "1000 deadlines \(t1) s, 4000 deadlines \(t4) s")
    }
}

/// One place bounds a line's length for every parser (LetterLines.longestLine).
final class LongLineTests: XCTestCase {
    func testALineOfHalfAMegabyteIsCutAtSpacesIntoBoundedLinesAndItsWordsKept() {
        let words = (0..<80_000).map { "từ\($0 % 97)" }
        let text = words.joined(separator: " ")
        XCTAssertGreaterThan(text.utf8.count, 500_000)
        let doc = LetterLines(text)
        XCTAssertGreaterThan(doc.count, text.utf8.count / LetterLines.longestLine)
        XCTAssertTrue(doc.lines.allSatisfy { $0.text.utf8.count <= LetterLines.longestLine })
        XCTAssertEqual(doc.flat().text.split(separator: " ").map(String.init), words)
        // A word longer than a line is cut on a character boundary, nothing lost.
        let long = String(repeating: "ệ", count: 5_000)
        XCTAssertEqual(LetterLines(long).lines.map(\.text).joined(), long)
    }
}
