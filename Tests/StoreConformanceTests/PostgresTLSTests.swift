import ArticleStore
import DossierCore
import Foundation
import PostgresTestSupport
import Testing
@testable import PostgresStore

/// TLS to PostgreSQL as libpq's `sslmode` describes it, against a real server
/// with TLS on (a throwaway certificate authority signs its certificate).
@Suite struct PostgresTLSTests {
    private func cluster() throws -> (cluster: PostgresTestCluster, port: Int, authority: String) {
        let cluster = try PostgresTestCluster.withTLS.get()
        return (cluster, try #require(cluster.port), try #require(cluster.certificateAuthority))
    }

    /// Whether the store's connection is encrypted, as the server sees it.
    private func encrypted(_ store: PostgresStore) throws -> Bool {
        try store.run { session -> Bool in
            guard let row = try session.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first else { return false }
            return try row.value("ssl")
        }
    }

    @Test func verifyFullChecksTheCertificateAndTheHostName() throws {
        let (cluster, port, authority) = try cluster()
        let name = try cluster.createDatabaseNamed()
        let store = try PostgresStore(url: "postgres://dossier@localhost:\(port)/\(name)?sslmode=verify-full&sslrootcert=\(authority)")
        _ = try store.add([ArticleDraft(title: "Sealed", body: "Stored over TLS.")])
        #expect(try store.count(matching: nil) == 1)
        #expect(try encrypted(store))
    }

    /// libpq's default, `prefer`, encrypts when the server offers it; `disable` does not.
    @Test func preferEncryptsAndDisableDoesNot() throws {
        let (cluster, port, _) = try cluster()
        let name = try cluster.createDatabaseNamed()
        #expect(try encrypted(PostgresStore(url: "postgres://dossier@127.0.0.1:\(port)/\(name)")))
        #expect(try encrypted(PostgresStore(url: "postgres://dossier@127.0.0.1:\(port)/\(name)?sslmode=require")))
        #expect(try !encrypted(PostgresStore(url: "postgres://dossier@127.0.0.1:\(port)/\(name)?sslmode=disable")))
    }

    /// A server whose certificate the trusted authorities did not sign is refused
    /// under verify-ca (here: the system's authorities), and a CA file that is
    /// not there is named.
    @Test func anUntrustedServerOrAMissingAuthorityFileIsAnError() throws {
        let (cluster, port, _) = try cluster()
        let name = try cluster.createDatabaseNamed()
        var refused: StoreError?
        do { _ = try PostgresStore(url: "postgres://dossier@localhost:\(port)/\(name)?sslmode=verify-ca") } catch { refused = error }
        #expect(refused != nil)
        #expect("\(refused.map { "\($0)" } ?? "")".lowercased().contains("certificate"), "\(String(describing: refused))")
        var missing: StoreError?
        do { _ = try PostgresStore(url: "postgres://dossier@localhost:\(port)/\(name)?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem") } catch {
            missing = error
        }
        #expect("\(missing.map { "\($0)" } ?? "")".contains("sslrootcert /nonexistent/ca.pem: no such readable file"))
    }

    @Test func sslModesAreReadFromTheURL() throws {
        #expect(try PostgresLocation(url: "postgres://desk@db/news").tlsMode == .prefer)
        #expect(try PostgresLocation(url: "postgres://desk@db/news?sslmode=verify-full&sslrootcert=/etc/ca.pem").tlsMode == .verifyFull)
        #expect(try PostgresLocation(url: "postgres://desk@db/news?sslrootcert=/etc/ca.pem").rootCertificatePath == "/etc/ca.pem")
        #expect(throws: PostgresLocationError.self) { try PostgresLocation(url: "postgres://desk@db/news?sslmode=maybe") }
    }
}
