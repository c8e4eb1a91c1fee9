import Foundation
import CLeptonica

/// Where on a recognised page the hand-written fields are: the gap between the `Số:` label and
/// the printed symbol (`/UBND-KTTH`), and the gaps after `ngày` and `tháng` on the date line.
/// Found from the words' boxes; a label OCR ran into the digits (`Số:660`, `ngày31`) is measured
/// by the width of a printed letter on the same line.
enum HandwrittenRegions {
    struct Field: Equatable {
        var box: Box
        /// Height of the printed text beside the field.
        var lineHeight: Int
        /// Where a side was placed by counting printed letters (a label OCR ran into the digits,
        /// `Số:280`, or a label's box that swallowed them, `tháng` over `07 tháng`), the span the
        /// true side lies in; `refined(on:)` finds it in the ink. Nil where a word's edge gave it.
        var leftSpan: ClosedRange<Int>? = nil
        var rightSpan: ClosedRange<Int>? = nil
    }

    /// The rows of a field's crop that the printed line beside it takes (from the top of the crop):
    /// `field` reaches a print height and a half above the label and half of one below it, so
    /// the print is the band one print height tall above that lower half. The reader picks the
    /// digits' band from the marks crossing it, and the ink's gaps are looked for there: the
    /// line above (the motto's rule, the issuer's last letters) lies outside it.
    static func printRows(cropHeight: Int, lineHeight: Int) -> ClosedRange<Int> {
        let bottom = max(0, cropHeight - lineHeight / 2 - 1)
        return max(0, bottom - lineHeight)...bottom
    }

    /// A side guessed from letter widths: the guess and the span to look for the label's gap in.
    struct Edge {
        var x: Double
        var span: ClosedRange<Int>? = nil
    }

    struct Found: Equatable {
        var number: Field?
        var day: Field?
        var month: Field?

        subscript(field: HandwrittenField) -> Field? {
            switch field { case .number: number; case .day: day; case .month: month }
        }
    }

    /// Only the top of the page holds the header.
    static let headerShare = 0.45

    private struct Word {
        var text: String
        var folded: String
        var box: Box
    }

    /// The fields on a page, each side that was guessed from letter widths found in the ink.
    static func find(_ lines: [OCRLine], on grey: Pix) -> Found {
        var found = find(lines, pageHeight: grey.height)
        let columnInk = { (box: Box) -> [Int]? in
            guard let ink = HandwrittenFieldReader.ink(of: grey, in: box) else { return nil }
            return (0..<ink.width).map { x in (0..<ink.height).reduce(0) { $0 + (ink[x, $1] > 0.5 ? 1 : 0) } }
        }
        let words = lines.flatMap(\.words)
        let whole = { (f: Field) in wholeMarks(f, on: grey, print: printWords(words, near: f)) }
        found.number = found.number.map { whole(refined($0, columnInk: columnInk)) }
        found.day = found.day.map { whole(refined($0, columnInk: columnInk)) }
        found.month = found.month.map { whole(refined($0, columnInk: columnInk)) }
        return found
    }

    /// A written mark is this many print heights tall or more (a word's box, accents and tails
    /// included, is one): the hand-written digits stand 1.5 to 2 times as tall.
    static let handHeight = 1.15
    /// A word OCR made of hand-written digits (`Ø6Ÿ`) has a box taller than print by this many
    /// print heights or more; a printed word beside them does not.
    static let handWord = 1.4
    /// A word's box this share of the print's height or less holds no printed letter (even `ưa`,
    /// with no ascender, stands over half of it): the dotted line OCR read as characters.
    static let flatWord = 0.3

