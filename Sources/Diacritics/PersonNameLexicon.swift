import Foundation

/// The names a person's name is made of, for the restorer's names channel (the tables live in
/// Extract's `PersonNames`; this target depends on nothing, so the caller passes them in).
public struct PersonNameLexicon: Sendable {
    public var surnames: [String]
    /// Syllables that stand in the middle of a name (any given name may too).
    public var middle: [String]
    public var given: [String]
    /// How many people bear each name in the middle and last place (what tells `Văn` from `Vạn`).
    public var counts: [String: (middle: Int, given: Int)]
    /// Places and bodies (`Hà Tĩnh`, `Văn phòng`): capitalised words that are no person's name.
    public var notNames: [String]

    public init(surnames: [String], middle: [String], given: [String], counts: [String: (middle: Int, given: Int)] = [:],
                notNames: [String] = []) {
        self.surnames = surnames; self.middle = middle; self.given = given; self.counts = counts; self.notNames = notNames
    }

    public static let empty = PersonNameLexicon(surnames: [], middle: [], given: [])
}

/// The lexicon as model word ids: what the decoder looks at.
struct NameIndex: Sendable {
    /// Family names.
    var surnames = Set<SyllableModel.WordID>()
    /// Names that may follow the family name: ln of (people bearing it + 1) in the middle and last
    /// place; absent = not a name there.
    var middle = [SyllableModel.WordID: Float]()
    var given = [SyllableModel.WordID: Float]()
    /// The places and bodies, folded (ASCII, lower case, one space between words).
    var phrases = Set<[UInt8]>()

    init(_ lexicon: PersonNameLexicon, model: SyllableModel) {
        func id(_ w: String) -> SyllableModel.WordID? {
            model.id(of: String(String.UnicodeScalarView(w.precomposedStringWithCanonicalMapping.unicodeScalars.map {
                Unicode.Scalar(Letters.lower($0.value))!
            })))
        }
        for w in lexicon.surnames { if let i = id(w) { surnames.insert(i) } }
        for w in lexicon.given {
            guard let i = id(w) else { continue }
            let c = lexicon.counts[w] ?? (0, 0)
            given[i] = log(Float(c.given + 1))
            middle[i] = log(Float(c.middle + 1))
        }
        for p in lexicon.notNames {
            var key = [UInt8]()
            for u in p.precomposedStringWithCanonicalMapping.unicodeScalars {
                if let f = Letters.info(u.value)?.folded, f != 0 { key.append(f) }
                else if u == " " || u == "-", key.last != 0x20 { key.append(0x20) }
            }
            if key.contains(0x20) { phrases.insert(key) }
        }
        for w in lexicon.middle {
            guard let i = id(w) else { continue }
            middle[i] = log(Float((lexicon.counts[w]?.middle ?? 0) + 1))
        }
    }

    var isEmpty: Bool { surnames.isEmpty }
}
