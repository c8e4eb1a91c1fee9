import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Vocabulary

/// Where a PostgreSQL index is: `postgresql://user[:password]@host[:port]/database`.
public struct PostgresAddress: Sendable, Equatable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    /// Whether `--db` names a PostgreSQL index rather than an SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String) {
        self.user = user; self.password = password; self.host = host; self.port = port; self.database = database
    }

    public init(url text: String) throws {
        guard Self.isURL(text), let c = URLComponents(string: text), let host = c.host, !host.isEmpty,
              let user = c.user, !user.isEmpty else { throw PostgresStoreError.badURL(text) }
        let database = String(c.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw PostgresStoreError.badURL(text) }
        self.user = user.removingPercentEncoding ?? user
        self.password = c.password.map { $0.removingPercentEncoding ?? $0 }
        self.host = host
        self.port = c.port ?? 5432
        self.database = database.removingPercentEncoding ?? database
    }

    /// The address with another database or user (tests make a database per class, connect as a clerk).
    public func with(database: String? = nil, user: String? = nil, password: String?? = nil) -> PostgresAddress {
        var a = self
        if let database { a.database = database }
        if let user { a.user = user }
        if let password { a.password = password }
        return a
    }

    /// The URL without its password: what messages and logs may show.
    public var display: String { "postgresql://\(user)@\(host):\(port)/\(database)" }
}

/// One value bound to a `$n` placeholder. Only values travel as parameters; SQL text is never
/// built from what a user typed.
public enum SQLValue: Sendable, Equatable {
    case text(String?)
    case int(Int64?)
    case double(Double?)
    case bool(Bool?)
    case time(Date?)
    /// A `text[]`, for `= ANY($n)`.
    case texts([String])

    public static func of(_ v: String?) -> SQLValue { .text(v) }
    public static func of(_ v: Int?) -> SQLValue { .int(v.map(Int64.init)) }
    public static func of(_ v: Int64?) -> SQLValue { .int(v) }
    public static func of(_ v: Double?) -> SQLValue { .double(v) }
    public static func of(_ v: Bool?) -> SQLValue { .bool(v) }
    public static func of(_ v: Date?) -> SQLValue { .time(v) }

    func bind(to b: inout PostgresBindings) {
        switch self {
        case .text(let v): if let v { b.append(v) } else { b.append(Optional<String>.none) }
        case .int(let v): if let v { b.append(v) } else { b.append(Optional<Int64>.none) }
        case .double(let v): if let v { b.append(v) } else { b.append(Optional<Double>.none) }
        case .bool(let v): if let v { b.append(v) } else { b.append(Optional<Bool>.none) }
        case .time(let v): if let v { b.append(v) } else { b.append(Optional<Date>.none) }
        case .texts(let v): b.append(v)
        }
    }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// One row of a result, read by column name.
public struct SessionRow {
    let row: PostgresRandomAccessRow

    public var count: Int { row.count }

    /// The integer in column `index` (from 0).
    public func int(at index: Int) throws -> Int {
        do { return try row[index].decode(Int.self) } catch {
            throw PostgresStoreError.unreadableColumn("\(index)", reason: "\(error)")
        }
    }

    public func callAsFunction<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        do { return try row[column].decode(T.self) } catch {
            throw PostgresStoreError.unreadableColumn(column, reason: "\(error)")
        }
    }
}

/// A connection to a PostgreSQL index, usable from the synchronous CLI commands: every call blocks
/// until the server answered. One connection per session; calls from several threads (the
/// ingest workers) take turns, a transaction holding the connection until it ends. A connection
/// lost between transactions (a server restart) is made again at the next call.
public final class PostgresSession: @unchecked Sendable {
    public let address: PostgresAddress
    private var connection: PostgresConnection?
    private let lock = NSRecursiveLock()
    private var inTransaction = false
    private let logger = Logger(label: "vanthu.postgres")
    private static let ids = ManagedCounter()

    public init(_ address: PostgresAddress) throws {
        self.address = address
        try connect()
    }

