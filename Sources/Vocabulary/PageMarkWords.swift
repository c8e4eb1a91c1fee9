import Foundation

/// What sits on a Vietnamese letter page besides the letter's own text, as words to recognise.
/// Layout of the page itself follows Nghị định 30/2020/NĐ-CP, Phụ lục I (the header's two columns,
/// the "Nơi nhận:" list left of the signature block). The stamps are office practice: the "ĐẾN"
/// received stamp (Phụ lục IV of the same decree: "ĐẾN / Số: … / Ngày: … / Chuyển: …"), the urgency
/// stamps (Điều 15: "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"), and the box a digital signature draws
/// (Ký bởi / Cơ quan / Thời gian ký, as VNPT and Ban Cơ yếu signing tools print it).
/// All words are compared folded: lower case, no diacritics, đ → d (see `Folding`).
public enum PageMarkWords {
    /// Words that start a line of a digital-signature box.
    public static let signatureBoxLabels = ["ky boi", "co quan:", "thoi gian ky", "email:", "e-mail:", "chuc vu:",
                                     "nguoi ky:", "ngay ky:"]
    /// An e-mail address in that box (folded: lower case, no diacritics): a name, `@`, and a
    /// domain of at least two parts, letters at its end.
    public static let emailAddress = Pattern(#"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}"#)
    /// The label of the signing time in that box.
    public static let signatureTimeLabel = "thoi gian ky"

    /// The received stamp's title (alone on its line) and the labels of its fields.
    public static let receivedStampTitles = ["den", "cong van den", "van ban den"]
    public static let receivedStampFields = ["so", "so:", "ngay", "ngay:", "chuyen", "chuyen:", "luu ho so", "so den"]
    public static let receivedStampDateLabel = "ngay"

    /// Urgency stamps, most urgent first (a "THƯỢNG KHẨN" stamp also contains "KHẨN").
    public static let urgencyStamps: [(folded: String, value: Urgency)] = [
        ("hoa toc", .hoaToc), ("thuong khan", .thuongKhan), ("khan", .khan),
    ]

    /// Where an urgency stamp is put (Nghị định 30/2020: under the number, in the left column), as
    /// fractions of the page: it is often stamped askew, so this part of the red ink is read again
    /// turned by these angles (degrees) when it read as nothing straight.
    public static let urgencyStampRegion = (width: 0.6, height: 0.45)
    public static let urgencyStampTilts: [Double] = [30, -30, 15, -15]

    /// The labels around the fields an office writes in by hand after printing (Nghị định
    /// 30/2020, Phụ lục I: "Số: …/…" under the issuer, "…, ngày … tháng … năm …" under the motto),
    /// folded. The number's label is read with or without its colon.
    public static let numberLabel = "so"
    public static let dayLabel = "ngay"
    public static let monthLabel = "thang"
    public static let yearLabel = "nam"
    /// A letter's year is written in full: its first two digits.
    public static let yearCenturies = ["19", "20"]

    /// The national motto (quốc hiệu) and the Party's heading: the right column of the header,
    /// above the place and date (Nghị định 30/2020, Phụ lục I; Hướng dẫn 36-HD/VPTW for the
    /// Party's letters). Extract keeps them out of the issuer; Ingest finds the date's row under them.
    public static let mottoLines = ["cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc",
                                    "dang cong san viet nam"]

    /// The line that opens the distribution list at the foot of a letter.
    public static let distributionLabel = "noi nhan"
}
