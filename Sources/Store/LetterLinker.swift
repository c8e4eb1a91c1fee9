import Foundation
import GRDB

/// Links a newly stored letter to the stored letters it cites and to those citing it, whichever
/// came first. An exact number wins; failing that, a number one misread digit away
/// (`DigitMisreads`) with the same month is linked and flagged `probable_misread`.
///
/// Numbers start again at 1 every year, so `12/UBND` of 2024 is not `12/UBND` of 2025: when both
/// the citation and the stored letter are dated, their years must agree.
public enum LetterLinker {
    static func link(letter: LetterRow, references: [ReferenceRow], db: Database) throws {
        let id = letter.id!
        // Outgoing: what this letter cites.
        for reference in references where isNumbered(reference.number) {
            let exact = try letters(numbered: [reference.number], excluding: id, db)
                .filter { sameYear($0.date, reference.date) }
            if !exact.isEmpty {
                for cited in exact { try add(citing: id, cited: cited.id, reference: reference.id!, .exact, db) }
                continue
            }
            guard let month = month(reference.date) else { continue }
            for cited in try letters(numbered: DigitMisreads.variants(of: reference.number), excluding: id, db)
            where self.month(cited.date) == month {
                try add(citing: id, cited: cited.id, reference: reference.id!, .probableMisread, db)
            }
        }
        // Incoming: stored letters citing this one.
        guard let number = letter.numberText, letter.seq != nil else { return }
        for reference in try citations(of: [number], excluding: id, db) where sameYear(reference.date, letter.date) {
            try add(citing: reference.letterID, cited: id, reference: reference.id, .exact, db)
        }
        guard let month = month(letter.date) else { return }
        for reference in try citations(of: DigitMisreads.variants(of: number), excluding: id, db)
        where self.month(reference.date) == month {
            // A reference that matches some stored letter exactly is not a misread of this one.
            let matchedExactly = try letters(numbered: [reference.number], excluding: id, db)
                .contains { sameYear($0.date, reference.date) }
            if !matchedExactly {
                try add(citing: reference.letterID, cited: id, reference: reference.id, .probableMisread, db)
            }
        }
    }

    /// Stored letters with one of these numbers: their id and date only (the row holds the text).
    private static func letters(numbered numbers: [String], excluding id: Int64, _ db: Database) throws
        -> [(id: Int64, date: String?)] {
        guard !numbers.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: "SELECT id, date FROM letters WHERE number_text IN (\(placeholders(numbers))) AND id != ?",
                                arguments: StatementArguments(numbers) + [id])
            .map { ($0["id"], $0["date"]) }
    }

    /// Stored citations of one of these numbers, by other letters.
    private static func citations(of numbers: [String], excluding id: Int64, _ db: Database) throws
        -> [(id: Int64, letterID: Int64, number: String, date: String?)] {
        guard !numbers.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: """
            SELECT id, letter_id, number, date FROM letter_references WHERE number IN (\(placeholders(numbers))) AND letter_id != ?
            """, arguments: StatementArguments(numbers) + [id])
            .map { ($0["id"], $0["letter_id"], $0["number"], $0["date"]) }
    }

    /// `?,?,?` for an `IN (…)` of these values.
    private static func placeholders(_ values: [String]) -> String {
        Array(repeating: "?", count: values.count).joined(separator: ",")
    }

    /// Whether two ISO dates can be of one letter: the same year, or one of them unknown.
    public static func sameYear(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, a.count >= 4, b.count >= 4 else { return true }
        return a.prefix(4) == b.prefix(4)
    }

    private static func add(citing: Int64, cited: Int64, reference: Int64, _ match: LetterLinkRow.Match,
                            _ db: Database) throws {
        var link = LetterLinkRow(citingLetterID: citing, citedLetterID: cited, referenceID: reference, match: match)
        try link.insert(db, onConflict: .ignore)
    }

    /// A number with a sequence (`2164/UBND-KGVX`), not a blank one (`/UBND`) that many letters share.
    public static func isNumbered(_ number: String) -> Bool { number.first?.isNumber == true }

    /// `2025-04` of `2025-04-17` or `2025-04`; nil when the month is unknown.
    public static func month(_ isoDate: String?) -> String? {
        guard let d = isoDate, d.count >= 7 else { return nil }
        return String(d.prefix(7))
    }
}

/// A letter linked to another, as `show` lists it.
public struct LinkedLetter: Sendable, Equatable {
    public init(letterID: Int64, number: String? = nil, date: String? = nil, subject: String? = nil, citedAs: String,
                match: LetterLinkRow.Match) {
        self.letterID = letterID; self.number = number; self.date = date; self.subject = subject
        self.citedAs = citedAs; self.match = match
    }

    public var letterID: Int64
    public var number: String?
    public var date: String?
    public var subject: String?
    /// The number as the citing letter wrote it.
    public var citedAs: String
    public var match: LetterLinkRow.Match
}

extension LetterStore {
    /// The stored letters this letter cites.
    public func citations(of letterID: Int64) throws -> [LinkedLetter] {
        try pool.read { db in try Self.linked(db, sql: Self.citationsSQL, letterID) }
    }

    /// The stored letters citing this letter.
    public func citingLetters(of letterID: Int64) throws -> [LinkedLetter] {
        try pool.read { db in try Self.linked(db, sql: Self.citingSQL, letterID) }
    }

    static let citationsSQL = """
        SELECT l.id, l.number_text, l.date, l.subject, r.number AS cited_as, k.match
        FROM letter_links k JOIN letters l ON l.id = k.cited_letter_id
        JOIN letter_references r ON r.id = k.reference_id
        WHERE k.citing_letter_id = ? ORDER BY l.date, l.id
        """
    static let citingSQL = """
        SELECT l.id, l.number_text, l.date, l.subject, r.number AS cited_as, k.match
        FROM letter_links k JOIN letters l ON l.id = k.citing_letter_id
        JOIN letter_references r ON r.id = k.reference_id
        WHERE k.cited_letter_id = ? ORDER BY l.date, l.id
        """

    /// The references of a letter, as its record lists them.
    public func references(letterID: Int64) throws -> [ReferenceRow] {
        try pool.read { db in
            try ReferenceRow.filter(ReferenceRow.Columns.letterID == letterID).fetchAll(db)
        }
    }

    static func linked(_ db: Database, sql: String, _ id: Int64) throws -> [LinkedLetter] {
        try Row.fetchAll(db, sql: sql, arguments: [id]).map { row in
            LinkedLetter(letterID: row["id"], number: row["number_text"], date: row["date"],
                         subject: row["subject"], citedAs: row["cited_as"],
                         match: LetterLinkRow.Match(rawValue: row["match"]) ?? .exact)
        }
    }
}
