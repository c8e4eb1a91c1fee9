import Foundation
import GRDB

/// One file's way through the watched inbox, written before any work starts so a crash can be
/// resumed: `started` → (`stored` | `failed`) → `moving` → `done`.
public struct JobRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "jobs"

    public enum State: String, Codable, Sendable {
        /// Picked up; nothing stored yet.
        case started
        /// The letter is committed (or was already stored); the file still has to be moved.
        case stored
        /// Reading failed; the file still has to go to `.failed/`.
        case failed
        /// The move to `destination` is under way.
        case moving
        /// Finished: the file is at `destination`.
        case done
    }

    public enum Outcome: String, Codable, Sendable { case stored, alreadyStored = "already_stored", failed }

    public var id: Int64?
    public var sourcePath: String
    public var state: State
    public var outcome: Outcome?
    public var sha256: String?
    public var letterID: Int64?
    /// Why the file failed, for `<name>.error.txt`.
    public var error: String?
    public var destination: String?
    public var startedAt: Date
    public var finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, sourcePath = "source_path", state, outcome, sha256, letterID = "letter_id", error,
             destination, startedAt = "started_at", finishedAt = "finished_at"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let state = Column(CodingKeys.state)
        public static let sourcePath = Column(CodingKeys.sourcePath)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
