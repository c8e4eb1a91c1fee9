import Foundation

/// Where on a recognised page the hand-written fields are: the gap between the `Số:` label and
/// the printed symbol (`/UBND-KTTH`), and the gaps after `ngày` and `tháng` on the date line.
/// Found from the words' boxes; a label OCR ran into the digits (`Số:660`, `ngày31`) is measured
/// by the width of a printed letter on the same line.
enum HandwrittenRegions {
    struct Field: Equatable {
        var box: Box
        /// Height of the printed text beside the field.
        var lineHeight: Int
    }

    struct Found: Equatable {
        var number: Field?
        var day: Field?
        var month: Field?
    }

    /// Only the top of the page holds the header.
    static let headerShare = 0.45

    private struct Word {
        var text: String
        var folded: String
        var box: Box
    }

    static func find(_ lines: [OCRLine], pageHeight: Int) -> Found {
        let limit = Int(Double(pageHeight) * headerShare)
        // Top to bottom: the header's date line comes before any date in the body.
        let words = lines.filter { !$0.rotated && $0.box.y0 < limit }.flatMap(\.words).map {
            Word(text: $0.text, folded: Folding.fold($0.text), box: $0.box)
        }.sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
        var found = Found()
        found.number = numberField(words) ?? numberFieldBySymbol(words)
        // The header's date row is the highest: a `ngày … tháng` in the body (`trước ngày 30 tháng 6`)
        // must not stand for it when OCR misread the header's `ngày`.
        let labelled = dateFields(words), byMonth = dateFieldsByMonth(words)
        let lineHeight = words.map(\.box.height).sorted().dropFirst(words.count / 2).first ?? 30
        if let l = labelled, byMonth.map({ $0.2 >= l.2 - lineHeight }) ?? true { found.day = l.0; found.month = l.1 }
        else if let b = byMonth { found.day = b.0; found.month = b.1 }
        return found
    }

    /// Where a field written in by hand begins, walking left from the print after it: past the
    /// hand-written marks (taller than the print, or no word at all) to the first printed word,
    /// whatever OCR made of it (`Số:` read `_`, `ngày` read `hoài` on generated scans).
    private static func startOfHandwriting(before end: Word, in words: [Word], printHeight: Int) -> Double? {
        let left = words.filter { sameRow($0.box, end.box) && $0.box.x1 <= end.box.x0 + 2 }.sorted { $0.box.x0 > $1.box.x0 }
        var hand: [Word] = []
        for w in left {
            if Double(w.box.height) > Double(printHeight) * 1.4 { hand.append(w); continue }
            return hand.isEmpty && Double(end.box.x0 - w.box.x1) < Double(printHeight) * 0.6 ? nil : Double(w.box.x1)
        }
        return hand.last.map { Double($0.box.x0) - Double(printHeight) * 0.2 }
    }

    /// No `Số` label was read: the symbol (`/KH-UBND`) and the print before it bound the field.
    private static func numberFieldBySymbol(_ words: [Word]) -> Field? {
        for w in words {
            let t = Array(w.text)
            guard t.count >= 3, t[0] == "/", t[1].isUppercase, w.text.contains("-") || t.count <= 6 else { continue }
            let m = metrics(words, near: w.box)
            guard let start = startOfHandwriting(before: w, in: words, printHeight: m.height) else { continue }
            return field(x0: start + Double(m.height) * 0.1, x1: Double(w.box.x0) - Double(m.height) * 0.1,
                         anchor: w.box, height: m.height)
        }
        return nil
    }

    /// No `ngày` was read: the row's `tháng` followed by `năm` or a year bounds the day on the right.
    private static func dateFieldsByMonth(_ words: [Word]) -> (Field?, Field?, Int)? {
        for w in words where w.folded.hasPrefix(PageMarkWords.monthLabel) && w.folded.count <= PageMarkWords.monthLabel.count + 1 {
            let after = words.filter { sameRow($0.box, w.box) && $0.box.x0 > w.box.x0 }
            guard after.contains(where: { $0.folded.hasPrefix(PageMarkWords.yearLabel) || ($0.text.count == 4 && $0.text.allSatisfy(\.isNumber)) }) else { continue }
            let m = metrics(words, near: w.box)
            guard let start = startOfHandwriting(before: w, in: words, printHeight: m.height) else { continue }
            return (field(x0: start + Double(m.height) * 0.1, x1: Double(w.box.x0) - Double(m.height) * 0.1,
                          anchor: w.box, height: m.height), nil, w.box.y0)
        }
        return nil
    }

    /// Median height of the printed words and width of one printed letter near `anchor`.
    private static func metrics(_ words: [Word], near anchor: Box) -> (height: Int, letter: Double) {
        let row = words.filter { sameRow($0.box, anchor) }
        let lettered = row.filter { w in w.text.count >= 3 && w.text.allSatisfy { $0.isLetter || $0 == ":" || $0 == "," } }
        let heights = (lettered.isEmpty ? row : lettered).map(\.box.height).sorted()
        let height = heights.isEmpty ? anchor.height : heights[heights.count / 2]
        let widths = lettered.map { Double($0.box.width) / Double($0.text.count) }.sorted()
        let letter = widths.isEmpty ? Double(height) * 0.55 : widths[widths.count / 2]
        return (max(10, height), letter)
    }

    private static func sameRow(_ a: Box, _ b: Box) -> Bool {
        let ca = (a.y0 + a.y1) / 2, cb = (b.y0 + b.y1) / 2
        return abs(ca - cb) < max(a.height, b.height) * 3 / 4
    }

