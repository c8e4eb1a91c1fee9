/// The wording of deadlines in Vietnamese letters, as regular expressions over FOLDED text.
///
/// A date is a deadline only when one of these words sets it: a bare date tells when something
/// happens or happened (a meeting, an effective date, a cited document) and is left out.
enum DeadlineWords {
    /// Words before a day: `trước ngày`, `chậm nhất (là/vào) ngày`, `hạn chót`, `đến hết ngày`,
    /// `không quá ngày`, `hoàn thành trước ngày`, `hạn nộp`.
    static let beforeDay = #"(?:truoc|cham nhat(?:\s+(?:la|vao|truoc))*|han chot(?:\s+la)?|han cuoi(?:\s+la)?|han nop(?:\s+la)?|den het|khong qua|khong muon hon|thoi han(?:\s+(?:la|nop|gui))?|truoc han)\s*(?:ngay|ngay\s+thu\s+\w+,?)?\s*"#
    /// Words before a month, quarter or year: `hoàn thành trong tháng 5/2025`, `trước quý III/2025`,
    /// `chậm nhất trong tháng 11 hằng năm`. Group 1 tells `truoc` (before: the period before)
    /// from `trong` (within: the period's end).
    static let beforePeriod = #"(?:hoan thanh|thuc hien xong|xong|cham nhat|hoan tat|bao cao|gui)?\s*(trong|truoc|vao|trong thoi gian|den het|cuoi)\s*"#
    /// `hằng năm` / `hàng năm`, `hằng tháng`, `hằng tuần`.
    static let yearly = #"h[a]ng nam"#
    static let monthly = #"h[a]ng thang"#
    /// Roman or Arabic quarter numbers.
    static let quarters: [String: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
    /// `trong thời hạn 15 ngày kể từ ngày ký` (or `ban hành`, `nhận được`).
    static let relative = #"(?:trong (?:thoi han|vong)|khong qua|cham nhat(?: la)?|sau)\s*([0-9]{1,3})\s*ngay(\s*lam viec)?\s*(?:,\s*)?(?:ke tu|tinh tu)\s*ngay\s*(ky|ban hanh|van ban nay|cong van nay|nhan)"#
}
