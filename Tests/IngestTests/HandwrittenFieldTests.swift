import CLeptonica
import Foundation
import XCTest
@testable import Ingest

/// The digit reader's two halves on fields this test makes: finding the field on a recognised
/// row, and cutting and reading digits that touch, in a hand the reader was not trained on.
final class HandwrittenFieldTests: XCTestCase {
    private func word(_ text: String, _ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) -> OCRWord {
        OCRWord(text: text, box: Box(x0: x0, y0: y0, x1: x1, y1: y1), confidence: 90)
    }

    /// The number's field found on recognised lines, each given as its words (the line's box is theirs).
    private func numberField(_ lines: [OCRWord]...) -> HandwrittenRegions.Field? {
        let ocrLines = lines.enumerated().map { k, words in
            OCRLine(words: words, box: Box(x0: words.map(\.box.x0).min()!, y0: words.map(\.box.y0).min()!,
                                           x1: words.map(\.box.x1).max()!, y1: words.map(\.box.y1).max()!), block: k + 1, rotated: false)
        }
        return HandwrittenRegions.find(ocrLines, pageHeight: 3508).number
    }

    func testTheNumberFieldIsFoundOnARowTurnedSoTheSymbolStandsHigherThanTheLabel() {
        // A page turned a little clockwise: along the row, words further right start higher.
        let words = [word("Số:", 200, 348, 250, 378), word("5Z8", 270, 330, 380, 380),
                     word("/UBND-KTTH", 400, 342, 600, 372)]
        let line = OCRLine(words: words, box: Box(x0: 200, y0: 330, x1: 600, y1: 380), block: 1, rotated: false)
        let found = HandwrittenRegions.find([line], pageHeight: 2300)
        let field = try? XCTUnwrap(found.number)
        XCTAssertNotNil(field, "the field between Số: and the symbol")
        XCTAssertGreaterThanOrEqual(field?.box.x0 ?? 0, 250)
        XCTAssertLessThanOrEqual(field?.box.x1 ?? 9999, 400)
    }

    func testASymbolAfterAWideGapIsTheSymbolNotAWordStartingWithSpaces() {
        // Tesseract with `preserve_interword_spaces` gives the word after the hand-written digits
        // the gap's spaces; `Số:` itself read as `sẽ.`.
        let hocr = """
            <html><body><div class='ocr_carea'><span class='ocr_line' title='bbox 303 487 876 559'>\
            <span class='ocrx_word' title='bbox 303 513 369 553; x_wconf 40'>sẽ.</span> \
            <span class='ocrx_word' title='bbox 405 487 561 559; x_wconf 20'>Ø6Ÿ</span> \
            <span class='ocrx_word' title='bbox 634 518 876 557; x_wconf 90'>  /BC-UBND</span>\
            </span></div></body></html>
            """
        let lines = HOCRReader.lines(hocr)
        XCTAssertEqual(lines.first?.words.map(\.text), ["sẽ.", "Ø6Ÿ", "/BC-UBND"])
        let field = HandwrittenRegions.find(lines, pageHeight: 3300).number
        XCTAssertEqual(field.map { $0.box.x0 >= 369 && $0.box.x0 < 405 && $0.box.x1 <= 634 }, true, "\(String(describing: field))")
    }

    func testTheDateFieldsAreFoundWhateverOrderTheRowsWordsCameIn() {
        let words = [word("tháng", 700, 330, 790, 362), word("Hà", 400, 342, 440, 372), word("Nội,", 450, 341, 510, 371),
                     word("ngày", 520, 338, 590, 368), word("năm", 880, 326, 940, 356), word("2025", 950, 325, 1030, 355)]
        let line = OCRLine(words: words, box: Box(x0: 400, y0: 325, x1: 1030, y1: 372), block: 1, rotated: false)
        let found = HandwrittenRegions.find([line], pageHeight: 2300)
        XCTAssertEqual(found.day.map { $0.box.x0 >= 590 && $0.box.x1 <= 700 }, true)
        XCTAssertEqual(found.month.map { $0.box.x0 >= 790 && $0.box.x1 <= 880 }, true)
    }

    func testAMonthWhoseYearLabelOCRRanIntoTheHandEndsBeforeTheYear() {
        // `Hà Nội, ngày / tháng 4:¿.. 2026`: `năm` went into the hand's word; the month's field
        // still ends a `năm ` before the year (letters about 25 px wide here).
        let words = [word("Hà", 1170, 515, 1233, 553), word("Nội,", 1250, 515, 1341, 560), word("ngày", 1364, 516, 1470, 562),
                     word("/", 1503, 476, 1590, 564), word("tháng", 1630, 515, 1758, 562), word("4:¿..", 1783, 465, 1970, 567),
                     word("2026", 1987, 518, 2100, 553)]
        let line = OCRLine(words: words, box: Box(x0: 1170, y0: 465, x1: 2100, y1: 567), block: 1, rotated: false)
        let found = HandwrittenRegions.find([line], pageHeight: 3508)
        let month = found.month?.box
        XCTAssertNotNil(month)
        XCTAssertEqual(month.map { $0.x0 >= 1758 && $0.x1 <= 1987 - 50 }, true, "\(String(describing: month))")
    }

