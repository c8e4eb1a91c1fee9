import XCTest
@testable import Extract

/// The header in the orders text extractors produce it, and the number in its four shapes.
final class HeaderTests: XCTestCase {
    func testTwoColumnsRunTogetherOnOneLine() {
        let r = extract("""
        ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH QUẢNG NGÃI  Độc lập - Tự do - Hạnh phúc
        Số: 2164/UBND-KGVX  Quảng Ngãi, ngày 17 tháng 4 năm 2025
        V/v đẩy mạnh hoạt động sáng kiến
        trong các cơ quan hành chính
        Kính gửi: Sở Nội vụ.
        """)
        XCTAssertEqual(r.issuer, Issuer(parent: nil, name: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"))
        XCTAssertEqual(r.number, LetterNumber(text: "2164/UBND-KGVX", seq: 2164, year: nil, symbol: "UBND-KGVX"))
        XCTAssertEqual(r.place, "Quảng Ngãi")
        XCTAssertEqual(r.date, "2025-04-17")
        XCTAssertEqual(r.kind, .congVan)
        XCTAssertEqual(r.subject, "đẩy mạnh hoạt động sáng kiến trong các cơ quan hành chính")
        XCTAssertEqual(r.recipients, ["Sở Nội vụ"])
    }

    func testColumnsSideBySideAsPdftotextLayoutPrintsThem() {
        let r = extract("""
              UBND TỈNH QUẢNG NGÃI           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                  VĂN PHÒNG                       Độc lập - Tự do - Hạnh phúc
           Số: 125/VP-HCQT                   Quảng Ngãi, ngày 05 tháng 3 năm 2025
        V/v tổ chức hội nghị tổng kết
        """)
        XCTAssertEqual(r.issuer, Issuer(parent: "UBND TỈNH QUẢNG NGÃI", name: "VĂN PHÒNG"))
        XCTAssertEqual(r.number?.text, "125/VP-HCQT")
        XCTAssertEqual(r.date, "2025-03-05")
        XCTAssertEqual(r.subject, "tổ chức hội nghị tổng kết")
    }

    func testLegalPartyAndBlankNumbers() {
        XCTAssertEqual(NumberParser.parse("09/2022/QĐ-UBND")?.0, LetterNumber(text: "09/2022/QĐ-UBND", seq: 9, year: 2022, symbol: "QĐ-UBND"))
        XCTAssertEqual(NumberParser.parse("54-CV/TU")?.0, LetterNumber(text: "54-CV/TU", seq: 54, year: nil, symbol: "CV/TU"))
        XCTAssertEqual(NumberParser.parse("       /VP-HCQT")?.0, LetterNumber(text: "/VP-HCQT", seq: nil, year: nil, symbol: "VP-HCQT"))
        XCTAssertEqual(NumberParser.parse("1067/QĐÐ-HVM")?.0.text, "1067/QĐ-HVM")
    }

    func testBlankDayAndMonth() {
        let r = extract("ỦY BAN NHÂN DÂN\nHUYỆN NGHĨA HÀNH\nSố: /UBND\nNghĩa Hành, ngày   tháng   năm 2023\nV/v phát động phong trào")
        XCTAssertEqual(r.date, "2023")
        let r2 = extract("SỞ NỘI VỤ\nSố:    /SNV-VP\nHà Nội, ngày      tháng 4 năm 2025\nV/v báo cáo")
        XCTAssertEqual(r2.date, "2025-04")
        XCTAssertTrue(r2.warnings.map(\.english).contains { $0.contains("blank") })
    }

    func testAnImpossibleDateIsWarnedAndCut() {
        let r = extract("SỞ NỘI VỤ\nSố: 7/SNV-VP\nHà Nội, ngày 31 tháng 2 năm 2025\nV/v báo cáo")
        XCTAssertEqual(r.date, "2025-02")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("does not exist") }, "\(r.warnings)")
    }