    /// The field widened to take in whole the hand-written marks its sides cut through or stop
    /// short of: a side guessed from letter widths, a gap found between two digits, or a word OCR
    /// took for the symbol (`/2¿O` for the hand's `1380`, the `/` being its `1`) would otherwise
    /// leave digits outside (`24` read `4`, `1465` read `146`, `1380` read nothing). A side moves
    /// over a mark it crosses, then on over the marks that follow it closer than `chainGap` (the
    /// digits of one number), never over print (no printed glyph is that tall), and by at most
    /// `chainReach` print heights.
    static func wholeMarks(_ field: Field, on grey: Pix, print: [Box] = []) -> Field {
        let reach = Int(Double(field.lineHeight) * chainReach)
        let wide = Box(x0: max(0, field.box.x0 - reach), y0: field.box.y0, x1: min(grey.width, field.box.x1 + reach), y1: field.box.y1)
        // On the field's own scale: the print beside it must not make a light hand faint.
        guard let ink = HandwrittenFieldReader.ink(of: grey, in: wide, levelsFrom: field.box) else { return field }
        let marks = HandwrittenFieldReader(lineHeight: field.lineHeight).connectedMarks(ink).marks
        // A glyph of a printed word OCR read may stand as tall (the symbol's slash): it is print.
        // Not a mark standing above or below the word's rows: OCR ran the leader and the hand
        // before the symbol into its word (`....../.UBND-KTTH` over a hand-written 2).
        let slack = field.lineHeight / 4
        let printed = { (m: HandwrittenFieldReader.Mark) in
            print.contains { b in
                (b.x0..<b.x1).contains(wide.x0 + (m.x0 + m.x1) / 2)
                    && wide.y0 + m.y0 >= b.y0 - slack && wide.y0 + m.y1 <= b.y1 + slack
            }
        }
        let tall = marks.filter { Double($0.height) >= Double(field.lineHeight) * handHeight && !printed($0) }
        let gap = Int(Double(field.lineHeight) * chainGap)
        var left = field.box.x0 - wide.x0, right = field.box.x1 - wide.x0
        var movedLeft = false, movedRight = false
        // A mark touching the crop's edge may run on beyond the reach: it is not taken.
        while let m = tall.filter({ $0.x0 < left && $0.x1 >= left - gap && $0.x0 > 0 }).min(by: { $0.x0 < $1.x0 }) {
            left = m.x0; movedLeft = true
        }
        while let m = tall.filter({ $0.x1 > right && $0.x0 <= right + gap && $0.x1 < ink.width - 1 }).max(by: { $0.x1 < $1.x1 }) {
            right = m.x1; movedRight = true
        }
        var out = field
        if movedLeft { out.box.x0 = wide.x0 + left - 2 }
        if movedRight { out.box.x1 = wide.x0 + right + 3 }
        return out
    }

    /// The words beside a field on its row that are print: letters, no taller than print stands
    /// beside a hand (`/BC-UBND`, `tháng`), not the hand OCR read as letters (`Ø6Ÿ`, twice as
    /// tall). A word over the field itself is not one: OCR ran the label, the hand and the
    /// symbol into one word (`Số:.4.M..`).
    static func printWords(_ words: [OCRWord], near field: Field) -> [Box] {
        words.filter { w in
            w.box.y1 > field.box.y0 && w.box.y0 < field.box.y1
                && (w.box.x1 <= field.box.x0 || w.box.x0 >= field.box.x1)
                && Double(w.box.height) <= Double(field.lineHeight) * handWord
                && w.text.filter(\.isLetter).count >= 3
        }.map(\.box)
    }

