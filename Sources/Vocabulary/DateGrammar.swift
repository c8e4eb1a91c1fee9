import Foundation

/// How Vietnamese letters write a date, once, for every reader: the header's `Quảng Ngãi, ngày 17
/// tháng 4 năm 2025`, a cited letter's `ngày 17/4/2025`, a deadline's `trước ngày 10 tháng 5 năm
/// 2026` or `trong tháng 5/2025`, a stamp's `Ngày: 12/3/2025`, a signature box's `07/02/2025
/// 17:12:11`. Day first (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục 5: "ngày … tháng … năm …", days
/// below 10 and months below 3 written with a leading zero, which is therefore optional here).
///
/// The patterns run on FOLDED text (see `Folding`: lower case, no diacritics, đ→d). The OCR
/// variants in the word classes are the ones measured on the corpus scans and seed s001 (`ng4y`,
/// `thamg`, `nam` read `nan`). Parsers that need a date in a longer phrase build on the fragments
/// (`numericDay`, `dayMonthYear`, `monthYear`); none writes its own.
public enum DateGrammar {
    /// Years a letter, a cited document or a stamp can carry (birth dates of authors included).
    public static let years: ClosedRange<Int> = 1900...2100

    // MARK: - Words

    /// `ngày`, `tháng`, `năm` folded, with their OCR misreadings.
    public static let dayWord = #"ng[a4]y"#
    public static let monthWord = #"th[a4][nm]g"#
    public static let yearWord = #"n[a4][mn]"#
    /// Any of the three.
    public static let anyWord = "(?:" + dayWord + "|" + monthWord + "|" + yearWord + ")"

    /// The folded words a written date starts with (`ngày 29 tháng 2 …`, `tháng 2/2024`).
    public static let startWords: Set<String> = ["ngay", "thang"]

    // MARK: - Fragments for other patterns (capture groups noted)

    /// `17/4/2025`, `17-04-2025`, `17.4.2025`: groups day, month, year.
    public static let numeric = #"([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})"#
    /// `ngày 30 tháng 12 năm 2023` without the leading word: groups day, month, year.
    public static let worded = #"([0-9]{1,2})\s*thang\s*([0-9]{1,2})\s*nam\s*([0-9]{4})"#
    /// After a deadline's `trước ngày`: `15/12/2025`, `25/9` (year from the letter), `15/12/25`,
    /// `10 tháng 5 năm 2026`, `10 tháng 5`. Groups: 1 day, then 2 month 3 year (numeric) or
    /// 4 month 5 year (worded).
    public static let dayMonthOptionalYear = #"([0-9]{1,2})\s*(?:[/.-]\s*([0-9]{1,2})(?:\s*[/.-]\s*([0-9]{4}|[0-9]{2})(?![0-9]))?|thang\s*([0-9]{1,2})(?:\s*(?:nam|[/.-])\s*([0-9]{4}))?)"#
    /// `tháng 5/2025`, `tháng 5 năm 2025`: groups month, year.
    public static let monthYear = #"thang\s*([0-9]{1,2})\s*(?:[/.-]|nam)\s*([0-9]{4})"#
    /// `tháng 5/2025`, `tháng 5 năm 2025`, or `tháng 11` and then what the caller gives
    /// (a recurrence word: `tháng 11 hằng năm`): groups month, year, the caller's alternative.
    public static func monthYear(or alternative: String) -> String {
        #"thang\s*([0-9]{1,2})\s*(?:(?:[/.-]|nam)\s*([0-9]{4})|("# + alternative + "))"
    }
    /// `ngày 20` before a recurrence word: group day.
    public static let dayAlone = #"ngay\s*([0-9]{1,2})\s*"#
    /// `năm 2026` in a deadline (`hoàn thành trong năm 2026`): group year.
    public static let yearAlone = #"nam\s*([0-9]{4})(?![0-9/-])"#
    /// A dated opening of the body (`Ngày 12 tháng 3 năm 2025, …`, `Ngày 12/3/2025, …`).
    public static let datedOpening = #"ngay [0-9]+ thang [0-9]+ nam [0-9]+, |ngay [0-9]{1,2}/[0-9]{1,2}/[0-9]{4},"#

    // MARK: - Whole patterns

