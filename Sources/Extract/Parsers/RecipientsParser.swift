import Foundation

/// The lists of a letter: `Kính gửi:` (recipients) and `Nơi nhận:` (distribution). Items start
/// with a dash; an item may wrap onto the next line; a single recipient may stand on the label's
/// line. Text in the right column (the signer block beside Nơi nhận) is handed back separately.
struct Lists {
    var recipients: [String] = []
    var distribution: [String] = []
    var distributionLines: ClosedRange<Int>?
    /// Fragments that stood right of the Nơi nhận list (the signature block), top to bottom.
    var rightColumn: [(line: Int, text: String)] = []
}

enum RecipientsParser {
    static func parse(_ doc: LetterLines, after start: Int) -> Lists {
        var lists = Lists()
        // Kính gửi: the first one after the header.
        var i = max(0, start)
        while i < doc.count {
            let l = doc[i]
            if let m = LetterKeywords.recipientsLabel.firstMatch(in: l.folded) {
                lists.recipients = recipients(doc, label: i, afterLabel: m.range.length)
                break
            }
            if LetterKeywords.distributionLabel.test(l.folded) { break }
            i += 1
        }
        // Nơi nhận: the last label in the letter (an appendix may follow the signature).
        var label: (Int, Int)? = nil
        var asAboveLost = false
        for j in stride(from: doc.count - 1, through: 0, by: -1) {
            if let m = LetterKeywords.distributionLabel.firstMatch(in: doc[j].folded) { label = (j, m.range.length); break }
        }
        if label == nil {
            for j in 0..<doc.count where LetterKeywords.firstDistributionItem.test(doc[j].folded) && j > start {
                label = (j, 0)   // the list starts at its first item; its label was lost
            }
        }
        if label == nil {
            // Both the label and `Như trên` lost: the run of dash items that ends with `- Lưu: …`.
            if let luu = (0..<doc.count).last(where: { j in j > start && LetterKeywords.luuItem.test(doc[j].folded) }) {
                var first = luu
                var j = luu - 1
                while j > start {
                    let l = doc[j]
                    if l.isBlank { j -= 1; continue }
                    if l.text.hasPrefix("-") || l.text.hasPrefix("+") { first = j }
                    else if !(doc[j + 1].text.hasPrefix("-")) || l.text.hasSuffix(";") || l.text.hasSuffix(".") { break }
                    j -= 1
                }
                if luu - first >= 2 { label = (first, 0); asAboveLost = garbledAsAbove(doc, before: first, after: start) }
            }
        }
        if let (j, len) = label { distribution(doc, label: j, afterLabel: len, into: &lists) }
        if asAboveLost, lists.distribution.first.map({ Folding.fold($0) != Folding.fold(LetterKeywords.asAboveItem) }) ?? false {
            lists.distribution.insert(LetterKeywords.asAboveItem, at: 0)
        }
        return lists
    }

    /// Whether one of the two lines above the list's first item is its `Như trên` with the label,
    /// the bullet and a letter or two garbled (`H dệt ư trên; TL. CHỦ TỊCH`): the text before its
    /// first `;` ends, spaces ignored, within two edits of `nhutren`.
    static func garbledAsAbove(_ doc: LetterLines, before first: Int, after start: Int) -> Bool {
        var j = first - 1, seen = 0
        while j > start, seen < 2 {
            defer { j -= 1 }
            let l = doc[j]
            if l.isBlank { continue }
            seen += 1
            let left = (l.columns.first ?? l.text).split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard l.text.contains(";") else { continue }
            let key = Folding.fold(left).filter(\.isLetter)
            let target = LetterKeywords.asAboveKey
            // The ends of the text as long as the target give or take the two edits allowed.
            let lengths = (target.count - 2)...(target.count + 2)
            if lengths.contains(where: { $0 <= key.count && Fuzzy.distance(String(key.suffix($0)), target, limit: 2) <= 2 }) { return true }
        }
        return false
    }

    private static func recipients(_ doc: LetterLines, label: Int, afterLabel: Int) -> [String] {
        var items: [String] = []
        let l = doc[label]
        let sameLine = l.text.slice(from: afterLabel, to: l.text.utf16Length).trimmedFast
        var current: String? = nil
        func flush() { if let c = current { let t = c.collapsedSpaces.asListItem; if !t.isEmpty { items.append(t) } }; current = nil }
        if !sameLine.isEmpty { current = sameLine }
        var j = label + 1
        var blanks = 0
        while j < doc.count {
            let line = doc[j]
            if line.isBlank { blanks += 1; if blanks > 2 { break }; j += 1; continue }
            blanks = 0
            let text = line.columns.first ?? line.text
            let f = Folding.fold(text)
            if LetterKeywords.bodyStart.test(f) || LetterKeywords.distributionLabel.test(f) || TitleParser.kindTitle(line) != nil { break }
            // The header's right column may come after the label in OCR order (motto, date).
            if HeaderParser.mottoRange(f) != nil || DateGrammar.placeDate.test(f) { j += 1; continue }
            if let c = current, c.hasSuffix(")"), text.first?.isUppercase == true { break }
            if text.hasPrefix("-") || text.hasPrefix("+") || text.hasPrefix("•") {
                flush(); current = text
            } else if let c = current, !c.hasSuffix(";") && !c.hasSuffix("."), text.utf16Length < 90,
                      !(text.first?.isNumber ?? false) {
                current = c + " " + text
            } else if items.isEmpty && current == nil && text.utf16Length < 90 {
                current = text
            } else {
                break
            }
            j += 1
        }
        flush()
        return items
    }

