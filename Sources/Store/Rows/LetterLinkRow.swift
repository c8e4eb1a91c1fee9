import Foundation
import GRDB

/// "Letter A cites letter B": a reference of A resolved to a stored letter B.
public struct LetterLinkRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "letter_links"

    /// How the reference was matched to the letter.
    public enum Match: String, Codable, Sendable {
        /// The cited number is the stored letter's number.
        case exact
        /// One digit differs by a likely OCR misread, and symbol and month agree.
        case probableMisread = "probable_misread"
    }

    public var id: Int64?
    public var citingLetterID: Int64
    public var citedLetterID: Int64
    public var referenceID: Int64
    public var match: Match

    enum CodingKeys: String, CodingKey {
        case id, citingLetterID = "citing_letter_id", citedLetterID = "cited_letter_id",
             referenceID = "reference_id", match
    }

    public enum Columns {
        public static let citingLetterID = Column(CodingKeys.citingLetterID)
        public static let citedLetterID = Column(CodingKeys.citedLetterID)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
