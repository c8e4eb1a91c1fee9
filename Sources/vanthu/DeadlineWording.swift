import Vocabulary
import Foundation
import Extract
import Store

/// How deadlines are said to a person: recurrence as words, a due date at its precision, the
/// CSV's headers and statuses, in Vietnamese and English.
enum DeadlineWording {
    case recurrence(String)
    /// `due` at `precision`: `tháng 11/2026` for a month, `quý IV/2026`, `năm 2026`, else the day.
    case due(String, precision: String)
    case status(DeadlineRow.Status)
    case csvHeaders
    case unitHeader
    case repeatHeader
    case noUnit

    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .recurrence(let r):
            switch r {
            case "weekly": return vi ? "hằng tuần" : "weekly"
            case "monthly": return vi ? "hằng tháng" : "monthly"
            case "quarterly": return vi ? "hằng quý" : "quarterly"
            case "yearly": return vi ? "hằng năm" : "yearly"
            default: return r
            }
        case .due(let iso, let precision):
            guard let d = CalendarDate(iso: iso), let m = d.month else { return iso }
            switch precision {
            case "month": return vi ? "tháng \(m)/\(d.year)" : "\(Self.monthNames[m - 1]) \(d.year)"
            case "quarter":
                let q = ["I", "II", "III", "IV"][(m - 1) / 3]
                return vi ? "quý \(q)/\(d.year)" : "Q\((m - 1) / 3 + 1) \(d.year)"
            case "year": return vi ? "năm \(d.year)" : "\(d.year)"
            default: return iso
            }
        case .status(let s):
            switch s {
            case .open: return vi ? "chưa xong" : "open"
            case .done: return vi ? "đã xong" : "done"
            case .lapsed: return vi ? "đã qua kỳ" : "lapsed"
            }
        case .csvHeaders:
            return (vi ? ["Mã", "Hạn", "Còn lại (ngày)", "Trạng thái", "Độ chính xác", "Lặp lại", "Số hiệu",
                          "Cơ quan ban hành", "Ngày văn bản", "Việc phải làm", "Đơn vị", "Người xử lý",
                          "Người đánh dấu xong", "Ghi chú"]
                       : ["ID", "Due", "Days left", "Status", "Precision", "Recurrence", "Number", "Issuer",
                          "Letter date", "Task", "Unit", "Person", "Closed by", "Note"]).joined(separator: "\t")
        case .unitHeader: return vi ? "Đơn vị" : "Unit"
        case .repeatHeader: return vi ? "Lặp lại" : "Repeats"
        case .noUnit: return vi ? "(chưa giao)" : "(unassigned)"
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func precisionWord(_ p: String, _ lang: Lang) -> String {
        let vi = lang == .vi
        switch p {
        case "day": return vi ? "ngày" : "day"
        case "month": return vi ? "tháng" : "month"
        case "quarter": return vi ? "quý" : "quarter"
        case "year": return vi ? "năm" : "year"
        default: return p
        }
    }
}

extension String {
    /// The text broken into lines of at most `width` characters at spaces; a word longer than
    /// the width is cut.
    func wrapped(_ width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in split(whereSeparator: { $0.isWhitespace }) {
            var w = Substring(word)
            while w.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(w.prefix(width))); w = w.dropFirst(width)
            }
            if current.isEmpty { current = String(w) }
            else if current.count + 1 + w.count <= width { current += " " + w }
            else { lines.append(current); current = String(w) }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
