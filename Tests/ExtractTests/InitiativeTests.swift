import XCTest
@testable import Extract

/// Issue 5: the secretariat collects initiative reports, checks them and hands the council a
/// review sheet. These tests prove the text-only part.
final class InitiativeTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures")

    func fixture(_ name: String) throws -> String {
        try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    func parse(_ text: String, reportDate: CalendarDate? = nil,
               today: CalendarDate? = CalendarDate(year: 2025, month: 6, day: 1)) throws -> InitiativeReading {
        try XCTUnwrap(InitiativeParser.parse(text, reportDate: reportDate, today: today), "not read as an initiative report")
    }

    /// The three authors of s002 as (name, birth date, share), whatever the shape of the text.
    let s002Authors: [(String, String, Double)] = [
        ("Lê Tuấn Phú", "1967-01-28", 30), ("Nguyễn Phương Thảo", "1982-07-03", 30), ("Đông Thị Huệ", "1989-06-30", 40),
    ]

    func assertSeedAuthors(_ reading: InitiativeReading, folded: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        let authors = reading.initiative.authors
        XCTAssertEqual(authors.map { folded ? Folding.fold($0.name) : $0.name },
                       s002Authors.map { folded ? Folding.fold($0.0) : $0.0 }, file: file, line: line)
        XCTAssertEqual(authors.map(\.birthDate), s002Authors.map(\.1), file: file, line: line)
        XCTAssertEqual(authors.map(\.share), s002Authors.map(\.2), file: file, line: line)
        XCTAssertEqual(authors.map(\.row), [1, 2, 2], file: file, line: line)
    }

    // MARK: - The seed report

    func testSeedReportGivesThreeAuthorsWithShares30_30_40FirstApplied29February2024() throws {
        let reading = try parse(fixture("s002.txt"))
        let initiative = reading.initiative
        XCTAssertEqual(initiative.title, "Chỉ thị về việc nâng cao hiệu quả thực hiện Quy chế làm việc của UBND tỉnh")
        assertSeedAuthors(reading)
        XCTAssertEqual(initiative.authors.map(\.workplace), ["Văn phòng UBND tỉnh", "Phòng Tổng hợp", "Phòng Tổng hợp"])
        XCTAssertEqual(initiative.authors.map(\.position), ["Chánh Văn phòng", "Trưởng phòng Tổng hợp", "Chuyên viên"])
        XCTAssertEqual(initiative.authors.map(\.qualification), ["Thạc sỹ", "Thạc sỹ", "Thạc sỹ"])
        XCTAssertEqual(initiative.authors[2].contribution,
                       "Chủ trì nghĩ ra ý tưởng; hoàn thiện và đóng góp vào nội dung của Sáng kiến")
        XCTAssertEqual(initiative.firstApplied, "2024-02-29")
        XCTAssertEqual(initiative.confirmedBy, "Phạm Văn Đà")
        XCTAssertEqual(initiative.representative, "Đông Thị Huệ")
        XCTAssertEqual(initiative.sections, ["I.1", "I.2", "I.3", "I.4", "II.1", "II.2"])
    }

    func testSeedReportKeepsItsSectionsVerbatim() throws {
        let initiative = try parse(fixture("s002.txt")).initiative
        let summary = try XCTUnwrap(initiative.summary)
        XCTAssertTrue(summary.hasPrefix("Sáng kiến tập trung vào việc nâng cao hiệu quả thực thi Quy chế"))
        XCTAssertTrue(summary.hasSuffix("từ đó cải thiện lề lối làm việc trong toàn hệ thống hành chính."))
        XCTAssertEqual(summary.components(separatedBy: "\n\n").count, 2, "two paragraphs, as printed")
        XCTAssertTrue(try XCTUnwrap(initiative.effectiveness).hasPrefix("Giúp nâng cao hiệu quả quản lý"))
        XCTAssertTrue(try XCTUnwrap(initiative.effectiveness).hasSuffix("trong chương trình trình công tác của UBND tỉnh."))
        let scalability = try XCTUnwrap(initiative.scalability)
        XCTAssertTrue(scalability.hasPrefix("Sáng kiến đã triển khai trên toàn tỉnh"))
        XCTAssertTrue(scalability.hasSuffix("chỉ đạo cụ thể và kịp thời."), "ends before the signatures")
        XCTAssertFalse(scalability.contains("Xác nhận"))
    }

    func testSeedReportWarnsThatTwoRowsAreNumbered2AndNothingElse() throws {
        let reading = try parse(fixture("s002.txt"))
        XCTAssertEqual(reading.checks.map(\.english), ["initiative: the authors' table numbers 2 rows 2"])
    }

    func testSharesAdding30_30_30GiveTheShareWarning() throws {
        let text = try fixture("s002.txt").replacingOccurrences(of: "\t40%\t", with: "\t30%\t")
        let reading = try parse(text)
        XCTAssertEqual(reading.initiative.authors.map(\.share), [30, 30, 30])
        XCTAssertTrue(reading.checks.map(\.english).contains("initiative: author shares add to 90 %, not 100 %"), "\(reading.checks.map(\.english))")
    }

    // MARK: - Other checks

    func testFirstApplicationAfterTheReportDateOrInTheFutureIsWarned() throws {
        let text = try fixture("s002.txt")
        let late = try parse(text, reportDate: CalendarDate(year: 2024, month: 1, day: 15), today: CalendarDate(year: 2024, month: 2, day: 1))
        XCTAssertTrue(late.checks.map(\.english).contains("initiative: first applied on 2024-02-29, after the report's date 2024-01-15"), "\(late.checks.map(\.english))")
        XCTAssertTrue(late.checks.map(\.english).contains("initiative: first applied on 2024-02-29, a date still to come"), "\(late.checks.map(\.english))")
        let inTime = try parse(text, reportDate: CalendarDate(year: 2024, month: 10, day: 1), today: CalendarDate(year: 2025, month: 1, day: 1))
        XCTAssertFalse(inTime.checks.map(\.english).contains { $0.contains("first applied") })
    }

    func testAMissingSectionAndAnAuthorWithoutBirthDateOrShareAreWarned() throws {
        var text = try fixture("s002.txt")
        // Drop section II.2 and blank Lê Tuấn Phú's birth date and share.
        let start = try XCTUnwrap(text.range(of: "2. Về khả năng nhân rộng"))
        let end = try XCTUnwrap(text.range(of: "Xác nhận của cơ quan"))
        text.removeSubrange(start.lowerBound..<end.lowerBound)
        text = text.replacingOccurrences(of: "\t28/01/1967\t", with: "\t\t")
            .replacingOccurrences(of: "Thạc sỹ\t30%\tĐóng góp vào nội dung của Sáng kiến\n2\tNguyễn",
                                  with: "Thạc sỹ\t\tĐóng góp vào nội dung của Sáng kiến\n2\tNguyễn")
        let reading = try parse(text)
        XCTAssertEqual(reading.initiative.sections, ["I.1", "I.2", "I.3", "I.4", "II.1"])
        XCTAssertTrue(reading.checks.map(\.english).contains("initiative: section II.2 is missing"), "\(reading.checks.map(\.english))")
        XCTAssertTrue(reading.checks.map(\.english).contains("initiative: author Lê Tuấn Phú has no birth date"), "\(reading.checks.map(\.english))")
        XCTAssertTrue(reading.checks.map(\.english).contains("initiative: author Lê Tuấn Phú has no share"), "\(reading.checks.map(\.english))")
        XCTAssertEqual(reading.initiative.authors[0].workplace, "Văn phòng UBND tỉnh")
        XCTAssertEqual(reading.initiative.authors[0].qualification, "Thạc sỹ")
    }

    // MARK: - Other shapes of the same report

    func testTheSameReportAsAPdfTextLayerGivesTheSameAuthorsAndShares() throws {
        let reading = try parse(InitiativeSamples.pdfLayout)
        assertSeedAuthors(reading)
        let initiative = reading.initiative
        XCTAssertEqual(initiative.title, "Chỉ thị về việc nâng cao hiệu quả thực hiện Quy chế làm việc của UBND tỉnh")
        XCTAssertEqual(initiative.authors.map(\.workplace), ["Văn phòng UBND tỉnh", "Phòng Tổng hợp", "Phòng Tổng hợp"])
        XCTAssertEqual(initiative.authors.map(\.position), ["Chánh Văn phòng", "Trưởng phòng Tổng hợp", "Chuyên viên"])
        XCTAssertEqual(initiative.authors[0].contribution, "Đóng góp vào nội dung của Sáng kiến")
        XCTAssertEqual(initiative.firstApplied, "2024-02-29")
        XCTAssertEqual(initiative.confirmedBy, "Phạm Văn Đà")
        XCTAssertEqual(initiative.representative, "Đông Thị Huệ")
        XCTAssertEqual(initiative.sections, ["I.1", "I.2", "I.3", "I.4", "II.1", "II.2"])
        XCTAssertEqual(reading.checks.map(\.english), ["initiative: the authors' table numbers 2 rows 2"])
    }

    func testTheSameReportAsOcrLinesGivesTheSameAuthorsAndShares() throws {
        let reading = try parse(InitiativeSamples.ocrLines)
        assertSeedAuthors(reading)
        let initiative = reading.initiative
        XCTAssertEqual(initiative.title, "Chỉ thị về việc nâng cao hiệu quả thực hiện Quy chế làm việc của UBND tỉnh")
        XCTAssertEqual(initiative.authors.map(\.workplace), ["Văn phòng UBND tỉnh", "Phòng Tổng hợp", "Phòng Tổng hợp"])
        XCTAssertEqual(initiative.authors.map(\.position), ["Chánh Văn phòng", "Trưởng phòng Tổng hợp", "Chuyên viên"])
        XCTAssertEqual(initiative.authors.map(\.qualification), ["Thạc sỹ", "Thạc sỹ", "Thạc sỹ"])
        XCTAssertEqual(initiative.firstApplied, "2024-02-29")
        XCTAssertEqual(initiative.confirmedBy, "Phạm Văn Đà")
        XCTAssertEqual(initiative.representative, "Đông Thị Huệ")
        XCTAssertEqual(initiative.sections, ["I.1", "I.2", "I.3", "I.4", "II.1", "II.2"])
        XCTAssertTrue(try XCTUnwrap(initiative.effectiveness).hasPrefix("Giúp nâng cao hiệu quả quản lý"))
    }

    // The seed report rendered as a PDF and read back by the real tools (fixtures/initiative/README.md).

    func testTheSameReportAsPdftotextLayoutPrintsItGivesTheSameAuthorsAndShares() throws {
        // Narrow columns: the birth year "7" and the names "Phương Thảo", "Huệ" wrap onto the next line.
        let reading = try parse(fixture("initiative/s002-layout.txt"))
        assertSeedAuthors(reading)
        let initiative = reading.initiative
        XCTAssertEqual(initiative.title, "Chỉ thị về việc nâng cao hiệu quả thực hiện Quy chế làm việc của UBND tỉnh")
        XCTAssertEqual(initiative.authors.map(\.workplace), ["Văn phòng UBND tỉnh", "Phòng Tổng hợp", "Phòng Tổng hợp"])
        XCTAssertEqual(initiative.authors.map(\.position), ["Chánh Văn phòng", "Trưởng phòng Tổng hợp", "Chuyên viên"])
        XCTAssertEqual(initiative.authors.map(\.contribution), [
            "Đóng góp vào nội dung của Sáng kiến", "Đóng góp vào nội dung của Sáng kiến",
            "Chủ trì nghĩ ra ý tưởng; hoàn thiện và đóng góp vào nội dung của Sáng kiến"])
        XCTAssertEqual(initiative.firstApplied, "2024-02-29")
        XCTAssertEqual(initiative.confirmedBy, "Phạm Văn Đà")
        XCTAssertEqual(initiative.representative, "Đông Thị Huệ")
        XCTAssertEqual(initiative.sections, ["I.1", "I.2", "I.3", "I.4", "II.1", "II.2"])
        XCTAssertTrue(try XCTUnwrap(initiative.scalability).hasSuffix("chỉ đạo cụ thể và kịp thời."))
        XCTAssertEqual(reading.checks.map(\.english), ["initiative: the authors' table numbers 2 rows 2"])
    }

    func testATableWithCellsCentredVerticallyGivesTheSameAuthorsAndShares() throws {
        // Row 1's birth date "28/01/196" prints above the row number and "7" below it.
        let reading = try parse(fixture("initiative/s002-layout-centred.txt"))
        assertSeedAuthors(reading)
        let initiative = reading.initiative
        XCTAssertEqual(initiative.authors.map(\.workplace), ["Văn phòng UBND tỉnh", "Phòng Tổng hợp", "Phòng Tổng hợp"])
        XCTAssertEqual(initiative.authors.map(\.position), ["Chánh Văn phòng", "Trưởng phòng Tổng hợp", "Chuyên viên"])
        XCTAssertEqual(initiative.authors.map(\.contribution), [
            "Đóng góp vào nội dung của Sáng kiến", "Đóng góp vào nội dung của Sáng kiến",
            "Chủ trì nghĩ ra ý tưởng; hoàn thiện và đóng góp vào nội dung của Sáng kiến"])
        XCTAssertEqual(reading.checks.map(\.english), ["initiative: the authors' table numbers 2 rows 2"])
    }

    func testTheSameReportAsTesseractReadsItGivesTheSameAuthorsAndShares() throws {
        // Cells run together, a few bars from the table's rules, wrapped cells at the next line's start.
        let reading = try parse(fixture("initiative/s002-ocr-vie.txt"))
        assertSeedAuthors(reading)
        let initiative = reading.initiative
        XCTAssertEqual(initiative.authors.map(\.qualification), ["Thạc sỹ", "Thạc sỹ", "Thạc sỹ"])
        XCTAssertEqual(initiative.firstApplied, "2024-02-29")
        XCTAssertEqual(initiative.confirmedBy, "Phạm Văn Đà")
        XCTAssertEqual(initiative.representative, "Đông Thị Huệ")
        XCTAssertEqual(initiative.sections, ["I.1", "I.2", "I.3", "I.4", "II.1", "II.2"])
        XCTAssertEqual(reading.checks.map(\.english), ["initiative: the authors' table numbers 2 rows 2"])
    }

    func testTheSameReportReadByAnOcrWithoutVietnameseGivesTheSameSharesAndDates() throws {
        let reading = try parse(fixture("initiative/s002-ocr-eng.txt"))
        let authors = reading.initiative.authors
        // The English model read "Lê Tuấn Phú" as "Lé Tuan Phi": the slip stays, the row does not move.
        XCTAssertEqual(authors.map { Folding.fold($0.name) }, ["le tuan phi", "nguyen phuong thao", "dong thi hue"])
        XCTAssertEqual(authors.map(\.share), [30, 30, 40])
        XCTAssertEqual(authors.map(\.birthDate), ["1967-01-28", "1982-07-03", "1989-06-30"])
        XCTAssertEqual(reading.initiative.firstApplied, "2024-02-29")
        XCTAssertEqual(reading.initiative.sections.count, 6)
        XCTAssertEqual(reading.initiative.confirmedBy, "Pham Van Da")
        let original = try parse(fixture("s002.txt")).initiative
        XCTAssertGreaterThan(InitiativeSimilarity.compare(original, reading.initiative), InitiativeSimilarity.nearDuplicateThreshold,
                             "the same report, badly read, is still a duplicate")
    }

    func testTheSameReportWithoutDiacriticsGivesTheSameAuthorsAndShares() throws {
        let stripped = Folding.fold(try fixture("s002.txt"), keepCase: true)
        XCTAssertFalse(Folding.hasDiacritics(stripped))
        let reading = try parse(stripped)
        assertSeedAuthors(reading, folded: true)
        XCTAssertEqual(reading.initiative.title, "Chi thi ve viec nang cao hieu qua thuc hien Quy che lam viec cua UBND tinh")
        XCTAssertEqual(reading.initiative.firstApplied, "2024-02-29")
        XCTAssertEqual(reading.initiative.representative, "Dong Thi Hue")
        XCTAssertEqual(reading.initiative.confirmedBy, "Pham Van Da")
        XCTAssertEqual(reading.initiative.sections.count, 6)
    }

    func testAuthorsWrittenAsAListAreReadWhenThereIsNoTable() throws {
        let text = """
        BÁO CÁO
        Hiệu quả áp dụng và khả năng nhân rộng của sáng kiến
        Tên sáng kiến: **Số hóa hồ sơ lưu trữ của Văn phòng**
        Tác giả sáng kiến:
        - **Lê Tuấn Phú**, Chánh Văn phòng UBND tỉnh
        - Ông **Nguyễn Phương Thảo**, Trưởng phòng Tổng hợp
        3. Nội dung, bản chất của sáng kiến
        Số hóa toàn bộ hồ sơ lưu trữ.
        """
        let reading = try parse(text)
        XCTAssertEqual(reading.initiative.title, "Số hóa hồ sơ lưu trữ của Văn phòng")
        XCTAssertEqual(reading.initiative.authors.map(\.name), ["Lê Tuấn Phú", "Nguyễn Phương Thảo"])
        XCTAssertEqual(reading.initiative.authors.map(\.position), ["Chánh Văn phòng UBND tỉnh", "Trưởng phòng Tổng hợp"])
        XCTAssertTrue(reading.checks.map(\.english).contains("initiative: authors are listed without the form's table: no birth dates or shares"))
    }

    func testAMarkdownTableWithOneAuthorNeedsNoShareAndTheTitleMayStandUnderItsHeading() throws {
        let text = """
        # BÁO CÁO HIỆU QUẢ ÁP DỤNG, KHẢ NĂNG NHÂN RỘNG CỦA SÁNG KIẾN
        ## 1. Tên sáng kiến:
        **Số hóa hồ sơ lưu trữ**
        **của Văn phòng UBND tỉnh**

        ## 2. Tác giả sáng kiến
        | Số TT | Họ và tên | Ngày tháng năm sinh | Nơi công tác | Chức danh | Trình độ chuyên môn | Tỷ lệ (%) | Nội dung đóng góp |
        |---|---|---|---|---|---|---|---|
        | 1 | Trần Thị Mai | 5/9/1990 | Văn phòng UBND tỉnh | Chuyên viên | Cử nhân | | Toàn bộ |
        ## 3. Nội dung, bản chất của sáng kiến
        Quét và lập chỉ mục toàn bộ hồ sơ lưu trữ.
        ## 4. Thời gian áp dụng sáng kiến: ngày 05 tháng 3 năm 2025
        ## II. Đánh giá hiệu quả áp dụng, khả năng nhân rộng của sáng kiến
        1. Về hiệu quả áp dụng: tra cứu hồ sơ trong vài giây.
        2. Về khả năng nhân rộng
        Các sở, ngành có thể áp dụng.
        Quảng Ngãi, ngày 10 tháng 4 năm 2025
        Tác giả
        """
        let reading = try parse(text, reportDate: CalendarDate(year: 2025, month: 4, day: 10))
        let initiative = reading.initiative
        XCTAssertEqual(initiative.title, "Số hóa hồ sơ lưu trữ của Văn phòng UBND tỉnh")
        XCTAssertEqual(initiative.authors.map(\.name), ["Trần Thị Mai"])
        XCTAssertEqual(initiative.authors.first?.birthDate, "1990-09-05")
        XCTAssertEqual(initiative.authors.first?.qualification, "Cử nhân")
        XCTAssertNil(initiative.authors.first?.share)
        XCTAssertEqual(initiative.firstApplied, "2025-03-05")
        XCTAssertEqual(initiative.effectiveness, "tra cứu hồ sơ trong vài giây.")
        XCTAssertEqual(initiative.scalability, "Các sở, ngành có thể áp dụng.", "the place and date end the section")
        XCTAssertEqual(reading.checks.map(\.english), [], "one author: the form asks no share")
    }

    // MARK: - Not an initiative report

    func testAnOrdinaryLetterIsNotAnInitiativeReport() throws {
        // s000 and s004 are letters about initiative campaigns: they talk about sáng kiến a lot.
        for name in ["s000.txt", "s001.txt", "s003.txt", "s004.txt"] {
            XCTAssertNil(InitiativeParser.parse(try fixture(name), reportDate: nil, today: nil), name)
        }
    }

    // MARK: - Near-duplicates

    func testAReworedSubmissionOfTheSameInitiativeScoresAboveTheThresholdAndAnUnrelatedOneBelow() throws {
        let original = try parse(fixture("s002.txt")).initiative
        // The seed initiative told again in other words, sentence by sentence.
        let reworded = Initiative(
            title: "Ban hành Chỉ thị của Chủ tịch UBND tỉnh nhằm thực hiện nghiêm Quy chế làm việc",
            summary: """
            Chủ tịch UBND tỉnh ban hành Chỉ thị để các cơ quan thực hiện nghiêm Quy chế làm việc của UBND \
            tỉnh, chủ động hơn và có trách nhiệm hơn trong công tác. Cách làm mới này tạo cơ chế quản lý \
            chặt chẽ, minh bạch, tăng cường kiểm soát và theo dõi việc thực hiện nhiệm vụ; khắc phục tồn \
            đọng trong phối hợp, xử lý công việc, làm rõ trách nhiệm từng đơn vị và cải thiện lề lối làm \
            việc của bộ máy hành chính.
            """)
        // Another initiative of the same office, in the same administrative words.
        let sameOffice = Initiative(
            title: "Nâng cao hiệu quả công tác tiếp công dân và giải quyết khiếu nại tại UBND tỉnh",
            summary: """
            Sáng kiến đề ra quy trình tiếp công dân định kỳ của Chủ tịch UBND tỉnh, phân công rõ trách \
            nhiệm của các sở, ngành trong việc giải quyết khiếu nại, tố cáo, theo dõi, đôn đốc việc thực \
            hiện kết luận; nâng cao hiệu quả quản lý nhà nước và tăng cường kỷ luật hành chính.
            """)
        let unrelated = Initiative(
            title: "Ứng dụng phần mềm quản lý hồ sơ công việc trên môi trường mạng tại Sở Nội vụ",
            summary: """
            Xây dựng phần mềm số hóa hồ sơ công việc, cho phép cán bộ, công chức lập hồ sơ điện tử, \
            tra cứu văn bản đến, văn bản đi và theo dõi tiến độ giải quyết trên máy tính và điện thoại; \
            giảm giấy tờ, tiết kiệm chi phí in ấn và thời gian luân chuyển hồ sơ giữa các phòng chuyên môn.
            """)
        let threshold = InitiativeSimilarity.nearDuplicateThreshold
        let same = InitiativeSimilarity.compare(original, reworded)
        XCTAssertGreaterThan(same, threshold, "reworded: \(same)")
        XCTAssertLessThan(InitiativeSimilarity.compare(original, sameOffice), threshold)
        XCTAssertLessThan(InitiativeSimilarity.compare(original, unrelated), threshold)
        XCTAssertEqual(InitiativeSimilarity.compare(original, original), 1, accuracy: 1e-9)
        XCTAssertEqual(InitiativeSimilarity.compare(original, reworded), InitiativeSimilarity.compare(reworded, original), accuracy: 1e-12)
    }

    func testTheSameInitiativeTypedWithoutDiacriticsIsTheSame() throws {
        let original = try parse(fixture("s002.txt")).initiative
        let stripped = try parse(Folding.fold(fixture("s002.txt"), keepCase: true)).initiative
        XCTAssertEqual(InitiativeSimilarity.compare(original, stripped), 1, accuracy: 1e-9)
    }

    func testComparingOneReportWithThreeThousandStoredOnesIsFast() throws {
        let original = try parse(fixture("s002.txt")).initiative
        let probe = InitiativeFingerprint(original)
        let stored = (0..<3000).map { i -> InitiativeFingerprint in
            var other = original
            other.title = "\(original.title!) số \(i)"
            return InitiativeFingerprint(other)
        }
        let start = Date()
        let best = stored.map { InitiativeSimilarity.compare(probe, $0) }.max()!
        XCTAssertLessThan(Date().timeIntervalSince(start), 2.0, "debug build, 3,000 comparisons")
        XCTAssertGreaterThan(best, InitiativeSimilarity.nearDuplicateThreshold)
    }
}
