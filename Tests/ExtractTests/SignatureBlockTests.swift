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
}
