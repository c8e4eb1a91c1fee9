import Foundation

/// How alike two initiatives read, 0–1, on their folded title and summary: the council must not
/// recognise the same initiative twice, however it was reworded or typed (with or without
/// diacritics).
///
/// Each text becomes a vector of its syllable pairs (a Vietnamese word is mostly one or two
/// syllables, so pairs stand for words like "hiệu quả", "quy chế") and, at half weight, its
/// syllables, leaving out syllables every report uses (InitiativeForm.commonSyllables); two
/// vectors are compared by cosine. Pairs weigh more because single syllables ("quản", "lý",
/// "tỉnh") are shared by any two reports of the same offices. The title counts for a third, the
/// summary for two thirds, when both reports have both.
public enum InitiativeSimilarity {
    /// At or above this, a new report is put before the secretariat as a likely duplicate.
    /// Measured on the reports of InitiativeTests: the seed report paraphrased sentence by sentence
    /// scores 0.54, read by an OCR without Vietnamese 0.86; another initiative of the same office
    /// ("tiếp công dân", sharing "nâng cao hiệu quả", "Chủ tịch UBND tỉnh", "trách nhiệm") 0.34,
    /// an unrelated one 0.03. A missed duplicate costs more than a second look, hence the lower side.
    public static let nearDuplicateThreshold = 0.42

    public static func compare(_ a: Initiative, _ b: Initiative) -> Double {
        compare(InitiativeFingerprint(a), InitiativeFingerprint(b))
    }

    public static func compare(_ a: InitiativeFingerprint, _ b: InitiativeFingerprint) -> Double {
        var score = 0.0, weight = 0.0
        if !a.title.isEmpty && !b.title.isEmpty { score += cosine(a.title, b.title); weight += 1 }
        if !a.summary.isEmpty && !b.summary.isEmpty { score += 2 * cosine(a.summary, b.summary); weight += 2 }
        return weight == 0 ? 0 : min(1, score / weight)
    }

    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (k, v) in small { if let w = large[k] { dot += v * w } }
        return dot
    }
}

/// An initiative's text reduced for comparison; computed once per stored initiative, so comparing
/// a new report against thousands is a few thousand sparse dot products.
public struct InitiativeFingerprint: Sendable, Equatable {
    /// Unit-length vectors: syllable and syllable-pair counts.
    public let title: [String: Double]
    public let summary: [String: Double]

    public init(_ initiative: Initiative) {
        title = Self.vector(initiative.title ?? "")
        summary = Self.vector(initiative.summary ?? "")
    }

    static func vector(_ text: String) -> [String: Double] {
        let syllables = Folding.fold(text)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
            .filter { !InitiativeForm.commonSyllables.contains($0) }
        var counts: [String: Double] = [:]
        for s in syllables { counts[s, default: 0] += 0.5 }
        for (x, y) in zip(syllables, syllables.dropFirst()) { counts[x + " " + y, default: 0] += 1 }
        let norm = counts.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return [:] }
        return counts.mapValues { $0 / norm }
    }
}
