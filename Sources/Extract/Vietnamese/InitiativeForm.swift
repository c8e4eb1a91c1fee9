/// The words of the initiative report form, folded (lower case, no diacritics, đ→d, punctuation
/// dropped, single spaces) so they match typed, scanned and diacritic-less text alike.
///
/// Source: the report form "Báo cáo hiệu quả áp dụng, khả năng nhân rộng của sáng kiến" annexed
/// to the provincial initiative rules (Quy chế xét công nhận sáng kiến of the province, e.g.
/// Quảng Ngãi), which implement Nghị định 13/2012/NĐ-CP (Điều lệ Sáng kiến) for the notion of an
/// initiative, its authors and co-authors' shares, and its first application. The form has two
/// parts: I. Thông tin chung (1. Tên sáng kiến, 2. Tác giả …, 3. Nội dung, bản chất …, 4. Thời gian
/// áp dụng …) and II. Đánh giá hiệu quả áp dụng, khả năng nhân rộng (1. Về hiệu quả áp dụng,
/// 2. Về khả năng nhân rộng), then the signatures (Xác nhận của cơ quan, đơn vị / Đại diện nhóm
/// tác giả).
public enum InitiativeForm {
    /// A part of the form a heading opens.
    public enum Element: String, Sendable, CaseIterable {
        case title = "I.1", authors = "I.2", content = "I.3", firstApplied = "I.4"
        case effectiveness = "II.1", scalability = "II.2"
        /// `I-THÔNG TIN CHUNG`, `II-ĐÁNH GIÁ HIỆU QUẢ …`: they only end the section before them.
        case generalPart, assessmentPart
        /// The signature block.
        case confirmation, representative

        /// The numbered sections a complete report has, in the form's order.
        public static let sections: [Element] = [.title, .authors, .content, .firstApplied, .effectiveness, .scalability]

        /// The heading as the form prints it, for warnings.
        public var formHeading: String {
            switch self {
            case .title: return "Tên sáng kiến"
            case .authors: return "Tác giả sáng kiến"
            case .content: return "Nội dung, bản chất của sáng kiến"
            case .firstApplied: return "Thời gian áp dụng sáng kiến"
            case .effectiveness: return "Về hiệu quả áp dụng"
            case .scalability: return "Về khả năng nhân rộng"
            case .generalPart: return "Thông tin chung"
            case .assessmentPart: return "Đánh giá hiệu quả áp dụng, khả năng nhân rộng của sáng kiến"
            case .confirmation: return "Xác nhận của cơ quan, đơn vị"
            case .representative: return "Đại diện nhóm tác giả"
            }
        }
    }

    /// One way a heading starts. `numberedOnly`: the phrase also opens ordinary sentences
    /// ("Khả năng nhân rộng: Đây là …"), so it counts only with the form's numbering in front.
    public struct Heading: Sendable {
        public let element: Element
        public let phrase: String
        public let numberedOnly: Bool
        init(_ element: Element, _ phrase: String, numberedOnly: Bool = false) {
            self.element = element; self.phrase = phrase; self.numberedOnly = numberedOnly
        }
    }

    /// Heading phrases, matched at the start of a line (after its numbering), longest first
    /// within an element.
    public static let headings: [Heading] = [
        .init(.title, "ten sang kien"),
        .init(.authors, "tac gia sang kien hoac cac dong tac gia"),
        .init(.authors, "tac gia hoac dong tac gia sang kien"),
        .init(.authors, "dong tac gia sang kien"),
        .init(.authors, "tac gia sang kien"),
        .init(.authors, "nhom tac gia sang kien"),
        .init(.authors, "tac gia", numberedOnly: true),
        .init(.content, "noi dung ban chat cua sang kien"),
        .init(.content, "mo ta ban chat cua sang kien"),
        .init(.content, "ban chat cua sang kien"),
        .init(.content, "noi dung cua sang kien", numberedOnly: true),
        .init(.content, "noi dung sang kien", numberedOnly: true),
        .init(.firstApplied, "thoi gian ap dung sang kien"),
        .init(.firstApplied, "thoi gian ap dung lan dau"),
        .init(.firstApplied, "ngay sang kien duoc ap dung lan dau"),
        .init(.firstApplied, "ngay ap dung lan dau"),
        .init(.effectiveness, "ve hieu qua ap dung"),
        .init(.effectiveness, "hieu qua ap dung", numberedOnly: true),
        .init(.effectiveness, "hieu qua dat duoc", numberedOnly: true),
        .init(.scalability, "ve kha nang nhan rong"),
        .init(.scalability, "kha nang nhan rong", numberedOnly: true),
        .init(.scalability, "kha nang ap dung nhan rong", numberedOnly: true),
        .init(.generalPart, "thong tin chung", numberedOnly: true),
        .init(.assessmentPart, "danh gia hieu qua ap dung", numberedOnly: true),
        .init(.confirmation, "xac nhan cua co quan don vi"),
        .init(.confirmation, "xac nhan cua thu truong co quan"),
        .init(.confirmation, "xac nhan cua co quan"),
        .init(.confirmation, "xac nhan cua don vi"),
        .init(.representative, "dai dien nhom tac gia"),
        .init(.representative, "dai dien tac gia"),
        .init(.representative, "nguoi bao cao"),
    ]

