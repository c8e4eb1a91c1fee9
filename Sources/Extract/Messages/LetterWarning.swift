/// Something doubtful in a letter's record, for the clerk to check: a blank number, a date that
/// cannot be right, a day taken from the signature, a reading note. The JSON record carries each
/// as its English sentence (letter-record.md: `warnings` are human-readable strings); the index
/// keeps the value itself, so the CLI says it in the user's language.
public enum LetterWarning: Message, Codable, Hashable {
    /// Raised while reading the file (a blank page skipped, a replaced text layer …).
    case reading(ReadingNote)
    /// A check the initiative council's secretariat makes (see `ReviewCheck`).
    case review(ReviewCheck)
    case noText
    case notALetter
    case numberBlank(printed: String)
    case numberUnreadable
    case numberDigitsIllegible(symbol: String)
    case dayDoesNotExist(day: Int, month: Int, year: Int)
    case monthDoesNotExist(month: Int)
    case monthIllegible(year: Int)
    case dayFromSignatureTime(time: String)
    case dateAfterSigning(date: String, signed: String)
    /// The hand-written digits of the number or the day, chosen among the digit reader's readings.
    case handwrittenNumberChosen(digits: String, evidence: HandwrittenChoice.Evidence)
    case handwrittenDayChosen(day: Int, evidence: HandwrittenChoice.Evidence)
    /// The digit reader's runner-up for the number, nearly as likely as the digits chosen
    /// (`HandwrittenChoice.runnerUpShare`): for the clerk to check against the page.
    case handwrittenNumberAlsoRead(digits: String, confidence: Double)
    /// The month too was written by hand and OCR could not read it; the digit reader's reading was taken.
    case handwrittenMonthChosen(month: Int)
    /// The text came without diacritics and the restorer put them back, unsure of some syllables.
    case diacriticsRestored(uncertain: Int, syllables: Int)
    /// A warning stored by an earlier version as text only: shown as it was written.
    case legacy(String)

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.reading(let n), _): return n.text(lang)
        case (.review(let c), _): return c.text(lang)
        case (.noText, .vi): return "văn bản không có chữ"
        case (.noText, .en): return "the document has no text"
        case (.notALetter, .vi): return "tệp này không giống một văn bản hành chính: không thấy số, ngày, tên loại hay trích yếu"
        case (.notALetter, .en): return "this does not look like an official letter: no number, date, title or subject found"
        case (.numberBlank(let n), .vi): return "số hiệu: chưa điền số (\(n)): bản dự thảo chưa ký?"
        case (.numberBlank(let n), .en): return "number: the number is blank (\(n)): an unsigned draft?"
        case (.numberUnreadable, .vi): return "số hiệu: có chữ `Số:` nhưng không đọc được số và ký hiệu"
        case (.numberUnreadable, .en): return "number: `Số:` is there but no number or symbol could be read"
        case (.numberDigitsIllegible(let s), .vi): return "số hiệu: không đọc được chữ số (viết tay?); chỉ đọc được ký hiệu \(s)"
        case (.numberDigitsIllegible(let s), .en): return "number: the digits are illegible (handwritten?); only the symbol \(s) was read"
        case (.dayDoesNotExist(let d, let m, let y), .vi): return "ngày: \(d)/\(m)/\(y) không có thật; bỏ ngày"
        case (.dayDoesNotExist(let d, let m, let y), .en): return "date: \(d)/\(m)/\(y) does not exist; the day is left out"
        case (.monthDoesNotExist(let m), .vi): return "ngày: không có tháng \(m)"
        case (.monthDoesNotExist(let m), .en): return "date: month \(m) does not exist"
        case (.monthIllegible(let y), .vi): return "ngày: không đọc được tháng (viết tay?); chỉ đọc được năm \(y)"
        case (.monthIllegible(let y), .en): return "date: the month is illegible (handwritten?); only the year \(y) was read"
        case (.dayFromSignatureTime(let t), .vi): return "ngày: chữ số ngày bị nhòe, đã bổ sung theo thời gian ký số (\(t))"
        case (.dayFromSignatureTime(let t), .en): return "date: the day, garbled, was completed from the digital signature time (\(t))"
        case (.handwrittenNumberChosen(let d, let e), .vi): return "số hiệu: chữ số viết tay \(d) được chọn theo \(e.text(.vi))"
        case (.handwrittenNumberChosen(let d, let e), .en): return "number: the handwritten digits \(d) were chosen by \(e.text(.en))"
        case (.handwrittenNumberAlsoRead(let d, let c), .vi):
            return "số hiệu: bộ đọc chữ số viết tay cũng đọc được \(d) (độ tin cậy \(HandwrittenChoice.shown(c))): cần kiểm tra lại với bản giấy"
        case (.handwrittenNumberAlsoRead(let d, let c), .en):
            return "number: the handwritten-digit reader also read \(d) (confidence \(HandwrittenChoice.shown(c))): check it against the page"
        case (.handwrittenDayChosen(let d, let e), .vi): return "ngày: ngày viết tay \(d) được chọn theo \(e.text(.vi))"
        case (.handwrittenDayChosen(let d, let e), .en): return "date: the handwritten day \(d) was chosen by \(e.text(.en))"
        case (.handwrittenMonthChosen(let m), .vi): return "ngày: tháng viết tay \(m) do bộ đọc chữ số viết tay đọc"
        case (.handwrittenMonthChosen(let m), .en): return "date: the handwritten month \(m) was read by the handwritten-digit reader"
        case (.dateAfterSigning(let d, let t), .vi): return "ngày: \(d) ở sau lúc văn bản được ký (\(t)): đọc nhầm?"
        case (.dateAfterSigning(let d, let t), .en): return "date: \(d) is after the letter was signed (\(t)): misread?"
        case (.diacriticsRestored(let u, let n), .vi): return "dấu tiếng Việt được đặt lại theo mô hình ngôn ngữ: \(u)/\(n) âm tiết chưa chắc chắn"
        case (.diacriticsRestored(let u, let n), .en): return "diacritics restored by the language model: \(u) of \(n) syllables uncertain"
        case (.legacy(let s), _): return s
        }
    }

    /// A warning an earlier version stored as its English sentence. Its checks for the council
    /// (`initiative: …`) stay checks, so that an old index's reports keep them in the queue.
    public init(sentence: String) {
        self = sentence.hasPrefix("initiative:") ? .review(.legacy(sentence)) : .legacy(sentence)
    }

    /// The check the council's review queue keeps, when this is one.
    public var reviewCheck: ReviewCheck? {
        if case .review(let c) = self { return c }
        return nil
    }

    /// One example of every case, for the tests that render every message in both languages.
    public static let examples: [LetterWarning] =
        ReadingNote.examples.map(LetterWarning.reading) + ReviewCheck.examples.map(LetterWarning.review) + [
            .noText, .notALetter, .numberBlank(printed: "/UBND-VP"), .numberUnreadable,
            .numberDigitsIllegible(symbol: "/TB-UBND"), .dayDoesNotExist(day: 30, month: 2, year: 2025),
            .monthDoesNotExist(month: 13), .monthIllegible(year: 2026), .dayFromSignatureTime(time: "2025-02-07T17:12:11"),
            .diacriticsRestored(uncertain: 3, syllables: 412),
            .dateAfterSigning(date: "2025-02-09", signed: "2025-02-07T17:12:11+07:00"),
            .handwrittenNumberAlsoRead(digits: "9180", confidence: 0.68),
        ] + HandwrittenChoice.Evidence.examples.flatMap { e in
            [LetterWarning.handwrittenNumberChosen(digits: "574", evidence: e), .handwrittenDayChosen(day: 4, evidence: e)] + [.handwrittenMonthChosen(month: 3)]
        }
}

