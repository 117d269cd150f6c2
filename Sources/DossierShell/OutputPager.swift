import Foundation

/// Shows a long REPL result a page at a time: the first page, then a note
/// saying how much is left; `:more` shows the next page. A result of
/// thousands of lines would otherwise scroll everything else away.
final class OutputPager {
    /// Lines per page: the terminal's height less room for the prompt, or 40.
    var pageLines: Int = OutputPager.terminalPageLines()
    private var pending: ArraySlice<Substring> = []

    /// Prints `text`, holding back what does not fit on a page.
    func show(_ text: String) {
        pending = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        _ = showMore()
    }

    /// Prints the next page; false when nothing was held back.
    func showMore() -> Bool {
        guard !pending.isEmpty else { return false }
        let page = pending.prefix(pageLines)
        pending = pending.dropFirst(page.count)
        print(page.joined(separator: "\n"))
        if !pending.isEmpty {
            print(TerminalStyle(descriptor: STDOUT_FILENO).dim("… \(pending.count) more line\(pending.count == 1 ? "" : "s"): :more for the next \(min(pageLines, pending.count))"))
        }
        return true
    }

    static func terminalPageLines() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 10 {
            return Int(size.ws_row) - 4
        }
        return 40
    }
}