    func testKindFromTheTitleOrTheSymbol() {
        XCTAssertEqual(extract("BỘ Y TẾ\nSố: 3467/QĐ-BYT\nHà Nội, ngày 15 tháng 11 năm 2024\nQUYẾT ĐỊNH\nGiá dịch vụ khám bệnh\nBỘ TRƯỞNG BỘ Y TẾ\nCăn cứ Luật giá;").kind, .quyetDinh)
        let r = extract("BỘ Y TẾ\nSố: 3467/QĐ-BYT\nHà Nội, ngày 15 tháng 11 năm 2024\nQUYẾT ĐỊNH\nVề việc ban hành giá dịch vụ\nBỘ TRƯỞNG BỘ Y TẾ")
        XCTAssertEqual(r.subject, "ban hành giá dịch vụ")
        XCTAssertEqual(extract("TỈNH ỦY QUẢNG NGÃI\nSố 54-TB/TU\nQuảng Ngãi, ngày 2 tháng 5 năm 2025").kind, .thongBao)
    }

    func testUrgencyMarks() {
        XCTAssertEqual(extract("SỞ NỘI VỤ\nSố: 7/SNV-VP\nHỎA TỐC\nHà Nội, ngày 3 tháng 2 năm 2025\nV/v họp").urgency, .hoaToc)
        XCTAssertEqual(extract("SỞ NỘI VỤ\nSố: 7/SNV-VP\nTHƯỢNG KHẨN\nHà Nội, ngày 3 tháng 2 năm 2025\nV/v họp").urgency, .thuongKhan)
        XCTAssertEqual(extract("SỞ NỘI VỤ\nSố: 7/SNV-VP\nKHẨN\nHà Nội, ngày 3 tháng 2 năm 2025\nV/v họp").urgency, .khan)
    }

    func testDigitalSignatureStampAndGazetteHeadAreNeverIssuerDateOrNumber() {
        let r = extract("""
        Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi
        Email: ubnd@quangngai.gov.vn
        Thời gian ký: 07.02.2025 17:12:11 +07:00
        CÔNG BÁO/Số 123 + 124/Ngày 30-12-2023
        ỦY BAN NHÂN DÂN
        TỈNH QUẢNG NGÃI
        Số: 53/TB-UBND
        Quảng Ngãi, ngày 07 tháng 02 năm 2025
        THÔNG BÁO
        Kết luận của Chủ tịch UBND tỉnh
        """)
        XCTAssertEqual(r.issuer, Issuer(parent: nil, name: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"))
        XCTAssertEqual(r.number?.text, "53/TB-UBND")
        XCTAssertEqual(r.date, "2025-02-07")
        XCTAssertEqual(r.kind, .thongBao)
        XCTAssertEqual(r.subject, "Kết luận của Chủ tịch UBND tỉnh")
    }

    func testSignatureTimeCompletesAGarbledHandwrittenDayFromItsLastDigit() {
        let text = "SỞ NỘI VỤ\nSố: 53/TB-SNV\nQuảng Ngãi, ngày 44 tháng 01 năm 2025\nTHÔNG BÁO\nKết luận"
        let r = LetterExtractor().extract(LetterText(text: text, hints: PageHints(signatureTime: "2025-01-26T11:12:09")))
        XCTAssertEqual(r.date, "2025-01-24", "the day ending in 4 up to nine days before the signature")
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("digital signature") })
        let other = LetterExtractor().extract(LetterText(text: text, hints: PageHints(signatureTime: "2025-02-01T08:00:00")))
        XCTAssertEqual(other.date, "2025-01", "a signature in another month does not fill the day")
        // Nothing legible of the day: the signature's own day would be a guess.
        let blank = LetterExtractor().extract(LetterText(text: text.replacingOccurrences(of: "ngày 44", with: "ngày Êˆ@_"),
                                                         hints: PageHints(signatureTime: "2025-01-26T11:12:09")))
        XCTAssertEqual(blank.date, "2025-01")
        XCTAssertFalse(blank.warnings.map(\.english).contains { $0.contains("digital signature") })
    }

