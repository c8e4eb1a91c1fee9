import ArgumentParser
import Foundation
import Store
import Vocabulary

struct SearchCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "search", abstract: Help.search.here, discussion: Help.searchMore.here)
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var index: IndexOptions
    @Flag var format: RecordFormat = .table
    @Option(name: .long, help: Help.limit.argument) var limit = 20
    @Argument(help: Help.queryArgument.argument) var query: [String]

    func validate() throws {
        if limit <= 0 { throw ValidationError(CLIMessage.notPositive(option: "--limit").here) }
    }

    func run() throws {
        let result = try index.open().find(query.joined(separator: " "), limit: limit)
        let hits = result.hits
        if format == .json {
            for h in hits { try JSONLine.write(SearchHitJSON(h)) }
            return
        }
        if hits.isEmpty { print(CLIMessage.noResults.here); return }
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
        print(Terminal.paint(CLIMessage.searchFooter(shown: hits.count, matching: result.matching, broad: result.broad)
            .here, "2", when: colours))
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