    /// Digits of one number stand closer than this many print heights to each other; the day and
    /// the month stand further apart (`tháng` between them), as do a number and its symbol's print.
    static let chainGap = 1.0
    /// How far a side may move to take in the field's marks, in print heights: a four-digit number
    /// written where OCR saw only its first digit.
    static let chainReach = 6.0

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
    /// `label`: the label's letters (`Số:` with its colon, `ngày`; `PageMarkWords`).
    private static func startOfHandwriting(before end: Word, in words: [Word], printHeight: Int, letter: Double, label: Int) -> Double? {
        let left = words.filter { sameRow($0.box, end.box) && $0.box.x1 <= end.box.x0 + 2 }.sorted { $0.box.x0 > $1.box.x0 }
        var hand: [Word] = []
        // A word of no letters as tall as print and no wider than the label's few letters
        // (`__`): the label OCR garbled, where no other print is found. A wider one (`"..-`)
        // ran the label into a light hand.
        var garbledLabel: Word?
        // The row's first word, of no letters, as tall as print and wider than a garbled label
        // (`\`...` for `Số: 5039` in a light pen): the label run into the hand's first marks,
        // which OCR boxed with it; the hand's next marks OCR did not box at all.
        var labelIntoHand: Word?
        let beside = { (w: Word) in Double(end.box.x0 - w.box.x1) < Double(printHeight) * 0.6 }
        for w in left {
            if Double(w.box.height) > Double(printHeight) * handWord { hand.append(w); continue }
            // One or two characters taller than print (`*Í` for a light 9, 53 pixels beside
            // print of 43): OCR's reading of a hand-written digit. No printed word before the
            // field is so short and so tall, the label (`Số`) aside.
            if w.text.count <= 2 && Double(w.box.height) > Double(printHeight) * handHeight
                && !w.folded.hasPrefix(PageMarkWords.numberLabel) { hand.append(w); continue }
            let flat = Double(w.box.height) < Double(printHeight) * flatWord
            // The dotted line the hand writes on (`.........`) is no label: the field runs on
            // past it (on a row read again with the hand taken out, the dots are all that is left).
            if !w.text.contains(where: { $0.isLetter || $0.isNumber }) {
                if !flat && Double(w.box.width) <= letter * 4 { garbledLabel = w }
                if !flat && Double(w.box.width) > letter * 4 && w.box == left.last?.box { labelIntoHand = w }
                continue
            }
            // Nor is that line when OCR made characters of its dots (`22866)` six pixels tall):
            // no printed word stands that flat, while dots are a fraction of the print's height.
            if flat { continue }
            // The label OCR ran into a light hand beside it (`Số: 06` read `J.ứe, LÀ`): taller
            // than print and wider than the label: the field starts after the label's letters,
            // not after the word, which holds a digit.
            if Double(w.box.height) > Double(printHeight) * handHeight && Double(w.box.width) > letter * Double(label + 2) {
                return Double(w.box.x0) + letter * Double(label)
            }
            return hand.isEmpty && beside(w) ? nil : Double(w.box.x1)
        }
        // With no hand word after it, the field is not cut here: the row read again finds it.
        if let l = labelIntoHand, let first = hand.last, l.box.x1 <= first.box.x0 {
            return Double(l.box.x0) + letter * Double(label)
        }
        guard let first = hand.last else { return garbledLabel.flatMap { beside($0) ? nil : Double($0.box.x1) } }
        // The garbled label before the hand (`¡ A7) /BC-UBND` for `Số: 297`): the field starts
        // after it, not where OCR's box of the hand begins, which leaves out a light stroke
        // (the 2's tail).
        if let l = garbledLabel, l.box.x1 <= first.box.x0 { return Double(l.box.x1) }
        // The label OCR ran into the hand and read as tall as it (`Số:4` read `se:tÍ`, `Số:05`
        // read `sø.C2`, `Số: 7` read `sẽ:`, the 7 taken for the colon): one to three letters and
        // a colon (or the period OCR made of it) open the word, and the field starts after the colon.
        let text = Array(first.text)
        if let colon = text.firstIndex(where: { $0 == ":" || $0 == "." }), (1...3).contains(colon), text[..<colon].allSatisfy(\.isLetter) {
            return Double(first.box.x0) + letter * Double(colon + 1)
        }
        return Double(first.box.x0) - Double(printHeight) * 0.2
    }

