import CLeptonica
import Foundation

/// Turns a page image as scanned into the image OCR reads best, in named steps (as OCRmyPDF does):
/// red ink dropped, greyscale, scaled to about 300 DPI, background evened out, deskewed.
/// Each step is a function of its input and says what it decided in `notes`.
struct PagePreparation {
    /// Resolution tesseract is tuned for.
    static let targetDPI = 300.0
    /// Long side of an A4 page at 300 DPI; images with no usable resolution are scaled towards it.
    static let a4LongSide = 3508.0

    struct Prepared {
        /// The greyscale page, red removed, scaled, background normalised, deskewed.
        var image: Pix
        /// Red ink (seals, stamps) as dark on white, when the page had enough of it to read.
        var redLayer: Pix?
        var scale: Double
        var skewDegrees: Double
        /// Share of dark pixels: a blank page has almost none.
        var inkFraction: Double
        var isBlank: Bool { inkFraction < 0.0004 }
    }

    /// Share of red pixels above which the red layer is kept for reading stamps: a `HỎA TỐC` stamp
    /// alone, without a seal, is about 0.1 % of an A4 page.
    var redLayerThreshold = 0.0005

    /// The steps that may be left out when they cost a page its text (see `PageRecognizer`).
    /// The steps (see `PreparationStep`, which names them for the reader's note).
    typealias Step = PreparationStep
    /// Steps left out of this preparation; scaling is always done.
    var skipping: Set<Step> = []

    func prepare(_ source: Pix) -> Prepared? {
        _ = Pix.silenceLeptonica
        guard var (grey, red) = greyDroppingRed(source) else { return nil }
        if skipping.contains(.redInkRemoval) {
            // Greyscale by luminance: red ink stays as dark as it looks.
            guard let luminance = flattened(source).flatMap({ p in p.map { pixConvertTo8($0, 0) } }) else { return nil }
            grey = luminance
        }
        let scale = scaleFactor(width: source.width, height: source.height, resolution: source.resolution)
        guard let scaled = scale == 1 ? grey : grey.map({ pixScale($0, Float(scale), Float(scale)) }) else { return nil }
        // Grey or yellowed paper and uneven lighting become white, so one threshold fits the page.
        let normalised = skipping.contains(.backgroundNormalisation) ? scaled
            : (scaled.map { pixBackgroundNormSimple($0, nil, nil) } ?? scaled)
        var angle: Float = 0, confidence: Float = 0
        let deskewedWithLeaders = skipping.contains(.deskew) ? normalised
            : (normalised.map { pixDeskewGeneral($0, 0, 0, 0, 0, 0, &angle, &confidence) } ?? normalised)
        // The dotted lines left for hand-written fields, which OCR reads as letters.
        let deskewed = DottedLeaders.removed(from: deskewedWithLeaders).0
        let ink = inkFraction(deskewed)
        var redLayer: Pix?
        if let red, red.fraction >= redLayerThreshold {
            redLayer = scale == 1 ? red.image : red.image.map { pixScale($0, Float(scale), Float(scale)) }
        }
        return Prepared(image: deskewed, redLayer: redLayer, scale: scale,
                        skewDegrees: confidence > 0 ? Double(angle) : 0, inkFraction: ink)
    }

    /// Scale that brings the page to about 300 DPI: from the file's resolution when it is plausible,
    /// else from the long side against an A4 page. Never more than 4× nor less than ½.
    func scaleFactor(width: Int, height: Int, resolution: Int) -> Double {
        let factor: Double
        if resolution >= 70 && resolution <= 1200 && !(resolution == 72 && max(width, height) > 2000) {
            factor = Self.targetDPI / Double(resolution)
        } else {
            let long = Double(max(width, height))
            factor = long < 2200 ? Self.a4LongSide / long : 1
        }
        if abs(factor - 1) < 0.15 { return 1 }
        return min(4, max(0.5, factor))
    }

    /// The image without its colour map, if it has one.
    private func flattened(_ pix: Pix) -> Pix? {
        guard pix.with({ pixGetColormap($0) }) != nil else { return pix }
        return pix.map { pixRemoveColormap($0, Int32(REMOVE_CMAP_BASED_ON_SRC)) }
    }

