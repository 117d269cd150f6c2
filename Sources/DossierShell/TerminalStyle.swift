import Foundation

/// ANSI colour, only for a terminal and only when NO_COLOR is unset
/// (https://no-color.org).
struct TerminalStyle {
    let isEnabled: Bool

    init(descriptor: Int32) {
        isEnabled = isatty(descriptor) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    func error(_ text: String) -> String { wrap(text, "31") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
