import Foundation
import Extract

/// The office's index of letters, whichever engine holds it: what the CLI and Pipeline ask of it.
/// `LetterStore` keeps it in one SQLite file (one office, the default); `PostgresLetterStore`
/// (target PostgresStore) in a PostgreSQL database shared by a province's offices, each seeing
/// only its own rows. Both pass the same test suite (Tests/StoreTests).
public protocol LetterIndex: AnyObject, Sendable {
    /// Where the index is, for messages: a file path, or a PostgreSQL URL without its password.
    var location: String { get }
    /// The day a letter stored now arrives on, when no received stamp says (tests set it).
    var arrivalDay: @Sendable () -> CalendarDate { get set }

    // MARK: Storing
    /// Stores a letter with its deadlines, references, links, số đến and review-queue entry, in
    /// one transaction (with the inbox journal's `job` advanced in it). A content stored before
    /// is not stored again.
    @discardableResult func store(_ letter: NewLetter, job: Int64?) throws -> StoreOutcome
    @discardableResult func storeAll(_ letters: [NewLetter]) throws -> [StoreOutcome]
    func setArchivePath(sha256: String, to archivePath: String) throws

    // MARK: Letters
    func letterID(sha256: String) throws -> Int64?
    func letter(id: Int64) throws -> LetterRow?
    func letters(number: String) throws -> [LetterRow]
    func letters(numbered typed: String) throws -> [LetterRow]
    func closestLetters(to typed: String, limit: Int) throws -> [LetterRow]
    func originalFiles(letterID: Int64) throws -> [OriginalFileRow]
    func letterCount() throws -> Int
    func letterDetail(id: Int64) throws -> LetterDetail?

    // MARK: Deadlines
    func deadlines(letterID: Int64) throws -> [DeadlineRow]
    func deadline(id: Int64) throws -> DeadlineRow?
    func deadlines(_ query: DeadlineQuery) throws -> [DeadlineItem]
    func rollForward(today: CalendarDate) throws
    @discardableResult func markDone(deadline id: Int64, by person: String?, note: String?, reply: String?,
                                     at time: Date) throws -> DeadlineClosing
    @discardableResult func reopen(deadline id: Int64, by person: String?, at time: Date) throws -> DeadlineRow

    // MARK: Register
    @discardableResult func registerPaper(_ paper: PaperLetter, by actor: String, at time: Date) throws -> LetterRow
    func register(_ query: RegisterQuery) throws -> [RegisterEntry]
    @discardableResult func assign(letterID: Int64, unit: String, person: String?, due: CalendarDate?, note: String?,
                                   by actor: String, at time: Date) throws -> LetterRow
    func history(letterID: Int64) throws -> [RegisterChange]

    // MARK: Links
    func citations(of letterID: Int64) throws -> [LinkedLetter]
    func citingLetters(of letterID: Int64) throws -> [LinkedLetter]
    func references(letterID: Int64) throws -> [ReferenceRow]

    // MARK: Search
    func find(_ query: String, limit: Int, window: Int) throws -> SearchResult

    // MARK: The council's review queue
    func initiatives(status: InitiativeRow.Status?) throws -> [InitiativeEntry]
    func initiative(id: Int64) throws -> InitiativeEntry?
    @discardableResult func review(initiative id: Int64, decision: InitiativeDecision, score: Double?, note: String?,
                                   reviewer: String, at time: Date) throws -> InitiativeEntry

    // MARK: The watched inbox's journal
    func beginJob(sourcePath: String, file: (device: Int64, inode: Int64, size: Int64, mtime: Double)?) throws -> Int64
    func finishJob(_ job: JobRow, archivePath: String?) throws
    func parkedJobs() throws -> [JobRow]
    func updateJob(_ job: JobRow) throws
    func job(id: Int64) throws -> JobRow?
    func unfinishedJobs() throws -> [JobRow]
    func jobs() throws -> [JobRow]
    func recordAlreadyStored(job: Int64, letterID: Int64, sha256: String) throws

    /// Whether an error is the machine's (full disk, busy or unreachable server): worth trying again.
    func isTransient(_ error: Error) -> Bool
}

/// The defaults the callers rely on, said once for both engines.
extension LetterIndex {
    @discardableResult public func store(_ letter: NewLetter) throws -> StoreOutcome { try store(letter, job: nil) }
    public func closestLetters(to typed: String) throws -> [LetterRow] { try closestLetters(to: typed, limit: 5) }
    public func search(_ query: String, limit: Int = 20) throws -> [SearchHit] {
        try find(query, limit: limit, window: LetterStore.searchWindow).hits
    }
    public func find(_ query: String, limit: Int = 20) throws -> SearchResult {
        try find(query, limit: limit, window: LetterStore.searchWindow)
    }
    @discardableResult public func markDone(deadline id: Int64, by person: String?, note: String?,
                                            reply: String? = nil) throws -> DeadlineClosing {
        try markDone(deadline: id, by: person, note: note, reply: reply, at: Date())
    }
    @discardableResult public func reopen(deadline id: Int64, by person: String? = nil) throws -> DeadlineRow {
        try reopen(deadline: id, by: person, at: Date())
    }
    @discardableResult public func registerPaper(_ paper: PaperLetter, by actor: String) throws -> LetterRow {
        try registerPaper(paper, by: actor, at: Date())
    }
    @discardableResult public func assign(letterID: Int64, unit: String, person: String?, due: CalendarDate?,
                                          note: String?, by actor: String) throws -> LetterRow {
        try assign(letterID: letterID, unit: unit, person: person, due: due, note: note, by: actor, at: Date())
    }
    public func initiatives() throws -> [InitiativeEntry] { try initiatives(status: nil) }
    @discardableResult public func review(initiative id: Int64, decision: InitiativeDecision, score: Double? = nil,
                                          note: String? = nil, reviewer: String) throws -> InitiativeEntry {
        try review(initiative: id, decision: decision, score: score, note: note, reviewer: reviewer, at: Date())
    }
    public func beginJob(sourcePath: String) throws -> Int64 { try beginJob(sourcePath: sourcePath, file: nil) }
}