    /// The box between x0 and x1 on the row of `anchor`, taller than the print: hand-written
    /// digits stand higher and lower than the type beside them.
    private static func field(x0: Double, x1: Double, anchor: Box, height: Int) -> Field? {
        guard x1 - x0 >= Double(height) * 0.4 else { return nil }
        // Written digits stand on the print's baseline but are often twice its height or more: a
        // box only a little taller than the print cuts their tops (a 9 read as a 4, a 3 as a 5).
        let y0 = anchor.y0 - height * 3 / 2, y1 = anchor.y1 + height / 2
        return Field(box: Box(x0: Int(x0), y0: max(0, y0), x1: Int(x1), y1: y1), lineHeight: height)
    }

    /// `Số:` … `/SYMBOL`.
    private static func numberField(_ words: [Word]) -> Field? {
        for (i, w) in words.enumerated() {
            let f = w.folded
            guard f.hasPrefix(PageMarkWords.numberLabel) else { continue }
            var rest = f.dropFirst(PageMarkWords.numberLabel.count)
            let labelLength = rest.hasPrefix(":") ? 3 : 2
            if rest.hasPrefix(":") { rest = rest.dropFirst() }
            // `Số:`, `Số`, or the label run into the digits (`Số:660`, `Số:660/TB`), not a word like `sở`+letters.
            guard rest.isEmpty || rest.first.map({ !$0.isLetter }) == true else { continue }
            let m = metrics(words, near: w.box)
            let start = labelLength == f.count ? Double(w.box.x1) : Double(w.box.x0) + m.letter * Double(labelLength)
            // The symbol: the first word on the row from here with a `/` or `-` before capitals.
            // Left to right along the row, not in reading order: on a page turned a little the
            // symbol can start a few pixels higher than the label and sort before it.
            let candidates = [w] + words.indices.filter { $0 != i && sameRow(words[$0].box, w.box) && words[$0].box.x0 > w.box.x0 }
                .map { words[$0] }.sorted { $0.box.x0 < $1.box.x0 }
            var end: Double?
            for c in candidates {
                guard let slash = c.text.firstIndex(where: { $0 == "/" || $0 == "-" }) else { continue }
                let after = c.text[c.text.index(after: slash)...]
                guard after.first.map({ $0.isUppercase || $0.isNumber }) == true else { continue }
                let before = c.text.distance(from: c.text.startIndex, to: slash)
                if before == 0 { end = Double(c.box.x0) }
                else {
                    // Print after the slash is measured from the right: capitals are about one
                    // and a half of a lower-case letter.
                    let printed = Double(after.count + 1) * m.letter * 1.5
                    end = max(start, Double(c.box.x1) - printed)
                }
                break
            }
            // No symbol on the row: this `Số`/`Sở` is not the number's label (`SỞ TÀI CHÍNH`).
            guard let stop = end else { continue }
            guard let field = field(x0: start + Double(m.height) * 0.1, x1: stop - Double(m.height) * 0.1,
                                    anchor: w.box, height: m.height) else { continue }
            return field
        }
        return nil
    }

    /// `ngày` … `tháng` … `năm`.
    private static func dateFields(_ words: [Word]) -> (Field?, Field?, Int)? {
        for w in words {
            guard let range = w.folded.range(of: PageMarkWords.dayLabel) else { continue }
            let row = words.filter { sameRow($0.box, w.box) && $0.box.x0 >= w.box.x0 }.sorted { $0.box.x0 < $1.box.x0 }
            guard let monthWord = row.first(where: { $0.folded.contains(PageMarkWords.monthLabel) }) else { continue }
            let m = metrics(words, near: w.box)
            let dayStart = leftEdge(after: range, in: w, letter: m.letter)
            let monthRange = monthWord.folded.range(of: PageMarkWords.monthLabel)!
            let dayEnd = rightEdge(before: monthRange, in: monthWord, letter: m.letter)
            let day = field(x0: dayStart + Double(m.height) * 0.1, x1: dayEnd - Double(m.height) * 0.1,
                            anchor: w.box, height: m.height)
            var month: Field?
            let after = row.filter { $0.box.x0 >= monthWord.box.x0 }
            if let yearWord = after.first(where: { $0.folded.hasPrefix(PageMarkWords.yearLabel) || $0.folded.contains(" " + PageMarkWords.yearLabel) }) {
                let monthStart = leftEdge(after: monthRange, in: monthWord, letter: m.letter)
                let yearRange = yearWord.folded.range(of: PageMarkWords.yearLabel)!
                let monthEnd = rightEdge(before: yearRange, in: yearWord, letter: m.letter)
                month = field(x0: monthStart + Double(m.height) * 0.1, x1: monthEnd - Double(m.height) * 0.1,
                              anchor: w.box, height: m.height)
            }
            return (day, month, w.box.y0)
        }
        return nil
    }

    /// Where a label inside a word ends: the word's end when nothing follows it, else its start
    /// plus the label's letters.
    private static func leftEdge(after label: Range<String.Index>, in w: Word, letter: Double) -> Double {
        if label.upperBound == w.folded.endIndex { return Double(w.box.x1) }
        return Double(w.box.x0) + letter * Double(w.folded.distance(from: w.folded.startIndex, to: label.upperBound))
    }

    /// Where a label inside a word begins: the word's start when nothing precedes it, else its
    /// end less the label's letters and what follows.
    private static func rightEdge(before label: Range<String.Index>, in w: Word, letter: Double) -> Double {
        if label.lowerBound == w.folded.startIndex { return Double(w.box.x0) }
        return Double(w.box.x1) - letter * Double(w.folded.distance(from: label.lowerBound, to: w.folded.endIndex))
    }
}
