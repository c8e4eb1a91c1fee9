/// What Vietnamese personal names are made of, folded (lower case, no diacritics, đ→d).
///
/// Family names tell where a second name begins when a scan runs two signers' names into one line
/// ("Phạm Văn Đà Đông Thị Huệ"). The syllable shape (initial consonant, vowels, final consonant)
/// tells a name's words from acronyms printed in capitals beside them (`UBND`, `THPT`).
///
/// Sources: the most frequent family names of Vietnam (Nguyễn, Trần, Lê, Phạm, Hoàng/Huỳnh, Phan,
/// Vũ/Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý cover about nine in ten people) plus less common ones;
/// the initials and finals of Vietnamese orthography (chữ Quốc ngữ).
public enum VietnameseNames {
    public static let surnames: Set<String> = [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
        "ho", "ngo", "duong", "ly", "dinh", "dao", "doan", "lam", "mai", "trinh", "truong", "cao",
        "luu", "ha", "tang", "luong", "chu", "la", "ta", "thai", "kieu", "quach", "tong", "van",
        "dong", "khuc", "lai", "luc", "nghiem", "ong", "phung", "thach", "tieu", "to", "trieu",
        "u", "vuong", "xa", "au", "bach", "can", "chau", "diep", "giang", "hua", "khong", "khuat",
        "lo", "mac", "man", "nong", "quan", "sam", "tan", "than", "thieu", "tiet", "tu", "vi",
    ]

    /// Initial consonants, longest first.
    static let initials: [String] = [
        "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
        "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
    ]
    /// Final consonants.
    static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// True when a folded word has the shape of a Vietnamese syllable: `tinh`, `nguyen`, not
    /// `ubnd`, `thpt`.
    public static func isSyllable(_ folded: String) -> Bool {
        var rest = Substring(folded)
        if let initial = initials.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(initial.count) }
        let nucleus = rest.prefix { vowels.contains($0) }
        guard !nucleus.isEmpty, nucleus.count <= 3 else { return false }
        return finals.contains(String(rest.dropFirst(nucleus.count)))
    }
}
