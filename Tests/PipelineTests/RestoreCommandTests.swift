import Foundation
import XCTest

/// Letters that came without their diacritics, through the built binary: `text --restore`,
/// `extract` (the record restored) and `ingest` + `search` (the original words still found).
final class RestoreCommandTests: XCTestCase {
    var ws: Workspace!
    override func setUpWithError() throws { ws = try Workspace() }
    override func tearDownWithError() throws { ws.remove() }

    /// A công văn typed without diacritics (written for this test).
    let strippedLetter = """
        UY BAN NHAN DAN                 CONG HOA XA HOI CHU NGHIA VIET NAM
        TINH QUANG NGAI                       Doc lap - Tu do - Hanh phuc

        So: 315/UBND-NC                  Quang Ngai, ngay 12 thang 3 nam 2025
        V/v trien khai cong tac phong chong thien tai nam 2025

        Kinh gui:
        - Cac so, ban, nganh thuoc tinh;
        - UBND cac huyen, thi xa, thanh pho.

        Thuc hien Quyet dinh so 120/QD-UBND ngay 10/01/2025 cua UBND tinh, Chu tich UBND tinh de nghi
        cac co quan, don vi to chuc thuc hien nghiem tuc cac noi dung sau va bao cao ket qua ve
        So Nong nghiep va Phat trien nong thon truoc ngay 30/6/2025 de tong hop.

        Noi nhan:                                      KT. CHU TICH
        - Nhu tren;                                    PHO CHU TICH
        - Luu: VT, NC.

        """

    func write(_ name: String, _ text: String) throws -> String {
        let url = ws.root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testTextRestoreReadsStandardInput() throws {
        let input = try write("in.txt", "Kinh gui: So Noi vu tinh Quang Ngai\n")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try vanthuBinary())
        p.arguments = ["text", "--restore", "-"]
        p.standardInput = FileHandle(forReadingAtPath: input)
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "Kính gửi: Sở Nội vụ tỉnh Quảng Ngãi\n")
    }

    func testAStrippedLetterIsRestoredBeforeExtraction() throws {
        let path = try write("cv315.txt", strippedLetter)
        let line = String(decoding: try runVanthu(["extract", "--json", path]), as: UTF8.self)
        let record = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(record["diacritics"] as? String, "restored")
        XCTAssertEqual(record["subject"] as? String, "triển khai công tác phòng chống thiên tai năm 2025")
        XCTAssertEqual(record["recipients"] as? [String], ["Các sở, ban, ngành thuộc tỉnh", "UBND các huyện, thị xã, thành phố"])
        XCTAssertEqual(record["place"] as? String, "Quảng Ngãi")
        let warnings = try XCTUnwrap(record["warnings"] as? [String])
        XCTAssertTrue(warnings.contains { $0.hasPrefix("diacritics restored") && $0.contains("uncertain") }, "\(warnings)")
        let deadline = try XCTUnwrap((record["deadlines"] as? [[String: Any]])?.first)
        XCTAssertEqual(deadline["due"] as? String, "2025-06-30")
        XCTAssertTrue((deadline["text"] as? String ?? "").contains("Sở Nông nghiệp và Phát triển nông thôn trước ngày 30/6/2025"), "\(deadline)")
        let number = try XCTUnwrap(record["number"] as? [String: Any])
        XCTAssertEqual(number["text"] as? String, "315/UBND-NC")
        XCTAssertEqual((record["references"] as? [[String: Any]])?.first?["number"] as? String, "120/QĐ-UBND")
    }

    func testTheOCRdSeedIsStoredRestoredAndItsOriginalWordsStayFindable() throws {
        let seed = fixtures.appendingPathComponent("s001.txt").path
        try runVanthu(["ingest", "--db", ws.db, seed])
        func hits(_ q: String) throws -> Int {
            String(decoding: try runVanthu(["search", "--db", ws.db, "--json", q]), as: UTF8.self)
                .split(separator: "\n").count
        }
        XCTAssertEqual(try hits("thuc hien nghiem tuc"), 1, "restored words are found")
        XCTAssertEqual(try hits("nhén"), 1, "the OCR's own spelling is found too")
        XCTAssertEqual(try hits("Bên cạnh đó"), 1)
    }
}
