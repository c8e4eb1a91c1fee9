import CLeptonica
import Foundation
import XCTest
@testable import Ingest

/// Renders test letters with `pango-view` (pango1.0-tools, DejaVu fonts) into page images and PDFs,
/// and damages them the way scanners and senders do (skew, noise, stamps).
enum LetterRendering {
    /// A letter page per Nghị định 30/2020: two header columns, subject, "Kính gửi:", body, foot.
    /// The header columns are set apart by spaces, as on a page where both columns share rows.
    static let letterMarkup = """
    <span size="11000"><b>   UBND TỈNH QUẢNG NGÃI</b>                   <b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>
    <b>VĂN PHÒNG ỦY BAN NHÂN DÂN</b>                        <b>Độc lập - Tự do - Hạnh phúc</b>

       Số: 2164/UBND-KGVX                    <i>Quảng Ngãi, ngày 15 tháng 5 năm 2025</i>
    V/v triển khai kế hoạch chuyển đổi số


                     Kính gửi: Sở Thông tin và Truyền thông

         Thực hiện chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh, Văn phòng đề nghị các
    cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 30/6/2025 để tổng hợp.

    </span>
    """

    /// Renders Pango markup to a PNG at `dpi`, black on white.
    static func png(_ markup: String, dpi: Int = 200, to path: String) throws {
        try run("pango-view", ["--markup", "--font=DejaVu Serif 11", "--dpi=\(dpi)", "--margin=60",
                               "--background=white", "-q", "-o", path, "--text", markup])
    }

    /// Renders Pango markup to a PDF with a text layer.
    static func pdf(_ markup: String, to path: String) throws {
        try run("pango-view", ["--markup", "--font=DejaVu Serif 11", "--margin=40", "-q", "-o", path,
                               "--text", markup])
    }

    /// A scan of the letter: rendered, a red seal drawn over it and a red "KHẨN" stamp, turned
    /// by `skew` degrees, with grain.
    static func scannedLetter(to path: String, skew: Double = 1.5) throws {
        let stamped = letterMarkup.replacingOccurrences(
            of: "<span size=\"11000\">",
            with: "<span size=\"11000\"><span foreground=\"#d01010\" size=\"20000\"><b>    KHẨN</b></span>\n")
        try png(stamped, to: path)
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
        let page = try XCTUnwrap(Pix.read(path: path))
        let pix = try XCTUnwrap(page.map { pixConvertTo32($0) })
        // A red seal: thick red rings in the blank space right of "Kính gửi".
        let w = Int32(pix.width)
        for r in stride(from: Int32(60), through: 110, by: 12) {
            var box = boxCreate(w * 4 / 5 - r, 400 - r, 2 * r, 2 * r)
            pix.with { _ = pixRenderBoxArb($0, box, 5, 215, 30, 30) }
            boxDestroy(&box)
        }
        let rotated = try XCTUnwrap(pix.map {
            pixRotate($0, Float(skew * .pi / 180), Int32(L_ROTATE_AREA_MAP), Int32(L_BRING_IN_WHITE), 0, 0)
        })
        // Grain on the green channel; red is left as it is so the seal stays red.
        let red = try XCTUnwrap(rotated.map { pixGetRGBComponent($0, Int32(COLOR_RED)) })
        let green = try XCTUnwrap(rotated.map { pixGetRGBComponent($0, Int32(COLOR_GREEN)) })
        let blue = try XCTUnwrap(rotated.map { pixGetRGBComponent($0, Int32(COLOR_BLUE)) })
        let noisyGreen = try XCTUnwrap(green.map { pixAddGaussianNoise($0, 18) })
        let out = try XCTUnwrap(red.with { r in noisyGreen.with { g in blue.map { pixCreateRGBImage(r, g, $0) } } })
        XCTAssertTrue(out.write(png: path))
    }

