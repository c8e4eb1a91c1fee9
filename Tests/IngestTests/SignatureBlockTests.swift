import CLeptonica
import Foundation
import XCTest
@testable import Ingest

/// The signer's name under a seal, read again when the page's reading lost it.
final class SignatureBlockTests: XCTestCase {
    private func word(_ text: String, _ x0: Int, _ y0: Int = 100) -> OCRWord {
        OCRWord(text: text, box: Box(x0: x0, y0: y0, x1: x0 + 20 * text.count, y1: y0 + 40), confidence: 80)
    }

    func testTheNameIsTheTrailingRunOfCapitalisedWordsAfterTheSealsDebris() {
        let words = [word(",", 0), word("_.", 40), word("Lê", 100), word("Dũng", 160)]
        XCTAssertEqual(SignatureBlockRereading.nameRun(in: words)?.map(\.text), ["Lê", "Dũng"])
        // Debris in capitals before it is left out: `NNNN z4 Lê Dũng`.
        XCTAssertEqual(SignatureBlockRereading.nameRun(in: [word("NNNN", 0), word("z4", 100), word("Lê", 160), word("Dũng", 220)])?
            .map(\.text), ["Lê", "Dũng"])
    }

    func testANameWhoseFirstWordIsGarbledIsNoName() {
        // `rán Văn Huy`: the family name lost its capital; `Văn Huy` would be half a name.
        XCTAssertNil(SignatureBlockRereading.nameRun(in: [word("rán", 0), word("Văn", 100), word("Huy", 180)]))
        XCTAssertNil(SignatureBlockRereading.nameRun(in: [word("PHÓ", 0), word("CHỦ", 100), word("TỊCH", 180)]))
    }

    func testThePositionIsFoundWhereTesseractJoinedItToTheNoiNhanItemBesideIt() {
        let words = [word("-", 100, 2400), word("Lưu:", 130, 2400), word("VT.", 230, 2400),
                     word("PHÓ", 1500, 2400), word("CHỦ", 1600, 2400), word("TỊCH", 1700, 2400)]
        let line = OCRLine(words: words, box: Box(x0: 100, y0: 2400, x1: 1780, y1: 2440), block: 3, rotated: false)
        XCTAssertEqual(SignatureBlockRereading.positionLine([line], width: 2480, height: 3500)?.text, "PHÓ CHỦ TỊCH")
    }

    /// A signature block at 300 dpi: the position in bold capitals, a grey seal of thin rings and
    /// a thin flourish drawn across the name below it.
    private func sealedBlock() throws -> Ingest.Pix {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/block.png"
        let markup = """
        <span size="13000">    Yêu cầu các cơ quan, đơn vị tổ chức thực hiện nghiêm túc Chỉ thị này./.
        \(String(repeating: "\n", count: 24))                                                                    <b>TM. ỦY BAN NHÂN DÂN</b>
                                                                                <b>PHÓ CHỦ TỊCH</b>





                                                                                  <b>Lê Dũng</b></span>
        """
        try LetterRendering.png(markup, dpi: 300, to: path)
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
        let page = try XCTUnwrap(Pix.read(path: path).flatMap { p in p.map { pixConvertTo8($0, 0) } })
        // The name's position on the rendering: the lowest dark row.
        let w = Int32(page.width), h = Int32(page.height)
        // Thin rings centred left of the name, crossing it, and a flourish through it, in black.
        for r in stride(from: 140, through: 220, by: 20) {
            var ring = ptaCreate(0)
            for k in 0...90 {
                let a = Double(k) * 2 * .pi / 90
                ptaAddPt(ring, Float(Double(w) * 0.68 + Double(r) * cos(a)), Float(Double(h) - 230 + Double(r) * sin(a)))
            }
            page.with { _ = pixRenderPolyline($0, ring, 2, Int32(L_CLEAR_PIXELS), 0) }
            ptaDestroy(&ring)
        }
        var line = ptaCreate(2)
        ptaAddPt(line, Float(w / 2), Float(h - 160)); ptaAddPt(line, Float(w - 40), Float(h - 300))
        page.with { _ = pixRenderPolyline($0, line, 3, Int32(L_CLEAR_PIXELS), 0) }
        ptaDestroy(&line)
        if let keep = ProcessInfo.processInfo.environment["VANTHU_TEST_KEEP"] { _ = page.write(png: keep) }
        return page
    }

    func testANameTheFirstReadingLostIsReadAgainFromTheBlock() throws {
        let page = try sealedBlock()
        let engine = try TesseractEngine(.init(language: "vie", tessdataPath: nil))
        let lines = HOCRReader.lines(try engine.recognise(page).hocr)
        // As on a scan where layout analysis took the seal's corner for a picture: the page's
        // reading has the position, not the name.
        let position = try XCTUnwrap(lines.first { Folding.fold($0.text).contains("pho chu") }, "\(lines.map { $0.text })")
        let lost = lines.filter { $0.box.y0 <= position.box.y0 }
        XCTAssertNotNil(SignatureBlockRereading.positionLine(lost, width: page.width, height: page.height), "\(lines.map { $0.text })")
        let name = try SignatureBlockRereading.name(in: lost, on: page, engine: engine)
        XCTAssertEqual(name?.text, "Lê Dũng", "\(lines.map { $0.text })")
        // Where the reading has it already, nothing is read again.
        if lines.count > lost.count {
            XCTAssertNil(try SignatureBlockRereading.name(in: lines, on: page, engine: engine))
        }
    }
}
