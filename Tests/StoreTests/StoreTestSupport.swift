import Foundation
import XCTest
import Extract
@testable import Store

/// A real index in a fresh temporary folder.
func temporaryStore(file: StaticString = #filePath) throws -> (LetterStore, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return (try LetterStore(path: dir.appendingPathComponent("index/vanthu.sqlite").path), dir)
}

/// A letter as the extractor would give it, with the fields a test needs.
func letter(_ number: String?, seq: Int? = nil, symbol: String? = nil, date: String?, subject: String,
            issuer: String = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", body: String? = nil,
            references: [Reference] = [], deadlines: [Deadline] = [], sha: String? = nil) -> NewLetter {
    let seqValue = seq ?? number.flatMap { Int($0.prefix { $0.isNumber }) }
    let symbolValue = symbol ?? number.flatMap { $0.split(separator: "/").last.map(String.init) }
    let record = LetterRecord(
        source: Source(file: "\(number ?? "blank").txt", sha256: sha), kind: .congVan,
        issuer: Issuer(name: issuer),
        number: number.map { LetterNumber(text: $0, seq: seqValue, symbol: symbolValue) },
        date: date, subject: subject, references: references, deadlines: deadlines)
    let text = body ?? "\(issuer)\nSố: \(number ?? "")\nV/v \(subject)\n"
    let hash = sha ?? String(repeating: "0", count: 20) + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    return NewLetter(record: record, fullText: text,
                     file: OriginalFile(sha256: hash, byteCount: text.utf8.count, originalPath: "/in/\(number ?? "x").txt"))
}
