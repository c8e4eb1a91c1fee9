import XCTest
import Extract
import LanguageCheck

/// Every warning a record can carry, rendered in both languages: the Vietnamese has no English
/// word, the English no Vietnamese message word, and the two differ.
final class MessageLanguageTests: XCTestCase {
    func testEveryLetterWarningIsSaidInBothLanguages() {
        XCTAssertGreaterThan(LetterWarning.examples.count, 25)
        for w in LetterWarning.examples {
            let vi = w.text(.vi), en = w.text(.en)
            XCTAssertEqual(LanguageCheck.englishIn(vi), [], "English in the Vietnamese of \(w): \(vi)")
            XCTAssertEqual(LanguageCheck.vietnameseIn(en), [], "Vietnamese in the English of \(w): \(en)")
            XCTAssertNotEqual(vi, en, "\(w) is not translated")
        }
    }

    func testTheJSONRecordCarriesTheEnglishSentencesAndTheIndexTheTypedValues() throws {
        var record = LetterRecord(source: Source(file: "x.txt"))
        record.warnings = [.numberBlank(printed: "/UBND"), .reading(.pageBlank(page: 2))]
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as! [String: Any]
        XCTAssertEqual(json["warnings"] as? [String],
                       ["number: the number is blank (/UBND): an unsigned draft?", "page 2 is blank: skipped"])
        let typed = JSONEncoder()
        typed.userInfo[.typedWarnings] = true
        let back = try JSONDecoder().decode(LetterRecord.self, from: typed.encode(record))
        XCTAssertEqual(back.warnings, record.warnings)
        // A record printed as JSON reads back with its sentences kept as they were.
        let printed = try JSONDecoder().decode(LetterRecord.self, from: JSONEncoder().encode(record))
        XCTAssertEqual(printed.warnings.map(\.english), record.warnings.map(\.english))
    }

    func testKindsAreShownAsWordsNotCodes() {
        XCTAssertEqual(DocumentKind.congVan.text(.vi), "Công văn")
        XCTAssertEqual(DocumentKind.quyetDinh.text(.en), "Decision")
        for kind in DocumentKind.allCases where kind != .unknown {
            XCTAssertFalse(kind.text(.vi).contains("_"), "\(kind) has no name")
        }
    }
}
