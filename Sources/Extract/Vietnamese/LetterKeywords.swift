/// The words that mark the parts of a Vietnamese administrative letter, as regular expressions
/// over FOLDED text (lower case, no diacritics, đ→d; see `Folding`).
///
/// Layout and wording from Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức văn bản hành chính). The
/// OCR variants in the character classes are the ones measured on the corpus and the seeds (seed
/// s001 was read by an OCR model without Vietnamese: `Sé:` for `Số:`, `Viv` for `V/v`, `Poc lap`
/// for `Độc lập`, `trude` for `trước`).
enum LetterKeywords {
    /// `Số:` before the letter's number (`So`, `Sé`, `S6`, `Sô`, OCR'd; a speck of the dotted
    /// leader or the hand read before the colon: `Số- :`).
    static let numberLabel = Pattern(#"^s[o0e6d]\s*[-.]?\s*[:;]\s*|(?:^|\s{2,}|\*\*)s[o0e6d]\s*[:;.]?\s*(?=[0-9/]|\s*/|\s+[0-9])"#)

    // The place-and-date line (`, ngày 17 tháng 4 năm 2025`) is `DateGrammar.placeDate`.

    /// `V/v` (về việc) opening a công văn's subject: `V/v`, `Viv`, `V/V`, `V.v`, `Vlv`.
    static let subjectLabel = Pattern(#"^(?:v\s*[/il1|.\\]\s*[vy]\b|ve viec\b)\s*[:.]?\s*"#)
    /// `Về việc` opening the subject line under another kind's title.
    static let aboutLabel = Pattern(#"^(?:ve viec|v\s*[/il1|]\s*v)\b\s*[:.]?\s*"#)

    /// `Kính gửi:` (`Kinh gui`, `Kính gởi`).
    static let recipientsLabel = Pattern(#"^k[il1]nh\s*g[uo][il1]\s*[:;.]?\s*"#)
    /// `Nơi nhận:` (`Noi nhan`; `Nơi nhận` without colon).
    static let distributionLabel = Pattern(#"^(?:n[oa0][il1]\s*nh[a4][nm]\s*[:;.]?|[a-z]{1,3}\s*nh[a4]n\s*:)\s*"#)

    /// What OCR reads for the dash before a list item: the dash, a plus, a bullet, a tilde.
    static let listBullets: [String] = ["-", "+", "•", "~", "–", "—"]
    /// `Lưu` opening the list's last item (folded), once its bullet is gone.
    static let luuWord = "luu"
    /// What may stand between two cited numbers of one list: a comma, `và`, `số`.
    static let numberListSeparator = Pattern(#"^\s*(?:,|;|va)?\s*(?:so\s*:?)?\s*$"#)
    /// `- Lưu: VT, …`, the last item of a distribution list.
    static let luuItem = Pattern(#"^[-+]\s*l[uư]u\s*[:;.]"#)
    /// What OCR runs onto the end of the `Lưu:` item: a page number (`(L-40b).4`) or the next
    /// column's text (`ĐT. TN17.10Căn cứ …`): a full stop and a digit after a digit or `)`.
    static let luuTrailingDebris = Pattern(#"(?<=[)0-9])\.[0-9].*$"#)
    /// The first item of a distribution list (`- Như trên`, `- Như Điều 3`), for when OCR lost the
    /// `Nơi nhận:` label itself.
    static let firstDistributionItem = Pattern(#"^[-+•*]\s*nh[uư]\s*(?:tren|dieu|kinh gui|khoan)"#)
    /// `Như trên` ("as above": the Kính gửi recipients), the usual first item of the list, and its
    /// folded, space-free form for finding it in OCR that garbled its bullet and first letters
    /// (`H dệt ư trên;`).
    static let asAboveItem = "Như trên"
    static let asAboveKey = "nhutren"

    /// Lines that start the body of the letter: whatever comes after is not header, subject or
    /// recipients.
    static let bodyStart = Pattern(#"^(?:can cu|thuc hien|theo de nghi|xet de nghi|trong (?:thoi gian|nhung nam)|thoi gian qua,|nhan dip|de (?:thuc hien|trien khai|phong trao)|nham\b|"# + DateGrammar.datedOpening + ")")

    /// Signing modes (thể thức ký, Nghị định 30/2020, Điều 13): `KT.`, `TM.`, `TL.`, `TUQ.`, `Q.`.
    static let signingMode = Pattern(#"(?:^|\s)(kt|tm|tl|tuq|q)\s*[.,:]\s*([a-z][a-z .]{2,60}?)\s*$"#)

    /// Digital-signature boxes, e-mail and mail-server lines, Công báo running heads: never issuer,
    /// date or number.
    static let stampLine = Pattern(#"(?:ky boi|nguoi ky|thoi gian ky|ngay ky\s*:|email|e-mail|[a-z0-9._-]+@[a-z0-9-]+\.[a-z]|cong bao\s*/|^cong bao\b|chung thu|signed by|signature|\b\d{2}:\d{2}:\d{2}\b|\+07:00|co quan\s*:|to chuc\s*:|van ban dien tu|sao y|ban sao)"#)

    /// A gazette's running head (`CÔNG BÁO/Số 302/Ngày 02-06-2026   70`, the page number after
    /// it), which OCR may run into the line below it (the title `CHỈ THỊ`).
    static let gazetteHead = Pattern(#"^cong bao\s*/\s*so[^/]{0,20}/\s*ng[a4]y\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{4}(?:\s+[0-9]{1,4}(?=\s|$))?\s*"#)

    /// Lines that are not part of the letter: page markers of an OCR tool (`# PAGE 1`, a `#` and a
    /// space: a `#` run into other marks is OCR's garble of a hand-written number, `#::XC ta 7
    /// /UBND-KTTH`), rules, page numbers.
    static let noiseLine = Pattern(#"^(?:#(?=\s|$)|={3,}|-{3,}$|_{3,}$|[0-9]{1,3}$|page\s*[0-9]+|trang\s*[0-9]+\s*$)"#)

    /// Urgency marks (độ khẩn) printed or stamped: the line holds only the mark.
    static let urgencyMarks: [(Pattern, Urgency)] = [
        (Pattern(#"^\W*thuong\s*khan\W*$"#), .thuongKhan),
        (Pattern(#"^\W*hoa\s*toc\W*$"#), .hoaToc),
        (Pattern(#"^\W*khan\W*$"#), .khan),
    ]

    /// Items of the decision's own operative part that are not the subject.
    static let subjectStop = Pattern(#"^(?:can cu|kinh gui|thuc hien|xet de nghi|theo de nghi|dieu [0-9]|chuong [ivx0-9]|phan [ivx0-9]|[ivx]+[.\-]\s|[0-9]+\.\s|-{3,}|_{3,}|\*{2,}$|[.\-_*]{3,}$)"#)
}

/// Characters that OCR and old fonts put where a Vietnamese letter was meant: the eth (Ð, ð)
/// looks like Đ/đ and is never Vietnamese; ligatures come from PDF text layers.
enum OCRCharacterConfusions {
    static let table: [Unicode.Scalar: String] = ["Ð": "Đ", "ð": "đ", "ﬁ": "fi", "ﬂ": "fl", "\u{00AD}": ""]

    /// Replaces the look-alikes; returns the string itself when it has none (the usual case).
    static func apply(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 0xAD && table[$0] != nil }) else { return s }
        var out = ""
        for u in s.unicodeScalars { if let r = table[u] { out += r } else { out.unicodeScalars.append(u) } }
        return out
    }
    /// What OCR reads for a digit in a handwritten or stamped number (`6§0` for 660, `Ø1` for 01).
    static let digits: [Character: Character] = ["O": "0", "o": "0", "Ø": "0", "ø": "0", "D": "0", "Q": "0",
                                                 "l": "1", "I": "1", "|": "1", "i": "1", "!": "1",
                                                 "Z": "2", "z": "2", "S": "5", "s": "5", "§": "6", "b": "6",
                                                 "G": "6", "B": "8", "g": "9", "q": "9"]
    /// First letters of a family name as OCR misreads them (`Iê Đức Luận` → `Lê Đức Luận`).
    static let nameInitials: [Character: Character] = ["I": "L", "l": "L", "1": "L", "|": "L"]
}

/// Known OCR misreadings of the keywords above, as whole folded words → the right folded word of
/// the SAME length (so ranges stay aligned). Measured on seed s001 and the corpus OCR texts.
enum OCRWordConfusions {
    static let table: [String: String] = [
        "trude": "truoc", "trudc": "truoc", "truoe": "truoc", "tru6c": "truoc", "trwoc": "truoc",
        "ngav": "ngay", "ngiy": "ngay", "ngdy": "ngay",
        "thang": "thang", "thing": "thang", "tháng": "thang",
        "hoan": "hoan", "hodn": "hoan",
        "nhat": "nhat", "nhit": "nhat",
        "thoi": "thoi", "thot": "thoi",
    ]

    /// The table keyed by the ASCII word packed into an integer (the words are 4–5 letters).
    private static let packed: [UInt64: [UInt16]] = {
        var d: [UInt64: [UInt16]] = [:]
        for (k, v) in table where k.utf16.count == v.utf16.count && k.allSatisfy(\.isASCII) {
            d[pack(k.utf16)] = Array(v.utf16)
        }
        return d
    }()

    private static func pack<C: Collection>(_ units: C) -> UInt64 where C.Element == UInt16 {
        units.reduce(0) { $0 << 8 | UInt64($1 & 0xFF) }
    }

    /// Applies the table to a folded string, word by word, keeping its length.
    static func repair(_ folded: String) -> String {
        var units = Array(folded.utf16)
        var changed = false
        var i = 0
        while i < units.count {
            guard isLetter(units[i]) else { i += 1; continue }
            var j = i
            while j < units.count && (isLetter(units[j]) || (units[j] >= 0x30 && units[j] <= 0x39)) { j += 1 }
            if j - i >= 4 && j - i <= 5, let r = packed[pack(units[i..<j])], r != Array(units[i..<j]) {
                units.replaceSubrange(i..<j, with: r); changed = true
            }
            i = j
        }
        return changed ? Folding.string(utf16: units) : folded
    }

    private static func isLetter(_ u: UInt16) -> Bool { (u >= 0x61 && u <= 0x7A) }
}
