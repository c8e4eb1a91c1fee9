import Foundation

/// The header of a letter (Nghị định 30/2020, Phụ lục I, ô 1–4): the issuer block and the
/// number on the left, the national motto and `place, ngày … tháng … năm …` on the right. Text
/// extractors give it in any order: the two columns on separate lines, run together on one line,
/// or side by side with a run of spaces between.
struct Header {
    var issuer: Issuer?
    var number: LetterNumber?
    var numberLine: Int?
    var place: String?
    var date: CalendarDate?
    var dateLine: Int?
    /// The last digit OCR read of a day it garbled (`44` → 4), to check a day found elsewhere.
    var garbledDayLastDigit: Int?
    /// The number's digits were there but illegible: the number is given blank.
    var numberGarbled = false
    var urgency: Urgency?
    /// The last line that belongs to the header block (number, motto, date or issuer).
    var lastLine: Int = -1
    var warnings: [LetterWarning] = []
}

enum HeaderParser {
    /// How far down the page the header may reach, in non-blank lines.
    static let maxHeaderLines = 30

    static func parse(_ doc: LetterLines, stripped: Bool) -> Header {
        var h = Header()
        var issuerLines: [String] = []
        var seen = 0
        var i = 0
        var stop = false
        // `Kính gửi` came before the date: OCR read the left column first, and the motto and the
        // place and date are still to come. Only short lines are looked at then.
        var awaitingDate = false, lastBeforeRecipients = -1
        // The kind's title (`BÁO CÁO`) ends the header but for a few lines (subject, a date OCR
        // put after it): a report with neither number nor date is not scanned 30 lines deep.
        var titleSeenAt: Int?
        while i < doc.count && seen < maxHeaderLines && !stop {
            let line = doc[i]
            defer { i += 1 }
            if line.isBlank { continue }
            if let t = titleSeenAt, seen - t > 8 { break }
            if awaitingDate {
                if h.date != nil || LetterKeywords.bodyStart.test(line.folded.trimmedFast) { break }
                if line.text.utf16.count > 80 { continue }
            }
            if let n = h.numberLine, let d = h.dateLine, i > max(n, d) + 2, h.number != nil { break }
            // A paragraph: no header line is this long, even with its two columns run together.
            if line.text.utf16.count > 220 { break }
            seen += 1
            if LetterKeywords.stampLine.test(line.folded) {
                // A digital-signature box (name, e-mail, time) sits above the header: the lines
                // taken so far were its signer's name, not the issuer.
                if h.numberLine == nil && h.dateLine == nil { issuerLines.removeAll() }
                continue
            }
            if LetterKeywords.noiseLine.test(line.folded) { continue }
            for (p, u) in LetterKeywords.urgencyMarks where p.test(line.folded) { h.urgency = u }
            if h.urgency != nil && LetterKeywords.urgencyMarks.contains(where: { $0.0.test(line.folded) }) { continue }

            // Work on the line with the parts we recognise cut out, left to right.
            var rest = line.text
            var restFolded = line.folded
            var isHeaderLine = false

            if let r = mottoRange(restFolded) {
                isHeaderLine = true
                let right = rest.slice(from: r.upperBound, to: rest.utf16Length)
                let rightFolded = restFolded.slice(from: r.upperBound, to: restFolded.utf16Length)
                rest = rest.slice(from: 0, to: r.lowerBound)
                restFolded = restFolded.slice(from: 0, to: r.lowerBound)
                // A date may sit after the motto on a run-together line.
                if h.date == nil, let d = parseDate(right, rightFolded) { apply(d, line: i, to: &h) }
            }
            if h.number == nil, let m = LetterKeywords.numberLabel.firstMatch(in: restFolded) {
                let after = m.range.location + m.range.length
                let tail = rest.slice(from: after, to: rest.utf16Length)
                var parsed = NumberParser.parse(tail)
                // A slash among the hand's debris, letters after it (`số: / Zhí /TB-UBND`), parsed
                // as a blank number whose symbol has no dash: where a symbol with a dash follows,
                // that one is the letter's (a blank `Số: /UBND` alone stands).
                if let p = parsed, p.0.seq == nil, !(p.0.symbol ?? "").contains("-"),
                   let later = symbolAlone(tail, debris: maxDebrisAfterLabel), later.end > p.1 {
                    parsed = (later.number, later.end); h.numberGarbled = true
                }
                // A handwritten number OCR garbled (`Số:4@\` /TB-UBND`, `Số: v/ ự ô /BC-UBND`): the
                // printed symbol is still good, so the number is given blank with a warning rather
                // than lost.
                if parsed == nil, let blank = symbolAlone(tail, debris: maxDebrisAfterLabel) ?? symbolWithoutSlash(tail) {
                    parsed = (blank.number, blank.end)
                    h.numberGarbled = true
                }
                if let (n, used) = parsed {
                    h.number = n; h.numberLine = i; isHeaderLine = true
                    let beforeNumber = rest.slice(from: 0, to: m.range.location)
                    let afterNumber = tail.slice(from: used, to: tail.utf16Length)
                    if h.date == nil, let d = parseDate(afterNumber, Folding.fold(afterNumber)) { apply(d, line: i, to: &h) }
                    rest = beforeNumber; restFolded = Folding.fold(beforeNumber)
                } else if m.range.location == 0 || tail.trimmedFast.isEmpty || !tail.contains(where: \.isLetter) {
                    // `Số:` with nothing legible after it. The place and date beside it are
                    // read all the same.
                    h.numberLine = i; isHeaderLine = true
                    if h.date == nil, let d = parseDate(tail, Folding.fold(tail)) { apply(d, line: i, to: &h) }
                    rest = rest.slice(from: 0, to: m.range.location); restFolded = Folding.fold(rest)
                }
            }
            // No `Số:` read at all, the label and the hand-written digits garbled together
            // (`so/n r5 †} /KH-UBND`) or lost (`/BC-UBND` alone): the printed symbol still says
            // where the number is, and the number is given blank for the digit reader to fill.
            // The symbol gone to a later line, the garbled digits left behind with `Số:` (`Số: &'}5`,
            // taken for a received stamp's field, then, after the motto, `/UBND-KTTH Bình Dương,
            // ngày …`): it starts that line, before the date.
            if h.number == nil, h.date == nil, h.numberLine.map({ $0 < i }) ?? true, let lead = symbolLeading(rest) {
                h.number = lead.number; h.numberGarbled = true; isHeaderLine = true
                if h.numberLine == nil { h.numberLine = i }
                rest = rest.slice(from: lead.end, to: rest.utf16Length); restFolded = Folding.fold(rest)
            }
            if h.number == nil, h.numberLine == nil, h.dateLine.map({ $0 >= i - 1 }) ?? true,
               let blank = symbolAlone(rest) {
                h.number = blank.number; h.numberLine = i; h.numberGarbled = true; isHeaderLine = true
                let after = rest.slice(from: blank.end, to: rest.utf16Length)
                if h.date == nil, let d = parseDate(after, Folding.fold(after)) { apply(d, line: i, to: &h) }
                rest = rest.slice(from: 0, to: blank.start); restFolded = Folding.fold(rest)
            }
            if h.date == nil, let d = parseDate(rest, restFolded) {
                apply(d, line: i, to: &h); isHeaderLine = true
                rest = rest.slice(from: 0, to: d.placeStart); restFolded = Folding.fold(rest)
            }
            // The body, the subject or the recipients begin: the header is over.
            let f = restFolded.trimmedFast
            let isSubject = LetterKeywords.subjectLabel.test(f)
            let isRecipients = !isSubject && LetterKeywords.recipientsLabel.test(f)
            let isBody = !isSubject && !isRecipients && LetterKeywords.bodyStart.test(f)
            let isKindTitle = !isSubject && !isRecipients && !isBody && TitleParser.kindTitle(Line(index: i, text: rest)) != nil
            if isSubject || isRecipients || isBody || isKindTitle {
                if isHeaderLine { h.lastLine = i }
                if isKindTitle && titleSeenAt == nil { titleSeenAt = seen }
                // V/v may come before the motto and date (seed s004): keep looking for them.
                if isSubject && h.date == nil { continue }
                if isRecipients && h.date == nil && h.number != nil {
                    awaitingDate = true; lastBeforeRecipients = h.lastLine; continue
                }
                if h.date != nil || h.number != nil || isBody || isRecipients { stop = true }
                continue
            }
            if isHeaderLine { h.lastLine = i }
            // What is left on the left of the header is the issuer, above the number.
            let left = (rest.columns.first ?? "").collapsedSpaces.trimming(" -–_*.:")
            if h.numberLine == nil && h.dateLine.map({ $0 < i }) != true && isIssuerText(left) {
                issuerLines.append(left)
                h.lastLine = max(h.lastLine, i)
            }
        }
        if let n = h.number, n.seq == nil, !h.numberGarbled { h.warnings.append(.numberBlank(printed: n.text)) }
        // The recipients' lines are not the header's, whatever came after them.
        if awaitingDate { h.lastLine = lastBeforeRecipients }
        if h.number == nil && h.numberLine != nil { h.warnings.append(.numberUnreadable) }
        h.issuer = issuer(from: issuerLines, stripped: stripped)
        return h
    }

