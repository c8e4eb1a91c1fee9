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

extension DocumentKind: Message {
    /// The kind as a person names it: `Công văn`, `Quyết định` (never the code `cong_van`).
    public func text(_ lang: Lang) -> String {
        guard let entry = DocumentKinds.entry(self) else { return lang == .vi ? "Chưa rõ loại" : "Unknown kind" }
        return lang == .vi ? entry.name : entry.english
    }
}

/// One row of the kinds table: the title as printed (folded: lower case, no diacritics, đ→d) and
/// the symbol abbreviations (as printed, upper case with diacritics).
public struct DocumentKindEntry: Sendable {
    public let kind: DocumentKind
    /// The type's name as a person writes it (`Công văn`), and in English.
    public let name: String
    public let english: String
    public let titles: [String]
    public let abbreviations: [String]
}

public enum DocumentKinds {
    /// Longest titles first where one title starts another ("thông báo kết luận" before "thông báo").
    public static let table: [DocumentKindEntry] = [
        .init(kind: .nghiQuyet, name: "Nghị quyết", english: "Resolution", titles: ["nghi quyet"], abbreviations: ["NQ"]),
        .init(kind: .quyetDinh, name: "Quyết định", english: "Decision", titles: ["quyet dinh"], abbreviations: ["QĐ"]),
        .init(kind: .chiThi, name: "Chỉ thị", english: "Directive", titles: ["chi thi"], abbreviations: ["CT"]),
        .init(kind: .quyChe, name: "Quy chế", english: "Regulation", titles: ["quy che"], abbreviations: ["QC"]),
        .init(kind: .quyDinh, name: "Quy định", english: "Rules", titles: ["quy dinh"], abbreviations: ["QyĐ"]),
        .init(kind: .thongCao, name: "Thông cáo", english: "Communiqué", titles: ["thong cao"], abbreviations: ["TC"]),
        .init(kind: .thongBao, name: "Thông báo", english: "Notice", titles: ["thong bao ket luan", "thong bao"], abbreviations: ["TB"]),
        .init(kind: .huongDan, name: "Hướng dẫn", english: "Guidance", titles: ["huong dan"], abbreviations: ["HD"]),
        .init(kind: .chuongTrinh, name: "Chương trình", english: "Programme", titles: ["chuong trinh"], abbreviations: ["CTr"]),
        .init(kind: .keHoach, name: "Kế hoạch", english: "Plan", titles: ["ke hoach"], abbreviations: ["KH"]),
        .init(kind: .phuongAn, name: "Phương án", english: "Scheme", titles: ["phuong an"], abbreviations: ["PA"]),
        .init(kind: .deAn, name: "Đề án", english: "Project proposal", titles: ["de an"], abbreviations: ["ĐA"]),
        .init(kind: .duAn, name: "Dự án", english: "Project", titles: ["du an"], abbreviations: ["DA"]),
        .init(kind: .baoCao, name: "Báo cáo", english: "Report", titles: ["bao cao"], abbreviations: ["BC"]),
        .init(kind: .bienBan, name: "Biên bản", english: "Minutes", titles: ["bien ban"], abbreviations: ["BB"]),
        .init(kind: .toTrinh, name: "Tờ trình", english: "Submission", titles: ["to trinh"], abbreviations: ["TTr"]),
        .init(kind: .hopDong, name: "Hợp đồng", english: "Contract", titles: ["hop dong"], abbreviations: ["HĐ"]),
        .init(kind: .congVan, name: "Công văn", english: "Official letter", titles: ["cong van"], abbreviations: ["CV"]),
        .init(kind: .congDien, name: "Công điện", english: "Official dispatch", titles: ["cong dien"], abbreviations: ["CĐ"]),
        .init(kind: .banGhiNho, name: "Bản ghi nhớ", english: "Memorandum", titles: ["ban ghi nho"], abbreviations: ["BGN", "GN"]),
        .init(kind: .banThoaThuan, name: "Bản thỏa thuận", english: "Agreement", titles: ["ban thoa thuan"], abbreviations: ["BTT", "TTh"]),
        .init(kind: .giayUyQuyen, name: "Giấy ủy quyền", english: "Letter of authorisation", titles: ["giay uy quyen"], abbreviations: ["GUQ"]),
        .init(kind: .giayMoi, name: "Giấy mời", english: "Invitation", titles: ["giay moi"], abbreviations: ["GM"]),
        .init(kind: .giayGioiThieu, name: "Giấy giới thiệu", english: "Letter of introduction", titles: ["giay gioi thieu"], abbreviations: ["GGT"]),
        .init(kind: .giayNghiPhep, name: "Giấy nghỉ phép", english: "Leave permit", titles: ["giay nghi phep"], abbreviations: ["GNP", "NP"]),
        .init(kind: .phieuGui, name: "Phiếu gửi", english: "Dispatch slip", titles: ["phieu gui"], abbreviations: ["PG"]),
        .init(kind: .phieuChuyen, name: "Phiếu chuyển", english: "Transfer slip", titles: ["phieu chuyen"], abbreviations: ["PC"]),
        .init(kind: .phieuBao, name: "Phiếu báo", english: "Notification slip", titles: ["phieu bao"], abbreviations: ["PB"]),
        .init(kind: .thuCong, name: "Thư công", english: "Public letter", titles: ["thu cong"], abbreviations: []),
        .init(kind: .ketLuan, name: "Kết luận", english: "Conclusion", titles: ["ket luan"], abbreviations: ["KL"]),
        .init(kind: .luat, name: "Luật", english: "Law", titles: ["luat", "bo luat"], abbreviations: ["QH"]),
        .init(kind: .nghiDinh, name: "Nghị định", english: "Decree", titles: ["nghi dinh"], abbreviations: ["NĐ"]),
        .init(kind: .thongTu, name: "Thông tư", english: "Circular", titles: ["thong tu lien tich", "thong tu"], abbreviations: ["TT", "TTLT"]),
        .init(kind: .phapLenh, name: "Pháp lệnh", english: "Ordinance", titles: ["phap lenh"], abbreviations: ["PL"]),
        .init(kind: .vanBanHopNhat, name: "Văn bản hợp nhất", english: "Consolidated text", titles: ["van ban hop nhat"], abbreviations: ["VBHN"]),
    ]

    private static let byKind: [DocumentKind: DocumentKindEntry] =
        Dictionary(table.map { ($0.kind, $0) }, uniquingKeysWith: { a, _ in a })
    public static func entry(_ kind: DocumentKind) -> DocumentKindEntry? { byKind[kind] }

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
