import Foundation
import Extract
import PostgresStore
import Store

// The province's index (issue 14): the same letters, from `--offices` offices, in an SQLite file
// (the baseline: one index holding them all, as one office's would) and in PostgreSQL; then the
// clerks' queries on each, median of 21 warm runs, as ratios against SQLite in this same run.
// PostgreSQL is asked as the people who ask it: a clerk's login (a member of one office's role,
// under row-level security) and the council's (`vanthu_province`), never as the superuser that
// row-level security would let through unchecked. Every figure comes from the stores' own query
// methods (`deadlines`, `find`), the ones `vanthu deadlines` and `vanthu search` call.
//
//   vanthu-province-bench --postgres URL [--letters N] [--offices K] [--reuse SQLITE-FILE]

var args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
guard let url = option("--postgres") else {
    FileHandle.standardError.write(Data("usage: vanthu-province-bench --postgres URL [--letters N] [--offices K] [--reuse SQLITE-FILE]\n".utf8)); exit(2)
}
let total = Int(option("--letters") ?? "") ?? 1_000_000
let officeCount = Int(option("--offices") ?? "") ?? 100

@Sendable func wallClock() -> Double { Date().timeIntervalSince1970 }
func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1000) }
func median(_ runs: Int = 21, _ body: () throws -> Void) rethrows -> Double {
    try body()   // warm: plans and pages, as a clerk's second query finds them
    var times: [Double] = []
    for _ in 0..<runs { let t = wallClock(); try body(); times.append(wallClock() - t) }
    return times.sorted()[runs / 2]
}
func say(_ line: String) { print(line); fflush(stdout) }

/// Subjects with Vietnamese words, some sharing the searched ones.
let subjects = ["đẩy mạnh hoạt động sáng kiến trong các đơn vị", "rà soát biên chế các đơn vị trực thuộc",
                "kế hoạch cải cách hành chính năm", "báo cáo tình hình kinh tế xã hội", "lịch trực tết của cơ quan",
                "hợp tác du lịch với thành phố Đà Nẵng", "tổ chức hội nghị sơ kết", "thực hiện chế độ báo cáo thống kê"]

/// Letter `i` of office `o`: number, date, one deadline, a body of a few lines. Dates run over
/// 2024 and 2025; a deadline falls 15 to 104 days after its letter.
@Sendable func benchLetter(_ i: Int, office o: Int) -> NewLetter {
    let year = 2024 + i % 2, month = 1 + (i / 7) % 12, day = 1 + (i / 3) % 28
    let subject = subjects[i % subjects.count] + " \(i)"
    let due = CalendarDate(year: year, month: month, day: day).adding(days: 15 + i % 90).iso
    let record = LetterRecord(source: Source(file: "\(i).txt"), kind: .congVan,
                              issuer: Issuer(name: "ỦY BAN NHÂN DÂN HUYỆN \(o)"),
                              number: LetterNumber(text: "\(i)/UBND", seq: i, symbol: "UBND"),
                              date: String(format: "%04d-%02d-%02d", year, month, day), subject: subject,
                              deadlines: [Deadline(due: due, text: "báo cáo trước ngày \(due)")])
    let text = "ỦY BAN NHÂN DÂN HUYỆN \(o)\nSố: \(i)/UBND\nV/v \(subject)\nKính gửi: các phòng, ban, đơn vị.\n"
        + "Đề nghị các đơn vị báo cáo kết quả trước ngày \(due). Văn bản số \(i) của cơ quan \(o).\n"
    return NewLetter(record: record, fullText: text,
                     file: OriginalFile(sha256: String(format: "%032x%032x", o, i), byteCount: text.utf8.count, originalPath: "/bench/\(o)/\(i).txt"))
}

// `--reuse PATH`: the queries again, on an SQLite file and a PostgreSQL index this bench loaded
// before (the same `--letters` and `--offices`), without loading them again.
let reused = option("--reuse")
let sqlitePath = reused ?? NSTemporaryDirectory() + "vanthu-province-bench-\(getpid()).sqlite"
defer { if reused == nil { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + s) } } }
let sqlite = try LetterStore(path: sqlitePath)
let admin = try PostgresSession(url: url)
let offices = (0..<officeCount).map { String(format: "O%03d", $0) }
if reused == nil { for code in offices { try OfficeAdmin.addOffice(code: code, name: "Cơ quan \(code)", session: admin) } }
let day = CalendarDate(year: 2025, month: 1, day: 15)
sqlite.arrivalDay = { day }

