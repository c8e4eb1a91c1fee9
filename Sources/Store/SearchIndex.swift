import Foundation
import GRDB
import Extract

/// Full-text search over subject, issuer, number and body, diacritic-insensitive both ways.
///
/// The FTS table holds folded copies (`Folding.fold`: diacritics removed, đ→d, lower case) and the
/// query is folded the same way, so `don vi` finds `đơn vị` and `Đà Nẵng` is found by `da nang`.
/// Snippets are cut from the original text: folding keeps UTF-16 offsets, so a match found in
/// the folded text is at the same offsets in the original.
public enum SearchIndex {
    /// `originalText`: the text as it came when the stored text had its diacritics put back; its
    /// folded words are indexed after the body's (snippets are still cut from the stored text).
    static func add(_ letter: LetterRow, originalText: String? = nil, db: Database) throws {
        var body = Folding.fold(letter.fullText)
        if let o = originalText, o != letter.fullText { body += "\n" + Folding.fold(o) }
        try db.execute(sql: """
            INSERT INTO letter_search(rowid, subject, issuer, number, body) VALUES (?, ?, ?, ?, ?)
            """, arguments: [letter.id, Folding.fold(letter.subject ?? ""), Folding.fold(letter.issuer ?? ""),
                             Folding.fold(letter.numberText ?? ""), body])
        // The words as the page gave them too, when the stored text had its diacritics put back:
        // `nhén`, as the OCR wrote it, still finds the letter.
        var words = letter.fullText
        if let o = originalText, o != letter.fullText { words += "\n" + o }
        try db.execute(sql: """
            INSERT INTO letter_words(rowid, subject, issuer, number_text, full_text) VALUES (?, ?, ?, ?, ?)
            """, arguments: [letter.id, letter.subject, letter.issuer, letter.numberText, words])
    }

