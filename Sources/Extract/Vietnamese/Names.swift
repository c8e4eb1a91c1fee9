/// Names used to repair text that came without diacritics or through a bad OCR: when a phrase of
/// the letter folds to one of these (spaces ignored), the canonical form replaces it.
enum Names {
    /// Provinces and centrally-run cities (63 units of 2008–2025, and the 34 after Nghị quyết
    /// 202/2025/QH15, which reuses 34 of those names), plus common district names in the corpus.
    static let places: [String] = [
        "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "An Giang", "Bà Rịa - Vũng Tàu",
        "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước",
        "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
        "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên",
        "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
        "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
        "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
        "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
        "Vĩnh Phúc", "Yên Bái", "Nghĩa Hành", "Ninh Giang", "Tư Nghĩa", "Sơn Tịnh", "Bình Sơn",
        "Mộ Đức", "Đức Phổ", "Ba Tơ", "Minh Long", "Sơn Hà", "Trà Bồng", "Lý Sơn", "Tân Uyên", "Thủ Dầu Một",
    ]

    /// The issuing bodies' abbreviations in a letter's symbol, which joins them to the kind or the
    /// department with a dash (Nghị định 30/2020/NĐ-CP, Phụ lục VI: `QĐ-UBND`, `UBND-VX`,
    /// `NQ-HĐND`); `OCRSymbolFixes` puts back a dash OCR lost beside one.
    static let symbolBodies = ["UBND", "HĐND"]

    /// Words of issuing bodies, upper case, for the issuer line of a stripped or OCR'd header.
    static let agencyPhrases: [String] = [
        "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "UBND", "HĐND", "TỈNH", "HUYỆN", "THÀNH PHỐ", "THỊ XÃ",
        "XÃ", "PHƯỜNG", "THỊ TRẤN", "QUẬN", "SỞ", "BỘ", "BAN", "VĂN PHÒNG", "PHÒNG", "CỤC", "VỤ", "TỔNG CỤC",
        "TRUNG TÂM", "HỌC VIỆN", "TRƯỜNG", "BỆNH VIỆN", "CÔNG AN", "TỈNH ỦY", "HUYỆN ỦY", "THÀNH ỦY",
        "ĐẢNG ỦY", "BAN CHẤP HÀNH", "KHOA HỌC VÀ CÔNG NGHỆ", "NỘI VỤ", "TÀI CHÍNH", "Y TẾ",
        "GIÁO DỤC VÀ ĐÀO TẠO", "KẾ HOẠCH VÀ ĐẦU TƯ", "TƯ PHÁP", "XÂY DỰNG", "CÔNG THƯƠNG",
        "THÔNG TIN VÀ TRUYỀN THÔNG", "NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "TÀI NGUYÊN VÀ MÔI TRƯỜNG",
        "LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "VĂN HÓA, THỂ THAO VÀ DU LỊCH", "GIAO THÔNG VẬN TẢI",
        "CHÍNH PHỦ", "THỦ TƯỚNG CHÍNH PHỦ", "CƠ YẾU", "QUỐC PHÒNG", "CÔNG AN NHÂN DÂN", "NGOẠI GIAO",
        "NGÂN HÀNG NHÀ NƯỚC", "THANH TRA", "KIỂM TOÁN NHÀ NƯỚC", "MẶT TRẬN TỔ QUỐC", "QUỐC HỘI",
    ]

    /// First words (folded) of an issuer line that continues the line above rather than naming
    /// another body: the administrative unit or a conjunction (`ỦY BAN NHÂN DÂN` / `HUYỆN NGHĨA HÀNH`).
    static let issuerContinuations: Set<String> = ["tinh", "huyen", "xa", "thanh", "thi", "quan", "phuong",
                                                    "va", "&", "tp", "tp."]

    /// Bodies named without their place (folded, space-free): the next line says which one.
    static let genericBodies: Set<String> = ["uybannhandan", "hoidongnhandan", "ubnd", "hdnd"]

    /// Signers' positions (chức vụ) as printed in the signature block.
    static let signerTitles: [String] = [
        "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
        "BỘ TRƯỞNG", "THỨ TRƯỞNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "BÍ THƯ", "PHÓ BÍ THƯ", "HIỆU TRƯỞNG",
        "PHÓ HIỆU TRƯỞNG", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "VỤ TRƯỞNG", "PHÓ VỤ TRƯỞNG", "TỔNG GIÁM ĐỐC",
        "PHÓ TỔNG GIÁM ĐỐC", "CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG",
        "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "TỔNG CỤC TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG", "VIỆN TRƯỞNG",
        "PHÓ VIỆN TRƯỞNG", "GIÁM ĐỐC SỞ", "CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "TRƯỞNG KHOA", "THƯ KÝ",
        "KẾ TOÁN TRƯỞNG", "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH",
        "THƯỜNG TRỰC", "HỘI ĐỒNG", "BAN CHỈ ĐẠO", "TỔ TRƯỞNG", "CHÁNH ÁN", "VIỆN TRƯỞNG",
    ]

