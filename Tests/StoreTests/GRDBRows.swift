import GRDB

enum GRDBRows {
    static func ints(_ db: Database, _ sql: String) throws -> [[Int]] {
        try Row.fetchAll(db, sql: sql).map { row in (0..<row.count).map { row[$0] as Int } }
    }
}
