/// The confusions of an OCR engine without Vietnamese (Tesseract `-l eng`): what it prints for a
/// Vietnamese letter, with a cost (in nats, against the language model's ln probabilities).
///
/// Source: seed s001 (fixtures/s001.txt, OCR'd with `tesseract -l eng`) read against its gold
/// record and the printed letter: `d6`→`đó`, `s6`→`số`, `gi4`→`giá`, `s0`→`sở`, `hudng`→`hướng`,
/// `ndi`→`nội`, `mét`→`một`, `nhén`→`nhận`, `img`/`ing`→`ứng`, `churc`→`chức`, `nhur`→`như`,
/// `ctia`/`cta`/`cla`→`của`, `thwc`/`tryc`→`thực`/`trực`, `phuwong`→`phương`, `Poc`→`Độc`,
/// `HQI`→`HỘI`, `1ap`→`lập`, `tr1en`→`triển`, `S¢`/`S&`→`Sở`. A digit or symbol inside a word is
/// surely a slip, so it is cheap; a letter read as another letter is dear, so the language model
/// must gain much to accept it.
public struct OCRChannel: Sendable {
    /// observed (lower case, one or two characters) → (the folded letter it stands for, cost)
    public let substitutions: [String: [(UInt8, Float)]]
    /// Cost of a marked letter printed where the truth has another mark on the same letter
    /// (`é` for `ê`/`ệ`/`ế`): the engine keeps the letter and guesses the mark.
    public let wrongMark: Float

    public static let tesseractEnglish = OCRChannel(substitutions: [
        "6": [(a("o"), 1.0)], "0": [(a("o"), 1.5)], "4": [(a("a"), 1.0)], "1": [(a("l"), 1.5), (a("i"), 1.5)],
        "¢": [(a("o"), 1.0)], "&": [(a("o"), 2.0)], "¥": [(a("y"), 1.0)],
        "d": [(a("o"), 4.0)], "é": [(a("a"), 2.5), (a("o"), 2.5)], "q": [(a("o"), 3.0)],
        "i": [(a("u"), 4.0)], "t": [(a("u"), 4.0)], "l": [(a("u"), 4.0)], "w": [(a("u"), 2.0)],
        "y": [(a("u"), 4.0)], "p": [(a("d"), 3.0)], "e": [(a("a"), 5.0)],
        "ur": [(a("u"), 2.5)], "uw": [(a("u"), 2.0)], "ti": [(a("u"), 3.0)], "ir": [(a("u"), 3.0)],
    ], wrongMark: 0.7)

    /// Symbols the engine prints for a letter (`¢` for `ở`, `¥` for `ỹ`): part of a word in OCR'd text.
    @inline(__always) public static func letterLike(_ u: Unicode.Scalar) -> Bool { u == "¢" || u == "¥" }

    private static func a(_ s: String) -> UInt8 { s.utf8.first! }
}