    /// `text` written in `font` at 200 dpi on a grey page with `margin` pixels around it, letters
    /// drawn `spacing` thousandths of a point apart (negative: they run into each other).
    private func rendered(_ text: String, font: String = "Rufscript", spacing: Int = 6000, margin: Int = 60) throws -> Ingest.Pix {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/field.png"
        try LetterRendering.run("pango-view", ["--markup", "--font=\(font) 20", "--dpi=200", "--margin=\(margin)",
                                               "--background=white", "-q", "-o", path, "--text",
                                               "<span letter_spacing=\"\(spacing)\" foreground=\"#1f2f9a\">\(text)</span>"])
        _ = Pix.silenceLeptonica
        return try XCTUnwrap(Pix.read(path: path).flatMap { p in p.map { pixConvertTo8($0, 0) } })
    }

    /// The whole rendering as the reader's ink.
    private func field(_ text: String, font: String, spacing: Int) throws -> InkImage {
        let page = try rendered(text, font: font, spacing: spacing, margin: 30)
        return try XCTUnwrap(HandwrittenFieldReader.ink(of: page, in: Box(x0: 0, y0: 0, x1: page.width, y1: page.height)))
    }

    /// `text` written in Rufscript on a grey page, and the columns and rows its ink spans.
    private func page(_ text: String, spacing: Int = 6000) throws -> (page: Ingest.Pix, ink: ClosedRange<Int>, rows: ClosedRange<Int>) {
        // (`text` may be markup: spans drawn white take their place and leave no ink.)
        let page = try rendered(text, spacing: spacing)
        let ink = try XCTUnwrap(HandwrittenFieldReader.ink(of: page, in: Box(x0: 0, y0: 0, x1: page.width, y1: page.height)))
        let columns = (0..<ink.width).filter { x in (0..<ink.height).contains { ink[x, $0] > 0.5 } }
        let rows = (0..<ink.height).filter { y in (0..<ink.width).contains { ink[$0, y] > 0.5 } }
        return (page, columns.min()!...columns.max()!, rows.min()!...rows.max()!)
    }

    func testAFieldWhoseSideGrazesADigitStillReadsIt() throws {
        let (page, columns, rows) = try page("280")
        // The field's left side found two columns into the `2`'s ink.
        let box = Box(x0: columns.lowerBound + 2, y0: rows.lowerBound - 10, x1: columns.upperBound + 20, y1: rows.upperBound + 10)
        let reader = HandwrittenFieldReader(lineHeight: 40)
        XCTAssertEqual(reader.read(box, on: page).first?.digits, "280")
        // Read as the box alone, the `2` is a mark its side cuts: the print beside the field.
        let alone = try XCTUnwrap(HandwrittenFieldReader.ink(of: page, in: box))
        XCTAssertNotEqual(reader.read(alone).first?.digits, "280")
    }

    func testASideThatCutsATallDigitInHalfIsWidenedToTakeItWhole() throws {
        let (page, columns, rows) = try page("24")
        let box = Box(x0: columns.lowerBound + 15, y0: rows.lowerBound - 10, x1: columns.upperBound - 12, y1: rows.upperBound + 10)
        // Print 20 px high beside digits half as tall again and more.
        XCTAssertGreaterThan(Double(rows.count), 20 * HandwrittenRegions.handHeight)
        let field = HandwrittenRegions.Field(box: box, lineHeight: 20)
        let whole = HandwrittenRegions.wholeMarks(field, on: page)
        XCTAssertLessThanOrEqual(whole.box.x0, columns.lowerBound)
        XCTAssertGreaterThanOrEqual(whole.box.x1, columns.upperBound)
        XCTAssertEqual(HandwrittenFieldReader(lineHeight: 20).read(whole.box, on: page).first?.digits, "24")
        // A mark further outside the field than digits stand apart is not taken in: the next field's.
        let apart = Int(20 * HandwrittenRegions.chainGap) + 5
        let inner = HandwrittenRegions.Field(box: Box(x0: columns.upperBound + apart, y0: box.y0, x1: columns.upperBound + 80, y1: box.y1), lineHeight: 20)
        XCTAssertEqual(HandwrittenRegions.wholeMarks(inner, on: page).box, inner.box)
    }

