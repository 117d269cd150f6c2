import Foundation
import Testing

/// The REPL driven through a real pseudo-terminal, keys and all.
@Suite(.serialized) struct ReplTerminalTests {
    func startRepl() throws -> PseudoTerminalSession {
        let home = try DossierExecutable.temporaryDirectory()
        let session = try PseudoTerminalSession(environment: [
            "TERM": "xterm", "NO_COLOR": "1", "HOME": home.path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ])
        try session.waitFor("Dossier ")
        try session.waitFor("> ")
        return session
    }

    @Test func expressionsPrintTheirValue() throws {
        let repl = try startRepl()
        repl.send("1+1\r")
        try repl.waitFor("\r\n2\r\n")
        repl.send("{b = 2, a = {1, 2}}\r")
        try repl.waitFor("{ a = { 1, 2 }, b = 2 }")
        repl.send("'x', nil, 3\r")
        try repl.waitFor("\"x\"\tnil\t3")
    }

    // Issue 14, finding 8: the REPL printed thousands of lines with no paging.
    @Test func longResultsArePagedWithMore() throws {
        let repl = try startRepl()
        repl.send("(function() local t = {} for i = 1, 300 do t[i] = 'line ' .. i end return t end)()\r")
        try repl.waitFor("more lines: :more for the next")
        // 302 lines in pages of the terminal's height less 4: a dozen pages at most.
        for _ in 0..<12 { repl.send(":more\r") }
        try repl.waitFor("\"line 300\"")
        try repl.waitFor("(nothing more to show)")
    }

    @Test func multiLineInputContinuesUntilComplete() throws {
        let repl = try startRepl()
        repl.send("function twice(x)\r")
        try repl.waitFor(">> ")
        repl.send("return 2 * x\r")
        try repl.waitFor(">> ")
        repl.send("end\r")
        repl.send("twice(21)\r")
        try repl.waitFor("\r\n42\r\n")
    }

    @Test func localsStayVisibleOnTheNextLine() throws {
        let repl = try startRepl()
        repl.send("local answer = 41\r")
        repl.send("answer + 1\r")
        try repl.waitFor("\r\n42\r\n")
    }

    @Test func tabCompletesGlobalsAndTableKeys() throws {
        let repl = try startRepl()
        // libedit redraws only the completed tail ("rmat"), so the proof is
        // that the completed line runs.
        repl.send("string.fo\t")
        try repl.waitFor("rmat")
        repl.send("('%d', 7)\r")
        try repl.waitFor("\"7\"")
        repl.send("inspe\t")
        try repl.waitFor("ct")
        repl.send("({1})\r")
        try repl.waitFor("\"{ 1 }\"")
    }

    @Test func controlCInterruptsARunningStatement() throws {
        let repl = try startRepl()
        repl.send("while true do end\r")
        Thread.sleep(forTimeInterval: 0.5)
        repl.send("\u{03}")
        try repl.waitFor("interrupted!")
        try repl.waitFor("> ")
        repl.send("1+2\r")
        try repl.waitFor("\r\n3\r\n")
    }

    @Test func controlCCancelsTheLineAndControlDExits() throws {
        let repl = try startRepl()
        repl.send("this is not lua")
        try repl.waitFor("not lua")
        repl.send("\u{03}")
        try repl.waitFor("> ")
        repl.send("10 * 10\r")
        try repl.waitFor("\r\n100\r\n")
        try repl.waitFor("> ")  // Ctrl-D typed ahead of the prompt is the terminal's, not the editor's
        repl.send("\u{04}")
        #expect(try repl.waitForExit() == 0)
    }

    @Test func errorsAreShownAndTheSessionGoesOn() throws {
        let repl = try startRepl()
        repl.send("error('bad input')\r")
        try repl.waitFor("stdin:1: bad input")
        repl.send(":help\r")
        try repl.waitFor(":time chunk")
        repl.send(":help inspect\r")
        try repl.waitFor("inspect(value")
        repl.send(":time 5 + 5\r")
        try repl.waitFor("time: ")
        repl.send(":quit\r")
        #expect(try repl.waitForExit() == 0)
    }
}
