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
        /// Given up after failing `attempts` times for reasons not the file's (a full disk, a busy
        /// index): the file stays where it is, `error` says why; a changed file gets a new job.
        case parked
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
    /// Times the job failed for a reason worth trying again (a full disk, a busy index).
    public var attempts: Int = 0
    /// When the next try is due, after such a failure.
    public var retryAt: Date?
    /// The file the job is about, as it was when the job began (device, inode, size, mtime): after a
    /// crash, a new file dropped under the same name is not mistaken for it.
    public var fileDevice: Int64?
    public var fileInode: Int64?
    public var fileSize: Int64?
    public var fileMtime: Double?

    public init(id: Int64? = nil, sourcePath: String, state: State, outcome: Outcome? = nil, sha256: String? = nil,
                letterID: Int64? = nil, error: String? = nil, destination: String? = nil, startedAt: Date,
                finishedAt: Date? = nil) {
        self.id = id; self.sourcePath = sourcePath; self.state = state; self.outcome = outcome
        self.sha256 = sha256; self.letterID = letterID; self.error = error; self.destination = destination
        self.startedAt = startedAt; self.finishedAt = finishedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, sourcePath = "source_path", state, outcome, sha256, letterID = "letter_id", error,
             destination, startedAt = "started_at", finishedAt = "finished_at", attempts,
             retryAt = "retry_at", fileDevice = "file_device", fileInode = "file_inode",
             fileSize = "file_size", fileMtime = "file_mtime"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let state = Column(CodingKeys.state)
        public static let sourcePath = Column(CodingKeys.sourcePath)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
