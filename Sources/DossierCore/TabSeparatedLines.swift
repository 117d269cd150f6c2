/// Lines of the bundled resource files (gazetteers, cue counts, classifier
/// weights), cut on UTF-8 bytes: the files are read at every start of a
/// process that extracts, and cutting them per `Character` made loading the
/// cue classifier's 3 MB of weights cost more than analysing a hundred
/// articles. A line feed or a tab is never part of a larger character, so the
/// bytes between them are whole UTF-8.
public enum TabSeparatedLines {
    /// Calls `body` with each line of `bytes` and its 1-based number, without its line feed
    /// and without a carriage return before it (a file saved with Windows line ends).
    /// Empty lines are passed too, so numbers stay those an editor shows.
    public static func forEachLine(in bytes: UnsafeBufferPointer<UInt8>,
                                   _ body: (_ number: Int, _ line: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var lineStart = 0
        var number = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let contentEnd = lineEnd > lineStart && bytes[lineEnd - 1] == UInt8(ascii: "\r") ? lineEnd - 1 : lineEnd
            number += 1
            try body(number, UnsafeBufferPointer(rebasing: bytes[lineStart..<contentEnd]))
            lineStart = lineEnd + 1
        }
    }

    /// `forEachLine` over the UTF-8 of `text`.
    public static func forEachLine(in text: String,
                                   _ body: (_ number: Int, _ line: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try TextBytes.withBytes(of: text) { try forEachLine(in: $0, body) }
    }

    /// The text of a column's bytes.
    public static func string(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
