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
