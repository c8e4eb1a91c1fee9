/// The shape of a Vietnamese syllable (initial consonant, one to three vowels, final consonant),
/// folded. It tells a name's words from acronyms printed in capitals beside them: `Tỉnh`,
/// `Nguyễn` are syllables, `UBND`, `THPT` are not.
///
/// Source: the initials and finals of Vietnamese orthography (chữ Quốc ngữ).
enum VietnameseSyllable {
    /// Initial consonants, longest first.
    static let initials: [String] = [
        "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
        "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
    ]
    static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// True when a folded word has the shape of a syllable: `tinh`, `nguyen`; not `ubnd`.
    static func isSyllable(_ folded: String) -> Bool {
        var rest = Substring(folded)
        if let initial = initials.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(initial.count) }
        let nucleus = rest.prefix { vowels.contains($0) }
        guard !nucleus.isEmpty, nucleus.count <= 3 else { return false }
        return finals.contains(String(rest.dropFirst(nucleus.count)))
    }
}
