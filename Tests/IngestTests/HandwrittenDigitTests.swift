import CLeptonica
import Foundation
import XCTest
import Extract
import Pipeline
@testable import Ingest

/// The hand-written number and day on scans this test makes: the whole path (prepare, OCR, find
/// the fields, read the digits, choose with the evidence) must give the number and date written.
/// The big measurement (≥ 50 letters, MNIST writers held out) is scripts/measure-digits.sh.
final class HandwrittenDigitTests: XCTestCase {
    private func record(_ letter: HandwrittenLetterRendering.Letter) throws -> (IngestedDocument, LetterRecord) {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/scan.png"
        try HandwrittenLetterRendering.scan(letter, to: path)
        var options = IngestOptions()
        options.workers = 1
        return try LetterPipeline(options: options).extract(path: path)
    }

    func testAHandwrittenNumberAndDayAreReadOffAScan() throws {
        let (doc, r) = try record(.init(sequence: "574", day: "04", month: 2, year: 2025, signed: "04/02/2025 09:12:10"))
        XCTAssertFalse(doc.handwritten.number.isEmpty, "the number's field was found and read")
        XCTAssertFalse(doc.handwritten.day.isEmpty, "the day's field was found and read")
        XCTAssertEqual(r.number?.text, "574/UBND-KTTH")
        XCTAssertEqual(r.date, "2025-02-04")
    }

    func testAnotherHandAnotherTiltAndASignatureTheNextDay() throws {
        let (doc, r) = try record(.init(sequence: "1208", symbol: "TB-UBND", day: "27", month: 11, year: 2024,
                                        hand: "Because We Connect", signed: "28/11/2024 16:40:02", tilt: -1.2))
        XCTAssertFalse(doc.handwritten.number.isEmpty, "the number's field was found and read")
        // Known gap (closing note): this hand's 1 is read as a 7 (7208); the symbol is kept.
        XCTAssertEqual(r.number?.symbol, "TB-UBND")
        XCTAssertEqual(r.date, "2024-11-27")
    }

    func testTheReaderNormalisesACropAsMNISTDoes() {
        // A bar 10 wide and 40 tall becomes 5 × 20, centred: its long side is 20.
        var ink = [Float](repeating: 0, count: 30 * 50)
        for y in 5..<45 { for x in 10..<20 { ink[y * 30 + x] = 1 } }
        let crop = InkImage(width: 30, height: 50, ink: ink).normalised()!
        let rows = (0..<28).filter { y in (0..<28).contains { crop[y * 28 + $0] > 0.5 } }
        let cols = (0..<28).filter { x in (0..<28).contains { crop[$0 * 28 + x] > 0.5 } }
        XCTAssertEqual(rows.count, 20)
        XCTAssertEqual(cols.count, 5)
        XCTAssertEqual(rows.first, 4)
        // The reader of two digits fits the box into 20×40 of 28×48: a bar 60 wide and 20 tall
        // becomes 40 × 13, centred.
        var wide = [Float](repeating: 0, count: 80 * 30)
        for y in 5..<25 { for x in 10..<70 { wide[y * 80 + x] = 1 } }
        let pair = InkImage(width: 80, height: 30, ink: wide).normalisedPair()!
        XCTAssertEqual(pair.count, 28 * 48)
        let pairRows = (0..<28).filter { y in (0..<48).contains { pair[y * 48 + $0] > 0.5 } }
        let pairCols = (0..<48).filter { x in (0..<28).contains { pair[$0 * 48 + x] > 0.5 } }
        XCTAssertEqual(pairRows.count, 13)
        XCTAssertEqual(pairCols.count, 40)
        XCTAssertEqual(pairCols.first, 4)
    }

