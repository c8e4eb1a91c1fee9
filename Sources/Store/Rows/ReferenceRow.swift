import Foundation
import GRDB

/// A document a stored letter cites (its record's `references`).
public struct ReferenceRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public init(id: Int64? = nil, letterID: Int64, kind: String, number: String, date: String? = nil) {
        self.id = id; self.letterID = letterID; self.kind = kind; self.number = number; self.date = date
    }

    public static let databaseTableName = "letter_references"

    public var id: Int64?
    public var letterID: Int64
    public var kind: String
    /// Normalised like `number.text`: `2164/UBND-KGVX`.
    public var number: String
    public var date: String?

    enum CodingKeys: String, CodingKey { case id, letterID = "letter_id", kind, number, date }

    public enum Columns {
        public static let letterID = Column(CodingKeys.letterID)
        public static let number = Column(CodingKeys.number)
        public static let date = Column(CodingKeys.date)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
