import Foundation
import LuaKit
import DossierLua

/// One Lua state with the Dossier API installed, and the ways the CLI runs code
/// in it. Errors are reported `lua.c`-style on stderr: `dossier: file:line: msg`
/// followed by the traceback.
public final class Session {
    public let state: LuaState

    public init(options: LuaState.Options, storePath: String, permissions: ScriptPermissions = .unrestricted) throws {
        state = try LuaState(options)
        try DossierModule.install(in: state, storePath: storePath, permissions: permissions)
    }

    /// Runs a script file (`-` for stdin) with `arg` and `...` set as `lua` does.
    /// Returns the process exit status.
    public func runFile(_ path: String, arguments: [String]) -> Int32 {
        do {
            try executeFile(path, arguments: arguments)
            return 0
        } catch {
            Session.reportError(error)
            return 1
        }
    }

    /// Runs a script file with `arg` and `...` set, reporting nothing: errors are thrown.
    public func executeFile(_ path: String, arguments: [String]) throws(LuaError) {
        setArgTable(script: path, arguments: arguments)
        let chunk = try state.load(file: path)
        _ = try state.call(chunk, arguments: arguments)
    }

    /// Runs a `-e` chunk.
    public func runChunk(_ source: String, chunkName: String, position: Int) -> Int32 {
        do {
            try state.execute(source, chunkName: chunkName)
            return 0
        } catch {
            Session.reportError(error)
            return 1
        }
    }

    /// arg[0] is the script, arg[1...] its arguments, arg[-1] the program.
    private func setArgTable(script: String, arguments: [String]) {
        var table: [Int: String] = [-1: CommandLine.arguments.first ?? "dossier", 0: script]
        for (offset, argument) in arguments.enumerated() { table[offset + 1] = argument }
        state.setGlobal("arg", table)
    }

    public static func reportError(_ error: any Error) {
        var text = "dossier: "
        if let luaError = error as? LuaError {
            text += luaError.messageWithTraceback
        } else {
            text += String(describing: error)
        }
        fflush(nil)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
