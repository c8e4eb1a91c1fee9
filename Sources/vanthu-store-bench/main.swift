import Foundation
import Extract
import Ingest
import Pipeline
import Store

// Index benchmark: ingest rate from text, then the latency of the `deadlines` and `search`
// queries on an index of N letters (made from the given files' records with varied numbers and
// dates, inserted in bulk through the Store API), against a bare `SELECT count(*)` in the same run.
//
//   vanthu-store-bench [--letters N] [--db PATH] FILE...

var args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    defer { args.removeSubrange(i...i + 1) }
    return args[i + 1]
}
let total = Int(option("--letters") ?? "") ?? 100_000
let dbPath = option("--db") ?? NSTemporaryDirectory() + "vanthu-bench-\(getpid()).sqlite"
// --keep leaves the index behind for looking into a query by hand; --reuse measures the queries
// on an index a --keep run left (no ingest, no bulk insert).
let units = Int(option("--units") ?? "") ?? 20
let keep = args.contains("--keep") || args.contains("--reuse")
let reuse = args.contains("--reuse") && FileManager.default.fileExists(atPath: dbPath)
args.removeAll { $0 == "--keep" || $0 == "--reuse" }
guard !args.isEmpty else { FileHandle.standardError.write(Data("usage: vanthu-store-bench [--letters N] [--db PATH] FILE...\n".utf8)); exit(2) }
if !reuse { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) } }
defer { if !keep { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) } } }

func wallClock() -> Double { Date().timeIntervalSince1970 }
func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1000) }

/// Median wall time of `body` over `runs` runs.
func median(_ runs: Int = 21, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { let t = wallClock(); try body(); times.append(wallClock() - t) }
    return times.sorted()[runs / 2]
}

let store = try LetterStore(path: dbPath)

/// The date of bench letter `i`: spread over twelve years.
func benchDate(_ i: Int) -> (Int, Int, Int) { (2015 + i % 12, 1 + (i / 7) % 12, 1 + (i / 3) % 28) }

if !reuse {
    // 1. Ingest rate from text: the real path (read, extract, store), files made distinct.
    let pipeline = LetterPipeline()
    let docs = try args.map { try pipeline.read(path: $0) }
    let records = docs.map { pipeline.extract($0) }
    let ingestCount = 2000
    var t0 = wallClock()
    let ingestDir = NSTemporaryDirectory() + "vanthu-bench-in-\(getpid())"
    try FileManager.default.createDirectory(atPath: ingestDir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: ingestDir) }
    var paths: [String] = []
    for i in 0..<ingestCount {
        let p = ingestDir + "/\(i).txt"
        // Each file its own number, as a real inbox has: copies of one number would measure
        // the links between hundreds of letters that all claim it.
        var text = docs[i % docs.count].text
        if let number = records[i % records.count].number, let seq = number.seq,
           let range = text.range(of: number.text) ?? text.range(of: "\(seq) /") ?? text.range(of: "\(seq)/") {
            text.replaceSubrange(range, with: text[range].replacingOccurrences(of: "\(seq)", with: "\(10_000 + i)"))
        }
        try Data((text + "\n\(i)\n").utf8).write(to: URL(fileURLWithPath: p))
        paths.append(p)
    }
    t0 = wallClock()
    let results = Ingestor(store: store).ingest(paths: paths)
    let ingestTime = wallClock() - t0
    let storedCount = results.filter { if case .stored = $0.outcome { return true } else { return false } }.count
    print("ingest (read + extract + store, all cores): \(storedCount) letters in \(String(format: "%.2f", ingestTime)) s = \(Int(Double(storedCount) / ingestTime)) letters/s")

    // 2. Bulk: vary number, date and deadlines of the seeds' records.
    t0 = wallClock()
    var batch: [NewLetter] = []
    var made = storedCount
    while made < total {
        let i = made
        let base = records[i % records.count]
        var r = base
        // The letter index is measured here; 20 000 copies of one initiative report would measure
        // the review queue's duplicate check instead (real offices get hundreds a year).
        r.initiative = nil
        let (year, month, day) = benchDate(i)
        let symbol = base.number?.symbol ?? "UBND"
        r.number = LetterNumber(text: "\(i)/\(symbol)", seq: i, symbol: symbol)
        r.date = String(format: "%04d-%02d-%02d", year, month, day)
        r.deadlines = base.deadlines.enumerated().map { k, d in
            var d = d
            d.due = CalendarDate(year: year, month: month, day: day).adding(days: 15 + 30 * k + i % 90).iso
            return d
        }
        // Each letter cites an earlier one by its number and date, as letters do.
        let cited = max(1, i - 1 - i % 50), c = benchDate(cited)
        r.references = [Reference(kind: .congVan, number: "\(cited)/\(records[cited % records.count].number?.symbol ?? "UBND")",
                                  date: String(format: "%04d-%02d-%02d", c.0, c.1, c.2))]
        let text = docs[i % docs.count].text + "\nSố bản: \(i)\n"
        batch.append(NewLetter(record: r, fullText: text,
                               file: OriginalFile(sha256: String(format: "%064x", i), byteCount: text.utf8.count, originalPath: "/bench/\(i).txt")))
        made += 1
        if batch.count == 2000 { try store.storeAll(batch); batch.removeAll(keepingCapacity: true) }
    }
    try store.storeAll(batch)
    let bulkTime = wallClock() - t0
    let bulk = try store.letterCount() - storedCount
    print("bulk insert through the Store API: \(bulk) letters in \(String(format: "%.1f", bulkTime)) s = \(Int(Double(bulk) / bulkTime)) letters/s")

    // 2b. Every letter handed to one of `units` units, one `assign` (one transaction) each, as
    // a clerk does it.
    t0 = wallClock()
    let count = try store.letterCount()
    for id in 1...Int64(count) {
        try store.assign(letterID: id, unit: "Phòng \(id % Int64(units))", person: nil, due: nil, note: nil, by: "bench")
    }
    let assignTime = wallClock() - t0
    print("assign, one transaction each: \(count) letters in \(String(format: "%.1f", assignTime)) s = \(Int(Double(count) / assignTime)) letters/s")
}
let letters = try store.letterCount()
let deadlineCount = try store.scalar("SELECT count(*) FROM deadlines")
print("index: \(letters) letters, \(deadlineCount) deadlines, \(try store.scalar("SELECT count(*) FROM letter_links")) links, \(((try? FileManager.default.attributesOfItem(atPath: dbPath)[.size] as? Int) ?? 0) / 1_048_576) MiB")

