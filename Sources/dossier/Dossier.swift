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
        subcommands: [RunCommand.self, ReplCommand.self, IngestCommand.self, ExtractCommand.self, CopyCommand.self, EvalCommand.self, TrainCommand.self]
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
        discussion: """
            Usage: dossier [options] run [options] FILE [ARGS...]. Options (--store, \
            --sandbox, --memory-limit, --timeout) go before FILE; everything after FILE \
            is the script's, as with `lua`. The script sees `arg` (arg[0] the script, \
            arg[1..] its arguments) and `...`.

            Batch jobs: `dossier run --jobs N [--job NAME] [--query SEARCH] FILE` runs the \
            script's map(article) over every article (or a search's) in N threads and then \
            prints what reduce(results, ids) returns. The job's progress and results are kept \
            in the store: a re-run resumes it, and processes on other machines join it on a \
            PostgreSQL store. Options: --jobs, --job, --restart, --query, --lease, \
            --range-size, --map-only (see README, "Batch jobs").
            """
    )

    @ParentCommand var root: Dossier

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Options, the script file (or -), then its arguments.", valueName: "file"))
    var words: [String] = []

    func run() throws {
        let invocation = try ScriptInvocation(words: words, inherited: root.engine)
        if invocation.batch.isBatch {
            let runner = try invocation.engine.makeBatchJobRunner(invocation.batch.settings)
            let status = runner.run(script: invocation.script, arguments: invocation.arguments)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let session = try invocation.engine.makeSession()
        let status = session.runFile(invocation.script, arguments: invocation.arguments)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Splits `run`'s words the way `lua` does: options until the script name,
/// and everything after the script belongs to the script, even `--timeout`.
/// (ArgumentParser alone cannot both take options after a subcommand and pass
/// the words after a positional through untouched.)
struct ScriptInvocation {
    var engine: EngineOptions
    var batch: BatchJobOptions
    var script: String
    var arguments: [String]

    init(words: [String], inherited: EngineOptions) throws {
        let optionsTakingValues = Set(["--store", "--memory-limit", "--timeout", "--allow-write", "--allow-read"])
            .union(BatchJobOptions.optionsTakingValues)
        var index = 0
        var options: [String] = []
        while index < words.count, words[index].hasPrefix("-"), words[index] != "-" {
            options.append(words[index])
            if optionsTakingValues.contains(words[index]), index + 1 < words.count {
                options.append(words[index + 1])
                index += 1
            }
            index += 1
        }
        guard index < words.count else {
            throw ValidationError("missing the script to run (a file, or - for standard input)")
        }
        let parsed = try RunOptions.parse(options)
        var local = parsed.engine
        local.inherit(inherited)
        engine = local
        batch = parsed.batch
        script = words[index]
        arguments = Array(words[(index + 1)...])
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