    /// No `Số` label was read: the symbol (`/KH-UBND`) and the print before it bound the field.
    private static func numberFieldBySymbol(_ words: [Word]) -> Field? {
        for w in words {
            let t = Array(w.text)
            guard t.count >= 3 else { continue }
            let slashed = t[0] == "/" && (t[1].isUppercase || symbolGarbled(t.dropFirst()))
                && (w.text.contains("-") || t.count <= 6 || symbolGarbled(t.dropFirst()))
            guard slashed || slashLostSymbol(w.text) else { continue }
            let m = metrics(words, near: w.box)
            guard !handMadeSlash(w, after: w.text.dropFirst(), printHeight: m.height) else { continue }
            guard let start = startOfHandwriting(before: w, in: words, printHeight: m.height, letter: m.letter,
                                                    label: PageMarkWords.numberLabel.count + 1) else { continue }
            return field(x0: start + Double(m.height) * 0.1, x1: Double(w.box.x0) - Double(m.height) * 0.1,
                         anchor: w.box, height: m.height)
        }
        return nil
    }

    /// A symbol whose slash and first letters OCR garbled into one word with no slash
    /// (`u5ND-KTTH` for `/UBND-KTTH`): a short head with two capitals or digits, a dash, and the
    /// issuer's or department's capitals after it.
    static func slashLostSymbol(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, !text.contains("/"), (2...5).contains(parts[0].count), parts[1].count >= 2 else { return false }
        return parts[1].allSatisfy { $0.isUppercase && $0.isLetter }
            && parts[0].filter({ $0.isUppercase || $0.isNumber }).count >= 2 && parts[0].contains(where: \.isUppercase)
    }

    /// No `ngày` was read: the row's `tháng` followed by `năm` or a year bounds the day on the right.
    private static func dateFieldsByMonth(_ words: [Word]) -> (Field?, Field?, Int)? {
        for w in words where w.folded.hasPrefix(PageMarkWords.monthLabel) && w.folded.count <= PageMarkWords.monthLabel.count + 1 {
            let after = words.filter { sameRow($0.box, w.box) && $0.box.x0 > w.box.x0 }
            guard after.contains(where: { $0.folded.hasPrefix(PageMarkWords.yearLabel) || ($0.text.count == 4 && $0.text.allSatisfy(\.isNumber)) }) else { continue }
            let m = metrics(words, near: w.box)
            guard let start = startOfHandwriting(before: w, in: words, printHeight: m.height, letter: m.letter,
                                                    label: PageMarkWords.dayLabel.count) else { continue }
            let monthRange = w.folded.range(of: PageMarkWords.monthLabel)!
            let end = rightEdge(before: monthRange, in: w, letter: m.letter)
            // The month between `tháng` and `năm`, written by hand too on some forms.
            let month = monthField(after: w, label: monthRange, row: after.sorted { $0.box.x0 < $1.box.x0 }, words: words,
                                   height: m.height, letter: m.letter, anchor: w.box)
            return (field(x0: start + Double(m.height) * 0.1, x1: end.x - Double(m.height) * 0.1,
                          anchor: w.box, height: m.height, right: end.span), month, w.box.y0)
        }
        return nil
    }

    /// A word taller than print with nothing of a symbol after its slash (no dash, fewer than
    /// three capitals) is the hand OCR made a slash of (`06` read `/Â&...`); the hand run into
    /// the symbol (`/#⁄/UBND-`) still holds the symbol.
    private static func handMadeSlash(_ w: Word, after: Substring, printHeight: Int) -> Bool {
        Double(w.box.height) > Double(printHeight) * handWord && !after.contains("-") && !symbolGarbled(after)
    }

    /// Width of a character of a cleanly read symbol, in lower-case letters (see `numberField`).
    static let cleanSymbolLetter = 1.15

    /// A symbol as printed, read cleanly (`KH-UBND`, `2022/QĐ-UBND`, `CV/TU`): two characters or
    /// more, capitals (Đ), digits, dashes and slashes only, starting with a capital or a digit.
    static func cleanSymbol(_ s: Substring) -> Bool {
        guard s.count >= 2, let first = s.first, first.isUppercase || first.isNumber else { return false }
        return s.allSatisfy { ($0.isUppercase && $0.isLetter) || ($0.isNumber && $0.isASCII) || $0 == "-" || $0 == "/" }
    }

