import Foundation

/// Whether a PDF page's text layer can be trusted, or the page must be read from its image.
/// Real incoming PDFs often carry a text layer made by a poor OCR (Vietnamese without diacritics:
/// "UY BAN NHAN DAN", "CQNG HOA"), by a font with no Unicode map (garbage), or only the text of the
/// digital-signature box over a scanned image.
enum TextLayerQuality: Equatable {
    case good
    /// Too little text: the page is a scan (maybe with a signature box's text).
    case tooLittle
    /// Vietnamese words without their diacritics.
    case lostDiacritics
    /// Mostly not words at all.
    case garbage

    /// Fewer letters than this and the page counts as having no text layer.
    static let minimumLetters = 40
    /// Share of words carrying a Vietnamese diacritic below which a Vietnamese text lost them.
    /// Running Vietnamese text has about half its syllables marked.
    static let minimumMarkedShare = 0.08
    /// Share of tokens that are plausible syllables below which the layer is garbage.
    static let minimumSyllableShare = 0.55

    static func assess(_ text: String) -> TextLayerQuality {
        let letters = text.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
        if letters < minimumLetters { return .tooLittle }
        let bad = text.unicodeScalars.filter { (0xE000...0xF8FF).contains($0.value) || $0.value == 0xFFFD }.count
        if Double(bad) > 0.05 * Double(letters) { return .garbage }
        let words = text.split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard words.count >= 8 else { return .good }
        let syllables = words.filter(VietnameseSyllable.isPlausible).count
        if Double(syllables) < minimumSyllableShare * Double(words.count) { return .garbage }
        let marked = words.filter(VietnameseSyllable.hasVietnameseMark).count
        let vietnameseLooking = words.filter { VietnameseSyllable.commonFolded.contains(PageText.fold($0)) }.count
        if words.count >= 20, Double(marked) < minimumMarkedShare * Double(words.count),
           Double(vietnameseLooking) > 0.15 * Double(words.count) {
            return .lostDiacritics
        }
        return .good
    }

    var reason: String {
        switch self {
        case .good: return "good"
        case .tooLittle: return "no text layer"
        case .lostDiacritics: return "the text layer has lost its Vietnamese diacritics"
        case .garbage: return "the text layer is not readable text"
        }
    }
}

/// Spelling shape of a Vietnamese syllable, for telling text from garbage.
enum VietnameseSyllable {
    /// Letters only Vietnamese (among Latin scripts) writes with: any precomposed letter with a
    /// breve, circumflex, horn, stroke or tone mark.
    static func hasVietnameseMark(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.value >= 0xC0 && $0.value <= 0x1EF9 && CharacterSet.letters.contains($0) }
    }

    private static let pattern = try! NSRegularExpression(
        pattern: "^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")

    /// A word folded to ASCII has the shape onset + vowels + coda, or is a short abbreviation,
    /// a number word in capitals (UBND, QĐ) or an English word the letters use.
    static func isPlausible(_ word: String) -> Bool {
        let f = PageText.fold(word)
        if f.count <= 1 { return true }
        if word == word.uppercased() && word.count <= 8 { return true }   // abbreviations: UBND, KGVX
        return pattern.firstMatch(in: f, range: NSRange(f.startIndex..., in: f)) != nil
    }

    /// Frequent syllables of administrative Vietnamese, folded: their presence without diacritics
    /// shows a text that lost them (source: counts over the project's seed letters).
    static let commonFolded: Set<String> = [
        "cua", "va", "cac", "nam", "ngay", "thang", "uy", "ban", "nhan", "dan", "tinh", "so", "cong",
        "hoa", "xa", "hoi", "chu", "nghia", "viet", "doc", "lap", "tu", "do", "hanh", "phuc", "ve",
        "viec", "thuc", "hien", "theo", "quy", "dinh", "don", "vi", "co", "quan", "trong", "tren",
        "duoc", "cho", "voi", "nay", "nguoi", "bao", "cao", "thong", "tin", "ke", "hoach", "huyen",
    ]
}
