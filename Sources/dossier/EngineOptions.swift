import ArticleStore
import ArgumentParser
import DossierLua
import DossierShell
import Foundation
import LuaKit
import StoreBackends

/// Options every command that runs Lua accepts.
struct EngineOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Flag(help: "Run untrusted code: no os.execute, io.popen, debug, binary chunks; no file written, the store read-only, no ingest, unless allowed below (docs/security.md).")
    var sandbox = false

    @Option(name: .customLong("allow-write"), help: ArgumentHelp("In the sandbox, allow writing files under this existing directory (may be repeated).", valueName: "dir"))
    var allowWrite: [String] = []

    @Option(name: .customLong("allow-read"), help: ArgumentHelp("In the sandbox, allow store:ingest to read under this directory (may be repeated).", valueName: "dir"))
    var allowRead: [String] = []

    @Flag(name: .customLong("allow-store-writes"), help: "In the sandbox, allow changing the store (store:add/delete/ingest, entities:add/remove/alias).")
    var allowStoreWrites = false

    @Option(name: .customLong("memory-limit"), help: ArgumentHelp("Cap Lua's memory (bytes, or with K, M, G).", valueName: "size"))
    var memoryLimit: String?

    @Option(help: ArgumentHelp("Stop each top-level run after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    /// Fills what was not given here from the options given before the
    /// subcommand (`dossier --store X run ...`).
    mutating func inherit(_ outer: EngineOptions) {
        sandbox = sandbox || outer.sandbox
        allowWrite += outer.allowWrite
        allowRead += outer.allowRead
        allowStoreWrites = allowStoreWrites || outer.allowStoreWrites
        memoryLimit = memoryLimit ?? outer.memoryLimit
        timeout = timeout ?? outer.timeout
        store.storePath = store.storePath ?? outer.store.storePath
    }

    func validate() throws {
        for (option, directories) in [("--allow-write", allowWrite), ("--allow-read", allowRead)] {
            for directory in directories {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw ValidationError("invalid \(option) '\(directory)': no such directory")
                }
            }
        }
        if let memoryLimit, ByteCount.parse(memoryLimit) == nil {
            throw ValidationError("invalid --memory-limit '\(memoryLimit)': expected a size from 1K to 1T such as 65536, 512K, 64M or 1.5G")
        }
        if let timeout, !EngineOptions.timeoutRange.contains(timeout) {
            throw ValidationError("invalid --timeout '\(timeout)': expected seconds from 0.001 to 31536000 (a year)")
        }
    }

    /// A time budget must be a real number of seconds the watchdog can wait
    /// for: not inf, NaN, 1e10 (beyond what a Date deadline holds safely) or 0.
    static let timeoutRange = 0.001...31_536_000.0

    /// The backstop of --timeout for code the interpreter cannot interrupt (C
    /// pattern matching, message handlers, `__gc`, blocking reads, a long
    /// engine call): the process ends with the timeout message and status 1.
    /// The store is safe: SQLite rolls an unfinished transaction back.
    static func stopProcess(timeout: Double) {
        let message = "dossier: timeout: time budget of \(timeout) s exceeded (stopped by force: the code running could not be interrupted)\n"
        message.utf8CString.withUnsafeBufferPointer { buffer in
            _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count - 1)
        }
        _exit(1)
    }

    func makeSession() throws -> Session {
        let (options, permissions) = try stateSettings()
        do {
            return try Session(options: options, storePath: store.path, permissions: permissions)
        } catch {
            Session.reportError(error)
            throw ExitCode(1)
        }
    }

    /// A batch job's runner: every worker thread gets a state made as `makeSession` makes one.
    func makeBatchJobRunner(_ settings: BatchJobSettings) throws -> BatchJobRunner {
        let (options, permissions) = try stateSettings()
        return BatchJobRunner(options: options, storePath: store.path, permissions: permissions, settings: settings)
    }

    private func stateSettings() throws -> (LuaState.Options, ScriptPermissions) {
        // Checked here, not in validate(): `dossier --sandbox run --allow-write D`
        // gives the two halves to two parsers, joined by `inherit`.
        if !sandbox && (!allowWrite.isEmpty || !allowRead.isEmpty || allowStoreWrites) {
            throw ValidationError("--allow-write, --allow-read and --allow-store-writes only apply with --sandbox")
        }
        var hardStop: (@Sendable () -> Void)?
        if let timeout {
            hardStop = { EngineOptions.stopProcess(timeout: timeout) }
        }
        let options = LuaState.Options(
            memoryLimit: memoryLimit.flatMap(ByteCount.parse),
            timeLimit: timeout,
            sandboxed: sandbox,
            writableDirectories: allowWrite,
            hardStop: hardStop
        )
        let permissions: ScriptPermissions = sandbox
            ? .sandbox(storeWrites: allowStoreWrites, ingestRoots: allowRead)
            : .unrestricted
        return (options, permissions)
    }
}

/// `--store PATH|URL`, on every command that touches articles.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp("The article store: a SQLite file or postgres://user@host:port/database (default: $DOSSIER_STORE, else $XDG_DATA_HOME/dossier/store.sqlite).", valueName: "path|url"))
    var storePath: String?

    var path: String { storePath ?? StoreLocation.defaultPath }

    /// The location for messages: a URL without its password.
    var displayName: String { StoreOpener.displayName(path) }

    /// Only file paths until a backend for a URL scheme exists. The message
    /// names the scheme alone: the rest of a URL may hold a password.
    func validate() throws {
        if let storePath, !StoreOpener.isPostgres(storePath), let scheme = SQLiteStore.urlScheme(of: storePath) {
            throw ValidationError("--store takes a file path or a postgres:// URL; '\(scheme)://' URLs are not supported")
        }
    }
}


/// Sizes as people write them: 65536, 512K, 64M, 1.5G, 1T (powers of 1024),
/// strictly: decimal digits with an optional fraction and unit, between 1 KiB
/// and 1 TiB. No exponent, inf or NaN: "1e30G" or "1e-9K" is a usage error,
/// never a trap or a silent "no limit".
enum ByteCount {
    static let range = (1 << 10)...(1 << 40)

    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("TB", 1 << 40),
                                      ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("T", 1 << 40), ("B", 1)]
        var number = Substring(trimmed)
        var factor = 1
        if let (suffix, unit) = units.first(where: { trimmed.hasSuffix($0.0) }) {
            number = number.dropLast(suffix.count)
            factor = unit
        }
        let parts = number.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 15 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let value = Double(parts.joined(separator: ".")) else { return nil }
        let bytes = value * Double(factor)
        guard bytes >= Double(range.lowerBound), bytes <= Double(range.upperBound) else { return nil }
        return Int(bytes)
    }
}