/// What the initiative council's secretariat checks on a report before the review: the form's
/// sections, each author's particulars, shares, row numbers, dates, near-duplicates.
public enum ReviewCheck: Message, Codable, Hashable {
    case sectionMissing(section: String, heading: String)
    case noAuthor
    case authorsWithoutTable
    case authorWithoutBirthDate(author: String)
    case authorWithoutShare(author: String)
    case sharesTotal(percent: String)
    case rowNumberRepeated(row: Int, times: Int)
    case noFirstApplication
    case firstAppliedAfterReport(first: String, report: String)
    case firstAppliedInFuture(first: String)
    case nearDuplicate(of: Int64, title: String, similarity: Double)
    /// A check stored by an earlier version as text only: shown as it was written.
    case legacy(String)

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.sectionMissing(let s, let h), .vi): return "sáng kiến: thiếu mục \(s) (\(h))"
        case (.sectionMissing(let s, _), .en): return "initiative: section \(s) is missing"
        case (.noAuthor, .vi): return "sáng kiến: không thấy tác giả"
        case (.noAuthor, .en): return "initiative: no author found"
        case (.authorsWithoutTable, .vi): return "sáng kiến: tác giả được liệt kê không theo bảng của mẫu: không có ngày sinh hay tỷ lệ đóng góp"
        case (.authorsWithoutTable, .en): return "initiative: authors are listed without the form's table: no birth dates or shares"
        case (.authorWithoutBirthDate(let a), .vi): return "sáng kiến: tác giả \(a) không có ngày sinh"
        case (.authorWithoutBirthDate(let a), .en): return "initiative: author \(a) has no birth date"
        case (.authorWithoutShare(let a), .vi): return "sáng kiến: tác giả \(a) không có tỷ lệ đóng góp"
        case (.authorWithoutShare(let a), .en): return "initiative: author \(a) has no share"
        case (.sharesTotal(let p), .vi): return "sáng kiến: tổng tỷ lệ đóng góp là \(p) %, không phải 100 %"
        case (.sharesTotal(let p), .en): return "initiative: author shares add to \(p) %, not 100 %"
        case (.rowNumberRepeated(let r, let n), .vi): return "sáng kiến: bảng tác giả có \(n) dòng số \(r)"
        case (.rowNumberRepeated(let r, let n), .en): return "initiative: the authors' table numbers \(n) rows \(r)"
        case (.noFirstApplication, .vi): return "sáng kiến: mục I.4 không có ngày áp dụng lần đầu"
        case (.noFirstApplication, .en): return "initiative: no date of first application in section I.4"
        case (.firstAppliedAfterReport(let f, let r), .vi): return "sáng kiến: áp dụng lần đầu ngày \(f), sau ngày của báo cáo \(r)"
        case (.firstAppliedAfterReport(let f, let r), .en): return "initiative: first applied on \(f), after the report's date \(r)"
        case (.firstAppliedInFuture(let f), .vi): return "sáng kiến: áp dụng lần đầu ngày \(f), là ngày chưa tới"
        case (.firstAppliedInFuture(let f), .en): return "initiative: first applied on \(f), a date still to come"
        case (.nearDuplicate(let id, let t, let s), .vi):
            return "gần trùng với sáng kiến #\(id) (\(t)) — độ giống \(Self.decimal(s, ","))"
        case (.nearDuplicate(let id, let t, let s), .en):
            return "near-duplicate of #\(id) (\(t)) — similarity \(Self.decimal(s, "."))"
        case (.legacy(let s), _): return s
        }
    }

    private static func decimal(_ v: Double, _ point: String) -> String {
        let hundredths = Int((v * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100)\(point)\(frac < 10 ? "0" : "")\(frac)"
    }

    /// One example of every case, for the tests that render every message in both languages.
    public static let examples: [ReviewCheck] = [
        .sectionMissing(section: "I.2", heading: "Nội dung sáng kiến"), .noAuthor, .authorsWithoutTable,
        .authorWithoutBirthDate(author: "Lê Tuấn Phú"), .authorWithoutShare(author: "Lê Tuấn Phú"),
        .sharesTotal(percent: "90"), .rowNumberRepeated(row: 2, times: 2), .noFirstApplication,
        .firstAppliedAfterReport(first: "2025-03-01", report: "2025-02-01"),
        .firstAppliedInFuture(first: "2027-01-01"), .nearDuplicate(of: 3, title: "Số hóa hồ sơ", similarity: 0.91),
    ]
}
