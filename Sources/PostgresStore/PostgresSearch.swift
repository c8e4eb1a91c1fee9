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
    /// Letters matching `query`, best first; like the SQLite index, only the newest `window`
    /// matches are ranked when more match.
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
            return conditions.joined(separator: " AND ") + scope("", &q)
        }
        return try session.transaction {
            var newest = Statement()
            newest.sql = "SELECT id FROM letters WHERE \(matching(&newest)) ORDER BY id DESC LIMIT \(newest.bind(.of(window + 1)))"
            let ids = try session.query(newest.sql, newest.arguments).map { try $0("id", as: Int64.self) }
            let broad = ids.count > window
            let floor = broad ? ids[window - 1] : 0
            var ranked = Statement()
            let condition = matching(&ranked)
            let rankQuery = ranked.bind(.text((folded ?? written)!))
            ranked.sql = """
                SELECT id, number_text, date, issuer, subject, full_text,
                       ts_rank(\(rankColumn), to_tsquery('simple', \(rankQuery))) AS rank
                FROM letters WHERE \(condition) AND id >= \(ranked.bind(.int(floor)))
                ORDER BY rank DESC, id DESC LIMIT \(ranked.bind(.of(limit)))
                """
            let patterns = SearchIndex.termPatterns(terms)
            let hits = try session.query(ranked.sql, ranked.arguments).map { r in
                SearchHit(letterID: try r("id"), number: try r("number_text"), date: try r("date"), issuer: try r("issuer"),
                          subject: try r("subject"),
                          snippet: SearchIndex.snippet(original: try r("full_text"), patterns: patterns),
                          // SearchHit's rank is lower-is-better (bm25); ts_rank is higher-is-better.
                          rank: -Double(try r("rank", as: Float.self)))
            }
            return SearchResult(hits: hits, matching: min(ids.count, window), broad: broad)
        }
    }
}
