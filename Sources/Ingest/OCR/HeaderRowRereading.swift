import CLeptonica
import Foundation

/// The header's number-and-date row read again alone when the page's reading lost part of it.
/// Hand-written digits stand twice as tall as the print beside them, and Tesseract's layout
/// analysis of the whole page then often garbles the row's print with them: `Số:` and the symbol
/// (`mBUBND` for `/TB-UBND`), or `tháng … năm` after the day. The same row cut out across the
/// page's width and read as one block gives its print back (on generated scans, `/KH-UBND` and
/// `tháng 10 năm 2026` where the page gave `sẽW\Ñ rusxp` and `ngày & .....`). The row is read
/// only when a field is missing or the date row found is not the highest one of the header, so a
/// page read well costs nothing more; the re-read is kept only when it finds more.
enum HeaderRowRereading {
    /// A row re-read is cut this many print heights below its lines, and `above` above them.
    static let margin = 0.5, above = 1.2

    /// Whitens the marks on the grey `crop` taller than print (and their soft edges): what is
    /// left of the row is its print, which Tesseract then reads whole.
    static func withoutHand(_ crop: Pix, printHeight: Int) {
        // On the crop's own scale (a light pen, a pale scan).
        guard let binary = crop.map({ pixThresholdToBinary($0, threshold(crop)) }),
              let tall = binary.map({ pixSelectBySize($0, 0, Int32(Double(printHeight) * HandwrittenRegions.handHeight), 8,
                                                      Int32(L_SELECT_HEIGHT), Int32(L_SELECT_IF_GT), nil) }),
              let mask = tall.map({ pixDilateBrick(nil, $0, 5, 5) }) else { return }
        _ = crop.with { c in mask.with { m in pixSetMasked(c, m, 255) } }
    }

    /// How far from the paper towards the crop's darkest ink a pixel counts as ink when looking
    /// for the hand: a light biro beside black print is paler than half way, and at half way its
    /// strokes broke into pieces shorter than print, so nothing was taken out.
    static let handInk = 0.3

    /// The grey level `handInk` of the way from the crop's paper to its darkest ink.
    static func threshold(_ crop: Pix) -> Int32 {
        var histogram = [Int](repeating: 0, count: 256)
        let values = HandwrittenFieldReader.pixels(of: crop, in: Box(x0: 0, y0: 0, x1: crop.width, y1: crop.height))?.values ?? []
        for v in values { histogram[Int(v)] += 1 }
        let total = histogram.reduce(0, +)
        func level(_ share: Double) -> Int {
            var seen = 0
            for (v, n) in histogram.enumerated() { seen += n; if Double(seen) >= share * Double(total) { return v } }
            return 255
        }
        let paper = Double(level(0.9)), dark = Double(level(0.005))
        return Int32((paper - handInk * (paper - dark)).rounded())
    }

    /// The page's lines with the header rows read again in place of what the page gave for them;
    /// nil when nothing was read again or the re-read found no more.
    static func lines(in lines: [OCRLine], on page: Pix, engine: TesseractEngine) throws -> [OCRLine]? {
        let before = HandwrittenRegions.find(lines, pageHeight: page.height)
        let rows = candidateRows(lines, pageHeight: page.height)
        guard !rows.isEmpty, !complete(before, rows: rows) || !hasSymbol(lines, rows: rows) else { return nil }
        var current = lines, best = before
        var block = (lines.map(\.block).max() ?? 0) + 1
        // The number's row and the date's (one row on most letters): a date word further down is
        // the body's (`trước ngày 30 tháng 6`).
        let wanted = [rows.first(where: \.numbered), dateRow(rows)].compactMap { $0 }
        for row in rows where wanted.contains(row) {
            // Above the row by a print height and more: the hand-written digits' tops, so their
            // marks are whole (and tall) when the hand is taken out.
            let y0 = max(0, row.y0 - Int(Double(row.printHeight) * above))
            let y1 = min(page.height, row.y1 + Int(Double(row.printHeight) * margin))
            guard y1 - y0 > row.printHeight, let crop = page.clipped(to: Box(x0: 0, y0: y0, x1: page.width, y1: y1)),
                  crop.depth == 8 else { continue }
            withoutHand(crop, printHeight: row.printHeight)
            let read = HOCRReader.lines(try engine.recogniseBlock(crop)).map { line -> OCRLine in
                defer { block += 1 }
                let words = line.words.map { w in
                    OCRWord(text: w.text, box: Box(x0: w.box.x0, y0: w.box.y0 + y0, x1: w.box.x1, y1: w.box.y1 + y0), confidence: w.confidence)
                }
                return OCRLine(words: words, box: Box(x0: line.box.x0, y0: line.box.y0 + y0, x1: line.box.x1, y1: line.box.y1 + y0),
                               block: block, rotated: false)
            }.filter { !$0.words.isEmpty }
            guard !read.isEmpty else { continue }
            // The row's own lines only: the crop's edges catch pieces of the lines above and below.
            let own = (row.y0 - row.printHeight / 2)...(row.y1 + row.printHeight / 2)
            let inside = { (l: OCRLine) in !l.rotated && own.contains((l.box.y0 + l.box.y1) / 2) }
            let candidate = current.filter { !inside($0) } + read.filter(inside)
            let found = HandwrittenRegions.find(candidate, pageHeight: page.height)
            if better(found, than: best, printHeight: row.printHeight)
                || count(found) == count(best) && !hasSymbol(current, rows: rows) && hasSymbol(candidate, rows: rows) {
                current = candidate; best = found
            }
        }
        // The symbol still garbled (`rusND.vx`, `IUJBNDVX` for `/UBND-VX`): read alone, a word
        // is read without the hand's tall marks beside it setting the line's scale.
        if !hasSymbol(current, rows: rows), let row = rows.first(where: \.numbered),
           let mended = try symbolReadAlone(current, row: row, on: page, engine: engine) {
            current = mended
        }
        return current == lines ? nil : current
    }

