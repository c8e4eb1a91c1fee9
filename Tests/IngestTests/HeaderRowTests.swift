import CLeptonica
import Foundation
import XCTest
@testable import Ingest

/// The header's number-and-date row read again alone, the hand-written digits taken out, when
/// the page's reading garbled its print.
final class HeaderRowTests: XCTestCase {
    private func line(_ texts: [String], x: Int = 100, y: Int, height: Int = 40) -> OCRLine {
        var words: [OCRWord] = []
        var at = x
        for t in texts {
            words.append(OCRWord(text: t, box: Box(x0: at, y0: y, x1: at + 22 * t.count, y1: y + height), confidence: 80))
            at += 22 * t.count + 18
        }
        return OCRLine(words: words, box: Box(x0: x, y0: y, x1: at, y1: y + height), block: 1, rotated: false)
    }

    func testTheRowsReadAgainAreTheNumbersAndTheDatesNotTheMottosNorTheBodys() {
        let lines = [
            line(["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"], x: 1200, y: 200),
            line(["SỞ", "TÀI", "CHÍNH"], y: 200),
            line(["số.", "4$", "mBUBND"], y: 450),
            line(["Phú", "Thọ,", "ngày.", "@", "tháng", "`", "năm", "2026"], x: 1300, y: 455),
            line(["trước", "ngày", "30", "tháng", "6"], y: 1000),
        ]
        let rows = HeaderRowRereading.candidateRows(lines, pageHeight: 3500)
        XCTAssertEqual(rows.count, 2, "\(rows)")
        XCTAssertEqual(rows.first?.y0, 450)
        XCTAssertEqual(rows.first?.numbered, true)
        XCTAssertEqual(rows.first?.dated, true)
        XCTAssertEqual(rows.last?.numbered, false)
        XCTAssertFalse(HeaderRowRereading.isNumberWord("SỞ"))
        XCTAssertTrue(HeaderRowRereading.isNumberWord("sơ."))
        XCTAssertTrue(HeaderRowRereading.isNumberWord("/rB-UBND"))
        XCTAssertFalse(HeaderRowRereading.isDateWord("NAM"))
        XCTAssertTrue(HeaderRowRereading.isDateWord("2026"))
        // No whole symbol on the number's row: the text would give the number no place.
        XCTAssertFalse(HeaderRowRereading.hasSymbol(lines, rows: rows))
    }

    /// A header at 300 dpi whose number and day are written in a handwriting font the digit reader
    /// never saw, twice and more the print's height, the day touching `ngày`; blank below, as the
    /// rest of a page.
    private func header(hand colour: String = "#1f2f9a") throws -> Ingest.Pix {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/header.png"
        let hand = { (s: String) in "<span font_desc=\"Rufscript 30\" foreground=\"\(colour)\">\(s)</span>" }
        let markup = """
        <span size="12000">     <b>ỦY BAN NHÂN DÂN</b>                      <b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>
             <b>TỈNH PHÚ THỌ</b>                             <b>Độc lập - Tự do - Hạnh phúc</b>

           Số: \(hand("1465")) /TB-UBND              <i>Phú Thọ, ngày</i>\(hand("26")) <i>tháng 05 năm 2026</i>

                                              <b>THÔNG BÁO</b>\(String(repeating: "\n", count: 14)).</span>
        """
        try LetterRendering.png(markup, dpi: 300, to: path)
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
        return try XCTUnwrap(Pix.read(path: path).flatMap { p in p.map { pixConvertTo8($0, 0) } })
    }

    /// The page's lines with the symbol's word (the word with a slash) read as `symbol`, as a
    /// scan's reading garbles it.
    /// `taller`: the word's box grown upwards by this many pixels, as OCR boxes a symbol with the
    /// hand's strokes beside it.
    private func withGarbledSymbol(_ lines: [OCRLine], _ symbol: String, confidence: Double = 30, taller: Int = 0) -> [OCRLine] {
        lines.map { l in
            OCRLine(words: l.words.map { w in
                w.text.contains("/") ? OCRWord(text: symbol, box: Box(x0: w.box.x0, y0: w.box.y0 - taller, x1: w.box.x1, y1: w.box.y1),
                                               confidence: confidence) : w
            }, box: l.box, block: l.block, rotated: l.rotated)
        }
    }