    public convenience init(url: String) throws { try self.init(PostgresAddress(url: url)) }

    deinit { try? connection?.close().wait() }

    public func close() {
        lock.lock(); defer { lock.unlock() }
        try? connection?.close().wait()
        connection = nil
    }

    private func connect() throws {
        var config = PostgresConnection.Configuration(host: address.host, port: address.port, username: address.user,
                                                      password: address.password, database: address.database,
                                                      tls: .disable)
        config.options.connectTimeout = .seconds(10)
        do {
            connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                        configuration: config, id: Self.ids.next(),
                                                        logger: logger).wait()
        } catch {
            throw PostgresStoreError.cannotConnect(address.display, reason: Self.reason(error))
        }
    }

    /// Runs one statement with `$1 … $n` bound to `arguments`; returns its rows.
    @discardableResult
    public func query(_ sql: String, _ arguments: [SQLValue] = []) throws -> [SessionRow] {
        lock.lock(); defer { lock.unlock() }
        if connection?.isClosed ?? true {
            // Inside a transaction the work done so far is gone with the connection: say so.
            if inTransaction { throw PostgresStoreError.connectionLost(address.display) }
            try connect()
        }
        var bindings = PostgresBindings(capacity: arguments.count)
        for a in arguments { a.bind(to: &bindings) }
        do {
            let result = try connection!.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait()
            return result.rows.map { SessionRow(row: $0.makeRandomAccess()) }
        } catch {
            throw Self.failure(error)
        }
    }

    /// Runs several statements with no parameters (a migration's SQL) in one round trip.
    public func execute(script sql: String) throws {
        lock.lock(); defer { lock.unlock() }
        if connection?.isClosed ?? true {
            if inTransaction { throw PostgresStoreError.connectionLost(address.display) }
            try connect()
        }
        // The server takes one statement per message of the extended protocol: split here.
        for statement in Self.statements(sql) {
            do { _ = try connection!.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait() } catch {
                throw Self.failure(error)
            }
        }
    }

    /// The statements of a script, cut at each `;` outside quotes, `$$` bodies and `--` comments.
    static func statements(_ sql: String) -> [String] {
        var out: [String] = [], current = ""
        var inQuote = false, inDollar = false, inComment = false
        let chars = Array(sql)
        var i = 0
        while i < chars.count {
            let c = chars[i], next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if inComment {
                if c == "\n" { inComment = false }
            } else if inQuote {
                if c == "'" { inQuote = false }
            } else if inDollar {
                if c == "$", next == "$" { inDollar = false; current.append(c); i += 1; current.append("$"); i += 1; continue }
            } else if c == "-", next == "-" {
                inComment = true
            } else if c == "'" {
                inQuote = true
            } else if c == "$", next == "$" {
                inDollar = true; current.append(c); i += 1; current.append("$"); i += 1; continue
            } else if c == ";" {
                if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(current) }
                current = ""; i += 1; continue
            }
            current.append(c)
            i += 1
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(current) }
        return out.filter { stmt in
            // A piece that is only comments is no statement.
            stmt.split(separator: "\n").contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
        }
    }

    /// The first column of the first row, if any.
    public func scalar<T: PostgresDecodable>(_ sql: String, _ arguments: [SQLValue] = [], as type: T.Type = T.self) throws -> T? where T._DecodableType == T {
        guard let row = try query(sql, arguments).first else { return nil }
        do { return try row.row[0].decode(T?.self) } catch {
            throw PostgresStoreError.unreadableColumn("0", reason: "\(error)")
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// Nested calls join the outer transaction. A serialisation failure or deadlock (two clerks'
    /// writes crossing) is tried again, up to a few times, from the start of `body`.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        if inTransaction { return try body() }
        var attempt = 0
        while true {
            attempt += 1
            try query("BEGIN")
            inTransaction = true
            do {
                let value = try body()
                try query("COMMIT")
                inTransaction = false
                return value
            } catch {
                inTransaction = false
                if !(connection?.isClosed ?? true) { _ = try? query("ROLLBACK") }
                if case PostgresStoreError.server(let state, _) = error, ["40001", "40P01"].contains(state), attempt < 5 {
                    continue
                }
                throw error
            }
        }
    }

    /// Our typed error for what PostgresNIO threw.
    static func failure(_ error: Error) -> PostgresStoreError {
        if let e = error as? PostgresStoreError { return e }
        if let p = error as? PSQLError {
            if let info = p.serverInfo {
                return .server(sqlState: info[.sqlState] ?? "", message: info[.message] ?? "\(p.code)")
            }
            if p.code == .serverClosedConnection || p.code == .clientClosedConnection || p.code == .connectionError
                || p.code == .uncleanShutdown {
                return .connectionLost(reason(error))
            }
        }
        return .server(sqlState: "", message: reason(error))
    }

    static func reason(_ error: Error) -> String {
        if let p = error as? PSQLError {
            if let m = p.serverInfo?[.message] { return m }
            if let u = p.underlying { return "\(p.code): \(u)" }
            return "\(p.code)"
        }
        return "\(error)"
    }
}

