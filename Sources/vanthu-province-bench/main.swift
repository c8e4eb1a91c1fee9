import Foundation
import Extract
import PostgresStore
import Store

// The province's index (issue 14): the same letters, from `--offices` offices, in an SQLite file
// (the baseline: one office's index holding them all) and in PostgreSQL; then `deadlines` of one
// office, province-wide, and `search`, on each, median of 21 warm runs, as ratios.
//
//   vanthu-province-bench --postgres URL [--letters N] [--offices K]

var args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
guard let url = option("--postgres") else {
    FileHandle.standardError.write(Data("usage: vanthu-province-bench --postgres URL [--letters N] [--offices K]\n".utf8)); exit(2)
}
let total = Int(option("--letters") ?? "") ?? 1_000_000
let officeCount = Int(option("--offices") ?? "") ?? 100

func wallClock() -> Double { Date().timeIntervalSince1970 }
func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1000) }
func median(_ runs: Int = 21, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { let t = wallClock(); try body(); times.append(wallClock() - t) }
    return times.sorted()[runs / 2]
}

/// Subjects with Vietnamese words, some sharing the searched ones.
let subjects = ["đẩy mạnh hoạt động sáng kiến trong các đơn vị", "rà soát biên chế các đơn vị trực thuộc",
                "kế hoạch cải cách hành chính năm", "báo cáo tình hình kinh tế xã hội", "lịch trực tết của cơ quan",
                "hợp tác du lịch với thành phố Đà Nẵng", "tổ chức hội nghị sơ kết", "thực hiện chế độ báo cáo thống kê"]

/// Letter `i` of office `o`: number, date, one deadline, a body of a few lines.
func benchLetter(_ i: Int, office o: Int) -> NewLetter {
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

let sqlitePath = NSTemporaryDirectory() + "vanthu-province-bench-\(getpid()).sqlite"
defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + s) } }
let sqlite = try LetterStore(path: sqlitePath)
let admin = try PostgresSession(url: url)
let offices = (0..<officeCount).map { String(format: "O%03d", $0) }
for code in offices { try OfficeAdmin.addOffice(code: code, name: "Cơ quan \(code)", session: admin) }
let day = CalendarDate(year: 2025, month: 1, day: 15)
sqlite.arrivalDay = { day }

var t0 = wallClock()
var pgTime = 0.0, sqliteTime = 0.0
let perOffice = total / officeCount
for (o, code) in offices.enumerated() {
    let letters = (0..<perOffice).map { benchLetter(o * perOffice + $0, office: o) }
    let pg = try PostgresLetterStore(session: admin, office: code, migrate: false)
    pg.arrivalDay = { day }
    var t = wallClock()
    for chunk in stride(from: 0, to: letters.count, by: 2000) { try pg.storeAll(Array(letters[chunk..<min(chunk + 2000, letters.count)])) }
    pgTime += wallClock() - t
    t = wallClock()
    for chunk in stride(from: 0, to: letters.count, by: 2000) { try sqlite.storeAll(Array(letters[chunk..<min(chunk + 2000, letters.count)])) }
    sqliteTime += wallClock() - t
}
try admin.query("ANALYZE")
print("loaded \(perOffice * officeCount) letters from \(officeCount) offices in \(String(format: "%.0f", wallClock() - t0)) s: "
      + "PostgreSQL \(Int(Double(perOffice * officeCount) / pgTime)) letters/s, SQLite \(Int(Double(perOffice * officeCount) / sqliteTime)) letters/s")

let today = CalendarDate(year: 2025, month: 6, day: 1)
var q = DeadlineQuery(today: today); q.withinDays = 30
let one = try PostgresLetterStore(session: admin, office: offices[officeCount / 2], migrate: false)
let province = try PostgresLetterStore(session: admin, office: nil, migrate: false)
var rows = (0, 0, 0)
let sqliteDeadlines = try median { rows.0 = try sqlite.deadlines(q).count }
let officeDeadlines = try median { rows.1 = try one.deadlines(q).count }
let provinceDeadlines = try median { rows.2 = try province.deadlines(q).count }
var hits = (0, 0)
let sqliteSearch = try median { hits.0 = try sqlite.find("don vi sang kien", limit: 20).matching }
let pgSearch = try median { hits.1 = try one.find("don vi sang kien", limit: 20).matching }
let pgProvinceSearch = try median { _ = try province.find("don vi sang kien", limit: 20) }
func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2f×", a / b) }
print("SQLite deadlines --within 30, all \(perOffice * officeCount) letters (\(rows.0) rows): \(ms(sqliteDeadlines))  (baseline)")
print("PostgreSQL deadlines of one office (\(rows.1) rows): \(ms(officeDeadlines)) = \(ratio(officeDeadlines, sqliteDeadlines)) SQLite   target < 20 ms")
print("PostgreSQL deadlines province-wide (\(rows.2) rows): \(ms(provinceDeadlines)) = \(ratio(provinceDeadlines, sqliteDeadlines)) SQLite   target < 50 ms")
print("SQLite search 'don vi sang kien' (\(hits.0) ranked): \(ms(sqliteSearch))  (baseline)")
print("PostgreSQL search, one office (\(hits.1) ranked): \(ms(pgSearch)) = \(ratio(pgSearch, sqliteSearch)) SQLite   target < 50 ms")
print("PostgreSQL search, province-wide: \(ms(pgProvinceSearch)) = \(ratio(pgProvinceSearch, sqliteSearch)) SQLite")
