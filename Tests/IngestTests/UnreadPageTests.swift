import CLeptonica
import Foundation
import XCTest
@testable import Ingest

/// No page left unread: scans that page preparation used to lose (a light, low-contrast scan, a
/// colour JPEG at 200 dpi) still give their text, and a page that cannot be read is named.
final class UnreadPageTests: XCTestCase {
    let reader = DocumentReader()

    /// The letter rendered at 200 dpi, then as a scanner on a light setting gives it: grey ink on
    /// grey paper (ink about 170, paper about 240 of 255).
    static func lightLowContrastScan(to path: String) throws {
        try LetterRendering.png(LetterRendering.letterMarkup, dpi: 200, to: path)
        _ = Pix.silenceLeptonica
        let page = try XCTUnwrap(Pix.read(path: path))
        let grey = try XCTUnwrap(page.map { pixConvertTo8($0, 0) })
        grey.with { _ = pixMultConstantGray($0, 0.27) }
        grey.with { _ = pixAddConstantGray($0, 170) }
        let noisy = try XCTUnwrap(grey.map { pixAddGaussianNoise($0, 4) })
        XCTAssertTrue(noisy.write(png: path))
    }

    /// The letter in blue ink on yellowed paper, at 200 dpi, saved as a lossy colour JPEG.
    static func colourJPEGScan(to path: String) throws {
        let png = path + ".png"
        defer { try? FileManager.default.removeItem(atPath: png) }
        try LetterRendering.png(LetterRendering.letterMarkup.replacingOccurrences(
            of: "<span size=\"11000\">", with: "<span size=\"11000\" foreground=\"#1c2a8c\">"), dpi: 200, to: png)
        _ = Pix.silenceLeptonica
        let page = try XCTUnwrap(Pix.read(path: png).flatMap { p in p.map { pixConvertTo32($0) } })
        let r = try XCTUnwrap(page.map { pixGetRGBComponent($0, Int32(COLOR_RED)) })
        let g = try XCTUnwrap(page.map { pixGetRGBComponent($0, Int32(COLOR_GREEN)) })
        let b = try XCTUnwrap(page.map { pixGetRGBComponent($0, Int32(COLOR_BLUE)) })
        // Yellowed paper: less blue, a little less green; grain on every channel.
        b.with { _ = pixMultConstantGray($0, 0.80) }
        g.with { _ = pixMultConstantGray($0, 0.94) }
        let (nr, ng, nb) = (try XCTUnwrap(r.map { pixAddGaussianNoise($0, 10) }),
                            try XCTUnwrap(g.map { pixAddGaussianNoise($0, 10) }),
                            try XCTUnwrap(b.map { pixAddGaussianNoise($0, 10) }))
        let colour = try XCTUnwrap(nr.with { rr in ng.with { gg in nb.map { pixCreateRGBImage(rr, gg, $0) } } })
        colour.with { _ = pixSetResolution($0, 200, 200) }
        XCTAssertEqual(colour.with { pixWriteJpeg(path, $0, 55, 0) }, 0)
    }

    private func assertReadsTheLetter(_ doc: IngestedDocument, file: StaticString = #filePath, line: UInt = #line) {
        let text = doc.text
        XCTAssertTrue(text.contains("2164/UBND-KGVX"), text, file: file, line: line)
        XCTAssertTrue(text.contains("Kính gửi"), text, file: file, line: line)
        XCTAssertTrue(text.contains("tháng 5 năm 2025"), text, file: file, line: line)
    }

    func testALightLowContrastScanIsRead() throws {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.lightLowContrastScan(to: dir + "/light.png")
        let doc = try reader.read(path: dir + "/light.png")
        assertReadsTheLetter(doc)
        // Under the fixed blank-page threshold the page was taken for blank: that verdict is
        // undone, and the warning says so.
        XCTAssertTrue(doc.warnings.map(\.english).contains { $0.hasPrefix("page 1: preparation left 0 characters") && $0.contains("binarisation undone") },
                      "\(doc.warnings)")
    }

    func testAColourJPEGScanAt200DPIIsRead() throws {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.colourJPEGScan(to: dir + "/scan.jpg")
        let doc = try reader.read(path: dir + "/scan.jpg")
        XCTAssertEqual(doc.kind, .jpeg)
        assertReadsTheLetter(doc)
    }

    func testAPageThatCannotBeReadIsNamedInTheError() throws {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        LetterRendering.blankPNG(to: dir + "/blank.png")
        XCTAssertThrowsError(try reader.read(path: dir + "/blank.png")) { error in
            let e = error as? IngestError
            XCTAssertEqual(e?.reason, .noText)
            XCTAssertEqual(e?.page, 1)
            XCTAssertTrue("\(error)".contains("blank.png (page 1)"), "\(error)")
        }
    }
}
