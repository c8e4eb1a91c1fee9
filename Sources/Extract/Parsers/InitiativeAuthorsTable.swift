import Foundation

/// Reads the authors' table of an initiative report (form section I.2: Số TT, Họ và tên, Ngày
/// tháng năm sinh, Nơi công tác, Chức danh, Trình độ chuyên môn, Tỷ lệ (%), Nội dung đóng góp).
///
/// The table arrives in three shapes, told apart row by row:
/// - cells between tabs (a word processor's text) or bars (`|`, markdown or a scan of the rules);
/// - columns aligned with runs of spaces (`pdftotext -layout`), a cell wrapping onto the next
///   lines at the same column;
/// - OCR lines: cells run together with single spaces, wrapped cells on the next lines.
/// A row is recognised by its leading row number and a name after it; the cells are then told
/// by what they hold (a birth date, a share, a qualification), not by their position alone.
enum InitiativeAuthorsTable {
    /// The authors found in `lines` (the text between the I.2 heading and the next heading).
    static func read(_ lines: [String]) -> [InitiativeAuthor] {
        let topAligned = rows(in: lines).compactMap(assemble)
        // A PDF table whose cells are centred vertically prints part of each row above its
        // number: read it both ways and keep the reading that finds more.
        let centred = LayoutColumns.centredRows(lines).compactMap(assemble)
        return completeness(centred) > completeness(topAligned) ? centred : topAligned
    }

    /// Authors, birth dates and shares found: how much of the table a reading made sense of.
    static func completeness(_ authors: [InitiativeAuthor]) -> Int {
        authors.count + authors.filter { $0.birthDate != nil }.count + authors.filter { $0.share != nil }.count
    }

    // MARK: - Rows

    /// One table row as cells; a cell may still hold several fields (OCR lines).
    struct RowCells {
        let number: Int
        var cells: [String]
        /// The end of a name a scan put on the row's next line ("Nguyễn" / "Phương Thảo").
        var nameTail: [String] = []
    }

    static func rows(in lines: [String]) -> [RowCells] {
        var result: [RowCells] = []
        var current: (first: String, more: [String])?
        func flush() {
            if let c = current, let row = cells(first: c.first, continuation: c.more) { result.append(row) }
            current = nil
        }
        for raw in lines {
            let line = raw.replacingOccurrences(of: "\u{0C}", with: "")
            if isRowStart(line) { flush(); current = (line, []); continue }
            guard current != nil else { continue }
            let key = InitiativeFormHeadings.matchKey(line)
            if key.isEmpty { continue }
            if isTotalRow(key) { flush(); continue }
            current!.more.append(line)
        }
        flush()
        return result
    }

    /// A row number first, then a name: two name words, or one (the rest wrapped onto the next
    /// line) before the birth date.
    static func isRowStart(_ line: String) -> Bool {
        let words = tokens(line)
        guard words.count >= 3, InitiativeAuthorWords.rowNumber(words[0]) != nil,
              InitiativeAuthorWords.isNameWord(words[1]) else { return false }
        guard InitiativeAuthorWords.isNameWord(words[2]) || InitiativeAuthorWords.numericDate(words[2]) != nil else { return false }
        return !isHeader(line)
    }

    static func isHeader(_ line: String) -> Bool {
        let key = InitiativeFormHeadings.matchKey(line)
        return InitiativeForm.tableHeaderWords.filter { key.contains($0) }.count >= 2
    }

    /// "Tổng cộng: 100%", "Cộng 100": the sum under the table (not "Tổng hợp", a wrapped cell).
    static func isTotalRow(_ key: String) -> Bool {
        for label in ["tong cong", "tong", "cong"] where key == label || key.hasPrefix(label + " ") || key.hasPrefix(label + ":") {
            let rest = key.dropFirst(label.count)
            return rest.allSatisfy { !$0.isLetter }
        }
        return false
    }

    /// Words split on spaces, tabs and bars.
    static func tokens(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" }).map(String.init)
    }

    /// The cells of a row from its first line and the lines its wrapped cells run onto.
    static func rowNumber(of line: String) -> Int? {
        tokens(line).first.flatMap(InitiativeAuthorWords.rowNumber)
    }