    /// A symbol read alone is cut this many print heights around the word's box and read at
    /// this scale: on a generated letter Tesseract read the crop `/UBND-VX` at scales 1 to 2.5
    /// where the page and the row gave `rusND.vx` and `IUJBNDVX`; on a rendered header,
    /// `/TB-UBND` at 1.5 only (`/IB-UBND` at 1 and 2, `/B-UBND` at 3).
    static let symbolMargin = 0.3, symbolScale: Float = 1.5

    /// The lines with the number row's symbol word read again alone, where that reading is a
    /// symbol (`/UBND-VX`; the slash restored where it lost it: the symbol follows the
    /// number's slash); nil otherwise. The symbol word is the row's first word of print height
    /// and four characters or more after the label.
    static func symbolReadAlone(_ lines: [OCRLine], row: Row, on page: Pix, engine: TesseractEngine) throws -> [OCRLine]? {
        let band = (row.y0 - row.printHeight / 2)...(row.y1 + row.printHeight / 2)
        let printHeight = Double(row.printHeight)
        // Along the row after its first word (the label, whatever OCR made of it): the first of
        // print height, the hand's tall words passed.
        let along = lines.indices.filter { !lines[$0].rotated && band.contains((lines[$0].box.y0 + lines[$0].box.y1) / 2) }
            .flatMap { i in lines[i].words.indices.map { (line: i, word: $0) } }
            .sorted { lines[$0.line].words[$0.word].box.x0 < lines[$1.line].words[$1.word].box.x0 }
        guard let at = along.dropFirst().first(where: { p in
            let w = lines[p.line].words[p.word]
            return (Double(w.box.height) <= printHeight * HandwrittenRegions.handWord || HandwrittenRegions.slashLostSymbol(w.text))
                && Double(w.box.height) >= printHeight * 0.6 && w.text.count >= 4
        }) else { return nil }
        let word = lines[at.line].words[at.word]
        // A symbol read whole but not as `hasSymbol` has it (`/2013/CT-UBND`, its year first) stays.
        let read = Array(word.text)
        if read.indices.contains(where: { read[$0] == "/" && HandwrittenRegions.cleanSymbol(Substring(String(read[($0 + 1)...]))) }) { return nil }
        let m = Int(printHeight * symbolMargin)
        let x0 = max(0, word.box.x0 - m), y0 = max(0, word.box.y0 - m)
        let x1 = min(page.width, word.box.x1 + m), y1 = min(page.height, word.box.y1 + m)
        guard x1 > x0, y1 > y0, let crop = page.clipped(to: Box(x0: x0, y0: y0, x1: x1, y1: y1)),
              let scaled = crop.map({ pixScale($0, symbolScale, symbolScale) }) else { return nil }
        let text = HOCRReader.lines(try engine.recogniseBlock(scaled)).flatMap(\.words).map(\.text).joined(separator: " ")
        guard let symbol = symbol(in: text) else { return nil }
        var out = lines
        out[at.line].words[at.word].text = symbol
        return out
    }

