import ArgumentParser
import Vocabulary
import Foundation
import Extract
import Store

/// `vanthu assign`: hands a letter, and its deadlines not yet done, to a unit (and a person).
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Giao văn bản (và các hạn xử lý của nó) cho một đơn vị, một người.",
        discussion: """
            Mọi thay đổi được ghi lại, kèm thời gian (giờ Việt Nam) và người thay đổi.
            Ví dụ / examples:
              vanthu assign 2164/UBND-KGVX --to "Phòng Nội vụ" --person "Nguyễn Văn A" --due 15/12/2026
              vanthu assign 12 --to "Văn phòng" --note "trình lãnh đạo"
            """)

    @OptionGroup var index: IndexOptions
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Mã văn bản (#id) hoặc số, ký hiệu (2164/UBND-KGVX; hoa thường, QD đều được).") var letter: String
    @Option(name: .long, help: "Đơn vị nhận.") var to: String
    @Option(name: .long, help: "Người nhận.") var person: String?
    @Option(name: .long, help: "Thời hạn giải quyết (YYYY-MM-DD hoặc dd/mm/yyyy).") var due: DayArgument?
    @Option(name: .long, help: "Ghi chú (việc phải làm).") var note: String?
    @Option(name: .long, help: "Người giao (mặc định: người dùng hệ thống).") var by: String?

    func validate() throws {
        if to.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(AssignMsg.emptyUnit.text(global.language)) }
    }

    func run() throws {
        let lang = global.language
        let store = try index.open()
        let rows = try LetterLookup.letters(letter, in: store, lang: lang)
        guard rows.count == 1, let row = rows.first else {
            Console.error(LookupMsg.several(letter, rows.count).text(lang)); throw ExitCode(1)
        }
        try store.assign(letterID: row.id!, unit: to, person: person, due: due?.date, note: note, by: Today.actor(by))
        print(AssignMsg.assigned(number: row.numberText ?? "#\(row.id!)", unit: to, person: person, due: due?.date.iso).text(lang))
    }
}

enum AssignMsg {
    case emptyUnit
    case assigned(number: String, unit: String, person: String?, due: String?)

    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .emptyUnit: return vi ? "Lỗi: --to trống" : "error: --to is empty"
        case .assigned(let n, let unit, let person, let due):
            let who = unit + (person.map { " — \($0)" } ?? "")
            let when = due.map { vi ? ", hạn \(RegisterCells.display($0))" : ", due \($0)" } ?? ""
            return vi ? "Đã giao văn bản \(n) cho \(who)\(when)." : "Assigned letter \(n) to \(who)\(when)."
        }
    }
}
