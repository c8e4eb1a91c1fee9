import CLeptonica
import Foundation

/// The measuring side of the hand-written digit reader (`vanthu-bench digits`, scripts/measure-
/// digits.sh): per page, the readings of the digit reader and of Tesseract (English, digits only)
/// on the same crops, and what each reading cost against the page's own recognition.
public enum HandwrittenBench {
    public struct PageResult: Sendable {
        public var file: String
        public var reader: HandwrittenReadings
        public var tesseract: HandwrittenReadings
        /// Seconds: preparing and recognising the page, the digit reader, Tesseract on the crops.
        public var pageSeconds: Double
        public var readerSeconds: Double
        public var tesseractSeconds: Double
    }

    public static func run(paths: [String], tessdataPath: String? = nil) throws -> [PageResult] {
        _ = Pix.silenceLeptonica
        let engine = try TesseractEngine(.init(language: "vie", tessdataPath: tessdataPath))
        _ = DigitClassifier.shared
        var results: [PageResult] = []
        for path in paths {
            guard let source = Pix.read(path: path) else { continue }
            let t0 = Date()
            guard let prepared = PagePreparation().prepare(source) else { continue }
            let lines = HOCRReader.lines(try engine.recognise(prepared.image).hocr)
            _ = LetterPageLayout(pageWidth: prepared.image.width, pageHeight: prepared.image.height).arrange(lines)
            let t1 = Date()
            let reader = PageRecognizer.readHandwritten(lines, on: prepared.image)
            let t2 = Date()
            let found = HandwrittenRegions.find(lines, pageHeight: prepared.image.height)
            func tesseract(_ field: HandwrittenRegions.Field?) -> [DigitReading] {
                guard let field, let ink = HandwrittenFieldReader.ink(of: prepared.image, in: field.box),
                      let pix = ink.pix(border: field.lineHeight / 2),
                      let r = engine.readDigits(pix) else { return [] }
                return [r]
            }
            let tess = HandwrittenReadings(number: tesseract(found.number), day: tesseract(found.day), month: tesseract(found.month))
            let t3 = Date()
            results.append(PageResult(file: path, reader: reader, tesseract: tess,
                                      pageSeconds: t1.timeIntervalSince(t0), readerSeconds: t2.timeIntervalSince(t1),
                                      tesseractSeconds: t3.timeIntervalSince(t2)))
        }
        return results
    }
}

extension InkImage {
    /// The crop as an 8-bit page (dark ink on white) with a white border, for Tesseract.
    func pix(border: Int) -> Pix? {
        let w = width + 2 * border, h = height + 2 * border
        guard let pix = Pix(pixCreate(Int32(w), Int32(h), 8)) else { return nil }
        pix.with { p in
            _ = pixSetAll(p)
            for y in 0..<height { for x in 0..<width where self[x, y] > 0 {
                pixSetPixel(p, Int32(x + border), Int32(y + border), UInt32(255 - min(255, Int(self[x, y] * 255))))
            } }
        }
        return pix
    }
}
