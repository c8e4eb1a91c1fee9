/// Document kinds (thể loại văn bản) and their abbreviations.
///
/// Source: Nghị định 30/2020/NĐ-CP, Phụ lục III (the 29 types of administrative documents and the
/// abbreviations used in the number's symbol), plus the legal normative types that letters cite
/// (Luật Ban hành văn bản quy phạm pháp luật 2015). Older abbreviations (GN, TTh, NP) are from
/// Thông tư 01/2011/TT-BNV, still seen on letters before 2020.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    case nghiQuyet = "nghi_quyet", quyetDinh = "quyet_dinh", chiThi = "chi_thi", quyChe = "quy_che"
    case quyDinh = "quy_dinh", thongCao = "thong_cao", thongBao = "thong_bao", huongDan = "huong_dan"
    case chuongTrinh = "chuong_trinh", keHoach = "ke_hoach", phuongAn = "phuong_an", deAn = "de_an"
    case duAn = "du_an", baoCao = "bao_cao", bienBan = "bien_ban", toTrinh = "to_trinh"
    case hopDong = "hop_dong", congVan = "cong_van", congDien = "cong_dien", banGhiNho = "ban_ghi_nho"
    case banThoaThuan = "ban_thoa_thuan", giayUyQuyen = "giay_uy_quyen", giayMoi = "giay_moi"
    case giayGioiThieu = "giay_gioi_thieu", giayNghiPhep = "giay_nghi_phep", phieuGui = "phieu_gui"
    case phieuChuyen = "phieu_chuyen", phieuBao = "phieu_bao", thuCong = "thu_cong", ketLuan = "ket_luan"
    case luat, nghiDinh = "nghi_dinh", thongTu = "thong_tu", phapLenh = "phap_lenh"
    case vanBanHopNhat = "van_ban_hop_nhat"
    case unknown
}

/// One row of the kinds table: the title as printed (folded: lower case, no diacritics, đ→d) and
/// the symbol abbreviations (as printed, upper case with diacritics).
public struct DocumentKindEntry: Sendable {
    public let kind: DocumentKind
    public let titles: [String]
    public let abbreviations: [String]
}

public enum DocumentKinds {
    /// Longest titles first where one title starts another ("thông báo kết luận" before "thông báo").
    public static let table: [DocumentKindEntry] = [
        .init(kind: .nghiQuyet, titles: ["nghi quyet"], abbreviations: ["NQ"]),
        .init(kind: .quyetDinh, titles: ["quyet dinh"], abbreviations: ["QĐ"]),
        .init(kind: .chiThi, titles: ["chi thi"], abbreviations: ["CT"]),
        .init(kind: .quyChe, titles: ["quy che"], abbreviations: ["QC"]),
        .init(kind: .quyDinh, titles: ["quy dinh"], abbreviations: ["QyĐ"]),
        .init(kind: .thongCao, titles: ["thong cao"], abbreviations: ["TC"]),
        .init(kind: .thongBao, titles: ["thong bao ket luan", "thong bao"], abbreviations: ["TB"]),
        .init(kind: .huongDan, titles: ["huong dan"], abbreviations: ["HD"]),
        .init(kind: .chuongTrinh, titles: ["chuong trinh"], abbreviations: ["CTr"]),
        .init(kind: .keHoach, titles: ["ke hoach"], abbreviations: ["KH"]),
        .init(kind: .phuongAn, titles: ["phuong an"], abbreviations: ["PA"]),
        .init(kind: .deAn, titles: ["de an"], abbreviations: ["ĐA"]),
        .init(kind: .duAn, titles: ["du an"], abbreviations: ["DA"]),
        .init(kind: .baoCao, titles: ["bao cao"], abbreviations: ["BC"]),
        .init(kind: .bienBan, titles: ["bien ban"], abbreviations: ["BB"]),
        .init(kind: .toTrinh, titles: ["to trinh"], abbreviations: ["TTr"]),
        .init(kind: .hopDong, titles: ["hop dong"], abbreviations: ["HĐ"]),
        .init(kind: .congVan, titles: ["cong van"], abbreviations: ["CV"]),
        .init(kind: .congDien, titles: ["cong dien"], abbreviations: ["CĐ"]),
        .init(kind: .banGhiNho, titles: ["ban ghi nho"], abbreviations: ["BGN", "GN"]),
        .init(kind: .banThoaThuan, titles: ["ban thoa thuan"], abbreviations: ["BTT", "TTh"]),
        .init(kind: .giayUyQuyen, titles: ["giay uy quyen"], abbreviations: ["GUQ"]),
        .init(kind: .giayMoi, titles: ["giay moi"], abbreviations: ["GM"]),
        .init(kind: .giayGioiThieu, titles: ["giay gioi thieu"], abbreviations: ["GGT"]),
        .init(kind: .giayNghiPhep, titles: ["giay nghi phep"], abbreviations: ["GNP", "NP"]),
        .init(kind: .phieuGui, titles: ["phieu gui"], abbreviations: ["PG"]),
        .init(kind: .phieuChuyen, titles: ["phieu chuyen"], abbreviations: ["PC"]),
        .init(kind: .phieuBao, titles: ["phieu bao"], abbreviations: ["PB"]),
        .init(kind: .thuCong, titles: ["thu cong"], abbreviations: []),
        .init(kind: .ketLuan, titles: ["ket luan"], abbreviations: ["KL"]),
        .init(kind: .luat, titles: ["luat", "bo luat"], abbreviations: ["QH"]),
        .init(kind: .nghiDinh, titles: ["nghi dinh"], abbreviations: ["NĐ"]),
        .init(kind: .thongTu, titles: ["thong tu lien tich", "thong tu"], abbreviations: ["TT", "TTLT"]),
        .init(kind: .phapLenh, titles: ["phap lenh"], abbreviations: ["PL"]),
        .init(kind: .vanBanHopNhat, titles: ["van ban hop nhat"], abbreviations: ["VBHN"]),
    ]

    /// The kind whose folded title is `folded` exactly.
    public static func kind(forTitle folded: String) -> DocumentKind? {
        table.first { $0.titles.contains(folded) }?.kind
    }

    /// Titles (folded) of every kind, longest first, for prefix matching ("Căn cứ Quyết định số …").
    public static let titlesLongestFirst: [(String, DocumentKind)] =
        table.flatMap { e in e.titles.map { ($0, e.kind) } }.sorted { $0.0.count > $1.0.count }

    /// Titles by which running text cites a document: the kinds' own, and `văn bản số …`, which
    /// names no kind and is cited as a công văn.
    public static let citedTitlesLongestFirst: [(String, DocumentKind)] =
        (titlesLongestFirst + [("van ban", .congVan)]).sorted { $0.0.count > $1.0.count }

    /// The kind named by a symbol (`QĐ-UBND` → quyết định; `UBND-KGVX` → công văn: no type abbreviation).
    /// Abbreviations are compared folded and case-sensitively on their first letters (TTr ≠ TT).
    public static func kind(forSymbol symbol: String) -> DocumentKind? {
        let parts = symbol.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard let first = parts.first else { return nil }
        let f = Folding.fold(first, keepCase: true)
        for e in table {
            for a in e.abbreviations where Folding.fold(a, keepCase: true) == f { return e.kind }
        }
        return nil
    }
}
