import Foundation
import Ingest
import Extract

/// One file through the stages that read it: Ingest (file → text with layout) then Extract
/// (text → record). Storing is the caller's next step (see `Inbox`, `Ingestor`).
public struct LetterPipeline: Sendable {
    public var reader: DocumentReader
    public var extractor = LetterExtractor()

    public init(options: IngestOptions = IngestOptions()) {
        reader = DocumentReader(options: options)
    }

    /// Reads a file into text. Throws `IngestError` naming the file and the reason.
    public func read(path: String) throws -> IngestedDocument {
        try reader.read(path: path)
    }

    /// Reads and extracts one file.
    public func extract(path: String) throws -> (IngestedDocument, LetterRecord) {
        let doc = try read(path: path)
        return (doc, extract(doc))
    }

    /// Extracts the record of an already-read document.
    public func extract(_ doc: IngestedDocument) -> LetterRecord {
        extractor.extract(Self.letterText(doc))
    }

    /// The extractor's view of an ingested document.
    public static func letterText(_ doc: IngestedDocument) -> LetterText {
        let source = Source(file: (doc.path as NSString).lastPathComponent, sha256: doc.sha256,
                            pages: max(1, doc.pages.count), textOrigin: doc.origin.rawValue,
                            ocrConfidence: doc.ocrConfidence.map { ($0 * 1000).rounded() / 1000 })
        var text = LetterText(text: doc.text, source: source, warnings: doc.warnings, hints: doc.hints, today: today())
        let readings = { (r: [DigitReading]) in r.map { HandwrittenFields.Reading(digits: $0.digits, confidence: $0.confidence) } }
        text.handwritten = HandwrittenFields(number: readings(doc.handwritten.number), day: readings(doc.handwritten.day),
                                             month: readings(doc.handwritten.month))
        return text
    }

    /// Today's civil date in the local time zone.
    static func today() -> CalendarDate {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year!, month: c.month, day: c.day)
    }
}