    /// The rendered header recognised, with an engine to read it again, and its lines with the
    /// symbol's word garbled to `symbol`, their header rows found.
    private func garbledHeader(_ symbol: String) throws
        -> (page: Ingest.Pix, engine: TesseractEngine, lines: [OCRLine], garbled: [OCRLine], rows: [HeaderRowRereading.Row]) {
        let page = try header()
        let engine = try TesseractEngine(.init(language: "vie", tessdataPath: nil))
        let lines = HOCRReader.lines(try engine.recognise(page).hocr)
        let garbled = withGarbledSymbol(lines, symbol)
        return (page, engine, lines, garbled, HeaderRowRereading.candidateRows(garbled, pageHeight: page.height))
    }

    func testARowWhoseSymbolWasGarbledIsReadAgainWithTheHandTakenOut() throws {
        // As a scan's reading garbles it (`mBUBND` for `/TB-UBND`): the symbol's word loses its slash.
        let (page, engine, lines, garbled, rows) = try garbledHeader("mBUBND")
        XCTAssertTrue(rows.contains(where: \.numbered), "\(lines.map(\.text))")
        XCTAssertFalse(HeaderRowRereading.hasSymbol(garbled, rows: rows))
        let again = try XCTUnwrap(HeaderRowRereading.lines(in: garbled, on: page, engine: engine), "\(lines.map(\.text))")
        XCTAssertTrue(HeaderRowRereading.hasSymbol(again, rows: rows), "\(again.map(\.text))")
        // The lines above the row are the page's own, untouched.
        XCTAssertTrue(again.contains { Folding.fold($0.text).contains("doc lap") }, "\(again.map(\.text))")
        let found = HandwrittenRegions.find(again, pageHeight: page.height)
        XCTAssertNotNil(found.number)
        XCTAssertNotNil(found.day)
        // The digit reader reads the hand in the fields the re-read row gave.
        let number = try XCTUnwrap(found.number.flatMap { HandwrittenFieldReader.ink(of: page, in: $0.box) })
        XCTAssertEqual(HandwrittenFieldReader(lineHeight: found.number!.lineHeight).read(number).first?.digits, "1465")
    }

    func testASymbolTheRowStillGarbledIsReadAloneAndGetsItsSlashBack() throws {
        // As a scan's reading and the row's re-reading garble it (`rusND.vx` for `/UBND-VX`).
        let (page, engine, lines, garbled, rows) = try garbledHeader("rusTB.ub")
        let row = try XCTUnwrap(rows.first(where: \.numbered), "\(lines.map(\.text))")
        let mended = try XCTUnwrap(HeaderRowRereading.symbolReadAlone(garbled, row: row, on: page, engine: engine))
        XCTAssertTrue(mended.flatMap(\.words).contains { $0.text == "/TB-UBND" }, "\(mended.map(\.text))")
        XCTAssertTrue(HeaderRowRereading.hasSymbol(mended, rows: rows))
        // A symbol read whole with its year first (`/2013/TB-UBND`) is not read again.
        let withYear = withGarbledSymbol(lines, "/2013/TB-UBND", confidence: 90)
        XCTAssertNil(try HeaderRowRereading.symbolReadAlone(withYear, row: row, on: page, engine: engine))
        // What a word read alone gives: the symbol, its slash restored; no symbol, nothing.
        XCTAssertEqual(HeaderRowRereading.symbol(in: "_/UBND-VX"), "/UBND-VX")
        XCTAssertEqual(HeaderRowRereading.symbol(in: "UBND-VX"), "/UBND-VX")
        XCTAssertNil(HeaderRowRereading.symbol(in: "IUJBNDVX"))
        XCTAssertNil(HeaderRowRereading.symbol(in: "Hà Nội"))
    }

