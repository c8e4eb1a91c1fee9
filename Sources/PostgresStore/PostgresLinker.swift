import Foundation
import Store

/// Links a letter just stored to the letters of its office it cites and that cite it: the rules
/// of Store's `LetterLinker` (exact number, else one misread digit in the same month; years must
/// agree), over the office's rows only. An office never links to another office's letter: it
/// cannot see it.
struct PostgresLinker {
    let session: PostgresSession
    let office: String

    func link(letter: LetterRow, references: [ReferenceRow]) throws {
        let id = letter.id!
        for reference in references where LetterLinker.isNumbered(reference.number) {
            let exact = try letters(numbered: [reference.number], excluding: id)
                .filter { LetterLinker.sameYear($0.date, reference.date) }
            if !exact.isEmpty {
                for cited in exact { try add(citing: id, cited: cited.id, reference: reference.id!, .exact) }
                continue
            }
            guard let month = LetterLinker.month(reference.date) else { continue }
            for cited in try letters(numbered: DigitMisreads.variants(of: reference.number), excluding: id)
            where LetterLinker.month(cited.date) == month {
                try add(citing: id, cited: cited.id, reference: reference.id!, .probableMisread)
            }
        }
        guard let number = letter.numberText, letter.seq != nil else { return }
        for reference in try citations(of: [number], excluding: id) where LetterLinker.sameYear(reference.date, letter.date) {
            try add(citing: reference.letterID, cited: id, reference: reference.id, .exact)
        }
        guard let month = LetterLinker.month(letter.date) else { return }
        for reference in try citations(of: DigitMisreads.variants(of: number), excluding: id)
        where LetterLinker.month(reference.date) == month {
            let matchedExactly = try letters(numbered: [reference.number], excluding: id)
                .contains { LetterLinker.sameYear($0.date, reference.date) }
            if !matchedExactly { try add(citing: reference.letterID, cited: id, reference: reference.id, .probableMisread) }
        }
    }

    private func letters(numbered numbers: [String], excluding id: Int64) throws -> [(id: Int64, date: String?)] {
        guard !numbers.isEmpty else { return [] }
        return try session.query("SELECT id, date FROM letters WHERE office = $1 AND number_text = ANY($2) AND id != $3 ORDER BY id",
                                 [.text(office), .texts(numbers), .int(id)])
            .map { (try $0("id"), try $0("date")) }
    }

    private func citations(of numbers: [String], excluding id: Int64) throws
        -> [(id: Int64, letterID: Int64, number: String, date: String?)] {
        guard !numbers.isEmpty else { return [] }
        return try session.query("""
            SELECT id, letter_id, number, date FROM letter_references WHERE office = $1 AND number = ANY($2) AND letter_id != $3 ORDER BY id
            """, [.text(office), .texts(numbers), .int(id)])
            .map { (try $0("id"), try $0("letter_id"), try $0("number"), try $0("date")) }
    }

    private func add(citing: Int64, cited: Int64, reference: Int64, _ match: LetterLinkRow.Match) throws {
        try session.query("""
            INSERT INTO letter_links (office, citing_letter_id, cited_letter_id, reference_id, match) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (citing_letter_id, cited_letter_id) DO NOTHING
            """, [.text(office), .int(citing), .int(cited), .int(reference), .text(match.rawValue)])
    }
}
