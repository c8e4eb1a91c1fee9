import Foundation
import Extract
import Store

/// Search in PostgreSQL, the same rules as the SQLite index (Store/SearchIndex.swift): a word
/// typed without diacritics matches the folded words (`Folding.fold`: diacritics off, đ→d), a
/// word typed with them matches the words as written (or written without any), quoted words are
/// a phrase, all terms are required.
///
/// Each letter holds two `tsvector`s with GIN indexes: its folded tokens and its written tokens.
/// The tokens are cut and folded here, by the same code as the query's, not by the server: the
/// `unaccent` extension leaves đ alone unless its rules file is edited, and needs a superuser to
/// install; folding in Swift gives SQLite's behaviour exactly, on any server, with no extension.
/// The `simple` configuration only lower-cases (already done) and adds no stemming or stop words.
enum PostgresSearch {
    /// The letters and digits of `text`, lower case, one space between tokens: what both sides
    /// of a match are made of (`2164/UBND-KGVX` → `2164 ubnd kgvx`).
    static func tokens(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    /// The SQL of a letter's two vectors, their texts bound in `q`: subject and number weigh A,
    /// the issuer B, the body D (SQLite ranks with bm25 weights 8, 4, 8, 1).
    static func vectors(_ row: LetterRow, originalText: String?, _ q: inout Statement) -> (folded: String, written: String) {
        let texts = parts(row, originalText: originalText)
        return (vector { q.bind(.text(texts.folded[$0])) }, vector { q.bind(.text(texts.written[$0])) })
    }

    /// The weight of each part of a letter's vector, in the order of `parts`.
    static let weights: [Character] = ["A", "B", "A", "D"]

    /// The texts a letter's two vectors are made of, in the order of `weights`: subject, issuer,
    /// number, body (with the text as it came, when its diacritics were put back), as tokens,
    /// folded and as written. The bulk loader (PostgresBulkLoad) sends the same texts.
    static func parts(_ row: LetterRow, originalText: String?) -> (folded: [String], written: [String]) {
        var body = row.fullText
        if let o = originalText, o != row.fullText { body += "\n" + o }
        let written = [row.subject, row.issuer, row.numberText, body].map { tokens($0 ?? "") }
        return (written.map { Folding.fold($0) }, written)
    }

    /// The SQL of one vector, `text(i)` giving the SQL of part `i`'s text (a placeholder, a column).
    static func vector(_ text: (Int) -> String) -> String {
        weights.enumerated().map { i, weight in "setweight(to_tsvector('simple', \(text(i))), '\(weight)')" }
            .joined(separator: " || ")
    }

    /// A tsquery phrase of tokens (letters and digits only, so quoting them is enough).
    static func phrase(_ tokens: [String]) -> String {
        tokens.map { "'" + $0 + "'" }.joined(separator: " <-> ")
    }

    /// The tsqueries over the folded and the written vectors, nil where no term is of that kind.
    static func queries(_ terms: [SearchIndex.Term]) -> (folded: String?, written: String?) {
        let folded = terms.filter { !$0.exact }.map { "(" + phrase($0.folded) + ")" }
        let written = terms.filter(\.exact).map { "(" + phrase($0.written) + " | " + phrase($0.folded) + ")" }
        return (folded.isEmpty ? nil : folded.joined(separator: " & "), written.isEmpty ? nil : written.joined(separator: " & "))
    }
}

extension PostgresLetterStore {
    /// Letters walked newest first, at most, before the rest of a search is left to the GIN index.
    static let searchWalk = 60_000

