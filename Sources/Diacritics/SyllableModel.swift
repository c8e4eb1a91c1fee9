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
    private let probBook: [[Float]]
    private let bowBook: [[Float]]
    private let uniProb: UnsafePointer<UInt8>, uniBow: UnsafePointer<UInt8>
    // order k (index k-2 for k ≥ 2): children start of each (k-1)-gram, word, prob code, bow code
    private let childStart: [UnsafePointer<UInt32>]
    private let gramWord: [UnsafePointer<UInt16>]
    private let gramProb: [UnsafePointer<UInt8>]
    private let gramBow: [UnsafePointer<UInt8>?]
    private let counts: [Int]

    private let vocabOffsets: UnsafePointer<UInt32>, vocabBytes: UnsafePointer<UInt8>
    private let wordIndex: [String: WordID]
    private let candidateIndex: [String: Range<Int>]
    private let candidateIDs: UnsafePointer<UInt16>

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
        candidateIDs = try array(Int(candStart[keys]), UInt16.self)

        order = n; vocabularySize = v; self.counts = counts
        self.probBook = probBook; self.bowBook = bowBook
        childStart = cs; gramWord = gw; gramProb = gp; gramBow = gb
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
        self.candidateIndex = candidateIndex
    }

    deinit { base.deallocate() }

    /// Number of n-grams stored for each order (1…n).
    public var gramCounts: [Int] { counts }

    /// The id of a lower-case NFC word, `<num>` or punctuation token; nil when unseen.
    @inline(__always) public func id(of word: String) -> WordID? { wordIndex[word] }

    /// The word (lower case, with its diacritics) of an id.
    public func word(_ id: WordID) -> String {
        let s = Int(vocabOffsets[Int(id)]), e = Int(vocabOffsets[Int(id) + 1])
        return String(decoding: UnsafeBufferPointer(start: vocabBytes + s, count: e - s), as: UTF8.self)
    }

    /// The diacritised words seen whose folded form is `folded`, the most frequent first.
    public func candidates(folded: String) -> [WordID] {
        guard let r = candidateIndex[folded] else { return [] }
        return r.map { WordID(candidateIDs[$0]) }
    }

    /// The context state after `a b`: the index of bigram (a, b), or -1 when not stored.
    @inline(__always) public func bigram(_ a: WordID, _ b: WordID) -> Int32 {
        guard order >= 2 else { return -1 }
        return find(level: 0, parent: Int(a), word: b)
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

    /// ln p(c | a b) with `ab` the bigram index of (a, b) (or -1), and the bigram index of
    /// (b, c) for the next step. Orders above 3 are not used by the restorer's decoder.
    @inline(__always) public func score(_ ab: Int32, _ b: WordID, _ c: WordID) -> (Float, Int32) {
        if order >= 3, ab >= 0 {
            let t = find(level: 1, parent: Int(ab), word: c)
            if t >= 0 {
                return (probBook[2][Int(gramProb[1][Int(t)])], order >= 2 ? find(level: 0, parent: Int(b), word: c) : -1)
            }
        }
        var back: Float = 0
        if order >= 3, ab >= 0, let bow = gramBow[0] { back = bowBook[1][Int(bow[Int(ab)])] }
        if order >= 2 {
            let bc = find(level: 0, parent: Int(b), word: c)
            if bc >= 0 { return (back + probBook[1][Int(gramProb[0][Int(bc)])], bc) }
            back += bowBook[0][Int(uniBow[Int(b)])]
        }
        return (back + probBook[0][Int(uniProb[Int(c)])], -1)
    }

    /// ln p(c | b) with no older context.
    @inline(__always) public func score(_ b: WordID, _ c: WordID) -> (Float, Int32) { score(-1, b, c) }
}
