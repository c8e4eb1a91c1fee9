import Foundation

/// One line of the letter, trimmed, kept with its folded twin (same UTF-16 length) for matching.
struct Line {
    let index: Int
    let text: String
    let folded: String
    var isBlank: Bool { text.isEmpty }

    init(index: Int, text: String) {
        self.index = index
        self.text = text
        self.folded = OCRWordConfusions.repair(Folding.fold(text))
    }

    /// The line cut into columns where a run of 3+ spaces separates them (pdftotext -layout puts
    /// the two columns of the header and of the signature area on one line).
    var columns: [String] { text.columns }
}

/// The letter's text as lines, with helpers the parsers share.
struct LetterLines {
    let lines: [Line]

    /// True when the text was recognised from an image: lines are as the page printed them.
    let fromOCR: Bool

    init(_ text: String, fromOCR: Bool = false) {
        self.fromOCR = fromOCR
        var out: [Line] = []
        var i = 0
        // Split on the bytes: \n and the form feed between pages (Character-wise splitting is slow).
        let utf8 = text.utf8
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var idx = start
        while idx != utf8.endIndex {
            let b = utf8[idx]
            if b == 0x0A || b == 0x0C {
                pieces.append(text[start..<idx])
                start = utf8.index(after: idx)
            }
            idx = utf8.index(after: idx)
        }
        pieces.append(text[start..<utf8.endIndex])
        for raw in pieces.flatMap(Self.bounded) {
            var s = String(raw)
            // Foundation's string search is slow on Linux: look at the bytes first.
            if s.utf8.contains(0x2A) { s = s.replacingOccurrences(of: "**", with: "") }
            if s.utf8.contains(0x09) { s = s.replacingOccurrences(of: "\t", with: "    ") }
            // Word tables printed by antiword and OCR'd table rules: a bar separates columns.
            if s.utf8.contains(0x7C) { s = s.replacingOccurrences(of: "|", with: "   ") }
            s = OCRCharacterConfusions.apply(s)
            s = s.trimmedFast
            if Self.isDebris(s) { s = "" }
            var line = Line(index: i, text: s)
            // A gazette's running head (`CÔNG BÁO/Số 302/Ngày 02-06-2026   70`) interrupts sentences;
            // what OCR ran onto it (the title below) is kept.
            if line.folded.hasPrefix("cong bao/") || line.folded.hasPrefix("cong bao /") {
                let rest = LetterKeywords.gazetteHead.firstMatch(in: line.folded)
                    .map { line.text.slice(from: $0.range.length, to: line.text.utf16Length).trimmedFast } ?? ""
                line = Line(index: i, text: rest)
            }
            out.append(line)
            i += 1
        }
        lines = out
        let lengths = out.lazy.filter { !$0.isBlank }.map { $0.text.utf16.count }.sorted()
        typicalLineLength = lengths.isEmpty ? 0 : lengths[lengths.count * 3 / 4]
    }

    /// The longest line the parsers are given, in UTF-8 bytes. A printed line holds ~100 characters
    /// and a Word or PDF paragraph exported as one line a few thousand; a text with no line ends at
    /// all (a hostile file, a broken export: 10 MB on one line) would make every parser that looks
    /// at "the last lines" or "a line's columns" work on the whole file, again and again. Cut here,
    /// once, at a space, such a text reads as many ordinary lines; `flat()` joins them with a space,
    /// so sentences that run across a cut are still whole for the deadline and reference parsers.
    static let longestLine = 4_096

    /// `line` cut into pieces of at most `longestLine` bytes, each ending before a space when one is
    /// near (else on a character boundary).
    static func bounded(_ line: Substring) -> [Substring] {
        let utf8 = line.utf8
        guard utf8.count > longestLine else { return [line] }
        var out: [Substring] = []
        var start = utf8.startIndex
        while utf8.distance(from: start, to: utf8.endIndex) > longestLine {
            var cut = utf8.index(start, offsetBy: longestLine)
            // Back to the last space in the piece's second half, else to a character's first byte.
            var back = cut, steps = 0
            while steps < longestLine / 2, utf8[back] != 0x20 { back = utf8.index(before: back); steps += 1 }
            if utf8[back] == 0x20 { cut = back } else {
                while cut > start, utf8[cut] & 0xC0 == 0x80 { cut = utf8.index(before: cut) }
            }
            out.append(line[start..<cut])
            start = cut
        }
        out.append(line[start...])
        return out
    }

    /// The 75th percentile of line lengths: about the width of a full line of body text.
    let typicalLineLength: Int

    var count: Int { lines.count }

    /// A short line that is mostly not letters: marks of a seal or a signature OCR'd as text
    /// (`ˆ Lá Â° ˆ Ẩ ° Lá \`-4`, `^ .^A k4`).
    static func isDebris(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf16.count <= 40 else { return false }
        var letters = 0, other = 0, digits = 0
        for u in s.unicodeScalars where u != " " {
            if u.properties.isAlphabetic { letters += 1 } else if u.value >= 0x30 && u.value <= 0x39 { digits += 1 } else { other += 1 }
        }
        let longestWord = s.split(separator: " ").map { $0.filter(\.isLetter).count }.max() ?? 0
        return longestWord < 3 && digits < 3 && other > 0 && !s.hasPrefix("-")
            || (other > letters && digits == 0 && letters < 6)
    }

    /// True when the extractor that made the text put a blank line after every line (some PDF
    /// and Word exports do): then a blank line does not end a paragraph.
    var isDoubleSpaced: Bool {
        let blank = lines.filter(\.isBlank).count
        return lines.count > 10 && Double(blank) / Double(lines.count) > 0.35
    }
    subscript(i: Int) -> Line { lines[i] }

    /// Index of the next non-blank line at or after `i`.
    func nextNonBlank(_ i: Int) -> Int? {
        var j = i
        while j < lines.count { if !lines[j].isBlank { return j }; j += 1 }
        return nil
    }

    /// The text from line `from` on as one flat string (lines joined by a space), with the
    /// starting line index of each line's text, for clause-level matching across line breaks.
    func flat(from: Int = 0, to: Int? = nil) -> FlatText {
        var text = ""
        var starts: [(offset: Int, line: Int)] = []
        var offset = 0
        for l in lines[from..<(to ?? lines.count)] where !l.isBlank {
            if !text.isEmpty { text += " "; offset += 1 }
            starts.append((offset, l.index))
            text += l.text
            offset += l.text.utf16Length
        }
        return FlatText(text: text, folded: OCRWordConfusions.repair(Folding.fold(text)), lineStarts: starts)
    }
}

/// Several lines joined into one string, with its folded twin.
struct FlatText {
    let text: String
    let folded: String
    let lineStarts: [(offset: Int, line: Int)]

    /// The line a UTF-16 offset falls in.
    func line(at offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1, ans = lineStarts.first?.line ?? 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid].offset <= offset { ans = lineStarts[mid].line; lo = mid + 1 } else { hi = mid - 1 }
        }
        return ans
    }
}

extension String {
    /// The string cut into columns where a run of 3+ spaces separates them.
    var columns: [String] {
        guard contains("   ") else { return [self] }
        let parts = components(separatedBy: "   ").map { $0.trimmedFast }.filter { !$0.isEmpty }
        return parts.isEmpty ? [""] : parts
    }
}
