import Foundation

/// Puts the recognised lines of a page in reading order the way a Vietnamese letter is laid out
/// (Nghị định 30/2020/NĐ-CP, Phụ lục I): the header's two columns — issuer and number on the left,
/// national motto, place and date on the right — read left column first, then right; the body top
/// to bottom; at the foot the "Nơi nhận:" list (left) and the signature block (right) kept apart.
/// Stamps and the digital-signature box are taken out of the text; their meaning goes to hints.
struct LetterPageLayout {
    struct Result {
        var lines: [TextLine]
        var hints: PageHints
        /// Lines left out of the text (stamps, signature box, noise).
        var removed: [String]
        var text: String { lines.map(\.text).joined(separator: "\n") }
    }

    /// A piece of a recognised line: tesseract sometimes runs the two header columns into one line,
    /// so lines are cut where the gap between words is much wider than a space.
    struct Segment {
        var words: [OCRWord]
        var line: Int
        var block: Int
        var rotated: Bool
        var box: Box {
            Box(x0: words.map(\.box.x0).min()!, y0: words.map(\.box.y0).min()!,
                x1: words.map(\.box.x1).max()!, y1: words.map(\.box.y1).max()!)
        }
        var text: String { words.map(\.text).joined(separator: " ") }
        var confidence: Double { words.map(\.confidence).reduce(0, +) / Double(words.count) }
        var centre: Int { (box.x0 + box.x1) / 2 }
    }

    var pageWidth: Int
    var pageHeight: Int