    /// Letters matching `query`, best first; like the SQLite index, only the newest `window`
    /// matches are ranked when more match.
    ///
    /// How the newest matches are found. The GIN index gives every match, then they are sorted by
    /// id: right for a rare word, slow for a common one (one letter in eight of a million letters
    /// is 125 000 rows fetched to keep 2 000), and the planner cannot tell them apart: it takes the
    /// words of a query as independent, and words that go together (`sáng kiến`) are not. So the
    /// newest letters are walked first, by the primary key (an office's by its (office, id)
    /// index), a slice at a time, doubling: a common word fills the window within a few thousand
    /// letters. As soon as the matches met so far say the window would not fill within
    /// `searchWalk` letters, the older letters are asked of the index. A clerk's login cannot use
    /// the GIN index at all (row-level security runs `@@`, which is not leakproof, only on its
    /// office's rows): for it both ways walk the office's rows, the first stopping early.
    /// The rank is computed in the same pass; the 20 best are then read in full.
    public func find(_ query: String, limit: Int = 20, window: Int = LetterStore.searchWindow) throws -> SearchResult {
        let terms = SearchIndex.terms(query)
        let (folded, written) = PostgresSearch.queries(terms)
        guard folded != nil || written != nil else { return SearchResult(hits: [], matching: 0, broad: false) }
        // Ranked over the folded vector when any term is folded, else over the written one.
        let rankColumn = folded != nil ? "search_folded" : "search_written"
        func matching(_ q: inout Statement) -> String {
            var conditions: [String] = []
            if let folded { conditions.append("search_folded @@ to_tsquery('simple', \(q.bind(.text(folded))))") }
            if let written { conditions.append("search_written @@ to_tsquery('simple', \(q.bind(.text(written))))") }
            return conditions.joined(separator: " AND ")
        }
        /// Matches with their rank, newest first, below `below`, at most `count`: from `from` on, by
        /// walking the letters (a fence, `OFFSET 0`, keeps the match out of the scan, so that the
        /// planner cannot take the GIN index for it), else by the index.
        func matches(from: Int64?, below: Int64?, count: Int) throws -> [(id: Int64, rank: Float)] {
            var q = Statement()
            var range = scope("", &q)
            if let from { range += " AND id >= \(q.bind(.int(from)))" }
            if let below { range += " AND id < \(q.bind(.int(below)))" }
            let condition = matching(&q)
            let rankQuery = q.bind(.text((folded ?? written)!))
            // The fenced walk keeps its key order (ORDER BY inside): the LIMIT stops it early.
            let source = from == nil ? "letters WHERE true\(range) AND" :
                "(SELECT id, search_folded, search_written FROM letters WHERE true\(range) ORDER BY id DESC OFFSET 0) l WHERE"
            q.sql = """
                SELECT id, ts_rank(\(rankColumn), to_tsquery('simple', \(rankQuery))) AS rank
                FROM \(source) \(condition) ORDER BY id DESC LIMIT \(q.bind(.of(count)))
                """
            return try session.query(q.sql, q.arguments).map { (try $0("id", as: Int64.self), try $0("rank", as: Float.self)) }
        }
        return try session.transaction {
            var newest: [(id: Int64, rank: Float)] = []
            var below: Int64?, walked = 0, slice = 4000
            while newest.count <= window {
                // The oldest id of the next `slice` letters (an index-only walk of the key).
                var q = Statement()
                let officeCondition = scope("", &q)
                let before = below.map { " AND id < \(q.bind(.int($0)))" } ?? ""
                q.sql = "SELECT min(id) FROM (SELECT id FROM letters WHERE true\(officeCondition)\(before) ORDER BY id DESC LIMIT \(q.bind(.of(slice)))) x"
                guard let floor = try session.scalar(q.sql, q.arguments, as: Int64.self) else { break }   // walked them all
                newest += try matches(from: floor, below: below, count: window + 1 - newest.count)
                below = floor
                walked += slice
                let needed = window + 1 - newest.count
                guard needed > 0 else { break }
                let expected = Double(newest.count) / Double(walked) * Double(Self.searchWalk - walked)
                if Double(needed) > expected {
                    newest += try matches(from: nil, below: floor, count: needed)
                    break
                }
                slice *= 2
            }
            let broad = newest.count > window
            let ranked = newest.prefix(window).sorted { ($0.rank, $0.id) > ($1.rank, $1.id) }.prefix(limit)
            var q = Statement()
            let officeCondition = scope("", &q)
            q.sql = "SELECT id, number_text, date, issuer, subject, full_text FROM letters WHERE id = ANY(\(q.bind(.texts(ranked.map { String($0.id) })))::bigint[])"
                + officeCondition
            let rows = try session.query(q.sql, q.arguments).reduce(into: [Int64: SessionRow]()) { $0[try $1("id", as: Int64.self)] = $1 }
            let patterns = SearchIndex.termPatterns(terms)
            let hits = try ranked.compactMap { match -> SearchHit? in
                guard let r = rows[match.id] else { return nil }
                return SearchHit(letterID: match.id, number: try r("number_text"), date: try r("date"), issuer: try r("issuer"),
                                 subject: try r("subject"),
                                 snippet: SearchIndex.snippet(original: try r("full_text"), patterns: patterns),
                                 // SearchHit's rank is lower-is-better (bm25); ts_rank is higher-is-better.
                                 rank: -Double(match.rank))
            }
            return SearchResult(hits: hits, matching: min(newest.count, window), broad: broad)
        }
    }
}
