import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func runPassesArgTableAndVarargs() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let script = directory.appendingPathComponent("brief.lua")
        try """
            #!/usr/bin/env dossier
            print(arg[0], #arg, arg[1], arg[2])
            print(select('#', ...), ...)
            """.write(to: script, atomically: true, encoding: .utf8)
        let result = try DossierExecutable.run(["run", script.path, "--since", "2025-01-01"])
        #expect(result.status == 0)
        #expect(result.stdout == "\(script.path)\t2\t--since\t2025-01-01\n2\t--since\t2025-01-01\n")
        #expect(result.stderr == "")
    }

    @Test func scriptErrorsExitOneWithFileLineAndTraceback() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let script = directory.appendingPathComponent("failing.lua")
        try "print('before')\nlocal function check() error('no articles') end\ncheck()\n".write(to: script, atomically: true, encoding: .utf8)
        // Relative, as typed: Lua shortens long chunk names in messages.
        let result = try DossierExecutable.run(["run", "failing.lua"], directory: directory)
        #expect(result.status == 1)
        #expect(result.stdout == "before\n")  // only the script's own output
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "dossier: failing.lua:2: no articles")
        #expect(lines.contains("stack traceback:"))
        #expect(lines.contains { $0.contains("failing.lua:3: in main chunk") })
    }

    @Test func syntaxErrorsExitOne() throws {
        let result = try DossierExecutable.run(["-e", "x = = 1"])
        #expect(result.status == 1)
        #expect(result.stderr == "dossier: (command line):1: unexpected symbol near '='\n")
    }

    @Test func missingScriptExitsOneNamingIt() throws {
        let result = try DossierExecutable.run(["run", "/nonexistent/brief.lua"])
        #expect(result.status == 1)
        #expect(result.stderr == "dossier: cannot open /nonexistent/brief.lua: No such file or directory\n")
    }

    @Test func usageErrorsExitTwo() throws {
        let unknown = try DossierExecutable.run(["--no-such-flag"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("dossier: Unknown option '--no-such-flag'"))
        #expect(unknown.stdout == "")
        let badLimit = try DossierExecutable.run(["--memory-limit", "lots", "-e", "print(1)"])
        #expect(badLimit.status == 2)
        #expect(badLimit.stderr.contains("invalid --memory-limit 'lots'"))
        let missing = try DossierExecutable.run(["run"])
        #expect(missing.status == 2)
    }

    @Test func versionAndHelpGoToStdout() throws {
        let version = try DossierExecutable.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try DossierExecutable.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE:"))
        #expect(help.stdout.contains("--sandbox"))
    }

    @Test func stdinThatIsNotATerminalRunsAsAScript() throws {
        let result = try DossierExecutable.run([], input: "local n = 0\nfor i = 1, 4 do n = n + i end\nprint(n)\nprint(inspect({b = 2, a = 1}))\n")
        #expect(result.status == 0)
        #expect(result.stdout == "10\n{ a = 1, b = 2 }\n")  // no prompt, no banner, no colour
        #expect(result.stderr == "")
        let failing = try DossierExecutable.run([], input: "print('ok')\nerror('batch failed')\n")
        #expect(failing.status == 1)
        #expect(failing.stderr.hasPrefix("dossier: stdin:2: batch failed\n"))
    }

    @Test func runDashReadsStandardInput() throws {
        let result = try DossierExecutable.run(["run", "-", "x"], input: "print(arg[0], arg[1])")
        #expect(result.stdout == "-\tx\n")
    }

    @Test func chunksFromDashE() throws {
        let result = try DossierExecutable.run(["-e", "x = 20", "-e", "print(x + 22)"])
        #expect(result.status == 0)
        #expect(result.stdout == "42\n")
    }

    @Test func dossierModuleIsRequirableAndGlobal() throws {
        let result = try DossierExecutable.run(["-e", "print(require('dossier') == dossier, dossier.inspect == inspect, type(dossier.version))"])
        #expect(result.stdout == "true\ttrue\tstring\n")
    }

    @Test func limitsFromTheCommandLine() throws {
        let timeout = try DossierExecutable.run(["--timeout", "0.3", "-e", "while true do pcall(function() while true do end end) end"])
        #expect(timeout.status == 1)
        #expect(timeout.stderr == "dossier: timeout: time budget of 0.3 s exceeded\n")
        let memory = try DossierExecutable.run(["--memory-limit", "8M", "-e", "local t = {} for i = 1, 1e8 do t[i] = i end"])
        #expect(memory.status == 1)
        #expect(memory.stderr.hasPrefix("dossier: not enough memory"))
    }

    @Test func sandboxFlagRefusesEscapes() throws {
        let result = try DossierExecutable.run(["--sandbox", "-e", "print(os.execute, io.popen, debug)", "-e", "io.open('/tmp/x', 'w')"])
        #expect(result.stdout == "nil\tnil\tnil\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("io.open for writing: not allowed in the sandbox"))
    }
}
