import Foundation
import XCTest
@testable import Extract

/// The package root, from this file's path (Tests/ExtractTests/Support.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func fixtureText(_ name: String) throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent("fixtures/\(name)"), encoding: .utf8)
}

func fixtureGold(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: packageRoot.appendingPathComponent("fixtures/\(name).gold.json"))
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
}

func extract(_ text: String, file: String = "test.txt") -> LetterRecord {
    LetterExtractor().extract(text: text, file: file)
}

/// How the gold is compared: exactly (NFC, spaces collapsed, trailing punctuation trimmed), or
/// folded (diacritics and đ away) for a text that came without diacritics, or loosely (similar
/// enough, as the scorer does for subjects and list items, for OCR text).
enum Comparison { case exact, folded, loose }

func normal(_ s: String, _ how: Comparison) -> String {
    var t = s.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    t = t.trimmingCharacters(in: CharacterSet(charactersIn: " .;,:"))
    return how == .exact ? t.lowercased() : Folding.fold(t)
}

func similarity(_ a: String, _ b: String) -> Double {
    let x = Array(a), y = Array(b)
    if x.isEmpty && y.isEmpty { return 1 }
    var prev = Array(0...y.count)
    for i in 1...max(1, x.count) where !x.isEmpty {
        var cur = [i] + [Int](repeating: 0, count: y.count)
        for j in stride(from: 1, through: y.count, by: 1) {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        prev = cur
    }
    return 1 - Double(prev[y.count]) / Double(max(x.count, y.count))
}

func matches(_ gold: Any?, _ value: String?, _ how: Comparison) -> Bool {
    if let d = gold as? [String: Any], let alts = d["any_of"] as? [String] {
        return alts.contains { matches($0, value, how) }
    }
    guard let g = gold as? String else { return value == nil }
    guard let v = value else { return false }
    if how == .loose { return similarity(normal(g, .folded), normal(v, .folded)) >= 0.85 }
    return normal(g, how) == normal(v, how)
}

/// Asserts a scalar field against the gold, naming the field on failure.
func assertField(_ gold: [String: Any], _ path: String, _ value: String?, _ how: Comparison,
                 file: StaticString = #filePath, line: UInt = #line) {
    var node: Any? = gold
    for k in path.split(separator: ".") { node = (node as? [String: Any])?[String(k)] ?? NSNull() }
    let g: Any? = node is NSNull ? nil : node
    XCTAssertTrue(matches(g, value, how), "\(path): expected \(String(describing: g)), got \(String(describing: value))", file: file, line: line)
}

/// Asserts a list field item by item, in order.
func assertList(_ gold: [String: Any], _ key: String, _ values: [String], _ how: Comparison,
                file: StaticString = #filePath, line: UInt = #line) {
    let g = gold[key] as? [String] ?? []
    XCTAssertEqual(g.count, values.count, "\(key): expected \(g), got \(values)", file: file, line: line)
    for (a, b) in zip(g, values) {
        XCTAssertTrue(matches(a, b, how), "\(key): expected \(a), got \(b)", file: file, line: line)
    }
}
