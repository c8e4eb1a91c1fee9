import Foundation

/// What the extractor reads: the text of a document and what is known about where it came from.
/// The pipeline builds it from an ingested document; tests build it from a string.
public struct LetterText: Sendable {
    public var text: String
    public var source: Source
    /// Warnings the reading stage already raised (low OCR confidence, a replaced text layer …).
    public var warnings: [ReadingNote]
    /// What the page marks said: the signature box's time, a readable ĐẾN stamp, an urgency stamp.
    public var hints: PageHints

    /// Today's date, for checks against the future (a first-applied date not yet come). The
    /// extractor reads no clock: the caller says what day it is; nil skips those checks.
    public var today: CalendarDate?

    public init(text: String, source: Source = Source(file: "-"), warnings: [ReadingNote] = [], hints: PageHints = PageHints(),
                today: CalendarDate? = nil) {
        self.text = text; self.source = source; self.warnings = warnings; self.hints = hints; self.today = today
    }
}

