import Foundation
import Testing

/// Issue 14, finding 3: --timeout was beaten by code the hook never reaches.
/// Each case ran forever before; now the process ends with the timeout
/// message (the runs are killed after 60 s so a regression fails, not hangs).
@Suite struct TimeBudgetTests {
    @Test(arguments: [
        "xpcall(error, function() while true do end end)",
        "local t = setmetatable({}, {__gc = function() while true do end end}); t = nil; collectgarbage()",
        "keep = setmetatable({}, {__gc = function() while true do end end})",
        "return string.rep('a', 3000):find(string.rep('a*', 40) .. 'b')",
    ])
    func codeTheHookCannotReachIsStopped(_ chunk: String) throws {
        let result = try DossierExecutable.run(["--timeout", "0.5", "-e", chunk], killAfter: 60)
        #expect(result.status == 1, "\(chunk)")
        #expect(result.stderr.contains("timeout: time budget of 0.5 s exceeded"), "\(chunk): \(result.stderr)")
    }

    @Test func aBlockingReadIsStopped() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO with no writer blocks in C.
        let result = try DossierExecutable.run(["--timeout", "0.5", "-e", "print(io.open('\(fifo)'):read('a'))"], killAfter: 60)
        #expect(result.status == 1)
        #expect(result.stderr.contains("timeout: time budget of 0.5 s exceeded"))
    }

    @Test func ordinaryTimeoutsStillStopGently() throws {
        let result = try DossierExecutable.run(["--timeout", "0.3", "-e", "while true do end"], killAfter: 60)
        #expect(result.stderr == "dossier: timeout: time budget of 0.3 s exceeded\n")
    }
}
