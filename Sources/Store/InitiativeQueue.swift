import Foundation
import GRDB
import Extract

/// Puts stored initiative reports in the council's queue: the row with the report's checks, the
/// earlier reports it reads like, and the campaign letter it answers.
public enum InitiativeQueue {
    /// Called for every stored letter, inside its transaction.
    static func letterStored(_ letter: LetterRow, record: LetterRecord, fingerprints: InitiativeFingerprints,
                             db: Database) throws {
        if let initiative = record.initiative {
            try enqueue(letterID: letter.id!, initiative: initiative, checks: record.warnings.compactMap(\.reviewCheck),
                        fingerprints: fingerprints, db: db)
        } else if letter.callsForInitiatives == true {
            // A campaign letter stored after some reports (a folder is ingested in any order):
            // the reports not yet reviewed answer the most recent campaign, as if stored now.
            try db.execute(sql: """
                UPDATE initiatives SET campaign_letter_id = :letter
                WHERE campaign_letter_id IS NULL
                   OR (status = 'submitted' AND :date IS NOT NULL
                       AND coalesce((SELECT date FROM letters WHERE id = campaign_letter_id), '') < :date)
                """, arguments: ["letter": letter.id!, "date": letter.date])
        }
    }

    /// Near-duplicates kept per report, most similar first.
    public static let maxDuplicatesShown = 5

    static func enqueue(letterID: Int64, initiative: Initiative, checks: [ReviewCheck],
                        fingerprints: InitiativeFingerprints, db: Database) throws {
        var row = try InitiativeRow(letterID: letterID, initiative: initiative, checks: checks, submittedAt: Date())
        row.campaignLetterID = try campaignLetter(excluding: letterID, db: db)
        let earlier = try fingerprints.queued(db)
        try row.insert(db)
        let fingerprint = row.fingerprint
        // The council needs to see which reports a new one resembles and how much: the closest
        // few are enough, and keep a flood of copies from filling the table with every pair.
        let close = earlier.compactMap { other -> (Int64, Double)? in
            let similarity = InitiativeSimilarity.compare(fingerprint, other.fingerprint)
            return similarity >= InitiativeSimilarity.nearDuplicateThreshold ? (other.id, similarity) : nil
        }.sorted { $0.1 > $1.1 }.prefix(maxDuplicatesShown)
        for (otherID, similarity) in close {
            var pair = InitiativeDuplicateRow(initiativeID: row.id!, earlierInitiativeID: otherID, similarity: similarity)
            try pair.insert(db)
        }
    }

