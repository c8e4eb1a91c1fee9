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
        /// Seconds spent reading the signature block again (only where the page lost the name).
        public var signatureSeconds: Double = 0
        public var signatureReread = false
        /// Seconds spent reading the header's number-and-date row again (only where the page's
        /// reading lost a field or the symbol), included in `readerSeconds`' page as the pipeline does.
        public var headerRowSeconds: Double = 0
        public var headerRowReread = false
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
            let reread = try HeaderRowRereading.lines(in: lines, on: prepared.image, engine: engine)
            let t1b = Date()
            let reader = PageRecognizer.readHandwritten(lines, reread: reread, on: prepared.image)
            let t2 = Date()
            let found = HandwrittenRegions.find(lines, on: prepared.image)
            func tesseract(_ field: HandwrittenRegions.Field?) -> [DigitReading] {
                guard let field, let ink = HandwrittenFieldReader.ink(of: prepared.image, in: field.box),
                      let pix = ink.pix(border: field.lineHeight / 2),
                      let r = engine.readDigits(pix) else { return [] }
                return [r]
            }
            let tess = HandwrittenReadings(number: tesseract(found.number), day: tesseract(found.day), month: tesseract(found.month))
            let t3 = Date()
            let name = try SignatureBlockRereading.name(in: lines, on: prepared.image, engine: engine)
            let t4 = Date()
            results.append(PageResult(file: path, reader: reader, tesseract: tess,
                                      pageSeconds: t1.timeIntervalSince(t0), readerSeconds: t2.timeIntervalSince(t1b),
                                      tesseractSeconds: t3.timeIntervalSince(t2), signatureSeconds: t4.timeIntervalSince(t3),
                                      signatureReread: name != nil, headerRowSeconds: t1b.timeIntervalSince(t1),
                                      headerRowReread: reread != nil))
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

/// The fields' crops kept on disk, so the reader can be measured and tuned without recognising
/// the pages again (`vanthu-bench digit-crops`, `vanthu-bench read-crops`).
public enum HandwrittenCrops {
    /// Each page's number, day and month fields as `NAME.FIELD.LINEHEIGHT.FIRST.LAST.pgm` (16-bit) in
    /// `folder`: exactly what the reader reads on the page (the crop with a little beside the
    /// field, ink dark on white, and the field's first and last column in it), found as the
    /// pipeline finds them, the header row's re-reading included.
    public static func write(paths: [String], to folder: String, tessdataPath: String? = nil) throws {
        _ = Pix.silenceLeptonica
        let engine = try TesseractEngine(.init(language: "vie", tessdataPath: tessdataPath))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The page's recognition kept (VANTHU_BENCH_OCR_CACHE=folder), so a change to the field
        // finder is measured without recognising every page again; VANTHU_BENCH_WORDS prints the
        // header's words with their boxes.
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["VANTHU_BENCH_OCR_CACHE"], printWords = environment["VANTHU_BENCH_WORDS"] != nil
        for path in paths {
            guard let source = Pix.read(path: path), let prepared = PagePreparation().prepare(source) else { continue }
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            // Named by the page's whole path: letters of two sets share their file names, and
            // one cache folder for both read each other's pages.
            let cached = cache.map { "\($0)/\(path.replacingOccurrences(of: "/", with: "_")).hocr" }
            let hocr: String
            if let cached, let kept = try? String(contentsOfFile: cached, encoding: .utf8) { hocr = kept } else {
                hocr = try engine.recognise(prepared.image).hocr
                if let cached { try? hocr.write(toFile: cached, atomically: true, encoding: .utf8) }
            }
            let lines = HOCRReader.lines(hocr)
            let reread = try HeaderRowRereading.lines(in: lines, on: prepared.image, engine: engine)
            let found = PageRecognizer.handwrittenFields(lines, reread: reread, on: prepared.image)
            if printWords {
                for l in lines + (reread ?? []) where l.box.y0 < prepared.image.height / 4 {
                    print(l.words.map { "\($0.text)@\($0.box.x0),\($0.box.y0),\($0.box.x1),\($0.box.y1)" }.joined(separator: " "))
                }
            }
            for kind in HandwrittenField.allCases {
                let field = kind.rawValue
                guard let f = found[kind], let (ink, columns) = HandwrittenFieldReader(lineHeight: f.lineHeight).crop(f.box, on: prepared.image) else { continue }
                // 16 bits a sample: the page's ink, made from 8-bit grey levels, comes back as the
                // reader saw it (at 8 bits the rounding moved the thinnest columns, and the reader
                // cut a crop where it did not cut the page).
                var bytes = Array("P5\n\(ink.width) \(ink.height)\n65535\n".utf8)
                for v in ink.ink {
                    let level = UInt16(65535 - min(65535, Int((v * 65535).rounded())))
                    bytes += [UInt8(level >> 8), UInt8(level & 0xff)]
                }
                FileManager.default.createFile(atPath: "\(folder)/\(name).\(field).\(f.lineHeight).\(columns.lowerBound).\(columns.upperBound).pgm",
                                               contents: Data(bytes))
            }
        }
    }

