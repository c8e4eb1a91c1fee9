import XCTest
import Ingest
import LanguageCheck

/// Every reason a file cannot be read, in both languages, naming the file and page as values.
final class IngestErrorLanguageTests: XCTestCase {
    func testEveryReadingErrorIsSaidInBothLanguages() {
        for e in IngestError.examples {
            let vi = e.text(.vi), en = e.text(.en)
            XCTAssertTrue(vi.hasPrefix("thu.pdf (trang 2): "), vi)
            XCTAssertTrue(en.hasPrefix("thu.pdf (page 2): "), en)
            XCTAssertEqual(LanguageCheck.englishIn(vi), [], "English in the Vietnamese of \(e.reason): \(vi)")
            XCTAssertEqual(LanguageCheck.vietnameseIn(en), [], "Vietnamese in the English of \(e.reason): \(en)")
        }
        for n in ReadingNote.examples {
            XCTAssertEqual(LanguageCheck.englishIn(n.text(.vi)), [], n.text(.vi))
            XCTAssertEqual(LanguageCheck.vietnameseIn(n.text(.en)), [], n.text(.en))
        }
    }

    func testAPathIsNeverTranslated() {
        // A file whose name holds words of the messages keeps its name in both languages.
        let e = IngestError(path: "tiff-500-pages.tif", .tooLarge(.pages(500, limit: 200)))
        XCTAssertTrue(e.text(.vi).hasPrefix("tiff-500-pages.tif: "), e.text(.vi))
    }
}
