import CLeptonica
import Foundation

/// One reading of a handwritten digit string with its confidence (0–1): the product of the
/// digits' probabilities under the digit reader.
public struct DigitReading: Sendable, Equatable {
    public var digits: String
    public var confidence: Double
    public init(digits: String, confidence: Double) { self.digits = digits; self.confidence = confidence }
}

/// The second readings of the fields an office writes in by hand after printing, best first:
/// the number's sequence (between `Số:` and the symbol) and the day and month of the date line.
/// Empty when the field was not found on the page.
public struct HandwrittenReadings: Sendable, Equatable {
    public var number: [DigitReading] = []
    public var day: [DigitReading] = []
    public var month: [DigitReading] = []
    public init(number: [DigitReading] = [], day: [DigitReading] = [], month: [DigitReading] = []) {
        self.number = number; self.day = day; self.month = month
    }
    public var isEmpty: Bool { number.isEmpty && day.isEmpty && month.isEmpty }
}

/// One layer of the digit classifier, as `DigitModelWeights.layers` lists them. Every layer but
/// the last is followed by a ReLU (a pooling layer has none of its own).
enum DigitLayer: Sendable {
    /// A valid (unpadded) convolution, stride 1; weights [outputs][inputs][kernel][kernel], then
    /// the biases.
    case conv(inputs: Int, outputs: Int, kernel: Int)
    /// 2×2 max pooling, stride 2 (an odd last row or column is dropped).
    case maxPool
    /// A dense layer; weights input-major ([inputs][outputs]), then the biases.
    case dense(inputs: Int, outputs: Int)
}

/// The handwritten-digit classifier: small convolutional networks (layers and weights in
/// `DigitModelWeights`, trained by scripts/train-digits.py) run in plain Swift on 28×28 crops.
/// It is an ensemble: the same network trained from several seeds, their probabilities
/// averaged (each net alone misread a different one of the corpus scans' fields or the tests'
/// crops; see train-digits.py's SEEDS). The reader of two digits run together (`pairs`, weights in
/// `DigitPairModelWeights`, trained by scripts/train-digit-pairs.py) is the same kind of network
/// on 28×48 crops, one net.
/// Activations are kept channel by channel ([channel][row][column]) in flat Float arrays, so the
/// inner loops run over contiguous columns and the compiler can vectorise them.
struct DigitClassifier: Sendable {
    private struct Layer: Sendable {
        var kind: DigitLayer
        var weights: [Float]
        var biases: [Float]
    }
    /// Each net's layers, with their weights: the ensemble's members.
    private let nets: [[Layer]]
    /// The input's rows and columns.
    let height: Int, width: Int

    static let shared = DigitClassifier(layers: DigitModelWeights.layers, base64: DigitModelWeights.base64, height: 28, width: 28)
    static let pairs = DigitClassifier(layers: DigitPairModelWeights.layers, base64: [DigitPairModelWeights.base64],
                                       height: DigitPairModelWeights.height, width: DigitPairModelWeights.width)
    /// Whether the model was trained on deskewed crops (so its input must be deskewed too).
    var deskews: Bool { DigitModelWeights.deskewed }
    /// The class after 0…9: a crop that is not one digit (part of one, two run together, print).
    static let notADigit = 10

    /// One net per base64 string, each with the layers `kinds`; a string that does not hold
    /// them whole gives a net that reads nothing (`outputs` is nil).
    private init(layers kinds: [DigitLayer], base64: [String], height: Int, width: Int) {
        self.nets = base64.map { Self.net(kinds, base64: $0) }
        self.height = height
        self.width = width
    }

    private static func net(_ kinds: [DigitLayer], base64: String) -> [Layer] {
        let data = Data(base64Encoded: base64) ?? Data()
        var halves = [UInt16](repeating: 0, count: data.count / 2)
        _ = halves.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        var offset = 0
        var layers: [Layer] = []
        func take(_ n: Int) -> [Float]? {
            guard offset + n <= halves.count else { return nil }
            defer { offset += n }
            return halves[offset..<offset + n].map { Float(Float16(bitPattern: UInt16(littleEndian: $0))) }
        }
        for kind in kinds {
            switch kind {
            case let .conv(n, m, k):
                guard let w = take(m * n * k * k), let b = take(m) else { break }
                layers.append(Layer(kind: kind, weights: w, biases: b))
            case let .dense(n, m):
                guard let w = take(n * m), let b = take(m) else { break }
                layers.append(Layer(kind: kind, weights: w, biases: b))
            case .maxPool:
                layers.append(Layer(kind: kind, weights: [], biases: []))
            }
        }
        return layers
    }

    /// Probabilities of 0…9 and of "not one digit" for a normalised crop (784 values, 0 = paper,
    /// 1 = ink): the mean of the nets' probabilities.
    func probabilities(_ crop: [Float]) -> [Double] {
        let each = nets.compactMap { outputs(crop, $0) }.filter { $0.count == 10 || $0.count == 11 }.map { Self.softmax($0[...]) }
        guard let first = each.first, each.allSatisfy({ $0.count == first.count }) else { return [Double](repeating: 0.1, count: 10) }
        return Self.mean(each)
    }

    /// The two digits of a crop normalised for `pairs` (`InkImage.normalisedPair`): the chance it
    /// is exactly two digits, and each one's probabilities of 0…9 (the nets' means). Nil if the
    /// weights do not fit.
    func pair(_ crop: [Float]) -> (two: Double, left: [Double], right: [Double])? {
        let each = nets.compactMap { outputs(crop, $0) }.filter { $0.count == 21 }
        guard !each.isEmpty else { return nil }
        let two = each.reduce(0) { $0 + 1 / (1 + exp(-Double($1[20]))) } / Double(each.count)
        return (two, Self.mean(each.map { Self.softmax($0[0..<10]) }), Self.mean(each.map { Self.softmax($0[10..<20]) }))
    }

    private static func mean(_ rows: [[Double]]) -> [Double] {
        (0..<rows[0].count).map { i in rows.reduce(0) { $0 + $1[i] } / Double(rows.count) }
    }

