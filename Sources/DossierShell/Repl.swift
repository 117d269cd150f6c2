import Foundation
import LuaKit
import DossierLua

/// The interactive loop, in the manner of `lua.c`'s doREPL: read a line, try it
/// as `return <line>` so that expressions print, otherwise as a statement;
/// keep reading while the chunk is incomplete (a syntax error at `<eof>`).
public struct Repl {
    let session: Session
    private var state: LuaState { session.state }
    private let style = TerminalStyle(descriptor: STDOUT_FILENO)

    public init(session: Session) { self.session = session }

    public func run() {
        state.interruptOnControlC()
        defer { state.stopInterruptingOnControlC() }
        let editor = LineEditor(
            historyPath: Repl.historyPath(),
            completer: { [state] word in completions(for: word, in: state) },
            takeInterrupts: { [state] in state.takeInterruptCount() }
        )
        let luaVersion = (try? state.global("_VERSION", as: String.self)) ?? "Lua"
        print(style.dim("Dossier \(DossierModule.version) (\(luaVersion)) - :help for help, Ctrl-D to quit"))
        while let entry = readEntry(editor) {
            editor.addHistory(entry)
            if entry.hasPrefix(":") {
                if !runCommand(entry) { break }
            } else {
                evaluate(entry)
            }
            fflush(nil)
        }
    }

    /// Reads one complete chunk (several lines while incomplete); nil at Ctrl-D.
    private func readEntry(_ editor: LineEditor) -> String? {
        var lines: [String] = []
        while true {
            // No colour in the prompt: libedit would count the escape bytes as columns.
            let prompt = lines.isEmpty ? "> " : ">> "
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                if lines.isEmpty { print(); return nil }
                lines = []  // Ctrl-D inside a multi-line entry drops it
                print()
            case .interrupted:
                lines = []
            case .line(let line):
                lines.append(line)
                let entry = lines.joined(separator: "\n")
                if entry.hasPrefix(":") || !isIncomplete(entry) { return entry }
            }
        }
    }

    private func isIncomplete(_ entry: String) -> Bool {
        if (try? state.load("return " + entry, chunkName: "=stdin")) != nil { return false }
        do {
            _ = try state.load(globalizeTopLevelLocals(entry), chunkName: "=stdin")
            return false
        } catch .syntax(_, let incomplete) {
            return incomplete
        } catch {
            return false
        }
    }

    /// Compiles `return <entry>` first (so `1+1` prints 2), then the entry as
    /// statements with top-level locals made global.
    private func compile(_ entry: String) throws(LuaError) -> LuaFunction {
        if let expression = try? state.load("return " + entry, chunkName: "=stdin") { return expression }
        return try state.load(globalizeTopLevelLocals(entry), chunkName: "=stdin")
    }

    private func evaluate(_ entry: String) {
        do {
            let results = try state.call(try compile(entry), arguments: [])
            printResults(results)
        } catch {
            report(error)
        }
    }

    private func printResults(_ results: [LuaValue]) {
        guard !results.isEmpty else { return }
        guard case .function(let inspect)? = try? state.global("inspect", as: LuaValue.self) else {
            print(results.map(\.description).joined(separator: "\t"))
            return
        }
        var rendered: [String] = []
        for value in results {
            do {
                rendered.append(try inspect.call([value]).first?.description ?? "nil")
            } catch {
                rendered.append(value.description)
            }
        }
        pager.show(rendered.joined(separator: "\t"))
    }

    /// Long results (a whole store's search) are shown a page at a time.
    private let pager = OutputPager()

    private func report(_ error: LuaError) {
        fflush(nil)
        FileHandle.standardError.write(Data((TerminalStyle(descriptor: STDERR_FILENO).error(error.messageWithTraceback) + "\n").utf8))
    }

    // MARK: Commands

    /// Runs a `:command`; false means quit.
    private func runCommand(_ entry: String) -> Bool {
        let trimmed = entry.dropFirst().trimmingCharacters(in: .whitespaces)
        let name = trimmed.prefix { !$0.isWhitespace }
        let argument = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        switch name {
        case "q", "quit", "exit":
            return false
        case "h", "help":
            print(argument.isEmpty ? Repl.helpText : help(for: argument))
        case "time":
            time(argument)
        case "more":
            if !pager.showMore() { print(style.dim("(nothing more to show)")) }
        default:
            report(.runtime(message: "unknown command :\(name) (try :help)", traceback: nil))
        }
        return true
    }

    private func time(_ chunk: String) {
        guard !chunk.isEmpty else {
            report(.runtime(message: ":time needs a chunk, e.g. :time for i = 1, 1e6 do end", traceback: nil))
            return
        }
        let clock = ContinuousClock()
        var results: [LuaValue] = []
        var failure: LuaError?
        let elapsed = clock.measure {
            do throws(LuaError) {
                results = try state.call(try compile(chunk), arguments: [])
            } catch {
                failure = error
            }
        }
        if let failure { report(failure) } else { printResults(results) }
        print(style.dim("time: \(formatDuration(elapsed))"))
    }

    private func help(for name: String) -> String {
        let path = name.split(whereSeparator: { $0 == "." || $0 == ":" }).map(String.init)
        if let documentation = state.documentation(path: path) {
            return documentation.text ?? "\(documentation.name): no documentation"
        }
        if let text = DossierModule.luaDocumentation[name] { return text }
        return "no help for '\(name)' (try :help for the list)"
    }

    static let helpText = """
        Dossier REPL: type Lua; expressions print their value (1+1 prints 2).
          :help [name]    this text, or the documentation of a function (:help inspect)
          :time chunk     run a chunk and print how long it took
          :more           the next page of a long result
          :quit           leave (or Ctrl-D)
        Editing: Tab completes globals, table keys and methods (string.fo<Tab>);
          history is kept in $XDG_STATE_HOME/dossier/history (~/.local/state/...).
        Ctrl-C cancels the line being typed, or interrupts a running statement.
        Each entry runs as its own chunk, so a top-level `local x = 1` is made
        global (x = 1) to stay visible on the next line; locals inside functions
        and blocks stay local.
        Globals: dossier (also require "dossier"), inspect, store, entities,
          extract, dates, timeline, claims, hedges (:help NAME for each).
        """

    static func historyPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return state + "/dossier/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/dossier/history"
    }
}

private func formatDuration(_ duration: Duration) -> String {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    if seconds < 1e-3 { return String(format: "%.1f µs", seconds * 1e6) }
    if seconds < 1 { return String(format: "%.2f ms", seconds * 1e3) }
    return String(format: "%.3f s", seconds)
}
