import CZlib
import Foundation
import XCTest
@testable import Ingest

/// PDFs with a good text layer, Word files, and the layout rules, without OCR (fast).
final class DocumentFormatTests: XCTestCase {
    let reader = DocumentReader()

    func testAPDFWithAGoodTextLayerIsReadFromIt() throws {
        let dir = LetterRendering.temporaryDirectory()
        try LetterRendering.pdf(LetterRendering.letterMarkup, to: dir + "/letter.pdf")
        let doc = try reader.read(path: dir + "/letter.pdf")
        XCTAssertEqual(doc.pages.map(\.origin), [.pdfText])
        XCTAssertNil(doc.ocrConfidence)
        XCTAssertTrue(doc.text.contains("Số: 2164/UBND-KGVX"), doc.text)
        XCTAssertTrue(doc.text.contains("Kính gửi: Sở Thông tin và Truyền thông"), doc.text)
        XCTAssertTrue(doc.warnings.isEmpty, "\(doc.warnings)")
    }

    func testADocxReadsParagraphsTabsAndTableRowsAsLines() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:tbl><w:tr>
          <w:tc><w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p><w:p><w:r><w:t>Số: 12/UBND-VP</w:t></w:r></w:p></w:tc>
          <w:tc><w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p><w:p><w:r><w:t>Hà Nội, ngày 2 tháng 3 năm 2025</w:t></w:r></w:p></w:tc>
        </w:tr></w:tbl>
        <w:p><w:r><w:t xml:space="preserve">Kính gửi: </w:t></w:r><w:r><w:t>Các sở</w:t></w:r></w:p>
        <w:p><w:r><w:t>a)</w:t></w:r><w:r><w:tab/><w:t>Nội dung</w:t></w:r><w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del></w:p>
        </w:body></w:document>
        """
        let dir = LetterRendering.temporaryDirectory()
        let path = dir + "/letter.docx"
        try ZipWriter.write(path: path, entries: [
            ("[Content_Types].xml", Array("<Types/>".utf8), false),
            ("word/document.xml", Array(xml.utf8), true),
        ])
        let doc = try reader.read(path: path)
        XCTAssertEqual(doc.kind, .docx)
        XCTAssertEqual(doc.origin, .docx)
        XCTAssertEqual(doc.text.components(separatedBy: "\n"), [
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 12/UBND-VP\tHà Nội, ngày 2 tháng 3 năm 2025",
            "Kính gửi: Các sở",
            "a)\tNội dung",
        ])
    }

    func testAnOldWordFileIsReadWithAntiword() throws {
        let corpus = "/work/shared/corpus/056.doc"
        try XCTSkipUnless(FileManager.default.fileExists(atPath: corpus), "the shared corpus is not on this machine")
        let doc = try reader.read(path: corpus)
        XCTAssertEqual(doc.kind, .doc)
        XCTAssertEqual(doc.origin, .docx)
        XCTAssertTrue(doc.text.contains("Số: 09/2009/CT-UBND"), String(doc.text.prefix(400)))
    }

    func testTheSignatureBoxOfATextLayerGoesToHints() {
        let page = """
                                                                  TRUNG TÂM CÔNG BÁO
                                                                  VÀ TIN HỌC
                                                                  ttcbth@quangngai.gov.vn
                                                                  09.01.2025 10:21:11 +07:00

           ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
           Số: 11 /TB-UBND                 Quảng Ngãi, ngày 08 tháng 01 năm 2025
        """
        let (text, time) = PageMarks.stripSignatureBox(page)
        XCTAssertEqual(time, "2025-01-09T10:21:11")
        XCTAssertFalse(text.contains("CÔNG BÁO"), text)
        XCTAssertFalse(text.contains("@"), text)
        XCTAssertTrue(text.contains("Số: 11 /TB-UBND"))

        let signed = "Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\nCơ quan: Tỉnh Quảng Ngãi\nThời gian ký: 07/02/2025 17:12:11\nỦY BAN NHÂN DÂN"
        let (rest, t2) = PageMarks.stripSignatureBox(signed)
        XCTAssertEqual(t2, "2025-02-07T17:12:11")
        XCTAssertEqual(rest, "ỦY BAN NHÂN DÂN")
    }

    /// Hand-written digits OCR garbled into an `@` and a dot (`sø.@_Z`) are not an e-mail line of
    /// the signature box: the header's block, seven lines, had gone out of the text with the box.
    func testGarbledDigitsAreNotTheSignatureBoxsEmailLine() {
        func line(_ text: String, _ x0: Int, _ y0: Int, block: Int) -> OCRLine {
            let words = text.split(separator: " ").enumerated().map { i, w in
                OCRWord(text: String(w), box: Box(x0: x0 + 120 * i, y0: y0, x1: x0 + 120 * i + 100, y1: y0 + 40), confidence: 90)
            }
            return OCRLine(words: words, box: Box(x0: x0, y0: y0, x1: words.last!.box.x1, y1: y0 + 40), block: block, rotated: false)
        }
        let lines = [line("Ký bởi: Ủy ban nhân dân tỉnh", 1770, 60, block: 0),
                     line("Thời gian ký: 17/10/2025 08:43:25", 1770, 136, block: 0),
                     line("ỦY BAN NHÂN DÂN", 395, 300, block: 1), line("CỘNG HÒA XÃ HỘI", 1165, 300, block: 1),
                     line("THÀNH PHỐ HÀ NỘI", 361, 365, block: 1), line("Độc lập - Tự do", 1341, 370, block: 1),
                     line("sø.@_Z /BC-UBND", 303, 500, block: 1), line("Hà Nội, ngày /£ tháng", 1170, 500, block: 1),
                     line("BÁO CÁO", 1108, 706, block: 1),
                     line("Về kết quả thực hiện nhiệm vụ quý 1", 776, 784, block: 2)]
        let page = LetterPageLayout(pageWidth: 2480, pageHeight: 3508).arrange(lines)
        XCTAssertTrue(page.text.contains("sø.@_Z /BC-UBND"), page.text)
        XCTAssertTrue(page.text.contains("BÁO CÁO"), page.text)
        XCTAssertFalse(page.text.contains("Ký bởi"), page.text)
        XCTAssertEqual(page.hints.signatureTime, "2025-10-17T08:43:25")
        XCTAssertTrue(PageMarks.isSignatureBoxLine("ttcbth@quangngai.gov.vn"))
        XCTAssertTrue(PageMarks.isSignatureBoxLine("vanthu@hanoi.gov.vn"))
    }

    /// A speck of the hand beside the date, read as a line of its own (`(` just left of the
    /// hand-written day), does not cut the date's row: `Bình Dương, ngày` stays before the day,
    /// month and year (generated letter: read after them, the date was lost).
    func testASpeckBesideTheDateDoesNotCutItsRow() {
        func line(_ words: [(String, Int, Int, Int, Int)], block: Int = 1) -> OCRLine {
            let w = words.map { OCRWord(text: $0.0, box: Box(x0: $0.1, y0: $0.2, x1: $0.3, y1: $0.4), confidence: 90) }
            return OCRLine(words: w, box: Box(x0: w.map(\.box.x0).min()!, y0: w.map(\.box.y0).min()!,
                                              x1: w.map(\.box.x1).max()!, y1: w.map(\.box.y1).max()!), block: block, rotated: false)
        }
        let lines = [line([("SỞ", 461, 296, 530, 342), ("TÀI", 548, 296, 640, 342), ("CHÍNH", 658, 296, 799, 342),
                           ("CỘNG", 1165, 299, 1311, 351), ("HÒA", 1330, 301, 1441, 343), ("VIỆT", 1968, 301, 2088, 351), ("NAM", 2105, 310, 2223, 343)]),
                     line([("TỈNH", 375, 359, 512, 407), ("BÌNH", 531, 365, 676, 407), ("DƯƠNG", 694, 360, 881, 407),
                           ("Độc", 1341, 370, 1434, 416), ("lập", 1453, 370, 1529, 416), ("phúc", 1927, 370, 2047, 416)]),
                     line([("-a.s„", 435, 475, 498, 509), ("7", 541, 450, 591, 543), ("(", 1622, 490, 1645, 530)]),
                     line([("Số:", 303, 513, 369, 552), ("€2", 415, 502, 513, 554), ("/KH-UBND", 646, 518, 893, 557),
                           ("Bình", 1169, 516, 1271, 552), ("Dương,", 1289, 518, 1451, 562), ("ngày", 1471, 515, 1578, 562),
                           ("⁄", 1647, 481, 1697, 565), ("tháng", 1751, 515, 1879, 562), ("09", 1898, 518, 1951, 553),
                           ("năm", 1971, 516, 2063, 553), ("2024", 2080, 518, 2191, 553)]),
                     line([("KẾ", 1082, 699, 1160, 763), ("HOẠCH", 1180, 699, 1401, 763)], block: 2)]
        let text = LetterPageLayout(pageWidth: 2480, pageHeight: 3508).arrange(lines).text
        XCTAssertTrue(text.contains("Bình Dương, ngày ( ⁄ tháng 09 năm 2024"), text)
    }

    func testTextLayerQuality() {
        XCTAssertEqual(TextLayerQuality.assess("Ký bởi: Ủy ban"), .tooLittle)
        XCTAssertEqual(TextLayerQuality.assess("""
            UY BAN NHAN DAN CQNG HOA XA HQI CHU NGHIA VIET NAM TINH BINH DUONG Doc lap Tu do Hanh phuc
            Nhan dip Dai hoi Dang toan quoc lan thu XII, ky niem 86 nam ngay thanh lap Dang Cong san Viet Nam
            va Tet Nguyen dan Binh Than nam 2016, Uy ban nhan dan tinh thong bao
            """), .lostDiacritics)
        XCTAssertEqual(TextLayerQuality.assess("""
            Ủy ban nhân dân tỉnh thông báo kết luận của Chủ tịch tại cuộc họp về tình hình thực hiện
            công tác cổ phần hóa trong thời gian qua và nhiệm vụ trọng tâm trong thời gian đến
            """), .good)
        XCTAssertEqual(TextLayerQuality.assess(String(repeating: "Xq7#zz Wkrpt qqxv bzzlf Mnnrtsk ", count: 10)), .garbage)
    }

    func testParallelMapKeepsInputOrder() {
        let out = Parallel.map(50, workers: 4) { i -> Int in usleep(UInt32((50 - i) * 100)); return i * i }
        XCTAssertEqual(out, (0..<50).map { $0 * $0 })
    }
}

/// Writes a small zip (stored or raw-deflated entries) for .docx tests.
enum ZipWriter {
    static func write(path: String, entries: [(String, [UInt8], Bool)]) throws {
        var out: [UInt8] = [], central: [UInt8] = []
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8 & 0xff)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xffff) + le16(v >> 16 & 0xffff) }
        for (name, data, deflate) in entries {
            let crc = data.withUnsafeBufferPointer { Int(crc32(0, $0.baseAddress, uInt($0.count))) }
            let body = deflate ? rawDeflate(data) : data
            let method = deflate ? 8 : 0
            let offset = out.count
            let nameBytes = Array(name.utf8)
            out += le32(0x04034b50) + le16(20) + le16(0) + le16(method) + le32(0) + le32(crc)
                + le32(body.count) + le32(data.count) + le16(nameBytes.count) + le16(0) + nameBytes + body
            central += le32(0x02014b50) + le16(20) + le16(20) + le16(0) + le16(method) + le32(0) + le32(crc)
                + le32(body.count) + le32(data.count) + le16(nameBytes.count) + le16(0) + le16(0) + le16(0)
                + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let cdOffset = out.count
        out += central
        out += le32(0x06054b50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
            + le32(central.count) + le32(cdOffset) + le16(0)
        try Data(out).write(to: URL(fileURLWithPath: path))
    }

    static func rawDeflate(_ data: [UInt8]) -> [UInt8] {
        var s = z_stream()
        deflateInit2_(&s, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        var input = data
        var out = [UInt8](repeating: 0, count: data.count + 1024)
        let n = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf -> Int in
                s.next_in = inBuf.baseAddress; s.avail_in = uInt(inBuf.count)
                s.next_out = outBuf.baseAddress; s.avail_out = uInt(outBuf.count)
                deflate(&s, Z_FINISH)
                return outBuf.count - Int(s.avail_out)
            }
        }
        deflateEnd(&s)
        return Array(out[0..<n])
    }
}
