import Foundation
import GRDB
import Extract

/// Full-text search over subject, issuer, number and body, diacritic-insensitive both ways.
///
/// The FTS table holds folded copies (`Folding.fold`: diacritics removed, đ→d, lower case) and the
/// query is folded the same way, so `don vi` finds `đơn vị` and `Đà Nẵng` is found by `da nang`.
/// Snippets are cut from the original text: folding keeps UTF-16 offsets, so a match found in
/// the folded text is at the same offsets in the original.
enum SearchIndex {
    /// `originalText`: the text as it came when the stored text had its diacritics put back; its
    /// folded words are indexed after the body's (snippets are still cut from the stored text).
    static func add(_ letter: LetterRow, originalText: String? = nil, db: Database) throws {
        var body = Folding.fold(letter.fullText)
        if let o = originalText, o != letter.fullText { body += "\n" + Folding.fold(o) }
        try db.execute(sql: """
            INSERT INTO letter_search(rowid, subject, issuer, number, body) VALUES (?, ?, ?, ?, ?)
            """, arguments: [letter.id, Folding.fold(letter.subject ?? ""), Folding.fold(letter.issuer ?? ""),
                             Folding.fold(letter.numberText ?? ""), body])
    }

    /// The FTS5 query for what a user typed: each whitespace-separated word becomes a phrase of
    /// its folded tokens (`2164/UBND-KGVX` → `"2164 ubnd kgvx"`), all words required.
    static func matchExpression(_ query: String) -> (expression: String, terms: [String])? {
        var phrases: [String] = [], terms: [String] = []
        for word in Folding.fold(query).split(whereSeparator: { $0.isWhitespace }) {
            let tokens = word.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            guard !tokens.isEmpty else { continue }
            phrases.append("\"" + tokens.joined(separator: " ") + "\"")
            terms.append(tokens.joined(separator: " "))
        }
        return phrases.isEmpty ? nil : (phrases.joined(separator: " "), terms)
    }

    /// One pattern per term, matching it in folded text; the tokens of a term may be separated
    /// by punctuation there (2164/UBND-KGVX). Made once per search, not once per hit.
    static func termPatterns(_ terms: [String]) -> [NSRegularExpression] {
        terms.compactMap { term in
            let pattern = term.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }
                .joined(separator: "[^\\p{L}\\p{N}]+")
            return try? NSRegularExpression(pattern: "(?<![\\p{L}\\p{N}])" + pattern + "(?![\\p{L}\\p{N}])")
        }
    }

    /// About `width` characters of the original text around the first match, every match of a
    /// term in it wrapped in «».
    static func snippet(original: String, patterns: [NSRegularExpression], width: Int = 160) -> String {
        let folded = Folding.fold(original)
        let text = original as NSString
        var matches: [NSRange] = []
        for re in patterns {
            matches += re.matches(in: folded, range: NSRange(location: 0, length: text.length)).map(\.range)
        }
        matches.sort { $0.location < $1.location }
        guard let first = matches.first else {
            return clean(text.substring(to: min(text.length, width))) + (text.length > width ? " …" : "")
        }
        let start = max(0, first.location - width / 3)
        let end = min(text.length, max(first.location + first.length, start + width))
        var out = start > 0 ? "… " : "", cursor = start
        for m in matches where m.location >= cursor && m.location + m.length <= end {
            out += clean(text.substring(with: NSRange(location: cursor, length: m.location - cursor)))
            out += "«" + text.substring(with: m) + "»"
            cursor = m.location + m.length
        }
        out += clean(text.substring(with: NSRange(location: cursor, length: end - cursor)))
        return out + (end < text.length ? " …" : "")
    }

    /// Runs of white space (line breaks, tabs) as one space.
    private static func clean(_ s: String) -> String {
        var out = "", space = false
        out.reserveCapacity(s.utf8.count)
        for c in s {
            if c.isWhitespace { space = true; continue }
            if space { out.append(" "); space = false }
            out.append(c)
        }
        if space { out.append(" ") }
        return out
    }
}

/// One letter found by `search`.
public struct SearchHit: Sendable, Equatable {
    public var letterID: Int64
    public var number: String?
    public var date: String?
    public var issuer: String?
    public var subject: String?
    /// The original text around the match, the match in «».
    public var snippet: String
    /// bm25 score: lower is better.
    public var rank: Double
}

/// What `find` returns: the best hits, and how many letters match.
public struct SearchResult: Sendable, Equatable {
    public var hits: [SearchHit]
    /// Letters matching, counted up to the ranking window.
    public var matching: Int
    /// More letters match than the window holds: the hits are the best of the newest `matching`.
    public var broad: Bool
}

extension LetterStore {
    /// How many of the newest matches a broad search ranks.
    public static let searchWindow = 2000

    /// Letters matching `query`, best first (bm25; subject and number weigh more than the body).
    public func search(_ query: String, limit: Int = 20) throws -> [SearchHit] {
        try find(query, limit: limit).hits
    }

    /// Letters matching `query`, best first. When more than `window` letters match, only the newest
    /// `window` of them are ranked: bm25 costs about 2 µs a letter, so ranking every match of a
    /// common word in 100 000 letters takes 200 ms, and among that many a clerk wants the recent
    /// ones. Finding the newest matches is cheap, because FTS5 walks its doclists by rowid, and
    /// rowid is the order letters were registered in.
    public func find(_ query: String, limit: Int = 20, window: Int = LetterStore.searchWindow) throws -> SearchResult {
        guard let (expression, terms) = SearchIndex.matchExpression(query) else {
            return SearchResult(hits: [], matching: 0, broad: false)
        }
        let (rows, matching, broad) = try pool.read { db -> ([Row], Int, Bool) in
            let newest = try Int64.fetchAll(db, sql: """
                SELECT rowid FROM letter_search WHERE letter_search MATCH ? ORDER BY rowid DESC LIMIT ?
                """, arguments: [expression, window + 1])
            let broad = newest.count > window
            let floor = broad ? newest[window - 1] : 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT l.id, l.number_text, l.date, l.issuer, l.subject, l.full_text, s.rank
                FROM (SELECT rowid, bm25(letter_search, 8.0, 4.0, 8.0, 1.0) AS rank
                      FROM letter_search WHERE letter_search MATCH ? AND rowid >= ?
                      ORDER BY rank, rowid DESC LIMIT ?) s
                JOIN letters l ON l.id = s.rowid
                ORDER BY s.rank, s.rowid DESC
                """, arguments: [expression, floor, limit])
            return (rows, min(newest.count, window), broad)
        }
        let patterns = SearchIndex.termPatterns(terms)
        let hits = rows.map { row in
            SearchHit(letterID: row["id"], number: row["number_text"], date: row["date"], issuer: row["issuer"],
                      subject: row["subject"],
                      snippet: SearchIndex.snippet(original: row["full_text"], patterns: patterns), rank: row["rank"])
        }
        return SearchResult(hits: hits, matching: matching, broad: broad)
    }
}
