import Foundation
import GRDB

/// The file a letter was read from. One row per distinct content (sha256): the same scan dropped
/// twice is stored once.
public struct OriginalFileRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public init(id: Int64? = nil, letterID: Int64, sha256: String, byteCount: Int, originalPath: String, archivePath: String? = nil) {
        self.id = id; self.letterID = letterID; self.sha256 = sha256; self.byteCount = byteCount
        self.originalPath = originalPath; self.archivePath = archivePath
    }

    public static let databaseTableName = "original_files"

    public var id: Int64?
    public var letterID: Int64
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    public var byteCount: Int
    /// Where the file was when it was read.
    public var originalPath: String
    /// Where the watched inbox archived it (`DIR/.done/YYYY/MM/…`); nil for `vanthu ingest`.
    public var archivePath: String?

    enum CodingKeys: String, CodingKey {
        case id, letterID = "letter_id", sha256, byteCount = "byte_count",
             originalPath = "original_path", archivePath = "archive_path"
    }

    public enum Columns {
        public static let letterID = Column(CodingKeys.letterID)
        public static let sha256 = Column(CodingKeys.sha256)
        public static let archivePath = Column(CodingKeys.archivePath)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
