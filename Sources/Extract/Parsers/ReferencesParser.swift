import Foundation

/// Documents the letter cites by number: `Căn cứ Quyết định số 1993/QĐ-UBND ngày 30/9/2021`,
/// `Thực hiện Công văn số 2164/UBND-KGVX ngày 17/4/2025`, `Nghị quyết số 57-NQ/TW ngày 22/12/2024`.
enum ReferencesParser {
    /// A document number in running text: at least one digit, a separator, an upper-case symbol.
    static let number = Pattern(#"(?<![\w/.-])([0-9]{1,6}[a-z]?\s?(?:/\s?(?:19|20)[0-9]{2}\s?)?[/-]\s?[A-ZĐÐ][A-Za-zĐđÐ0-9&]*(?:\s?[-/]\s?[A-ZĐÐ][A-Za-zĐđÐ0-9&]*)*)"#)
    /// `số` just before the number.
    static let soBefore = Pattern(#"\bso\s*[:.]?\s*$"#)

    static func parse(_ flat: FlatText, ownNumber: String?) -> [Reference] {
        var out: [Reference] = []
        var seen = Set<String>()
        var spans: [NSRange] = []
        if let own = ownNumber { seen.insert(Folding.fold(own)) }
        for m in number.matches(in: flat.text) {
            let raw = flat.text.slice(m.range(at: 1))
            // A symbol has at least two capitals (`QĐ-TTg`, `CV/TU`); `302/Ngày` is not one.
            guard raw.filter({ $0.isUppercase }).count >= 2, let normalised = NumberParser.normalise(raw) else { continue }
            let key = Folding.fold(normalised)
            // Look back a few words for the kind (`Quyết định số`, `Nghị quyết`).
            let backStart = max(0, m.range.location - 70)
            let before = flat.folded.slice(from: backStart, to: m.range.location)
            let hasSo = soBefore.test(before)
            let kind = kindBefore(before)
            let symbol = NumberParser.parse(normalised)?.0.symbol ?? ""
            let symbolKind = DocumentKinds.kind(forSymbol: symbol)
            guard hasSo || kind != nil || symbolKind != nil else { continue }
            guard !seen.contains(key) else { continue }
            seen.insert(key)
            let after = flat.folded.slice(from: m.range.location + m.range.length, to: m.range.location + m.range.length + 40)
            var date: String? = nil
            if let d = DateGrammar.citedDate.firstMatch(in: after) {
                let day = Int(after.slice(d.range(at: 1)))!
                let month = Int(d.group(2).map { after.slice($0) } ?? after.slice(d.range(at: 4))) ?? 0
                let year = Int(d.group(3).map { after.slice($0) } ?? after.slice(d.range(at: 5))) ?? 0
                date = CalendarDate.valid(year, month, day)?.iso
            }
            // A state symbol names its kind for certain (`119/QĐ-HVM` is a quyết định whatever
            // the words before say); a Party one (`105-QĐ/TW`) does not: QĐ is also a quy định there.
            let partyForm = isPartyForm(normalised)
            let chosen = partyForm ? (kind ?? symbolKind) : (symbolKind ?? kind)
            out.append(Reference(kind: chosen ?? .congVan, number: normalised, date: date))
            spans.append(m.range)
        }
        shareDates(&out, spans: spans, folded: flat.folded)
        return out
    }

    /// `105-QĐ/TW`: the sequence joined to the symbol by a hyphen, as the Party numbers.
    static func isPartyForm(_ number: String) -> Bool {
        let rest = number.drop(while: \.isNumber)
        guard rest.count < number.count else { return false }
        let afterLetter = rest.first.map { $0.isLowercase } == true ? rest.dropFirst() : rest
        return afterLetter.first == "-"
    }

    /// `Quyết định số 1743/QĐ-BGTVT, 1744/QĐ-BGTVT ngày 31/12/2024`: numbers listed together
    /// share the date written after the last of them.
    static func shareDates(_ refs: inout [Reference], spans: [NSRange], folded: String) {
        guard refs.count > 1 else { return }
        for i in stride(from: refs.count - 2, through: 0, by: -1) where refs[i].date == nil {
            guard let next = refs[i + 1].date else { continue }
            let between = folded.slice(from: spans[i].location + spans[i].length, to: spans[i + 1].location)
            if between.count <= 8, LetterKeywords.numberListSeparator.test(between) { refs[i].date = next }
        }
    }

    /// The kind named in the words before a number: the nearest title within the last ~6 words.
    static func kindBefore(_ folded: String) -> DocumentKind? {
        let words = folded.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" }).suffix(8)
        let tail = words.joined(separator: " ")
        var best: (Int, DocumentKind)? = nil
        for (title, kind) in DocumentKinds.citedTitlesLongestFirst {
            if let r = tail.range(of: title, options: .backwards) {
                let pos = tail.distance(from: tail.startIndex, to: r.lowerBound)
                // Whole words only.
                let okStart = r.lowerBound == tail.startIndex || tail[tail.index(before: r.lowerBound)] == " "
                let okEnd = r.upperBound == tail.endIndex || tail[r.upperBound] == " "
                if okStart && okEnd, best == nil || pos + title.count > best!.0 { best = (pos + title.count, kind) }
            }
        }
        return best?.1
    }
}
