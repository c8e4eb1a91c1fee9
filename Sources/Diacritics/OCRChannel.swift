/// The confusions of an OCR engine without Vietnamese (Tesseract `-l eng`): what it prints for a
/// Vietnamese letter, with a cost (in nats, against the language model's ln probabilities).
///
/// Two sources, merged (the cheaper cost wins):
/// - `measured*`: counted by `scripts/measure-ocr-channel.py` (`make ocr-channel`) on letters
///   generated from `../shared/lm` (never the corpus letters evaluated on), printed as scans and
///   OCR'd with `tesseract -l eng`, aligned character by character with their text. A cost is
///   the odds against the reading: ln(times the unit was itself / times it stood for the letter).
/// - `fromSeed`: read off seed s001 (fixtures/s001.txt, OCR'd with `tesseract -l eng`) against its
///   gold record and the printed letter: `d6`→`đó`, `s6`→`số`, `gi4`→`giá`, `s0`→`sở`,
///   `hudng`→`hướng`, `ndi`→`nội`, `img`/`ing`→`ứng`, `churc`→`chức`, `nhur`→`như`,
///   `ctia`/`cta`/`cla`→`của`, `thwc`/`tryc`→`thực`/`trực`, `phuwong`→`phương`, `Poc`→`Độc`,
///   `HQI`→`HỘI`, `1ap`→`lập`, `tr1en`→`triển`, `S¢`/`S&`→`Sở`. A digit or symbol inside a
///   word is surely a slip, so it is cheap; a letter read as another letter is dear, so the
///   language model must gain much to accept it.
public struct OCRChannel: Sendable {
    /// observed (lower case, one or two characters) → (the folded letter it stands for, cost)
    public let substitutions: [String: [(UInt8, Float)]]
    /// Cost of a marked letter printed where the truth has another mark on the same letter
    /// (`é` for `ê`/`ệ`/`ế`), for a printed letter that was not measured.
    public let wrongMark: Float
    /// printed marked letter (lower case) → letter of the text with the same base letter → cost
    let marks: [UInt32: [UInt32: Float]]
    /// printed marked letter → cost of reading it as itself (`é` is nearly always `ế`/`ệ`/`ề`…
    /// in a Vietnamese letter: `-l eng` has no `ê`). Absent: not measured, trusted.
    let markSelf: [UInt32: Float]

    public init(substitutions: [[String: [(String, Float)]]], marks: [String: [(String, Float)]] = [:],
                markSelf: [String: Float] = [:], wrongMark: Float) {
        var subs = [String: [(UInt8, Float)]]()
        for table in substitutions {
            for (unit, readings) in table {
                for (letter, cost) in readings {
                    let l = letter.utf8.first!
                    if let i = subs[unit, default: []].firstIndex(where: { $0.0 == l }) {
                        subs[unit]![i].1 = min(subs[unit]![i].1, cost)
                    } else {
                        subs[unit, default: []].append((l, cost))
                    }
                }
            }
        }
        self.substitutions = subs
        self.wrongMark = wrongMark
        func scalar(_ s: String) -> UInt32 { s.unicodeScalars.first!.value }
        var m = [UInt32: [UInt32: Float]]()
        for (printed, readings) in marks {
            for (letter, cost) in readings { m[scalar(printed), default: [:]][scalar(letter)] = cost }
        }
        self.marks = m
        var s = [UInt32: Float]()
        for (printed, cost) in markSelf { s[scalar(printed)] = cost }
        self.markSelf = s
    }

    /// The cost of reading the printed marked letter `printed` (lower case) as `letter`, another
    /// letter with the same base letter.
    @inline(__always) func markCost(_ printed: UInt32, _ letter: UInt32) -> Float {
        if let c = marks[printed]?[letter] { return c }
        // measured, but never seen standing for this letter: dear
        return markSelf[printed] != nil ? 3 : wrongMark
    }

    /// The cost of reading a printed marked letter (lower case) as itself.
    @inline(__always) func selfCost(_ printed: UInt32) -> Float { markSelf[printed] ?? 0 }

    /// The cost of reading the printed marked letters of a word as themselves.
    func keepCost(_ obs: [Unicode.Scalar]) -> Float {
        var c: Float = 0
        for u in obs { c += selfCost(Letters.lower(u.value)) }
        return c
    }

    /// Whether every marked letter printed in the word was measured: then the table's costs say
    /// how far to trust them, and a word the model knows gets no extra trust for being one.
    func measuresAll(_ obs: [Unicode.Scalar]) -> Bool {
        for u in obs {
            let l = Letters.lower(u.value)
            if let i = Letters.info(l), i.marked, markSelf[l] == nil { return false }
        }
        return true
    }

