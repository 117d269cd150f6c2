import Foundation
import PostgresNIO

/// SQL text with its parameters, numbered as they are bound.
struct PostgresStatement {
    private(set) var sql = ""
    private(set) var bindings = PostgresBindings()
    private var count = 0

    init(_ sql: String = "") { self.sql = sql }

    mutating func append(_ text: String) { sql += text }

    /// Binds a value and returns its placeholder (`$3`).
    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        bindings.append(value)
        count += 1
        return "$\(count)"
    }

    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        bindings.append(value)
        count += 1
        return "$\(count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: bindings) }
}

/// One connection checked out of the pool, inside or outside a transaction.
struct PostgresSession {
    let pool: PostgresConnectionPool
    let connection: PostgresConnection

    func rows(_ statement: PostgresStatement) throws -> [PostgresRandomAccessRow] {
        try pool.query(connection, statement.query).map { $0.makeRandomAccess() }
    }

    func rows(_ sql: String) throws -> [PostgresRandomAccessRow] {
        try rows(PostgresStatement(sql))
    }

    func execute(_ statement: PostgresStatement) throws {
        _ = try pool.query(connection, statement.query)
    }

    func execute(_ sql: String) throws {
        try execute(PostgresStatement(sql))
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back
    /// when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

extension PostgresRandomAccessRow {
    func value<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try self[column].decode(T.self)
    }
}

/// The server's own words for a failed statement (PSQLError hides them from
/// `description` lest they leak data into logs; a store's user wants them).
func postgresMessage(_ error: any Error) -> String {
    if let error = error as? PSQLError {
        if let message = error.serverInfo?[.message] {
            let detail = error.serverInfo?[.detail].map { " (\($0))" } ?? ""
            return message + detail
        }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }
    return String(describing: error)
}
