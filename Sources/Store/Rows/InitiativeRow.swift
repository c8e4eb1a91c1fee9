import Foundation
import GRDB
import Extract

/// One initiative report in the council's queue: what the report claims (title, authors and
/// their shares, first application), what the secretariat's checks found, and where the review
/// stands: `submitted` → `under_review` → `accepted` | `rejected` | `to_revise`.
public struct InitiativeRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "initiatives"

    public enum Status: String, Codable, Sendable, CaseIterable {
        case submitted
        case underReview = "under_review"
        case accepted, rejected
        case toRevise = "to_revise"
    }

    public var id: Int64?
    /// The stored report (a letter whose record has `initiative`).
    public var letterID: Int64
    public var title: String?
    /// Kept to compare later reports against this one (InitiativeSimilarity reads title and summary).
    public var summary: String?
    /// The record's `initiative.authors`, as JSON.
    public var authorsJSON: String
    /// The authors' shares in percent, in table order (null where a share is missing), as JSON.
    public var sharesJSON: String
    public var firstApplied: String?
    /// The record's `initiative:` warnings, as a JSON array of strings.
    public var checksJSON: String
    public var status: Status
    public var score: Double?
    public var note: String?
    public var reviewer: String?
    public var decidedAt: Date?
    /// The letter that called for initiatives (and set the deadline), when one is stored.
    public var campaignLetterID: Int64?
    public var submittedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, letterID = "letter_id", title, summary, authorsJSON = "authors_json", sharesJSON = "shares_json",
             firstApplied = "first_applied", checksJSON = "checks_json", status, score, note, reviewer,
             decidedAt = "decided_at", campaignLetterID = "campaign_letter_id", submittedAt = "submitted_at"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let letterID = Column(CodingKeys.letterID)
        public static let status = Column(CodingKeys.status)
        public static let campaignLetterID = Column(CodingKeys.campaignLetterID)
    }

    public init(letterID: Int64, initiative: Initiative, checks: [ReviewCheck], submittedAt: Date) throws {
        let encoder = JSONEncoder.compactRecord
        self.letterID = letterID
        title = initiative.title
        summary = initiative.summary
        authorsJSON = String(decoding: try encoder.encode(initiative.authors), as: UTF8.self)
        sharesJSON = String(decoding: try encoder.encode(initiative.authors.map(\.share)), as: UTF8.self)
        firstApplied = initiative.firstApplied
        checksJSON = String(decoding: try encoder.encode(checks), as: UTF8.self)
        status = .submitted
        self.submittedAt = submittedAt
    }

    public func authors() throws -> [InitiativeAuthor] {
        try JSONDecoder().decode([InitiativeAuthor].self, from: Data(authorsJSON.utf8))
    }

    public func shares() throws -> [Double?] {
        try JSONDecoder().decode([Double?].self, from: Data(sharesJSON.utf8))
    }

    /// The checks found when the report was read (duplicates are added by InitiativeEntry).
    public func storedChecks() throws -> [ReviewCheck] {
        let data = Data(checksJSON.utf8)
        // An index written before checks were typed holds their English sentences.
        if let typed = try? JSONDecoder().decode([ReviewCheck].self, from: data) { return typed }
        return try JSONDecoder().decode([String].self, from: data).map(ReviewCheck.legacy)
    }

    /// What InitiativeSimilarity compares.
    public var fingerprint: InitiativeFingerprint {
        InitiativeFingerprint(Initiative(title: title, summary: summary))
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One step of an initiative's review, kept in order: who moved it from which status to which,
/// with the score and note given then.
public struct InitiativeReviewRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public init(id: Int64? = nil, initiativeID: Int64, fromStatus: InitiativeRow.Status, toStatus: InitiativeRow.Status,
                score: Double? = nil, note: String? = nil, reviewer: String, decidedAt: Date) {
        self.id = id; self.initiativeID = initiativeID; self.fromStatus = fromStatus; self.toStatus = toStatus
        self.score = score; self.note = note; self.reviewer = reviewer; self.decidedAt = decidedAt
    }

    public static let databaseTableName = "initiative_reviews"

    public var id: Int64?
    public var initiativeID: Int64
    public var fromStatus: InitiativeRow.Status
    public var toStatus: InitiativeRow.Status
    public var score: Double?
    public var note: String?
    public var reviewer: String
    public var decidedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, initiativeID = "initiative_id", fromStatus = "from_status", toStatus = "to_status", score, note,
             reviewer, decidedAt = "decided_at"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let initiativeID = Column(CodingKeys.initiativeID)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Two stored reports that read alike (InitiativeSimilarity at or above its threshold).
public struct InitiativeDuplicateRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "initiative_duplicates"

    public var id: Int64?
    /// The report stored later.
    public var initiativeID: Int64
    public var earlierInitiativeID: Int64
    public var similarity: Double

    enum CodingKeys: String, CodingKey {
        case id, initiativeID = "initiative_id", earlierInitiativeID = "earlier_initiative_id", similarity
    }

    public enum Columns {
        public static let initiativeID = Column(CodingKeys.initiativeID)
        public static let earlierInitiativeID = Column(CodingKeys.earlierInitiativeID)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
