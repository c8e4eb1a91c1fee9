import Foundation

/// Text → letter record. Pure: no I/O. Each part of the letter has its own parser under Parsers/.
public struct LetterExtractor: Sendable {
    public init() {}

    public func extract(_ input: LetterText) -> LetterRecord {
        var record = LetterRecord(source: input.source)
        record.warnings = input.warnings
        return record
    }

    /// Convenience for tests and callers holding only a string.
    public func extract(text: String, file: String = "-") -> LetterRecord {
        extract(LetterText(text: text, source: Source(file: file)))
    }
}
