import Foundation
import XCTest
@testable import Ingest

/// Plain-text letters in their encodings, and bad input that must give a clear error.
final class TextInputTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    let letter = "ỦY BAN NHÂN DÂN\nSố: 12/UBND-VP\nQuảng Ngãi, ngày 3 tháng 4 năm 2025\nV/v đẩy mạnh hoạt động sáng kiến\n"

    func testUTF8WithAndWithoutBOMAndCRLF() throws {
        let reader = DocumentReader()
        let plain = try reader.read(path: try write("a.txt", Array(letter.utf8)))
        XCTAssertEqual(plain.text, letter)
        XCTAssertEqual(plain.origin, .text)
        let bom = try reader.read(path: try write("b.txt", [0xEF, 0xBB, 0xBF] + Array(letter.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        XCTAssertEqual(bom.text, letter)
    }

    func testUTF16BothByteOrdersWithAndWithoutBOM() throws {
        let reader = DocumentReader()
        let le = letter.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = letter.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(try reader.read(path: try write("le.txt", [0xFF, 0xFE] + le)).text, letter)
        XCTAssertEqual(try reader.read(path: try write("be.txt", [0xFE, 0xFF] + be)).text, letter)
        XCTAssertEqual(try reader.read(path: try write("le-nobom.txt", le)).text, letter)
    }

    func testDecomposedTextIsComposedToNFC() throws {
        let nfd = letter.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfd.utf8), Array(letter.utf8))
        XCTAssertEqual(try DocumentReader().read(path: try write("nfd.txt", Array(nfd.utf8))).text, letter)
    }

    func testLegacyTCVN3IsConverted() throws {
        // "Sè: 12" … in TCVN3 bytes: ỐỐ are written with the lower-case codes of .VnTime fonts.
        // "Quảng Ngãi, ngày" = Qu + ¶(ả) + ng Ng + ·(ã) + i, ng + µ(à) + y
        let bytes: [UInt8] = Array("Qu".utf8) + [0xB6] + Array("ng Ng".utf8) + [0xB7] + Array("i, ng".utf8) + [0xB5] + Array("y 3 th".utf8) + [0xB8] + Array("ng 4 n".utf8) + [0xA8] + Array("m 2025\n".utf8)
        let doc = try DocumentReader().read(path: try write("tcvn.txt", bytes))
        XCTAssertEqual(doc.text, "Quảng Ngãi, ngày 3 tháng 4 năm 2025\n")
        XCTAssertEqual(doc.warnings, [.convertedFromTCVN3])
    }

    func testSHA256OfKnownVectors() {
        XCTAssertEqual(SHA256.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array(String(repeating: "a", count: 1_000).utf8)), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testEmptyFileIsAClearError() throws {
        let path = try write("empty.txt", [])
        XCTAssertThrowsError(try DocumentReader().read(path: path)) { error in
            let e = error as! IngestError
            XCTAssertEqual(e.reason, .empty)
            XCTAssertTrue(e.description.contains(path))
        }
    }

    func testBinaryGarbageIsRefused() throws {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) } + [0, 0, 0]
        let path = try write("garbage.txt", [0x00, 0x01, 0x02] + bytes)
        XCTAssertThrowsError(try DocumentReader().read(path: path)) { error in
            guard case .unsupported = (error as! IngestError).reason else { return XCTFail("\(error)") }
        }
    }

    func testA50MegabyteTextIsRefusedQuickly() throws {
        let path = dir.appendingPathComponent("huge.txt").path
        FileManager.default.createFile(atPath: path, contents: nil)
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let chunk = Data(String(repeating: "Kính gửi các sở, ban, ngành. ", count: 40_000).utf8)
        while (try h.seekToEnd()) < 50_000_000 { h.write(chunk) }
        try h.close()
        XCTAssertThrowsError(try DocumentReader().read(path: path)) { error in
            guard case .tooLarge = (error as! IngestError).reason else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("huge.txt"))
        }
    }

    func testMissingFileAndFolderAreClearErrors() throws {
        XCTAssertThrowsError(try DocumentReader().read(path: dir.appendingPathComponent("nope.txt").path)) {
            XCTAssertTrue("\($0)".contains("no such file"))
        }
        XCTAssertThrowsError(try DocumentReader().read(path: dir.path)) { XCTAssertTrue("\($0)".contains("folder")) }
    }
}
