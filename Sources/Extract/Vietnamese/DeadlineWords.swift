/// The wording of deadlines in Vietnamese letters, as regular expressions over FOLDED text.
///
/// A date is a deadline only when one of these words sets it: a bare date tells when something
/// happens or happened (a meeting, an effective date, a cited document) and is left out.
enum DeadlineWords {
    /// Words before a day: `trước ngày`, `chậm nhất (là/vào) ngày`, `hạn chót`, `không quá ngày`
    /// (not `đến hết ngày`: in the corpus it closes a period — flags flown, a holiday — not a task), `hoàn thành trước ngày`, `hạn nộp`.
    static let beforeDay = #"(?:truoc|cham nhat(?:\s+(?:la|vao|truoc))*|han chot(?:\s+la)?|han cuoi(?:\s+la)?|han nop(?:\s+la)?|khong qua|khong muon hon|thoi han(?:\s+(?:la|nop|gui))?|truoc han)\s*(?:ngay|ngay\s+thu\s+\w+,?)?\s*"#
    /// Words before a month, quarter or year: `hoàn thành trong tháng 5/2025`, `trước quý III/2025`,
    /// `chậm nhất trong tháng 11 hằng năm`. Group 1 tells `truoc` (before: the period before)
    /// from `trong` (within: the period's end).
    static let beforePeriod = #"(?:hoan thanh|thuc hien xong|xong|cham nhat|hoan tat|bao cao|gui)?\s*(trong|truoc|vao|trong thoi gian|den het|cuoi)\s*"#
    /// `hằng năm` / `hàng năm`, `hằng tháng`, `hằng tuần`.
    static let yearly = #"h[a]ng\s*nam"#
    static let monthly = #"h[a]ng\s*thang"#
    /// Roman or Arabic quarter numbers.
    static let quarters: [String: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
    /// Days of the week (thứ Hai … Chủ nhật), Monday = 0.
    static let weekdays: [String: Int] = ["thu hai": 0, "thu ba": 1, "thu tu": 2, "thu nam": 3, "thu sau": 4,
                                          "thu bay": 5, "chu nhat": 6]
    /// `vào thứ Sáu hằng tuần`, `định kỳ thứ Hai hàng tuần`.
    static let weekly = #"(?:vao|dinh ky|truoc|cham nhat)(?:\s+(?:vao|ngay|truoc))*\s*(thu hai|thu ba|thu tu|thu nam|thu sau|thu bay|chu nhat)\s*h[a]ng\s*tuan"#
    /// `kể từ ngày 20/10/2025 đến hết ngày 31/10/2025, Hội đồng có trách nhiệm …`: a window for a
    /// task, when an obligation follows in the same sentence (a bare period — flags flown, a
    /// holiday, a posting — is not a deadline).
    static let windowWithDuty = #"(?:ke tu|tu)\s*ngay\s*[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{4})?\s*den het ngay\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?=[^.;]{0,80}(?:trach nhiem|phai|hoan thanh|gui|nop|bao cao|to chuc))"#
    /// `trong thời hạn 15 ngày kể từ ngày ký` (or `ban hành`, `nhận được`).
    static let relative = #"(?:trong (?:thoi han|vong)|khong qua|cham nhat(?: la)?)\s*([0-9]{1,3})\s*ngay(\s*lam viec)?\s*(?:,\s*)?(?:ke tu|tinh tu)\s*ngay\s*(ky|ban hanh|van ban nay|cong van nay|nhan)"#
}
