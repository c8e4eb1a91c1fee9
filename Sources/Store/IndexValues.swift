import Foundation
import Extract

// Public initialisers of the index's values, so that another engine (PostgresStore) builds the
// same values the SQLite store returns: the types stay the one vocabulary of both.

extension LetterRow {
    public init(id: Int64?, recordJSON: String, numberText: String?, seq: Int?, symbol: String?, issuer: String?,
                date: String?, kind: String, subject: String?, fullText: String, storedAt: Date,
                isInitiative: Bool?, callsForInitiatives: Bool?, arrivalYear: Int?, arrivalNumber: Int?,
                arrivalDate: String?, unit: String?, person: String?, registerNote: String?, paper: Bool) {
        self.id = id; self.recordJSON = recordJSON; self.numberText = numberText; self.seq = seq
        self.symbol = symbol; self.issuer = issuer; self.date = date; self.kind = kind; self.subject = subject
        self.fullText = fullText; self.storedAt = storedAt; self.isInitiative = isInitiative
        self.callsForInitiatives = callsForInitiatives; self.arrivalYear = arrivalYear
        self.arrivalNumber = arrivalNumber; self.arrivalDate = arrivalDate; self.unit = unit
        self.person = person; self.registerNote = registerNote; self.paper = paper
    }
}

extension OriginalFileRow {
    public init(id: Int64?, letterID: Int64, sha256: String, byteCount: Int, originalPath: String, archivePath: String?) {
        self.id = id; self.letterID = letterID; self.sha256 = sha256; self.byteCount = byteCount
        self.originalPath = originalPath; self.archivePath = archivePath
    }
}

extension ReferenceRow {
    public init(id: Int64?, letterID: Int64, kind: String, number: String, date: String?) {
        self.id = id; self.letterID = letterID; self.kind = kind; self.number = number; self.date = date
    }
}

extension InitiativeRow {
    public init(id: Int64?, letterID: Int64, title: String?, summary: String?, authorsJSON: String, sharesJSON: String,
                firstApplied: String?, checksJSON: String, status: Status, score: Double?, note: String?,
                reviewer: String?, decidedAt: Date?, campaignLetterID: Int64?, submittedAt: Date) {
        self.id = id; self.letterID = letterID; self.title = title; self.summary = summary
        self.authorsJSON = authorsJSON; self.sharesJSON = sharesJSON; self.firstApplied = firstApplied
        self.checksJSON = checksJSON; self.status = status; self.score = score; self.note = note
        self.reviewer = reviewer; self.decidedAt = decidedAt; self.campaignLetterID = campaignLetterID
        self.submittedAt = submittedAt
    }
}

extension InitiativeReviewRow {
    public init(id: Int64?, initiativeID: Int64, fromStatus: InitiativeRow.Status, toStatus: InitiativeRow.Status,
                score: Double?, note: String?, reviewer: String, decidedAt: Date) {
        self.id = id; self.initiativeID = initiativeID; self.fromStatus = fromStatus; self.toStatus = toStatus
        self.score = score; self.note = note; self.reviewer = reviewer; self.decidedAt = decidedAt
    }
}

extension LinkedLetter {
    public init(letterID: Int64, number: String?, date: String?, subject: String?, citedAs: String,
                match: LetterLinkRow.Match) {
        self.letterID = letterID; self.number = number; self.date = date; self.subject = subject
        self.citedAs = citedAs; self.match = match
    }
}

extension RegisterChange {
    public init(letterID: Int64, deadlineID: Int64?, action: Action, detail: String?, actor: String, at: String) {
        self.letterID = letterID; self.deadlineID = deadlineID; self.action = action; self.detail = detail
        self.actor = actor; self.at = at
    }
}

extension RegisterEntry {
    public init(letterID: Int64, arrivalYear: Int, arrivalNumber: Int, arrivalDate: String, issuer: String?,
                number: String?, date: String?, kind: String, subject: String?, unit: String?, person: String?,
                note: String?, due: String?, progress: Progress?, replyNumber: String?) {
        self.letterID = letterID; self.arrivalYear = arrivalYear; self.arrivalNumber = arrivalNumber
        self.arrivalDate = arrivalDate; self.issuer = issuer; self.number = number; self.date = date
        self.kind = kind; self.subject = subject; self.unit = unit; self.person = person; self.note = note
        self.due = due; self.progress = progress; self.replyNumber = replyNumber
    }

    /// Tiến độ giải quyết from the earliest open deadline and how many deadlines the letter has.
    public static func progress(nextDue: String?, deadlineCount: Int, today: String) -> Progress? {
        deadlineCount == 0 ? nil : nextDue == nil ? .done : nextDue! < today ? .overdue : .open
    }
}

extension SearchHit {
    public init(letterID: Int64, number: String?, date: String?, issuer: String?, subject: String?, snippet: String,
                rank: Double) {
        self.letterID = letterID; self.number = number; self.date = date; self.issuer = issuer
        self.subject = subject; self.snippet = snippet; self.rank = rank
    }
}

extension SearchResult {
    public init(hits: [SearchHit], matching: Int, broad: Bool) {
        self.hits = hits; self.matching = matching; self.broad = broad
    }
}

extension DeadlineItem {
    public init(deadline: DeadlineRow, letterID: Int64, number: String?, issuer: String?, letterDate: String?,
                subject: String?, contentHash: String?, arrivalNumber: Int?) {
        self.deadline = deadline; self.letterID = letterID; self.number = number; self.issuer = issuer
        self.letterDate = letterDate; self.subject = subject; self.contentHash = contentHash
        self.arrivalNumber = arrivalNumber
    }
}

extension DeadlineClosing {
    public init(closed: DeadlineRow, next: DeadlineRow?) { self.closed = closed; self.next = next }
}

extension InitiativeEntry {
    public init(row: InitiativeRow, authors: [InitiativeAuthor], duplicates: [Duplicate], campaignNumber: String?,
                reviews: [InitiativeReviewRow]) {
        self.row = row; self.authors = authors; self.duplicates = duplicates; self.campaignNumber = campaignNumber
        self.reviews = reviews
    }
}

extension InitiativeEntry.Duplicate {
    public init(otherID: Int64, otherTitle: String?, similarity: Double) {
        self.otherID = otherID; self.otherTitle = otherTitle; self.similarity = similarity
    }
}

extension LetterDetail {
    public init(row: LetterRow, record: LetterRecord, deadlines: [DeadlineRow], references: [CitedReference],
                citedBy: [LinkedLetter], files: [OriginalFileRow]) {
        self.row = row; self.record = record; self.deadlines = deadlines; self.references = references
        self.citedBy = citedBy; self.files = files
    }
}

extension LetterDetail.CitedReference {
    public init(reference: ReferenceRow, letters: [LinkedLetter]) { self.reference = reference; self.letters = letters }
}
