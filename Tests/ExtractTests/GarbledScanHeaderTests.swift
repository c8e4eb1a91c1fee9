import XCTest
@testable import Extract

/// Headers as OCR garbles them on scans, and the first signing day as evidence for the date.
/// Every letter here is written for the test.
final class GarbledScanHeaderTests: XCTestCase {
    private func ocr(_ text: String, signatures: [DigitalSignatureRecord] = [], hints: PageHints = PageHints()) -> LetterRecord {
        LetterExtractor().extract(LetterText(text: text, source: Source(file: "scan.pdf", textOrigin: "ocr", signatures: signatures),
                                             hints: hints))
    }

    private let body = "\nThực hiện chủ trương của Đảng và các quy định của pháp luật, các cơ quan báo cáo kết quả.\n"

    func testASymbolsKindAbbreviationOCRGarbledIsTheTitlesKind() {
        // Generated scans' `Số: 457 /BC-UBND` under the title BÁO CÁO read `/C-UBND` and
        // `/ĐC-UBND`: no kind's abbreviation, one letter from the title's `BC`.
        for garbled in ["C-UBND", "ĐC-UBND", "BG-UBND"] {
            let r = ocr("""
            ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH PHÚ THỌ                   Độc lập - Tự do - Hạnh phúc
            Số: 457/\(garbled)                 Phú Thọ, ngày 25 tháng 01 năm 2026

            BÁO CÁO
            Về kết quả thực hiện nhiệm vụ quý 2
            """ + body)
            XCTAssertEqual(r.number?.text, "457/BC-UBND", garbled)
            XCTAssertEqual(r.number?.symbol, "BC-UBND", garbled)
            XCTAssertEqual(r.kind, .baoCao, garbled)
        }
        // A kind's own abbreviation stays though the title names another (a plan sent with a
        // report's symbol is the letter as numbered), and so does a công văn's issuer code, which
        // names no kind: `UBND-VX`, `SNV-VP`.
        for (symbol, title) in [("KH-UBND", "BÁO CÁO"), ("UBND-VX", "THÔNG BÁO"), ("SNV-VP", "KẾ HOẠCH")] {
            let r = ocr("""
            ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH PHÚ THỌ                   Độc lập - Tự do - Hạnh phúc
            Số: 457/\(symbol)                 Phú Thọ, ngày 25 tháng 01 năm 2026

            \(title)
            Về kết quả thực hiện nhiệm vụ quý 2
            """ + body)
            XCTAssertEqual(r.number?.text, "457/\(symbol)", symbol)
        }
    }