    // MARK: - Motto

    private static let partyKey = "dangcongsanvietnam"
    /// The national motto and the Party's heading (`PageMarkWords.mottoLines`), never part of the
    /// issuer: matched with spaces ignored and up to ~1 error in 6 letters.
    private static let mottoKeys: [String] = PageMarkWords.mottoLines.map { $0.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "") }

    /// The range of the national motto (or the Party heading) in a folded line, allowing OCR slips.
    static func mottoRange(_ folded: String, original: String? = nil) -> Range<Int>? {
        // The shortest motto line has 18 letters; body lines are long: skip both quickly.
        let n = folded.utf16.count
        guard n >= 16 && n <= 160 else { return nil }
        let f = folded.utf8.contains(0x2D) ? Folding.string(utf16: folded.utf16.map { $0 == 0x2D ? 0x20 : $0 }) : folded
        for key in mottoKeys {
            if let r = Fuzzy.find(key, in: f, maxErrors: max(1, key.count / 7)) {
                // `Đảng Cộng sản Việt Nam` in running text is not the Party's heading: that one is
                // printed in capitals (the caller's line is folded, so look at its length instead:
                // the heading stands alone on its line or beside the issuer).
                if key == partyKey && f.utf16.count - (r.upperBound - r.lowerBound) > 40 { continue }
                if key == partyKey, let o = original, !o.slice(from: r.lowerBound, to: r.upperBound).isUpperCaseText { continue }
                // Swallow the dashes and spaces around it.
                var lo = r.lowerBound, hi = r.upperBound
                let u = Array(folded.utf16)
                while hi < u.count, u[hi] == 0x20 || u[hi] == 0x2D || u[hi] == 0x2A { hi += 1 }
                while lo > 0, u[lo - 1] == 0x20 || u[lo - 1] == 0x2A { lo -= 1 }
                return lo..<hi
            }
        }
        return nil
    }

    // MARK: - Place and date


    struct PlaceDate {
        var place: String?; var date: CalendarDate; var placeStart: Int; var impossible: LetterWarning?
        var garbledDayLastDigit: Int? = nil
    }

    static func parseDate(_ text: String, _ folded: String) -> PlaceDate? {
        guard let m = DateGrammar.placeDate.firstMatch(in: folded) ?? placeDateWithoutComma(text, folded) else { return nil }
        let year = Int(folded.slice(m.range(at: 3)))!
        let monthText = folded.slice(m.range(at: 2))
        let dayText = folded.slice(m.range(at: 1))
        let dayDigits = dayText.filter(\.isNumber)
        let monthMatch = DateGrammar.cleanMonth.firstMatch(in: monthText)
        let month = monthMatch.flatMap { Int(monthText.slice($0.range(at: 1))) }
        let monthGarbled = monthMatch == nil
        // A handwritten day that OCR garbled (`ngày/{5`, `ngày 34|`) is not trusted: left blank.
        let clean = DateGrammar.cleanDay.test(dayText)
        let day = clean && dayDigits.count >= 1 && dayDigits.count <= 2 ? Int(dayDigits) : nil
        var date = CalendarDate(year: year, month: month, day: month == nil ? nil : day)
        var impossible: LetterWarning? = nil
        if let mo = month, let d = date.day, CalendarDate.valid(year, mo, d) == nil {
            impossible = .dayDoesNotExist(day: d, month: mo, year: year)
            date.day = nil
        }
        if let mo = month, !(1...12).contains(mo) {
            impossible = .monthDoesNotExist(month: mo); date.month = nil; date.day = nil
        }
        if monthGarbled { impossible = .monthIllegible(year: year) }
        // The place: the words before the comma that are not the issuer (upper case) or the number.
        let before = text.slice(from: 0, to: m.range.location)
        let seg = (before.columns.last ?? before)
        var words = seg.split(separator: " ").map(String.init)
        var placeWords: [String] = []
        while let w = words.last {
            let isUpper = w.count > 2 && w.isUpperCaseText && !(placeWords.isEmpty && w.hasSuffix("."))
            if isUpper && !placeWords.isEmpty { break }
            if isUpper && w.count > 3 { break }
            placeWords.insert(w, at: 0); words.removeLast()
            if placeWords.count >= 5 { break }
        }
        var place = placeWords.joined(separator: " ").trimming(" *-_.:")
        if let canonical = Names.canonicalPlace(place) { place = Names.asWritten(place, canonical: canonical) }
        let placeStart = before.utf16Length - seg.utf16Length + max(0, seg.utf16Length - placeWords.joined(separator: " ").utf16Length)
        let garbledLast = date.day == nil && date.month != nil ? dayDigits.last.flatMap { Int(String($0)) } : nil
        return PlaceDate(place: place.isEmpty ? nil : place, date: date, placeStart: max(0, placeStart), impossible: impossible,
                         garbledDayLastDigit: garbledLast)
    }

    /// `Hà Nội ngày … tháng … năm 2025`, the comma OCR lost: taken only where the one to three
    /// words before `ngày` are a place's name (`Names`; folded, so `Hà Nói` is `Hà Nội`).
    private static func placeDateWithoutComma(_ text: String, _ folded: String) -> NSTextCheckingResult? {
        // Each start in turn: the place's own words may begin like `ngày` (`Quảng Ngãi ngày`).
        var from = 0
        while let m = DateGrammar.placeDateWithoutComma.firstMatch(in: folded, from: from) {
            let words = text.slice(from: 0, to: m.range.location).split(separator: " ")
            for n in 1...3 where words.count >= n {
                if Names.canonicalPlace(words.suffix(n).joined(separator: " ")) != nil { return m }
            }
            from = m.range.location + 1
        }
        return nil
    }

    private static func apply(_ d: PlaceDate, line: Int, to h: inout Header) {
        h.date = d.date; h.place = d.place; h.dateLine = line; h.garbledDayLastDigit = d.garbledDayLastDigit
        if let w = d.impossible { h.warnings.append(w) }
    }

    // MARK: - Issuer

    /// A number's printed symbol with no legible label or digits before it, in the line's first
    /// column or, when OCR's `|` cut the debris off as a column of its own (`Sốc | Ý /KH-UBND`),
    /// its second: `/KH-UBND`, `lon Da. /UBND-KTTH`, `so/n r5 †} /KH-UBND`,
    /// `Số...Z.Š lá, &;Z.. /BC-UBND` (at most `maxDebris` characters of debris before the slash).
    /// The symbol must have a dash (`KH-UBND`), as a letter's symbol has and the issuer's lines and
    /// the motto never do, and end the column but for marks, digits or a few letters of debris with no
    /// date's digits (`/UBND-KTTH /Z_`, `/BC-UBND : Lực`) or a place and date the layout ran into
    /// it, so the date beside it is never taken for debris and lost. Digits with no date word
    /// after them are the hand's, read by OCR and put after the symbol by the layout
    /// (`Số: *s /UBND-KTTH '4`, `Số: + | /BC-UBND 26` for a hand-written 27): a day stands with
    /// `ngày`, `tháng` or `năm`. Returns the blank number, where the column starts and where the
    /// symbol ends (UTF-16 offsets).
    static func symbolAlone(_ text: String, debris maxDebris: Int = maxDebris) -> (number: LetterNumber, start: Int, end: Int)? {
        let columns = text.columns
        for (k, column) in columns.prefix(2).enumerated() {
            // A first column passed over is debris, not the issuer's words.
            if k == 1 && columns[0].count > maxDebris { break }
            for slash in column.indices.reversed() where column[slash] == "/" {
                guard column.distance(from: column.startIndex, to: slash) <= maxDebris else { continue }
                // Specks OCR read between the slash and the symbol (`/.UBND-KTTH`, the dotted
                // leader run into it) are passed over.
                let specks = column[column.index(after: slash)...].prefix { symbolSpecks.contains($0) }.utf16.count
                let fromSlash = "/" + String(column[column.index(after: slash)...]).dropFirst(specks)
                guard let (n, symbolUsed) = blankNumber(fromSlash) else { continue }
                let used = symbolUsed + specks
                let afterSymbol = fromSlash.slice(from: symbolUsed, to: fromSlash.utf16Length)
                let debris = afterSymbol.filter { $0.isLetter || $0.isNumber }
                guard let at = text.range(of: column) else { continue }
                let start = text.utf16.distance(from: text.utf16.startIndex, to: at.lowerBound.samePosition(in: text.utf16)!)
                let slashOffset = column.utf16.distance(from: column.utf16.startIndex, to: slash.samePosition(in: column.utf16)!)
                let end = start + slashOffset + used
                // Or the place and date, run into the same column (`/UBND-KTTH Quảng Ngãi, ngày …`),
                // their day perhaps in the next (`Hà Nội, ngày    4 tháng 11`: a `|` OCR read
                // for the hand's 1 made a column gap).
                let afterInText = text.slice(from: end, to: text.utf16Length)
                let dated = debris.count > 4 && parseDate(afterInText, Folding.fold(afterInText)) != nil
                // Digits with `ngày`, `tháng` or `năm` after them are a date's, and the symbol does
                // not take them; without, they are the hand's digits OCR put after the symbol.
                let dayDigits = debris.count > 1 && debris.contains(where: \.isNumber) && dateWords.test(Folding.fold(afterSymbol))
                // However many digits (the tops of a hand-written 2042 read as a line of their
                // own, `2 242 c1`, put after the symbol), but no more than a few letters.
                guard debris.filter(\.isLetter).count <= 4 && !dayDigits || dated else { continue }
                return (n, start, end)
            }
        }
        return nil
    }

    /// A symbol whose slash OCR lost with the hand-written digits before it (`Số:..9....£==..
    /// UBND-VX`): the last word of the line's first column, capitals in parts joined by dashes,
    /// as a blank number.
    static func symbolWithoutSlash(_ text: String) -> (number: LetterNumber, start: Int, end: Int)? {
        guard let column = text.columns.first, let last = column.split(separator: " ").last,
              let at = text.range(of: column) else { return nil }
        let parts = last.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ $0.count >= 2 && $0.allSatisfy { $0.isLetter && $0.isUppercase } }),
              let (n, _) = blankNumber("/" + last) else { return nil }
        let end = text.utf16.distance(from: text.utf16.startIndex, to: at.upperBound.samePosition(in: text.utf16)!)
        return (n, end - last.utf16.count, end)
    }

    /// The words of a written date (`DateGrammar`), anywhere in folded text.
    static let dateWords = Pattern(#"\b"# + DateGrammar.anyWord + #"\b"#)

    /// Characters of debris a garbled label and digits leave before a symbol.
    static let maxDebris = 24
    /// After a `Số:` OCR read, the debris a hand-written number leaves before its symbol: four
    /// digits OCR read as letters, commas and words of their own run to 30 characters and more
    /// (`Số: é@œ- / 3 7 _ÿ,Á vÁ Phó ø, /UBND-VX`: 27, for a 6957), with the dotted leader's specks
    /// besides. The label says the symbol on its line is the letter's, so more is allowed than
    /// where no label was read.
    static let maxDebrisAfterLabel = 64
    /// Specks OCR reads from dots and grain: between a symbol's slash and its capitals they are
    /// no part of it.
    static let symbolSpecks: Set<Character> = [".", ",", ":", ";", "'", "`", "·", "_", "‘", "’"]

    /// A symbol that starts the text (`/UBND-KTTH Bình Dương, …`), with a dash as a letter's
    /// symbol has: the blank number and where the symbol ends (UTF-16 offset).
    static func symbolLeading(_ text: String) -> (number: LetterNumber, end: Int)? {
        let trimmed = text.drop { $0 == " " }
        guard trimmed.first == "/" else { return nil }
        let skipped = text.utf16.count - trimmed.utf16.count
        guard let (n, used) = blankNumber(String(trimmed)) else { return nil }
        return (n, skipped + used)
    }

    /// A number with no sequence at the start of `text` whose symbol has a dash, as a letter's
    /// symbol has and the issuer's lines and the motto never do; with the UTF-16 length used.
    static func blankNumber(_ text: String) -> (LetterNumber, Int)? {
        guard let (n, used) = NumberParser.parse(text), n.seq == nil, let symbol = n.symbol,
              symbol.contains("-"), symbol.count >= 4 else { return nil }
        return (n, used)
    }

    /// Issuer text is upper case (allowing OCR noise), not a page number or a stray mark.
    static func isIssuerText(_ s: String) -> Bool {
        var letters = 0, upper = 0
        for u in s.utf16 {
            // Latin letters only (the issuer is Vietnamese): ASCII, Latin-1, Latin Extended, Vietnamese.
            if (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u <= 0xDE && u != 0xD7) || u == 0x110 || u == 0x1A0 || u == 0x1AF
                || (u >= 0x1EA0 && u <= 0x1EF9 && u % 2 == 0) || (u >= 0x100 && u < 0x180 && u % 2 == 0 && u != 0x110) {
                letters += 1; upper += 1
            } else if (u >= 0x61 && u <= 0x7A) || (u >= 0xDF && u <= 0xFF && u != 0xF7) || (u >= 0x100 && u < 0x1B1) || (u >= 0x1EA1 && u <= 0x1EF9) {
                letters += 1
            }
        }
        guard letters >= 2 else { return false }
        return Double(upper) / Double(letters) >= 0.7
    }

    static func issuer(from lines: [String], stripped: Bool) -> Issuer? {
        var units: [String] = []
        for l in lines {
            let first = Folding.fold(l.split(separator: " ").first.map(String.init) ?? "")
            if let last = units.last, Names.issuerContinuations.contains(first) || isGenericBody(last) {
                units[units.count - 1] = last + " " + l
            } else {
                units.append(l)
            }
        }
        // A lone short word above the issuer that names no body (`THỊ` OCR'd from a title or a
        // seal above `THỦ TƯỚNG CHÍNH PHỦ`) is not its parent.
        if units.count > 1 { units.removeAll(where: Names.isStrayIssuerWord) }
        guard !units.isEmpty else { return nil }
        let restore = { (s: String) in Names.restore(s, upper: true) }
        let name = restore(units.last!)
        let parent = units.count > 1 ? restore(units.dropLast().joined(separator: " ")) : nil
        return Issuer(parent: parent, name: name)
    }

    /// A body named without its place (`ỦY BAN NHÂN DÂN`, `HỘI ĐỒNG NHÂN DÂN`): the next line says which.
    static func isGenericBody(_ s: String) -> Bool {
        Names.genericBodies.contains(Names.key(s))
    }
}