    func testASymbolThatLostItsSlashAndFirstCapitalMarksTheNumbersRowAndIsReadAlone() throws {
        // As a generated scan's reading garbled `Số: 4362 /UBND-KTTH` (`s..#`, `u5ND-KTTH`), the
        // symbol's box as tall as the hand beside it: the row is still the number's, and the word
        // read alone is the symbol.
        let page = try header()
        let engine = try TesseractEngine(.init(language: "vie", tessdataPath: nil))
        let lines = HOCRReader.lines(try engine.recognise(page).hocr)
        let printHeight = lines.flatMap(\.words).first { $0.text.contains("/") }.map(\.box.height) ?? 40
        // The label garbled too (`s..#`): the symbol alone says which row is the number's.
        let garbled = withGarbledSymbol(lines, "u7B-UBND", taller: printHeight).map { l in
            OCRLine(words: l.words.map { w in w.text.hasPrefix("Số") ? OCRWord(text: "s..#", box: w.box, confidence: 30) : w },
                    box: l.box, block: l.block, rotated: l.rotated)
        }
        XCTAssertTrue(HeaderRowRereading.isNumberWord("u7B-UBND"))
        XCTAssertFalse(HeaderRowRereading.isNumberWord("Tự-do"))
        let rows = HeaderRowRereading.candidateRows(garbled, pageHeight: page.height)
        let row = try XCTUnwrap(rows.first(where: \.numbered), "\(garbled.map(\.text))")
        let mended = try XCTUnwrap(HeaderRowRereading.symbolReadAlone(garbled, row: row, on: page, engine: engine), "\(garbled.map(\.text))")
        XCTAssertTrue(mended.flatMap(\.words).contains { $0.text == "/TB-UBND" }, "\(mended.map(\.text))")
    }

    /// The rendered header's lines with the body's deadline line (`trước ngày 30 tháng 6`) added
    /// below, as a letter's first lines of body stand within the header's share of the page.
    private func withBodyDeadline(_ lines: [OCRLine], below row: HeaderRowRereading.Row, page: Ingest.Pix) throws -> [OCRLine] {
        let y = row.y1 + Int(Double(row.printHeight) * (HeaderRowRereading.dateRowReach + 1))
        let body = line(["trước", "ngày", "30", "tháng", "6"], x: 300, y: y, height: row.printHeight)
        XCTAssertLessThan(body.box.y1, Int(Double(page.height) * HandwrittenRegions.headerShare), "the body line is in the header's share")
        return lines + [body]
    }

    /// The rendered header recognised, with an engine to read it again, and its number's row.
    private func recognisedHeader() throws -> (page: Ingest.Pix, engine: TesseractEngine, lines: [OCRLine], numberRow: HeaderRowRereading.Row) {
        let page = try header()
        let engine = try TesseractEngine(.init(language: "vie", tessdataPath: nil))
        let read = HOCRReader.lines(try engine.recognise(page).hocr)
        let numberRow = try XCTUnwrap(HeaderRowRereading.candidateRows(read, pageHeight: page.height).first(where: \.numbered),
                                      "\(read.map(\.text))")
        return (page, engine, read, numberRow)
    }

    func testADateRowThatLostItsDateWordsIsReadAgainNotTheBodysDeadline() throws {
        // As a scan's reading lost them (`Quảng Ngãi, EW Ø.` for `Quảng Ngãi, ngày 04 tháng 12 năm
        // 2025`): the only date words left are the body's, far below the number's row.
        let (page, engine, read, numberRow) = try recognisedHeader()
        let garbled = read.map { l in
            OCRLine(words: l.words.map { w in
                HeaderRowRereading.isDateWord(w.text) && w.box.y0 < numberRow.y1 ? OCRWord(text: "EW", box: w.box, confidence: 20) : w
            }, box: l.box, block: l.block, rotated: l.rotated)
        }
        let lines = try withBodyDeadline(garbled, below: numberRow, page: page)
        let rows = HeaderRowRereading.candidateRows(lines, pageHeight: page.height)
        XCTAssertFalse(try XCTUnwrap(rows.first(where: \.numbered)).dated, "\(lines.map(\.text))")
        // The date's row is the number's, not the body's.
        XCTAssertEqual(HeaderRowRereading.dateRow(rows)?.y0, rows.first(where: \.numbered)?.y0)
        // The page's own fields: the day found on the body's line.
        let onPage = HandwrittenRegions.find(lines, on: page)
        let day = try XCTUnwrap(onPage.day)
        XCTAssertGreaterThan(day.box.y0, numberRow.y1)
        let again = try XCTUnwrap(HeaderRowRereading.lines(in: lines, on: page, engine: engine), "the row is read again")
        let fields = PageRecognizer.handwrittenFields(lines, reread: again, on: page)
        let reread = try XCTUnwrap(fields.day)
        XCTAssertLessThan(reread.box.y0, numberRow.y1, "the day is the header's")
        let ink = try XCTUnwrap(HandwrittenFieldReader.ink(of: page, in: reread.box))
        XCTAssertEqual(HandwrittenFieldReader(lineHeight: reread.lineHeight).read(ink).first?.digits, "26")
    }