/// Connection ids for PostgresNIO's logs.
final class ManagedCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// What went wrong with a PostgreSQL index, said to the operator.
public enum PostgresStoreError: Error, Message, CustomStringConvertible, Equatable {
    /// `--db` looked like a URL but is not `postgresql://user@host[:port]/db`.
    case badURL(String)
    /// The server could not be reached or refused the login (address shown without password).
    case cannotConnect(String, reason: String)
    /// The connection went away in the middle of a transaction (it was rolled back by the server).
    case connectionLost(String)
    /// What the server said, with its SQLSTATE.
    case server(sqlState: String, message: String)
    case unreadableColumn(String, reason: String)
    /// An office code must be letters, digits or `_` (it names a PostgreSQL role).
    case badOfficeCode(String)
    case noSuchOffice(String)
    /// Storing needs an office: the login belongs to none, or to several (give `--office`).
    case officeNeeded
    /// A migration recorded in the index is not one this version knows: a newer vanthu made it.
    case unknownMigration(String)

    public var description: String { text(.en) }

    public func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .badURL(let u):
            return vi ? "«\(u)»: không phải địa chỉ PostgreSQL (postgresql://người-dùng@máy:cổng/cơ-sở-dữ-liệu)"
                      : "«\(u)»: not a PostgreSQL address (postgresql://user@host:port/database)"
        case .cannotConnect(let a, let r):
            return vi ? "\(a): không kết nối được máy chủ PostgreSQL («\(r)»)" : "\(a): cannot connect to the PostgreSQL server («\(r)»)"
        case .connectionLost(let r):
            return vi ? "mất kết nối với máy chủ PostgreSQL («\(r)»)" : "the connection to the PostgreSQL server was lost («\(r)»)"
        case .server(let s, let m):
            return vi ? "máy chủ PostgreSQL báo lỗi \(s): «\(m)»" : "the PostgreSQL server said \(s): «\(m)»"
        case .unreadableColumn(let c, let r):
            return vi ? "không đọc được cột \(c) («\(r)»)" : "cannot read column \(c) («\(r)»)"
        case .badOfficeCode(let c):
            return vi ? "«\(c)»: mã cơ quan chỉ gồm chữ cái không dấu, chữ số và _ (tối đa 32 ký tự)"
                      : "«\(c)»: an office code is ASCII letters, digits and _ (at most 32)"
        case .noSuchOffice(let c):
            return vi ? "không có cơ quan «\(c)» (vanthu admin add-office)" : "no office «\(c)» (vanthu admin add-office)"
        case .officeNeeded:
            return vi ? "cần chọn cơ quan: --office MÃ (tài khoản này không thuộc đúng một cơ quan)"
                      : "an office is needed: --office CODE (this login does not belong to exactly one office)"
        case .unknownMigration(let n):
            return vi ? "chỉ mục có bước «\(n)» mà phiên bản này không biết (do bản vanthu mới hơn tạo)"
                      : "the index has a migration «\(n)» this version does not know (made by a newer vanthu)"
        }
    }
}
