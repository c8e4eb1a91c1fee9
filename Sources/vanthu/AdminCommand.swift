import ArgumentParser
import Foundation
import PostgresStore
import ProvinceQueue
import Vocabulary

/// `vanthu admin`: the province's set-up on a PostgreSQL index, run by its owner.
struct AdminCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "admin", abstract: Help.admin.here,
                             subcommands: [AddOfficeCommand.self, OfficesCommand.self])
    }
}

/// `vanthu admin add-office CODE NAME`: the office, its NOLOGIN role and its row-level policies.
struct AddOfficeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add-office", abstract: Help.adminAddOffice.here, discussion: Help.adminAddOfficeMore.here)
    }

    @OptionGroup var index: IndexOptions
    @OptionGroup var global: GlobalOptions
    @Argument(help: Help.officeCode.argument) var code: String
    @Argument(help: Help.officeName.argument) var name: String

    func validate() throws {
        do { try OfficeAdmin.validate(code) } catch let e as PostgresStoreError { throw ValidationError(e.text(global.language)) }
    }

    func run() throws {
        let lang = global.language
        guard index.isPostgres else { Console.error(AdminMsg.needsPostgres.text(lang)); throw ExitCode(1) }
        do {
            let session = try PostgresSession(url: index.path)
            let office = try OfficeAdmin.addOffice(code: code, name: name, session: session)
            // The province's shared queue too (its tables, the worker role), so that an office's
            // watcher, which may not create tables, finds it there.
            try PostgresMigrator.migrate(session, QueueSchema.all)
            print(AdminMsg.added(office).text(lang))
        } catch let e as PostgresStoreError {
            Console.error(CLIMessage.error(e).text(lang)); throw ExitCode(1)
        }
    }
}

/// `vanthu admin offices`: the offices and their roles.
struct OfficesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "offices", abstract: Help.adminOffices.here)
    }

    @OptionGroup var index: IndexOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        guard index.isPostgres else { Console.error(AdminMsg.needsPostgres.text(lang)); throw ExitCode(1) }
        do {
            for o in try OfficeAdmin.offices(session: PostgresSession(url: index.path)) {
                print("\(o.code.fitted(16)) \(o.role.fitted(32)) \(o.name)")
            }
        } catch let e as PostgresStoreError {
            Console.error(CLIMessage.error(e).text(lang)); throw ExitCode(1)
        }
    }
}

enum AdminMsg {
    case needsPostgres
    case added(Office)

    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .needsPostgres:
            return vi ? "Lỗi: lệnh này cần chỉ mục PostgreSQL (--db postgresql://…)" : "error: this command needs a PostgreSQL index (--db postgresql://…)"
        case .added(let o):
            return vi ? "Đã tạo cơ quan \(o.code) (\(o.name)), vai trò \(o.role). Cấp cho văn thư: GRANT \(o.role) TO tên_đăng_nhập;"
                      : "Office \(o.code) (\(o.name)) created, role \(o.role). For a clerk: GRANT \(o.role) TO login_name;"
        }
    }
}
