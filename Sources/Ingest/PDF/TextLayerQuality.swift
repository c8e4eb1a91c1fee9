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
        let vietnameseLooking = words.filter { VietnameseSyllable.commonFolded.contains(Folding.fold($0)) }.count
        if words.count >= 20, Double(marked) < minimumMarkedShare * Double(words.count),
           Double(vietnameseLooking) > 0.15 * Double(words.count) {
            return .lostDiacritics
        }
        return .good
    }

    /// Why the layer is not used, for the reader's note; nil for a good one.
    var problem: TextLayerProblem? {
        switch self {
        case .good: return nil
        case .tooLittle: return .noTextLayer
        case .lostDiacritics: return .lostDiacritics
        case .garbage: return .garbage
        }
    }
}