    private static func distribution(_ doc: LetterLines, label: Int, afterLabel: Int, into lists: inout Lists) {
        var items: [String] = []
        var current: String? = nil
        func flush() {
            if var t = current?.collapsedSpaces.asListItem {
                if Folding.fold(t).hasPrefix(LetterKeywords.luuWord), let m = LetterKeywords.luuTrailingDebris.firstMatch(in: t) {
                    t = t.slice(from: 0, to: m.range.location)
                }
                if !t.isEmpty { items.append(t) }
            }
            current = nil
        }
        let l = doc[label]
        var sameLine = l.text.slice(from: afterLabel, to: l.text.utf16Length).trimmedFast
        // OCR debris before the first item (`Nơi nhận: ¬ - Văn phòng Chính phủ; TL. CHỦ TỊCH`).
        if let dash = sameLine.firstIndex(of: "-"), sameLine.distance(from: sameLine.startIndex, to: dash) <= 3 {
            sameLine = String(sameLine[dash...])
        }
        if !sameLine.isEmpty && afterLabel > 0 {
            if sameLine.hasPrefix("-") {
                var item = sameLine
                if let semi = item.lastIndex(of: ";") {
                    let after = String(item[item.index(after: semi)...]).trimmedFast
                    if !after.isEmpty && after.contains(where: \.isUppercase) { lists.rightColumn.append((label, after)); item = String(item[...semi]) }
                }
                current = item
            } else { lists.rightColumn.append((label, sameLine)) }
        }
        var end = label
        var j = afterLabel == 0 ? label : label + 1
        var blanks = 0
        while j < doc.count {
            let line = doc[j]
            if line.isBlank { blanks += 1; if blanks > 3 { break }; j += 1; continue }
            blanks = 0
            var cols = line.columns
            var left = cols.removeFirst()
            // OCR runs the two columns together: what follows the item's last `;` in capitals
            // belongs to the signature block (`- Như trên; KT. CHỦ TỊCH`).
            if let semi = left.lastIndex(of: ";") ?? left.lastIndex(of: "”") {
                let after = String(left[left.index(after: semi)...]).trimmedFast
                let lowerWords = after.split(separator: " ").filter { $0.filter(\.isLowercase).count >= 3 }
                if !after.isEmpty && lowerWords.isEmpty && after.contains(where: \.isUppercase) {
                    cols.insert(after, at: 0)
                    left = String(left[...semi])
                }
            }
            // The first line under the label, its bullet and first item garbled by OCR
            // (`Rềc rải 6c - CT, PCT UBND tỉnh;`): the item after the dash is still good.
            var isItem = LetterKeywords.listBullets.contains { left.hasPrefix($0) }
            if items.isEmpty && current == nil && !isItem,
               let dash = left.range(of: " - "), left.distance(from: left.startIndex, to: dash.lowerBound) <= 16 {
                left = "- " + String(left[dash.upperBound...]).trimmedFast
                isItem = true
            }
            if isItem {
                flush(); current = left; end = j
            } else if let c = current, !c.hasSuffix(";") && !c.hasSuffix("."), !left.isUpperCaseText,
                      !Folding.fold(c).contains("luu") {
                current = c + " " + left; end = j
            } else {
                cols.insert(left, at: 0)
                if items.isEmpty && current == nil && j - label > 3 { break }
                if current != nil || !items.isEmpty {
                    // The list is over; what remains is the signer block (and the name).
                    for c in cols { lists.rightColumn.append((j, c)) }
                    j += 1
                    continue
                }
            }
            for c in cols { lists.rightColumn.append((j, c)) }
            j += 1
            if let c = current, Folding.fold(c).hasPrefix("- luu") || Folding.fold(c).hasPrefix("-luu") {
                // `Lưu: VT, …` closes the list.
                flush()
                while j < doc.count {
                    if !doc[j].isBlank { for c in doc[j].columns { lists.rightColumn.append((j, c)) } }
                    j += 1
                }
            }
        }
        flush()
        lists.distribution = items
        lists.distributionLines = label...max(label, end)
    }
}
