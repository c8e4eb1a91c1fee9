import XCTest
import Foundation
@testable import Diacritics

/// The restorer with the committed model (Sources/Diacritics/Resources/vi-syllables.lm).
final class DiacriticRestorerTests: XCTestCase {
    static let restorer: DiacriticRestorer = {
        let url = ModelLocation.find()!
        return DiacriticRestorer(model: try! SyllableModel(contentsOf: url), symbols: ["QĐ", "NĐ", "HĐ", "CĐ", "ĐA", "DA", "NQ"])
    }()
    var r: DiacriticRestorer { Self.restorer }

    func testModelIsFoundAndHasCandidates() throws {
        XCTAssertNotNil(ModelLocation.find())
        let ids = r.model.candidates(folded: "tinh").map(r.model.word)
        XCTAssertTrue(ids.contains("tỉnh"))
        XCTAssertTrue(ids.contains("tình"))
        XCTAssertTrue(r.model.candidates(folded: "dong").map(r.model.word).contains("đồng"), "đ folds to d")
    }

    func testRestoresALetterKeepingCaseSpacesAndLines() {
        let input = "Kinh gui: So Noi vu tinh Quang Ngai\n\nCONG HOA XA HOI CHU NGHIA VIET NAM\n  UBND tinh de nghi cac co quan, don vi thuc hien."
        let out = r.restore(input, ocr: false)
        XCTAssertEqual(out.text, "Kính gửi: Sở Nội vụ tỉnh Quảng Ngãi\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n  UBND tỉnh đề nghị các cơ quan, đơn vị thực hiện.")
        XCTAssertGreaterThan(out.changed, 10)
        XCTAssertEqual(out.text.count, input.count, "one character out for one in")
    }

    func testNumbersMailsAndURLsUntouchedSymbolGetsItsMark() {
        let input = "So: 123/QD-UBND ngay 15/12/2025, lien he van.thu@quangngai.gov.vn hoac https://dichvucong.gov.vn/tra-cuu?ma=do"
        let out = r.restore(input, ocr: false).text
        XCTAssertTrue(out.hasPrefix("Số: 123/QĐ-UBND ngày 15/12/2025"), out)
        XCTAssertTrue(out.contains(" van.thu@quangngai.gov.vn "), out)
        XCTAssertTrue(out.hasSuffix(" https://dichvucong.gov.vn/tra-cuu?ma=do"), out)
    }

    func testUnseenAcronymsAreReadAsKnownOnes() {
        let out = r.restore("Noi nhan: LDVP, TTTU-TTHDND TP; Luu: VT, KSDH; UBND, HDND.", ocr: false).text
        XCTAssertEqual(out, "Nơi nhận: LĐVP, TTTU-TTHĐND TP; Lưu: VT, KSĐH; UBND, HĐND.")
    }

    func testSyllablesWithTheirMarksAreKept() {
        // a written word with its own marks is not second-guessed, even where the model prefers another
        let out = r.restore("Bao cao ket qua thực hien truoc ngày 30/6", ocr: false).text
        XCTAssertEqual(out, "Báo cáo kết quả thực hiện trước ngày 30/6")
    }

    func testOCRWithoutVietnameseNoise() {
        // slips of `tesseract -l eng` as seen in seed s001
        let input = "Bén canh d6, thuc tién trién khai cho thay van con mét s6 han ché. Giao S¢ Khoa hoc va Cong nghé chu tri."
        let out = r.restore(input, ocr: true)
        XCTAssertTrue(out.ocr)
        XCTAssertTrue(out.text.hasPrefix("Bên cạnh đó, thực tiễn triển khai cho thấy vẫn còn một số hạn chế."), out.text)
        XCTAssertTrue(out.text.contains("Giao Sở Khoa học và Công nghệ chủ trì."), out.text)
    }

    func testOCRChannelReadsTheMeasuredSlips() {
        // `-l eng` prints `ư` as `tt`/`it`, `ê`-words with `é`, `ô` as `6`, `ở` alone as `6`
        // (the measured table; the seed's alone leaves `nghién cttu, nhitng vén`)
        let input = "Bao cao két qua nghién cttu, nhitng vén dé con ton tai va dé xuat giai phap thuc hién trong thoi gian t6i. "
            + "Kiém tra viéc treo co T6 quéc 6 cac don vi tir ngay 6 thang 5 nam 2026."
        let out = r.restore(input, ocr: true).text
        XCTAssertTrue(out.hasPrefix("Báo cáo kết quả nghiên cứu, những vấn đề còn tồn tại và đề xuất giải pháp thực hiện trong thời gian tới."), out)
        // the lone `6` between words is `ở`; the day's `6` stays a number
        XCTAssertTrue(out.hasSuffix("Kiểm tra việc treo cờ Tổ quốc ở các đơn vị từ ngày 6 tháng 5 năm 2026."), out)
    }

