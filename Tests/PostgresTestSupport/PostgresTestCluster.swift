import Foundation
import PostgresStore
#if canImport(Glibc)
import Glibc
#endif

/// A private PostgreSQL cluster for the tests: `initdb` in a temporary
/// directory, a server listening only on a Unix socket in that directory (no
/// TCP port, so parallel test runs cannot collide), stopped and removed when the
/// test process exits. PostgreSQL refuses to run as root, so under root the
/// server runs as `nobody` (through `runuser`).
///
/// Shared by the store conformance tests and the command-line tests (batch
/// jobs with several worker processes), hence a target of its own.
///
/// No skipping: without the server binaries the tests that need them fail and
/// say how to install them.
public final class PostgresTestCluster: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static let shared: Result<PostgresTestCluster, Failure> = start(tls: false)

    /// A second cluster that also listens on 127.0.0.1 (a free port) with TLS
    /// on, its server certificate (for `localhost` and 127.0.0.1) signed by a
    /// throwaway certificate authority made with `openssl`; started by the
    /// first test that asks for it.
    public static let withTLS: Result<PostgresTestCluster, Failure> = start(tls: true)

    private static func start(tls: Bool) -> Result<PostgresTestCluster, Failure> {
        do { return .success(try PostgresTestCluster(tls: tls)) } catch let error as Failure { return .failure(error) } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }

    let directory: String
    let binaries: String
    let counter = Counter()
    /// With TLS: the TCP port, and the PEM file of the authority that signed the server's certificate.
    public let port: Int?
    public let certificateAuthority: String?

    private init(tls: Bool) throws {
        binaries = try Self.findBinaries()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pg-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let runAs: String? = getuid() == 0 ? "nobody" : nil
        if let runAs {
            guard let user = getpwnam(runAs) else { throw Failure(description: "running as root and there is no user '\(runAs)' to run PostgreSQL as") }
            guard chown(directory, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
                throw Failure(description: "cannot hand \(directory) to \(runAs): errno \(errno)")
            }
        }
        chmod(directory, 0o700)
        let data = directory + "/data"
        try Self.run(binaries + "/initdb", ["-D", data, "-U", "dossier", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                     as: runAs, what: "initdb")
        // Durability settings off: a test cluster is thrown away.
        var settings = "-k \(directory) -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        if tls {
            let files = try Self.makeCertificates(in: directory, owner: runAs)
            let port = try Self.freePort()
            self.port = port
            certificateAuthority = files.authority
            // TCP on a free port of 127.0.0.1; the Unix socket in the directory takes the same port number.
            settings = "-k \(directory) -c port=\(port) -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=\(files.certificate)"
                + " -c ssl_key_file=\(files.key) -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        } else {
            settings += " -c listen_addresses="
            port = nil
            certificateAuthority = nil
        }
        try Self.run(binaries + "/pg_ctl", [
            "-D", data, "-l", directory + "/server.log", "-w", "-t", "60", "-o", settings, "start",
        ], as: runAs, what: "pg_ctl start (log: \(directory)/server.log)")
        Self.stopAtExit((binaries + "/pg_ctl", data, directory, runAs))
        let socketPort = port ?? 5432
        // Each test's database is a copy of one migrated template: cheaper than
        // migrating (an extension, a text search configuration, functions) each time.
        try Self.run(binaries + "/createdb", ["-h", directory, "-p", "\(socketPort)", "-U", "dossier", "store_template"], as: nil, what: "createdb")
        do {
            _ = try PostgresStore(url: "postgres://dossier@:\(socketPort)/store_template?host=\(directory)")
        } catch {
            throw Failure(description: "migrating the template database: \(error)")
        }
    }

    /// A new empty database, as a store URL (over the cluster's Unix socket).
    public func createDatabase() throws -> String {
        let name = try createDatabaseNamed()
        return port.map { "postgres://dossier@:\($0)/\(name)?host=\(directory)" } ?? "postgres://dossier@/\(name)?host=\(directory)"
    }

    /// A new empty database; its name.
    public func createDatabaseNamed() throws -> String {
        let name = "store_\(counter.next())"
        try Self.run(binaries + "/createdb", ["-h", directory, "-p", "\(port ?? 5432)", "-U", "dossier", "-T", "store_template", name],
                     as: nil, what: "createdb")
        return name
    }

    /// A throwaway certificate authority and a server certificate it signs,
    /// valid for `localhost` and 127.0.0.1; the key readable by the server only.
    static func makeCertificates(in directory: String, owner: String?) throws -> (authority: String, certificate: String, key: String) {
        let (authority, authorityKey) = (directory + "/ca.pem", directory + "/ca.key")
        let (certificate, key, request) = (directory + "/server.pem", directory + "/server.key", directory + "/server.csr")
        let names = directory + "/names.ext"
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(toFile: names, atomically: true, encoding: .utf8)
        let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let openssl else { throw Failure(description: "openssl not found: install Debian's openssl (scripts/install-deps does)") }
        try run(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Dossier test CA",
                          "-keyout", authorityKey, "-out", authority], as: nil, what: "openssl (authority)")
        try run(openssl, ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", key, "-out", request],
                as: nil, what: "openssl (request)")
        try run(openssl, ["x509", "-req", "-in", request, "-CA", authority, "-CAkey", authorityKey, "-CAcreateserial", "-days", "2",
                          "-extfile", names, "-out", certificate], as: nil, what: "openssl (certificate)")
        chmod(key, 0o600)
        if let owner, let user = getpwnam(owner) {
            for file in [certificate, key, authority] { chown(file, user.pointee.pw_uid, user.pointee.pw_gid) }
        }
        return (authority, certificate, key)
    }

    /// A TCP port free on 127.0.0.1 now (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, length) == 0 && getsockname(socketDescriptor, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "bind to a free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Stops every cluster started here when the test process exits.
    private static func stopAtExit(_ cluster: (pgCtl: String, data: String, directory: String, runAs: String?)) {
        clustersLock.lock()
        defer { clustersLock.unlock() }
        if runningClusters.isEmpty {
            atexit {
                for (pgCtl, data, directory, runAs) in runningClusters {
                    try? PostgresTestCluster.run(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"], as: runAs, what: "pg_ctl stop")
                    try? FileManager.default.removeItem(atPath: directory)
                }
            }
        }
        runningClusters.append(cluster)
    }

    /// `$DOSSIER_PG_BIN`, else Debian's /usr/lib/postgresql/N/bin (newest first).
    static func findBinaries() throws -> String {
        let manager = FileManager.default
        func hasServer(_ directory: String) -> Bool {
            manager.isExecutableFile(atPath: directory + "/initdb") && manager.isExecutableFile(atPath: directory + "/pg_ctl")
        }
        if let configured = ProcessInfo.processInfo.environment["DOSSIER_PG_BIN"], !configured.isEmpty {
            guard hasServer(configured) else { throw Failure(description: "DOSSIER_PG_BIN=\(configured) has no initdb and pg_ctl") }
            return configured
        }
        let versions = ((try? manager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted(by: >)
        for version in versions where hasServer("/usr/lib/postgresql/\(version)/bin") {
            return "/usr/lib/postgresql/\(version)/bin"
        }
        throw Failure(description: """
            PostgreSQL server binaries (initdb, pg_ctl) not found: the store conformance tests run against a real \
            PostgreSQL. Install Debian's postgresql-15 (scripts/install-deps does) or set DOSSIER_PG_BIN to their directory.
            """)
    }

    /// Runs a program to completion with posix_spawn and waitpid (Foundation's
    /// Process waits through a run loop, which hung here under Swift Testing).
    /// Its output goes to a file, shown when it fails.
    static func run(_ executable: String, _ arguments: [String], as user: String?, what: String) throws {
        let argv = user.map { ["/usr/sbin/runuser", "-u", $0, "--", executable] + arguments } ?? [executable] + arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pg-output-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw Failure(description: "\(what): cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED and WEXITSTATUS by hand: the C macros are not imported.
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw Failure(description: "\(what) failed (\(exited ? "status \(code)" : "signal \(status & 0x7f)")): \(text)")
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}

/// What the exit handler stops (a C function pointer captures nothing).
nonisolated(unsafe) private var runningClusters: [(pgCtl: String, data: String, directory: String, runAs: String?)] = []
private let clustersLock = NSLock()