    func testANumberRowLostWholeIsFoundUnderTheMottoAndReadAgain() throws {
        // As a scan's reading lost it: the hand-written digits and the dotted leaders read as
        // `ŸÝ......«`, `Số`, the symbol, the place and the date gone with them.
        let (page, engine, read, numberRow) = try recognisedHeader()
        let band = (numberRow.y0 - numberRow.printHeight)...(numberRow.y1 + numberRow.printHeight)
        var lines = read.filter { !band.contains(($0.box.y0 + $0.box.y1) / 2) }
        lines.append(line(["ŸÝ......«"], x: 1400, y: numberRow.y1 - 10, height: 28))
        lines = try withBodyDeadline(lines, below: numberRow, page: page)
        XCTAssertNil(HandwrittenRegions.find(lines, on: page).number)
        let rows = HeaderRowRereading.candidateRows(lines, pageHeight: page.height)
        let lost = try XCTUnwrap(rows.first(where: \.numbered), "\(lines.map(\.text))")
        XCTAssertTrue(lost.dated)
        XCTAssertLessThan(lost.y0, numberRow.y1)
        XCTAssertGreaterThan(lost.y1, numberRow.y0)
        let again = try XCTUnwrap(HeaderRowRereading.lines(in: lines, on: page, engine: engine), "the band is read again")
        let fields = PageRecognizer.handwrittenFields(lines, reread: again, on: page)
        let number = try XCTUnwrap(fields.number, "\(again.map(\.text))")
        let ink = try XCTUnwrap(HandwrittenFieldReader.ink(of: page, in: number.box))
        XCTAssertEqual(HandwrittenFieldReader(lineHeight: number.lineHeight).read(ink).first?.digits, "1465")
        XCTAssertLessThan(try XCTUnwrap(fields.day).box.y0, numberRow.y1)
        // A page without the motto has no such band.
        let noMotto = lines.filter { !Folding.fold($0.text).contains("doc lap") && !Folding.fold($0.text).contains("cong hoa") }
        XCTAssertNil(HeaderRowRereading.rowUnderMotto(noMotto, pageHeight: page.height))
    }

    func testTheHandIsTakenOutOfTheRowAndThePrintKept() throws {
        try takenOut(hand: "#1f2f9a", seenBelow: 128)
    }

    func testALightHandBesideBlackPrintIsTakenOutToo() throws {
        // A pale biro (grey 158 on white): paler than half way from the paper to the print's black.
        try takenOut(hand: "#8f9ad8", seenBelow: 200)
    }

    private func takenOut(hand colour: String, seenBelow level: Int32) throws {
        let page = try header(hand: colour)
        let tall = { (p: Ingest.Pix) -> Int in
            guard let b = p.map({ pixThresholdToBinary($0, level) }),
                  let t = b.map({ pixSelectBySize($0, 0, 75, 8, Int32(L_SELECT_HEIGHT), Int32(L_SELECT_IF_GT), nil) }) else { return -1 }
            var n: Int32 = 0
            _ = t.with { pixCountPixels($0, &n, nil) }
            return Int(n)
        }
        let print = { (p: Ingest.Pix) -> Int in
            guard let b = p.map({ pixThresholdToBinary($0, 128) }) else { return -1 }
            var n: Int32 = 0
            _ = b.with { pixCountPixels($0, &n, nil) }
            return Int(n)
        }
        XCTAssertGreaterThan(tall(page), 1000)
        let before = print(page)
        HeaderRowRereading.withoutHand(page, printHeight: 55)
        XCTAssertEqual(tall(page), 0)
        // The print is most of the ink, and it stays.
        XCTAssertGreaterThan(print(page), before / 3)
    }
}
