import Foundation

/// Reads authors written as a list instead of the form's table:
/// "Tác giả sáng kiến: - **Lê Tuấn Phú**, Chánh Văn phòng UBND tỉnh", one author a line, or a
/// single author on the heading line itself.
enum InitiativeAuthorsList {
    /// `value`: the heading line's text after its colon; `lines`: the lines under the heading.
    static func read(value: String?, lines: [String]) -> [InitiativeAuthor] {
        var items: [String] = []
        if let value { items.append(value) }
        for line in lines {
            let t = line.trimmedFast
            guard let first = t.first, "-+*•–".contains(first) else { continue }
            items.append(t)
        }
        return items.compactMap(author)
    }

    /// `- **Lê Tuấn Phú**, Chánh Văn phòng UBND tỉnh` → name and position.
    static func author(_ item: String) -> InitiativeAuthor? {
        var t = InitiativeFormHeadings.stripMarkup(item).replacingOccurrences(of: "**", with: "")
            .trimmedFast
        t = withoutHonorific(t)
        let cut = t.firstIndex { $0 == "," || $0 == ";" || $0 == "(" } ?? t.endIndex
        var namePart = String(t[..<cut]).trimmedFast
        var rest = String(t[cut...]).trimmingCharacters(in: CharacterSet(charactersIn: ",;( ").union(.whitespaces))
        if let dash = namePart.range(of: " - ") ?? namePart.range(of: " – ") {
            rest = (String(namePart[dash.upperBound...]) + (rest.isEmpty ? "" : ", " + rest)).trimmedFast
            namePart = String(namePart[..<dash.lowerBound])
        }
        let words = namePart.split(separator: " ").map(String.init)
        let nameWords = words.prefix { InitiativeAuthorWords.isNameWord($0) }.prefix(5)
        guard nameWords.count >= 2, InitiativeAuthorWords.isPersonName(nameWords.joined(separator: " ")) else { return nil }
        if nameWords.count < words.count {
            rest = (words[nameWords.count...].joined(separator: " ") + (rest.isEmpty ? "" : ", " + rest))
        }
        rest = rest.trimmingCharacters(in: CharacterSet(charactersIn: ".;) ").union(.whitespaces))
        return InitiativeAuthor(name: nameWords.joined(separator: " "), position: rest.isEmpty ? nil : rest)
    }

    static func withoutHonorific(_ s: String) -> String {
        let words = s.split(separator: " ").map(String.init)
        let folded = words.map { Folding.fold(InitiativeAuthorWords.clean($0)) }
        guard let n = InitiativePhrases.match(InitiativeForm.honorifics, at: 0, in: folded), n < words.count else { return s }
        return words[n...].joined(separator: " ")
    }
}
