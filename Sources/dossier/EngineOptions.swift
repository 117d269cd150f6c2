import ArgumentParser
import DossierShell
import Foundation
import LuaKit
import StoreBackends

/// Options every command that runs Lua accepts.
struct EngineOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Flag(help: "Run untrusted code: no os.execute, io.popen, file writes, debug, binary chunks.")
    var sandbox = false

    @Option(name: .customLong("memory-limit"), help: ArgumentHelp("Cap Lua's memory (bytes, or with K, M, G).", valueName: "size"))
    var memoryLimit: String?

    @Option(help: ArgumentHelp("Stop each top-level run after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    /// Fills what was not given here from the options given before the
    /// subcommand (`dossier --store X run ...`).
    mutating func inherit(_ outer: EngineOptions) {
        sandbox = sandbox || outer.sandbox
        memoryLimit = memoryLimit ?? outer.memoryLimit
        timeout = timeout ?? outer.timeout
        store.storePath = store.storePath ?? outer.store.storePath
    }

    func validate() throws {
        if let memoryLimit, ByteCount.parse(memoryLimit) == nil {
            throw ValidationError("invalid --memory-limit '\(memoryLimit)': expected a size such as 65536, 512K, 64M or 1G")
        }
        if let timeout, !(timeout > 0) {
            throw ValidationError("invalid --timeout '\(timeout)': expected a positive number of seconds")
        }
    }

    func makeSession() throws -> Session {
        let options = LuaState.Options(
            memoryLimit: memoryLimit.flatMap(ByteCount.parse),
            timeLimit: timeout,
            sandboxed: sandbox
        )
        do {
            return try Session(options: options, storePath: store.path)
        } catch {
            Session.reportError(error)
            throw ExitCode(1)
        }
    }
}

/// `--store PATH|URL`, on every command that touches articles.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp("The article store: a SQLite file or postgres://user@host:port/database (default: $DOSSIER_STORE, else $XDG_DATA_HOME/dossier/store.sqlite).", valueName: "path|url"))
    var storePath: String?

    var path: String { storePath ?? StoreLocation.defaultPath }

    /// The location for messages: a URL without its password.
    var displayName: String { StoreOpener.displayName(path) }
}

/// Sizes as people write them: 65536, 512K, 64M, 1G (powers of 1024).
enum ByteCount {
    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("B", 1)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            guard let number = Double(trimmed.dropLast(suffix.count)), number > 0 else { return nil }
            return Int(number * Double(factor))
        }
        guard let bytes = Int(trimmed), bytes > 0 else { return nil }
        return bytes
    }
}
