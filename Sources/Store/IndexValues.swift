import Foundation
import Extract

// Public initialisers of the index's values, so that another engine (PostgresStore) builds the
// same values the SQLite store returns: the types stay the one vocabulary of both.

extension LetterRow {
    /// Gives the letter its ngày đến and số đến: the date of the office's ĐẾN stamp (`stamp`) when the
    /// scan gave a whole one, else `storedOn`; the number is the next of that year (`next`, the engine's
    /// counter, taken in the storing transaction).
    public mutating func arrive(stamp: String?, storedOn storedDay: CalendarDate, next: (_ year: Int) throws -> Int) throws {
        let stamped = stamp.flatMap(CalendarDate.init(iso:)).flatMap { $0.isComplete ? $0 : nil }
        let day = stamped ?? storedDay
        arrivalDate = day.iso
        arrivalYear = day.year
        arrivalNumber = try next(day.year)
    }

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

extension RegisterEntry {
    /// Tiến độ giải quyết from the earliest open deadline and how many deadlines the letter has.
    public static func progress(nextDue: String?, deadlineCount: Int, today: String) -> Progress? {
        deadlineCount == 0 ? nil : nextDue == nil ? .done : nextDue! < today ? .overdue : .open
    }
}
