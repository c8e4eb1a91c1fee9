import Foundation

/// What the extractor reads: the text of a document and what is known about where it came from.
/// The pipeline builds it from an ingested document; tests build it from a string.
public struct LetterText: Sendable {
    public var text: String
    public var source: Source
    /// Warnings the reading stage already raised (low OCR confidence, a replaced text layer …).
    public var warnings: [String]
    /// Facts read outside the body text: `signature_time` (ISO date-time from a digital-signature
    /// box), `received_date` (a readable ĐẾN stamp), `urgency_stamp` (`khan`/`thuong_khan`/`hoa_toc`).
    public var hints: [String: String]

    public init(text: String, source: Source = Source(file: "-"), warnings: [String] = [], hints: [String: String] = [:]) {
        self.text = text; self.source = source; self.warnings = warnings; self.hints = hints
    }
}