    /// MNIST digits the reader never trained on (fixtures/handwritten-digits, written by
    /// scripts/digit-fixture.py): `cells[d]` holds the samples of the digit d as 28×28 ink.
    private static let heldOut: [[InkImage]] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        _ = Pix.silenceLeptonica
        guard let pix = Pix.read(path: root.appendingPathComponent("fixtures/handwritten-digits/mnist-held-out.png").path),
              pix.depth == 8 else { return [] }
        return (0..<10).map { d in
            (0..<pix.width / 28).map { k in
                var ink = [Float](repeating: 0, count: 784)
                pix.with { p in
                    for y in 0..<28 { for x in 0..<28 {
                        var v: UInt32 = 0
                        pixGetPixel(p, Int32(k * 28 + x), Int32(d * 28 + y), &v)
                        ink[y * 28 + x] = Float(v) / 255
                    } }
                }
                return InkImage(width: 28, height: 28, ink: ink)
            }
        }
    }()

    func testTheClassifierReadsDigitsOfWritersItNeverSaw() throws {
        let cells = Self.heldOut
        XCTAssertEqual(cells.count, 10, "the fixture was read")
        let classifier = DigitClassifier.shared
        var right = 0, total = 0
        for (d, samples) in cells.enumerated() {
            for sample in samples {
                let crop = try XCTUnwrap(sample.normalised())
                let p = classifier.probabilities(classifier.deskews ? InkImage.deskewed(crop) : crop)
                if p.indices.max(by: { p[$0] < p[$1] }) == d { right += 1 }
                total += 1
            }
        }
        XCTAssertGreaterThanOrEqual(Double(right) / Double(total), 0.97, "\(right) of \(total) held-out digits read")
    }

    /// `digits` written from the held-out samples, each scaled to `height` pixels, `gap` pixels
    /// apart (negative: they run into each other), in a field with some paper around it.
    private func written(_ digits: [Int], samples: [Int], height: Int, gap: Int) -> InkImage {
        let glyphs: [InkImage] = zip(digits, samples).map { d, k in
            let cell = Self.heldOut[d][k % Self.heldOut[d].count]
            // The sample's ink box, scaled (bilinear) to the height asked for.
            let rows = (0..<28).filter { y in (0..<28).contains { cell[$0, y] > 0.1 } }
            let cols = (0..<28).filter { x in (0..<28).contains { cell[x, $0] > 0.1 } }
            let y0 = rows.first!, x0 = cols.first!, h = rows.last! - y0 + 1, w = cols.last! - x0 + 1
            let s = Double(height) / Double(h), ow = max(3, Int(Double(w) * s))
            var ink = [Float](repeating: 0, count: ow * height)
            for y in 0..<height { for x in 0..<ow {
                let sy = (Double(y) + 0.5) / s - 0.5, sx = (Double(x) + 0.5) / s - 0.5
                let iy = Int(sy.rounded(.down)), ix = Int(sx.rounded(.down))
                let fy = Float(sy - Double(iy)), fx = Float(sx - Double(ix))
                func at(_ x: Int, _ y: Int) -> Float { (0..<w).contains(x) && (0..<h).contains(y) ? cell[x0 + x, y0 + y] : 0 }
                ink[y * ow + x] = (1 - fy) * ((1 - fx) * at(ix, iy) + fx * at(ix + 1, iy)) + fy * ((1 - fx) * at(ix, iy + 1) + fx * at(ix + 1, iy + 1))
            } }
            return InkImage(width: ow, height: height, ink: ink)
        }
        let margin = height / 2
        let width = glyphs.reduce(2 * margin) { $0 + $1.width + gap } - gap
        var field = InkImage(width: width, height: height + 2 * margin, ink: [Float](repeating: 0, count: width * (height + 2 * margin)))
        var x = margin
        for g in glyphs {
            for y in 0..<g.height { for gx in 0..<g.width {
                let i = (margin + y) * width + x + gx
                field.ink[i] = max(field.ink[i], g[gx, y])
            } }
            x += g.width + gap
        }
        return field
    }

    func testStringsOfDigitsOfWritersItNeverSawAreCutAndReadExactly() {
        XCTAssertEqual(Self.heldOut.count, 10, "the fixture was read")
        guard Self.heldOut.count == 10 else { return }
        // A fixed pseudo-random walk through the samples: strings of one to four digits, apart
        // or touching, as numbers and days are written.
        var walk = FixedWalk(state: 2026)
        func next(_ n: Int) -> Int { walk.next(n) }
        let reader = HandwrittenFieldReader(lineHeight: 40)
        var right = 0, misread: [String] = []
        let count = 40
        for k in 0..<count {
            let digits = (0..<(1 + next(4))).map { _ in next(10) }
            let samples = digits.map { _ in next(30) }
            let gap = k % 4 == 3 ? -2 : 4 + next(10)
            let truth = digits.map(String.init).joined()
            let read = reader.read(written(digits, samples: samples, height: 44 + next(16), gap: gap)).first?.digits ?? ""
            if read == truth { right += 1 } else { misread.append("\(truth)→\(read)") }
        }
        XCTAssertGreaterThanOrEqual(Double(right) / Double(count), 0.9, "misread: \(misread)")
    }

    /// A light pen breaks a digit where its stroke thins: a 2's foot, broken off below the rest,
    /// lies outside the rows of the tallest mark and was left out, and the hook read as a 7.
    func testADigitsFootBrokenOffBelowItIsStillPartOfIt() {
        XCTAssertEqual(Self.heldOut.count, 10, "the fixture was read")
        guard Self.heldOut.count == 10 else { return }
        let reader = HandwrittenFieldReader(lineHeight: 40)
        var misread: [String] = []
        for k in Self.heldOut[2].indices {
            var field = written([2], samples: [k], height: 48, gap: 0)
            // A break three pixels high across the digit, just above its foot.
            let foot = (0..<field.height).last { y in (0..<field.width).contains { field[$0, y] > 0.5 } }!
            for y in (foot - 11)...(foot - 9) { for x in 0..<field.width { field.ink[y * field.width + x] = 0 } }
            let read = reader.read(field).first?.digits ?? ""
            if read != "2" { misread.append("sample \(k): \(read)") }
        }
        // Before broken-off feet were taken back: 15 of the 30 misread (most as 7); now 6.
        XCTAssertLessThanOrEqual(misread.count, 7, "2s with their foot broken off: \(misread)")
    }

    /// A slanted 2's foot, broken off where a light pen ran into the dotted leader, lies left of
    /// the rest of the 2: it shares no columns with it, and alone it is too short for a digit, so
    /// it was left out and the hook read as a 7 (952 read 957). Such a piece is now a part the
    /// reading may join to its neighbour or leave out. The field is a generated letter's number
    /// (scripts/digit-letters.py: held-out MNIST digits, light ink, a dotted leader), cropped as
    /// the page's reader crops it (`vanthu-bench digit-crops`).
    func testASlantedDigitsFootBrokenOffBesideItIsStillPartOfIt() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let crop = root.appendingPathComponent("fixtures/handwritten-digits/light-dotted-952.number.38.9.300.pgm").path
        let results: [(file: String, readings: [DigitReading])] = HandwrittenCrops.read(paths: [crop])
        XCTAssertEqual(results.count, 1, "the fixture was read")
        XCTAssertEqual(results.first?.readings.first?.digits, "952", "\(results.first?.readings ?? [])")
    }

    /// Touching digits and digits with a detached-looking stroke, each a generated letter's number
    /// field cropped as `testASlantedDigitsFootBrokenOffBesideItIsStillPartOfIt`'s (16-bit, the
    /// ink exactly as the page's reader saw it):
    /// - 1377: four digits run into one mark need three cuts among its thinnest columns, and
    ///   four cuts in all missed the 1's (read 2377);
    /// - 64: the 4 is drawn like an h, and its hook, cut off the stem, read as a 1 (661).
    func testTouchingDigitsAreCutAndAHookCutOffIsNoDigit() {
        assertCropsRead(["touching-1377.number.48.12.267.pgm": "1377", "hooked-4-64.number.46.11.200.pgm": "64"])
    }

    /// Two held-out digits run into each other so that they share columns (the second starts
    /// `overlap` of the digits' height left of the first's end), from a fixed walk through the
    /// samples: (digits, field).
    private func runTogether(count: Int, overlap: Double, seed: UInt64) -> [(digits: String, field: InkImage)] {
        var walk = FixedWalk(state: seed)
        func next(_ n: Int) -> Int { walk.next(n) }
        return (0..<count).map { _ in
            let digits = [next(10), next(10)], height = 44 + next(16)
            let field = written(digits, samples: digits.map { _ in next(30) }, height: height, gap: -Int(overlap * Double(height)))
            return (digits.map(String.init).joined(), field)
        }
    }

    /// The reader of two digits run together (`DigitClassifier.pairs`), on its own: pairs of
    /// held-out digits overlapping by a tenth of their height are read whole (98 of 100 with the
    /// committed weights), and one digit alone is not taken for two (2 of 300 were).
    func testThePairReaderReadsTwoDigitsRunTogetherAndRefusesOne() throws {
        XCTAssertEqual(Self.heldOut.count, 10, "the fixture was read")
        guard Self.heldOut.count == 10 else { return }
        let pairs = DigitClassifier.pairs
        var read = 0, misread: [String] = []
        let fields = runTogether(count: 100, overlap: 0.1, seed: 7)
        for (digits, field) in fields {
            let two = try XCTUnwrap(pairs.pair(try XCTUnwrap(field.normalisedPair())), "the pair weights fit their input")
            let a = two.left.indices.max { two.left[$0] < two.left[$1] }!, b = two.right.indices.max { two.right[$0] < two.right[$1] }!
            if two.two > 0.5 && "\(a)\(b)" == digits { read += 1 } else { misread.append("\(digits)→\(a)\(b) (\(two.two))") }
        }
        XCTAssertGreaterThanOrEqual(read, 95, "pairs misread: \(misread)")
        var takenForTwo: [String] = []
        for (d, samples) in Self.heldOut.enumerated() {
            for k in samples.indices {
                let two = try XCTUnwrap(pairs.pair(try XCTUnwrap(written([d], samples: [k], height: 48, gap: 0).normalisedPair())))
                if two.two > 0.5 { takenForTwo.append("\(d) (sample \(k))") }
            }
        }
        XCTAssertLessThanOrEqual(takenForTwo.count, 5, "single digits taken for two: \(takenForTwo)")
    }

    /// Whole fields of two digits run together so that they share columns: before the reader of
    /// two digits, a straight cut took part of one digit with the other, and 46 of these 60 read
    /// right; with it, 54.
    func testDigitsRunTogetherSoThatNoStraightCutSeparatesThemAreReadWhole() {
        XCTAssertEqual(Self.heldOut.count, 10, "the fixture was read")
        guard Self.heldOut.count == 10 else { return }
        let reader = HandwrittenFieldReader(lineHeight: 40)
        let misread: [String] = runTogether(count: 60, overlap: 0.15, seed: 11).compactMap { digits, field in
            let read = reader.read(field).first?.digits ?? ""
            return read == digits ? nil : "\(digits)→\(read)"
        }
        XCTAssertLessThanOrEqual(misread.count, 8, "misread: \(misread)")
    }

    /// Generated letters' numbers whose digits run together so that they share columns, cropped
    /// as `testTouchingDigitsAreCutAndAHookCutOffIsNoDigit`'s: the 7's foot under the 9 (794 read
    /// 771), the 4's arm into the 9's loop (5493 read 5413). No straight cut separates them; the
    /// reader of two digits reads each pair whole. And a 5 whose long flag makes it as wide as two
    /// digits stays one 5 (the reader of two read it 55, and 549 read 5549).
    func testDigitsThatShareColumnsInAGeneratedLetterAreReadWhole() {
        assertCropsRead(["run-together-794.number.43.10.293.pgm": "794", "run-together-5493.number.47.11.299.pgm": "5493",
                         "long-flag-549.number.43.10.356.pgm": "549"])
    }

    func testADayOrAMonthIsReadAsTwoDigitsAtMost() {
        // Generated letters' day and month fields that read with a third digit, made of a digit
        // cut in two or the print beside it (628, 122, 162), and the day or the month then lost.
        assertCropsRead(["print-beside-28.day.43.10.227.pgm": "28", "light-12.day.47.11.227.pgm": "12",
                         "month-12.month.43.10.191.pgm": "12"])
    }

    /// Generated letters' fields in a light pen beside dark print (the form's dotted line, the rule
    /// under the issuer), whose strokes came out at a third of the print's ink and were lost or
    /// broken: 7888 read 788, 770 read 1, 960 read 60, the day 26 read 64. And a grainy scan's
    /// dark digits, whose grain a light stroke's scale must not raise into marks (4045 read 4915
    /// when it did).
    func testALightPenBesideDarkPrintIsReadAtItsOwnStrength() {
        assertCropsRead(["light-dotted-7888.number.47.11.319.pgm": "7888", "light-rule-above-770.number.45.11.253.pgm": "770",
                         "light-dotted-960.number.44.11.233.pgm": "960", "light-dotted-26.day.44.11.186.pgm": "26",
                         "grainy-4045.number.43.10.382.pgm": "4045"])
    }

    /// A generated letter's 54 whose 5, wide with a long flag, was cut at its thinnest columns
    /// into five pieces, one more than a run of pieces read as one digit held: the 5 was read in
    /// two runs (554). A mark's pieces all together are now always tried as one digit.
    func testADigitCutIntoMorePiecesThanARunHoldsIsStillReadWhole() {
        assertCropsRead(["long-flag-54.number.36.9.261.pgm": "54"])
    }

    /// Generated letters' fields where a 1 ran into the digit beside it and the two were read as
    /// one digit, though each side alone read surely as a digit: 9180 read 980 (the 1 run into
    /// the 9, then into the 8), 1218 read 648, the day 10 read 6.
    func testTwoSureDigitsRunTogetherAreNotReadAsOne() {
        assertCropsRead(["one-run-in-9180.number.44.11.374.pgm": "9180", "one-run-in-1218.number.47.11.397.pgm": "1218",
                         "one-run-in-10.day.47.11.111.pgm": "10"])
    }

    /// The field's side placed past the symbol's slash (OCR ran the hand into the symbol): the
    /// printed slash, and the capitals after it, are not read as digits (7911 read 79111, 48 read
    /// 481, 2656 read 26561); the hand's own 1s at a number's end still are. Fields of letters
    /// written with MNIST's test digits (scripts/digit-letters.py --source mnist-test).
    func testTheSymbolsSlashInsideTheFieldIsNotReadAsAOne() {
        assertCropsRead(["slash-in-field-7911.number.46.11.312.pgm": "7911", "slash-in-field-48.number.44.11.191.pgm": "48",
                         "slash-in-field-2656.number.47.11.447.pgm": "2656", "light-ones-3111.number.46.11.259.pgm": "3111"])
    }

    /// Each field crop in fixtures/handwritten-digits (16-bit, as `vanthu-bench digit-crops`
    /// writes them) reads first as its digits.
    private func assertCropsRead(_ fields: [String: String], line: UInt = #line) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for (file, digits) in fields.sorted(by: { $0.key < $1.key }) {
            let crop = root.appendingPathComponent("fixtures/handwritten-digits/\(file)").path
            let results: [(file: String, readings: [DigitReading])] = HandwrittenCrops.read(paths: [crop])
            XCTAssertEqual(results.count, 1, "\(file) was read", line: line)
            XCTAssertEqual(results.first?.readings.first?.digits, digits, "\(file): \(results.first?.readings ?? [])", line: line)
        }
    }

    /// A Vietnamese hand's 1 often starts with a long lead-in flag (`flaggedOne`), which MNIST's
    /// writers seldom draw: on a corpus scan the reader took such a 1 for a 4.
    func testAOneWithALongLeadInFlagIsReadAsAOne() {
        XCTAssertEqual(Self.heldOut.count, 10, "the fixture was read")
        guard Self.heldOut.count == 10 else { return }
        let reader = HandwrittenFieldReader(lineHeight: 40)
        var misread: [String] = []
        for k in Self.heldOut[1].indices {
            let read = reader.read(flaggedOne(sample: k)).first?.digits ?? ""
            if read != "1" { misread.append("sample \(k): \(read)") }
        }
        // The weights before such 1s were in training read 8 of these 30 (the rest mostly as 7).
        XCTAssertLessThanOrEqual(misread.count, 2, "flagged 1s misread: \(misread)")
    }

    /// Two tall marks with paper between them are rarely one digit, though the classifier may
    /// find one in them: a corpus scan's day `16`, its 1 flagged, was read 4, and two 1s a few
    /// pixels apart were read 4 too (held-out samples 19 and 13, before the reader counted the gap).
    func testTwoDigitsWithPaperBetweenAreNotReadAsOne() {
        XCTAssertEqual(Self.heldOut.count, 10, "the fixture was read")
        guard Self.heldOut.count == 10 else { return }
        let reader = HandwrittenFieldReader(lineHeight: 40)
        var misread: [String] = []
        for k in Self.heldOut[1].indices {
            for gap in [2, 4] {
                let read = reader.read(written([1, 1], samples: [k, (k * 7) % 30], height: 48, gap: gap)).first?.digits ?? ""
                if read != "11" { misread.append("11 (samples \(k), \((k * 7) % 30), gap \(gap)): \(read)") }
            }
            let six = written([6], samples: [k], height: 48, gap: 0)
            let read = reader.read(beside(flaggedOne(sample: k), six, gap: 3)).first?.digits ?? ""
            if read != "16" { misread.append("flagged 1 and 6 (sample \(k)): \(read)") }
        }
        // Sample 1's 1, flagged, leans like a 7: read 76, before and after.
        XCTAssertLessThanOrEqual(misread.count, 1, "misread: \(misread)")
        XCTAssertFalse(misread.contains { $0.hasPrefix("11") }, "misread: \(misread)")
    }

    /// A Vietnamese hand's 1 often starts with a long lead-in flag from the top-left, which
    /// MNIST's writers seldom draw (on a corpus scan the reader took such a 1 for a 4). Drawn here
    /// onto the held-out MNIST 1 `sample`: a stroke from the top of the stem down to the left, 35°
    /// below the horizontal and 0.4 of the digit's height long, as wide as a pen at that size.
    private func flaggedOne(sample k: Int) -> InkImage {
        let height = 48, pen: Float = 5
        var field = written([1], samples: [k], height: height, gap: 0)
        let top = (0..<field.height).first { y in (0..<field.width).contains { field[$0, y] > 0.5 } }!
        let xs = (top...(top + 2)).flatMap { y in (0..<field.width).filter { field[$0, y] > 0.5 } }
        let x0 = Float(xs.reduce(0, +)) / Float(xs.count), y0 = Float(top) + pen / 2
        let angle = Float.pi * 35 / 180, length = 0.4 * Float(height)
        let x1 = x0 - length * cos(angle), y1 = y0 + length * sin(angle)
        // The stroke: every pixel within half a pen of the segment.
        draw(into: &field, pen: pen) { x, y in
            let px = x - x0, py = y - y0, dx = x1 - x0, dy = y1 - y0
            let t = min(1, max(0, (px * dx + py * dy) / (dx * dx + dy * dy)))
            return ((px - t * dx) * (px - t * dx) + (py - t * dy) * (py - t * dy)).squareRoot()
        }
        return field
    }

    /// The 2 Vietnamese schools teach has a loop at its foot, where the stroke down turns into the
    /// base (`loopedTwo`); MNIST's writers almost never make it. Nets trained on more of MNIST read
    /// a corpus scan's looped 2 as 8 (280 read 880), and the reader of two digits took one for 82
    /// (299 read 8299).
    func testATwoWithALoopAtItsFootIsReadAsATwo() {
        XCTAssertEqual(Self.heldOut.count, 10, "the fixture was read")
        guard Self.heldOut.count == 10 else { return }
        let reader = HandwrittenFieldReader(lineHeight: 40)
        var misread: [String] = []
        for k in Self.heldOut[2].indices {
            let two = loopedTwo(sample: k)
            let alone = reader.read(two).first?.digits ?? ""
            if alone != "2" { misread.append("2 (sample \(k)): \(alone)") }
            for (d, gap) in [(8, 5), (9, 8)] {
                let other = written([d], samples: [(k * 7) % 30], height: 48, gap: 0)
                let read = reader.read(beside(two, other, gap: gap)).first?.digits ?? ""
                if read != "2\(d)" { misread.append("2\(d) (samples \(k), \((k * 7) % 30)): \(read)") }
            }
        }
        XCTAssertLessThanOrEqual(misread.count, 6, "looped 2s misread (of 90): \(misread)")
    }

    /// A held-out 2, 48 pixels high, with a loop drawn at its foot: an ellipse a fifth of its height
    /// wide, sitting on the base at the 2's lowest-left ink, mostly left of it.
    private func loopedTwo(sample k: Int) -> InkImage {
        let height = 48, pen: Float = 4.5
        let two = written([2], samples: [k], height: height, gap: 0)
        // Room on the left for the loop.
        let pad = height / 4
        var field = InkImage(width: two.width + pad, height: two.height, ink: [Float](repeating: 0, count: (two.width + pad) * two.height))
        for y in 0..<two.height { for x in 0..<two.width { field.ink[y * field.width + x + pad] = two[x, y] } }
        let inked = (0..<field.height).filter { y in (0..<field.width).contains { field[$0, y] > 0.5 } }
        let bottom = inked.last!, top = inked.first!
        let band = (bottom - (bottom - top) * 3 / 10)...bottom
        let corner = band.flatMap { y in (0..<field.width).filter { field[$0, y] > 0.5 }.map { (x: $0, y: y) } }.min { $0.x < $1.x }!
        let rx = 0.2 * Float(bottom - top) + pen / 2, ry = 0.8 * rx
        let cx = Float(corner.x) - 0.2 * rx, cy = Float(corner.y) - 0.6 * ry
        draw(into: &field, pen: pen) { x, y in
            let u = (x - cx) / rx, v = (y - cy) / ry
            return abs((u * u + v * v).squareRoot() - 1) * ry
        }
        return field
    }

    /// A pen stroke drawn into `field`: every pixel whose `distance` from the stroke's line is
    /// within half a pen, with a soft edge a pixel wide.
    private func draw(into field: inout InkImage, pen: Float, distance: (Float, Float) -> Float) {
        for y in 0..<field.height { for x in 0..<field.width {
            let d = distance(Float(x), Float(y))
            field.ink[y * field.width + x] = max(field.ink[y * field.width + x], min(1, max(0, pen / 2 + 0.5 - d)))
        } }
    }

    /// `b`'s ink set `gap` columns of paper right of `a`'s last inked column (fields of one height).
    private func beside(_ a: InkImage, _ b: InkImage, gap: Int) -> InkImage {
        func inked(_ f: InkImage) -> [Int] { (0..<f.width).filter { x in (0..<f.height).contains { f[x, $0] > 0.1 } } }
        let aEnd = inked(a).last!, bStart = inked(b).first!
        let shift = aEnd + 1 + gap - bStart
        let width = max(a.width, b.width + shift)
        var field = InkImage(width: width, height: a.height, ink: [Float](repeating: 0, count: width * a.height))
        for y in 0..<a.height {
            for x in 0..<a.width { field.ink[y * width + x] = a[x, y] }
            for x in 0..<b.width where x + shift >= 0 { field.ink[y * width + x + shift] = max(field.ink[y * width + x + shift], b[x, y]) }
        }
        return field
    }
}

/// A fixed pseudo-random walk for the tests' choices of digits and samples (a 64-bit linear
/// congruential generator: the same numbers on every machine, unlike the system generator).
private struct FixedWalk {
    var state: UInt64
    /// The next number in 0..<n.
    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }
}