    /// The most recent stored letter that calls for initiatives (`InitiativeCampaign`).
    static func campaignLetter(excluding letterID: Int64, db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT id FROM letters WHERE calls_for_initiatives = 1 AND id != ?
            ORDER BY date DESC, id DESC LIMIT 1
            """, arguments: [letterID])
    }
}

/// The fingerprints of the queued reports, computed once per report rather than once per report
/// per new report: a queue of a few thousand reports compared against each newcomer.
///
/// Entries are checked against the title and summary read from the database, so a row whose id
/// was taken again after a rolled-back transaction, or written by another process, is computed anew.
final class InitiativeFingerprints: @unchecked Sendable {
    private struct Entry { var title: String?; var summary: String?; var fingerprint: InitiativeFingerprint }
    private var entries: [Int64: Entry] = [:]
    private let lock = NSLock()

    /// Every queued report's id and fingerprint, oldest first.
    func queued(_ db: Database) throws -> [(id: Int64, fingerprint: InitiativeFingerprint)] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, title, summary FROM initiatives ORDER BY id")
        lock.lock(); defer { lock.unlock() }
        return rows.map { row in
            let id: Int64 = row["id"], title: String? = row["title"], summary: String? = row["summary"]
            if let e = entries[id], e.title == title, e.summary == summary { return (id, e.fingerprint) }
            let fingerprint = InitiativeFingerprint(Initiative(title: title, summary: summary))
            entries[id] = Entry(title: title, summary: summary, fingerprint: fingerprint)
            return (id, fingerprint)
        }
    }
}

/// An initiative as the council sees it: the queue row, every check (the report's own and the
/// near-duplicates), the campaign letter's number and the decisions so far.
public struct InitiativeEntry: Sendable {
    public init(row: InitiativeRow, authors: [InitiativeAuthor], duplicates: [Duplicate], campaignNumber: String? = nil,
                reviews: [InitiativeReviewRow]) {
        self.row = row; self.authors = authors; self.duplicates = duplicates; self.campaignNumber = campaignNumber
        self.reviews = reviews
    }

    public struct Duplicate: Sendable, Equatable {
        public init(otherID: Int64, otherTitle: String? = nil, similarity: Double) {
            self.otherID = otherID; self.otherTitle = otherTitle; self.similarity = similarity
        }

        public var otherID: Int64
        public var otherTitle: String?
        public var similarity: Double
    }

    public var row: InitiativeRow
    public var authors: [InitiativeAuthor]
    public var duplicates: [Duplicate]
    public var campaignNumber: String?
    public var reviews: [InitiativeReviewRow]

    public var id: Int64 { row.id! }

    /// The report's checks, then one per near-duplicate.
    public var checks: [ReviewCheck] {
        let stored = (try? row.storedChecks()) ?? []
        return stored + duplicates.map { .nearDuplicate(of: $0.otherID, title: $0.otherTitle ?? "?", similarity: $0.similarity) }
    }

    /// `Lê Tuấn Phú (30%); Nguyễn Phương Thảo (30%); …`
    public var authorsWithShares: String {
        authors.map { a in a.name + (a.share.map { " (\(InitiativeEntry.number($0))%)" } ?? "") }.joined(separator: "; ")
    }

    /// A share or score as the form prints it: `30`, `85.5`.
    public static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(format: "%.1f", v)
    }

    static func load(_ row: InitiativeRow, db: Database) throws -> InitiativeEntry {
        let id = row.id!
        var duplicates: [Duplicate] = []
        for pair in try InitiativeDuplicateRow.filter(InitiativeDuplicateRow.Columns.initiativeID == id
                                                       || InitiativeDuplicateRow.Columns.earlierInitiativeID == id).fetchAll(db) {
            let other = pair.initiativeID == id ? pair.earlierInitiativeID : pair.initiativeID
            let title = try String.fetchOne(db, sql: "SELECT title FROM initiatives WHERE id = ?", arguments: [other])
            duplicates.append(Duplicate(otherID: other, otherTitle: title, similarity: pair.similarity))
        }
        duplicates.sort { $0.otherID < $1.otherID }
        let campaign = try row.campaignLetterID.flatMap {
            try String.fetchOne(db, sql: "SELECT number_text FROM letters WHERE id = ?", arguments: [$0])
        }
        let reviews = try InitiativeReviewRow.filter(InitiativeReviewRow.Columns.initiativeID == id)
            .order(InitiativeReviewRow.Columns.id).fetchAll(db)
        return InitiativeEntry(row: row, authors: try row.authors(), duplicates: duplicates,
                               campaignNumber: campaign, reviews: reviews)
    }
}

/// What the council decides on a report.
public enum InitiativeDecision: String, Sendable, CaseIterable {
    case accept, reject, revise

    public var status: InitiativeRow.Status {
        switch self {
        case .accept: return .accepted
        case .reject: return .rejected
        case .revise: return .toRevise
        }
    }
}

extension LetterStore {
    /// The queue, oldest report first; only those with `status` when given.
    public func initiatives(status: InitiativeRow.Status? = nil) throws -> [InitiativeEntry] {
        try pool.read { db in
            var request = InitiativeRow.order(InitiativeRow.Columns.id)
            if let status { request = request.filter(InitiativeRow.Columns.status == status.rawValue) }
            return try request.fetchAll(db).map { try InitiativeEntry.load($0, db: db) }
        }
    }

    public func initiative(id: Int64) throws -> InitiativeEntry? {
        try pool.read { db in try InitiativeRow.fetchOne(db, key: id).map { try InitiativeEntry.load($0, db: db) } }
    }

    /// Records a decision. A report still `submitted` is first put `under_review` (kept as its
    /// own step of the history), then given the decision's status.
    @discardableResult
    public func review(initiative id: Int64, decision: InitiativeDecision, score: Double? = nil, note: String? = nil,
                       reviewer: String, at time: Date = Date()) throws -> InitiativeEntry {
        try pool.write { db in
            guard var row = try InitiativeRow.fetchOne(db, key: id) else { throw StoreError.noSuchInitiative(id) }
            if row.status == .submitted {
                var step = InitiativeReviewRow(initiativeID: id, fromStatus: .submitted, toStatus: .underReview,
                                               reviewer: reviewer, decidedAt: time)
                try step.insert(db)
                row.status = .underReview
            }
            var decided = InitiativeReviewRow(initiativeID: id, fromStatus: row.status, toStatus: decision.status,
                                              score: score, note: note, reviewer: reviewer, decidedAt: time)
            try decided.insert(db)
            row.status = decision.status
            if let score { row.score = score }
            if let note { row.note = note }
            row.reviewer = reviewer
            row.decidedAt = time
            try row.update(db)
            return try InitiativeEntry.load(row, db: db)
        }
    }
}
