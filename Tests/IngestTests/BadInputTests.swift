import CZlib
import Foundation
import XCTest
@testable import Ingest

/// Each bad input is a clear `IngestError` naming the file and the reason, in bounded time.
final class BadInputTests: XCTestCase {
    let reader = DocumentReader()
    var dir = ""

    override func setUp() { dir = LetterRendering.temporaryDirectory() }

    func reason(_ path: String) -> IngestError.Reason? {
        do { _ = try reader.read(path: path); return nil } catch let e as IngestError {
            XCTAssertEqual(e.path, path)
            XCTAssertTrue(e.description.hasPrefix(path), e.description)
            return e.reason
        } catch { XCTFail("not an IngestError: \(error)"); return nil }
    }

    func testAZeroByteFileIsEmpty() throws {
        FileManager.default.createFile(atPath: dir + "/empty.pdf", contents: Data())
        XCTAssertEqual(reason(dir + "/empty.pdf"), .empty)
    }

    func testATruncatedPNGIsDamaged() throws {
        try LetterRendering.png("Kính gửi: Sở Nội vụ", dpi: 100, to: dir + "/full.png")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/full.png"))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: dir + "/cut.png"))
        XCTAssertEqual(reason(dir + "/cut.png"), .corrupt(.imageData))
    }

    func testAnEncryptedPDFIsRefused() throws {
        try LetterRendering.pdf("Kính gửi: Sở Nội vụ", to: dir + "/plain.pdf")
        try LetterRendering.run("qpdf", ["--encrypt", "user-pw", "owner-pw", "256", "--", dir + "/plain.pdf", dir + "/locked.pdf"])
        XCTAssertEqual(reason(dir + "/locked.pdf"), .encrypted)
    }

    func testAPDFOfThousandsOfPagesIsRefusedQuickly() throws {
        try PDFBomb.write(pages: 5000, to: dir + "/bomb.pdf")
        let start = Date()
        XCTAssertEqual(reason(dir + "/bomb.pdf"), .tooLarge(.pages(5000, limit: IngestLimits().maxPages)))
        XCTAssertLessThan(Date().timeIntervalSince(start), 15)
    }

    func testAHugeImageIsRefusedFromItsHeader() throws {
        // A PNG whose header says 20000 × 20000 (400 million pixels); the pixels are never decoded.
        try HugePNG.write(width: 20000, height: 20000, to: dir + "/huge.png")
        let start = Date()
        XCTAssertEqual(reason(dir + "/huge.png"), .tooLarge(.pixels(400_000_000, limit: IngestLimits().maxPixels)))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }

    func testTheLimitsAreConfigurable() throws {
        try LetterRendering.pdf("Kính gửi: Sở Nội vụ\u{0C}Trang hai", to: dir + "/two.pdf")
        var options = IngestOptions()
        options.limits.maxPages = 0
        XCTAssertThrowsError(try DocumentReader(options: options).read(path: dir + "/two.pdf")) { e in
            guard case .tooLarge? = (e as? IngestError)?.reason else { return XCTFail("\(e)") }
        }
        LetterRendering.blankPNG(to: dir + "/page.png", width: 1000, height: 1000)
        options = IngestOptions()
        options.limits.maxPixels = 999_999
        XCTAssertThrowsError(try DocumentReader(options: options).read(path: dir + "/page.png")) { e in
            guard case .tooLarge? = (e as? IngestError)?.reason else { return XCTFail("\(e)") }
        }
    }

    func testAFileWithTheWrongExtensionIsSniffedByItsBytes() throws {
        try Data((0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }).write(to: URL(fileURLWithPath: dir + "/letter.pdf"))
        XCTAssertEqual(reason(dir + "/letter.pdf"), .unsupported(.binary(nameSays: "pdf")))
        // A text file named .docx is read as the text it is.
        try "Kính gửi: Sở Nội vụ".write(toFile: dir + "/note.docx", atomically: true, encoding: .utf8)
        XCTAssertEqual(try reader.read(path: dir + "/note.docx").text, "Kính gửi: Sở Nội vụ")
    }

    func testADocxWithoutItsDocumentIsUnsupported() throws {
        try ZipWriter.write(path: dir + "/x.docx", entries: [("word/styles.xml", Array("<a/>".utf8), false)])
        guard case .unsupported? = reason(dir + "/x.docx") else { return XCTFail("not refused") }
    }
}

/// A PDF with many empty pages, written by hand: a page tree of `pages` kids.
enum PDFBomb {
    static func write(pages: Int, to path: String) throws {
        var objects: [String] = ["<< /Type /Catalog /Pages 2 0 R >>"]
        let kids = (0..<pages).map { "\($0 + 3) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
        for _ in 0..<pages { objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>") }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        try out.write(toFile: path, atomically: true, encoding: .ascii)
    }
}

/// A PNG whose IHDR claims a size, followed by a token IDAT: enough for a header reader.
enum HugePNG {
    static func write(width: Int, height: Int, to path: String) throws {
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)] }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let td = Array(type.utf8) + data
            let crc = td.withUnsafeBufferPointer { Int(crc32(0, $0.baseAddress, uInt($0.count))) }
            return be32(data.count) + td + be32(crc)
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", be32(width) + be32(height) + [8, 0, 0, 0, 0])
        png += chunk("IDAT", [0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
        png += chunk("IEND", [])
        try Data(png).write(to: URL(fileURLWithPath: path))
    }
}
