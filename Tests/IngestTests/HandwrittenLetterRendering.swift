import CLeptonica
import Foundation
import XCTest
@testable import Ingest

/// Scanned letters whose number and day were written in by hand after printing, as offices do:
/// the print in DejaVu Serif, the digits in blue in a handwriting font the digit reader was not
/// trained on (scripts/train-digits.py holds these out), a visible digital-signature box, a red
/// seal, then turned, blurred and grained like a scan.
enum HandwrittenLetterRendering {
    struct Letter {
        var sequence: String
        var symbol = "UBND-KTTH"
        var day: String
        var month: Int
        var year: Int
        /// The font the digits are written in (fonts-rufscript, fonts-bwht).
        var hand = "Rufscript"
        /// `dd/MM/yyyy HH:mm:ss` in the signature box.
        var signed: String
        var tilt = 0.8
    }

    static func markup(_ l: Letter) -> String {
        let ink = { (s: String) in "<span font_desc=\"\(l.hand) 19\" foreground=\"#1f2f9a\">\(s)</span>" }
        return """
        <span size="11000"><span foreground="#1428a0" size="7500">                                                                                                        Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi
                                                                                                                Cơ quan: Tỉnh Quảng Ngãi
                                                                                                                Thời gian ký: \(l.signed)</span>

           <b>ỦY BAN NHÂN DÂN</b>                     <b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>
          <b>TỈNH QUẢNG NGÃI</b>                            <b>Độc lập - Tự do - Hạnh phúc</b>

           Số: \(ink(l.sequence))  /\(l.symbol)               <i>Quảng Ngãi, ngày</i> \(ink(l.day)) <i>tháng \(String(format: "%02d", l.month)) năm \(l.year)</i>
        V/v triển khai kế hoạch chuyển đổi số


                         Kính gửi: Sở Thông tin và Truyền thông

             Thực hiện chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh đề nghị các
        cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 30 tháng 6 để tổng hợp.

        <b>Nơi nhận:</b>                                                              <b>TM. ỦY BAN NHÂN DÂN</b>
        - Như trên;                                                                            <b>CHỦ TỊCH</b>
        - Lưu: VT.



                                                                                         <b>Nguyễn Văn An</b>
        </span>
        """
    }

    /// Renders the letter at 200 dpi and scans it: seal, tilt, blur, grain.
    static func scan(_ l: Letter, to path: String) throws {
        try LetterRendering.png(markup(l), dpi: 200, to: path)
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
        let page = try XCTUnwrap(Pix.read(path: path).flatMap { p in p.map { pixConvertTo32($0) } })
        // A red seal over the signature, right of "Nơi nhận".
        let w = Int32(page.width), h = Int32(page.height)
        for r in stride(from: Int32(70), through: 120, by: 14) {
            var box = boxCreate(w * 3 / 4 - r, h * 4 / 5 - r, 2 * r, 2 * r)
            page.with { _ = pixRenderBoxArb($0, box, 5, 210, 30, 30) }
            boxDestroy(&box)
        }
        let turned = try XCTUnwrap(page.map {
            pixRotate($0, Float(l.tilt * .pi / 180), Int32(L_ROTATE_AREA_MAP), Int32(L_BRING_IN_WHITE), 0, 0)
        })
        let blurred = try XCTUnwrap(turned.map { pixBlockconv($0, 1, 1) })
        let red = try XCTUnwrap(blurred.map { pixGetRGBComponent($0, Int32(COLOR_RED)) })
        let green = try XCTUnwrap(blurred.map { pixGetRGBComponent($0, Int32(COLOR_GREEN)) })
        let blue = try XCTUnwrap(blurred.map { pixGetRGBComponent($0, Int32(COLOR_BLUE)) })
        let grainyRed = try XCTUnwrap(red.map { pixAddGaussianNoise($0, 10) })
        let out = try XCTUnwrap(grainyRed.with { r in green.with { g in blue.map { pixCreateRGBImage(r, g, $0) } } })
        XCTAssertTrue(out.write(png: path))
    }
}
