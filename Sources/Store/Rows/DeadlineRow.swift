import Foundation
import GRDB

/// One deadline of a letter, with its state in the office: open until someone marks it done.
public struct DeadlineRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "deadlines"

    public enum Status: String, Codable, Sendable { case open, done }

    public var id: Int64?
    public var letterID: Int64
    /// The last day allowed, ISO `YYYY-MM-DD`.
    public var due: String
    /// `day`, `month`, `quarter` or `year`.
    public var precision: String
    /// `weekly`, `monthly`, `yearly` or nil.
    public var recurrence: String?
    /// The clause of the letter that sets the deadline.
    public var clause: String
    public var status: Status
    public var closedBy: String?
    public var closedAt: Date?
    public var note: String?
    /// For a recurring deadline, the occurrence this one follows.
    public var previousID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, letterID = "letter_id", due, precision, recurrence, clause, status,
             closedBy = "closed_by", closedAt = "closed_at", note, previousID = "previous_id"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let letterID = Column(CodingKeys.letterID)
        public static let due = Column(CodingKeys.due)
        public static let status = Column(CodingKeys.status)
        public static let previousID = Column(CodingKeys.previousID)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
