import CLeptonica
import Foundation

/// The dotted lines a form leaves for the hand to write on (`Số: ……… /UBND`, `ngày ……… tháng`),
/// taken off the page before OCR. Tesseract reads such a line as letters (`Số:…` as `Á sổ`,
/// `ngày……` as `ng ,À`), and then neither the label nor the field beside it can be found.
/// A leader is a row of at least `minimumDots` small, roughly round marks at nearly equal steps,
/// a few dot-widths apart; the dots under Vietnamese vowels (`ạ ệ ị ộ ụ`) stand letters apart at
/// irregular steps, so they never make such a row. Dots touching a hand-written digit are part of
/// the digit's mark and stay.
enum DottedLeaders {
    /// Fewest dots in a leader.
    static let minimumDots = 6

    struct Dot { var x0, y0, x1, y1: Int
        var cx: Double { Double(x0 + x1) / 2 }
        var cy: Double { Double(y0 + y1) / 2 }
        var size: Int { max(x1 - x0, y1 - y0) + 1 }
    }

    /// The dots of the leaders on a grey page (8 bits, at about 300 DPI).
    static func find(_ grey: Pix) -> [Dot] {
        guard grey.depth == 8, let binary = grey.map({ pixThresholdToBinary($0, 160) }) else { return [] }
        // A period at 300 DPI is 5–9 px; a hand-written stroke or a letter is bigger.
        let largest = max(6, grey.width / 180), smallest = 2
        var dots: [Dot] = []
        binary.with { p in
            guard let boxa = pixConnCompBB(p, 8) else { return }
            defer { var b: UnsafeMutablePointer<BOXA>? = boxa; boxaDestroy(&b) }
            for i in 0..<boxaGetCount(boxa) {
                var x: Int32 = 0, y: Int32 = 0, w: Int32 = 0, h: Int32 = 0
                boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h)
                guard w >= smallest, h >= smallest, w <= largest, h <= largest, w <= 2 * h, h <= 2 * w else { continue }
                dots.append(Dot(x0: Int(x), y0: Int(y), x1: Int(x + w - 1), y1: Int(y + h - 1)))
            }
        }
        // Rows: each dot linked to the nearest dot to its right on the same line, a few widths away.
        dots.sort { $0.x0 < $1.x0 }
        var buckets: [Int: [Int]] = [:]
        for (i, d) in dots.enumerated() { buckets[Int(d.cy) / 8, default: []].append(i) }
        var next = [Int](repeating: -1, count: dots.count), hasPrevious = [Bool](repeating: false, count: dots.count)
        for (i, d) in dots.enumerated() {
            let band = Int(d.cy) / 8
            var best = -1, bestDx = Double.infinity
            for b in (band - 1)...(band + 1) { for j in buckets[b] ?? [] where j != i {
                let e = dots[j], dx = e.cx - d.cx
                let reach = 5.0 * Double(max(d.size, e.size))
                guard dx > Double(d.size), dx <= reach, abs(e.cy - d.cy) <= max(2, Double(d.size) / 2) else { continue }
                if dx < bestDx { bestDx = dx; best = j }
            } }
            if best >= 0, !hasPrevious[best] { next[i] = best; hasPrevious[best] = true }
        }
        // Runs of at least three dots at one pitch; a hand-written digit laid over the line breaks
        // it into such runs, so runs on one line at the same pitch, a few digits apart, are joined.
        struct Run { var dots: [Dot]; var pitch: Double }
        var runs: [Run] = []
        for start in dots.indices where !hasPrevious[start] && next[start] >= 0 {
            var chain = [start]
            while next[chain.last!] >= 0 { chain.append(next[chain.last!]) }
            guard chain.count >= 3 else { continue }
            // Nearly equal steps: a leader is printed or drawn at one pitch.
            let steps = zip(chain, chain.dropFirst()).map { dots[$1].cx - dots[$0].cx }.sorted()
            let median = steps[steps.count / 2]
            guard steps.allSatisfy({ abs($0 - median) <= max(2, 0.3 * median) }) else { continue }
            runs.append(Run(dots: chain.map { dots[$0] }, pitch: median))
        }
        runs.sort { $0.dots[0].x0 < $1.dots[0].x0 }
        var joined: [Run] = []
        for run in runs {
            if let k = joined.lastIndex(where: { j in
                let a = j.dots.last!, b = run.dots[0]
                return b.cx > a.cx && b.cx - a.cx <= 12 * j.pitch && abs(b.cy - a.cy) <= Double(max(a.size, b.size))
                    && abs(run.pitch - j.pitch) <= 0.25 * j.pitch
            }) {
                joined[k].dots += run.dots
            } else {
                joined.append(run)
            }
        }
        return joined.filter { $0.dots.count >= minimumDots }.flatMap(\.dots)
    }

    /// A copy of the page with its leaders painted white, and how many dots were taken off.
    static func removed(from grey: Pix) -> (Pix, Int) {
        let dots = find(grey)
        guard !dots.isEmpty, let copy = grey.map({ pixCopy(nil, $0) }) else { return (grey, 0) }
        copy.with { p in
            let w = Int32(copy.width), h = Int32(copy.height)
            for d in dots {
                // The dot's box and the soft edge a scan leaves around it.
                for y in Int32(d.y0 - 2)...Int32(d.y1 + 2) where y >= 0 && y < h {
                    for x in Int32(d.x0 - 2)...Int32(d.x1 + 2) where x >= 0 && x < w { pixSetPixel(p, x, y, 255) }
                }
            }
        }
        return (copy, dots.count)
    }
}
