import ArticleStore
import Foundation

/// The command line as the kernel passed it. Swift decodes each argument as
/// UTF-8, replacing bytes that are not (a file named `caf\xE9.txt` in
/// Latin-1) with U+FFFD, which names no file; the raw bytes do.
enum RawArguments {
    /// `argument` as the path its bytes on the command line name.
    static func path(_ argument: String) -> IngestPath {
        guard argument.unicodeScalars.contains("\u{FFFD}") else { return IngestPath(argument) }
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
            if String(decoding: bytes, as: UTF8.self) == argument, String(validating: bytes, as: UTF8.self) == nil {
                return IngestPath(bytes: bytes)
            }
        }
        return IngestPath(argument)
    }
}