    static func cells(first: String, continuation: [String]) -> RowCells? {
        guard let number = rowNumber(of: first) else { return nil }
        let bars = first.filter { $0 == "|" }.count
        let anchors = LayoutColumns.segments(first)
        if !first.contains("\t") && bars < 2 && anchors.count >= 3 {
            return RowCells(number: number, cells: LayoutColumns.merge(anchors: anchors, continuation: continuation))
        }
        // Line by line, a wrapped cell's end lands at the start of the next line: mend the birth
        // date and the name before the rest of that line is joined to the row's last cell.
        var first = first, more = continuation
        WrappedCells.mendDate(&first, &more)
        let tail = WrappedCells.nameTail(first, &more)
        let cells: [String]
        if first.contains("\t") { cells = merge(split(first, on: "\t"), more, on: "\t") }
        else if bars >= 2 { cells = merge(split(first, on: "|"), more, on: "|") }
        else { cells = [([first] + more).joined(separator: " ")] }
        return RowCells(number: number, cells: cells, nameTail: tail)
    }

    /// Cells between separators; the first cell may be empty before a leading bar.
    static func split(_ line: String, on separator: Character) -> [String] {
        var parts = line.split(separator: separator, omittingEmptySubsequences: false)
            .map { String($0).trimmedFast }
        if separator == "|" {
            if parts.first == "" { parts.removeFirst() }
            if parts.last == "" { parts.removeLast() }
        }
        return parts
    }

    /// Continuation lines with the same separators join cell by cell; others join the last cell
    /// (the contribution, the cell that wraps most).
    static func merge(_ cells: [String], _ continuation: [String], on separator: Character) -> [String] {
        var cells = cells
        for line in continuation {
            let more = split(line, on: separator)
            if more.count == cells.count {
                for i in cells.indices where !more[i].isEmpty { cells[i] = (cells[i] + " " + more[i]).trimmedFast }
            } else if let last = cells.lastIndex(where: { !$0.isEmpty }) {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" })
                if !words.isEmpty { cells[last] += " " + words.joined(separator: " ") }
            }
        }
        return cells
    }

    // MARK: - Fields

    /// A word of a row, remembering whether a cell begins with it.
    struct Word { let text: String; let startsCell: Bool }

    static func assemble(_ row: RowCells) -> InitiativeAuthor? {
        var words: [Word] = []
        for cell in row.cells where !cell.isEmpty {
            for (i, w) in tokens(cell).enumerated() { words.append(Word(text: w, startsCell: i == 0)) }
        }
        if !row.nameTail.isEmpty {
            var end = 1
            while end < words.count, InitiativeAuthorWords.isNameWord(words[end].text) { end += 1 }
            words.insert(contentsOf: row.nameTail.map { Word(text: $0, startsCell: false) }, at: end)
        }
        guard words.count >= 3 else { return nil }
        var i = 1
        // The name: the whole second cell when it is a name; otherwise the name words up to the
        // birth date, or the longest run of name words that stops at a cell boundary.
        let dateIndex = words.indices.dropFirst().first { InitiativeAuthorWords.numericDate(words[$0].text) != nil }
        var nameEnd = i
        if let d = dateIndex, (2...5).contains(d - i),
           words[i..<d].allSatisfy({ InitiativeAuthorWords.isNameWord($0.text) }) {
            nameEnd = d
        } else {
            while nameEnd < words.count, nameEnd - i < 5, InitiativeAuthorWords.isNameWord(words[nameEnd].text) {
                if nameEnd - i >= 2 && words[nameEnd].startsCell { break }
                if nameEnd - i >= 2 && startsPositionOrQualification(words, nameEnd) { break }
                if nameEnd - i >= 4 && !words[i].startsCell { break }
                nameEnd += 1
            }
        }
        guard nameEnd - i >= 2 else { return nil }
        let name = words[i..<nameEnd].map { InitiativeAuthorWords.clean($0.text) }.joined(separator: " ")
        i = nameEnd

        let (shareIndex, shareLength, share) = findShare(words, from: i)
        let middleEnd = shareIndex ?? words.count
        // The birth date stands between the name and the share; words between the name and the
        // date (a stray fragment) stay with the workplace rather than being dropped.
        var birth: CalendarDate?
        var middle = Array(words[i..<middleEnd])
        if let d = dateIndex, d >= i, d < middleEnd {
            birth = InitiativeAuthorWords.numericDate(words[d].text)
            middle = Array(words[i..<d]) + Array(words[(d + 1)..<middleEnd])
            if d + 1 < middleEnd, !middle.isEmpty, d > i {
                middle[d - i] = Word(text: middle[d - i].text, startsCell: true)
            }
        }
        let (workplace, position, qualification) = splitMiddle(shareIndex == nil ? trimTrailingContribution(middle) : middle)
        var contribution: String?
        if let s = shareIndex {
            let rest = words[(s + shareLength)...].map(\.text).joined(separator: " ")
            contribution = rest.isEmpty ? nil : rest
        }
        return InitiativeAuthor(row: row.number, name: name, birthDate: birth?.iso, workplace: workplace,
                                position: position, qualification: qualification, share: share,
                                contribution: contribution)
    }

