import CPseudoTerminal
import Foundation

/// `dossier` running on a pseudo-terminal: what a person at a terminal sees
/// and types, Ctrl-C included.
final class PseudoTerminalSession {
    private let master: Int32
    private let pid: pid_t
    private(set) var output: [UInt8] = []
    /// Output before this offset has been matched already.
    private var consumed = 0

    init(arguments: [String] = [], environment: [String: String]) throws {
        let argv = ([DossierExecutable.url.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var master: Int32 = -1
        let pid = argv.withUnsafeBufferPointer { argvBuffer in
            envp.withUnsafeBufferPointer { envpBuffer in
                cpty_spawn(DossierExecutable.url.path, argvBuffer.baseAddress, envpBuffer.baseAddress, 100, 30, &master)
            }
        }
        guard pid > 0 else { throw POSIXError(.ECHILD) }
        self.master = master
        self.pid = pid
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until `text` appears in the output after what earlier waits
    /// matched; returns the output up to and including it.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            if let range = find(needle, from: consumed) {
                let seen = String(decoding: output[consumed..<range.upperBound], as: UTF8.self)
                consumed = range.upperBound
                return seen
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, readAvailable(waitingUpTo: remaining) else {
                throw TerminalTimeout(expected: text, output: String(decoding: output[consumed...], as: UTF8.self) + " (all: " + String(decoding: output, as: UTF8.self).debugDescription + ")")
            }
        }
    }

    /// Waits for the process to end and returns its exit status.
    func waitForExit(timeout: Double = 15) throws -> Int32 {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var status: Int32 = 0
        while Date() < deadline {
            _ = readAvailable(waitingUpTo: 0.05)
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status >> 8) & 0xFF  // WEXITSTATUS
            }
        }
        throw TerminalTimeout(expected: "exit", output: String(decoding: output[consumed...], as: UTF8.self))
    }

    private func readAvailable(waitingUpTo seconds: Double) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(max(1, seconds * 1000))) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        output.append(contentsOf: buffer[0..<count])
        return true
    }

    private func find(_ needle: [UInt8], from start: Int) -> Range<Int>? {
        guard needle.count <= output.count - start else { return nil }
        var index = start
        while index + needle.count <= output.count {
            if output[index..<(index + needle.count)].elementsEqual(needle) { return index..<(index + needle.count) }
            index += 1
        }
        return nil
    }
}

struct TerminalTimeout: Error, CustomStringConvertible {
    let expected: String
    let output: String
    var description: String { "timed out waiting for \(expected.debugDescription); output since last match: \(output.debugDescription)" }
}