// Loading: PostgreSQL through the bulk loader (PostgresLetterStore.bulkStore: the store's rows,
// a few statements a batch), SQLite through its own `storeAll` (one transaction a batch); the two
// at once, on two threads, each engine timed by itself.
let t0 = wallClock()
let perOffice = total / officeCount
let batch = 2000
final class Timer: @unchecked Sendable { var seconds = 0.0; var error: Error? }
let pgTimer = Timer(), sqliteTimer = Timer()
let pgDone = DispatchSemaphore(value: 0)
if reused != nil { pgDone.signal() } else { Thread {
    defer { pgDone.signal() }
    do {
        for (o, code) in offices.enumerated() {
            let pg = try PostgresLetterStore(session: admin, office: code, migrate: false)
            pg.arrivalDay = { day }
            for start in stride(from: 0, to: perOffice, by: batch) {
                let letters = (start..<min(start + batch, perOffice)).map { benchLetter(o * perOffice + $0, office: o) }
                let t = wallClock()
                try pg.bulkStore(letters)
                pgTimer.seconds += wallClock() - t
            }
        }
    } catch { pgTimer.error = error }
}.start() }
for o in 0..<officeCount where reused == nil {
    for start in stride(from: 0, to: perOffice, by: batch) {
        let letters = (start..<min(start + batch, perOffice)).map { benchLetter(o * perOffice + $0, office: o) }
        let t = wallClock()
        try sqlite.storeAll(letters)
        sqliteTimer.seconds += wallClock() - t
    }
    if (o + 1) % max(1, officeCount / 10) == 0 { say("  SQLite: \(o + 1) of \(officeCount) offices loaded") }
}
pgDone.wait()
if let error = pgTimer.error { throw error }
let loaded = perOffice * officeCount
// As autovacuum leaves a table that has settled: statistics taken, pages marked all-visible.
var t = wallClock()
try admin.query("VACUUM ANALYZE")
if reused == nil { say("loaded \(loaded) letters from \(officeCount) offices in \(String(format: "%.0f", wallClock() - t0)) s: "
    + "PostgreSQL \(Int(Double(loaded) / pgTimer.seconds)) letters/s (bulk) + VACUUM ANALYZE \(String(format: "%.0f", wallClock() - t)) s, "
    + "SQLite \(Int(Double(loaded) / sqliteTimer.seconds)) letters/s (storeAll)") }
say("sizes: PostgreSQL database \(try admin.scalar("SELECT pg_size_pretty(pg_database_size(current_database()))", as: String.self) ?? "?"), "
    + "SQLite file \(((try? FileManager.default.attributesOfItem(atPath: sqlitePath)[.size] as? Int) ?? 0) / 1_000_000) MB")

// The people who ask: a clerk of one office, the council.
let suffix = "\(getpid())"
let clerkLogin = "bench_clerk_\(suffix)", councilLogin = "bench_council_\(suffix)"
let office = offices[officeCount / 2]
try admin.query("CREATE ROLE \(clerkLogin) LOGIN IN ROLE \(try OfficeAdmin.role(of: office))")
try admin.query("CREATE ROLE \(councilLogin) LOGIN IN ROLE \(PostgresSchema.provinceRole)")
defer {
    try? admin.query("DROP ROLE IF EXISTS \(clerkLogin)")
    try? admin.query("DROP ROLE IF EXISTS \(councilLogin)")
}
let address = try PostgresAddress(url: url)
let clerk = try PostgresLetterStore(session: PostgresSession(address.with(user: clerkLogin, password: .some(nil))), office: nil, migrate: false)
let council = try PostgresLetterStore(session: PostgresSession(address.with(user: councilLogin, password: .some(nil))), office: nil, migrate: false)
guard clerk.office == office, council.isProvincial else { fatalError("bench logins: the clerk's office or the council's role is wrong") }

let today = CalendarDate(year: 2025, month: 6, day: 1)
var window = DeadlineQuery(today: today); window.withinDays = 30
var page = window; page.limit = 100
func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2f×", a / b) }
func verdict(_ s: Double, _ target: Double?) -> String {
    guard let target else { return "" }
    return s * 1000 < target ? "   target < \(Int(target)) ms: met" : "   target < \(Int(target)) ms: MISSED"
}
func compare(_ what: String, target: Double?, sqlite: () throws -> Int, postgres: () throws -> Int) throws {
    var n = (0, 0)
    let s = try median { n.0 = try sqlite() }
    let p = try median { n.1 = try postgres() }
    say(String(format: "%-48@ PostgreSQL %9@ (%5d rows)   SQLite %9@ (%5d rows)   = %@ SQLite%@",
               what as NSString, ms(p) as NSString, n.1, ms(s) as NSString, n.0, ratio(p, s) as NSString,
               verdict(p, target) as NSString))
}

say("queries (median of 21 warm runs; PostgreSQL as a clerk of \(office) or as the council, under row-level security):")
try compare("deadlines --within 30, one office (clerk)", target: 20,
            sqlite: { try sqlite.deadlines(window).count }, postgres: { try clerk.deadlines(window).count })
try compare("deadlines --within 30, first 100, province", target: 50,
            sqlite: { try sqlite.deadlines(page).count }, postgres: { try council.deadlines(page).count })
try compare("deadlines --within 30, every row, province", target: nil,
            sqlite: { try sqlite.deadlines(window).count }, postgres: { try council.deadlines(window).count })
// A common phrase (one letter in eight, of every office) and a rare one (one letter).
let rare = "sang kien \(8 * (loaded / 16))"
for (words, label) in [("don vi sang kien", "common"), (rare, "rare")] {
    try compare("search '\(words)' (\(label)), one office (clerk)", target: 50,
                sqlite: { try sqlite.find(words, limit: 20).hits.count }, postgres: { try clerk.find(words, limit: 20).hits.count })
    try compare("search '\(words)' (\(label)), province", target: 50,
                sqlite: { try sqlite.find(words, limit: 20).hits.count }, postgres: { try council.find(words, limit: 20).hits.count })
}
clerk.session.close()
council.session.close()
