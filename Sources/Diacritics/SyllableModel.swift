import Foundation

/// The Vietnamese syllable n-gram model (backoff form of interpolated modified Kneser–Ney) and
/// the candidate table, as written by `scripts/train-lm.py` (`make model`); the layout is
/// described there. The file is read once into one buffer and queried in place: n-grams sit in
/// a trie of sorted arrays (the children of a context are contiguous and sorted by word), so a
/// score is one or two binary searches over a context's few successors.
public final class SyllableModel: @unchecked Sendable {
    public typealias WordID = Int32

    public let order: Int
    public let vocabularySize: Int
    /// Ids of `<s>` and `<unk>` (the first two words of the vocabulary).
    public let sentenceStart: WordID = 0
    public let unknown: WordID = 1

    private let base: UnsafeMutableRawPointer
    private let byteCount: Int
    // flat tables, reached without array bounds checks or reference counting (the decoder's
    // inner loop): prob codebook of order k at (k-1)*256, bow codebook of order k at (k-1)*256
    private let probBook: UnsafeMutablePointer<Float>
    private let bowBook: UnsafeMutablePointer<Float>
    private let uniProb: UnsafePointer<UInt8>, uniBow: UnsafePointer<UInt8>
    // order k (index k-2 for k ≥ 2): children start of each (k-1)-gram, word, prob code, bow code
    private let childStart: UnsafeMutablePointer<UnsafePointer<UInt32>>
    private let gramWord: UnsafeMutablePointer<UnsafePointer<UInt16>>
    private let gramProb: UnsafeMutablePointer<UnsafePointer<UInt8>>
    private let gramBow: UnsafeMutablePointer<UnsafePointer<UInt8>>
    private let counts: [Int]

    private let vocabOffsets: UnsafePointer<UInt32>, vocabBytes: UnsafePointer<UInt8>
    private let wordIndex: [String: WordID]
    private let candidateIndex: [String: Range<Int>]
    private var candidateIDs: UnsafePointer<UInt16>
    /// The candidate lists as kept (owned; the file's lists less the rare and the variant spellings).
    private var ownedCandidates: UnsafeMutablePointer<UInt16>?
    /// The same tables keyed by the packed ASCII form (≤ 8 characters, one byte each): a
    /// syllable is looked up without building a String.
    private let packedCandidates: [UInt64: Range<Int>]
    private let asciiWords: [UInt64: WordID]
    private let wordScalars: [[Unicode.Scalar]]
    /// ln P(written with a capital | word, inside a sentence), and ln P(in lower case | …).
    private let capitalLog: [Float]
    private let lowerLog: [Float]

    public enum LoadError: Error, CustomStringConvertible {
        case notAModel(String), truncated(String)
        public var description: String {
            switch self {
            case .notAModel(let p): return "\(p): not a vanthu syllable model (bad magic)"
            case .truncated(let p): return "\(p): the model file is truncated"
            }
        }
    }

