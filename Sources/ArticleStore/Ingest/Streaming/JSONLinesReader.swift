import Foundation

/// The lines of a JSON Lines file, one record per non-blank line. A line
/// longer than `limit` bytes is not kept in memory: it comes back with its
/// size only, to be reported.
struct JSONLinesReader: RecordReader {
    private var window: ByteWindow
    private(set) var position: ReadPosition
    private let limit: Int

    init(source: InputBytes, resumingAt position: ReadPosition, limit: Int) throws(IngestError) {
        try source.skip(to: position.offset)
        window = ByteWindow(source: source)
        self.position = position
        self.limit = limit
    }

    mutating func next() throws(IngestError) -> StreamedRecord? {
        while let line = try nextLine() {
            position.lines += 1
            position.offset = line.end
            var bytes = line.bytes
            if position.lines == 1, bytes.starts(with: utf8ByteOrderMark) { bytes.removeFirst(utf8ByteOrderMark.count) }
            if line.droppedSize == nil && bytes.allSatisfy(isJSONWhitespace) { continue }
            position.items += 1
            return StreamedRecord(item: position.items, line: position.lines, bytes: bytes, droppedSize: line.droppedSize)
        }
        return nil
    }

    /// The next line without its newline, and the offset just past it.
    private mutating func nextLine() throws(IngestError) -> (bytes: [UInt8], end: Int64, droppedSize: Int64?)? {
        var scan = window.start
        var dropped: Int64 = 0
        while true {
            if let newline = Self.newline(in: window.bytes, from: scan) {
                let size = dropped + Int64(newline - window.start)
                let isTooLarge = size > limit
                let bytes = isTooLarge ? [] : Array(window.bytes[window.start..<newline])
                window.start = newline + 1
                return (bytes, window.offset(of: newline + 1), isTooLarge ? size : nil)
            }
            // A line longer than the limit: its bytes so far are dropped.
            if window.bytes.count - window.start > limit {
                dropped += Int64(window.bytes.count - window.start)
                window.start = window.bytes.count
            }
            scan = window.bytes.count
            guard let shift = try window.refill() else {
                // The last line, without a newline.
                guard window.start < window.bytes.count || dropped > 0 else { return nil }
                let size = dropped + Int64(window.bytes.count - window.start)
                let isTooLarge = size > limit
                let bytes = isTooLarge ? [] : Array(window.bytes[window.start...])
                window.start = window.bytes.count
                return (bytes, window.offset(of: window.bytes.count), isTooLarge ? size : nil)
            }
            scan -= shift
        }
    }

    private static func newline(in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let found = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }
}