    /// The letter with a red `HỎA TỐC` stamp in a frame, put on askew (`tilt` degrees, counter-
    /// clockwise) under the number, as offices stamp it by hand.
    static func letterWithTiltedUrgencyStamp(to path: String, tilt: Double = 30) throws {
        // Room under the subject for the stamp, as on a real page.
        try png(letterMarkup.replacingOccurrences(of: "chuyển đổi số\n", with: "chuyển đổi số\n\n\n\n\n\n"), to: path)
        let stampPath = path + ".stamp.png"
        defer { try? FileManager.default.removeItem(atPath: stampPath) }
        try run("pango-view", ["--markup", "--font=DejaVu Serif 11", "--dpi=200", "--margin=30", "--background=white",
                               "-q", "-o", stampPath, "--text", "<span foreground=\"#d01010\" size=\"18000\"><b>HỎA TỐC</b></span>"])
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
        let top = try XCTUnwrap(Pix.read(path: path).flatMap { p in p.map { pixConvertTo32($0) } })
        // On a whole A4 page at 200 dpi, as a scanner gives it.
        let page = try XCTUnwrap(Pix(pixCreate(1654, 2339, 32)))
        page.with { _ = pixSetAll($0) }
        page.with { p in top.with { t in
            _ = pixRasterop(p, 0, 0, Int32(top.width), Int32(top.height), PIX_SRC, t, 0, 0)
        } }
        let stamp = try XCTUnwrap(Pix.read(path: stampPath).flatMap { p in p.map { pixConvertTo32($0) } })
        var frame = boxCreate(6, 6, Int32(stamp.width) - 12, Int32(stamp.height) - 12)
        stamp.with { _ = pixRenderBoxArb($0, frame, 4, 208, 16, 16) }
        boxDestroy(&frame)
        let a = tilt * .pi / 180, w = Double(stamp.width), h = Double(stamp.height)
        let turned = try XCTUnwrap(stamp.map {
            pixRotate($0, Float(-a), Int32(L_ROTATE_AREA_MAP), Int32(L_BRING_IN_WHITE),
                      Int32(w * cos(a) + h * sin(a)), Int32(w * sin(a) + h * cos(a)))
        })
        // Ink on paper: the darker of the two wins (white ANDed away).
        page.with { p in turned.with { t in
            _ = pixRasterop(p, 60, 250, Int32(turned.width), Int32(turned.height), PIX_SRC & PIX_DST, t, 0, 0)
        } }
        XCTAssertTrue(page.write(png: path))
    }

    /// Wraps a page image into an image-only PDF (Leptonica's PDF writer, no text layer).
    static func imageOnlyPDF(from image: String, to path: String) throws {
        let pix = try XCTUnwrap(Pix.read(path: image))
        XCTAssertEqual(pix.with { pixWrite(path, $0, Int32(IFF_LPDF)) }, 0)
    }

    /// A multi-page TIFF of the given images (1-bit G4 for small files).
    static func tiff(pages images: [String], to path: String) throws {
        for (i, image) in images.enumerated() {
            let page = try XCTUnwrap(Pix.read(path: image))
            let grey = try XCTUnwrap(page.map { pixConvertTo8($0, 0) })
            let bin = try XCTUnwrap(grey.map { pixConvertTo1($0, 160) })
            XCTAssertEqual(bin.with { pixWriteTiff(path, $0, Int32(IFF_TIFF_G4), i == 0 ? "w" : "a") }, 0)
        }
    }

    /// A white page of the given size.
    static func blankPNG(to path: String, width: Int32 = 1700, height: Int32 = 2200) {
        let pix = Pix(pixCreate(width, height, 8))!
        pix.with { _ = pixSetAll($0) }
        XCTAssertTrue(pix.write(png: path))
    }

    static func run(_ tool: String, _ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ExternalTool.locate(tool) ?? "/usr/bin/\(tool)")
        p.arguments = args
        try p.run(); p.waitUntilExit()
        if p.terminationStatus != 0 { throw NSError(domain: tool, code: Int(p.terminationStatus)) }
    }

    static func temporaryDirectory() -> String {
        let dir = NSTemporaryDirectory() + "vanthu-ingest-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