    static func startsPositionOrQualification(_ words: [Word], _ index: Int) -> Bool {
        let folded = words[index...].prefix(5).map { Folding.fold(InitiativeAuthorWords.clean($0.text)) }
        return InitiativePhrases.match(InitiativeForm.positions, at: 0, in: folded) != nil
            || InitiativePhrases.match(InitiativeForm.qualifications, at: 0, in: folded) != nil
    }

    /// The share: a word with a percent sign (`30%`, or `30` then `%`) first; else a number alone
    /// in its cell; else, in run-together OCR lines, the first number after the qualification.
    static func findShare(_ words: [Word], from start: Int) -> (Int?, Int, Double?) {
        guard start < words.count else { return (nil, 0, nil) }
        for j in start..<words.count {
            if let v = InitiativeAuthorWords.percent(words[j].text) { return (j, 1, v) }
            if j + 1 < words.count, InitiativeAuthorWords.clean(words[j + 1].text) == "%",
               let v = InitiativeAuthorWords.number(words[j].text) { return (j, 2, v) }
        }
        for j in start..<words.count where words[j].startsCell && (j + 1 == words.count || words[j + 1].startsCell) {
            if let v = InitiativeAuthorWords.number(words[j].text), words[j].text.contains(where: \.isNumber) { return (j, 1, v) }
        }
        let folded = words.map { Folding.fold(InitiativeAuthorWords.clean($0.text)) }
        if let q = InitiativePhrases.lastMatch(of: InitiativeForm.qualifications, in: Array(folded[start...])) {
            let j = start + q.start + q.length
            if j < words.count, words[j].text.contains(where: \.isNumber), let v = InitiativeAuthorWords.number(words[j].text) {
                return (j, 1, v)
            }
        }
        return (nil, 0, nil)
    }

    /// Without a share the row's contribution cannot be told from the middle cells; keep only the
    /// words up to the qualification.
    static func trimTrailingContribution(_ words: [Word]) -> [Word] {
        let folded = words.map { Folding.fold(InitiativeAuthorWords.clean($0.text)) }
        guard let q = InitiativePhrases.lastMatch(of: InitiativeForm.qualifications, in: folded) else { return words }
        return Array(words[..<(q.start + q.length)])
    }

    /// Workplace, position and qualification from the cells between the birth date and the share.
    static func splitMiddle(_ words: [Word]) -> (String?, String?, String?) {
        guard !words.isEmpty else { return (nil, nil, nil) }
        var segments: [[String]] = []
        for w in words {
            if w.startsCell || segments.isEmpty { segments.append([w.text]) } else { segments[segments.count - 1].append(w.text) }
        }
        func text(_ ws: ArraySlice<String>) -> String? {
            let s = ws.joined(separator: " ").trimmedFast
            return s.isEmpty ? nil : s
        }
        if segments.count >= 3 {
            return (text(segments[0][...]), text(segments[1][...]), text(segments[2...].flatMap { $0 }[...]))
        }
        // Run-together cells: the qualification is a known word at the end, the position starts
        // with a known title; what comes before is the workplace.
        var all = segments.flatMap { $0 }
        let folded = all.map { Folding.fold(InitiativeAuthorWords.clean($0)) }
        var qualification: String?
        if let q = InitiativePhrases.lastMatch(of: InitiativeForm.qualifications, in: folded), q.start > 0 {
            qualification = text(all[q.start...])
            all = Array(all[..<q.start])
        }
        if segments.count == 2, segments[0].count < all.count {
            return (text(segments[0][...]), text(all[segments[0].count...]), qualification)
        }
        if let p = InitiativePhrases.firstStart(of: InitiativeForm.positions, in: Array(folded[..<all.count]), from: 1) {
            return (text(all[..<p]), text(all[p...]), qualification)
        }
        if InitiativePhrases.match(InitiativeForm.positions, at: 0, in: folded) != nil {
            return (nil, text(all[...]), qualification)
        }
        // A position cut by the cell's width ("Văn phòng Chánh Văn" over "phòng"): the words at
        // the end that begin a known position.
        if let p = (1..<max(1, all.count)).first(where: { InitiativePhrases.beginsPhrase(InitiativeForm.positions, Array(folded[$0..<all.count])) }) {
            return (text(all[..<p]), text(all[p...]), qualification)
        }
        return (text(all[...]), nil, qualification)
    }
}

