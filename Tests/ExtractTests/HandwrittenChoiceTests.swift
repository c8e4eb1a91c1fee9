import XCTest
@testable import Extract

/// Choosing the number and the day between the OCR'd text and the digit reader's readings.
final class HandwrittenChoiceTests: XCTestCase {
    private typealias R = HandwrittenFields.Reading
    private let header = """
    ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH QUẢNG NGÃI          Độc lập - Tự do - Hạnh phúc
    Số: /UBND-KTTH           Quảng Ngãi, ngày …ả tháng 02 năm 2025
    V/v triển khai kế hoạch
    """

    private func extract(_ text: String, file: String = "scan.pdf", hints: PageHints = PageHints(),
                         _ fields: HandwrittenFields) -> LetterRecord {
        var input = LetterText(text: text, source: Source(file: file), hints: hints)
        input.handwritten = fields
        return LetterExtractor().extract(input)
    }

    func testASureReadingFillsTheBlankNumberAndDay() {
        let r = extract(header, HandwrittenFields(number: [R(digits: "574", confidence: 0.93)],
                                                  day: [R(digits: "04", confidence: 0.9)]))
        XCTAssertEqual(r.number?.text, "574/UBND-KTTH")
        XCTAssertEqual(r.date, "2025-02-04")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("handwritten day 4") && $0.contains("digit reader") })
        // The hand filled the blank the print left: no "unsigned draft?" beside the number read.
        XCTAssertFalse(r.warnings.contains { if case .numberBlank = $0 { return true } else { return false } }, "\(r.warnings.map(\.english))")
        // With nothing read in it, the blank stays said.
        let blank = extract(header, HandwrittenFields())
        XCTAssertTrue(blank.warnings.contains { if case .numberBlank = $0 { return true } else { return false } }, "\(blank.warnings.map(\.english))")
    }

    func testTheSigningTimeChoosesTheSecondReadingAndSaysSo() {
        // 24 is likelier to the reader, but the letter was signed on the 5th: the 4th it is.
        let r = extract(header, hints: PageHints(signatureTime: "2025-02-05T10:00:00"),
                        HandwrittenFields(day: [R(digits: "24", confidence: 0.7), R(digits: "04", confidence: 0.25)]))
        XCTAssertEqual(r.date, "2025-02-04")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("signing time (2025-02-05T10:00:00)") })
    }

    func testOCRsDayMatchingOneOfTheReadersAlsoRansIsNotBackedByIt() {
        // A written 18 that OCR read `12`: the reader's 12 is a cutting at 0.04 beside its 18 at
        // 0.43, no backing for OCR's; signed on the 18th, the 18th it is.
        let text = header.replacingOccurrences(of: "ngày …ả tháng", with: "ngày 12 tháng")
        let r = extract(text, hints: PageHints(signatureTime: "2025-02-18T11:29:41"),
                        HandwrittenFields(day: [R(digits: "18", confidence: 0.43), R(digits: "19", confidence: 0.42),
                                                R(digits: "12", confidence: 0.04)]))
        XCTAssertEqual(r.date, "2025-02-18", "\(r.warnings.map(\.english))")
        // A reading of OCR's day that is more than an also-ran backs it.
        let backed = extract(text, hints: PageHints(signatureTime: "2025-02-18T11:29:41"),
                             HandwrittenFields(day: [R(digits: "18", confidence: 0.43), R(digits: "12", confidence: 0.4)]))
        XCTAssertEqual(backed.date, "2025-02-12", "\(backed.warnings.map(\.english))")
    }

    func testTheFileNameChoosesAmongTheNumberReadings() {
        let r = extract(header, file: "574-UBND-KTTH.pdf",
                        HandwrittenFields(number: [R(digits: "514", confidence: 0.5), R(digits: "574", confidence: 0.4)]))
        XCTAssertEqual(r.number?.text, "574/UBND-KTTH")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("file name (574-UBND-KTTH.pdf)") })
    }

    func testNoDayIsInventedWhenNoReadingFits() {
        // Neither reading is a day of February: the day stays blank, the month and year stay.
        let r = extract(header, hints: PageHints(signatureTime: "2025-02-05T10:00:00"),
                        HandwrittenFields(day: [R(digits: "31", confidence: 0.8), R(digits: "30", confidence: 0.2)]))
        XCTAssertEqual(r.date, "2025-02")
    }

    /// The reader's runner-up as likely as half its best is named for the clerk to check: on
    /// generated letters the number's right digits were the runner-up in a third of the numbers
    /// the reader got wrong (a 1 run into the 8 of 9180 read 980, 9180 beside it).
    func testARunnerUpReadingAsLikelyAsHalfTheBestIsNamedForTheClerk() {
        let r = extract(header, HandwrittenFields(number: [R(digits: "980", confidence: 0.67), R(digits: "9180", confidence: 0.68),
                                                           R(digits: "900", confidence: 0.2)]))
        XCTAssertEqual(r.number?.text, "980/UBND-KTTH")
        XCTAssertTrue(r.warnings.contains(.handwrittenNumberAlsoRead(digits: "9180", confidence: 0.68)), "\(r.warnings.map(\.english))")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("also read 9180 (confidence 0.68)") }, "\(r.warnings.map(\.english))")
        XCTAssertTrue(r.warnings.map { $0.text(.vi) }.contains { $0.contains("9180") && $0.contains("kiểm tra") })
        // A runner-up far behind is one of the reader's cuttings, not worth the clerk's time.
        let sure = extract(header, HandwrittenFields(number: [R(digits: "574", confidence: 0.9), R(digits: "514", confidence: 0.3)]))
        XCTAssertEqual(sure.number?.text, "574/UBND-KTTH")
        XCTAssertFalse(sure.warnings.contains { if case .handwrittenNumberAlsoRead = $0 { return true } else { return false } },
                       "\(sure.warnings.map(\.english))")
        // Nor where other evidence chose: the file name names the number.
        let named = extract(header, file: "574-UBND-KTTH.pdf",
                            HandwrittenFields(number: [R(digits: "574", confidence: 0.5), R(digits: "514", confidence: 0.4)]))
        XCTAssertFalse(named.warnings.contains { if case .handwrittenNumberAlsoRead = $0 { return true } else { return false } },
                       "\(named.warnings.map(\.english))")
    }

    func testAnUnsureReadingDoesNotOverrideTheOCRdNumber() {
        let text = header.replacingOccurrences(of: "Số: /UBND", with: "Số: 574/UBND")
        let r = extract(text, HandwrittenFields(number: [R(digits: "514", confidence: 0.25)]))
        XCTAssertEqual(r.number?.text, "574/UBND-KTTH")
    }

    func testWhereOCRSawNoDigitAnUnsureReadingIsTheNumberAndSaysItIsUnsure() {
        let r = extract(header, HandwrittenFields(number: [R(digits: "2681", confidence: 0.22), R(digits: "2481", confidence: 0.16)]))
        XCTAssertEqual(r.number?.text, "2681/UBND-KTTH")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("2681") && $0.contains("unsure (confidence 0.22)") },
                      "\(r.warnings.map(\.english))")
        // Below a tenth the reading is noise: the number stays blank.
        let noise = extract(header, HandwrittenFields(number: [R(digits: "864", confidence: 0.04)]))
        XCTAssertEqual(noise.number?.text, "/UBND-KTTH")
    }

    func testASymbolWhoseSlashOCRLostStillTakesTheReadersNumber() {
        // `Số: 873 /UBND-VX` read `Số:..9....£==.. UBND-VX`: the symbol is there without its slash.
        let text = header.replacingOccurrences(of: "Số: /UBND-KTTH", with: "Số:..9....£==.. UBND-VX")
        let r = extract(text, HandwrittenFields(number: [R(digits: "873", confidence: 0.8)]))
        XCTAssertEqual(r.number?.text, "873/UBND-VX")
    }

    func testASymbolWhoseDashOCRLostIsMendedAndTakesTheReadersNumber() {
        // `Số: 8398 /UBND-VX` read `Số: P d 29 #4 /UBNDVX`: the body's abbreviation run into the department.
        let text = header.replacingOccurrences(of: "Số: /UBND-KTTH", with: "Số: P d 29 #4 /UBNDVX")
        let r = extract(text, HandwrittenFields(number: [R(digits: "8398", confidence: 0.8)]))
        XCTAssertEqual(r.number?.text, "8398/UBND-VX")
        XCTAssertEqual(OCRSymbolFixes.apply("KHUBND"), "KH-UBND")
        XCTAssertEqual(OCRSymbolFixes.apply("QĐ-UBND"), "QĐ-UBND")
        XCTAssertEqual(OCRSymbolFixes.apply("UBND-KGVX"), "UBND-KGVX")
    }

    func testAFairlySureReadingOverridesTheDigitsOCRMadeOfHandwriting() {
        // OCR reads a hand-written 299 as 899; the reader's 299 at 0.5 is the better witness
        // (measured: OCR got no generated letter's hand-written number right, the reader's first
        // reading at 0.3 or more 42 in 46).
        let text = header.replacingOccurrences(of: "Số: /UBND", with: "Số: 899/UBND")
        let r = extract(text, HandwrittenFields(number: [R(digits: "299", confidence: 0.5), R(digits: "099", confidence: 0.05)]))
        XCTAssertEqual(r.number?.text, "299/UBND-KTTH")
    }

    func testALetterOCRSawBesideTheHandGoesWithItsDigits() {
        // OCR read a hand-written 302 as `22x`; the reader read the whole field, so the `x` is the
        // hand garbled, not a letter after the sequence.
        let text = header.replacingOccurrences(of: "Số: /UBND", with: "Số: 22x /UBND")
        let r = extract(text, HandwrittenFields(number: [R(digits: "302", confidence: 0.94)]))
        XCTAssertEqual(r.number?.text, "302/UBND-KTTH")
        // Nor do the hand's strokes OCR read into the symbol's head stay in it.
        for (garbled, expected) in [("Số: -ZG/KH-UBND", "56/KH-UBND"), ("Số: /I/UBND-KTTH", "56/UBND-KTTH"),
                                    ("Số: /JUBND-KTTH", "56/UBND-KTTH")] {
            let t = header.replacingOccurrences(of: "Số: /UBND-KTTH", with: garbled)
            XCTAssertEqual(extract(t, HandwrittenFields(number: [R(digits: "56", confidence: 0.92)])).number?.text, expected, garbled)
        }
        // A symbol of two printed parts stays whole (`KH/UBND`).
        let twoParts = header.replacingOccurrences(of: "Số: /UBND-KTTH", with: "Số: /KH/UBND-KTTH")
        XCTAssertEqual(extract(twoParts, HandwrittenFields(number: [R(digits: "56", confidence: 0.92)])).number?.text, "56/KH/UBND-KTTH")
        // A printed letter after the sequence the reader agrees with stays (`30c/NQ-CP`).
        let printed = header.replacingOccurrences(of: "Số: /UBND", with: "Số: 30c/UBND")
        XCTAssertEqual(extract(printed, HandwrittenFields(number: [R(digits: "30", confidence: 0.94)])).number?.text, "30c/UBND-KTTH")
    }

    func testOCRDroppingAHandWrittenDigitDoesNotOutvoteASureReading() {
        // OCR made `6` of a hand-written 65; the reader's own cutting of the same ink leaves `6`
        // among its also-rans. The sure reading stands.
        let text = header.replacingOccurrences(of: "Số: /UBND", with: "Số: 6/UBND")
        let r = extract(text, HandwrittenFields(number: [R(digits: "65", confidence: 0.9), R(digits: "6", confidence: 0.6)]))
        XCTAssertEqual(r.number?.text, "65/UBND-KTTH")
        // OCR's digits as many as the reading's and among its first three still stand.
        let same = header.replacingOccurrences(of: "Số: /UBND", with: "Số: 68/UBND")
        let kept = extract(same, HandwrittenFields(number: [R(digits: "65", confidence: 0.9), R(digits: "68", confidence: 0.6)]))
        XCTAssertEqual(kept.number?.text, "68/UBND-KTTH")
    }

    func testOCRsDigitsTheReaderBarelyFindsDoNotOutvoteItsSureReading() {
        // OCR read a hand-written 06 as `26`; the reader's `26` is a cutting's also-ran at 0.02
        // (third once its reading of only zeros is set aside): no backing for OCR's digits.
        let text = header.replacingOccurrences(of: "Số: /UBND", with: "Số: 26/UBND")
        let r = extract(text, HandwrittenFields(number: [R(digits: "06", confidence: 0.84), R(digits: "0", confidence: 0.05),
                                                         R(digits: "6", confidence: 0.04), R(digits: "26", confidence: 0.02)]))
        XCTAssertEqual(r.number?.text, "06/UBND-KTTH")
    }

    func testOCRsFewerDigitsTheReaderNeverReadsGiveWayToItsUnsureReading() {
        // OCR read a hand-written 9812 as `22`; the reader, not quite trusted (0.299), never reads
        // `22`: OCR dropped digits it could not make out, and the reader's best is taken, marked
        // unsure.
        let text = header.replacingOccurrences(of: "Số: /UBND", with: "Số: 22 /UBND")
        let r = extract(text, HandwrittenFields(number: [R(digits: "9812", confidence: 0.299), R(digits: "9512", confidence: 0.176),
                                                         R(digits: "982", confidence: 0.121), R(digits: "922", confidence: 0.115)]))
        XCTAssertEqual(r.number?.text, "9812/UBND-KTTH")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("9812") }, "\(r.warnings.map(\.english))")
        // OCR's digits among the reader's readings, or as many as its best, stand.
        let backed = extract(text, HandwrittenFields(number: [R(digits: "9812", confidence: 0.299), R(digits: "22", confidence: 0.05)]))
        XCTAssertEqual(backed.number?.text, "22/UBND-KTTH")
        let asMany = extract(text, HandwrittenFields(number: [R(digits: "27", confidence: 0.2)]))
        XCTAssertEqual(asMany.number?.text, "22/UBND-KTTH")
    }

    func testTheNumbersOwnGarbledLineIsNoCitationOfIt() {
        // OCR's `q7` on the number's own line is not the letter citing `7/UBND-KTTH`.
        let text = header.replacingOccurrences(of: "Số: /UBND", with: "Số: q7 /UBND")
        let r = extract(text, HandwrittenFields(number: [R(digits: "99", confidence: 0.97), R(digits: "7", confidence: 0.01)]))
        XCTAssertEqual(r.number?.text, "99/UBND-KTTH")
        // Nor OCR's lone `3` there, the reader's also-ran of a sure 63.
        let lone = header.replacingOccurrences(of: "Số: /UBND", with: "Số: ớ 3 /UBND")
        XCTAssertEqual(extract(lone, HandwrittenFields(number: [R(digits: "63", confidence: 0.89), R(digits: "3", confidence: 0.01)])).number?.text,
                       "63/UBND-KTTH")
        // Cited in the body, it is.
        let cited = text + "\nTheo Công văn số 7/UBND-KTTH của Ủy ban nhân dân tỉnh về việc này.\n"
        XCTAssertEqual(extract(cited, HandwrittenFields(number: [R(digits: "99", confidence: 0.97), R(digits: "7", confidence: 0.01)])).number?.text,
                       "7/UBND-KTTH")
    }

    func testAReadingOfOnlyZerosIsNeverANumberEvenWhenTheTextCitesIt() {
        // Dots on the line read as `0`, and the OCR'd body has `0/UBND-KTTH` (a digit lost): no
        // register gives number 0, so the sure second reading is taken.
        let text = header + "\nThực hiện Công văn số 0/UBND-KTTH của UBND tỉnh"
        let r = extract(text, HandwrittenFields(number: [R(digits: "0", confidence: 0.97), R(digits: "574", confidence: 0.02)]))
        XCTAssertNotEqual(r.number?.seq, 0)
        XCTAssertFalse(r.warnings.map(\.english).contains { $0.contains("citing its own number") })
    }

    func testALetterDatedInDecemberAndSignedInJanuaryKeepsItsSureDay() {
        // Signed 17 days later, in the next month and year: the signature cannot complete the day,
        // and the reader's sure 31 stands (OCR read the day as 34).
        let text = header.replacingOccurrences(of: "ngày …ả tháng 02 năm 2025", with: "ngày 34 tháng 12 năm 2024")
        let r = extract(text, hints: PageHints(signatureTime: "2025-01-17T08:56:09+07:00"),
                        HandwrittenFields(day: [R(digits: "31", confidence: 0.72), R(digits: "4", confidence: 0.01)]))
        // OCR's `34` seemed to end in 4, but OCR misreads the hand too: the reader's 31 stands,
        // and its doubtful `4` is never a day.
        XCTAssertEqual(r.date, "2024-12-31")
        let doubtful = extract(text, hints: PageHints(signatureTime: "2025-01-17T08:56:09+07:00"),
                               HandwrittenFields(day: [R(digits: "4", confidence: 0.02)]))
        XCTAssertEqual(doubtful.date, "2024-12")
    }

    func testASureReadingIsNotOutweighedByTheLastDigitOCRMadeOfTheHand() {
        // An unsigned letter whose hand-written 09 OCR garbled as `€2`: the reader's sure 09 is
        // the day; OCR's seeming last digit weighs down only a reading the reader is unsure of.
        let text = header.replacingOccurrences(of: "ngày …ả tháng 02 năm 2025", with: "ngày €2 /⁄ tháng 11 năm 2023")
        XCTAssertEqual(extract(text, HandwrittenFields(day: [R(digits: "09", confidence: 0.92), R(digits: "9", confidence: 0.06)])).date,
                       "2023-11-09")
        XCTAssertEqual(extract(text, HandwrittenFields(day: [R(digits: "09", confidence: 0.5), R(digits: "9", confidence: 0.06)])).date,
                       "2023-11")
    }

    func testAHandWrittenMonthOCRMadeAnotherDigitOfIsTheSureReadersAndSaid() {
        // The hand's 9 read by OCR as a printed `2`: the reader is all but sure of 9.
        let text = header.replacingOccurrences(of: "ngày …ả tháng 02 năm 2025", with: "ngày ¬, L2 tháng 2 năm 2023")
        let r = extract(text, HandwrittenFields(day: [R(digits: "28", confidence: 0.63)], month: [R(digits: "9", confidence: 0.96)]))
        XCTAssertEqual(r.date, "2023-09-28")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("handwritten month 9") }, "\(r.warnings.map(\.english))")
        // Fairly sure is sure enough (a hand-written 12 OCR read `07`, the reader at 0.8); a
        // reading less sure leaves OCR's month; one that agrees changes nothing.
        let fairly = extract(text, HandwrittenFields(day: [R(digits: "28", confidence: 0.63)], month: [R(digits: "9", confidence: 0.8)]))
        XCTAssertEqual(fairly.date, "2023-09-28")
        let unsure = extract(text, HandwrittenFields(day: [R(digits: "28", confidence: 0.63)], month: [R(digits: "9", confidence: 0.4)]))
        XCTAssertEqual(unsure.date, "2023-02-28")
        let agreeing = extract(text, HandwrittenFields(day: [R(digits: "28", confidence: 0.63)], month: [R(digits: "2", confidence: 0.97)]))
        XCTAssertFalse(agreeing.warnings.map(\.english).contains { $0.contains("handwritten month") })
    }

    func testTheSigningTimeChoosesTheReadersMonthOverOCRsMisreadOne() {
        // A hand-written 5 OCR read `3`; the reader's 5 at 0.49 is not sure enough on its own,
        // but the letter was signed on 3 May: dated 2 March it would have waited two months.
        let text = header.replacingOccurrences(of: "ngày …ả tháng 02 năm 2025", with: "ngày tháng 3 năm 2026")
        let fields = HandwrittenFields(day: [R(digits: "2", confidence: 0.9)],
                                       month: [R(digits: "5", confidence: 0.486), R(digits: "7", confidence: 0.217)])
        let r = extract(text, hints: PageHints(signatureTime: "2026-05-03T10:00:00"), fields)
        XCTAssertEqual(r.date, "2026-05-02")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("handwritten month 5") }, "\(r.warnings.map(\.english))")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("signing time") }, "\(r.warnings.map(\.english))")
        // Without the signature, OCR's month stands; signed in March, it is March.
        XCTAssertEqual(extract(text, fields).date, "2026-03-02")
        XCTAssertEqual(extract(text, hints: PageHints(signatureTime: "2026-03-03T10:00:00"), fields).date, "2026-03-02")
    }

    func testAMonthWrittenByHandIsTakenFromTheReaderAndTheWarningSaysSo() {
        // Day and month both by hand; OCR read neither (`ngày S tháng / năm 2025`).
        let text = header.replacingOccurrences(of: "ngày …ả tháng 02 năm 2025", with: "này S tháng / năm 2025")
        let r = extract(text, HandwrittenFields(day: [R(digits: "15", confidence: 0.9)], month: [R(digits: "01", confidence: 0.9)]))
        XCTAssertEqual(r.date, "2025-01-15")
        let english = r.warnings.map(\.english)
        XCTAssertTrue(english.contains { $0.contains("handwritten month 1") }, "\(english)")
        XCTAssertFalse(english.contains { $0.contains("only the year") }, "\(english)")
    }

    func testTheNearerTheSigningDayTheLikelierAReading() {
        // Two near-even readings, 12 and 22, of a letter signed on the 26th: four days before
        // signing is likelier than fourteen, and the warning says the signing time chose.
        let r = extract(header, hints: PageHints(signatureTime: "2025-02-26T10:40:48+07:00"),
                        HandwrittenFields(day: [R(digits: "12", confidence: 0.29), R(digits: "22", confidence: 0.26)]))
        XCTAssertEqual(r.date, "2025-02-22")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("signing time (2025-02-26T10:40:48+07:00)") }, "\(r.warnings.map(\.english))")
        // Unsigned, the reader's own order stands.
        let unsigned = extract(header, HandwrittenFields(day: [R(digits: "12", confidence: 0.69), R(digits: "22", confidence: 0.26)]))
        XCTAssertEqual(unsigned.date, "2025-02-12")
    }
}