    /// Signer "titles" that name a body, not a person: they follow `TM.`, they are nobody's position.
    static let collectiveBodies: Set<String> = ["ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "BAN THƯỜNG VỤ",
                                                 "BAN CHẤP HÀNH", "THƯỜNG TRỰC", "HỘI ĐỒNG", "BAN CHỈ ĐẠO"]

    /// Who signs `KT.` (ký thay) for a head: the head's deputy, `PHÓ` before the head's title,
    /// except where the deputy has a title of its own.
    static let deputyTitleExceptions: [String: String] = ["BỘ TRƯỞNG": "THỨ TRƯỞNG"]

    /// The title of the deputy who signs `KT. CHÁNH VĂN PHÒNG` (`PHÓ CHÁNH VĂN PHÒNG`); nil for an
    /// authority that is a body rather than a head (`KT. ỦY BAN NHÂN DÂN` does not occur).
    static func deputyTitle(of head: String) -> String? {
        if let t = deputyTitleExceptions[head] { return t }
        guard titleIndex[key("PHÓ " + head)] != nil else { return nil }
        return "PHÓ " + head
    }

    /// Vietnamese family names (họ), the most frequent ~60; used to mend a name whose first
    /// letter the OCR lost (`oàng Văn Thức` → `Hoàng Văn Thức`) and to tell names from other lines.
    static let surnames: [String] = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
        "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Lương", "Trịnh", "Mai", "Trương", "Lâm", "Hà", "Đào", "Cao",
        "Tạ", "Lưu", "Chu", "Kiều", "Đồng", "Đông", "Tô", "Vương", "Văn", "Thái", "Quách", "Châu", "Tăng",
        "Triệu", "La", "Lại", "Mạc", "Nghiêm", "Phùng", "Tôn", "Từ", "Hứa", "Khổng", "Lục", "Âu", "Ông",
        "Thân", "Diệp", "Giang", "Kim", "Đàm", "Doãn", "Khúc", "Bạch", "Ninh", "Tống", "Hầu", "Nông",
    ]

    // Folded, space-free keys → canonical forms.
    static let placeIndex: [String: String] = index(places)
    static let agencyIndex: [String: String] = index(agencyPhrases)
    static let titleIndex: [String: String] = index(signerTitles)
    static let surnameSet: Set<String> = Set(surnames.map { Folding.fold($0) })

    static func key(_ s: String) -> String {
        String(Folding.fold(s).unicodeScalars.filter { CharacterSetLetters.isAlnum($0) })
    }

    private static func index(_ list: [String]) -> [String: String] {
        var d: [String: String] = [:]
        for s in list { d[key(s)] = s }
        return d
    }

    /// The canonical signer title for an OCR'd one: exact on the folded key, else within one edit
    /// per 6 letters (`2HO CHU TICH` → `PHÓ CHỦ TỊCH`, `GIÁM ĐÓC` → `GIÁM ĐỐC`).
    static func canonicalTitle(_ s: String) -> String? {
        let k = key(s)
        if let t = titleIndex[k] { return t }
        let limit = max(1, k.count / 6)
        var best: (Int, String)? = nil
        for (tk, t) in titleIndex {
            let d = Fuzzy.distance(k, tk, limit: limit)
            if d <= limit, best == nil || d < best!.0 { best = (d, t) }
        }
        return best?.1
    }

    /// Replaces runs of words whose folded, space-free form is a known phrase by that phrase
    /// (upper-cased when `upper`), so `UY BANNHANDAN TINH QUANG NGAI` reads
    /// `ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI`.
    static func restore(_ text: String, upper: Bool) -> String {
        let words = text.split(separator: " ").map(String.init)
        var out: [String] = []
        var i = 0
        while i < words.count {
            var matched = false
            for len in stride(from: min(6, words.count - i), through: 1, by: -1) {
                let k = key(words[i..<i + len].joined())
                if let p = agencyIndex[k] ?? placeIndex[k] {
                    out.append(asWritten(words[i..<i + len].joined(separator: " "), canonical: upper ? p.uppercased() : p))
                    i += len; matched = true; break
                }
            }
            if !matched { out.append(words[i]); i += 1 }
        }
        return out.joined(separator: " ")
    }

    /// Words that put a place name after them in an issuer's name (folded).
    static let placeUnits: [String] = ["tinh", "thanh pho", "huyen", "thi xa", "quan", "xa", "phuong"]

    /// An issuer whose place OCR garbled (`ỦY BAN NHÂN DÂN TỈNH cà, THỌ`) mended from the place the
    /// letter is dated at (`Phú Thọ`): only when the garbled words end like the place's last word
    /// or are one edit per three letters away from it.
    static func mendIssuerPlace(_ name: String, place: String) -> String? {
        guard let canonical = canonicalPlace(place) else { return nil }
        let folded = Folding.fold(name)
        for unit in placeUnits {
            guard let r = folded.range(of: unit + " ", options: .backwards) else { continue }
            let start = r.upperBound.utf16Offset(in: folded)
            let tail = name.slice(from: start, to: name.utf16Length)
            let k = key(tail), target = key(canonical)
            guard !k.isEmpty, placeIndex[k] == nil else { return nil }
            let lastWord = Folding.fold(tail).split(separator: " ").last.map(String.init) ?? ""
            let sameEnd = Folding.fold(canonical).split(separator: " ").last.map(String.init) == lastWord
            guard sameEnd || Fuzzy.distance(k, target, limit: target.count / 3) <= target.count / 3 else { return nil }
            return name.slice(from: 0, to: start) + canonical.uppercased()
        }
        return nil
    }

    /// The five tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters.
    static let toneMarks: Set<Unicode.Scalar> = ["\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"]

    /// Whether two spellings differ only in where a tone mark sits: `UỶ`/`ỦY`, `HOÀ`/`HÒA`,
    /// `Thanh Hoá`/`Thanh Hóa`. Both placements are correct Vietnamese (the older one is common in
    /// official letters), so a letter's own spelling is kept rather than the table's.
    static func differsOnlyInTonePlacement(_ a: String, _ b: String) -> Bool {
        let wa = a.split(separator: " "), wb = b.split(separator: " ")
        guard wa.count == wb.count else { return false }
        for (x, y) in zip(wa, wb) {
            let dx = String(x).uppercased().decomposedStringWithCanonicalMapping.unicodeScalars
            let dy = String(y).uppercased().decomposedStringWithCanonicalMapping.unicodeScalars
            let tx = dx.filter { toneMarks.contains($0) }.map(\.value).sorted()
            let ty = dy.filter { toneMarks.contains($0) }.map(\.value).sorted()
            guard tx == ty, Array(dx.filter { !toneMarks.contains($0) }) == Array(dy.filter { !toneMarks.contains($0) })
            else { return false }
        }
        return true
    }

    /// The letter's own spelling of a known phrase when it differs from the table's only in tone
    /// placement, else the table's (`GIÁM ĐÓC` → `GIÁM ĐỐC`, `UỶ BAN` stays `UỶ BAN`).
    static func asWritten(_ written: String, canonical: String) -> String {
        let w = written.collapsedSpaces
        let upper = canonical == canonical.uppercased()
        let candidate = upper ? w.uppercased() : w
        return differsOnlyInTonePlacement(candidate, canonical) ? candidate : canonical
    }

    /// One word of at most three letters that is no agency word of the table (`THỊ`, `TH`; not
    /// `BỘ`, `SỞ`, `XÃ`): debris on an issuer line, not a body.
    static func isStrayIssuerWord(_ s: String) -> Bool {
        let k = key(s)
        return !s.contains(" ") && k.count <= 3 && agencyIndex[k] == nil && !genericBodies.contains(k)
    }

    /// A person's name, as a certificate's common name gives it (`Nguyễn Thị Ngọc Giàu`): two to
    /// five capitalised words, the first a family name. A body (`Ủy ban nhân dân tỉnh Quảng Ngãi`,
    /// `SỞ NỘI VỤ`, `Văn phòng UBND`) is not one.
    static func isPersonName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard (2...5).contains(words.count), let first = words.first,
              surnameSet.contains(Folding.fold(String(first))) else { return false }
        return words.allSatisfy { w in
            guard let c = w.first, c.isUppercase else { return false }
            return !w.dropFirst().contains(where: \.isUppercase)
        }
    }

    /// The canonical place name for a folded match (`Quang Ngai` → `Quảng Ngãi`).
    static func canonicalPlace(_ s: String) -> String? { placeIndex[key(s)] }
}

enum CharacterSetLetters {
    static func isAlnum(_ u: Unicode.Scalar) -> Bool {
        (u.value >= 0x61 && u.value <= 0x7A) || (u.value >= 0x30 && u.value <= 0x39)
    }
}