/// Columns of a `pdftotext -layout` page: cells are separated by runs of two or more spaces, and a
/// wrapped cell goes on below at (about) the column where it started.
enum LayoutColumns {
    struct Segment { let start: Int; let text: String }

    /// The pieces of a line between runs of 2+ spaces (or tabs), with their character column.
    static func segments(_ line: String) -> [Segment] {
        var result: [Segment] = []
        var current = "", start = 0, spaces = 0, column = 0
        for ch in line {
            if ch == " " || ch == "\t" {
                spaces += ch == "\t" ? 2 : 1
                if !current.isEmpty && spaces < 2 { current.append(" ") }
            } else {
                if spaces >= 2 && !current.isEmpty {
                    result.append(Segment(start: start, text: current.trimmedFast))
                    current = ""
                }
                if current.isEmpty { start = column }
                current.append(ch)
                spaces = 0
            }
            column += 1
        }
        if !current.isEmpty { result.append(Segment(start: start, text: current.trimmedFast)) }
        return result
    }

    /// Rows of a table whose cells are centred vertically: each line goes to the row whose
    /// numbered line is nearest (the later one on a tie: a cell grows upwards as much as
    /// downwards); the first row takes as many lines above its number as it has below. Cells are
    /// the columns the pieces' spans form (a centred piece starts where it likes, but overlaps its
    /// column). Empty when the table is not a space-aligned one.
    static func centredRows(_ lines: [String]) -> [InitiativeAuthorsTable.RowCells] {
        // Row numbers stand in the leftmost column; a lone number further right is a wrapped year.
        let margin = lines.compactMap { segments($0).first?.start }.min() ?? 0
        let starts = lines.indices.filter { isNumberedRowLine(lines[$0], margin: margin) }
        guard let first = starts.first, let last = starts.last else { return [] }
        var members: [[Int]] = starts.map { [$0] }
        var below = last + 1
        while below < lines.count, below - last <= 8, !lines[below].trimmedFast.isEmpty { below += 1 }
        for i in first..<below where !starts.contains(i) {
            guard !lines[i].trimmedFast.isEmpty else { continue }
            let k = starts.indices.min { a, b in
                let da = abs(starts[a] - i), db = abs(starts[b] - i)
                return da < db || (da == db && a > b)
            }!
            members[k].append(i)
        }
        let firstBelow = members[0].filter { $0 > first }.count
        var above = first - 1
        while above >= 0, first - above <= firstBelow, !lines[above].trimmedFast.isEmpty {
            members[0].append(above); above -= 1
        }
        return zip(starts, members).compactMap { start, rowLines in
            guard let number = InitiativeAuthorsTable.rowNumber(of: lines[start]) else { return nil }
            return InitiativeAuthorsTable.RowCells(number: number, cells: columns(rowLines.sorted().map { lines[$0] }))
        }
    }

    /// The line of a centred row that holds its number: the number alone in the first column,
    /// other cells beside it (the name may sit above or below). Not the header's column numbers.
    static func isNumberedRowLine(_ line: String, margin: Int) -> Bool {
        guard !line.contains("\t"), line.filter({ $0 == "|" }).count < 2 else { return false }
        let pieces = segments(line)
        guard pieces.count >= 3, pieces[0].start <= margin + 2, InitiativeAuthorWords.rowNumber(pieces[0].text) != nil,
              !pieces[0].text.contains(" ") else { return false }
        return pieces.dropFirst().contains { $0.text.contains { $0.isLetter } }
    }