    func arrange(_ lines: [OCRLine]) -> Result {
        var hints = PageHints()
        var removed: [String] = []
        var segments = split(lines)

        // Rotated text is a stamp or a margin note: its meaning may be urgency, never body text.
        for s in segments where s.rotated {
            if hints.urgency == nil, let u = PageMarks.urgency(s.text) { hints.urgency = u }
            removed.append(s.text)
        }
        segments.removeAll { $0.rotated }
        // Specks and smudges read as one or two low-confidence characters.
        let noise: (Segment) -> Bool = { s in
            s.confidence < 35 && s.text.filter { $0.isLetter || $0.isNumber }.count <= 3
        }
        removed += segments.filter(noise).map(\.text)
        segments.removeAll(where: noise)

        removeSignatureBox(&segments, hints: &hints, removed: &removed)
        removeReceivedStamp(&segments, hints: &hints, removed: &removed)
        for s in segments where PageMarks.isUrgencyStampLine(s.text) {
            if hints.urgency == nil, let u = PageMarks.urgency(s.text) { hints.urgency = u }
        }

        segments.sort { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
        var ordered: [[Segment]] = []
        var rest = segments[...]
        if let header = headerColumns(Array(rest)) {
            ordered += rows(header.left) + rows(header.right)
            rest = rest.dropFirst(header.count)
        }
        var body = Array(rest)
        var footer: [[Segment]] = []
        if let f = footerColumns(body) {
            footer = rows(f.left) + rows(f.right)
            body = f.body
        }
        ordered += rows(body) + footer
        let textLines = ordered.map { row in
            TextLine(text: row.map(\.text).joined(separator: " "),
                     box: Box(x0: row.map(\.box.x0).min()!, y0: row.map(\.box.y0).min()!,
                              x1: row.map(\.box.x1).max()!, y1: row.map(\.box.y1).max()!),
                     confidence: row.flatMap(\.words).map(\.confidence).reduce(0, +)
                        / Double(row.flatMap(\.words).count) / 100)
        }
        return Result(lines: textLines, hints: hints, removed: removed)
    }

    /// Cuts lines at gaps wider than one and a half times the line's height (a space is about a third).
    func split(_ lines: [OCRLine]) -> [Segment] {
        var out: [Segment] = []
        for (i, line) in lines.enumerated() {
            let height = max(8, line.words.map(\.box.height).sorted()[line.words.count / 2])
            var current: [OCRWord] = []
            for w in line.words {
                if let last = current.last, w.box.x0 - last.box.x1 > 3 * height / 2 {
                    out.append(Segment(words: current, line: i, block: line.block, rotated: line.rotated))
                    current = []
                }
                current.append(w)
            }
            if !current.isEmpty { out.append(Segment(words: current, line: i, block: line.block, rotated: line.rotated)) }
        }
        return out
    }

    /// Takes out the digital-signature box: every segment of a tesseract block that holds a box
    /// label (the box is its own block, a few lines), or the single segment when the block is big.
    private func removeSignatureBox(_ segments: inout [Segment], hints: inout PageHints, removed: inout [String]) {
        let marked = segments.indices.filter { PageMarks.isSignatureBoxLine(segments[$0].text) }
        guard !marked.isEmpty else { return }
        var drop = Set(marked)
        for block in Set(marked.map { segments[$0].block }) {
            let members = segments.indices.filter { segments[$0].block == block }
            if members.count <= 7 { drop.formUnion(members) }
        }
        let box = drop.sorted().map { segments[$0].text }
        if hints.signatureTime == nil, let t = PageMarks.signatureTime(box) { hints.signatureTime = t }
        removed += box
        segments = segments.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    /// Takes out a received stamp ("ĐẾN" over "Số:", "Ngày:", "Chuyển:" lines in a box) and keeps
    /// its date as `received_date`. Only field lines under the title and within its width go.
    private func removeReceivedStamp(_ segments: inout [Segment], hints: inout PageHints, removed: inout [String]) {
        guard let t = segments.firstIndex(where: { PageMarks.isReceivedStampTitle($0.text) }) else { return }
        let title = segments[t].box
        let lineHeight = max(20, title.height)
        let left = title.x0 - 4 * lineHeight, right = title.x1 + 4 * lineHeight
        var drop: Set<Int> = [t]
        for (i, s) in segments.enumerated() where i != t {
            let b = s.box
            guard b.y0 >= title.y0 - lineHeight / 2, b.y0 <= title.y1 + 6 * lineHeight,
                  b.x0 >= left, b.x1 <= right, PageMarks.isReceivedStampField(s.text) else { continue }
            drop.insert(i)
            let f = Folding.fold(s.text)
            if f.hasPrefix(PageMarkWords.receivedStampDateLabel), hints.receivedDate == nil,
               let d = DateGrammar.numericDate(in: s.text) { hints.receivedDate = d }
        }
        removed += drop.sorted().map { segments[$0].text }
        segments = segments.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    /// The header: the longest run of segments from the top of the page that no segment crosses at
    /// some vertical gutter between a quarter and two thirds of the width, with text on both sides.
    private func headerColumns(_ segments: [Segment]) -> (left: [Segment], right: [Segment], count: Int)? {
        guard segments.count >= 3 else { return nil }
        var best: (x: Int, count: Int)?
        let step = max(1, pageWidth / 100)
        for x in stride(from: pageWidth / 4, through: pageWidth * 2 / 3, by: step) {
            var n = 0
            while n < segments.count, !(segments[n].box.x0 < x && segments[n].box.x1 > x) { n += 1 }
            let head = segments[..<n]
            let leftCount = head.filter { $0.box.x1 <= x }.count
            guard leftCount >= 1, n - leftCount >= 1, n >= 3 else { continue }
            if best == nil || n > best!.count { best = (x, n) }
        }
        guard let b = best else { return nil }
        let head = Array(segments[..<b.count])
        return (head.filter { $0.box.x1 <= b.x }, head.filter { $0.box.x1 > b.x }, b.count)
    }

    /// The foot: from the "Nơi nhận:" line down, plus the signature block lines just above it on
    /// the right; split at the gutter that fewest segments cross.
    private func footerColumns(_ segments: [Segment]) -> (left: [Segment], right: [Segment], body: [Segment])? {
        guard let n = segments.firstIndex(where: {
            Folding.fold($0.text).hasPrefix(PageMarkWords.distributionLabel)
        }) else { return nil }
        let label = segments[n].box
        let lineHeight = max(20, label.height)
        var footer = segments.filter { $0.box.y0 >= label.y0 - lineHeight / 2 }
        var body = segments.filter { $0.box.y0 < label.y0 - lineHeight / 2 }
        var gutter = label.x1 + lineHeight
        let step = max(1, pageWidth / 100)
        var fewest = Int.max
        for x in stride(from: max(label.x1, pageWidth / 3), through: pageWidth * 2 / 3, by: step) {
            let crossing = footer.filter { $0.box.x0 < x && $0.box.x1 > x }.count
            if crossing < fewest { fewest = crossing; gutter = x }
        }
        // The signature block may begin a line or two above "Nơi nhận:" (e.g. "TM. ỦY BAN NHÂN DÂN").
        while let last = body.last, last.box.x0 > gutter, label.y0 - last.box.y1 < 3 * lineHeight {
            footer.insert(body.removeLast(), at: 0)
        }
        return (footer.filter { $0.centre < gutter }, footer.filter { $0.centre >= gutter }, body)
    }

    /// Groups segments into rows (overlapping heights), each row read left to right. A segment
    /// joins a row by overlapping its leftmost segment that is more than a speck: a speck of the
    /// hand beside the date (`(` left of `⁄ tháng 09 năm 2024`) would cut the row (`Bình Dương,
    /// ngày` then read on a line of its own, after the month and year).
    private func rows(_ segments: [Segment]) -> [[Segment]] {
        var rows: [[Segment]] = []
        let speck = { (s: Segment) in s.text.count <= 2 && !s.text.contains { $0.isLetter || $0.isNumber } }
        for s in segments.sorted(by: { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }) {
            if let last = rows.last, let first = last.first(where: { !speck($0) }) ?? last.first {
                let a = first.box, b = s.box
                let overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
                if overlap > min(a.height, b.height) / 2 {
                    rows[rows.count - 1].append(s)
                    rows[rows.count - 1].sort { $0.box.x0 < $1.box.x0 }
                    continue
                }
            }
            rows.append([s])
        }
        return rows
    }
}
