import Foundation
import NIOSSL
import PostgresNIO

/// A PostgreSQL store's address, from a libpq-style URL:
/// `postgres://user:password@host:port/database`, or over a Unix socket
/// `postgres://user@/database?host=/run/postgresql` (the socket directory, as
/// libpq reads it; `port` picks `.s.PGSQL.<port>` in it).
///
/// TLS over TCP as libpq's `sslmode` says (`PGSSLMODE` when the URL does not):
/// `disable`; `allow` and `prefer` (the default) use TLS when the server
/// offers it, without checking its certificate (`allow` asks for TLS first,
/// as `prefer` does; libpq's tries a plain connection first); `require` insists on TLS
/// (checking the certificate only when `sslrootcert` names a CA file, as libpq
/// does); `verify-ca` checks the certificate against `sslrootcert` (default:
/// the system's trust store); `verify-full` also checks the host name.
/// A Unix socket never uses TLS.
public struct PostgresLocation: Hashable, Sendable {
    public var user: String
    public var password: String?
    public var host: String?
    public var socketDirectory: String?
    public var port: Int
    public var database: String
    public var tlsMode: TLSMode = .prefer
    /// A PEM file of the certificate authorities to trust (`sslrootcert`).
    public var rootCertificatePath: String?

    public enum TLSMode: String, Hashable, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

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
        var sslmode = environment["PGSSLMODE"]
        rootCertificatePath = environment["PGSSLROOTCERT"]
        for item in components.queryItems ?? [] {
            switch item.name {
            case "host": socket = item.value
            case "sslmode": sslmode = item.value
            case "sslrootcert": rootCertificatePath = item.value
            case "application_name", "connect_timeout": continue
            default: throw PostgresLocationError(url: text, message: "unknown parameter '\(item.name)'")
            }
        }
        if let sslmode {
            guard let mode = TLSMode(rawValue: sslmode) else {
                let known = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw PostgresLocationError(url: text, message: "sslmode=\(sslmode) is not one of \(known)")
            }
            tlsMode = mode
        }
        if let path = rootCertificatePath, path.isEmpty || path == "system" { rootCertificatePath = nil }
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

    /// The connection settings; throws when the CA file cannot be read.
    func configuration() throws(PostgresLocationError) -> PostgresConnection.Configuration {
        if let socketDirectory {
            return PostgresConnection.Configuration(unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)",
                                                    username: user, password: password, database: database)
        }
        return PostgresConnection.Configuration(host: host ?? "localhost", port: port, username: user,
                                                password: password, database: database, tls: try tls())
    }

    private func tls() throws(PostgresLocationError) -> PostgresConnection.Configuration.TLS {
        if tlsMode == .disable { return .disable }
        var settings = TLSConfiguration.makeClientConfiguration()
        let verifies = tlsMode == .verifyCA || tlsMode == .verifyFull || (tlsMode == .require && rootCertificatePath != nil)
        settings.certificateVerification = !verifies ? .none : tlsMode == .verifyFull ? .fullVerification : .noHostnameVerification
        if verifies, let rootCertificatePath {
            guard FileManager.default.isReadableFile(atPath: rootCertificatePath) else {
                throw PostgresLocationError(url: description, message: "sslrootcert \(rootCertificatePath): no such readable file")
            }
            settings.trustRoots = .file(rootCertificatePath)
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: settings)
        } catch {
            throw PostgresLocationError(url: description, message: "TLS settings (sslrootcert \(rootCertificatePath ?? "system")): \(error)")
        }
        return tlsMode == .allow || tlsMode == .prefer ? .prefer(context) : .require(context)
    }
}

public struct PostgresLocationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var url: String
    public var message: String
    public var description: String { "store \(url): \(message)" }
}