    func testAFieldOCRFoundOnlyTheFirstDigitOfGrowsOverTheRestInALightHandBesideBoldPrint() throws {
        // `Số: 1380 /UBND-VX` with the hand's `1` read as the symbol's `/` (`/2¿O`): the field found
        // covers the `1` alone. The digits are a light biro, the print black and bold.
        func row(print: String) -> String {
            "<span foreground=\"\(print)\" font=\"DejaVu Serif Bold 10\">Số: </span><span foreground=\"#98a4e6\">1380</span>"
                + "<span foreground=\"\(print)\" font=\"DejaVu Serif Bold 10\"> /UBND-VX</span>"
        }
        let page = try rendered(row(print: "#000000"))
        let (digitsOnly, digits, rows) = try self.page(row(print: "#ffffff"))
        XCTAssertEqual(digitsOnly.width, page.width)
        let lineHeight = 22
        XCTAssertGreaterThan(Double(rows.count), Double(lineHeight) * HandwrittenRegions.handHeight)
        let firstDigit = Box(x0: digits.lowerBound - 4, y0: rows.lowerBound - 10, x1: digits.lowerBound + 12, y1: rows.upperBound + 10)
        let whole = HandwrittenRegions.wholeMarks(HandwrittenRegions.Field(box: firstDigit, lineHeight: lineHeight), on: page)
        XCTAssertLessThanOrEqual(whole.box.x0, digits.lowerBound)
        XCTAssertGreaterThanOrEqual(whole.box.x1, digits.upperBound)
        XCTAssertLessThan(whole.box.x1, digits.upperBound + lineHeight, "grew over the symbol's print")
        XCTAssertEqual(HandwrittenFieldReader(lineHeight: lineHeight).read(whole.box, on: page).first?.digits, "1380")
    }

    func testAFieldDoesNotGrowOverATallGlyphOfTheSymbolOCRReadAsPrint() throws {
        // Beside small print the symbol's slash stands as tall as a hand's mark; OCR read it as
        // part of `/UBND-VX`, so it is print, and `1380` does not become `13801`.
        func row(hand: String, print: String) -> String {
            "<span foreground=\"\(print)\" font=\"DejaVu Serif Bold 10\">Số: </span><span foreground=\"\(hand)\">1380</span>"
                + "<span foreground=\"\(print)\" font=\"DejaVu Serif Bold 10\">/UBND-VX</span>"
        }
        let page = try rendered(row(hand: "#1f2f9a", print: "#000000"), spacing: 0)
        let (_, digits, rows) = try self.page(row(hand: "#1f2f9a", print: "#ffffff"), spacing: 0)
        let printed = try rendered(row(hand: "#ffffff", print: "#000000"), spacing: 0)
        let ink = try XCTUnwrap(HandwrittenFieldReader.ink(of: printed, in: Box(x0: 0, y0: 0, x1: printed.width, y1: printed.height)))
        let symbolColumns = (digits.upperBound..<ink.width).filter { x in (0..<ink.height).contains { ink[x, $0] > 0.5 } }
        let symbol = Box(x0: try XCTUnwrap(symbolColumns.first), y0: rows.lowerBound, x1: try XCTUnwrap(symbolColumns.last) + 1, y1: rows.upperBound)
        // A print height at which the slash counts as tall.
        let lineHeight = 14
        let field = HandwrittenRegions.Field(box: Box(x0: digits.lowerBound - 4, y0: rows.lowerBound - 10, x1: digits.lowerBound + 12, y1: rows.upperBound + 10),
                                             lineHeight: lineHeight)
        XCTAssertGreaterThan(HandwrittenRegions.wholeMarks(field, on: page).box.x1, symbol.x0, "the slash is not tall: the test shows nothing")
        let whole = HandwrittenRegions.wholeMarks(field, on: page, print: [symbol])
        XCTAssertGreaterThanOrEqual(whole.box.x1, digits.upperBound)
        XCTAssertLessThan(whole.box.x1, symbol.x0 + 3)
    }