    /// Whether a symbol begins the text after a slash or dash: a year (`2022/QĐ-UBND`, after a
    /// slash only), two capitals or more (`KH`, `UBND`), or a garbled symbol's capitals. One
    /// capital and specks after the hand's slash (`Số:.424/Ý....`, OCR's reading of a 29 and the
    /// dotted line) is the hand, and the symbol is further on; so are digits after a dash
    /// (`Số..-2ỔC`: a stroke of a 38 read as a dash), as a symbol's dash is followed by the
    /// issuer's capitals.
    static func symbolBegins(_ after: Substring, afterDash: Bool) -> Bool {
        guard let first = after.first else { return false }
        return first.isNumber && !afterDash || first.isUppercase && after.filter(\.isUppercase).count >= 2 || symbolGarbled(after)
    }

    /// A symbol whose first letters OCR garbled (`/rB-UBND`, `/mc.UBND`): its issuer's capitals
    /// still follow.
    static func symbolGarbled<S: Sequence>(_ rest: S) -> Bool where S.Element == Character {
        rest.filter(\.isUppercase).count >= 3
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
    private static func field(x0: Double, x1: Double, anchor: Box, height: Int,
                              left: ClosedRange<Int>? = nil, right: ClosedRange<Int>? = nil) -> Field? {
        // A side still to be found in the ink may move: the guess need not leave room yet.
        guard x1 - x0 >= Double(height) * 0.4 || (left != nil || right != nil) && x1 - x0 >= Double(height) * -0.5 else { return nil }
        // Written digits stand on the print's baseline but are often twice its height or more: a
        // box only a little taller than the print cuts their tops (a 9 read as a 4, a 3 as a 5).
        let y0 = anchor.y0 - height * 3 / 2, y1 = anchor.y1 + height / 2
        return Field(box: Box(x0: Int(x0), y0: max(0, y0), x1: max(Int(x0) + 1, Int(x1)), y1: y1), lineHeight: height,
                     leftSpan: left, rightSpan: right)
    }

    /// `Số:` … `/SYMBOL`.
    private static func numberField(_ words: [Word]) -> Field? {
        for (i, w) in words.enumerated() {
            let f = w.folded
            guard f.hasPrefix(PageMarkWords.numberLabel) else { continue }
            var rest = f.dropFirst(PageMarkWords.numberLabel.count)
            let colon = rest.hasPrefix(":")
            let labelLength = PageMarkWords.numberLabel.count + (colon ? 1 : 0)
            if colon { rest = rest.dropFirst() }
            // `Số:`, `Số`, or the label run into the digits (`Số:660`, `Số:660/TB`; after the colon
            // OCR may make letters of the hand, `Số:ổ0`), not a word like `sở`+letters.
            guard colon || rest.isEmpty || rest.first.map({ !$0.isLetter }) == true else { continue }
            let m = metrics(words, near: w.box)
            let start = labelLength == f.count ? wordEnd(w, letters: labelLength, letter: m.letter, next: nextOnRow(w, words))
                : estimatedEnd(of: w, letters: labelLength, letter: m.letter)
            // The symbol: the first word on the row from here with a `/` or `-` before capitals.
            // Left to right along the row, not in reading order: on a page turned a little the
            // symbol can start a few pixels higher than the label and sort before it.
            let candidates = [w] + words.indices.filter { $0 != i && sameRow(words[$0].box, w.box) && words[$0].box.x0 > w.box.x0 }
                .map { words[$0] }.sorted { $0.box.x0 < $1.box.x0 }
            var end: Double?
            var endSpan: ClosedRange<Int>?
            for c in candidates {
                guard var slash = c.text.firstIndex(where: { $0 == "/" || $0 == "-" }) else { continue }
                // In a word OCR ran from the label over the hand into the symbol
                // (`số:...É..⁄/Ÿ1.../KH-UBND`), the hand may hold a slash too: the symbol begins at
                // the first slash followed by nothing but a symbol's characters (`/KH-UBND`,
                // `/2022/QĐ-UBND`), where there is one. Not in a word that opens with its slash
                // (`/rB-UBND`: the symbol, garbled) nor at a dash (`5Z8/rB-UBND`: its body).
                var cleanAfterHand = false
                if slash != c.text.startIndex, !cleanSymbol(c.text[c.text.index(after: slash)...]),
                   let clean = c.text.indices.first(where: { i in
                       i > slash && c.text[i] == "/" && cleanSymbol(c.text[c.text.index(after: i)...])
                   }) { slash = clean; cleanAfterHand = true }
                // The symbol stands on the label's line; digits written above it, that OCR read
                // as a line of their own (`109` read `J/V2`), do not.
                guard c.box == w.box || Double(abs(c.box.y1 - w.box.y1)) <= Double(m.height) * 0.6 else { continue }
                let after = c.text[c.text.index(after: slash)...]
                guard c.box == w.box || !handMadeSlash(c, after: after, printHeight: m.height) else { continue }
                guard symbolBegins(after, afterDash: c.text[slash] == "-") else { continue }
                let before = c.text.distance(from: c.text.startIndex, to: slash)
                // Before a dash in a word of its own, the head may be the symbol's too, and the
                // word is the symbol alone: capitals, its slash lost (`UBND-VX`), not digits run
                // into it; or up to four letters in a word no taller than print, its slash lost
                // and letters garbled (`mn-uBND` for `/TB-UBND`, `uBND-KTTH` for `/UBND-KTTH`),
                // where the hand run into the symbol would stand taller (1816 read 18261, `/T`
                // taken into the field).
                let head = c.text[..<slash]
                let symbolHead = c.box != w.box && c.text[slash] == "-"
                    && (before >= 2 && head.allSatisfy(\.isUppercase)
                        || before <= 4 && head.allSatisfy(\.isLetter) && Double(c.box.height) < Double(m.height) * handHeight)
                if before == 0 || symbolHead { end = Double(c.box.x0) }
                else {
                    // Print after the slash is measured from the right: capitals are about one
                    // and a half of a lower-case letter.
                    // A symbol read cleanly after the hand is all there, its slash and dash
                    // (narrow) included: about 1.15 of a lower-case letter a character on
                    // generated letters (`/KH-UBND` 246 pixels beside letters of 25 to 29), and
                    // the guess may err either way.
                    let printed = Double(after.count + 1) * m.letter * (cleanAfterHand ? cleanSymbolLetter : 1.5)
                    let guess = max(start.x, Double(c.box.x1) - printed)
                    end = guess
                    endSpan = Int(guess - m.letter * (cleanAfterHand ? 1 : 1.0 / 3))...Int(guess + m.letter)
                }
                break
            }
            // No symbol on the row: this `Số`/`Sở` is not the number's label (`SỞ TÀI CHÍNH`).
            guard let stop = end else { continue }
            guard let field = field(x0: start.x + Double(m.height) * 0.1, x1: stop - Double(m.height) * 0.1,
                                    anchor: w.box, height: m.height, left: start.span, right: endSpan) else { continue }
            return field
        }
        return nil
    }

    /// The month's field after `tháng` (`monthWord`, its label at `label`) up to `năm` on the
    /// row (`row`, left to right), written by hand too on some forms; nil when neither `năm`
    /// nor a year follows.
    private static func monthField(after monthWord: Word, label: Range<String.Index>, row: [Word], words: [Word],
                                   height: Int, letter: Double, anchor: Box) -> Field? {
        let start = leftEdge(after: label, in: monthWord, letter: letter, next: nextOnRow(monthWord, words))
        let end: Edge
        if let yearWord = row.first(where: { $0.folded.hasPrefix(PageMarkWords.yearLabel) || $0.folded.contains(" " + PageMarkWords.yearLabel) }) {
            end = rightEdge(before: yearWord.folded.range(of: PageMarkWords.yearLabel)!, in: yearWord, letter: letter)
        } else if let yearWord = row.first(where: { isYear($0.text) }) {
            // `năm` OCR ran into a hand-written month (`tháng 4:¿.. 2026`): the month ends about
            // `năm ` before the year, its gap to be found in the ink.
            let letters = Double(PageMarkWords.yearLabel.count + 1)
            let x = Double(yearWord.box.x0) - letter * letters
            let lo = Int(x - letter / 3), hi = Int(Double(yearWord.box.x0) - letter * (letters - 1.5))
            end = Edge(x: x, span: lo...max(lo, hi))
        } else { return nil }
        return field(x0: start.x + Double(height) * 0.1, x1: end.x - Double(height) * 0.1,
                     anchor: anchor, height: height, left: start.span, right: end.span)
    }

    /// A year as a letter writes it in full (`2026`).
    static func isYear(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .punctuationCharacters)
        return t.count == 4 && t.allSatisfy(\.isNumber) && PageMarkWords.yearCenturies.contains { t.hasPrefix($0) }
    }

