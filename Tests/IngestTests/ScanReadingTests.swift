import Foundation
import XCTest
@testable import Ingest

/// Real OCR through libtesseract on letters rendered by the tests. Each page costs a few seconds:
/// few pages, each proving several things.
final class ScanReadingTests: XCTestCase {
    let reader = DocumentReader()

    func lineIndex(_ text: String, _ needle: String) -> Int? {
        text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }
    }

    func testASkewedNoisyStampedScanReadsHeaderColumnsApartAndKeepsTheStampAsAHint() throws {
        let dir = LetterRendering.temporaryDirectory()
        let path = dir + "/letter.png"
        try LetterRendering.scannedLetter(to: path, skew: 1.5)
        let doc = try reader.read(path: path)
        let text = doc.text
        XCTAssertEqual(doc.kind, .png)
        XCTAssertEqual(doc.origin, .ocr)
        XCTAssertTrue(text.contains("Số: 2164/UBND-KGVX"), text)
        XCTAssertTrue(text.contains("Kính gửi:"), text)
        XCTAssertTrue(text.contains("ngày 15 tháng 5 năm 2025"), text)
        // Left column (issuer, number) whole before the right column (motto, date): not interleaved.
        let issuer = try XCTUnwrap(lineIndex(text, "VĂN PHÒNG ỦY BAN NHÂN DÂN"), text)
        let number = try XCTUnwrap(lineIndex(text, "Số: 2164"), text)
        let motto = try XCTUnwrap(lineIndex(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text)
        let date = try XCTUnwrap(lineIndex(text, "ngày 15 tháng 5"), text)
        XCTAssertLessThan(issuer, number)
        XCTAssertLessThan(number, motto)
        XCTAssertLessThan(motto, date)
        XCTAssertFalse(text.components(separatedBy: "\n")[motto].contains("UBND"), "columns mixed: \(text)")
        // The red KHẨN stamp is out of the text, its meaning kept.
        XCTAssertFalse(text.components(separatedBy: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "KHẨN" }, text)
        XCTAssertEqual(doc.hints.urgency, .khan)
        let confidence = try XCTUnwrap(doc.ocrConfidence)
        XCTAssertGreaterThan(confidence, 0.7)
        XCTAssertFalse(doc.pages[0].lines.isEmpty)
        XCTAssertNotNil(doc.pages[0].lines[0].box)
    }

    func testAnUrgencyStampPutOnAskewIsStillRead() throws {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/hoa-toc.png"
        try LetterRendering.letterWithTiltedUrgencyStamp(to: path)
        let doc = try reader.read(path: path)
        XCTAssertEqual(doc.hints.urgency, .hoaToc)
        XCTAssertTrue(doc.text.contains("Số: 2164/UBND-KGVX"), doc.text)
    }

    func testAnImageOnlyPDFIsReadByOCR() throws {
        let dir = LetterRendering.temporaryDirectory()
        try LetterRendering.png(LetterRendering.letterMarkup, dpi: 150, to: dir + "/page.png")
        try LetterRendering.imageOnlyPDF(from: dir + "/page.png", to: dir + "/scan.pdf")
        let doc = try reader.read(path: dir + "/scan.pdf")
        XCTAssertEqual(doc.kind, .pdf)
        XCTAssertEqual(doc.pages.map(\.origin), [.ocr])
        XCTAssertTrue(doc.text.contains("Kính gửi:"), doc.text)
        XCTAssertTrue(doc.text.contains("2164/UBND-KGVX"), doc.text)
    }

    func testAMultiPageTIFFSkipsItsBlankPage() throws {
        let dir = LetterRendering.temporaryDirectory()
        try LetterRendering.png(LetterRendering.letterMarkup, dpi: 200, to: dir + "/page.png")
        LetterRendering.blankPNG(to: dir + "/blank.png")
        try LetterRendering.tiff(pages: [dir + "/page.png", dir + "/blank.png"], to: dir + "/scan.tif")
        let doc = try reader.read(path: dir + "/scan.tif")
        XCTAssertEqual(doc.kind, .tiff)
        XCTAssertEqual(doc.pages.map(\.number), [1])
        XCTAssertEqual(doc.warnings, [.pageBlank(page: 2)])
        XCTAssertTrue(doc.text.contains("Sở Thông tin và Truyền thông"), doc.text)
    }

    func testAPDFTextLayerWithoutDiacriticsIsReplacedByOCR() throws {
        let dir = LetterRendering.temporaryDirectory()
        // The text layer and the glyphs both lack diacritics: what matters is the decision and the warning.
        let plain = LetterRendering.letterMarkup.folding(options: .diacriticInsensitive, locale: nil)
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        try LetterRendering.pdf(plain, to: dir + "/bad.pdf")
        let doc = try reader.read(path: dir + "/bad.pdf")
        XCTAssertEqual(doc.pages.map(\.origin), [.ocr])
        XCTAssertEqual(doc.warnings, [.textLayerReplaced(page: 1, problem: .lostDiacritics)])
    }
}