    func testAFieldGrowsOverDigitsUnderAPrintWordOCRRanThemInto() throws {
        // OCR ran the leader and the hand before the symbol into the symbol's word
        // (`....../.UBND-KTTH` over a hand-written 2): the word's box starts over the digits but
        // holds only the print's rows, and the hand's marks standing above them are not its glyphs.
        func row(hand: String, print: String) -> String {
            "<span foreground=\"\(print)\" font=\"DejaVu Serif Bold 10\">Số: </span><span foreground=\"\(hand)\">1380</span>"
                + "<span foreground=\"\(print)\" font=\"DejaVu Serif Bold 10\"> /UBND-VX</span>"
        }
        let page = try rendered(row(hand: "#1f2f9a", print: "#000000"))
        let (_, digits, rows) = try self.page(row(hand: "#1f2f9a", print: "#ffffff"))
        let (_, printColumns, printRows) = try self.page(row(hand: "#ffffff", print: "#000000"))
        XCTAssertLessThan(printRows.count * 5, rows.count * 4, "the hand is not taller than the print: the test shows nothing")
        let lineHeight = 22
        // The word's box from the middle of the digits to the symbol's end, on the print's rows.
        let word = Box(x0: (digits.lowerBound + digits.upperBound) / 2, y0: printRows.lowerBound, x1: printColumns.upperBound + 1, y1: printRows.upperBound + 1)
        let firstDigit = Box(x0: digits.lowerBound - 4, y0: rows.lowerBound - 10, x1: digits.lowerBound + 12, y1: rows.upperBound + 10)
        let whole = HandwrittenRegions.wholeMarks(HandwrittenRegions.Field(box: firstDigit, lineHeight: lineHeight), on: page, print: [word])
        XCTAssertGreaterThanOrEqual(whole.box.x1, digits.upperBound)
        XCTAssertLessThan(whole.box.x1, digits.upperBound + lineHeight, "grew over the symbol's print")
    }

    func testDigitsWrittenApartAreReadExactly() throws {
        let ink = try field("4096", font: "Rufscript", spacing: 6000)
        XCTAssertEqual(HandwrittenFieldReader(lineHeight: 40).read(ink).first?.digits, "4096")
    }

    func testDigitsThatRunIntoEachOtherAreCutWhereTheReaderReadsThemBest() throws {
        // Drawn touching: the four digits are two or three marks, and no gap says where to cut. (Drawn
        // further into each other, -4000, the reader reads 08: a known gap.)
        let ink = try field("3058", font: "Rufscript", spacing: -1500)
        let (_, marks) = HandwrittenFieldReader(lineHeight: 40).connectedMarks(ink)
        XCTAssertLessThan(marks.filter { $0.count > 30 }.count, 4, "the digits touch")
        let readings = HandwrittenFieldReader(lineHeight: 40).read(ink)
        XCTAssertEqual(readings.first?.digits, "3058", "\(readings)")
    }

    func testTwoOnesRunTogetherAreCutApartThoughTheirMarkIsNarrowerThanADigit() throws {
        // Drawn far into each other, the two 1s are one mark about 0.4 digit heights wide, which
        // was never cut (2011 read 291, 3011 read 391, 1126 read 166).
        for text in ["2011", "3011", "1126"] {
            let ink = try field(text, font: "Rufscript", spacing: -3500)
            let (_, marks) = HandwrittenFieldReader(lineHeight: 40).connectedMarks(ink)
            XCTAssertLessThan(marks.filter { $0.count > 30 }.count, text.count, "\(text): the digits touch")
            let readings = HandwrittenFieldReader(lineHeight: 40).read(ink)
            XCTAssertEqual(readings.first?.digits, text, "\(readings)")
        }
    }

    func testANumberLabelWhoseDigitsOCRMadeLettersOfIsStillTheLabel() {
        // `Số:ổ0`: the hand read as letters after the colon. The field is still the number's, not
        // the next `số` below (`Công văn số 4039/STC-HCSN` in the body).
        let header = [word("Số:ổ0", 467, 394, 650, 456), word("/BC-UBND", 688, 406, 965, 450),
                      word("Quảng", 1196, 406, 1354, 462), word("Ngãi,", 1365, 407, 1488, 461)]
        let body = [word("Công", 300, 900, 400, 950), word("văn", 410, 900, 480, 950), word("số", 490, 900, 540, 950),
                    word("4039/STC-", 550, 900, 760, 950)]
        let lines = [OCRLine(words: header, box: Box(x0: 467, y0: 394, x1: 1488, y1: 462), block: 1, rotated: false),
                     OCRLine(words: body, box: Box(x0: 300, y0: 900, x1: 760, y1: 950), block: 2, rotated: false)]
        let field = HandwrittenRegions.find(lines, pageHeight: 3508).number
        XCTAssertEqual(field.map { $0.box.y1 < 600 && $0.box.x1 <= 688 }, true, "\(String(describing: field))")
        XCTAssertNotNil(field?.leftSpan, "where the label ends inside `Số:ổ0` is guessed, to be found in the ink")
    }

