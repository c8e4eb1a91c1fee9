/// Digits OCR reads one for another on scanned Vietnamese letters, both ways.
///
/// Where it comes from: the seed pair s000/s001 (the number `2164/UBND-KGVX` printed on the
/// letter, cited correctly by the follow-up letter, was read `2464` from the scan: 1↔4), and the
/// usual confusions of Tesseract on Times New Roman at 200–300 dpi (3↔8, 5↔6, 6↔8, 0↔8, 1↔7,
/// 0↔9, 5↔8, 8↔9, 4↔9, 2↔7, 3↔5). A pair here only proposes a link; the symbol and the month of
/// the letter must agree as well (see `LetterLinker`).
public enum DigitMisreads {
    static let pairs: [(Character, Character)] = [
        ("1", "4"), ("1", "7"), ("3", "8"), ("5", "6"), ("6", "8"), ("0", "8"),
        ("0", "9"), ("5", "8"), ("8", "9"), ("4", "9"), ("2", "7"), ("3", "5"), ("0", "6"),
    ]

    static let partners: [Character: [Character]] = {
        var m: [Character: [Character]] = [:]
        for (a, b) in pairs { m[a, default: []].append(b); m[b, default: []].append(a) }
        return m
    }()

    /// Every string that differs from `number` by one misread digit: `2164/UBND-KGVX` gives
    /// `2464/UBND-KGVX`, `2764/UBND-KGVX`, `2184/UBND-KGVX`, ….
    public static func variants(of number: String) -> [String] {
        let chars = Array(number)
        var out: [String] = []
        for (i, c) in chars.enumerated() {
            for p in partners[c] ?? [] {
                var v = chars; v[i] = p; out.append(String(v))
            }
        }
        return out
    }
}