    func testAGarbledDayAndMonthLoseOnlyThemselves() {
        let r = ocr("""
        ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        THÀNH PHỐ HÀ NỘI                Độc lập - Tự do - Hạnh phúc
        Số: 453/TB-UBND                 Hà Nội, ngày.24_ tháng ({ năm 2026

        THÔNG BÁO
        Về việc treo cờ Tổ quốc
        """ + body)
        XCTAssertEqual(r.place, "Hà Nội")
        XCTAssertEqual(r.date, "2026")
        XCTAssertEqual(r.number?.text, "453/TB-UBND")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("month is illegible") }, "\(r.warnings)")
        // A garbled day with a clean month keeps the month.
        let d = ocr("""
        UBND TỈNH QUẢNG NGÃI            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Số: 12/UBND-VP                   Quảng Ngãi, ngày /{5 tháng 3 năm 2025
        V/v tổ chức hội nghị
        """ + body)
        XCTAssertEqual(d.place, "Quảng Ngãi")
        XCTAssertEqual(d.date, "2025-03")
        // `năm` OCR ran into a hand-written month (`tháng 4:¿.. 2026`): the year and place stay.
        let y = ocr("""
        ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        THÀNH PHỐ HÀ NỘI                Độc lập - Tự do - Hạnh phúc
        Số: 366/UBND-VX                   Hà Nội, ngày / tháng 4:¿.. 2026
        V/v tổ chức hội nghị
        """ + body)
        XCTAssertEqual(y.place, "Hà Nội")
        XCTAssertEqual(y.date, "2026")
        XCTAssertTrue(y.warnings.map(\.english).contains { $0.contains("month is illegible") }, "\(y.warnings)")
        // Nor is a clean month without its `năm` lost, nor a year run into more digits taken.
        let clean = ocr("""
        UBND TỈNH QUẢNG NGÃI            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Số: 12/UBND-VP                   Quảng Ngãi, ngày 5 tháng 12 2025
        V/v tổ chức hội nghị
        """ + body)
        XCTAssertEqual(clean.date, "2025-12-05")
    }

    func testTheHandsMarksRunIntoTheDateLineLoseOnlyTheDayAndMonth() {
        // OCR made a line of its own of the tall hand-written digits, and the layout ran it into
        // the date's row: marks between `ngày` and `tháng` (the day) and between `tháng` and `năm`
        // (the month), more than a garbled digit or two. Place and year stay (generated letters).
        let day = ocr("""
        ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH QUẢNG NGÃI                   Độc lập - Tự do - Hạnh phúc
        Số: ~ £ / /UBND-VX               Quảng Ngãi, ngày /ƒ 2 ~« ` %® tháng >#` năm 2023 '4 : «
        V/v báo cáo kết quả thực hiện
        """ + body)
        XCTAssertEqual(day.place, "Quảng Ngãi")
        XCTAssertEqual(day.date, "2023")
        let month = ocr("""
        ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH QUẢNG NGÃI                   Độc lập - Tự do - Hạnh phúc
        Số: “4 —2(Í /UBND-VX             Quảng Ngãi, ngày $2 tháng : ý: cớ, , ANH Ð- cự” // năm 2025 %
        V/v báo cáo kết quả thực hiện
        """ + body)
        XCTAssertEqual(month.place, "Quảng Ngãi")
        XCTAssertEqual(month.date, "2025")
        XCTAssertTrue(month.warnings.map(\.english).contains { $0.contains("month is illegible") }, "\(month.warnings)")
        // `năm` itself garbled beside a hand-written month (`Ñ ĐỂ. băm 2023` for `12 năm 2023`).
        let year = ocr("""
        ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH QUẢNG NGÃI                   Độc lập - Tự do - Hạnh phúc
        Số: 3449/KH-UBND                  Quảng Ngãi, ngày La tháng Ñ ĐỂ. băm 2023
        KẾ HOẠCH
        Về kết quả thực hiện nhiệm vụ quý 1
        """ + body)
        XCTAssertEqual(year.place, "Quảng Ngãi")
        XCTAssertEqual(year.date, "2023")
    }

    func testAPlaceAndDateWhoseCommaOCRLostStillGiveThePlaceAndDate() {
        // `Hà Nội, ngày …`: the comma lost, and `Nội` read `Nói` (generated letters).
        let r = ocr("""
        ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        THÀNH PHỐ HÀ NỘI                 Độc lập - Tự do - Hạnh phúc
        Số: 51/KH-UBND                   Hà Nói ngày „2 @ thắng 04 năm 2026
        KẾ HOẠCH
        Về kết quả thực hiện nhiệm vụ quý 1
        """ + body)
        XCTAssertEqual(r.place, "Hà Nội")
        XCTAssertEqual(r.date, "2026-04")
        let q = ocr("""
        ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH QUẢNG NGÃI                   Độc lập - Tự do - Hạnh phúc
        Số: 12/UBND-VP                    Quảng Ngãi ngày 5 tháng 3 năm 2025
        V/v tổ chức hội nghị
        """ + body)
        XCTAssertEqual(q.number?.text, "12/UBND-VP")
        XCTAssertEqual(q.place, "Quảng Ngãi")
        XCTAssertEqual(q.date, "2025-03-05")
        // Without a place's name before it, a date in a line is not the letter's (a deadline).
        let deadline = ocr("""
        ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH QUẢNG NGÃI                   Độc lập - Tự do - Hạnh phúc
        Số: 12/UBND-VP
        V/v tổ chức hội nghị
        Các đơn vị báo cáo trước ngày 30 tháng 6 năm 2025 để tổng hợp.
        """ + body)
        XCTAssertNil(deadline.date)
    }

    func testAnIllegibleNumberDoesNotTakeThePlaceAndDateBesideIt() {
        let r = ocr("""
        ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH QUẢNG NGÃI                   Độc lập - Tự do - Hạnh phúc
        Số: 15/ -UBND                  Quảng Ngãi, ngày 3 tháng 2 năm 2025

        QUYẾT ĐỊNH
        Về việc công bố danh mục thủ tục hành chính
        """ + body)
        XCTAssertEqual(r.place, "Quảng Ngãi")
        XCTAssertEqual(r.date, "2025-02-03")
        XCTAssertEqual(r.kind, .quyetDinh)
    }

    func testLargeHandwrittenDigitsGarbledIntoWordsWithSlashesKeepTheSymbol() {
        // Tall digits written over the line come out as several words, a slash among them.
        let r = ocr("""
        SỞ TÀI CHÍNH                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH BÌNH DƯƠNG                   Độc lập - Tự do - Hạnh phúc
        Số: v/ ự ô /BC-UBND            Bình Dương, ngày 28 tháng 7 năm 2026

        BÁO CÁO
        Về kết quả thực hiện nhiệm vụ quý 3
        """ + body)
        XCTAssertEqual(r.number?.symbol, "BC-UBND")
        XCTAssertNil(r.number?.seq)
        XCTAssertEqual(r.date, "2026-07-28")
    }

    func testASymbolFollowedByOCRSpecksStillGivesTheBlankNumber() {
        let r = ocr("""
        ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        THÀNH PHỐ HÀ NỘI                  Độc lập - Tự do - Hạnh phúc
        Số: % Z4 ` /TB-UBND “            Hà Nội, ngày 27 tháng 02 năm 2023

        THÔNG BÁO
        Về việc treo cờ Tổ quốc
        """ + body)
        XCTAssertEqual(r.number?.symbol, "TB-UBND")
        XCTAssertNil(r.number?.seq)
        XCTAssertEqual(r.date, "2023-02-27")
    }

    func testASymbolBehindDebrisOrBeforeAFewMarksStillGivesTheBlankNumber() {
        for (row, symbol) in [("Sốc | Ý /KH-UBND", "KH-UBND"), ("S/  &#@ @G /UBND-KTTH /Z_", "UBND-KTTH"),
                              ("Số...Z.Š lá, &;Z.. /BC-UBND : Lực", "BC-UBND"),
                              // A `#` starting the garble is no OCR tool's page marker (`# PAGE 1`).
                              ("#::XC ta 7 /UBND-KTTH", "UBND-KTTH"),
                              // The dotted leader's specks between the slash and the symbol.
                              ("Số:...... ....../.UBND-KTTH", "UBND-KTTH")] {
            let r = ocr("""
            ỦY BAN NHÂN DÂN
            TỈNH QUẢNG NGÃI
            \(row)
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            Quảng Ngãi, ngày 4 tháng 10 năm 2024
            KẾ HOẠCH
            """ + body)
            XCTAssertEqual(r.number?.text, "/" + symbol, row)
            XCTAssertEqual(r.issuer?.name, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", row)
            XCTAssertEqual(r.date, "2024-10-04", row)
        }
        // The place and date the layout ran into the symbol's column stay the date's.
        let joined = ocr("""
        ỦY BAN NHÂN DÂN
        TỈNH QUẢNG NGÃI
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Số: ỡ ©& œ /UBND-KTTH Quảng Ngãi, ngày 31 tháng 03 năm 2024
        V/v triển khai kế hoạch năm
        """ + body)
        XCTAssertEqual(joined.number?.text, "/UBND-KTTH")
        XCTAssertEqual(joined.place, "Quảng Ngãi")
        XCTAssertEqual(joined.date, "2024-03-31")
        let unlabelled = ocr("""
        ỦY BAN NHÂN DÂN
        TỈNH QUẢNG NGÃI
        ỡ ©& œ /UBND-KTTH Quảng Ngãi, ngày 31 tháng 03 năm 2024
        V/v triển khai kế hoạch năm
        """ + body)
        XCTAssertEqual(unlabelled.number?.text, "/UBND-KTTH")
        XCTAssertEqual(unlabelled.date, "2024-03-31")
        // Digits beside the symbol with a date word are a date's, not debris: the symbol does not
        // take them. Without one, they are the hand's digits OCR put after the symbol (`Số: + |
        // /BC-UBND 26` for a hand-written 27 on a generated letter, whose number was lost whole).
        XCTAssertNil(HeaderParser.symbolAlone("ab /KH-UBND 12 tháng"))
        XCTAssertNil(HeaderParser.symbolAlone("ab /KH-UBND 12 năm 2024"))
        XCTAssertEqual(HeaderParser.symbolAlone("ab /KH-UBND 12")?.number.text, "/KH-UBND")
        // However many, and with a letter or two of OCR's among them: the tops of a hand-written
        // 2042 read as a line of their own (`2 242 c1`) that the layout put after the symbol.
        XCTAssertEqual(HeaderParser.symbolAlone(" „/£~..L4.....4..€/* /UBND-VX 2 242 c1")?.number.text, "/UBND-VX")
        XCTAssertNil(HeaderParser.symbolAlone("ab /KH-UBND 2 242 tháng"))
        let handAfter = ocr("""
        ỦY BAN NHÂN DÂN
        TỈNH QUẢNG NGÃI
        Số: + | /BC-UBND 26
        Quảng Ngãi, ngày 17 tháng 3 năm 2024
        V/v triển khai kế hoạch năm
        """ + body)
        XCTAssertEqual(handAfter.number?.text, "/BC-UBND")
        XCTAssertEqual(handAfter.date, "2024-03-17")
        // One digit alone after it is a speck OCR read over the hand, put there by the layout
        // (the tops of the hand's digits read as a line of their own above `Số:`).
        let speck = ocr("""
        ỦY BAN NHÂN DÂN
        TỈNH QUẢNG NGÃI
        Số: *s /UBND-KTTH '4
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Quảng Ngãi, ngày 12 tháng 12 năm 2023
        KẾ HOẠCH
        """ + body)
        XCTAssertEqual(speck.number?.text, "/UBND-KTTH")
        XCTAssertEqual(speck.date, "2023-12-12")
    }

    func testHandDigitsOCRReadAsADashAndMarksAreNoBlankNumber() {
        // `Số: 578 /KH-UBND` read `Số:- N.W4<4 /KH-UBND`: `-N.W4` is no blank number (a blank
        // one's symbol is capitals, `-CV/TU`), and the symbol after it is the number's.
        let r = ocr("""
        ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        THÀNH PHỐ HÀ NỘI                 Độc lập - Tự do - Hạnh phúc
        Số:- N.W4<4 /KH-UBND             Hà Nội, ngày 3 tháng 07 năm 2026
        KẾ HOẠCH
        """ + body)
        XCTAssertEqual(r.number?.text, "/KH-UBND")
        XCTAssertNil(NumberParser.parse("- N.W4<4 /KH-UBND")?.0.text.first { $0 == "." })
        XCTAssertEqual(NumberParser.parse("-CV/TU")?.0.text, "-CV/TU")
        XCTAssertEqual(NumberParser.parse("54-CV/TU")?.0.text, "54-CV/TU")
    }

    func testASymbolTheLayoutPutAfterTheMottoStillGivesTheBlankNumber() {
        // The digits garbled with `Số:` (taken for a received stamp's field), the symbol gone to
        // the right column's date line, as the page layout gave it.
        let r = ocr("""
        SỞ TÀI CHÍNH
        TỈNH BÌNH DƯƠNG
        Số: &'}5 €)
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        /UBND-KTTH Bình Dương, ngày 14 tháng 03 năm 2026
        V/v triển khai kế hoạch năm
        """ + body)
        XCTAssertEqual(r.number?.symbol, "UBND-KTTH")
        XCTAssertNil(r.number?.seq)
        XCTAssertEqual(r.issuer?.name, "SỞ TÀI CHÍNH TỈNH BÌNH DƯƠNG")
        XCTAssertEqual(r.place, "Bình Dương")
        XCTAssertEqual(r.date, "2026-03-14")
    }

    func testATitleOCRGarbledStillNamesTheKind() {
        for title in ["QUYÉT ĐỊNH", "QUYÉT ĐịNH", "QUYÉT ĐNH", "QUYỂT DlNH"] {
            // No symbol to tell the kind: the title alone must.
            let r = ocr("""
            ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH QUẢNG NGÃI                   Độc lập - Tự do - Hạnh phúc
            Số:   /UBND                     Quảng Ngãi, ngày 3 tháng 2 năm 2025

            \(title)
            Về việc công bố danh mục thủ tục hành chính

            CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
            """)
            XCTAssertEqual(r.kind, .quyetDinh, title)
            XCTAssertEqual(r.subject, "công bố danh mục thủ tục hành chính", title)
            XCTAssertEqual(r.issuer?.name, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", title)
        }
        // Two kinds one edit apart each (THÔNG CÁO / THÔNG BÁO): no guess.
        XCTAssertNil(TitleParser.fuzzyKindTitle("THONG XAO"))
        XCTAssertEqual(TitleParser.fuzzyKindTitle("THONG BAC"), .thongBao)
        XCTAssertNil(TitleParser.fuzzyKindTitle("CHÍNH PHỦ"))
        XCTAssertNil(TitleParser.fuzzyKindTitle("CHỦ TỊCH"))
    }

    func testAStrayWordAboveTheIssuerIsNotItsParent() {
        let r = ocr("""
        THỊ
        THỦ TƯỚNG CHÍNH PHỦ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                      Độc lập - Tự do - Hạnh phúc
        Số: 21/CT-TTg                  Hà Nội, ngày 20 tháng 5 năm 2026

        CHỈ THỊ
        Về việc sắp xếp thôn, tổ dân phố
        """ + body)
        XCTAssertEqual(r.issuer, Issuer(parent: nil, name: "THỦ TƯỚNG CHÍNH PHỦ"))
        XCTAssertEqual(r.kind, .chiThi)
        XCTAssertEqual(r.subject, "sắp xếp thôn, tổ dân phố")
        // A real parent line stays.
        let p = ocr("""
        UBND TỈNH QUẢNG NGÃI           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ Y TẾ                       Độc lập - Tự do - Hạnh phúc
        Số: 125/SYT-VP                   Quảng Ngãi, ngày 05 tháng 3 năm 2025
        V/v tổ chức hội nghị tổng kết
        """ + body)
        XCTAssertEqual(p.issuer, Issuer(parent: "UBND TỈNH QUẢNG NGÃI", name: "SỞ Y TẾ"))
    }

    func testAGazetteRunningHeadRunIntoTheTitleKeepsTheTitle() {
        let r = ocr("""
        CÔNG BÁO/Số 302/Ngày 02-06-2026   70
        THỦ TƯỚNG CHÍNH PHỦ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                      Độc lập - Tự do - Hạnh phúc
        Số: 21/ -TTg                  Hà Nội, ngày 20 tháng 5 năm 2026
        CÔNG BÁO/Số 302/Ngày 02-06-2026 CHỈ THỊ
        Về việc sắp xếp thôn, tổ dân phố
        """ + body)
        XCTAssertEqual(r.kind, .chiThi)
        XCTAssertEqual(r.issuer?.name, "THỦ TƯỚNG CHÍNH PHỦ")
        XCTAssertEqual(r.subject, "sắp xếp thôn, tổ dân phố")
    }

    // MARK: - The first signing day

    private func letter(day: String, month: String) -> String {
        """
        ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH QUẢNG NGÃI                   Độc lập - Tự do - Hạnh phúc
        Số: 46/TB-UBND                  Quảng Ngãi, ngày \(day) tháng \(month) năm 2025

        THÔNG BÁO
        Về việc thụ lý giải quyết khiếu nại
        """ + body
    }

    private func signed(_ times: String...) -> [DigitalSignatureRecord] {
        times.map { DigitalSignatureRecord(signer: "Ủy ban nhân dân tỉnh Quảng Ngãi", time: $0, valid: true,
                                           wholeDocument: false, certificate: .unknownIssuer) }
    }

    func testADateReadAfterTheFirstSigningDayIsWarnedOf() {
        let r = ocr(letter(day: "28", month: "01"), signatures: signed("2025-01-26T11:12:09+07:00", "2025-01-27T14:10:01+07:00"))
        XCTAssertEqual(r.date, "2025-01-28")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("after the letter was signed") }, "\(r.warnings)")
        let ok = ocr(letter(day: "24", month: "01"), signatures: signed("2025-01-26T11:12:09+07:00"))
        XCTAssertFalse(ok.warnings.map(\.english).contains { $0.contains("after the letter was signed") }, "\(ok.warnings)")
        // A month read after the signing month is as suspicious.
        let month = ocr(letter(day: "", month: "02"), signatures: signed("2025-01-26T11:12:09+07:00"))
        XCTAssertTrue(month.warnings.map(\.english).contains { $0.contains("after the letter was signed") }, "\(month.warnings)")
    }

    func testADrafterSigningFirstDoesNotBoundTheDate() {
        // The drafter initials the letter the day before; the head signs and the body seals it
        // on the day it is dated.
        let r = ocr(letter(day: "27", month: "01") + "\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Phước Hiền\n",
                    signatures: [DigitalSignatureRecord(signer: "Lê Văn Nháy", time: "2025-01-26T16:00:00+07:00", valid: true,
                                                        wholeDocument: false, certificate: .unknownIssuer),
                                 DigitalSignatureRecord(signer: "Trần Phước Hiền", time: "2025-01-27T08:00:00+07:00", valid: true,
                                                        wholeDocument: false, certificate: .unknownIssuer)]
                        + signed("2025-01-27T10:12:09+07:00"))
        XCTAssertEqual(r.signer?.name, "Trần Phước Hiền")
        XCTAssertFalse(r.warnings.map(\.english).contains { $0.contains("after the letter was signed") }, "\(r.warnings)")
        XCTAssertTrue(Names.isPersonName("Nguyễn Thị Ngọc Giàu"))
        XCTAssertFalse(Names.isPersonName("Ủy ban nhân dân tỉnh Quảng Ngãi"))
        XCTAssertFalse(Names.isPersonName("Văn phòng UBND"))
        XCTAssertFalse(Names.isPersonName("SỞ NỘI VỤ"))
    }

    func testTheFirstDigitalSignatureCompletesAGarbledDay() {
        // `44`: the last digit read, the first one not; signed the 26th (Vietnam time) → the 24th.
        let r = ocr(letter(day: "44", month: "01"), signatures: signed("2025-01-26T11:12:09+07:00", "2025-01-27T14:10:01+07:00"))
        XCTAssertEqual(r.date, "2025-01-24")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("completed from the digital signature time (2025-01-26T11:12:09+07:00)") }, "\(r.warnings)")
        // The visible signature box on a printed scan is evidence too, when the PDF has no signature.
        let box = ocr(letter(day: "44", month: "01"), hints: PageHints(signatureTime: "2025-01-26T11:12:09"))
        XCTAssertEqual(box.date, "2025-01-24")
    }

    func testSignaturesAreInTheRecordAsTheSpecSaysAndReadBack() throws {
        let r = ocr(letter(day: "24", month: "01"), signatures: signed("2025-01-26T11:12:09+07:00"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(r.source), as: UTF8.self)
        XCTAssertTrue(json.contains(#""signatures":[{"certificate":"unknown_issuer","signer":"Ủy ban nhân dân tỉnh Quảng Ngãi","time":"2025-01-26T11:12:09+07:00","valid":true,"whole_document":false}]"#), json)
        XCTAssertEqual(try JSONDecoder().decode(Source.self, from: Data(json.utf8)), r.source)
        // A record stored before signatures were read decodes with none.
        let old = try JSONDecoder().decode(Source.self, from: Data(#"{"file":"a.pdf","sha256":null,"pages":1,"text_origin":"pdf-text","ocr_confidence":null}"#.utf8))
        XCTAssertEqual(old.signatures, [])
        let unsigned = ocr(letter(day: "24", month: "01"))
        XCTAssertTrue(String(decoding: try JSONEncoder().encode(unsigned.source), as: UTF8.self).contains(#""signatures":[]"#))
    }
}