    /// The symbol in a word's text read alone (`_/UBND-VX` → `/UBND-VX`, `UBND-VX` → `/UBND-VX`):
    /// capitals (Đ) and digits in two parts or more joined by dashes, nil where there is none.
    static func symbol(in text: String) -> String? {
        guard let r = text.range(of: #"[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)+"#, options: .regularExpression) else { return nil }
        let s = text[r]
        guard s.filter(\.isLetter).count >= 3 else { return nil }
        return "/" + s
    }

    /// A header row that holds, or should hold, the number or the date: its lines' extent and the
    /// height of its print.
    struct Row: Equatable {
        var y0: Int
        var y1: Int
        var printHeight: Int
        /// Whether it holds a date word (`ngày`, `tháng`, `năm`, a year).
        var dated: Bool
        /// Whether it holds `Số` or a symbol.
        var numbered: Bool
    }

    /// The header's rows with a word of the number's or the date's print, top first; lines on the
    /// same row (the number's column and the date's) are one row.
    static func candidateRows(_ lines: [OCRLine], pageHeight: Int) -> [Row] {
        let limit = Int(Double(pageHeight) * HandwrittenRegions.headerShare)
        var rows: [Row] = []
        for line in lines.filter({ !$0.rotated && $0.box.y0 < limit }).sorted(by: { $0.box.y0 < $1.box.y0 }) {
            let numbered = line.words.contains { isNumberWord($0.text) }
            let dated = line.words.contains { isDateWord($0.text) }
            guard numbered || dated else { continue }
            let print = printHeight(line)
            if let i = rows.indices.last, line.box.y0 < rows[i].y1 - print / 2 {
                rows[i].y0 = min(rows[i].y0, line.box.y0); rows[i].y1 = max(rows[i].y1, line.box.y1)
                rows[i].printHeight = max(rows[i].printHeight, print); rows[i].dated = rows[i].dated || dated
                rows[i].numbered = rows[i].numbered || numbered
            } else {
                rows.append(Row(y0: line.box.y0, y1: line.box.y1, printHeight: print, dated: dated, numbered: numbered))
            }
        }
        if !rows.contains(where: \.numbered), let lost = rowUnderMotto(lines, pageHeight: pageHeight) {
            rows.removeAll { $0.y0 < lost.y1 && $0.y1 > lost.y0 }
            rows.append(lost)
            rows.sort { $0.y0 < $1.y0 }
        }
        return rows
    }

    /// The band under the motto's lowest line where the number's and the date's row stands, in
    /// print heights: Nghị định 30 puts the place and date right under the motto and the number
    /// level with it under the issuer.
    static let underMotto = (from: 0.5, to: 3.0)

    /// Each motto line's words (`PageMarkWords.mottoLines`), its dashes left out.
    private static let mottoWords = PageMarkWords.mottoLines.map { Set($0.split(separator: " ").map(String.init).filter { $0.contains(where: \.isLetter) }) }

    /// The header's number-and-date row where the page's reading lost it whole: no `Số`, no
    /// symbol on any row (on a generated scan the row's hand-written digits and dotted leaders
    /// read as `ŸÝ......«`, its print with them). The band under the national motto, to be read
    /// again as any garbled row; nil without a motto in the header.
    static func rowUnderMotto(_ lines: [OCRLine], pageHeight: Int) -> Row? {
        let limit = Int(Double(pageHeight) * HandwrittenRegions.headerShare)
        // A motto line, whatever OCR dropped of it: most of its words there (`Độc lập - Tự do -
        // Hạnh phúc` has six; `Tự do` is also a body's phrase, and the body is not the header).
        let motto = lines.filter { l in
            guard !l.rotated, l.box.y1 < limit else { return false }
            let words = Set(l.words.map { Folding.fold($0.text).trimmingCharacters(in: .punctuationCharacters) })
            return mottoWords.contains { m in 2 * m.intersection(words).count > m.count }
        }.max { $0.box.y1 < $1.box.y1 }
        guard let motto else { return nil }
        let print = printHeight(motto)
        let y0 = motto.box.y1 + Int(Double(print) * underMotto.from), y1 = motto.box.y1 + Int(Double(print) * underMotto.to)
        guard y1 < limit else { return nil }
        return Row(y0: y0, y1: y1, printHeight: print, dated: true, numbered: true)
    }

    /// A line's print height: the median of its words of three letters or more (the hand's marks
    /// and a dotted leader's are not words), the line's own where it has none.
    static func printHeight(_ line: OCRLine) -> Int {
        let lettered = line.words.filter { $0.text.filter(\.isLetter).count >= 3 }.map(\.box.height).sorted()
        return max(10, lettered.isEmpty ? line.box.height : lettered[lettered.count / 2])
    }

    /// How far below the number's row, in its print heights, the date's row may stand: beside it,
    /// or a line lower where the issuer's column is the shorter.
    static let dateRowReach = 3.0

    /// The header's date row: the first row with a date word, unless that stands further below
    /// the number's row than `dateRowReach`. Then OCR lost the date's words from the number's row
    /// (`Quảng Ngãi, EW Ø.` for `Quảng Ngãi, ngày 04 tháng 12 năm 2025`), and the row with a date
    /// word is the body's (`trước ngày 30 tháng 6`): the number's row is the date's.
    static func dateRow(_ rows: [Row]) -> Row? {
        guard let dated = rows.first(where: \.dated) else { return nil }
        if let numbered = rows.first(where: \.numbered),
           dated.y0 > numbered.y1 + Int(Double(numbered.printHeight) * dateRowReach) { return numbered }
        return dated
    }

    /// `Số` as OCR gives it (`Số:`, `số.`, `sơ.`, `Sốc`: an s and a small letter, not the
    /// capitals of `SỞ TÀI CHÍNH`) or a symbol (`/KH-UBND`).
    static func isNumberWord(_ text: String) -> Bool {
        let t = Array(text)
        if let slash = t.firstIndex(of: "/"), slash + 1 < t.count,
           t[slash + 1].isUppercase || HandwrittenRegions.symbolGarbled(t[(slash + 1)...]) { return true }
        if HandwrittenRegions.slashLostSymbol(text) { return true }
        guard t.count >= 2, t.count <= 5 else { return false }
        return Folding.fold(String(t[0])) == "s" && t[1].isLowercase && Folding.fold(String(t.prefix(2))).hasPrefix(PageMarkWords.numberLabel)
    }

    /// A word of the date row: `ngày`, `tháng`, `năm` or a year.
    static func isDateWord(_ text: String) -> Bool {
        // Lower case: the motto's `VIỆT NAM` is no `năm`.
        guard let first = text.first(where: \.isLetter) ?? text.first, !first.isUppercase else { return false }
        let f = Folding.fold(text).trimmingCharacters(in: .punctuationCharacters)
        if f.hasPrefix(PageMarkWords.dayLabel) || f.hasPrefix(PageMarkWords.monthLabel) { return true }
        if f == PageMarkWords.yearLabel { return true }
        return HandwrittenRegions.isYear(f)
    }

    /// Both fields found, and the day on the highest row that holds a date word: a page that
    /// lost the header's `tháng` finds its day in the body (`trước ngày 30 tháng 6`).
    static func complete(_ found: HandwrittenRegions.Found, rows: [Row]) -> Bool {
        guard found.number != nil, let day = found.day else { return false }
        guard let top = dateRow(rows) else { return true }
        return day.box.y0 <= top.y1
    }

    /// The fields of the page's own reading where it found them on the right rows, the re-read
    /// row's for the rest: where the page did find a field its words' boxes are the print's own,
    /// while the re-read row lost the label's last letter wherever the hand touched it.
    static func merged(_ page: HandwrittenRegions.Found, _ reread: HandwrittenRegions.Found, rows: [Row]) -> HandwrittenRegions.Found {
        var out = page
        if out.number == nil { out.number = reread.number }
        let topDated = dateRow(rows)
        let dayOnTop = page.day.map { d in topDated.map { d.box.y0 <= $0.y1 } ?? true } ?? false
        if !dayOnTop, reread.day != nil || reread.month != nil { out.day = reread.day; out.month = reread.month }
        return out
    }

    /// Whether the number's row holds its symbol whole (`/UBND-KTTH`): without it the text gives
    /// the number no place, whatever the digit reader reads (`Số: &'}5 €)`, `/mc.UBND`).
    static func hasSymbol(_ lines: [OCRLine], rows: [Row]) -> Bool {
        guard let row = rows.first(where: \.numbered) else { return false }
        let band = (row.y0 - row.printHeight / 2)...(row.y1 + row.printHeight / 2)
        return lines.contains { l in
            band.contains((l.box.y0 + l.box.y1) / 2) && l.words.contains { w in
                let t = Array(w.text)
                guard let slash = t.firstIndex(of: "/"), slash + 2 < t.count, t[slash + 1].isUppercase, t[(slash + 1)...].contains("-") else { return false }
                return t[(slash + 1)...].allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" || $0 == "Đ" }
            }
        }
    }

    static func count(_ f: HandwrittenRegions.Found) -> Int { [f.number, f.day, f.month].compactMap { $0 }.count }

    /// More fields, or as many with the day on a higher row.
    static func better(_ a: HandwrittenRegions.Found, than b: HandwrittenRegions.Found, printHeight: Int) -> Bool {
        if count(a) != count(b) { return count(a) > count(b) }
        if let da = a.day, let db = b.day { return da.box.y0 < db.box.y0 - printHeight }
        return false
    }
}