    func testListItemsRestartTheContext() {
        // the next item's first word (`Lưu`) does not choose this one's last (`tính`)
        let out = r.restore("- Nhu tren;\n- Cong TTDT tinh;\n- Luu: VT, VX.\n", ocr: false).text
        XCTAssertEqual(out, "- Như trên;\n- Cổng TTĐT tỉnh;\n- Lưu: VT, VX.\n")
    }

    func testToneVariantsAreOneWordTheCommonerSpellingWins() {
        XCTAssertEqual(SyllableModel.toneKey("ủy"), SyllableModel.toneKey("uỷ"))
        XCTAssertEqual(SyllableModel.toneKey("hòa"), SyllableModel.toneKey("hoà"))
        XCTAssertNotEqual(SyllableModel.toneKey("ủy"), SyllableModel.toneKey("úy"))
        XCTAssertNotEqual(SyllableModel.toneKey("ưu"), SyllableModel.toneKey("ứu"))
        let cands = r.model.candidates(folded: "uy").map { r.model.word($0) }
        XCTAssertTrue(cands.contains("ủy"), "\(cands)")
        XCTAssertFalse(cands.contains("uỷ"), "\(cands)")
        XCTAssertEqual(r.restore("- Thuong truc Tinh uy;\n- Thuong truc HDND tinh;\n", ocr: false).text,
                       "- Thường trực Tỉnh ủy;\n- Thường trực HĐND tỉnh;\n")
    }

    func testOCRModeIsDetectedFromTheSeed() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../fixtures/s001.txt").standardizedFileURL
        let text = try String(contentsOf: seed, encoding: .utf8)
        let out = r.restore(text)
        XCTAssertTrue(out.ocr)
        XCTAssertTrue(out.text.contains("Kính gửi:"), out.text)
        XCTAssertTrue(out.text.contains("- Các sở, ban, ngành; đơn vị trực thuộc UBND tỉnh;"), out.text)
        XCTAssertTrue(out.text.contains("Báo cáo kết quả về UBND tỉnh (thông qua Sở Khoa học và"), out.text)
        // the label and the handwritten day's debris stay as printed, for the extractor to read
        XCTAssertTrue(out.text.contains("\nViv đẩy mạnh hoạt động"), out.text)
        XCTAssertTrue(out.text.contains("Quảng Ngãi, ngc‘zy/ﬁ' tháng 4 năm 2025"), out.text)
        XCTAssertGreaterThan(out.uncertain, 0)
        XCTAssertLessThan(out.uncertain, out.syllables / 4)
    }

    func testEnglishTextIsLeftAsItIs() {
        let english = "Dear Sir, please find attached the report on the project budget for 2025. Best regards, John Smith"
        let out = r.restore(english)
        XCTAssertFalse(out.ocr)
        // English words the model has never seen stay; a word that is also a Vietnamese
        // syllable may gain marks, but nothing else changes
        for (a, b) in zip(english.unicodeScalars, out.text.unicodeScalars) where !a.properties.isAlphabetic {
            XCTAssertEqual(a, b)
        }
        XCTAssertTrue(out.text.contains("attached the report"), out.text)
        XCTAssertTrue(out.text.contains("John Smith"), out.text)
    }

    func testBinaryGarbageAndEmptyInputDoNotCrash() {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<40_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let garbage = String(decoding: bytes, as: UTF8.self)
        // read as plain text every character is kept; read as OCR (detected: letters mixed with
        // digits) a pair may become one letter (`ur` → `ư`), so only the run is checked
        XCTAssertEqual(r.restore(garbage, ocr: false).text.unicodeScalars.count, garbage.unicodeScalars.count)
        XCTAssertFalse(r.restore(garbage).text.isEmpty)
        XCTAssertEqual(r.restore("").text, "")
        XCTAssertEqual(r.restore("\n\n \u{0}").text, "\n\n \u{0}")
        XCTAssertEqual(r.restore("đ").text, "đ")
    }

    func testALongFileInBlocksKeepsEveryCharacter() {
        let para = "Uy ban nhan dan tinh de nghi cac so, ban, nganh bao cao ket qua truoc ngay 15/12/2025.\n"
        let input = String(repeating: para, count: 400) + String(repeating: "x", count: 20000) + " het"
        let out = r.restore(input, ocr: false)
        XCTAssertEqual(out.text.unicodeScalars.count, input.unicodeScalars.count)
        XCTAssertTrue(out.text.hasPrefix("Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành báo cáo kết quả trước ngày 15/12/2025.\n"), String(out.text.prefix(100)))
        XCTAssertTrue(out.text.hasSuffix(" hết"))
    }

    func testABadModelFileIsRefused() {
        XCTAssertThrowsError(try SyllableModel(data: Data("not a model".utf8)))
        XCTAssertThrowsError(try SyllableModel(data: Data("VNSYLLM1\u{3}\u{0}\u{0}\u{0}".utf8)))
    }
}