    /// Words every initiative report holds somewhere (even scanned: one of them survives); a text
    /// with none is not read further.
    /// Words only a report has: its authors (`Tác giả sáng kiến`, `đồng tác giả`; OCR may lose the
    /// `t`). Campaign letters speak of sáng kiến too, but name no authors.
    /// (`tac gia` must end there: `hợp tác giải quyết`, `các giải pháp` fold to it too.)
    public static let reportMarkers: [String] = ["tac gia ", "tac gia:", "tac gia\n", "tac gia,", "ten sang kien", "ten sang kie"]

    /// The folded words by which a letter calls for initiatives (a campaign: "phát động phong
    /// trào thi đua … sáng kiến"), when it also sets a deadline.
    public static let campaignPhrase = "sang kien"
    public static let markers: [String] = ["sang kien", "sang kie", "ang kien", "tac gia", "nhan rong"]

    /// The report's own title (the lines under `BÁO CÁO`): with two sections of the form, one of
    /// these makes a text an initiative report.
    public static let reportTitles: [String] = [
        "bao cao hieu qua ap dung",
        "hieu qua ap dung va kha nang nhan rong cua sang kien",
        "hieu qua ap dung kha nang nhan rong cua sang kien",
        "bao cao mo ta sang kien",
        "mo ta sang kien",
    ]

    /// Words of the authors' table header; a line holding two of them is the header, not an author.
    public static let tableHeaderWords: [String] = [
        "so tt", "stt", "ho va ten", "ngay thang nam sinh", "noi cong tac", "chuc danh",
        "trinh do chuyen mon", "ty le", "noi dung dong gop",
    ]

    /// Educational qualifications (cột "Trình độ chuyên môn"), as whole words.
    public static let qualifications: [String] = [
        "pho giao su tien si", "pho giao su", "giao su", "tien si", "thac si", "thac sy", "cu nhan",
        "ky su", "kien truc su", "bac si", "duoc si", "dai hoc", "cao dang", "trung cap", "so cap",
        "pgs ts", "ths", "ts", "cn", "ks",
    ]

    /// Positions (cột "Chức danh") that start the position after the workplace when a scan runs
    /// the two cells together: `Phòng Tổng hợp Trưởng phòng Tổng hợp`.
    public static let positions: [String] = [
        "pho chanh van phong", "chanh van phong", "pho truong phong", "truong phong",
        "pho giam doc", "giam doc", "pho chu tich", "chu tich", "pho truong ban", "truong ban",
        "pho chi cuc truong", "chi cuc truong", "pho cuc truong", "cuc truong",
        "pho hieu truong", "hieu truong", "pho thu truong", "thu truong", "pho chanh thanh tra",
        "chanh thanh tra", "thanh tra vien", "chuyen vien cao cap", "chuyen vien chinh",
        "chuyen vien", "can su", "nhan vien", "ke toan truong", "ke toan", "van thu", "thu quy",
        "giao vien", "giang vien", "ky thuat vien", "pho doi truong", "doi truong",
        "pho to truong", "to truong", "pho bi thu", "bi thu", "can bo", "cong chuc", "vien chuc",
    ]

    /// Middle names (tên đệm) a name does not end with: a table cell cut after "Đông Thị" goes on
    /// on the next line.
    public static let middleNames: Set<String> = ["thi", "van"]

    /// Forms of address before a name in the list form ("Ông Lê Tuấn Phú", "Đ/c …").
    public static let honorifics: [String] = ["ong", "ba", "dong chi", "d/c"]

    /// Notes in the signature block that are not a signer: "(Chữ ký, dấu)", "(Ký, ghi rõ họ tên)".
    public static let signatureNotes: [String] = ["chu ky", "ky ghi ro ho ten", "ky ten", "ky dong dau", "ky va ghi ro", "dong dau"]

    /// Syllables too common in initiative reports to tell two initiatives apart.
    public static let commonSyllables: Set<String> = [
        "cua", "va", "cac", "trong", "cho", "duoc", "la", "co", "voi", "nhung", "nay", "de", "tu",
        "da", "theo", "viec", "ve", "mot", "khi", "tai", "ra", "thi", "nhu", "se", "dang", "tren",
        "sang", "kien", "nham", "ve", "do", "bang", "cung", "hon", "rat", "nen", "vao", "boi",
    ]
}