    func testSignerBlocks() {
        let tl = extract("V/v x\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nTrần Văn B")
        XCTAssertEqual(tl.signer, Signer(mode: .TL, onBehalfOf: "CHỦ TỊCH", title: "PHÓ CHÁNH VĂN PHÒNG", name: "Trần Văn B"))
        let tm = extract("V/v x\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Thị Huê")
        XCTAssertEqual(tm.signer, Signer(mode: .TM, onBehalfOf: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Thị Huê"))
        let side = extract("V/v x\nNơi nhận:                        KT. GIÁM ĐỐC\n- Như trên;                      PHÓ GIÁM ĐỐC\n- Lưu: VT.\n\n                                  Lương Thế Dũng")
        XCTAssertEqual(side.signer, Signer(mode: .KT, onBehalfOf: "GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Lương Thế Dũng"))
        XCTAssertEqual(side.distribution, ["Như trên", "Lưu: VT"])
    }

    func testReferencesAreNormalisedWithKindAndDate() {
        let r = extract("V/v x\nKính gửi: Sở Nội vụ.\nCăn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Thông tư số 54/2014/TT-BQP ngày 12 tháng 6 năm 2014; công văn số 3418 /BVNTW ngày 31/10/2024;")
        XCTAssertEqual(r.references, [
            Reference(kind: .nghiQuyet, number: "57-NQ/TW", date: "2024-12-22"),
            Reference(kind: .thongTu, number: "54/2014/TT-BQP", date: "2014-06-12"),
            Reference(kind: .congVan, number: "3418/BVNTW", date: "2024-10-31"),
        ])
    }

    func testFoldingKeepsLengthAndFoldsDToD() {
        XCTAssertEqual(Folding.fold("Đà Nẵng ĐƠN VỊ"), "da nang don vi")
        let s = "Quyết định số 1993/QĐ-UBND"
        XCTAssertEqual(Folding.fold(s).utf16.count, s.utf16.count)
    }

    func testTextThatIsNotALetterGivesAnEmptyRecordWithAWarning() {
        let r = extract("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\nSed do eiusmod tempor incididunt.")
        XCTAssertEqual(r.kind, .unknown)
        XCTAssertNil(r.number)
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.contains("does not look like") })
        XCTAssertTrue(extract("").warnings.map(\.english).contains { $0.contains("no text") })
    }

    func testTheLeftColumnReadFirstPutsKinhGuiBeforeTheDateAndAGarbledProvinceIsMendedFromThePlace() {
        let r = extract("""
        ỦY BAN NHÂN DÂN
        TỈNH cà, THỌ
        Số: 247 /UBND- KSTTHC
        V/v xây dựng kế hoạch rà
        soát quy định, thủ tục hành chính.
        Kính gửi:
        CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Phú Thọ, ngày tháng 12 năm 2011
        - Các sở, ban, ngành;
        - UBND các huyện, thành, thị.
        Thực hiện Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ về việc rà soát,
        quy định hành chính; Văn bản số 6582/VPCP-KSTT, ngày 21/9/2011 của Văn phòng Chính phủ.
        """)
        XCTAssertEqual(r.issuer?.name, "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ")
        XCTAssertEqual(r.place, "Phú Thọ")
        XCTAssertEqual(r.date, "2011-12", "the day was left blank: the month is known")
        XCTAssertEqual(r.recipients, ["Các sở, ban, ngành", "UBND các huyện, thành, thị"])
        XCTAssertEqual(r.references, [Reference(kind: .nghiQuyet, number: "30c/NQ-CP", date: "2011-11-08"),
                                      Reference(kind: .congVan, number: "6582/VPCP-KSTT", date: "2011-09-21")])
    }

