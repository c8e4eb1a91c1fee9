import ArgumentParser
import Vocabulary
import Store

/// A letter as a clerk names it on the command line: its id (`#12` or `12`), or its number as
/// printed, in any case, with spaces, `QD` for `QĐ`. When nothing matches, the closest numbers
/// are named on stderr and the command fails.
enum LetterLookup {
    static func letters(_ typed: String, in store: any LetterIndex, lang: Lang) throws -> [LetterRow] {
        let s = typed.hasPrefix("#") ? String(typed.dropFirst()) : typed
        if let id = Int64(s), let row = try store.letter(id: id) { return [row] }
        let rows = try store.letters(numbered: typed)
        if !rows.isEmpty { return rows }
        let near = try store.closestLetters(to: typed)
        Console.error(LookupMsg.none(typed).text(lang))
        if !near.isEmpty {
            Console.error(LookupMsg.closest.text(lang))
            for r in near { Console.error("  #\(r.id!)  \(r.numberText ?? "—")  \(r.date ?? "")  \(r.subject ?? "")") }
        }
        throw ExitCode(1)
    }
}

enum LookupMsg {
    case none(String)
    case closest
    case several(String, Int)

    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .none(let s): return vi ? "Lỗi: không tìm thấy văn bản \(s)" : "error: no letter \(s)"
        case .closest: return vi ? "Gần nhất:" : "Closest:"
        case .several(let s, let n):
            return vi ? "Lỗi: có \(n) văn bản số \(s); chọn theo mã (#id)" : "error: \(n) letters are numbered \(s); name one by its id (#id)"
        }
    }
}

/// The register line `show` prints under a letter.
enum ShowRegisterMsg {
    case entry(number: Int, year: Int, date: String, unit: String?, person: String?)

    func text(_ lang: Lang) -> String {
        switch self {
        case .entry(let n, let y, let date, let unit, let person):
            let who = [unit, person].compactMap { $0 }.joined(separator: " — ")
            if lang == .vi {
                return "Số đến \(n)/\(y), ngày đến \(RegisterCells.display(date))" + (who.isEmpty ? "" : ", giao \(who)")
            }
            return "Arrival number \(n)/\(y), arrived \(date)" + (who.isEmpty ? "" : ", assigned to \(who)")
        }
    }
}