    /// Takes a letter out of both search tables; `letter` must hold the values it was added with.
    static func remove(_ letter: LetterRow, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO letter_search(letter_search, rowid, subject, issuer, number, body) VALUES ('delete', ?, ?, ?, ?, ?)
            """, arguments: [letter.id, Folding.fold(letter.subject ?? ""), Folding.fold(letter.issuer ?? ""),
                             Folding.fold(letter.numberText ?? ""), Folding.fold(letter.fullText)])
        try db.execute(sql: """
            INSERT INTO letter_words(letter_words, rowid, subject, issuer, number_text, full_text) VALUES ('delete', ?, ?, ?, ?, ?)
            """, arguments: [letter.id, letter.subject, letter.issuer, letter.numberText, letter.fullText])
    }

    /// One unit of a query: a word, or a phrase the user put in double quotes.
    public struct Term: Equatable, Sendable {
        /// The tokens as written, lower case (`sáng`, `kiến`).
        public var written: [String]
        /// The same folded (`sang`, `kien`).
        public var folded: [String]
        /// Written with diacritics (or đ): matched against the words as written, so that
        /// `kiến` finds `kiến` and a stripped `kien` but not `kiện`. Without, against the folded words.
        public var exact: Bool { written != folded }
    }

    /// The terms of what a user typed: each whitespace-separated word, or each `"quoted phrase"`.
    /// All terms are required; a term's tokens (`2164/UBND-KGVX` → 2164 ubnd kgvx) form a phrase.
    public static func terms(_ query: String) -> [Term] {
        var units: [String] = [], quoted = false
        for (i, part) in query.precomposedStringWithCanonicalMapping.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            quoted = i % 2 == 1
            if quoted { units.append(String(part)) } else { units += part.split(whereSeparator: { $0.isWhitespace }).map(String.init) }
        }
        return units.compactMap { unit in
            let written = unit.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            guard !written.isEmpty else { return nil }
            return Term(written: written, folded: written.map { Folding.fold($0) })
        }
    }

    /// The FTS5 queries for the terms: over the folded table (`letter_search`) and over the
    /// written words (`letter_words`), nil where no term is of that kind.
    static func matchExpressions(_ terms: [Term]) -> (folded: String?, written: String?) {
        func phrase(_ tokens: [String]) -> String { "\"" + tokens.joined(separator: " ") + "\"" }
        let folded = terms.filter { !$0.exact }.map { phrase($0.folded) }
        // As written, or written without any diacritics (a stripped letter).
        let written = terms.filter(\.exact).map { "(" + phrase($0.written) + " OR " + phrase($0.folded) + ")" }
        return (folded.isEmpty ? nil : folded.joined(separator: " "), written.isEmpty ? nil : written.joined(separator: " AND "))
    }

    /// Where a term is in a letter's text, for the snippet: its tokens separated by anything but
    /// letters and digits (2164/UBND-KGVX). A folded term is looked for in the folded text, an
    /// exact one in the original (either spelling), case-insensitively. Made once per search.
    public struct TermPattern {
        var regex: NSRegularExpression
        var onOriginal: Bool
    }

    public static func termPatterns(_ terms: [Term]) -> [TermPattern] {
        func body(_ tokens: [String]) -> String {
            tokens.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "[^\\p{L}\\p{N}]+")
        }
        return terms.compactMap { term in
            let inner = term.exact ? "(?:" + body(term.written) + "|" + body(term.folded) + ")" : body(term.folded)
            guard let re = try? NSRegularExpression(pattern: "(?<![\\p{L}\\p{N}])" + inner + "(?![\\p{L}\\p{N}])",
                                                    options: term.exact ? [.caseInsensitive] : []) else { return nil }
            return TermPattern(regex: re, onOriginal: term.exact)
        }
    }

    /// About `width` characters of the original text around the first match, every match of a
    /// term in it wrapped in «».
    public static func snippet(original: String, patterns: [TermPattern], width: Int = 160) -> String {
        let folded = Folding.fold(original)
        let text = original as NSString
        var matches: [NSRange] = []
        for p in patterns {
            matches += p.regex.matches(in: p.onOriginal ? original : folded, range: NSRange(location: 0, length: text.length)).map(\.range)
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
    public init(letterID: Int64, number: String? = nil, date: String? = nil, issuer: String? = nil, subject: String? = nil, snippet: String,
                rank: Double) {
        self.letterID = letterID; self.number = number; self.date = date; self.issuer = issuer
        self.subject = subject; self.snippet = snippet; self.rank = rank
    }

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
    public init(hits: [SearchHit], matching: Int, broad: Bool) {
        self.hits = hits; self.matching = matching; self.broad = broad
    }

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
        let terms = SearchIndex.terms(query)
        let (folded, written) = SearchIndex.matchExpressions(terms)
        // Ranked in the folded table when any term is folded, else in the table of written words;
        // the other table's terms filter.
        let table = folded != nil ? "letter_search" : "letter_words"
        guard let expression = folded ?? written else { return SearchResult(hits: [], matching: 0, broad: false) }
        var filter = "", filterArguments: [DatabaseValueConvertible] = []
        if folded != nil, let written {
            filter = "AND rowid IN (SELECT rowid FROM letter_words WHERE letter_words MATCH ?)"
            filterArguments = [written]
        }
        let (rows, matching, broad) = try pool.read { db -> ([Row], Int, Bool) in
            let newest = try Int64.fetchAll(db, sql: """
                SELECT rowid FROM \(table) WHERE \(table) MATCH ? \(filter) ORDER BY rowid DESC LIMIT ?
                """, arguments: StatementArguments([expression] + filterArguments + [window + 1]))
            let broad = newest.count > window
            let floor = broad ? newest[window - 1] : 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT l.id, l.number_text, l.date, l.issuer, l.subject, l.full_text, s.rank
                FROM (SELECT rowid, bm25(\(table), 8.0, 4.0, 8.0, 1.0) AS rank
                      FROM \(table) WHERE \(table) MATCH ? \(filter) AND rowid >= ?
                      ORDER BY rank, rowid DESC LIMIT ?) s
                JOIN letters l ON l.id = s.rowid
                ORDER BY s.rank, s.rowid DESC
                """, arguments: StatementArguments([expression] + filterArguments + [floor, limit]))
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
