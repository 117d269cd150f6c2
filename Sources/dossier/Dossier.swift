import ArgumentParser
import Foundation
import LuaKit
import DossierLua
import DossierShell

/// `dossier`: the REPL (on a terminal), a script runner, and batch mode.
///
/// Exit codes follow `lua`: 0 success, 1 a script error, 2 a usage error.
@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "A news-analysis workbench scripted in Lua.",
        discussion: """
            With no arguments on a terminal, opens the REPL. With standard input not a \
            terminal, runs it as a script (batch mode). `dossier run FILE [ARGS...]` runs a \
            saved script with Lua's `arg` table; `-e CHUNK` runs a chunk.
            """,
        version: DossierModule.version,
        subcommands: [RunCommand.self, ReplCommand.self]
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run a Lua chunk (may be repeated).", valueName: "chunk"))
    var chunks: [String] = []

    @OptionGroup var engine: EngineOptions

    func run() throws {
        let session = try engine.makeSession()
        if !chunks.isEmpty {
            for (offset, chunk) in chunks.enumerated() {
                let status = session.runChunk(chunk, chunkName: "=(command line)", position: offset + 1)
                if status != 0 { throw ExitCode(status) }
            }
            return
        }
        if isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 {
            Repl(session: session).run()
        } else {
            let status = session.runFile("-", arguments: [])
            if status != 0 { throw ExitCode(status) }
        }
    }

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // Usage errors: ArgumentParser's own 64 becomes 2, like other CLIs.
            FileHandle.standardError.write(Data(("dossier: " + message(for: error) + "\n").utf8))
            if code == .validationFailure {
                FileHandle.standardError.write(Data("Usage: \(usageString())\nSee 'dossier --help'.\n".utf8))
                Foundation.exit(2)
            }
            Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }

    private static func usageString() -> String {
        helpMessage().components(separatedBy: "\n").first { $0.hasPrefix("USAGE:") }?
            .replacingOccurrences(of: "USAGE: ", with: "") ?? "dossier"
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script (`-` reads standard input).",
        discussion: "The script sees `arg` (arg[0] the script, arg[1..] its arguments) and `...`."
    )

    @OptionGroup var engine: EngineOptions

    @Argument(help: "The script file, or - for standard input.")
    var script: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the script.")
    var arguments: [String] = []

    func run() throws {
        let session = try engine.makeSession()
        let status = session.runFile(script, arguments: arguments)
        if status != 0 { throw ExitCode(status) }
    }
}

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the interactive REPL (the default on a terminal)."
    )

    @OptionGroup var engine: EngineOptions

    func run() throws {
        Repl(session: try engine.makeSession()).run()
    }
}