    func testAProvinceFarFromThePlaceIsLeftAlone() {
        XCTAssertNil(Names.mendIssuerPlace("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", place: "Hà Nội"))
        XCTAssertNil(Names.mendIssuerPlace("ỦY BAN NHÂN DÂN TỈNH XYZ ABC", place: "Phú Thọ"))
        XCTAssertEqual(Names.mendIssuerPlace("UBND TỈNH QUANG NGAl", place: "Quảng Ngãi"), "UBND TỈNH QUẢNG NGÃI")
    }

    func testNumbersListedTogetherShareTheDateAndAStateSymbolNamesTheKind() {
        let r = extract("""
        ỦY BAN NHÂN DÂN
        TỈNH QUẢNG NGÃI
        Số: 299/UBND-TTHC
        V/v công bố Danh mục TTHC
        Kính gửi: Sở Giao thông vận tải.
        Thực hiện nội dung các Quyết định số: 1743/QĐ- BGTVT, 1744/QĐ-
        BGTVT ngày 31/12/2024 của Bộ trưởng; Thông báo số 119/QĐ-HVM ngày 24 tháng 01 năm 2019;
        Quy định số 105-QĐ/TW ngày 19/12/2017 của Ban Chấp hành Trung ương.
        """)
        XCTAssertEqual(r.references, [
            Reference(kind: .quyetDinh, number: "1743/QĐ-BGTVT", date: "2024-12-31"),
            Reference(kind: .quyetDinh, number: "1744/QĐ-BGTVT", date: "2024-12-31"),
            Reference(kind: .quyetDinh, number: "119/QĐ-HVM", date: "2019-01-24"),
            Reference(kind: .quyDinh, number: "105-QĐ/TW", date: "2017-12-19"),
        ])
    }

    func testAHandwrittenNumberOCRGarbledKeepsItsPrintedSymbol() {
        let r = extract("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố:4@` /TB-UBND\nQuảng Ngãi, ngày 24 tháng 01 năm 2025\nTHÔNG BÁO\nVề việc thụ lý\n")
        XCTAssertEqual(r.number, LetterNumber(text: "/TB-UBND", seq: nil, year: nil, symbol: "TB-UBND"))
        XCTAssertTrue(r.warnings.map(\.english).contains { $0.hasPrefix("number: the digits are illegible") }, "\(r.warnings)")
        XCTAssertFalse(r.warnings.map(\.english).contains { $0.contains("unsigned draft") })
        XCTAssertEqual(r.kind, .thongBao)
    }

    /// A hand-written number OCR read as a long run of debris (letters, commas, words of its own),
    /// the printed symbol after it: the symbol is still the letter's (OCR lines of letters written
    /// by scripts/digit-letters.py with MNIST's test digits).
    func testAHandwrittenNumberOCRReadAsLongDebrisKeepsItsPrintedSymbol() {
        let lines = [
            ("Số: >^ l là Ẩt, /UBND-KTTH Hà Nội, ngày |4 tháng 11 năm 2023", "UBND-KTTH"),
            ("Số: é@œ- / 3 7 _ÿ,Á vÁ Phó ø, /UBND-VX", "UBND-VX"),
            ("Số- : €}, ¿j ĐQạ:.(.... ¿ /KH-UBND", "KH-UBND"),
            // A slash among the debris, letters after it: not the symbol, which has a dash.
            ("số: / Zhí /TB-UBND", "TB-UBND"),
        ]
        for (line, symbol) in lines {
            let r = extract("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\(line)\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 14 tháng 11 năm 2023\nVề việc báo cáo kết quả thực hiện\nKính gửi: Sở Tài chính\n")
            XCTAssertEqual(r.number?.symbol, symbol, line)
            XCTAssertNil(r.number?.seq, line)
            XCTAssertTrue(r.warnings.map(\.english).contains { $0.hasPrefix("number: the digits are illegible") }, "\(line): \(r.warnings)")
        }
    }
}
