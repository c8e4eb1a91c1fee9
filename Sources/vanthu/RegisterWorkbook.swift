import Vocabulary
import CXlsxWriter
import Foundation
import Extract
import Store

/// The register as an Excel workbook, written by libxlsxwriter: the sổ đăng ký văn bản đến on the
/// first sheet, the sổ theo dõi giải quyết on the second, each with a title row over its
/// Phụ lục IV columns, column widths fit for the text, and dates as Excel dates (dd/mm/yyyy).
struct RegisterWorkbook {
    struct Failure: Error { let reason: String }

    let lang: Lang
    let year: Int?

    func write(_ entries: [RegisterEntry], to path: String) throws {
        guard let book = workbook_new(path) else { throw Failure(reason: "libxlsxwriter: workbook_new") }
        let title = workbook_add_format(book)
        format_set_bold(title); format_set_font_size(title, 14); format_set_align(title, UInt8(LXW_ALIGN_CENTER.rawValue))
        let header = workbook_add_format(book)
        format_set_bold(header); format_set_text_wrap(header); format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_align(header, UInt8(LXW_ALIGN_CENTER.rawValue)); format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        let text = workbook_add_format(book)
        format_set_text_wrap(text); format_set_border(text, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_align(text, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let date = workbook_add_format(book)
        format_set_num_format(date, "dd/mm/yyyy"); format_set_border(date, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_align(date, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let number = workbook_add_format(book)
        format_set_border(number, UInt8(LXW_BORDER_THIN.rawValue)); format_set_align(number, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let formats = Formats(title: title, header: header, text: text, date: date, number: number)

        // Column widths in characters: dates and numbers narrow, the subject wide.
        let register = workbook_add_worksheet(book, RegisterMsg.sheetName(tracking: false).text(lang))
        sheet(register, formats, title: RegisterMsg.registerTitle(year: year).text(lang),
              columns: RegisterMsg.columns(.registerColumns, lang), widths: [12, 8, 30, 20, 12, 50, 24, 10, 20],
              rows: entries.map { e in
                  let c = RegisterCells(entry: e, lang: lang)
                  return [.date(e.arrivalDate), .number(Double(e.arrivalNumber)), .text(e.issuer), .text(e.number),
                          .date(e.date), .text(c.kindAndSubject), .text(c.receiver), .text(nil), .text(e.note)]
              })
        let tracking = workbook_add_worksheet(book, RegisterMsg.sheetName(tracking: true).text(lang))
        sheet(tracking, formats, title: RegisterMsg.trackingTitle(year: year).text(lang),
              columns: RegisterMsg.columns(.trackingColumns, lang), widths: [8, 50, 24, 12, 16, 20, 20],
              rows: entries.map { e in
                  let c = RegisterCells(entry: e, lang: lang)
                  return [.number(Double(e.arrivalNumber)), .text(c.letterLine), .text(c.receiver), .date(e.due),
                          .text(c.progress), .text(e.replyNumber), .text(e.note)]
              })
        let status = workbook_close(book)
        guard status == LXW_NO_ERROR else { throw Failure(reason: String(cString: lxw_strerror(status))) }
    }

    struct Formats {
        let title, header, text, date, number: UnsafeMutablePointer<lxw_format>?
    }

    enum Cell {
        case text(String?)
        case number(Double)
        /// ISO; a complete date becomes an Excel date, a partial one (`2026-11`) stays text.
        case date(String?)
    }

    private func sheet(_ ws: UnsafeMutablePointer<lxw_worksheet>?, _ f: Formats, title: String, columns: [String],
                       widths: [Double], rows: [[Cell]]) {
        let last = lxw_col_t(columns.count - 1)
        worksheet_merge_range(ws, 0, 0, 0, last, title, f.title)
        worksheet_set_row(ws, 0, 24, nil)
        for (i, w) in widths.enumerated() { worksheet_set_column(ws, lxw_col_t(i), lxw_col_t(i), w, nil) }
        for (i, name) in columns.enumerated() { worksheet_write_string(ws, 1, lxw_col_t(i), name, f.header) }
        worksheet_freeze_panes(ws, 2, 0)
        for (r, cells) in rows.enumerated() {
            let row = lxw_row_t(r + 2)
            for (i, cell) in cells.enumerated() {
                let col = lxw_col_t(i)
                switch cell {
                case .text(let s): 
                    if let s, !s.isEmpty { worksheet_write_string(ws, row, col, s, f.text) } else { worksheet_write_blank(ws, row, col, f.text) }
                case .number(let n): worksheet_write_number(ws, row, col, n, f.number)
                case .date(let iso):
                    if let iso, let d = CalendarDate(iso: iso), d.isComplete {
                        var dt = lxw_datetime(year: Int32(d.year), month: Int32(d.month!), day: Int32(d.day!), hour: 0, min: 0, sec: 0)
                        worksheet_write_datetime(ws, row, col, &dt, f.date)
                    } else if let iso {
                        worksheet_write_string(ws, row, col, RegisterCells.display(iso), f.text)
                    } else {
                        worksheet_write_blank(ws, row, col, f.text)
                    }
                }
            }
        }
    }
}
