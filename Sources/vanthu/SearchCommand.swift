import ArgumentParser
import Foundation
import Store

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Tìm văn bản theo nội dung; có dấu hay không dấu đều được (`don vi` tìm được `đơn vị`).",
        discussion: """
            Searches subject, issuer, number and full text; best matches first. When more than \
            \(LetterStore.searchWindow) letters match, the newest \(LetterStore.searchWindow) of them are ranked.
            """)

    @OptionGroup var index: IndexOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .long, help: "Most letters shown.") var limit = 20
    @Argument(help: "Words to find (all must appear).") var query: [String]

    func run() throws {
        // `vanthu search "sáng kiến"`: words the shell kept together are one phrase.
        let typed = query.map { $0.contains(where: { $0.isWhitespace }) && !$0.contains("\"") ? "\"\($0)\"" : $0 }
        let result = try index.open(output.lang).find(typed.joined(separator: " "), limit: limit)
        let hits = result.hits
        if output.json {
            for h in hits { try JSONLine.write(SearchHitJSON(h)) }
            return
        }
        if hits.isEmpty { print(IndexMsg.noResults.text(output.lang)); return }
        let colours = Terminal.colours
        for h in hits {
            let head = "#\(h.letterID)  \(h.number ?? "—")  \(h.date ?? "")  \(h.issuer ?? "")"
            print(Terminal.paint(head, "1", when: colours))
            if let s = h.subject { print("  \(s)") }
            let snippet = colours
                ? h.snippet.replacingOccurrences(of: "«", with: "\u{1B}[1;33m").replacingOccurrences(of: "»", with: "\u{1B}[0m")
                : h.snippet
            print("  \(snippet)\n")
        }
        print(Terminal.paint(IndexMsg.searchFooter(shown: hits.count, matching: result.matching, broad: result.broad)
            .text(output.lang), "2", when: colours))
    }
}

struct SearchHitJSON: Encodable {
    let id: Int64, number: String?, date: String?, issuer: String?, subject: String?, snippet: String, rank: Double
    init(_ h: SearchHit) {
        id = h.letterID; number = h.number; date = h.date; issuer = h.issuer; subject = h.subject
        snippet = h.snippet; rank = (h.rank * 1000).rounded() / 1000
    }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: Key("id")); try c.encode(number, forKey: Key("number"))
        try c.encode(date, forKey: Key("date")); try c.encode(issuer, forKey: Key("issuer"))
        try c.encode(subject, forKey: Key("subject")); try c.encode(snippet, forKey: Key("snippet"))
        try c.encode(rank, forKey: Key("rank"))
    }
}