    /// The cells of a row's lines: pieces whose character spans overlap are one column; columns
    /// left to right, each piece in line order.
    static func columns(_ rowLines: [String]) -> [String] {
        let pieces = rowLines.flatMap(segments)
        var column = Array(pieces.indices)
        func root(_ i: Int) -> Int { var i = i; while column[i] != i { i = column[i] }; return i }
        for a in pieces.indices {
            for b in pieces.indices where b > a {
                let (pa, pb) = (pieces[a], pieces[b])
                if pa.start < pb.start + pb.text.count && pb.start < pa.start + pa.text.count { column[root(b)] = root(a) }
            }
        }
        var cells: [Int: (start: Int, text: String)] = [:]
        for (i, piece) in pieces.enumerated() {
            let r = root(i)
            if let cell = cells[r] {
                let glue = WrappedCells.continuesNumber(cell.text, piece.text) ? "" : " "
                cells[r] = (min(cell.start, piece.start), cell.text + glue + piece.text)
            } else {
                cells[r] = (piece.start, piece.text)
            }
        }
        return cells.values.sorted { $0.start < $1.start }.map(\.text)
    }

    /// Cells anchored at the first line's columns; each piece of a continuation line joins the
    /// cell whose column starts at or just before it.
    static func merge(anchors: [Segment], continuation: [String]) -> [String] {
        var cells = anchors.map(\.text)
        for line in continuation {
            for piece in segments(line) {
                let target = anchors.lastIndex { $0.start <= piece.start + 2 } ?? 0
                cells[target] += (WrappedCells.continuesNumber(cells[target], piece.text) ? "" : " ") + piece.text
            }
        }
        return cells
    }
}

/// Mending cells a narrow column wrapped: `28/01/196` over `7`, `Nguyễn` over `Phương Thảo`.
enum WrappedCells {
    /// True when `piece` is the rest of a number cut at the cell's end (a birth year).
    static func continuesNumber(_ cell: String, _ piece: String) -> Bool {
        guard let last = cell.split(separator: " ").last, last.contains("/"), last.last?.isNumber == true else { return false }
        return !piece.isEmpty && piece.count <= 3 && piece.allSatisfy(\.isNumber)
    }

    /// `28/01/196` on the row's line and `7` opening the next line → `28/01/1967`.
    static func mendDate(_ first: inout String, _ more: inout [String]) {
        guard let next = more.first else { return }
        let nextWords = next.split(separator: " ", omittingEmptySubsequences: true)
        guard let head = nextWords.first, head.count <= 3, head.allSatisfy(\.isNumber) else { return }
        for word in first.split(separator: " ") where word.contains("/") && InitiativeAuthorWords.numericDate(String(word)) == nil {
            guard let year = word.split(separator: "/").last, year.count + head.count == 4,
                  InitiativeAuthorWords.numericDate(String(word) + head) != nil,
                  let range = first.range(of: String(word)) else { continue }
            first.replaceSubrange(range, with: String(word) + head)
            more[0] = nextWords.dropFirst().joined(separator: " ")
            return
        }
    }

    /// The rest of a name cut after its first word, or after a middle name (`Đông Thị` / `Huệ`):
    /// the name words opening the next line, taken off that line.
    static func nameTail(_ first: String, _ more: inout [String]) -> [String] {
        guard let next = more.first else { return [] }
        let words = InitiativeAuthorsTable.tokens(first).dropFirst()
        let name = words.prefix { InitiativeAuthorWords.isNameWord($0) }.prefix(5)
        guard let last = name.last else { return [] }
        let cut = name.count == 1 || InitiativeForm.middleNames.contains(Folding.fold(InitiativeAuthorWords.clean(last)))
        guard cut, name.count < 5 else { return [] }
        let nextWords = next.split(separator: " ").map(String.init)
        let tail = Array(nextWords.prefix { InitiativeAuthorWords.isNameWord($0) }.prefix(5 - name.count))
        guard !tail.isEmpty else { return [] }
        more[0] = nextWords.dropFirst(tail.count).joined(separator: " ")
        return tail
    }
}