/// Input that is not Vietnamese, or not text at all: restored as far as it is Vietnamese, the
/// rest untouched, never a crash.
final class DiacriticRestorerBadInputTests: XCTestCase {
    var r: DiacriticRestorer { DiacriticRestorerTests.restorer }

    func testTextWithoutVietnameseIsUntouched() {
        let input = "12345 67/89 !!! ### --- *** (2025-12-31) 3.14159 €%&\n\t\n====\n"
        XCTAssertEqual(r.restore(input, ocr: false).text, input)
        XCTAssertEqual(r.restore(input).text, input, "nor when the restorer decides whether it is OCR")
    }

    func testAnEnglishLetterIsUntouchedItsVietnameseLineRestored() {
        let english = """
        Dear Sir or Madam,
        We are pleased to inform you that the committee will meet on Monday to discuss the budget.
        Please send the report to the office before the end of the month.
        Yours faithfully,
        """
        let input = english + "\nKinh gui: So Noi vu tinh Quang Ngai\n"
        let out = r.restore(input).text
        XCTAssertTrue(out.hasPrefix(english + "\n"), out)
        XCTAssertTrue(out.hasSuffix("Kính gửi: Sở Nội vụ tỉnh Quảng Ngãi\n"), out)
    }

    func testBinaryGarbageNeverCrashesAndKeepsEveryCharacterThatIsNoLetter() {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<60_000).map { _ in UInt8.random(in: 0...255, using: &g) }
        let input = String(decoding: bytes, as: UTF8.self)
        let out = r.restore(input, ocr: false).text
        let a = Array(input.unicodeScalars), b = Array(out.unicodeScalars)
        XCTAssertEqual(a.count, b.count, "one character out for one in")
        for (x, y) in zip(a, b) where !Letters.isLetter(x) && !Letters.isDigit(x) {
            XCTAssertEqual(x, y); if x != y { break }
        }
        // read as OCR, broken syllables may join (`rn` → `m`), but the lines stay as they were
        let ocr = r.restore(input, ocr: true).text
        XCTAssertEqual(ocr.split(separator: "\n", omittingEmptySubsequences: false).count,
                       input.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    /// A file of any size goes through in pieces: memory holds one piece, never the file. The
    /// pieces are cut where it cannot change the result (a line break, a space, a character
    /// boundary), so the stream restores as the whole text would; a 50 MB file is this, 50
    /// times more pieces (`make bench` streams one and reports its time and peak memory).
    func testStreamInPiecesRestoresAsTheWholeText() {
        var text = ""
        let lines = ["Kinh gui: So Noi vu tinh Quang Ngai", "UBND tinh de nghi cac co quan, don vi thuc hien truoc ngay 30/6.",
                     "Dear Sir, we are pleased to inform you that the meeting is on Monday.", "Noi nhan: Nhu tren; Luu: VT."]
        for i in 0..<1200 { text += lines[i % lines.count] + (i % 7 == 0 ? " " : "\n") }
        text += String(repeating: "x", count: 120_000) + " tinh " + String(decoding: [0xE1, 0xBB, 0x87, 0xFF, 0x41], as: UTF8.self)
        let data = Data(text.utf8)
        var offset = 0, pieces = 0, largest = 0
        var out = Data()
        let result = r.restore(reading: { n in
            defer { offset = min(data.count, offset + n) }
            return offset < data.count ? data.subdata(in: offset..<min(data.count, offset + n)) : nil
        }, writing: { out.append($0); pieces += 1; largest = max(largest, $0.count) }, ocr: false, pieceSize: 16_384)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), r.restore(text, ocr: false).text)
        XCTAssertGreaterThan(pieces, 8)
        XCTAssertLessThan(largest, 150_000, "a piece is about the piece size, or one line")
        XCTAssertGreaterThan(result.syllables, 5_000)
    }
}
