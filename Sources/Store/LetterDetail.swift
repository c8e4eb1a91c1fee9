import Foundation
import GRDB
import Extract

/// One letter with what the index knows around it, read in one transaction: its record, its
/// deadlines, each reference with the stored letters it was linked to, the letters citing it and
/// its original files. What `vanthu show` prints, assembled here rather than in the CLI.
public struct LetterDetail: Sendable {
    public init(row: LetterRow, record: LetterRecord, deadlines: [DeadlineRow], references: [CitedReference],
                citedBy: [LinkedLetter], files: [OriginalFileRow]) {
        self.row = row; self.record = record; self.deadlines = deadlines; self.references = references
        self.citedBy = citedBy; self.files = files
    }

    public struct CitedReference: Sendable {
        public init(reference: ReferenceRow, letters: [LinkedLetter]) { self.reference = reference; self.letters = letters }

        public var reference: ReferenceRow
        /// The stored letters this reference was linked to (empty: not in the index).
        public var letters: [LinkedLetter]
    }

    public var row: LetterRow
    public var record: LetterRecord
    public var deadlines: [DeadlineRow]
    public var references: [CitedReference]
    public var citedBy: [LinkedLetter]
    public var files: [OriginalFileRow]

    public var id: Int64 { row.id! }
    /// Every stored letter this one cites, once.
    public var cites: [LinkedLetter] { references.flatMap(\.letters) }
}

extension LetterStore {
    /// The letter `id` and what surrounds it; nil when there is no such letter.
    public func letterDetail(id: Int64) throws -> LetterDetail? {
        try pool.read { db in
            guard let row = try LetterRow.fetchOne(db, key: id) else { return nil }
            let cites = try Self.linked(db, sql: Self.citationsSQL, id)
            let references = try ReferenceRow.filter(ReferenceRow.Columns.letterID == id).fetchAll(db).map { r in
                LetterDetail.CitedReference(reference: r, letters: cites.filter { $0.citedAs == r.number })
            }
            return LetterDetail(
                row: row, record: try row.record(),
                deadlines: try DeadlineRow.filter(DeadlineRow.Columns.letterID == id)
                    .order(DeadlineRow.Columns.due, DeadlineRow.Columns.id).fetchAll(db),
                references: references,
                citedBy: try Self.linked(db, sql: Self.citingSQL, id),
                files: try OriginalFileRow.filter(OriginalFileRow.Columns.letterID == id).fetchAll(db))
        }
    }
}