    /// Greyscale from the red channel: black and blue ink stay dark, red seals and stamps turn
    /// as light as the paper. The red ink itself comes back as a separate layer.
    private func greyDroppingRed(_ source: Pix) -> (Pix, (image: Pix, fraction: Double)?)? {
        var pix = source
        if pix.with({ pixGetColormap($0) }) != nil {
            guard let p = pix.map({ pixRemoveColormap($0, Int32(REMOVE_CMAP_BASED_ON_SRC)) }) else { return nil }
            pix = p
        }
        if pix.depth == 32 {
            guard let red = pix.map({ pixGetRGBComponent($0, Int32(COLOR_RED)) }),
                  let green = pix.map({ pixGetRGBComponent($0, Int32(COLOR_GREEN)) }) else { return nil }
            // Redness = red − green, clipped at 0; strong redness is seal or stamp ink.
            let redness = red.with { r in green.map { pixSubtractGray(nil, r, $0) } }
            var layer: (Pix, Double)?
            if let redness, let mask = redness.map({ pixThresholdToBinary($0, 90) }) {
                mask.with { _ = pixInvert($0, $0) }
                var count: Int32 = 0
                mask.with { _ = pixCountPixels($0, &count, nil) }
                let fraction = Double(count) / Double(max(1, pix.width * pix.height))
                if let inverted = redness.map({ pixInvert(nil, $0) }) { layer = (inverted, fraction) }
            }
            return (red, layer.map { (image: $0.0, fraction: $0.1) })
        }
        guard let grey = pix.map({ pixConvertTo8($0, 0) }) else { return nil }
        return (grey, nil)
    }

    private func inkFraction(_ grey: Pix) -> Double {
        guard let binary = grey.map({ pixThresholdToBinary($0, 128) }) else { return 0 }
        var count: Int32 = 0
        binary.with { _ = pixCountPixels($0, &count, nil) }
        return Double(count) / Double(max(1, grey.width * grey.height))
    }

    /// The inked part of `pix` within the top-left `width` × `height` fraction of it (8 bpp, dark ink
    /// on white), nil when that part holds no ink.
    static func inkedCorner(_ pix: Pix, width: Double, height: Double, letterSize: Int32 = 150) -> Pix? {
        guard let corner = pix.clipped(to: Box(x0: 0, y0: 0, x1: Int(Double(pix.width) * width), y1: Int(Double(pix.height) * height))),
              let mask = corner.map({ pixThresholdToBinary($0, 128) }) else { return nil }
        var inkBox: UnsafeMutablePointer<BOX>?
        let found = mask.with { pixClipToForeground($0, nil, &inkBox) } == 0 && inkBox != nil
        defer { boxDestroy(&inkBox) }
        guard found, let inkBox else { return nil }
        // A margin, so that turning the crop does not cut the stamp's corners.
        var x: Int32 = 0, y: Int32 = 0, w: Int32 = 0, h: Int32 = 0
        boxGetGeometry(inkBox, &x, &y, &w, &h)
        guard w >= 20, h >= 20 else { return nil }
        let m = max(w, h) / 3
        let x0 = max(0, x - m), y0 = max(0, y - m)
        let grown = boxCreate(x0, y0, min(Int32(corner.width) - x0, w + 2 * m), min(Int32(corner.height) - y0, h + 2 * m))
        var g: UnsafeMutablePointer<BOX>? = grown
        defer { boxDestroy(&g) }
        // Only the stamp's strong ink: the faint ghost of black text in the red layer stays out.
        // The stamp's frame (an arrow, a box) goes too: Tesseract takes text inside a frame for a
        // picture and reads nothing. Letters are the marks smaller than `letterSize` both ways.
        return mask.map { pixClipRectangle($0, grown, nil) }?
            .map { pixSelectBySize($0, letterSize, letterSize, 8, Int32(L_SELECT_IF_BOTH), Int32(L_SELECT_IF_LT), nil) }?
            .map { pixConvertTo8($0, 0) }
    }

    /// `pix` (8 bpp) turned by `degrees` clockwise, white brought in at the corners.
    static func tilt(_ pix: Pix, degrees: Double) -> Pix? {
        pix.map { pixRotate($0, Float(degrees * .pi / 180), Int32(L_ROTATE_AREA_MAP), Int32(L_BRING_IN_WHITE), 0, 0) }
    }

    /// The page turned by a multiple of 90° clockwise.
    static func rotate(_ pix: Pix, quarterTurns: Int) -> Pix? {
        let q = ((quarterTurns % 4) + 4) % 4
        return q == 0 ? pix : pix.map { pixRotateOrth($0, Int32(q)) }
    }
}
