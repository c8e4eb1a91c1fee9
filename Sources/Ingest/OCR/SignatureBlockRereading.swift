import CLeptonica
import Foundation

/// The signer's name read again when the page's reading lost it. On a scan the name sits under
/// the seal and the signature; Tesseract's layout analysis often takes that corner for a picture
/// and reads nothing there, while the same crop read as one block of text gives the name (seen on
/// scanned letters whose `tesseract --psm 6` of the corner reads `Lê Dũng` after the seal's debris).
/// The block is the column under the lowest line of capitals in the lower right of the page (the
/// signer's position, `PHÓ CHỦ TỊCH`); it is read only when no line under that one looks like a
/// name already, so a page read well costs nothing more.
enum SignatureBlockRereading {
    /// The signature block is in the lower part of the page, right of its middle.
    static let lowestTop = 0.3, rightOf = 0.4
    /// How far below the position line the name may be, in line heights (the signature and the
    /// seal between them take five to eight).
    static let depth = 10
    /// Strokes thinner than this many pixels (on the page at 300 dpi) are no printed name's.
    static let thinStroke: Int32 = 3

    /// A line holding the name found in the re-read block, in page coordinates; nil when the page
    /// has no signer's position, a name under it already, or the block gives none either.
    static func name(in lines: [OCRLine], on page: Pix, engine: TesseractEngine) throws -> OCRLine? {
        // Tesseract may give the Nơi nhận item and the position beside it as one line: the
        // layout's own cut at wide gaps takes them apart.
        let segments = LetterPageLayout(pageWidth: page.width, pageHeight: page.height).split(lines).filter { !$0.rotated }
        guard let title = position(segments, width: page.width, height: page.height) else { return nil }
        let lh = max(12, title.box.height)
        let below = segments.filter { $0.box.y0 >= title.box.y1 && $0.box.y0 <= title.box.y1 + depth * lh
            && $0.box.x1 > title.box.x0 - 2 * lh && $0.box.x0 < title.box.x1 + 2 * lh }
        guard !below.contains(where: { nameRun(in: $0.words) != nil }) else { return nil }
        let x0 = max(0, title.box.x0 - 3 * lh), x1 = min(page.width, title.box.x1 + 3 * lh)
        let y0 = min(page.height - 1, title.box.y1 + lh / 4), y1 = min(page.height, title.box.y1 + depth * lh)
        guard x1 - x0 > 4 * lh, y1 - y0 > 2 * lh else { return nil }
        // The seal's ring and text and the signature's flourish are thin strokes; the printed name
        // is bold. A grey closing as wide as a thin stroke takes the first away and leaves the name.
        guard let crop = page.clipped(to: Box(x0: x0, y0: y0, x1: x1, y1: y1))?.map({ pixCloseGray($0, thinStroke, thinStroke) })
        else { return nil }
        let read = HOCRReader.lines(try engine.recogniseBlock(crop))
        // The lowest line holding a name: the name is the last thing in the block.
        for line in read.reversed() {
            guard let words = nameRun(in: line.words) else { continue }
            let shifted = words.map { w in
                OCRWord(text: w.text, box: Box(x0: w.box.x0 + x0, y0: w.box.y0 + y0, x1: w.box.x1 + x0, y1: w.box.y1 + y0),
                        confidence: w.confidence)
            }
            let lineBox = Box(x0: shifted.map(\.box.x0).min()!, y0: shifted.map(\.box.y0).min()!,
                              x1: shifted.map(\.box.x1).max()!, y1: shifted.map(\.box.y1).max()!)
            return OCRLine(words: shifted, box: lineBox, block: (lines.map(\.block).max() ?? 0) + 1, rotated: false)
        }
        return nil
    }

    /// The lowest piece of a line in the lower right that is mostly capitals, two words or more:
    /// the signer's position (or `TM. ỦY BAN NHÂN DÂN` above it, when the position was lost too).
    static func position(_ segments: [LetterPageLayout.Segment], width: Int, height: Int) -> LetterPageLayout.Segment? {
        segments.filter { l in
            guard Double(l.box.y0) > Double(height) * lowestTop, Double(l.box.x0) > Double(width) * rightOf else { return false }
            let letters = l.text.filter(\.isLetter)
            return l.words.count >= 2 && letters.count >= 5 && Double(letters.filter(\.isUppercase).count) >= 0.8 * Double(letters.count)
        }.max { $0.box.y0 < $1.box.y0 }
    }

    /// `position` on a page's recognised lines.
    static func positionLine(_ lines: [OCRLine], width: Int, height: Int) -> LetterPageLayout.Segment? {
        position(LetterPageLayout(pageWidth: width, pageHeight: height).split(lines).filter { !$0.rotated }, width: width, height: height)
    }

    /// The trailing run of two to five words written as a name is (a capital, then small
    /// letters), after the debris of the seal and the signature that came before it on the line.
    /// A word ending in a small letter just before the run is most likely the name's own first
    /// word, garbled (`rán Văn Huy` for `Trần Văn Huy`): a name cut so is no name.
    static func nameRun(in words: [OCRWord]) -> [OCRWord]? {
        var run: [OCRWord] = []
        var before: String?
        for w in words.reversed() {
            let t = w.text.trimmingCharacters(in: .punctuationCharacters.union(.symbols))
            guard isNameWord(t) else { before = w.text; break }
            run.insert(OCRWord(text: t, box: w.box, confidence: w.confidence), at: 0)
        }
        if let b = before, b.last.map({ $0.isLetter && $0.isLowercase }) == true { return nil }
        guard run.count >= 2, run.count <= 5 else { return nil }
        return run
    }

    static func isNameWord(_ t: String) -> Bool {
        guard let first = t.first, first.isUppercase, t.count >= 2, t.count <= 7 else { return false }
        return t.dropFirst().allSatisfy { $0.isLetter && $0.isLowercase }
    }
}

