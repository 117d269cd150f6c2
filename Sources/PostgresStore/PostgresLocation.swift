import Foundation
import PostgresNIO

/// A PostgreSQL store's address, from a libpq-style URL:
/// `postgres://user:password@host:port/database`, or over a Unix socket
/// `postgres://user@/database?host=/run/postgresql` (the socket directory, as
/// libpq reads it; `port` picks `.s.PGSQL.<port>` in it).
public struct PostgresLocation: Hashable, Sendable {
    public var user: String
    public var password: String?
    public var host: String?
    public var socketDirectory: String?
    public var port: Int
    public var database: String

    /// True for the URLs this backend reads: `postgres://` and `postgresql://`.
    public static func isPostgresURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    public init(url text: String) throws(PostgresLocationError) {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw PostgresLocationError(url: text, message: "not a postgres://user@host:port/database URL")
        }
        let environment = ProcessInfo.processInfo.environment
        user = components.user.flatMap { $0.removingPercentEncoding }
            ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        port = components.port ?? environment["PGPORT"].flatMap { Int($0) } ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding ?? path
        if database.isEmpty { database = user }
        var socket: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "host": socket = item.value
            case "sslmode":
                guard item.value == "disable" || item.value == "prefer" || item.value == "allow" else {
                    throw PostgresLocationError(url: text, message: "sslmode=\(item.value ?? "") is not supported (TLS is not built in; use a local socket or a tunnel)")
                }
            case "application_name", "connect_timeout": continue
            default: throw PostgresLocationError(url: text, message: "unknown parameter '\(item.name)'")
            }
        }
        let named = components.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
        if let socket, socket.hasPrefix("/") {
            socketDirectory = socket
        } else if let named {
            host = named
        } else if let socket {
            host = socket
        } else {
            socketDirectory = environment["PGHOST"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/var/run/postgresql"
            if let pgHost = environment["PGHOST"], !pgHost.hasPrefix("/") { host = pgHost; socketDirectory = nil }
        }
    }

    /// The URL without the password, for messages.
    public var description: String {
        var text = "postgres://\(user)@\(host ?? "")"
        if host != nil { text += ":\(port)" }
        text += "/\(database)"
        if let socketDirectory { text += "?host=\(socketDirectory)" }
        return text
    }

    var configuration: PostgresConnection.Configuration {
        if let socketDirectory {
            return PostgresConnection.Configuration(unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)",
                                                    username: user, password: password, database: database)
        }
        return PostgresConnection.Configuration(host: host ?? "localhost", port: port, username: user,
                                                password: password, database: database, tls: .disable)
    }
}

public struct PostgresLocationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var url: String
    public var message: String
    public var description: String { "store \(url): \(message)" }
}
