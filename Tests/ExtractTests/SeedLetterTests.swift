import XCTest
@testable import Extract

/// The five seed letters read into records that match their gold, field by field.
final class SeedLetterTests: XCTestCase {
    /// Every scalar and list field of a letter against its gold record.
    func assertLetter(_ id: String, text how: Comparison, lists listHow: Comparison? = nil,
                      file: StaticString = #filePath, line: UInt = #line) throws {
        let gold = try fixtureGold(id)
        let r = extract(try fixtureText("\(id).txt"), file: "\(id).txt")
        XCTAssertEqual(r.kind.rawValue, gold["kind"] as? String, "kind", file: file, line: line)
        if gold["issuer"] != nil {
            assertField(gold, "issuer.name", r.issuer?.name, how, file: file, line: line)
            assertField(gold, "issuer.parent", r.issuer?.parent, how, file: file, line: line)
        }
        assertField(gold, "number", r.number?.text, how, file: file, line: line)
        assertField(gold, "place", r.place, how, file: file, line: line)
        assertField(gold, "date", r.date, .exact, file: file, line: line)
        assertField(gold, "subject", r.subject, how == .exact ? .exact : .loose, file: file, line: line)
        assertField(gold, "urgency", r.urgency?.rawValue, .exact, file: file, line: line)
        assertList(gold, "recipients", r.recipients, listHow ?? how, file: file, line: line)
        assertList(gold, "distribution", r.distribution, listHow ?? how, file: file, line: line)
        assertField(gold, "signer.mode", r.signer?.mode?.rawValue, .exact, file: file, line: line)
        assertField(gold, "signer.on_behalf_of", r.signer?.onBehalfOf, how, file: file, line: line)
        assertField(gold, "signer.title", r.signer?.title, how, file: file, line: line)
        assertField(gold, "signer.name", r.signer?.name, how, file: file, line: line)
        let goldRefs = (gold["references"] as? [[String: Any]] ?? []).map { "\($0["kind"]!) \($0["number"]!) \($0["date"] is NSNull ? "-" : $0["date"]!)" }
        XCTAssertEqual(r.references.map { "\($0.kind.rawValue) \($0.number) \($0.date ?? "-")" }, goldRefs, "references", file: file, line: line)
        let goldDeadlines = (gold["deadlines"] as? [[String: Any]] ?? []).map { "\($0["due"]!) \($0["precision"]!) \($0["recurrence"] is NSNull ? "-" : $0["recurrence"]!)" }
        XCTAssertEqual(r.deadlines.map { "\($0.due) \($0.precision.rawValue) \($0.recurrence?.rawValue ?? "-")" }, goldDeadlines, "deadlines", file: file, line: line)
        XCTAssertEqual(r.diacritics.rawValue, gold["diacritics"] as? String, "diacritics", file: file, line: line)
    }

    func testS000UnsignedDraftFromTheOfficeWithBlankNumberAndDay() throws {
        try assertLetter("s000", text: .exact)
        let r = extract(try fixtureText("s000.txt"))
        XCTAssertEqual(r.number?.seq, nil)
        XCTAssertEqual(r.number?.symbol, "VP-HCQT")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("blank") }, "a blank number is doubtful: \(r.warnings)")
        XCTAssertEqual(r.deadlines.first?.text.hasSuffix("trước ngày 15/12/2025"), true)
    }

    func testS001DiacriticStrippedOCRStillReadsHeaderListsAndDeadlines() throws {
        try assertLetter("s001", text: .folded, lists: .loose)
        let r = extract(try fixtureText("s001.txt"))
        XCTAssertEqual(r.number?.seq, 2464)
        XCTAssertEqual(r.number?.symbol, "UBND-KGVX")
        // The issuer is restored from the table of agency and place names.
        XCTAssertEqual(r.issuer?.name, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
        XCTAssertEqual(r.place, "Quảng Ngãi")
    }

    func testS002InitiativeReportIsABaoCaoWithItsSubject() throws {
        let gold = try fixtureGold("s002")
        let r = extract(try fixtureText("s002.txt"))
        XCTAssertEqual(r.kind, .baoCao)
        assertField(gold, "subject", r.subject, .exact)
        XCTAssertEqual(r.deadlines, [])
    }

    func testS003DistrictLetterWithFourReferencesAndOwnNameSigner() throws {
        try assertLetter("s003", text: .exact)
        let r = extract(try fixtureText("s003.txt"))
        XCTAssertEqual(r.number?.text, "/UBND")
        XCTAssertEqual(r.date, "2023")
        XCTAssertEqual(r.references.first { $0.number == "09/2022/QĐ-UBND" }.map { [$0.number] }, ["09/2022/QĐ-UBND"])
    }

    func testS004CommuneLetterWithDayMonthAndYearlyDeadlines() throws {
        try assertLetter("s004", text: .exact)
    }
}