    /// The reader's readings of crops written by `write`, by file.
    public static func read(paths: [String]) -> [(file: String, readings: [DigitReading])] {
        paths.compactMap { path in
            guard let (image, reader) = load(path) else { return nil }
            return (path, reader.read(image))
        }
    }

    /// One run of the over-segmented field's pieces that the reader scores as one digit.
    public struct Run: Sendable {
        /// The run is pieces `first..<end`, left to right.
        public var first: Int
        public var end: Int
        /// The columns of the crop it spans (inclusive).
        public var x0: Int
        public var x1: Int
        /// What the classifier is given for it: the 28×28 normalised crop (deskewed if the model
        /// deskews), row by row, as bytes (0 = paper, 255 = full ink).
        public var input: [UInt8]
    }

    /// For hard-negative mining (scripts/digit-fields.py): every run of pieces the reader would
    /// score in each crop written as `write` writes them, with the reader's best reading: the
    /// runs `HandwrittenFieldReader.read` tries (`Pieces.mayBeOneDigit`).
    public static func runs(paths: [String]) -> [(file: String, reading: String?, digitHeight: Int, runs: [Run])] {
        paths.compactMap { path in
            guard let (crop, reader) = load(path) else { return nil }
            let reading = reader.read(crop).first?.digits
            // The ink as `read` sees it, a light pen's strokes raised.
            let image = crop.raisingLightStrokes(lineHeight: reader.lineHeight)
            guard let pieces = reader.overSegment(image) else { return (path, reading, 0, []) }
            let n = pieces.atoms.count
            var runs: [Run] = []
            for i in 0..<n {
                for j in (i + 1)...n where pieces.mayBeOneDigit(i, j) {
                    guard let normalised = pieces.crop(i, j, image).normalised() else { continue }
                    let input = reader.classifier.deskews ? InkImage.deskewed(normalised) : normalised
                    let atoms = pieces.atoms[i..<j]
                    runs.append(Run(first: i, end: j, x0: atoms.map(\.x0).min()!, x1: atoms.map(\.x1).max()!,
                                    input: input.map { UInt8(min(255, max(0, ($0 * 255).rounded()))) }))
                }
            }
            return (path, reading, pieces.digitHeight, runs)
        }
    }

    /// A crop written by `write` (`NAME.FIELD.LINEHEIGHT.FIRST.LAST.pgm`) and the reader set up
    /// for it as the page's reader is.
    static func load(_ path: String) -> (InkImage, HandwrittenFieldReader)? {
        let parts = ((path as NSString).lastPathComponent as NSString).deletingPathExtension.split(separator: ".")
        guard parts.count >= 5, let lineHeight = Int(parts[parts.count - 3]),
              let first = Int(parts[parts.count - 2]), let last = Int(parts[parts.count - 1]), first <= last,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        // P5 header: magic, width, height, maxval, each followed by one whitespace.
        var fields: [Int] = [], i = 2, current = ""
        while fields.count < 3, i < bytes.count {
            let c = Character(UnicodeScalar(bytes[i]))
            if c.isNumber { current.append(c) } else if !current.isEmpty { fields.append(Int(current)!); current = "" }
            i += 1
        }
        // 8 or 16 bits a sample (PGM: a maxval over 255 takes two bytes, most significant first).
        let wide = fields.count == 3 && fields[2] > 255
        guard fields.count == 3, bytes.count - i >= fields[0] * fields[1] * (wide ? 2 : 1) else { return nil }
        let top = Float(fields[2])
        let ink = (0..<(fields[0] * fields[1])).map { k -> Float in
            let level = wide ? Int(bytes[i + 2 * k]) << 8 | Int(bytes[i + 2 * k + 1]) : Int(bytes[i + k])
            return (top - Float(level)) / top
        }
        var reader = HandwrittenFieldReader.reading(HandwrittenField(rawValue: String(parts[parts.count - 4])) ?? .number, lineHeight: lineHeight)
        reader.field = first...last
        return (InkImage(width: fields[0], height: fields[1], ink: ink), reader)
    }
}
