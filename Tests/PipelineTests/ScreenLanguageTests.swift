import Foundation
import XCTest
import LanguageCheck

/// Every screen in one language: each command's help, and the seeds through extract, show,
/// deadlines and the initiative queue, in Vietnamese without English words and in English
/// without Vietnamese message words.
final class ScreenLanguageTests: XCTestCase {
    var ws: Workspace!
    override func setUpWithError() throws { ws = try Workspace() }
    override func tearDownWithError() throws { ws.remove() }

    func vanthu(_ args: [String], status: Int32 = 0, env: [String: String] = [:]) throws -> String {
        String(decoding: try runVanthu(args, status: status, env: env), as: UTF8.self)
    }

    static let commands: [[String]] = [
        [], ["extract"], ["text"], ["ingest"], ["watch"], ["deadlines"], ["deadlines", "list"], ["deadlines", "done"],
        ["deadlines", "reopen"], ["search"], ["show"], ["initiatives"], ["initiatives", "list"], ["initiatives", "show"],
        ["initiatives", "export"], ["initiatives", "review"], ["register"], ["register", "list"], ["register", "add"],
        ["assign"], ["remind"],
    ]

    func testEveryHelpScreenIsInOneLanguage() throws {
        for command in Self.commands {
            let vi = try vanthu(command + ["--help"])
            XCTAssertEqual(LanguageCheck.englishIn(vi), [], "vanthu \(command) --help in Vietnamese:\n\(vi)")
            XCTAssertTrue(vi.contains("CÁCH DÙNG:") && vi.contains("Hiện trợ giúp."), vi)
            for en in [try vanthu(command + ["--help", "--lang", "en"]), try vanthu(["--lang", "en"] + command + ["--help"]),
                       try vanthu(command + ["--help"], env: ["VANTHU_LANG": "en"])] {
                XCTAssertEqual(LanguageCheck.vietnameseIn(en), [], "vanthu \(command) --help in English:\n\(en)")
                XCTAssertTrue(en.contains("USAGE:"), en)
            }
        }
        XCTAssertTrue(try vanthu(["extract", "--help"]).contains("Ví dụ:"), "help has examples")
    }

    func testArgumentErrorsFollowTheLanguage() throws {
        let vi = try vanthu(["deadlines", "--within", "x"], status: 64)
        XCTAssertTrue(vi.hasPrefix("Lỗi: Giá trị 'x' không hợp lệ"), vi)
        let en = try vanthu(["deadlines", "--within", "x", "--lang", "en"], status: 64)
        XCTAssertTrue(en.hasPrefix("Error: The value 'x' is invalid"), en)
        XCTAssertTrue(try vanthu(["--lang", "fr", "deadlines"], status: 64).contains("không có ngôn ngữ 'fr'"))
        XCTAssertTrue(try vanthu(["initiatives", "review", "1", "--decision", "accept", "--score", "120"], status: 64)
            .contains("--score phải từ 0 đến 100"))
    }

    func testTheSeedsOnEveryScreenInOneLanguage() throws {
        let seeds = (0...4).map { fixtures.appendingPathComponent("s00\($0).txt").path }
        try vanthu(["ingest", "--db", ws.db] + seeds)
        let screens: [[String]] = [["extract"] + seeds, ["show", "1"], ["show", "2"], ["show", "3"], ["show", "4"],
                                   ["show", "5"], ["deadlines", "--all"], ["initiatives", "list"], ["initiatives", "show", "1"],
                                   ["register"], ["remind", "--within", "400"]]
        for screen in screens {
            let db = screen[0] == "extract" ? [] : ["--db", ws.db]
            let vi = try vanthu(screen + db)
            XCTAssertEqual(Self.englishLabels(vi), [], "vanthu \(screen) in Vietnamese:\n\(vi)")
            let en = try vanthu(screen + db + ["--lang", "en"])
            XCTAssertEqual(Self.vietnameseLabels(en), [], "vanthu \(screen) in English:\n\(en)")
        }
        let sheet = try vanthu(["initiatives", "export", "--db", ws.db])
        XCTAssertTrue(sheet.hasPrefix("\u{FEFF}Mã,Tên sáng kiến,Tác giả,Áp dụng lần đầu,Cần kiểm tra,Trạng thái"), sheet)
        XCTAssertTrue(sheet.contains("Đã nhận"), "status as a word: \(sheet)")
        let show = try vanthu(["show", "1", "--db", ws.db])
        XCTAssertFalse(show.contains("cong_van") || show.contains("hoa_toc") || show.contains("(nghi_quyet)"), show)
    }

    /// What the screen itself says (labels, warnings, headings), without the letters' own words:
    /// the words before a value column, and whole lines that carry no letter text.
    static func screenWords(_ screen: String) -> String {
        screen.components(separatedBy: "\n").map { line -> String in
            let t = line.trimmingCharacters(in: .whitespaces)
            // A summary line is "  Label<padding> value": keep the label (and a warning's text).
            if line.hasPrefix("  "), t.count > 18 {
                let label = String(line.dropFirst(2).prefix(18))
                let value = String(line.dropFirst(21))
                let isWarning = ["Cảnh báo", "Warnings"].contains(label.trimmingCharacters(in: .whitespaces))
                return label + (isWarning ? " " + value : "")
            }
            return t.hasSuffix(":") ? t : ""
        }.joined(separator: "\n")
    }

    static func englishLabels(_ s: String) -> [String] { LanguageCheck.englishIn(screenWords(s)) }
    static func vietnameseLabels(_ s: String) -> [String] { LanguageCheck.vietnameseIn(screenWords(s)) }
}
