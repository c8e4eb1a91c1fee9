import Foundation

/// The shape of a Vietnamese syllable (initial consonant, one to three vowels, final consonant),
/// folded. It tells a name's words from acronyms printed in capitals beside them: `Tỉnh`,
/// `Nguyễn` are syllables, `UBND`, `THPT` are not.
///
/// Source: the initials and finals of Vietnamese orthography (chữ Quốc ngữ).
public enum VietnameseSyllable {
    /// Initial consonants, longest first.
    public static let initials: [String] = [
        "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
        "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
    ]
    public static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
    public static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// True when a folded word has the shape of a syllable: `tinh`, `nguyen`; not `ubnd`.
    public static func isSyllable(_ folded: String) -> Bool {
        var rest = Substring(folded)
        if let initial = initials.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(initial.count) }
        let nucleus = rest.prefix { vowels.contains($0) }
        guard !nucleus.isEmpty, nucleus.count <= 3 else { return false }
        return finals.contains(String(rest.dropFirst(nucleus.count)))
    }

    /// Letters only Vietnamese (among Latin scripts) writes with: any precomposed letter with a
    /// breve, circumflex, horn, stroke or tone mark.
    public static func hasVietnameseMark(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.value >= 0xC0 && $0.value <= 0x1EF9 && CharacterSet.letters.contains($0) }
    }

    /// A word folded to ASCII has the shape onset + vowels + coda, or is a short abbreviation
    /// in capitals (UBND, QĐ): what a text layer of real words is made of, unlike garbage.
    public static func isPlausible(_ word: String) -> Bool {
        let f = Folding.fold(word)
        if f.count <= 1 { return true }
        if word == word.uppercased() && word.count <= 8 { return true }   // abbreviations: UBND, KGVX
        return isSyllable(f)
    }

    /// Frequent syllables of administrative Vietnamese, folded: their presence without diacritics
    /// shows a text that lost them (source: counts over the project's seed letters).
    public static let commonFolded: Set<String> = [
        "cua", "va", "cac", "nam", "ngay", "thang", "uy", "ban", "nhan", "dan", "tinh", "so", "cong",
        "hoa", "xa", "hoi", "chu", "nghia", "viet", "doc", "lap", "tu", "do", "hanh", "phuc", "ve",
        "viec", "thuc", "hien", "theo", "quy", "dinh", "don", "vi", "co", "quan", "trong", "tren",
        "duoc", "cho", "voi", "nay", "nguoi", "bao", "cao", "thong", "tin", "ke", "hoach", "huyen",
    ]
}