    /// `, ngày 17 tháng 4 năm 2025` in the header, the day and month possibly blank or garbled
    /// by OCR (`ngày.24_ tháng ({ năm 2026`: a handwritten day or month read as marks): each part
    /// is read on its own, so a garbled day or month loses only itself, never the place or the
    /// year. Groups: 1 the text between the comma and `tháng` (holds the day), 2 the text between
    /// `tháng` and `năm` (holds the month), 3 year. The `ngày` itself may be garbled with the
    /// hand-written day beside it (`Phú Thọ, này S tháng`, `Bình Dương, hoài É Ô số tháng`): up to
    /// a dozen characters stand for both. So may `năm` with a hand-written month (`tháng 4:¿..
    /// 2026`, `tháng Ñ ĐỂ. băm 2023`): then a space and a year that ends there. OCR may make a
    /// line of its own of the tall hand-written digits that the layout runs into the date's row
    /// (`ngày /ƒ 2 ~« ` %® tháng`, `tháng : ý: cớ, , ANH Ð- cự” // năm 2025`): up to
    /// `handMarks` characters stand for the day or the month. (Generated letters: 8 of 1 560 lost
    /// their date whole, place and year with it, with 14 and 6; with these 32 and
    /// `placeDateWithoutComma`, one, whose row the layout had cut: see `LetterPageLayout.rows`.)
    public static let handMarks = 32
    public static let placeDate = Pattern(#",\s*(ng.{0,\#(handMarks)}?|[^,]{0,12}?)"# + monthAndYear)
    /// The same line with the comma after the place lost (`Hà Nội ngày 5 tháng 3 năm 2025`):
    /// from `ngày` on, the same groups. The caller checks that a place's name stands before it
    /// (a deadline in the body, `trước ngày 30 tháng 6 năm 2025`, has none).
    public static let placeDateWithoutComma = Pattern(#"(?:^|\s)(ng.{0,\#(handMarks)}?)"# + monthAndYear)
    /// Both lines from `tháng` on: groups 2 the month's text, 3 the year.
    private static let monthAndYear = #"\s*"# + monthWord + #"\s*(.{0,\#(handMarks)}?)(?:\s*"# + yearWord
        + #"\s*|\s+(?=[12][0-9]{3}(?![0-9])))([12][0-9]{3})"#
    /// A month that is only a number (`4`, `12,`, `04 -`): anything else between `tháng` and
    /// `năm` is a month OCR garbled. Group 1 the month.
    public static let cleanMonth = Pattern(#"^\s*([0-9]{1,2})?\s*[-.,]?\s*$"#)
    /// `ngày 17`, `ngay  7`: the word, spaces, one or two digits, nothing else (a clean day).
    public static let cleanDay = Pattern("^" + dayWord + #"\s*[0-9]{0,2}\s*$"#)
    /// The date right after a cited number (`ngày 17/4/2025`, `ngày 30 tháng 12 năm 2023`):
    /// groups 1–3 numeric day, month, year; 1, 4, 5 worded.
    public static let citedDate = Pattern(#"^[\s,(]*(?:ban hanh\s*)?ngay\s*([0-9]{1,2})\s*(?:[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4})|thang\s*([0-9]{1,2})\s*nam\s*([0-9]{4}))"#)
    /// A place-and-date line above a report's signatures (`Quảng Ngãi, ngày 10 tháng 3 năm 2025`).
    public static let placeDateLine = Pattern(#"^.{1,60}?\bngay\b.*\bthang\b.*\bnam\b"#)
    /// A date or a month in a form's field (`29/02/2024`, `ngày 29 tháng 02 năm 2024`, `tháng
    /// 02/2024`, `tháng 2 năm 2024`): groups 1–3 numeric, 4–6 worded, 7–8 month and year.
    public static let fieldDate = Pattern(#"(?<![0-9])"# + numeric + #"(?![0-9])|\bngay\s*"# + worded + #"|\b"# + monthYear)

    // MARK: - Reading

    /// The first date in a folded text written day first with separators (`12/3/2025`,
    /// `12-03-2025`, `12.03.25`): a stamp's or a table's date. Nil when none or not a real date.
    public static func numericDate(in s: String) -> CalendarDate? {
        guard let m = numericAnyYear.firstMatch(in: s), let d = Int(s.slice(m.range(at: 1))),
              let mo = Int(s.slice(m.range(at: 2))), var y = Int(s.slice(m.range(at: 3))) else { return nil }
        if y < 100 { y += 2000 }
        return CalendarDate.valid(y, mo, d)
    }
    private static let numericAnyYear = Pattern(#"([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})\s*[/.-]\s*([0-9]{4}|[0-9]{2})\b"#)

    /// A signing time written `07/02/2025 17:12:11` (dots or dashes too, seconds optional) as
    /// ISO `2025-02-07T17:12:11` (the zone is the box's own, Vietnam time); nil when none.
    public static func dateTime(in s: String) -> String? {
        guard let m = numericDateTime.firstMatch(in: s),
              let d = Int(s.slice(m.range(at: 1))), let mo = Int(s.slice(m.range(at: 2))),
              let y = Int(s.slice(m.range(at: 3))), let h = Int(s.slice(m.range(at: 4))),
              let mi = Int(s.slice(m.range(at: 5))), CalendarDate.valid(y, mo, d) != nil, h < 24, mi < 60 else { return nil }
        let sec = m.group(6).flatMap { Int(s.slice($0)) } ?? 0
        guard sec < 60 else { return nil }
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, sec)
    }
    private static let numericDateTime = Pattern(#"([0-9]{1,2})\s*[/.\-]\s*([0-9]{1,2})\s*[/.\-]\s*([0-9]{4})[ ,]+([0-9]{1,2})\s*:\s*([0-9]{2})(?:\s*:\s*([0-9]{2}))?"#)

    /// A bare signing timestamp line of a signature box (`24.01.2025 20:01:14 +07:00`).
    public static let timestampLine = Pattern(#"^\s*[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4}\s+[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\s*[+-][0-9]{2}:?[0-9]{2})?\s*$"#)
    /// A zone wrapped to its own line (`+07:00`).
    public static let zoneLine = Pattern(#"^\s*[+-][0-9]{2}:[0-9]{2}\s*$"#)

    /// The first date of a form's field, folded text (see `fieldDate`); a month alone gives a
    /// month-precision date.
    public static func firstFieldDate(in folded: String) -> CalendarDate? {
        for m in fieldDate.matches(in: folded) {
            func int(_ g: Int) -> Int? { m.group(g).flatMap { Int(folded.slice($0)) } }
            if let d = int(1), let mo = int(2), let y = int(3), let date = CalendarDate.valid(y, mo, d) { return date }
            if let d = int(4), let mo = int(5), let y = int(6), let date = CalendarDate.valid(y, mo, d) { return date }
            if let mo = int(7), let y = int(8), (1...12).contains(mo), years.contains(y) { return CalendarDate(year: y, month: mo) }
        }
        return nil
    }
}

extension String {
    /// The substring at a UTF-16 range of this string (or of its folded twin).
    func slice(_ r: NSRange) -> String {
        guard r.location != NSNotFound else { return "" }
        return (self as NSString).substring(with: r)
    }
}
