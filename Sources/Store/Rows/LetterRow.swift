import Foundation
import GRDB
import Extract

/// One stored letter: the whole record as JSON, plus the fields queries filter and sort on.
public struct LetterRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "letters"

    public var id: Int64?
    /// The `vanthu/letter@1` record, exactly as extracted.
    public var recordJSON: String
    public var numberText: String?
    public var seq: Int?
    public var symbol: String?
    public var issuer: String?
    /// ISO, possibly shortened (`2025-04` when the day is blank).
    public var date: String?
    public var kind: String
    public var subject: String?
    /// The text the record was extracted from (pages separated by a form feed).
    public var fullText: String
    public var storedAt: Date
    /// An initiative report (the record has its `initiative` part): it enters the council's queue.
    /// Nil only in rows stored before this column existed, until the backfill step reads them.
    public var isInitiative: Bool?
    /// A letter calling for initiatives (`InitiativeCampaign`), to which reports are linked.
    public var callsForInitiatives: Bool?
    /// The register (Phụ lục IV): số đến within `arrivalYear`, ngày đến (ISO), who holds it.
    public var arrivalYear: Int?
    public var arrivalNumber: Int?
    public var arrivalDate: String?
    public var unit: String?
    public var person: String?
    public var registerNote: String?
    /// A paper letter typed by the clerk, not scanned yet.
    public var paper: Bool = false

    enum CodingKeys: String, CodingKey {
        case id, recordJSON = "record_json", numberText = "number_text", seq, symbol, issuer, date,
             kind, subject, fullText = "full_text", storedAt = "stored_at", isInitiative = "is_initiative",
             callsForInitiatives = "calls_for_initiatives",
             arrivalYear = "arrival_year", arrivalNumber = "arrival_number", arrivalDate = "arrival_date",
             unit, person, registerNote = "register_note", paper
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let numberText = Column(CodingKeys.numberText)
        public static let symbol = Column(CodingKeys.symbol)
        public static let date = Column(CodingKeys.date)
        public static let arrivalYear = Column(CodingKeys.arrivalYear)
        public static let arrivalNumber = Column(CodingKeys.arrivalNumber)
    }

    public init(record: LetterRecord, fullText: String, storedAt: Date) throws {
        recordJSON = ""; kind = ""; self.fullText = fullText; self.storedAt = storedAt
        try take(record)
    }

    /// Sets the fields that come from the record (a scan joining a paper entry replaces them).
    public mutating func take(_ record: LetterRecord) throws {
        let json = try JSONEncoder.compactRecord.encode(record)
        recordJSON = String(decoding: json, as: UTF8.self)
        numberText = record.number?.text
        seq = record.number?.seq
        symbol = record.number?.symbol
        issuer = record.issuer?.name
        date = record.date
        kind = record.kind.rawValue
        subject = record.subject
        isInitiative = record.initiative != nil
        callsForInitiatives = InitiativeCampaign.calls(record, text: fullText)
    }

    /// The record decoded from its JSON.
    public func record() throws -> LetterRecord {
        try JSONDecoder().decode(LetterRecord.self, from: Data(recordJSON.utf8))
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension JSONEncoder {
    static var compactRecord: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        // The index keeps warnings typed, to say them later in the reader's language.
        e.userInfo[.typedWarnings] = true
        return e
    }
}
