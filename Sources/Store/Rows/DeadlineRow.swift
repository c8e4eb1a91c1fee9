import Foundation
import GRDB

/// One deadline of a letter, with its state in the office: open until someone marks it done.
public struct DeadlineRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "deadlines"

    /// `lapsed`: an occurrence of a recurring deadline whose period went by without it being done.
    public enum Status: String, Codable, Sendable { case open, done, lapsed }

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
    /// Who holds it (from `assign`), and the number of the letter that answered it.
    public var unit: String?
    public var person: String?
    public var replyNumber: String?
    /// Its place among the letter's deadlines, kept by later occurrences; nil for `assign --due`.
    public var position: Int?

    public init(id: Int64? = nil, letterID: Int64, due: String, precision: String, recurrence: String?,
                clause: String, status: Status, closedBy: String? = nil, closedAt: Date? = nil,
                note: String? = nil, previousID: Int64? = nil, unit: String? = nil, person: String? = nil,
                replyNumber: String? = nil, position: Int? = nil) {
        self.id = id; self.letterID = letterID; self.due = due; self.precision = precision
        self.recurrence = recurrence; self.clause = clause; self.status = status; self.closedBy = closedBy
        self.closedAt = closedAt; self.note = note; self.previousID = previousID; self.unit = unit
        self.person = person; self.replyNumber = replyNumber; self.position = position
    }

    enum CodingKeys: String, CodingKey {
        case id, letterID = "letter_id", due, precision, recurrence, clause, status,
             closedBy = "closed_by", closedAt = "closed_at", note, previousID = "previous_id",
             unit, person, replyNumber = "reply_number", position
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let letterID = Column(CodingKeys.letterID)
        public static let due = Column(CodingKeys.due)
        public static let status = Column(CodingKeys.status)
        public static let previousID = Column(CodingKeys.previousID)
        public static let unit = Column(CodingKeys.unit)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
