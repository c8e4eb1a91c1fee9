import XCTest
@testable import Extract

/// The foot of the letter as OCR leaves it: Nơi nhận and the signer's column run together.
final class SignatureBlockTests: XCTestCase {
    static let head = """
    ỦY BAN NHÂN DÂN
    TỈNH QUẢNG NGÃI
    Số: 299/UBND-TTHC
    V/v công bố Danh mục TTHC
    Kính gửi: Sở Giao thông vận tải.
    Giao Sở Giao thông vận tải chủ trì, hoàn thành trước ngày 20/01/2025.

    """

    func testAModeLineRunOntoAGarbledFirstItemIsTheSigners() {
        let r = extract(Self.head + """
        H dệt ư trên; TL. CHỦ TỊCH v `
        = CHANH VAN PHONG
        - PCT UBND tỉnh;
        - VPUB: CVP, PCVP;
        - Lưu: VT, TTHC(Tm).
        Nguyễn Quốc Việt
        """)
        XCTAssertEqual(r.signer, Signer(mode: .TL, onBehalfOf: "CHỦ TỊCH", title: "CHÁNH VĂN PHÒNG", name: "Nguyễn Quốc Việt"))
    }

    func testTheLuuItemEndsBeforeAPageNumberOrTheNextColumn() {
        let r = extract(Self.head + """
        Nơi nhận:
        - Như trên;
        - BGĐ (để báo cáo);
        - Lưu: VT, ĐT. TN17.10Căn cứ 77 nề các cơ quan, đơn vị có liên quan chủ động phối hợp
        """)
        XCTAssertEqual(r.distribution, ["Như trên", "BGĐ (để báo cáo)", "Lưu: VT, ĐT. TN17"])
        let paged = extract(Self.head + "Nơi nhận:\n- Như trên;\n- Lưu: VT, KSTTHC (L-40b).4\n")
        XCTAssertEqual(paged.distribution, ["Như trên", "Lưu: VT, KSTTHC (L-40b)"])
        let kept = extract(Self.head + "Nơi nhận:\n- Như trên;\n- Lưu: VT, P.2.\n")
        XCTAssertEqual(kept.distribution, ["Như trên", "Lưu: VT, P.2"])
    }

    func testAKTLineWithItsTitleLostIsSignedByTheDeputy() {
        let tl = extract(Self.head + "Nơi nhận: ¬ - Văn phòng Chính phủ; TL.CHỦ TỊCH R v `\n- TT Tỉnh ủy; KT, CHANH VAN PHONG\n- Lưu: VT.\n")
        XCTAssertEqual(tl.signer, Signer(mode: .TL, onBehalfOf: "CHỦ TỊCH", title: "PHÓ CHÁNH VĂN PHÒNG"))
        let kt = extract(Self.head + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\n")
        XCTAssertEqual(kt.signer, Signer(mode: .KT, onBehalfOf: "BỘ TRƯỞNG", title: "THỨ TRƯỞNG"))
        let written = extract(Self.head + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Văn A\n")
        XCTAssertEqual(written.signer, Signer(mode: .KT, onBehalfOf: "GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Lê Văn A"))
    }

    func testADecisionSignedWithoutModeTakesTheTitleOfItsAuthorityLine() {
        let decision = """
        HỌC VIỆN KỸ THUẬT MẬT MÃ
        Số: 1067/QĐ-HVM
        QUYẾT ĐỊNH
        Phê duyệt 08 quy trình triển khai
        GIÁM  ĐÓC HỌC VIỆN KỸ THUẬT  MẬT MÃ
        Căn cứ Thông tư số 54/2014/TT-BQP ngày 12/6/2014 của Bộ trưởng Bộ Quốc phòng;
        QUYẾT ĐỊNH:
        Điều 1. Phê duyệt 08 quy trình.
        Nơi nhận:
        - Như Điều 3;
        - Lưu: VT, HC.
        Hoàng Văn Thức
        """
        XCTAssertEqual(extract(decision).signer, Signer(title: "GIÁM ĐỐC", name: "Hoàng Văn Thức"))
        // A body as the authority (`ỦY BAN NHÂN DÂN TỈNH …`) is no one's title.
        let byBody = decision.replacingOccurrences(of: "GIÁM  ĐÓC HỌC VIỆN KỸ THUẬT  MẬT MÃ", with: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
        XCTAssertEqual(extract(byBody).signer, Signer(name: "Hoàng Văn Thức"))
    }

    func testListItemsWithGarbledBulletsAreKept() {
        let r = extract(Self.head + """
        Nơi nhận:
        Rềc rải 6c - CT, PCT UBND tỉnh;
        - Ủy ban Kiểm tra Tỉnh ủy;
        ~ Cổng TTĐT Chính phủ;
        -'Báo, Đài, CTTĐT tỉnh (đăng, phát nội dung);
        - Lưu: VT, Ktr03. -
        """)
        XCTAssertEqual(r.distribution, ["CT, PCT UBND tỉnh", "Ủy ban Kiểm tra Tỉnh ủy", "Cổng TTĐT Chính phủ",
                                        "Báo, Đài, CTTĐT tỉnh (đăng, phát nội dung)", "Lưu: VT, Ktr03"])
    }

    func testAsAboveWithItsLabelAndBulletGarbledIsStillTheFirstItem() {
        // OCR lost `Nơi nhận:` and ran `- Như trên;` into the position beside it.
        let r = extract(Self.head + """
        Đề nghị các đơn vị thực hiện./.
        Mdi ư trên; KT. GIÁM ĐỐC
        PHÓ GIÁM ĐỐC
        - Sở Tài chính;
        - Sở Nội vụ;
        - Lưu: VT, KT.
        Nguyễn Thị Lan
        """)
        XCTAssertEqual(r.distribution, ["Như trên", "Sở Tài chính", "Sở Nội vụ", "Lưu: VT, KT"])
        // A line ending otherwise is no `Như trên`.
        let other = extract(Self.head + "Đề nghị các đơn vị thực hiện./.\nMdi ư tỉnh; KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n- Sở Tài chính;\n- Sở Nội vụ;\n- Lưu: VT, KT.\nNguyễn Thị Lan\n")
        XCTAssertEqual(other.distribution.first, "Sở Tài chính")
    }

    func testTheLettersOwnTonePlacementIsKeptAndAnOCRSlipIsMended() {
        let r = extract(Self.head + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. UỶ BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn A\n")
        XCTAssertEqual(r.signer?.onBehalfOf, "UỶ BAN NHÂN DÂN", "the older placement is correct Vietnamese")
        let slip = extract(Self.head + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐÓC\nPHÓ GIÁM ĐÓC\nLê Văn A\n")
        XCTAssertEqual(slip.signer?.title, "PHÓ GIÁM ĐỐC", "ĐÓC is an OCR slip, not a placement")
        XCTAssertTrue(Names.differsOnlyInTonePlacement("Thanh Hoá", "Thanh Hóa"))
        XCTAssertFalse(Names.differsOnlyInTonePlacement("Thanh Hoa", "Thanh Hóa"))
    }
}
