import CLineEdit
import Foundation

/// Line input with libedit: editing, history, Tab completion, and Ctrl-C that
/// cancels the line being typed.
///
/// libedit's blocking `readline()` cannot tell Ctrl-C from end of input, so this
/// uses its callback interface, as CPython's readline module does: wait for
/// input with pselect(), feed characters one at a time, and treat a Ctrl-C
/// counted by the SIGINT handler as "cancel this line".
final class LineEditor {
    enum Input {
        case line(String)
        case interrupted
        case endOfInput
    }

    private let historyPath: String?
    private let takeInterrupts: () -> Int

    /// `takeInterrupts` reports Ctrl-C presses since it was last asked (the
    /// SIGINT handler counts them).
    init(historyPath: String?, completer: @escaping (String) -> [String], takeInterrupts: @escaping () -> Int) {
        self.historyPath = historyPath
        self.takeInterrupts = takeInterrupts
        LineEditor.completer = completer
        clineedit_set_readline_name("dossier")
        // '.' and ':' are not word breaks, so "string.fo" completes as one word.
        clineedit_set_word_break_characters(LineEditor.wordBreaks)
        clineedit_set_completer(LineEditor.complete)
        using_history()
        stifle_history(2000)
        if let historyPath {
            try? FileManager.default.createDirectory(atPath: (historyPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = read_history(historyPath)
        }
    }

    func readLine(prompt: String) -> Input {
        LineEditor.pending = nil
        _ = takeInterrupts()
        rl_callback_handler_install(prompt, LineEditor.lineHandler)
        defer { rl_callback_handler_remove() }
        // SIGINT stays blocked except inside pselect, so a Ctrl-C that lands while
        // libedit handles a key is not lost: it is taken at the next wait.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        var waitingMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &interrupt, &waitingMask)
        defer { pthread_sigmask(SIG_SETMASK, &waitingMask, nil) }
        sigdelset(&waitingMask, SIGINT)
        while LineEditor.pending == nil {
            if takeInterrupts() > 0 {
                FileHandle.standardOutput.write(Data("\n".utf8))
                return .interrupted
            }
            if clineedit_wait_for_input(STDIN_FILENO, &waitingMask) > 0 {
                rl_callback_read_char()
            }
        }
        switch LineEditor.pending! {
        case .some(let line): return .line(line)
        case .none: return .endOfInput
        }
    }

    func addHistory(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        add_history(entry)
        if let historyPath { _ = write_history(historyPath) }
    }

    // libedit calls plain C functions; the REPL has one editor, so the state
    // they need lives here. Only the REPL's thread touches it.
    private nonisolated(unsafe) static var pending: String??
    private nonisolated(unsafe) static var completer: ((String) -> [String])?
    private nonisolated(unsafe) static let wordBreaks: UnsafePointer<CChar> = UnsafePointer(strdup(" \t\n\"'`@$><=;|&{(+-*/%^#~,[]")!)

    private static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
        if let line {
            pending = .some(String(cString: line))
            free(line)
        } else {
            pending = .some(nil)
        }
    }

    /// readline's convention: entry 0 replaces the word (the longest common
    /// prefix of the matches), then the matches, then NULL.
    private static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
        clineedit_suppress_filename_completion()
        guard let text, let completer else { return nil }
        let matches = completer(String(cString: text))
        guard !matches.isEmpty else { return nil }
        clineedit_set_completion_append_character(0)
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: matches.count + 2)
        list[0] = strdup(commonPrefix(matches))
        for (offset, match) in matches.enumerated() { list[offset + 1] = strdup(match) }
        list[matches.count + 1] = nil
        return list
    }
}

func commonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map({ Array($0.utf8) }) else { return "" }
    for string in strings.dropFirst() {
        let bytes = Array(string.utf8)
        var length = 0
        while length < min(prefix.count, bytes.count), prefix[length] == bytes[length] { length += 1 }
        prefix.removeSubrange(length...)
    }
    return String(decoding: prefix, as: UTF8.self)
}