    public static let tesseractEnglish = OCRChannel(substitutions: [measuredSubstitutions, fromSeed],
                                                    marks: measuredMarks, markSelf: measuredMarkSelf, wrongMark: 0.7)

    /// The seed's table alone, as before the measured tables.
    public static let seedOnly = OCRChannel(substitutions: [fromSeed], wrongMark: 0.7)

    static let fromSeed: [String: [(String, Float)]] = [
        "6": [("o", 1.0)], "0": [("o", 1.5)], "4": [("a", 1.0)], "1": [("l", 1.5), ("i", 1.5)],
        "¢": [("o", 1.0)], "&": [("o", 2.0)], "¥": [("y", 1.0)],
        "d": [("o", 4.0)], "é": [("a", 2.5), ("o", 2.5)], "q": [("o", 3.0)],
        "i": [("u", 4.0)], "t": [("u", 4.0)], "l": [("u", 4.0)], "w": [("u", 2.0)],
        "y": [("u", 4.0)], "p": [("d", 3.0)], "e": [("a", 5.0)],
        "ur": [("u", 2.5)], "uw": [("u", 2.0)], "ti": [("u", 3.0)], "ir": [("u", 3.0)],
    ]

    // Measured by scripts/measure-ocr-channel.py --pages 48 --seed 12 --fonts "Liberation Serif 13,DejaVu Serif 12,Liberation Serif 14,DejaVu Sans 11"
    // --min-count 3 --min-count-pair 20 --max-cost 5.0:
    // 62184 letters of words, 15882 spaces between words; 3 letters printed with a
    // space inside (a broken word), 24 spaces not printed (two words joined).
    static let measuredSubstitutions: [String: [(String, Float)]] = [
        "0": [("o", 0.3)],  // of 4: o 4
        "1": [("l", 0.3)],  // of 55: l 55
        "4": [("a", 0.3)],  // of 23: a 23
        "6": [("o", 0.3)],  // of 478: o 472
        "d": [("o", 1.7), ("a", 2.4), ("u", 4.5)],  // of 3238: o 452, a 218, u 27
        "e": [("c", 3.2), ("o", 4.2), ("a", 4.5)],  // of 296: c 11, o 4, a 3
        "g": [("o", 3.0)],  // of 3212: o 158
        "i": [("u", 3.3)],  // of 4790: u 172
        "if": [("u", 0.3)],  // of 30: u 30
        "ir": [("u", 0.3)],  // of 65: u 65
        "it": [("u", 0.3)],  // of 71: u 71
        "j": [("i", 0.3)],  // of 6: i 4
        "l": [("u", 3.1)],  // of 869: u 36
        "r": [("u", 4.0)],  // of 824: u 14
        "t": [("u", 3.5)],  // of 4344: u 126
        "ti": [("u", 1.4)],  // of 58: u 58
        "tr": [("u", 2.8)],  // of 44: u 44
        "tt": [("u", 0.3)],  // of 58: u 43
        "u": [("o", 4.8)],  // of 4121: o 33
        "v": [("u", 3.1)],  // of 1195: u 53
        "w": [("u", 0.3)],  // of 116: u 111
        "y": [("u", 3.2)],  // of 1180: u 44
        "¢": [("o", 0.3)],  // of 12: o 11
        "é": [("o", 0.9), ("a", 4.7)],  // of 3293: o 929, a 21
    ]
    static let measuredMarks: [String: [(String, Float)]] = [
        "é": [("ê", 0.0), ("ế", 0.0), ("ề", 0.0), ("ể", 0.0), ("ệ", 0.0), ("ễ", 0.7), ("è", 1.4), ("ẻ", 1.5), ("ẽ", 2.3)],  // itself 41; ê 341, ế 486, ề 482, ể 260, ệ 683, ễ 20, è 10, ẻ 9, ẽ 4
    ]
    static let measuredMarkSelf: [String: Float] = [
        "é": 2.8,  // itself 41, likeliest other 683
    ]

    /// Marks the engine strews around what it cannot read (a signature, a handwritten day): a
    /// word glued to them is debris, not a word with slips (seen on seed s001's date line).
    static let debris: Set<Unicode.Scalar> = ["‘", "’", "'", "`", "|", "\\", "ﬁ", "ﬂ", "^", "~"]

    /// Symbols the engine prints for a letter (`¢` for `ở`, `¥` for `ỹ`): part of a word in OCR'd text.
    @inline(__always) public static func letterLike(_ u: Unicode.Scalar) -> Bool { u == "¢" || u == "¥" }
}