    private static func softmax(_ a: ArraySlice<Float>) -> [Double] {
        let top = a.max() ?? 0
        let e = a.map { Double(exp($0 - top)) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// The last layer's values (before any softmax) of one net for a `height` × `width` crop; nil
    /// if its layers do not fit the input.
    private func outputs(_ crop: [Float], _ layers: [Layer]) -> [Float]? {
        guard crop.count == height * width else { return nil }
        var a = crop
        var channels = 1, rows = height, cols = width
        for (index, layer) in layers.enumerated() {
            let last = index == layers.count - 1
            switch layer.kind {
            case let .conv(n, m, k):
                let outRows = rows - k + 1, outCols = cols - k + 1
                var z = [Float](repeating: 0, count: m * outRows * outCols)
                a.withUnsafeBufferPointer { input in
                    layer.weights.withUnsafeBufferPointer { w in
                        z.withUnsafeMutableBufferPointer { z in
                            for o in 0..<m {
                                let plane = o * outRows * outCols
                                for i in 0 ..< outRows * outCols { z[plane + i] = layer.biases[o] }
                                for c in 0..<n {
                                    let source = c * rows * cols
                                    for ky in 0..<k { for kx in 0..<k {
                                        let weight = w[((o * n + c) * k + ky) * k + kx]
                                        for y in 0..<outRows {
                                            let row = plane + y * outCols, from = source + (y + ky) * cols + kx
                                            for x in 0..<outCols { z[row + x] += weight * input[from + x] }
                                        }
                                    } }
                                }
                            }
                        }
                    }
                }
                channels = m; rows = outRows; cols = outCols; a = z
            case .maxPool:
                let outRows = rows / 2, outCols = cols / 2
                var z = [Float](repeating: 0, count: channels * outRows * outCols)
                for c in 0..<channels { for y in 0..<outRows { for x in 0..<outCols {
                    let p = c * rows * cols + 2 * y * cols + 2 * x
                    z[(c * outRows + y) * outCols + x] = max(max(a[p], a[p + 1]), max(a[p + cols], a[p + cols + 1]))
                } } }
                a = z; rows = outRows; cols = outCols
            case let .dense(n, m):
                guard a.count == n else { return nil }
                var z = layer.biases
                layer.weights.withUnsafeBufferPointer { w in
                    z.withUnsafeMutableBufferPointer { z in
                        // After a ReLU most inputs are zero: their rows are skipped.
                        for i in 0..<n where a[i] != 0 {
                            let x = a[i], row = i * m
                            for j in 0..<m { z[j] += x * w[row + j] }
                        }
                    }
                }
                a = z
            }
            if !last, case .conv = layer.kind { for j in a.indices where a[j] < 0 { a[j] = 0 } }
            if !last, case .dense = layer.kind { for j in a.indices where a[j] < 0 { a[j] = 0 } }
        }
        return a
    }
}

/// A crop of ink as the reader sees it: `width` × `height` values, 0 = paper, 1 = full ink.
struct InkImage {
    var width: Int
    var height: Int
    var ink: [Float]

    subscript(x: Int, y: Int) -> Float { ink[y * width + x] }

    /// The 28×28 input of the classifier, made as MNIST's digits were (and as the training script
    /// makes its own): the ink's box scaled by area averaging so its long side is 20, placed so
    /// its centre of mass is at the centre. Nil when there is no ink.
    func normalised() -> [Float]? { normalised(rows: 28, columns: 28, fitRows: 20, fitColumns: 20) }

    /// The 28×48 input of the reader of two digits (`DigitClassifier.pairs`), made the same way
    /// with the box scaled to fit 20×40 (as scripts/train-digit-pairs.py makes its own).
    func normalisedPair() -> [Float]? {
        normalised(rows: DigitPairModelWeights.height, columns: DigitPairModelWeights.width, fitRows: 20, fitColumns: 40)
    }

    /// The ink's box scaled by area averaging to fit `fitRows` × `fitColumns` (its shape kept) and
    /// placed in `rows` × `columns` with its centre of mass at the centre; the darkest value 1.
    private func normalised(rows: Int, columns: Int, fitRows: Int, fitColumns: Int) -> [Float]? {
        var x0 = width, y0 = height, x1 = -1, y1 = -1
        for y in 0..<height { for x in 0..<width where self[x, y] > 0.2 {
            x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
        } }
        guard x1 >= 0 else { return nil }
        let h = y1 - y0 + 1, w = x1 - x0 + 1
        let s = min(Double(fitRows) / Double(h), Double(fitColumns) / Double(w))
        let nh = max(1, Int((Double(h) * s).rounded(.toNearestOrEven))), nw = max(1, Int((Double(w) * s).rounded(.toNearestOrEven)))
        let rowWeights = Self.areaWeights(h, nh), columnWeights = Self.areaWeights(w, nw)
        var small = [Double](repeating: 0, count: nh * nw)
        for oy in 0..<nh {
            for (iy, wy) in rowWeights[oy] {
                for ox in 0..<nw {
                    var acc = 0.0
                    for (ix, wx) in columnWeights[ox] { acc += wx * Double(self[x0 + ix, y0 + iy]) }
                    small[oy * nw + ox] += wy * acc
                }
            }
        }
        for i in small.indices { small[i] = min(1, max(0, small[i])) }
        let mass = small.reduce(0, +)
        guard mass > 0 else { return nil }
        var cy = 0.0, cx = 0.0
        for y in 0..<nh { for x in 0..<nw { cy += Double(y) * small[y * nw + x]; cx += Double(x) * small[y * nw + x] } }
        cy /= mass; cx /= mass
        let oy = min(max(Int((Double(rows / 2) - cy - 0.5).rounded(.toNearestOrEven)), 0), rows - nh)
        let ox = min(max(Int((Double(columns / 2) - cx - 0.5).rounded(.toNearestOrEven)), 0), columns - nw)
        var out = [Float](repeating: 0, count: rows * columns)
        for y in 0..<nh { for x in 0..<nw { out[(oy + y) * columns + ox + x] = Float(small[y * nw + x]) } }
        let top = out.max() ?? 0
        guard top > 0 else { return nil }
        return out.map { $0 / top }
    }

    /// The ink with each light stroke raised to full strength.
    ///
    /// The scale from paper to ink is the crop's own (`HandwrittenFieldReader.ink`), so where dark
    /// print stands beside a light pen (the label, the form's dotted line, a rule above) the print
    /// is full ink and the pen's strokes come out at a third of it: under the half strength a
    /// mark must reach, they were lost or broken (770 read 1, 7888 read 788, 960 read 60). Each
    /// pixel is divided by the stroke's own level: the strongest ink near it, averaged over a
    /// small square first so that a scan's grain, specks of a pixel or two, is no stroke; only
    /// where that level is a light stroke's (between `LightStrokes.lightest` and
    /// `LightStrokes.dark`). Near dark ink nothing changes.
    func raisingLightStrokes(lineHeight: Int) -> InkImage {
        let w = width, h = height
        let square = max(2, lineHeight / LightStrokes.squarePerLine), reach = max(2, lineHeight / LightStrokes.reachPerLine)
        // A separable filter: along the rows, then down the columns; the mean or the maximum.
        func filtered(_ a: [Float], _ r: Int, mean: Bool) -> [Float] {
            var across = [Float](repeating: 0, count: w * h), out = across
            for y in 0..<h { for x in 0..<w {
                var m: Float = 0
                for q in max(0, x - r)...min(w - 1, x + r) { m = mean ? m + a[y * w + q] : max(m, a[y * w + q]) }
                across[y * w + x] = mean ? m / Float(2 * r + 1) : m
            } }
            for y in 0..<h { for x in 0..<w {
                var m: Float = 0
                for q in max(0, y - r)...min(h - 1, y + r) { m = mean ? m + across[q * w + x] : max(m, across[q * w + x]) }
                out[y * w + x] = mean ? m / Float(2 * r + 1) : m
            } }
            return out
        }
        let near = filtered(filtered(ink, square, mean: true), reach, mean: false)
        var out = ink
        for i in out.indices where near[i] >= LightStrokes.lightest && near[i] < LightStrokes.dark {
            out[i] = min(1, ink[i] / near[i])
        }
        return InkImage(width: w, height: h, ink: out)
    }

    /// Measured on the number, day and month fields of 16 generated letters, light pens and
    /// grainy scans among them, cropped as the page's reader crops them: 40 of 48 read before,
    /// 45 with these values. A lightest of 0.2 raised dense grain into marks (4045 read 4915),
    /// 0.35 left a light 960 unread; dividing by 1.25 times the stroke's ink joined a speck to it
    /// (960 read 9160). A dark of 0.4 kept apart a 1 and a 6 that 0.5 joins (16 read 6), but on 300 letters'
    /// whole path read 1 number and 2 dates fewer than 0.5.
    enum LightStrokes {
        /// The ink, averaged over a square of a line height over this, that is a light stroke's...
        static let lightest: Float = 0.25
        /// ...and under this: darker strokes are read as they are.
        static let dark: Float = 0.5
        /// The square's half side: a pen's stroke is about a tenth of the line's height wide.
        static let squarePerLine = 20
        /// How far from a stroke its ink counts, in line heights over this (about a stroke's width).
        static let reachPerLine = 10
    }

    /// A normalised 28×28 crop with its slant taken out: rows shifted so the ink's second
    /// moments show no shear, as scripts/train-digits.py (`deskew`) did to the training crops.
    static func deskewed(_ img: [Float]) -> [Float] {
        var m = 0.0, sy = 0.0, sx = 0.0
        for y in 0..<28 { for x in 0..<28 { let v = Double(img[y * 28 + x]); m += v; sy += Double(y) * v; sx += Double(x) * v } }
        guard m > 0 else { return img }
        let cy = sy / m, cx = sx / m
        var vy = 0.0, cov = 0.0
        for y in 0..<28 { for x in 0..<28 {
            let v = Double(img[y * 28 + x]); vy += (Double(y) - cy) * (Double(y) - cy) * v; cov += (Double(x) - cx) * (Double(y) - cy) * v
        } }
        vy /= m; cov /= m
        let alpha = vy > 1e-6 ? cov / vy : 0
        var out = [Float](repeating: 0, count: 784)
        for y in 0..<28 { for x in 0..<28 {
            let src = Double(x) + alpha * (Double(y) - cy)
            let x0 = Int(src.rounded(.down)), f = Float(src - Double(x0))
            let a: Float = (0..<28).contains(x0) ? img[y * 28 + x0] : 0
            let b: Float = (0..<28).contains(x0 + 1) ? img[y * 28 + x0 + 1] : 0
            out[y * 28 + x] = (1 - f) * a + f * b
        } }
        return out
    }

    /// For each output pixel, the input pixels it covers and their share (area averaging).
    static func areaWeights(_ nIn: Int, _ nOut: Int) -> [[(Int, Double)]] {
        let scale = Double(nIn) / Double(nOut)
        return (0..<nOut).map { o in
            let a = Double(o) * scale, b = Double(o + 1) * scale
            var ws: [(Int, Double)] = []
            var i = Int(a.rounded(.down))
            while i < min(nIn, Int(b.rounded(.up))) {
                let share = max(0, min(b, Double(i + 1)) - max(a, Double(i)))
                if share > 0 { ws.append((i, share / scale)) }
                i += 1
            }
            return ws
        }
    }
}

/// Reads one handwritten field (a box on the grey page) as digit strings: the ink split into
/// connected marks, marks grouped into digits by the columns they share, a mark too wide for one
/// digit cut where the ink is thinnest, each digit classified, and the strings ranked.
/// The fields written in by hand on a letter's header; the raw value names a field's crop
/// (`vanthu-bench digit-crops`).
enum HandwrittenField: String, CaseIterable, Sendable {
    case number, day, month

    /// At most this many digits: a letter's sequence has up to six, a day (1–31) or a month
    /// (1–12) two. Read with six, a date field's third digit came of a digit cut in two or the
    /// print beside it (`ngày 12` read 122, the day then lost); the best reading of two is the
    /// better one (fields of 1 860 generated letters, the reader alone: days 1 787 -> 1 792,
    /// months 428 -> 429 of 450, none lost).
    var maxDigits: Int { self == .number ? 6 : 2 }
}

struct HandwrittenFieldReader {
    /// Expected height of printed text on the line (pixels): sizes the speck and rule filters.
    var lineHeight: Int
    var classifier = DigitClassifier.shared
    var pairs = DigitClassifier.pairs
    /// Readings kept per field.
    var keep = 5
    /// At most this many digits in a field (`HandwrittenField.maxDigits`).
    var maxDigits = HandwrittenField.number.maxDigits

    /// The reader of one of the header's fields, with at most as many digits as it has.
    static func reading(_ field: HandwrittenField, lineHeight: Int) -> HandwrittenFieldReader {
        var reader = HandwrittenFieldReader(lineHeight: lineHeight)
        reader.maxDigits = field.maxDigits
        return reader
    }

    /// The grey page's pixels in `box` as ink, or nil when the box falls off the page. The scale
    /// from paper to ink is taken from `levelsFrom` (default: the box itself): a crop wider than
    /// a field, with bold print beside a light hand, would otherwise make the hand's strokes faint.
    static func ink(of grey: Pix, in box: Box, levelsFrom levelBox: Box? = nil) -> InkImage? {
        guard let (w, h, values) = pixels(of: grey, in: box) else { return nil }
        let levelValues = levelBox.flatMap { pixels(of: grey, in: $0)?.values } ?? values
        // Paper is the bright end of the crop, ink the dark end: a blue biro on a grey scan is
        // lighter than print, so the scale is the crop's own.
        let sorted = levelValues.sorted()
        let paper = Float(sorted[min(sorted.count - 1, sorted.count * 9 / 10)])
        let dark = Float(sorted[sorted.count / 200])
        let span = max(40, paper - dark)
        let ink = values.map { v -> Float in min(1, max(0, (paper - 12 - Float(v)) / (span - 12))) }
        return InkImage(width: w, height: h, ink: ink)
    }

    /// The 8-bit page's grey values in `box`, row by row; nil when the box falls off the page.
    static func pixels(of grey: Pix, in box: Box) -> (width: Int, height: Int, values: [UInt8])? {
        let x0 = max(0, box.x0), y0 = max(0, box.y0)
        let x1 = min(grey.width, box.x1), y1 = min(grey.height, box.y1)
        guard x1 - x0 >= 4, y1 - y0 >= 4, grey.depth == 8 else { return nil }
        let w = x1 - x0, h = y1 - y0
        var values = [UInt8](repeating: 255, count: w * h)
        grey.with { p in
            guard let data = pixGetData(p) else { return }
            let wpl = Int(pixGetWpl(p))
            let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
            for y in 0..<h {
                let line = bytes + (y0 + y) * wpl * 4
                // Leptonica keeps 8-bit pixels in 32-bit words, most significant byte first.
                for x in 0..<w { values[y * w + x] = line[(x0 + x) ^ 3] }
            }
        }
        return (w, h, values)
    }

    /// Marks whose middle lies outside these columns of the crop are the print beside the field.
    /// Nil: the crop is the field, and a mark its side cuts is the print.
    var field: ClosedRange<Int>? = nil

    /// Digit strings read in the field `box` of the grey page. The crop reaches a quarter of a
    /// print height past each side, so a digit the side grazes keeps its edge (the soft edge of a
    /// `2` the box touched made it a mark cut by the side, and left out); a mark whose middle is
    /// outside the box is still the print beside it.
    func read(_ box: Box, on grey: Pix) -> [DigitReading] {
        guard let (ink, field) = crop(box, on: grey) else { return [] }
        var reader = self
        reader.field = field
        return reader.read(ink)
    }

    /// What `read(_:on:)` reads: the ink of the field and a little beside it, and the field's
    /// columns in that crop.
    func crop(_ box: Box, on grey: Pix) -> (ink: InkImage, field: ClosedRange<Int>)? {
        let pad = max(2, lineHeight / 4)
        let wide = Box(x0: max(0, box.x0 - pad), y0: box.y0, x1: min(grey.width, box.x1 + pad), y1: box.y1)
        guard let ink = Self.ink(of: grey, in: wide) else { return nil }
        return (ink, (box.x0 - wide.x0)...max(box.x0 - wide.x0, box.x1 - wide.x0 - 1))
    }

    /// Digit strings read in `image`, best first; empty when no digit-like mark is there.
    ///
    /// The ink is over-segmented (marks, and a mark too wide for one digit cut at its thinnest
    /// columns), then every run of up to four consecutive pieces is tried as one digit: the
    /// classifier's "not one digit" class scores half digits and two digits run together low, so
    /// the best path through the pieces is both the cutting and the reading. A run of pieces of
    /// one mark is also tried as two digits read whole (`DigitClassifier.pairs`): digits run
    /// together so that they share columns, which no straight cut separates. Pieces at either end
    /// may be left out as print (the label's colon, the symbol's slash).
    func read(_ image: InkImage) -> [DigitReading] {
        // A light pen beside dark print: see `InkImage.raisingLightStrokes`.
        let image = image.raisingLightStrokes(lineHeight: lineHeight)
        guard let pieces = overSegment(image) else { return [] }
        let n = pieces.atoms.count
        guard n > 0 else { return [] }
        let dh = Double(pieces.digitHeight)
        // Pieces i..<j as one crop, and how many of its rows hold ink, each made once; so are
        // each run's readings (the caches' key: a run spans at most seven pieces, so no two runs
        // share one).
        func key(_ i: Int, _ j: Int) -> Int { i * 64 + j }
        var crops: [Int: (ink: InkImage, rows: Int)] = [:], cache: [Int: [Double]] = [:]
        func crop(_ i: Int, _ j: Int) -> (ink: InkImage, rows: Int) {
            let key = key(i, j)
            if let c = crops[key] { return c }
            let ink = pieces.crop(i, j, image)
            let c = (ink, (0..<ink.height).filter { y in (0..<ink.width).contains { ink[$0, y] > 0.2 } }.count)
            crops[key] = c
            return c
        }
        var pairCache: [Int: (two: Double, left: [Double], right: [Double])?] = [:]
        func pairOf(_ i: Int, _ j: Int) -> (two: Double, left: [Double], right: [Double])? {
            if let p = pairCache[key(i, j)] { return p }
            let p = crop(i, j).ink.normalisedPair().flatMap { pairs.pair($0) }
            pairCache[key(i, j)] = p
            return p
        }
        func probabilities(_ i: Int, _ j: Int) -> [Double]? {
            let key = key(i, j)
            if let p = cache[key] { return p }
            let p = crop(i, j).ink.normalised().map { classifier.probabilities(classifier.deskews ? InkImage.deskewed($0) : $0) }
            cache[key] = p ?? []
            return p
        }
        // Two marks standing apart, both tall, read as one digit: a flagged 1 beside a 6 is a 4 to
        // the classifier, but one digit is rarely two tall strokes with paper between them.
        func apart(_ i: Int, _ j: Int) -> Double {
            var boxes: [Int: (x0: Int, x1: Int, height: Int)] = [:]
            for a in pieces.atoms[i..<j] {
                let b = boxes[a.group] ?? (a.x0, a.x1, a.y1 - a.y0 + 1)
                boxes[a.group] = (min(b.x0, a.x0), max(b.x1, a.x1), b.height)
            }
            let sorted = boxes.values.sorted { $0.x0 < $1.x0 }
            let tall = Joining.tall * dh
            return zip(sorted, sorted.dropFirst()).contains { a, b in
                b.x0 > a.x1 + 1 && Double(a.height) >= tall && Double(b.height) >= tall
            } ? log(Joining.apartPenalty) : 0
        }
        // A piece much lower than the digits is part of one (a 5's long bar cut off it), not a
        // digit: the classifier sees it scaled up to a digit's size. (A generated letter's day
        // 25, its 5's bar cut off, read 255.) And a run cut off a mark is a digit only if its ink
        // stands most of a digit's height: each side of two touching digits does, while a 4's
        // hook, a 7's bar or a 2's loop cut off the digit does not (64 read 661, 7252 read 51252).
        func short(_ i: Int, _ j: Int) -> Double {
            let rows = Double(crop(i, j).rows)
            let cutOff = (i > 0 && pieces.atoms[i - 1].group == pieces.atoms[i].group)
                || (j < n && pieces.atoms[j].group == pieces.atoms[j - 1].group)
            return rows < 0.5 * dh ? log(0.1) : cutOff && rows < Joining.cutOffRows * dh ? log(Joining.cutOffLow) : 0
        }
        // How surely pieces i..<j read as one digit: the likeliest digit's probability, and "not
        // one digit"'s (none from a net without that class).
        func oneDigit(_ i: Int, _ j: Int) -> (digit: Double, notADigit: Double)? {
            guard let p = probabilities(i, j), p.count >= 10 else { return nil }
            return (p[0..<10].max()!, p.count > DigitClassifier.notADigit ? p[DigitClassifier.notADigit] : 0)
        }
        // A run whose two sides each read surely as a digit is two digits run together, not one:
        // a 1 run into the digit beside it makes a shape the classifier also takes for one digit
        // (the 1 and the 8 of 9180 read 8, the day 10 read 6), while a digit cut in two leaves
        // sides that are "not one digit" or unsure.
        func twoSure(_ i: Int, _ j: Int) -> Double {
            func sure(_ a: Int, _ b: Int) -> Bool {
                guard pieces.mayBeOneDigit(a, b), let one = oneDigit(a, b) else { return false }
                return one.digit >= Joining.sideSure && one.notADigit < Joining.sideNotADigit
            }
            return j - i >= 2 && (i + 1..<j).contains { k in sure(i, k) && sure(k, j) } ? log(Joining.twoSurePenalty) : 0
        }
        typealias Path = (digits: String, score: Double)
        // Each digit read costs a little: a digit broken in two reads as two likely pieces (a 2
        // as 1 and a hook), and without this the split beats the whole.
        let digitCost = log(ProcessInfo.processInfo.environment["VANTHU_DIGIT_COST"].flatMap(Double.init) ?? Joining.digitCost)
        let beam = keep * 3
        // Left out at the ends: a piece the classifier calls "not one digit".
        let floor = 1e-6
        // Leaving a piece out costs more than reading it: a digit dropped is a wrong number, and
        // the print the field may catch is mostly filtered out before.
        var skipCost = [Double](repeating: -.infinity, count: n)
        for a in 0..<n {
            guard let p = probabilities(a, a + 1), p.count > DigitClassifier.notADigit else { continue }
            let junk = p[DigitClassifier.notADigit]
            if junk >= 0.5 { skipCost[a] = log(max(floor, junk)) + log(0.3) }
        }
        // A part is left out for nothing: joined to a digit it must make that digit likelier.
        // (Generated letters' fields: leaving one out at a cost of 0.5, 0.2, 0.05 read 4, 10, 15
        // fewer numbers of 300 than leaving it out for nothing.)
        for a in 0..<n where pieces.atoms[a].part { skipCost[a] = 0 }
        var best = [[Path]](repeating: [], count: n + 1)
        var lead = 0.0
        for k in 0...n {
            if k > 0 { lead += skipCost[k - 1] }
            if k < n, lead.isFinite { best[k].append(("", lead)) }
        }
        for i in 0..<n where !best[i].isEmpty {
            best[i] = Array(best[i].sorted { $0.score > $1.score }.prefix(beam))
            // A part between digits may be left out (a speck, a stroke of nothing).
            if pieces.atoms[i].part, i > 0 { best[i + 1] += best[i].filter { !$0.digits.isEmpty } }
            for j in (i + 1)...n where pieces.mayBeOneDigit(i, j) {
                guard let p = probabilities(i, j), p.count >= 10 else { continue }
                let top = (0..<10).sorted { p[$0] > p[$1] }.prefix(3)
                // A piece much narrower than a digit is a digit only as a 1.
                let width = Double(pieces.span(i, j))
                // What reading pieces i..<j as one digit costs, whatever the digit and the path.
                let run = short(i, j) + apart(i, j) + twoSure(i, j) + digitCost
                for path in best[i] where path.digits.count < maxDigits {
                    for d in top {
                        let narrow = d != 1 && width < 0.3 * dh ? log(0.3) : 0
                        best[j].append((path.digits + String(d), path.score + log(max(floor, p[d])) + narrow + run))
                    }
                }
            }
            // Two digits run together so that they share columns (a 7's foot under the 9 of 794),
            // which no straight cut separates: the run read whole by the reader of two digits.
            // (Fields of 660 generated letters, 16-bit crops: numbers 625 -> 630, days 635 -> 636;
            // 300 more letters, made after it was built: numbers 280 -> 281, days 288 -> 289.)
            for j in (i + 1)...n where pieces.mayBeTwoDigits(i, j) {
                // Not where the one-digit reader is sure the run is one digit: a 5 with a long
                // flag is as wide as two digits, and the reader of two read it 55 (549 read 5549).
                if let one = oneDigit(i, j), one.digit >= Joining.oneDigitSure { continue }
                guard let two = pairOf(i, j) else { continue }
                let left = (0..<10).sorted { two.left[$0] > two.left[$1] }.prefix(2)
                let right = (0..<10).sorted { two.right[$0] > two.right[$1] }.prefix(2)
                // The chance it is two digits, and each digit's (taken as they come, as the
                // one-digit readings' are). Weighing these by a factor did not help (numbers and
                // days of 660 generated letters): 0.3 read 5 fewer than 1, 2 read 9 fewer, and
                // with another net 0.5 read the same. Nor did weighing the one-digit reading of
                // the same run by the chance it is not two (the pair reader refuses only about
                // nine in ten single digits), nor this reading by the one-digit reader's "not one
                // digit".
                let run = log(max(floor, two.two)) + short(i, j) + 2 * digitCost
                for path in best[i] where path.digits.count + 2 <= maxDigits {
                    for a in left { for b in right {
                        best[j].append((path.digits + String(a) + String(b),
                                        path.score + log(max(floor, two.left[a])) + log(max(floor, two.right[b])) + run))
                    } }
                }
            }
        }
        var ends: [Path] = best[n]
        var trail = 0.0
        for k in stride(from: n - 1, through: 1, by: -1) {
            trail += skipCost[k]
            guard trail.isFinite else { break }
            ends += best[k].filter { !$0.digits.isEmpty }.map { ($0.digits, $0.score + trail) }
        }
        var seen = Set<String>()
        let ranked = ends.filter { !$0.digits.isEmpty && $0.score.isFinite }.sorted { $0.score > $1.score }.filter { seen.insert($0.digits).inserted }
        // The confidence is the digits' probabilities (and the left-out pieces'), without the
        // per-digit cost that only ranks the cuttings.
        return ranked.prefix(keep).map { path in
            let p = min(1, exp(path.score - Double(path.digits.count) * digitCost))
            return DigitReading(digits: path.digits, confidence: (p * 1000).rounded() / 1000)
        }
    }

    /// What reading a run of pieces as one digit costs. Measured by reading the fields of 180
    /// generated letters (held-out MNIST writers, scripts/digit-letters.py, seeds 0, 21, 47)
    /// exactly as the page's reader crops them (`vanthu-bench digit-crops`, `read-crops`):
    /// numbers 162 -> 167 of 180, days 170 -> 173.
    enum Joining {
        /// Each digit read costs this factor, so a digit broken in two does not read as two
        /// likely pieces (a 2 as 1 and a hook); 0.6 dropped a sure digit beside a likely one
        /// (10 read 6, 1567 read 667). 0.9 with the net of MNIST's 4 000; with the two nets of
        /// its 60 000, 0.9 dropped the 1 run into the 8 of a test's crop (9180 read 980, 0.505
        /// against 0.544 × 0.9), and 0.85 also the 1 run into the 2 of another (1218 read 648).
        /// 0.85 to 1.0 read the same numbers of 600 test letters' fields (576) and of sets A to I
        /// (2 562 to 2 563 of 2 656); 0.95 and 1.0 read both crops.
        static let digitCost = 0.95
        /// Marks at least this share of the digits' height...
        static let tall = 0.5
        /// ...read as one digit while paper stands between them: the reading's factor.
        static let apartPenalty = 0.2
        /// A run of pieces cut off a mark whose ink spans less than this share of the digits'
        /// height...
        static let cutOffRows = 0.7
        /// ...reads as a digit at this factor. (Fields of 540 generated letters, nine seeds, from
        /// their 16-bit crops: numbers 510 -> 513, days and months unchanged; 0.6 and 0.8 read
        /// one and two fewer.)
        static let cutOffLow = 0.1
        /// Two digits are read whole (`DigitClassifier.pairs`) from a run of pieces of one mark at
        /// least this many digit heights wide (two 1s run together are about 0.4). (0.65 read the
        /// same fields of 660 generated letters, 0.8 two numbers fewer.)
        static let pairNarrowest = 0.45
        /// ...unless the one-digit reader gives the same run this much as one digit. (Fields of
        /// 660 generated letters and 300 more, 16-bit crops: numbers 630 and 279 without it, 630
        /// and 281 with it at 0.5 to 0.97, 279 at 0.995; days one more of the 660.)
        static let oneDigitSure = 0.9
        /// A run read as one digit whose two sides each read as a digit at least this sure...
        static let sideSure = 0.8
        /// ...and as "not one digit" below this...
        static let sideNotADigit = 0.1
        /// ...reads as one digit at this factor. (Number fields of 2 100 generated letters, the
        /// reader alone: numbers 1 957 -> 1 960, none lost; days 1 988 -> 1 991, 4 gained and one
        /// lost (14 read 19: the 4's two sides read surely); 600 letters made after, never looked
        /// at: no field read otherwise. Sides sure at 0.7 read one number fewer; a factor of 0.1
        /// lost 4 months.)
        static let twoSurePenalty = 0.3
    }

    /// A connected mark: its pixels' box and count.
    struct Mark { var x0, y0, x1, y1, count: Int; var label: Int
        var width: Int { x1 - x0 + 1 }; var height: Int { y1 - y0 + 1 }
    }

    /// Where a mark may be cut, in digit heights. A 1 is a tenth to a fifth of a digit height
    /// wide: cuts a quarter from the mark's sides and from each other, in marks wider than 0.6,
    /// never took a 1 off the digit it touched nor cut two 1s run together (2011 read 291), and
    /// a join where two strokes run into each other is often more than 1.6 strokes of ink.
    /// (`most` was later raised: see it.)
    /// Measured on field crops of held-out MNIST digits written as scripts/digit-letters.py
    /// writes them (`vanthu-bench read-crops`): 400 touching fields 80.5 -> 85.5 % exact, 400
    /// written apart 93.5 -> 94.0 %; the reader's time about doubles (more pieces to try), from
    /// about 3 % of a page's time to 4.5 %.
    enum Cutting {
        /// Marks at least this wide are cut (two 1s run together are about 0.4).
        static let narrowest = 0.35
        /// Cuts no nearer the mark's sides than this (a 1 beside the digit it touches). (0.06 and
        /// 0.09 read the same fields of 540 generated letters, from their 16-bit crops.)
        static let fromSide = 0.12
        /// ...nor nearer each other than this.
        static let apart = 0.18
        /// A cut column holds at most this many strokes' ink (a join, not the inside of a 0 or 8).
        static let strokes: Float = 2
        /// At most this many cuts per digit height of the mark's width...
        static let perDigitHeight = 3.0
        /// ...and this many in all. Four digits run into one mark need three cuts among its
        /// thinnest columns, and four in all missed the one by a 1 (1377 read 2377). Fields of
        /// 540 generated letters (16-bit crops): numbers 508 at 4, 513 at 6, 513 at 8.
        static let most = 6
    }

    /// The symbol's printed slash (`/UBND-KTTH`) after a hand-written number: a straight stroke
    /// leaning right, about as tall as the print, shorter than the digits, and after it nothing
    /// taller than print (the symbol's capitals). A hand's 1 is taller than print and bends; a
    /// light digit's broken hook is short but not straight. Measured on letters written with
    /// MNIST's test digits: the slash stands 0.8 of the print's line height, leans 0.3 (columns
    /// per row), and lies within a pixel of a straight line; the hand's 1s stand 1.3 to 1.6 and lie
    /// 3 to 4 pixels off one.
    enum SymbolSlash {
        /// As tall as this share of the print's line height, at most (and at least `shortest`).
        static let tallest = 0.95
        static let shortest = 0.5
        /// Shorter than this share of the written digits.
        static let belowDigits = 0.85
        /// Leaning right by this many columns per row.
        static let lean = 0.12...0.7
        /// Its ink this far (root mean square, in pixels; at least `straightPixels`) from the line
        /// fitted through it, as a share of the line height.
        static let straight = 0.05
        static let straightPixels = 1.5
    }

    /// Which of `groups` (left to right) is the symbol's slash, the marks from it on being the
    /// symbol's print; nil if none is (see `SymbolSlash`).
    func symbolSlash(_ groups: [[Mark]], labels: [Int], imageWidth: Int, lineHeight lh: Int, digitHeight: Int) -> Int? {
        let print = Double(lh) * SymbolSlash.tallest
        var k = groups.count - 1
        while k >= 1 {
            let g = groups[k]
            let x0 = g.map(\.x0).min()!, x1 = g.map(\.x1).max()!
            let y0 = g.map(\.y0).min()!, y1 = g.map(\.y1).max()!
            let h = y1 - y0 + 1
            // A mark taller than print after it: it is no slash of the symbol, nor any mark
            // further left.
            guard Double(h) <= print else { return nil }
            defer { k -= 1 }
            guard g.count == 1, Double(h) >= Double(lh) * SymbolSlash.shortest,
                  Double(h) < Double(digitHeight) * SymbolSlash.belowDigits else { continue }
            // The line x = a + b·y through its ink, least squares; what is left of x's variance
            // about it is var(x) − b·cov(x, y).
            let label = g[0].label
            var n = 0.0, sy = 0.0, sx = 0.0, syy = 0.0, sxx = 0.0, sxy = 0.0
            for y in y0...y1 { for x in x0...x1 where labels[y * imageWidth + x] == label {
                let fx = Double(x), fy = Double(y)
                n += 1; sy += fy; sx += fx; syy += fy * fy; sxx += fx * fx; sxy += fx * fy
            } }
            guard n > 0 else { continue }
            let varY = syy / n - (sy / n) * (sy / n), varX = sxx / n - (sx / n) * (sx / n)
            let covXY = sxy / n - (sx / n) * (sy / n)
            guard varY > 0 else { continue }
            let b = covXY / varY
            let offLine = max(0, varX - b * covXY).squareRoot()
            // Rows grow downwards: leaning right, x falls as y grows.
            guard SymbolSlash.lean.contains(-b),
                  offLine <= max(SymbolSlash.straightPixels, SymbolSlash.straight * Double(lh)) else { continue }
            return k
        }
        return nil
    }

    /// The field cut into pieces finer than digits (see `read`).
    func overSegment(_ image: InkImage) -> Pieces? {
        let (labels, marks) = connectedMarks(image)
        let lh = max(10, lineHeight)
        // Specks and dots (a colon, the dot of a dotted leader) and rules (an underline) are no digit.
        var kept = marks.filter { m in
            let small = m.height < lh / 3 && m.width < lh / 3
            let rule = m.height < lh / 3 && m.width > lh
            let edgeToEdge = m.height >= image.height - 2 || m.width >= image.width - 2
            // A mark cut by the field's left or right side is the print beside it (a label's last
            // letter, the symbol's slash), not a digit written inside.
            let cut = m.x0 == 0 || m.x1 == image.width - 1 || field.map { !$0.contains((m.x0 + m.x1) / 2) } ?? false
            return !small && !rule && !edgeToEdge && !cut && m.count >= 6
        }
        // Only the marks of the band the field's digits sit in: the rows of the tallest mark that
        // crosses the print's own rows (the digits stand on its baseline; the line above, the
        // issuer's last letters or the motto, does not reach down to it).
        let printRows = HandwrittenRegions.printRows(cropHeight: image.height, lineHeight: lh)
        let onRow = kept.filter { $0.y1 >= printRows.lowerBound && $0.y0 <= printRows.upperBound }
        guard let tallest = (onRow.isEmpty ? kept : onRow).max(by: { $0.height < $1.height }) else { return nil }
        let beside = kept
        kept = kept.filter { min($0.y1, tallest.y1) - max($0.y0, tallest.y0) > min($0.height, tallest.height) / 3 }
        // A piece just below or above a kept mark and sharing its columns is part of its digit: a
        // light pen's stroke broken off the digit's foot where it runs into the dotted line.
        // (Within a fifth of the digits' height: generated letters' days 173 -> 174 of 180, numbers
        // unchanged; a tenth and three tenths read the same.)
        let reach = tallest.height / 5
        var grew = true
        while grew {
            grew = false
            for m in beside where !kept.contains(where: { $0.label == m.label }) {
                if kept.contains(where: { k in min(k.x1, m.x1) >= max(k.x0, m.x0) && max(m.y0 - k.y1, k.y0 - m.y1) <= reach }) {
                    kept.append(m); grew = true
                }
            }
        }
        kept.sort { $0.x0 < $1.x0 }
        // Marks that share most of their columns are one digit (a 5's flag, a broken 4).
        var groups: [[Mark]] = []
        for m in kept {
            if var g = groups.last {
                let gx0 = g.map(\.x0).min()!, gx1 = g.map(\.x1).max()!
                let overlap = min(gx1, m.x1) - max(gx0, m.x0)
                if overlap > min(gx1 - gx0, m.width) / 2 {
                    g.append(m); groups[groups.count - 1] = g; continue
                }
            }
            groups.append([m])
        }
        // A short piece (a 5's flag, a 7's bar) belongs to the digit it overlaps; alone it is no
        // digit. One that overlaps none (a slanted 2's foot, broken off where it runs into the
        // dotted line, left of the 2's columns) is kept as a part: the path search joins it to a
        // neighbour or leaves it out, never reads it alone.
        let height = { (g: [Mark]) in g.map(\.y1).max()! - g.map(\.y0).min()! + 1 }
        let tallestGroup = groups.map(height).max() ?? lh
        var parts = Set<Int>()
        var k = 0
        while k < groups.count {
            guard height(groups[k]) * 2 < tallestGroup else { k += 1; continue }
            let px0 = groups[k].map(\.x0).min()!, px1 = groups[k].map(\.x1).max()!
            let overlaps = groups.indices.map { j in
                j == k ? Int.min : min(px1, groups[j].map(\.x1).max()!) - max(px0, groups[j].map(\.x0).min()!)
            }
            if let j = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[j] > 0 {
                let piece = groups.remove(at: k)
                groups[j < k ? j : j - 1] += piece
                parts = Set(parts.map { $0 > k ? $0 - 1 : $0 })
            } else {
                parts.insert(k); k += 1
            }
        }
        let digitHeight = groups.map(height).max() ?? lh
        // The symbol's printed slash just before it: thin and shorter than the written digits.
        // Only where the field's columns are not known: where they are, the slash outside is the
        // print beside them already, and a light digit's broken top inside (a 2's hook, its foot
        // run into the dots) looks like a slash too.
        while field == nil, groups.count > 1, let last = groups.last {
            let w = last.map(\.x1).max()! - last.map(\.x0).min()! + 1
            let h = last.map(\.y1).max()! - last.map(\.y0).min()! + 1
            guard w * 5 < h * 2, h * 20 < digitHeight * 17 else { break }
            parts.remove(groups.count - 1)
            groups.removeLast()
        }
        // Where the field's columns are known but reach past the symbol's slash (a side guessed
        // from letter widths, OCR having run the hand into the symbol), the slash read as a 1
        // (7911 read 79111, 48 read 481): see `SymbolSlash`.
        if maxDigits > HandwrittenField.day.maxDigits, field != nil,
           let k = symbolSlash(groups, labels: labels, imageWidth: image.width, lineHeight: lh, digitHeight: digitHeight) {
            groups.removeSubrange(k...)
            parts = parts.filter { $0 < k }
        }
        var atoms: [Pieces.Atom] = []
        for (index, g) in groups.enumerated() {
            let ids = Set(g.map(\.label))
            let gx0 = g.map(\.x0).min()!, gx1 = g.map(\.x1).max()!
            let gy0 = g.map(\.y0).min()!, gy1 = g.map(\.y1).max()!
            let width = gx1 - gx0 + 1
            // Candidate cuts inside a mark wider than one 1: the columns where its ink is thinnest
            // (see `Cutting`). The path search reads the pieces and keeps only the cuts that
            // make digits, so a cut too many costs little and a cut missed loses the number.
            var cuts: [Int] = []
            if !parts.contains(index), Double(width) > Cutting.narrowest * Double(digitHeight) {
                let column = (gx0...gx1).map { x in (gy0...gy1).reduce(Float(0)) { acc, y in
                    ids.contains(labels[y * image.width + x]) ? acc + image[x, y] : acc } }
                let margin = max(2, Int(Cutting.apart * Double(digitHeight)))
                let side = max(2, Int(Cutting.fromSide * Double(digitHeight)))
                let inner = width > 2 * side ? Array((gx0 + side)...(gx1 - side)) : []
                // Where two digits touch, the column crosses one stroke; inside a 0 or an 8 it
                // crosses two or three. The stroke: the median run of ink down a column.
                var runs: [Int] = []
                for x in gx0...gx1 {
                    var run = 0
                    for y in gy0...gy1 {
                        if ids.contains(labels[y * image.width + x]) { run += 1 } else if run > 0 { runs.append(run); run = 0 }
                    }
                    if run > 0 { runs.append(run) }
                }
                runs.sort()
                let stroke = Float(runs.isEmpty ? 1 : runs[runs.count / 2])
                let minima = inner.filter { x in
                    let c = column[x - gx0]
                    return c <= column[x - gx0 - 1] && c <= column[x - gx0 + 1] && c <= Cutting.strokes * stroke
                }.sorted { column[$0 - gx0] < column[$1 - gx0] }
                let most = max(1, min(Cutting.most, Int(Double(width) * Cutting.perDigitHeight / Double(max(1, digitHeight)))))
                for x in minima where cuts.count < most && cuts.allSatisfy({ abs($0 - x) >= margin }) { cuts.append(x) }
                cuts.sort()
            }
            var a = gx0
            for c in cuts + [gx1 + 1] {
                atoms.append(.init(x0: a, x1: c - 1, y0: gy0, y1: gy1, group: index, labels: ids, part: parts.contains(index)))
                a = c
            }
        }
        return Pieces(atoms: atoms, labels: labels, digitHeight: digitHeight)
    }

    /// The over-segmented field: pieces left to right, each a mark group or a cut part of one.
    struct Pieces {
        struct Atom { var x0, x1, y0, y1, group: Int; var labels: Set<Int>
            /// A short piece beside no digit's columns: read only joined to a neighbour.
            var part = false
        }
        var atoms: [Atom]
        var labels: [Int]
        var digitHeight: Int

        /// Whether the reader tries pieces i..<j as one digit: at most four pieces, or one mark
        /// whole whatever it was cut into; at most 1.6 digit heights wide, not parts alone.
        func mayBeOneDigit(_ i: Int, _ j: Int) -> Bool {
            (j - i <= 4 || wholeMark(i, j)) && Double(span(i, j)) <= 1.6 * Double(digitHeight) && atoms[i..<j].contains { !$0.part }
        }

        /// Whether pieces i..<j are all the pieces of one mark group: a wide 5 with a long flag,
        /// cut at its thinnest columns into five pieces, is still read whole (54 read 554).
        func wholeMark(_ i: Int, _ j: Int) -> Bool {
            let g = atoms[i].group
            return atoms[i..<j].allSatisfy { $0.group == g } && (i == 0 || atoms[i - 1].group != g)
                && (j == atoms.count || atoms[j].group != g)
        }

        /// Whether the reader tries pieces i..<j as two digits run together: pieces of one mark
        /// (digits that stand apart are separate marks already), as wide as two digits may be.
        func mayBeTwoDigits(_ i: Int, _ j: Int) -> Bool {
            let width = Double(span(i, j)) / Double(digitHeight)
            return j - i <= 6 && width >= Joining.pairNarrowest && width <= 2.4
                && !atoms[i].part && atoms[i..<j].allSatisfy { $0.group == atoms[i].group }
        }

        /// The columns pieces i..<j span.
        func span(_ i: Int, _ j: Int) -> Int {
            atoms[i..<j].map(\.x1).max()! - atoms[i..<j].map(\.x0).min()! + 1
        }

        /// Pieces i..<j as one crop: their marks' ink within their columns, with its soft edge.
        func crop(_ i: Int, _ j: Int, _ image: InkImage) -> InkImage {
            let run = atoms[i..<j]
            let ids = run.reduce(into: Set<Int>()) { $0.formUnion($1.labels) }
            // (Marks side by side may share columns, so a cut piece of the next may start left of
            // the end of the last.)
            let a = run.map(\.x0).min()!, b = run.map(\.x1).max()! + 1
            let y0 = run.map(\.y0).min()!, y1 = run.map(\.y1).max()!
            var ink = [Float](repeating: 0, count: (b - a) * (y1 - y0 + 1))
            for y in y0...y1 { for x in a..<b {
                let l = labels[y * image.width + x]
                if ids.contains(l) || (l == 0 && image[x, y] < 0.5) { ink[(y - y0) * (b - a) + x - a] = image[x, y] }
            } }
            return InkImage(width: b - a, height: y1 - y0 + 1, ink: ink)
        }
    }

    /// The pieces the field is cut into before reading, left to right, one crop each.
    func segment(_ image: InkImage) -> [InkImage] {
        guard let pieces = overSegment(image) else { return [] }
        return pieces.atoms.indices.map { pieces.crop($0, $0 + 1, image) }
    }


    /// A mark starts at ink of half strength and grows into ink down to this: a light pen's
    /// strokes, paler than the print that sets the crop's scale, stay whole (a broken `2` is read
    /// as nothing, or as two digits).
    /// (0.3 read more of the generated letters' light digits but joined a corpus scan's digits
    /// to the grain around them.)
    static let growInk: Float = 0.4

    /// 8-connected marks of ink above half strength, grown into fainter ink beside them (see
    /// `growInk`); `labels` holds each pixel's mark (0 = none).
    func connectedMarks(_ image: InkImage) -> (labels: [Int], marks: [Mark]) {
        let w = image.width, h = image.height
        var labels = [Int](repeating: 0, count: w * h)
        var marks: [Mark] = []
        var stack: [Int] = []
        for start in 0..<(w * h) where labels[start] == 0 && image.ink[start] >= 0.5 {
            let label = marks.count + 1
            var m = Mark(x0: w, y0: h, x1: -1, y1: -1, count: 0, label: label)
            labels[start] = label; stack.append(start)
            while let p = stack.popLast() {
                let x = p % w, y = p / w
                m.x0 = min(m.x0, x); m.x1 = max(m.x1, x); m.y0 = min(m.y0, y); m.y1 = max(m.y1, y); m.count += 1
                for dy in -1...1 { for dx in -1...1 {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, ny >= 0, nx < w, ny < h else { continue }
                    let q = ny * w + nx
                    if labels[q] == 0 && image.ink[q] >= Self.growInk { labels[q] = label; stack.append(q) }
                } }
            }
            marks.append(m)
        }
        return (labels, marks)
    }
}