    public convenience init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        try self.init(data: data, name: url.path)
    }

    public init(data: Data, name: String = "model") throws {
        let byteCount = data.count
        let base = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 8), alignment: 8)
        data.withUnsafeBytes { if byteCount > 0 { base.copyMemory(from: $0.baseAddress!, byteCount: byteCount) } }
        self.byteCount = byteCount
        self.base = base
        var pos = 0
        func need(_ n: Int) throws { if pos + n > byteCount { throw LoadError.truncated(name) } }
        func u32() throws -> Int {
            try need(4); defer { pos += 4 }
            return Int(base.loadUnaligned(fromByteOffset: pos, as: UInt32.self).littleEndian)
        }
        func pad() { pos = (pos + 3) & ~3 }
        func array<T>(_ n: Int, _: T.Type) throws -> UnsafePointer<T> {
            try need(n * MemoryLayout<T>.size)
            defer { pos += n * MemoryLayout<T>.size }
            return UnsafePointer(base.advanced(by: pos).assumingMemoryBound(to: T.self))
        }
        guard byteCount >= 8, String(decoding: UnsafeRawBufferPointer(start: base, count: 8), as: UTF8.self) == "VNSYLLM1"
        else { throw LoadError.notAModel(name) }
        pos = 8
        let n = try u32()
        let v = try u32()
        guard n >= 1, n <= 6, v >= 2, v <= 65536 else { throw LoadError.notAModel(name) }
        var counts = [Int]()
        for _ in 0..<n { counts.append(try u32()) }
        let keys = try u32()
        func book() throws -> [Float] { let p = try array(256, Float.self); return (0..<256).map { p[$0] } }
        var probBook = [[Float]](), bowBook = [[Float]]()
        for _ in 0..<n { probBook.append(try book()) }
        for _ in 0..<(n - 1) { bowBook.append(try book()) }
        vocabOffsets = try array(v + 1, UInt32.self)
        vocabBytes = try array(Int(vocabOffsets[v]), UInt8.self); pad()
        uniProb = try array(v, UInt8.self)
        uniBow = try array(v, UInt8.self); pad()
        var cs = [UnsafePointer<UInt32>](), gw = [UnsafePointer<UInt16>](), gp = [UnsafePointer<UInt8>]()
        var gb = [UnsafePointer<UInt8>?]()
        if n >= 2 {
            for k in 2...n {
                cs.append(try array(counts[k - 2] + 1, UInt32.self))
                gw.append(try array(counts[k - 1], UInt16.self)); pad()
                gp.append(try array(counts[k - 1], UInt8.self)); pad()
                if k < n { gb.append(try array(counts[k - 1], UInt8.self)); pad() } else { gb.append(nil) }
            }
        }
        let keyOffsets = try array(keys + 1, UInt32.self)
        let keyBytes = try array(Int(keyOffsets[keys]), UInt8.self); pad()
        let candStart = try array(keys + 1, UInt32.self)
        candidateIDs = try array(Int(candStart[keys]), UInt16.self); pad()
        // ln P(capitalised | word) per word (older model files have none: no case evidence)
        if pos + v <= byteCount {
            let caps = try array(v, Int8.self)
            capitalLog = (0..<v).map { Float(caps[$0]) / 10 }
        } else {
            capitalLog = [Float](repeating: 0, count: v)
        }
        lowerLog = capitalLog.map { $0 >= 0 ? 0 : log(max(1e-4, 1 - exp($0))) }

        order = n; vocabularySize = v; self.counts = counts
        self.probBook = .allocate(capacity: 256 * n)
        self.bowBook = .allocate(capacity: 256 * max(1, n - 1))
        for k in 0..<n { for c in 0..<256 { self.probBook[k * 256 + c] = probBook[k][c] } }
        for k in 0..<(n - 1) { for c in 0..<256 { self.bowBook[k * 256 + c] = bowBook[k][c] } }
        childStart = .allocate(capacity: max(1, cs.count)); gramWord = .allocate(capacity: max(1, gw.count))
        gramProb = .allocate(capacity: max(1, gp.count)); gramBow = .allocate(capacity: max(1, gb.count))
        for i in cs.indices {
            childStart[i] = cs[i]; gramWord[i] = gw[i]; gramProb[i] = gp[i]
            gramBow[i] = gb[i] ?? gp[i] // the top order has no bow; never read
        }
        var wordIndex = [String: WordID](minimumCapacity: v)
        for i in 0..<v {
            let s = Int(vocabOffsets[i]), e = Int(vocabOffsets[i + 1])
            wordIndex[String(decoding: UnsafeBufferPointer(start: vocabBytes + s, count: e - s), as: UTF8.self)] = WordID(i)
        }
        self.wordIndex = wordIndex
        var candidateIndex = [String: Range<Int>](minimumCapacity: keys)
        for i in 0..<keys {
            let s = Int(keyOffsets[i]), e = Int(keyOffsets[i + 1])
            let key = String(decoding: UnsafeBufferPointer(start: keyBytes + s, count: e - s), as: UTF8.self)
            candidateIndex[key] = Int(candStart[i])..<Int(candStart[i + 1])
        }
        // candidates far rarer than their group's most frequent word (by the unigram) are dropped:
        // they are almost never right and each one costs the decoder a beam of scores
        let keepRatio = Float(ProcessInfo.processInfo.environment["VANTHU_CAND_RATIO"].flatMap(Double.init) ?? 1e-5)
        let floor = log(keepRatio)
        let probBookCopy = probBook[0]
        for (k, r) in candidateIndex {
            let top = probBookCopy[Int(uniProb[Int(candidateIDs[r.lowerBound])])]
            var end = r.lowerBound + 1
            while end < r.upperBound && probBookCopy[Int(uniProb[Int(candidateIDs[end])])] - top >= floor { end += 1 }
            candidateIndex[k] = r.lowerBound..<end
        }
        // Spellings of one syllable that differ only in where the tone mark sits (`ủy`/`uỷ`,
        // `hòa`/`hoà`, `thủy`/`thuỷ`) are one word written two ways; the model splits its counts
        // between them, and the rarer one's contexts back off cheaply, so the decoder would
        // choose the spelling by chance (`Tỉnh uỷ;` where the text has `Tỉnh ủy` 40 times as
        // often). Only the more frequent spelling stays a candidate (VANTHU_TONE_VARIANTS=keep:
        // both, to measure it).
        if ProcessInfo.processInfo.environment["VANTHU_TONE_VARIANTS"] != "keep" {
            let total = candidateIndex.values.reduce(0) { $0 + $1.count }
            let owned = UnsafeMutablePointer<UInt16>.allocate(capacity: max(1, total))
            var pos = 0
            let offsets = vocabOffsets, bytes = vocabBytes, ids = candidateIDs
            func spelling(_ id: UInt16) -> String {
                let s = Int(offsets[Int(id)]), e = Int(offsets[Int(id) + 1])
                return String(decoding: UnsafeBufferPointer(start: bytes + s, count: e - s), as: UTF8.self)
            }
            for (k, r) in candidateIndex {
                let start = pos
                var seen = Set<String>()
                for i in r {
                    let id = ids[i]
                    // lists are by frequency, most frequent first: the first of a variant group stays
                    if r.count > 1 && !seen.insert(Self.toneKey(spelling(id))).inserted { continue }
                    owned[pos] = id
                    pos += 1
                }
                candidateIndex[k] = start..<pos
            }
            ownedCandidates = owned
            candidateIDs = UnsafePointer(owned)
        }
        self.candidateIndex = candidateIndex
        var packedCandidates = [UInt64: Range<Int>](minimumCapacity: keys)
        for (k, r) in candidateIndex { if let p = Self.pack(k.unicodeScalars) { packedCandidates[p] = r } }
        self.packedCandidates = packedCandidates
        var wordScalars = [[Unicode.Scalar]]()
        wordScalars.reserveCapacity(v)
        var asciiWords = [UInt64: WordID]()
        for i in 0..<v {
            let s = Int(vocabOffsets[i]), e = Int(vocabOffsets[i + 1])
            let w = String(decoding: UnsafeBufferPointer(start: vocabBytes + s, count: e - s), as: UTF8.self)
            wordScalars.append(Array(w.unicodeScalars))
            if let p = Self.pack(w.unicodeScalars) { asciiWords[p] = WordID(i) }
        }
        self.wordScalars = wordScalars
        self.asciiWords = asciiWords
    }

    deinit {
        base.deallocate(); probBook.deallocate(); bowBook.deallocate(); ownedCandidates?.deallocate()
        childStart.deallocate(); gramWord.deallocate(); gramProb.deallocate(); gramBow.deallocate()
    }

    /// A syllable with its tone mark taken off to the end (`ủy` and `uỷ` → `uy` + hook): spellings
    /// that differ only in where the mark sits have the same key.
    static func toneKey(_ w: String) -> String {
        var base = String.UnicodeScalarView()
        var tone: Unicode.Scalar?
        for u in w.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch u.value {
            case 0x300, 0x301, 0x303, 0x309, 0x323: tone = u
            default: base.append(u)
            }
        }
        if let t = tone { base.append(t) }
        return String(base)
    }

    /// Number of n-grams stored for each order (1…n).
    public var gramCounts: [Int] { counts }

    /// The id of a lower-case NFC word, `<num>` or punctuation token; nil when unseen.
    @inline(__always) public func id(of word: String) -> WordID? { wordIndex[word] }

    /// ln P(the word is written with a capital, or not, inside a sentence): names and places are.
    @inline(__always) public func caseLog(_ id: WordID, capitalised: Bool) -> Float {
        capitalised ? capitalLog[Int(id)] : lowerLog[Int(id)]
    }

    /// The word (lower case, with its diacritics) of an id.
    public func word(_ id: WordID) -> String {
        let s = Int(vocabOffsets[Int(id)]), e = Int(vocabOffsets[Int(id) + 1])
        return String(decoding: UnsafeBufferPointer(start: vocabBytes + s, count: e - s), as: UTF8.self)
    }

    /// Up to 8 ASCII characters in one integer (nil: longer, or not ASCII).
    @inline(__always) public static func pack<S: Sequence>(_ scalars: S) -> UInt64? where S.Element == Unicode.Scalar {
        var p: UInt64 = 0, n = 0
        for u in scalars {
            guard u.value < 0x80, u.value > 0, n < 8 else { return nil }
            p = p << 8 | UInt64(u.value); n += 1
        }
        return n == 0 ? nil : p
    }

    /// The candidates of a packed folded form: a range for `candidate(at:)`.
    @inline(__always) public func candidateRange(packed: UInt64) -> Range<Int>? { packedCandidates[packed] }
    @inline(__always) public func candidate(at i: Int) -> WordID { WordID(candidateIDs[i]) }
    /// The id of a word written in ASCII, packed.
    @inline(__always) public func id(packed: UInt64) -> WordID? { asciiWords[packed] }
    /// The scalars of a word (lower case, NFC).
    @inline(__always) public func scalars(_ id: WordID) -> [Unicode.Scalar] { wordScalars[Int(id)] }

    /// The diacritised words seen whose folded form is `folded`, the most frequent first.
    public func candidates(folded: String) -> [WordID] {
        guard let r = candidateIndex[folded] else { return [] }
        return r.map { WordID(candidateIDs[$0]) }
    }

    @inline(__always) private func find(level: Int, parent: Int, word: WordID) -> Int32 {
        let starts = childStart[level]
        var lo = Int(starts[parent]), hi = Int(starts[parent + 1])
        let words = gramWord[level]
        let w = UInt16(truncatingIfNeeded: word)
        while lo < hi {
            let mid = (lo + hi) >> 1
            let m = words[mid]
            if m == w { return Int32(mid) }
            if m < w { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    /// What the model remembers of the words before: the last word and the indices of the
    /// stored grams ending with it (order 2 and 3; -1 when not stored).
    public struct Context: Equatable, Sendable {
        public var word: WordID
        var g2: Int32
        var g3: Int32
    }

    /// The context after the words `words` (oldest first; only the last `order - 1` count).
    public func context(_ words: [WordID]) -> Context {
        var c = Context(word: sentenceStart, g2: -1, g3: -1)
        for w in words { c = next(c, w).1 }
        return c
    }

    /// ln p(x | context) under the backoff model, and the context after x.
    @inline(__always) public func next(_ c: Context, _ x: WordID) -> (Float, Context) {
        var back: Float = 0
        var result: Float = 0
        var hit = 1
        var found: Int32 = -1
        // from the longest context down: order 4 (needs g3), 3 (g2), 2 (the word)
        var k = min(order, 4)
        while k >= 2 {
            let parent: Int32 = k == 4 ? c.g3 : (k == 3 ? c.g2 : c.word)
            if parent >= 0 {
                let q = find(level: k - 2, parent: Int(parent), word: x)
                if q >= 0 {
                    result = back + probBook[(k - 1) << 8 | Int(gramProb[k - 2][Int(q)])]
                    hit = k; found = q
                    break
                }
                back += k == 2 ? bowBook[Int(uniBow[Int(parent)])] : bowBook[(k - 2) << 8 | Int(gramBow[k - 3][Int(parent)])]
            }
            k -= 1
        }
        if hit == 1 { result = back + probBook[Int(uniProb[Int(x)])] }
        // the new context: grams ending with x of order 2 and 3, where the model stores them
        var n = Context(word: x, g2: -1, g3: -1)
        if order >= 2 { n.g2 = hit == 2 ? found : find(level: 0, parent: Int(c.word), word: x) }
        if order >= 4, c.g2 >= 0, n.g2 >= 0 { n.g3 = hit == 3 ? found : find(level: 1, parent: Int(c.g2), word: x) }
        return (result, n)
    }
}