    func testALabelOCRRanIntoTheHandAndReadAsTallAsItIsLeftOutOfTheField() {
        // `Số:4984` read `se:tÍ SỈ Á /KH-UBND`, the label's box as tall as the hand: no word reads
        // `Số`, the symbol bounds the field, and the field starts after the colon, not at `S`.
        let words = [word("se:tÍ", 305, 461, 428, 551), word("SỈ", 454, 461, 534, 567), word("Á", 559, 458, 612, 551),
                     word("/KH-UBND", 646, 518, 893, 556), word("Phú", 1171, 516, 1257, 553), word("Thọ,", 1275, 517, 1371, 560)]
        let field = numberField(words)
        XCTAssertEqual(field.map { $0.box.x0 > 340 && $0.box.x0 < 400 && $0.box.x1 <= 646 }, true, "\(String(describing: field))")
    }

    func testADottedLeaderOCRReadAsFlatDigitsIsNoLabelBeforeTheSymbol() {
        // `Số: 14 /TB-UBND` on a dotted line read `.i (1 22866) /TB-UBND`: the dots read as a
        // word a few pixels tall just before the symbol are the line the hand wrote on, not the
        // print the field starts after; the field runs from the label to the symbol.
        let row = [word(".i", 303, 513, 383, 552), word("(1", 413, 445, 518, 552), word("22866)", 527, 546, 615, 552),
                   word("/TB-UBND", 633, 510, 871, 567), word("Phú", 1170, 516, 1256, 553), word("Thọ,", 1274, 517, 1369, 560),
                   word("ngày", 1390, 516, 1497, 562), word("tháng", 1640, 516, 1768, 562)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x0 >= 383 && $0.box.x0 < 413 && $0.box.x1 <= 633 }, true, "\(String(describing: field))")
    }

    func testASlashInTheHandOCRRanIntoTheSymbolDoesNotEndTheField() {
        // `Số: 1675 /KH-UBND` read as one word, `số:...É..⁄/Ÿ1.../KH-UBND`: the symbol is the
        // print after the last slash, measured from the word's right, not all after the hand's
        // first slash (which left the field half its width, `16`).
        let row = [word("số:...É..⁄/Ÿ1.../KH-UBND", 303, 480, 936, 566), word("Phú", 1169, 516, 1255, 553),
                   word("Thọ,", 1274, 517, 1369, 560), word("ngày,", 1390, 499, 1565, 563), word("tháng", 1627, 515, 1754, 562)]
        let field = numberField(row)
        // The slash stands at about 690 on the page this row was read from.
        XCTAssertEqual(field.map { $0.box.x1 > 640 && $0.box.x1 <= 690 }, true, "\(String(describing: field))")
    }

    func testALabelOCRRanIntoTheHandWithAPeriodForItsColonIsLeftOutOfTheField() {
        // `Số:05` read `sø.C2`, as tall as the hand, the colon read as a period: the field starts
        // after the label's three characters, not before the `S` (the reader read the label as a 7).
        let words = [word("sø.C2", 303, 467, 454, 570), word("`.", 487, 494, 561, 552), word("/UBND-VX", 606, 513, 845, 568),
                     word("Quảng", 1172, 513, 1318, 562), word("Ngãi,", 1334, 517, 1455, 562)]
        let field = numberField(words)
        XCTAssertEqual(field.map { $0.box.x0 > 350 && $0.box.x0 < 400 && $0.box.x1 <= 606 }, true, "\(String(describing: field))")
    }

    func testOnARowReadAgainAFlatWordOfTheDotsIsPassedToTheGarbledLabel() {
        // `Số: 418 /KH-UBND` read again with the hand taken out: `__ GÀ. /KH-UBND`, the label
        // read `__`, the dots `GÀ.` seven pixels tall. The field runs from the label to the symbol.
        let row = [word("__", 303, 512, 386, 552), word("GÀ.", 406, 545, 453, 552), word("/KH-UBND", 615, 518, 862, 557),
                   word("Quảng", 1172, 513, 1319, 562), word("Ngãi,", 1334, 517, 1455, 562)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x0 >= 386 && $0.box.x0 < 406 && $0.box.x1 <= 615 }, true, "\(String(describing: field))")
        // A word of no letters wider than a label ran the label into a light hand (`Số: 922`
        // read `"..-`): the field is not cut after it (the row read again finds it).
        let light = [word("\"..-", 303, 494, 514, 552), word("/UBND.VX", 661, 491, 900, 567),
                     word("Quảng", 1172, 513, 1318, 562), word("Ngãi,", 1335, 517, 1455, 562)]
        XCTAssertNil(numberField(light))
    }

    func testDigitsWrittenAboveTheRowThatOCRReadAsASymbolDoNotEndTheField() {
        // `109` written high above the dotted line, read as a line of its own, `J/V2`: not the
        // symbol, which stands on the label's line.
        let hand = [word(".", 351, 513, 358, 519), word("J/V2", 412, 476, 534, 523)]
        let row = [word("Số:.4.M..", 303, 512, 516, 567), word("/UBND-KTTH", 654, 513, 962, 568),
                   word("Bình", 1169, 517, 1271, 553), word("Dương,", 1289, 518, 1451, 562)]
        let field = numberField(hand, row)
        XCTAssertEqual(field.map { $0.box.x1 > 600 && $0.box.x1 <= 654 }, true, "\(String(describing: field))")
    }

    func testADashInTheHandBeforeDigitsIsNotTheSymbolsDash() {
        // `Số: 38 /TB-UBND` read `Số..-2ỔC /TBUBND`: the label, the dotted line and the hand in one
        // word, with a dash OCR made of a stroke. Digits after a dash are not a symbol (after its
        // dash a symbol has the issuer's capitals; only a slash comes before a year): the field
        // runs on to `/TBUBND`.
        let row = [word("Số..-2ỔC", 303, 471, 544, 553), word("/TBUBND", 602, 518, 840, 556),
                   word("Phú", 1170, 516, 1256, 553), word("Thọ,", 1274, 517, 1370, 560)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x0 < 420 && $0.box.x1 > 560 && $0.box.x1 <= 602 }, true, "\(String(describing: field))")
    }

    func testASymbolWhoseSlashOCRLostAndWhoseCapitalItReadSmallEndsTheField() {
        // `Số: 31 /UBND-KTTH` read `số: 2 Í uBND-KTTH`: the symbol's slash lost and its U read
        // lower-case. The field ends where the symbol's word begins, not at a guess from its
        // right end that left the slash in the field (read as a 1: 31 read 311).
        let row = [word("số:", 304, 482, 440, 555), word("2", 400, 475, 424, 568), word("Í", 459, 479, 478, 552),
                   word("uBND-KTTH", 517, 518, 825, 556), word("Hà", 1170, 516, 1234, 553), word("Nội,", 1251, 516, 1342, 560),
                   word("hgày|", 1364, 493, 1497, 563), word("Ấ.", 1507, 486, 1565, 563), word("tháng", 1619, 516, 1747, 563),
                   word("DÌ", 1765, 519, 1812, 553), word("năm", 1838, 517, 1930, 554), word("2025", 1948, 519, 2059, 554)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x1 > 470 && $0.box.x1 <= 517 }, true, "\(String(describing: field))")
    }

    func testALabelOCRRanIntoALightHandEndsAfterTheLabelsLetters() {
        // `Số: 06 /UBND-KTTH` in a light pen read `J.ứe, LÀ /UBND-KTTH`: the label and the 0 in
        // one word, taller than print and as wide as seven letters. The field starts after the
        // label's three letters, not after the word (the 0 was left out: 06 read 6).
        let row = [word("J.ứe,", 303, 491, 468, 555), word("LÀ", 482, 478, 524, 566), word("/UBND-KTTH", 592, 501, 901, 566),
                   word("Hà", 1169, 515, 1232, 553), word("Nội,", 1250, 515, 1341, 560), word("ngày", 1363, 515, 1470, 562),
                   word("tháng", 1626, 515, 1754, 562), word("04", 1772, 518, 1825, 553), word("năm", 1845, 517, 1937, 553),
                   word("2023", 1955, 518, 2066, 553)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x0 > 369 && $0.box.x0 < 400 && $0.box.x1 <= 592 }, true, "\(String(describing: field))")
    }

    func testTheFieldAfterAGarbledLabelStartsWhereTheLabelEnds() {
        // `Số: 297` in a light pen read `¡ A7) /BC-UBND`: OCR's box of the hand starts at the 9,
        // the 2's light tail left of it. The field starts after the garbled label.
        let row = [word("¡", 303, 513, 369, 553), word("A7)", 449, 471, 641, 554), word("/BC-UBND", 658, 518, 900, 557),
                   word("Quảng", 1172, 513, 1318, 562), word("Ngãi,", 1334, 517, 1455, 562), word("tháng", 1772, 515, 1900, 562),
                   word("03", 1918, 518, 1971, 553), word("năm", 1991, 517, 2083, 553), word("2023", 2101, 518, 2212, 553)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x0 > 369 && $0.box.x0 < 420 && $0.box.x1 <= 658 }, true, "\(String(describing: field))")
    }

    func testALabelRunIntoALightHandsFirstDigitsStartsTheFieldBeforeThem() {
        // `Số: 5039 /KH-UBND` in a light pen read `\`... -Z *Í /KH-UBND`: the label and the 5's
        // edge in a word of no letters wider than the label, the 0 and 3 not boxed at all (`-Z` is
        // the dots), the 9 read `*Í`, 53 pixels tall beside print of 43 (short of the hand's 1.4
        // times print). The field starts after the label's letters, not after `*Í` (read 39).
        let row = [word("`...", 303, 512, 428, 552), word("-Z", 612, 534, 652, 544), word("*Í", 710, 493, 785, 546),
                   word("/KH-UBND", 869, 518, 1115, 556), word("Bình", 1170, 515, 1271, 552), word("Dương,", 1290, 519, 1451, 562),
                   word("ngày", 1472, 516, 1578, 563), word("2", 1619, 493, 1651, 563), word("tháng", 1708, 515, 1836, 562),
                   word("02", 1855, 518, 1907, 553), word("năm", 1927, 517, 2019, 553), word("2026", 2037, 518, 2150, 553)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x0 > 360 && $0.box.x0 < 416 && $0.box.x1 <= 869 }, true, "\(String(describing: field))")
    }

    func testALabelOCRReadAsTallAsTheHandWithItsColonLastEndsAtTheColon() {
        // `Số: 7624 /TB-UBND` read `sẽ: 2ƒ /mBUBND`: the label and the 7 in one word as tall as the
        // hand, the 7 taken for the colon. The field starts after the label's three characters,
        // not before its `S` (read as a 5: 57624).
        let row = [word("sẽ:", 303, 484, 445, 552), word("2ƒ", 450, 483, 604, 555), word("/mBUBND", 673, 518, 911, 557),
                   word("Bình", 1170, 515, 1271, 552), word("Dương,", 1290, 519, 1451, 562)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x0 > 350 && $0.box.x0 < 420 && $0.box.x1 <= 673 }, true, "\(String(describing: field))")
    }

    func testAHandWordOCRMadeASlashOfIsNotTheSymbol() {
        // `06` read `/Â&...`, as tall as the hand: the symbol is `/BC-UBND` after it.
        let row = [word("sø.", 305, 511, 386, 551), word("/Â&...", 420, 463, 563, 565), word("/BC-UBND", 581, 517, 823, 556),
                   word("Hà", 1172, 516, 1235, 553), word("Nội,", 1253, 516, 1343, 560)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x1 > 540 && $0.box.x1 <= 581 }, true, "\(String(describing: field))")
    }

    func testASymbolWhoseSlashOCRLostIsTheSymbolWhole() {
        // `Số: 873 /UBND-VX` read `Số:..9....£==.. UBND-VX`: the field ends where `UBND` begins.
        let row = [word("Số:..9....£==..", 303, 518, 615, 552), word("UBND-VX", 630, 518, 869, 557),
                   word("Hà", 1170, 518, 1233, 553), word("Nội,", 1251, 518, 1341, 560)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x1 > 590 && $0.box.x1 <= 630 }, true, "\(String(describing: field))")
    }

    func testOneCapitalAfterAHandMadeSlashInTheLabelsWordIsNoSymbol() {
        // `Số: 29 /BC-UBND` read `Số:.424/Ý....`, the hand and the dotted line run into the label:
        // `/Ý` is the hand's, and the field runs on to `/BC-UBND`.
        let row = [word("Số:.424/Ý....", 303, 494, 575, 553), word("/BC-UBND", 606, 518, 848, 557),
                   word("Phú", 1169, 515, 1256, 553), word("Thọ,", 1274, 517, 1369, 560)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x1 > 560 && $0.box.x1 <= 606 && $0.box.x0 < 420 }, true, "\(String(describing: field))")
        // Two capitals after the slash are a symbol (`Số:660/TB`, the label run into the digits).
        let run = [word("Số:660/TB", 303, 494, 575, 553), word("Phú", 1169, 515, 1256, 553), word("Thọ,", 1274, 517, 1369, 560)]
        let runField = numberField(run)
        XCTAssertEqual(runField.map { $0.box.x1 < 575 }, true, "\(String(describing: runField))")
    }

    func testASymbolWhoseSlashAndKindOCRGarbledEndsTheFieldWhereItsWordBegins() {
        // `Số: 1816 /TB-UBND` read with the symbol's `/T` garbled (`mn-uBND`), its box no taller
        // than the print: `mn` is the symbol, not the hand run into it, and the field ends at 590.
        let row = [word("số:Ì#", 303, 484, 448, 558), word("Ló", 464, 486, 545, 557), word("mn-uBND", 590, 518, 827, 556),
                   word("Bình", 1170, 516, 1271, 552), word("Dương,", 1290, 518, 1451, 562)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x1 > 550 && $0.box.x1 <= 590 }, true, "\(String(describing: field))")
        // The hand run into the symbol stands taller than the print: the field still takes it.
        let hand = [word("Số:", 303, 512, 369, 552), word("5Z8-UBND", 420, 470, 700, 560),
                    word("Bình", 1170, 516, 1271, 552), word("Dương,", 1290, 518, 1451, 562)]
        let handField = numberField(hand)
        XCTAssertEqual(handField.map { $0.box.x1 > 440 }, true, "\(String(describing: handField))")
    }

    func testASymbolWhoseSlashAndIssuerOCRGarbledBoundsTheFieldWithNoLabelRead() {
        // A generated letter's `Số: 4362 /UBND-KTTH` on a dotted line: the label read `s..#`, the
        // hand `Ÿ` and `4Â.`, the symbol `u5ND-KTTH` (its slash and `B` lost), as tall as the hand.
        // No `Số`, no slash: the symbol's dash and the department's capitals still end the field.
        let row = [word("s..#", 302, 475, 426, 553), word("Ÿ", 466, 481, 498, 552), word("4Â.", 538, 477, 655, 556),
                   word("u5ND-KTTH", 682, 471, 977, 567), word("Quảng", 1171, 513, 1318, 562), word("Ngãi,", 1334, 517, 1455, 562),
                   word("ngày", 1475, 515, 1596, 563)]
        let field = numberField(row)
        XCTAssertEqual(field.map { $0.box.x1 > 600 && $0.box.x1 <= 682 && $0.box.x0 < 466 }, true, "\(String(describing: field))")
        // Words with a dash that are no symbol: the motto's, a place's, a lower-case tail.
        for text in ["Tự-do", "Bà-Rịa", "ab-cd", "UBND-", "-KTTH", "2024-2025"] {
            XCTAssertFalse(HandwrittenRegions.slashLostSymbol(text), text)
        }
        XCTAssertTrue(HandwrittenRegions.slashLostSymbol("u5ND-KTTH"))
        XCTAssertTrue(HandwrittenRegions.slashLostSymbol("u7B-UBND"))
    }

    func testALabelBoxThatSwallowedTheDigitsIsMeasuredByItsLettersAndTheGapInTheInk() {
        // OCR drew `tháng`'s box over the day written before it (`07 tháng`, read `tháng`): the
        // field's right side is found at the blank columns before the printed word, not at the box.
        let words = [word("ngày", 1437, 281, 1543, 330), word("tháng", 1570, 263, 1783, 339),
                     word("12", 1801, 282, 1850, 319), word("năm", 1880, 284, 1971, 319), word("2011", 2002, 282, 2104, 319)]
        let line = OCRLine(words: words, box: Box(x0: 1437, y0: 263, x1: 2104, y1: 339), block: 1, rotated: false)
        let found = HandwrittenRegions.find([line], pageHeight: 3508)
        let day = try? XCTUnwrap(found.day)
        XCTAssertNotNil(day?.rightSpan)
        // Ink: the hand at 1575–1630, the print of `tháng` from 1650 on; blank between.
        let refined = day.map { field in
            HandwrittenRegions.refined(field) { box in
                (box.x0..<box.x1).map { x in (1575...1630).contains(x) || x >= 1650 ? 5 : 0 }
            }
        }
        XCTAssertEqual(refined.map { $0.box.x1 > 1630 && $0.box.x1 <= 1650 }, true, "\(String(describing: refined))")
        XCTAssertEqual(refined.map { $0.box.x0 <= 1575 }, true)
    }

    func testADottedLeaderIsTakenOffThePageButTheDotsUnderVowelsStay() throws {
        // A grey page at 300 DPI: a leader of 5×5 dots every 13 px, broken where a digit lies over
        // it, and a row of dots at the irregular steps of the dots under vowels (`ạ ệ ị ộ ụ`).
        let pix = try XCTUnwrap(Pix(pixCreate(1200, 400, 8)))
        pix.with { _ = pixSetAll($0) }
        func dot(_ x: Int, _ y: Int) { pix.with { p in for dy in 0..<5 { for dx in 0..<5 { pixSetPixel(p, Int32(x + dx), Int32(y + dy), 0) } } } }
        let leader = Array(stride(from: 100, to: 200, by: 13)) + Array(stride(from: 290, to: 400, by: 13))
        for x in leader { dot(x, 100) }
        for x in [100, 131, 150, 190, 205, 251, 270, 320] { dot(x, 300) }
        let found = DottedLeaders.find(pix)
        XCTAssertEqual(found.count, leader.count, "the leader's dots, on both sides of the digit")
        XCTAssertTrue(found.allSatisfy { $0.y0 < 200 }, "no dot under a vowel")
        let (cleaned, removed) = DottedLeaders.removed(from: pix)
        XCTAssertEqual(removed, leader.count)
        var v: UInt32 = 0
        cleaned.with { _ = pixGetPixel($0, 102, 102, &v) }
        XCTAssertEqual(v, 255, "the dot is painted white")
        cleaned.with { _ = pixGetPixel($0, 102, 302, &v) }
        XCTAssertEqual(v, 0, "a dot under a vowel is kept")
    }
}