// 3. Queries, median of 21 runs, warm.
let today = CalendarDate(year: 2025, month: 6, day: 1)
let baseline = try median { _ = try store.scalar("SELECT count(*) FROM letters") }
var q = DeadlineQuery(today: today); q.withinDays = 30
var within = 0
let deadlinesTime = try median { within = try store.deadlines(q).count }
var q2 = DeadlineQuery(today: today); q2.overdueOnly = true; q2.limit = 50
let overdueTime = try median { _ = try store.deadlines(q2) }
var hits = 0
let matching = try store.scalar("SELECT count(*) FROM letter_search WHERE letter_search MATCH '\"don\" \"vi\" \"sang\" \"kien\"'")
let searchTime = try median { hits = try store.search("don vi sang kien", limit: 20).count }
let rareTime = try median { _ = try store.search("Nghia Hanh dang ky", limit: 20) }
// What the window saves: bm25 over every matching letter.
let unwindowedTime = try median(5) { _ = try store.find("don vi sang kien", limit: 20, window: 10_000_000) }
let rareMatching = try store.scalar("SELECT count(*) FROM letter_search WHERE letter_search MATCH '\"nghia\" \"hanh\" \"dang\" \"ky\"'")
let searchNumber = try median { _ = try store.search("\(total / 2)/UBND", limit: 20) }
print("bare SELECT count(*) FROM letters:       \(ms(baseline))")
print("deadlines --within 30 (\(within) rows):  \(ms(deadlinesTime))   target < 20 ms")
print("deadlines --overdue, first 50:          \(ms(overdueTime))")
print("search 'don vi sang kien' (top \(hits) of \(matching) matching letters): \(ms(searchTime))   target < 50 ms")
print("search 'Nghia Hanh dang ky' (\(rareMatching) matching letters): \(ms(rareTime))")
print("  the same 'don vi sang kien' ranking every match, no window: \(ms(unwindowedTime))")
print("search a number:                        \(ms(searchNumber))")

// 4. The register and a unit's deadlines, each against a bare query over the same rows.
let year = try store.scalar("SELECT max(arrival_year) FROM letters")
var entries = 0
let registerBase = try median(5) {
    _ = try store.scalar("SELECT count(*) FROM (SELECT id, arrival_number, arrival_date, issuer, number_text, date, kind, subject, unit, person FROM letters WHERE arrival_year = \(year))")
}
let registerTime = try median(5) { entries = try store.register({ var r = RegisterQuery(today: today); r.year = year; return r }()).count }
print("register of \(year), \(entries) entries:  \(ms(registerTime)) = \(String(format: "%.1f", registerTime / registerBase))× a bare scan of the same letters (\(ms(registerBase)))")
var held = 0
let unitBase = try median { _ = try store.scalar("SELECT count(*) FROM deadlines WHERE unit = 'Phòng 7' AND status = 'open'") }
var qu = DeadlineQuery(today: today); qu.unit = "Phòng 7"
let unitTime = try median { held = try store.deadlines(qu).count }
var qa = DeadlineQuery(today: today); qa.unit = "Phòng 7"; qa.withinDays = 30
let unitWithinTime = try median { _ = try store.deadlines(qa) }
print("deadlines --unit (\(held) rows):          \(ms(unitTime)) = \(String(format: "%.1f", unitTime / unitBase))× counting them on the index (\(ms(unitBase)))")
print("deadlines --unit --within 30:            \(ms(unitWithinTime))")
let rollTime = try median { try store.rollForward(today: today) }
print("roll recurring deadlines forward (nothing to do): \(ms(rollTime))")