    /// `ngày` … `tháng` … `năm`.
    private static func dateFields(_ words: [Word]) -> (Field?, Field?, Int)? {
        for w in words {
            guard let range = w.folded.range(of: PageMarkWords.dayLabel) else { continue }
            let row = words.filter { sameRow($0.box, w.box) && $0.box.x0 >= w.box.x0 }.sorted { $0.box.x0 < $1.box.x0 }
            guard let monthWord = row.first(where: { $0.folded.contains(PageMarkWords.monthLabel) }) else { continue }
            let m = metrics(words, near: w.box)
            let dayStart = leftEdge(after: range, in: w, letter: m.letter, next: nextOnRow(w, words))
            let monthRange = monthWord.folded.range(of: PageMarkWords.monthLabel)!
            let dayEnd = rightEdge(before: monthRange, in: monthWord, letter: m.letter)
            let day = field(x0: dayStart.x + Double(m.height) * 0.1, x1: dayEnd.x - Double(m.height) * 0.1,
                            anchor: w.box, height: m.height, left: dayStart.span, right: dayEnd.span)
            let month = monthField(after: monthWord, label: monthRange, row: row.filter { $0.box.x0 >= monthWord.box.x0 },
                                   words: words, height: m.height, letter: m.letter, anchor: w.box)
            return (day, month, w.box.y0)
        }
        return nil
    }

