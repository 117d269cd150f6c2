import ArgumentParser
import DossierShell
import Foundation
import LuaKit

/// Options every command that runs Lua accepts.
struct EngineOptions: ParsableArguments {
    @Flag(help: "Run untrusted code: no os.execute, io.popen, file writes, debug, binary chunks.")
    var sandbox = false

    @Option(name: .customLong("memory-limit"), help: ArgumentHelp("Cap Lua's memory (bytes, or with K, M, G).", valueName: "size"))
    var memoryLimit: String?

    @Option(help: ArgumentHelp("Stop each top-level run after this many seconds.", valueName: "seconds"))
    var timeout: Double?

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
            return try Session(options: options)
        } catch {
            Session.reportError(error)
            throw ExitCode(1)
        }
    }
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
