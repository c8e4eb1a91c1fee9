import Foundation
import Ingest
import Extract
import Diacritics

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
        extractRestoring(doc).record
    }

    /// Extracts the record of a document, first putting back the diacritics of a text that came
    /// without them (the record then says `"diacritics": "restored"`, and a warning how many
    /// syllables the restorer was unsure of). `text` is the text the record was read from.
    /// Without a model file the stripped text is read as it is (`"diacritics": "stripped"`).
    public func extractRestoring(_ doc: IngestedDocument) -> (record: LetterRecord, text: String) {
        var input = Self.letterText(doc)
        guard DiacriticsCheck.isStripped(doc.text), let restored = try? restoreDiacritics(doc.text) else {
            return (extractor.extract(input), doc.text)
        }
        input.text = restored.text
        var record = extractor.extract(input)
        record.diacritics = .restored
        record.warnings.append(.diacriticsRestored(uncertain: restored.uncertain, syllables: restored.syllables))
        return (record, restored.text)
    }

    /// The text with its Vietnamese diacritics put back (the model is loaded on first use).
    public func restoreDiacritics(_ text: String) throws -> DiacriticRestorer.Result {
        try SharedRestorer.restorer(symbols: Self.numberSymbols, names: Self.personNames).restore(text)
    }

    /// Restores UTF-8 text of any size piece by piece, from `read` to `write` (flat memory).
    public func restoreDiacritics(reading read: (Int) -> Data?, writing write: (Data) -> Void) throws -> DiacriticRestorer.Result {
        try SharedRestorer.restorer(symbols: Self.numberSymbols, names: Self.personNames).restore(reading: read, writing: write)
    }

    /// Family, middle and given names, from Extract's tables, for the restorer's names channel.
    public static let personNames = PersonNameLexicon(surnames: PersonNames.surnames, middle: PersonNames.middle,
                                                      given: PersonNames.given, counts: PersonNames.counts,
                                                      notNames: PersonNames.notNames)

    /// The symbols of document numbers as printed (`QĐ`, `NĐ` …), from Extract's kinds table.
    static let numberSymbols: [String] = DocumentKinds.table.flatMap(\.abbreviations)

    /// The extractor's view of an ingested document.
    public static func letterText(_ doc: IngestedDocument) -> LetterText {
        let source = Source(file: (doc.path as NSString).lastPathComponent, sha256: doc.sha256,
                            pages: max(1, doc.pages.count), textOrigin: doc.origin.rawValue,
                            ocrConfidence: doc.ocrConfidence.map { ($0 * 1000).rounded() / 1000 },
                            signatures: doc.signatures.map(Self.signatureRecord))
        var text = LetterText(text: doc.text, source: source, warnings: doc.warnings, hints: doc.hints, today: today())
        let readings = { (r: [DigitReading]) in r.map { HandwrittenFields.Reading(digits: $0.digits, confidence: $0.confidence) } }
        text.handwritten = HandwrittenFields(number: readings(doc.handwritten.number), day: readings(doc.handwritten.day),
                                             month: readings(doc.handwritten.month))
        return text
    }

    /// A signature as the record gives it: the time in Vietnam time.
    static func signatureRecord(_ s: DigitalSignature) -> DigitalSignatureRecord {
        DigitalSignatureRecord(signer: s.signer, time: s.vietnamISO, valid: s.valid, wholeDocument: s.wholeDocument,
                               certificate: s.certificate)
    }

    /// Today's civil date in the local time zone.
    static func today() -> CalendarDate {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year!, month: c.month, day: c.day)
    }
}