    /// Where a label inside a word ends: its start plus the label's letters when more follows it,
    /// else the word's end, unless the word's box is far wider than its letters (OCR took the
    /// hand-written digits after `ngày` into its box) or the next word starts inside it.
    private static func leftEdge(after label: Range<String.Index>, in w: Word, letter: Double, next: Word?) -> Edge {
        let letters = w.folded.distance(from: w.folded.startIndex, to: label.upperBound)
        if label.upperBound == w.folded.endIndex { return wordEnd(w, letters: letters, letter: letter, next: next) }
        return estimatedEnd(of: w, letters: letters, letter: letter)
    }

    /// A box this much wider than its letters holds more than its letters.
    static let swallowedRatio = 1.35

    /// The end of a word that is the label alone: its box's end, or, when the box is too wide or
    /// the next word begins inside it, a guess from its letters, to be found in the ink.
    private static func wordEnd(_ w: Word, letters: Int, letter: Double, next: Word?) -> Edge {
        let expected = letter * Double(letters)
        if Double(w.box.width) > expected * swallowedRatio { return estimatedEnd(of: w, letters: letters, letter: letter) }
        if let n = next, n.box.x0 < w.box.x1 {
            let e = estimatedEnd(of: w, letters: letters, letter: letter)
            return Edge(x: max(Double(n.box.x0), min(e.x, Double(w.box.x1))), span: e.span)
        }
        return Edge(x: Double(w.box.x1))
    }

