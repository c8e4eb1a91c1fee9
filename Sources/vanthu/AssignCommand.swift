import ArgumentParser
import Vocabulary
import Foundation
import Extract
import Store

/// `vanthu assign`: hands a letter, and its deadlines not yet done, to a unit (and a person).
struct AssignCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "assign", abstract: Help.assign.here, discussion: Help.assignMore.here)
    }

    @OptionGroup var index: IndexOptions
    @OptionGroup var global: GlobalOptions
    @Argument(help: Help.letterArgument.argument) var letter: String
    @Option(name: .long, help: Help.assignTo.argument) var to: String
    @Option(name: .long, help: Help.assignPerson.argument) var person: String?
    @Option(name: .long, help: Help.assignDue.argument) var due: DayArgument?
    @Option(name: .long, help: Help.note.argument) var note: String?
    @Option(name: .long, help: Help.by.argument) var by: String?

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