    /// The end of the first `letters` letters of `w`, guessed, with the span its gap lies in: a
    /// letter and a half before the guess (a narrow label) to a third of one after.
    private static func estimatedEnd(of w: Word, letters: Int, letter: Double) -> Edge {
        let x = Double(w.box.x0) + letter * Double(letters)
        let lo = Int(Double(w.box.x0) + letter * max(0.5, Double(letters) - 1.5)), hi = Int(x + letter / 3)
        return Edge(x: x, span: lo...max(lo, hi))
    }

    private static func nextOnRow(_ w: Word, _ words: [Word]) -> Word? {
        words.filter { $0.box.x0 > w.box.x0 && sameRow($0.box, w.box) }.min { $0.box.x0 < $1.box.x0 }
    }

    /// Where a label inside a word begins: the word's start when nothing precedes it (unless its
    /// box is far wider than its letters: OCR took the digits before `tháng` into it), else the
    /// word's end less the label's letters and what follows.
    private static func rightEdge(before label: Range<String.Index>, in w: Word, letter: Double) -> Edge {
        let letters = w.folded.distance(from: label.lowerBound, to: w.folded.endIndex)
        if label.lowerBound == w.folded.startIndex, Double(w.box.width) <= letter * Double(letters) * swallowedRatio {
            return Edge(x: Double(w.box.x0))
        }
        let x = Double(w.box.x1) - letter * Double(letters)
        let lo = Int(x - letter / 3), hi = Int(Double(w.box.x1) - letter * max(0.5, Double(letters) - 1.5))
        return Edge(x: x, span: lo...max(lo, hi))
    }

    // MARK: - Sides found in the ink

    /// The field with each guessed side moved to the label's gap: the blank columns (across the
    /// field's rows) nearest the guess inside its span, on the label's side. A label touching
    /// the digits leaves no gap, and the guess stands.
    static func refined(_ field: Field, columnInk: (Box) -> [Int]?) -> Field {
        guard field.leftSpan != nil || field.rightSpan != nil else { return field }
        var out = field
        let minGap = max(2, field.lineHeight / 12)
        let rows = printRows(cropHeight: field.box.height, lineHeight: field.lineHeight)
        let band = (y0: field.box.y0 + rows.lowerBound, y1: field.box.y0 + rows.upperBound + 1)
        if let span = field.leftSpan {
            let box = Box(x0: span.lowerBound, y0: band.y0, x1: span.upperBound + 1, y1: band.y1)
            if let cols = columnInk(box), let gap = gaps(cols, minimum: minGap).last {
                // The field starts where the gap ends (the rightmost gap: the label's last letter is before it).
                out.box.x0 = box.x0 + gap.upperBound
            }
        }
        if let span = field.rightSpan {
            let box = Box(x0: span.lowerBound, y0: band.y0, x1: span.upperBound + 1, y1: band.y1)
            if let cols = columnInk(box), let gap = gaps(cols, minimum: minGap).first {
                out.box.x1 = box.x0 + gap.lowerBound
            }
        }
        out.leftSpan = nil; out.rightSpan = nil
        if out.box.x1 - out.box.x0 < field.lineHeight * 2 / 5 { out.box = field.box }
        return out
    }

    /// Runs of blank columns at least `minimum` wide, as index ranges.
    static func gaps(_ columns: [Int], minimum: Int) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        var start: Int?
        for (i, c) in columns.enumerated() {
            if c == 0 { if start == nil { start = i } }
            else if let s = start { if i - s >= minimum { out.append(s...(i - 1)) }; start = nil }
        }
        if let s = start, columns.count - s >= minimum { out.append(s...(columns.count - 1)) }
        return out
    }
}
