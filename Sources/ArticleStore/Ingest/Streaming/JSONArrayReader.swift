/// The elements of a top-level JSON array, one record each, found by a scan
/// of the structure (strings, brackets, commas) without parsing them: each
/// element's bytes are parsed on their own afterwards. An element longer than
/// `limit` bytes is dropped as it is read and comes back with its size only.
struct JSONArrayReader: RecordReader {
    private enum State { case beforeArray, firstElement, afterElement, finished }

    private var window: ByteWindow
    private(set) var position: ReadPosition
    private let limit: Int
    private var state: State
    private let path: String

    init(source: InputBytes, resumingAt position: ReadPosition, limit: Int) throws(IngestError) {
        // A stored position lies just after an element, where a comma or the
        // closing bracket comes next.
        let resumes = position.items > 0 && position.offset > 0
        try source.skip(to: resumes ? position.offset : 0)
        window = ByteWindow(source: source)
        self.position = resumes ? position : .start
        self.limit = limit
        state = resumes ? .afterElement : .beforeArray
        path = source.path
    }

    mutating func next() throws(IngestError) -> StreamedRecord? {
        while true {
            switch state {
            case .finished:
                return nil
            case .beforeArray:
                guard let byte = try nextSignificantByte() else { throw IngestError(path: path, reason: "empty file") }
                guard byte == UInt8(ascii: "[") else {
                    throw IngestError(path: path, reason: "not valid JSON (expected '[' at byte \(window.offset(of: window.start)))")
                }
                window.start += 1
                state = .firstElement
            case .firstElement:
                guard let byte = try nextSignificantByte() else { throw truncated() }
                if byte == UInt8(ascii: "]") {
                    throw IngestError(path: path, reason: "no articles (an empty JSON array)")
                }
                return try element()
            case .afterElement:
                guard let byte = try nextSignificantByte() else { throw truncated() }
                switch byte {
                case UInt8(ascii: ","):
                    window.start += 1
                    guard try nextSignificantByte() != nil else { throw truncated() }
                    return try element()
                case UInt8(ascii: "]"):
                    window.start += 1
                    state = .finished
                    if try nextSignificantByte() != nil {
                        throw IngestError(path: path, reason: "not valid JSON (content after the closing ']' at byte \(window.offset(of: window.start)))")
                    }
                    return nil
                default:
                    throw IngestError(path: path, reason: "not valid JSON (expected ',' or ']' after item \(position.items), at byte \(window.offset(of: window.start)))")
                }
            }
        }
    }

    /// The element starting at `window.start`: up to the comma or bracket
    /// that ends it at depth zero, outside strings.
    private mutating func element() throws(IngestError) -> StreamedRecord {
        var scan = window.start
        var depth = 0
        var inString = false
        var escaped = false
        var dropped: Int64 = 0
        while true {
            let end: Int? = window.bytes.withUnsafeBufferPointer { bytes in
                while scan < bytes.count {
                    let byte = bytes[scan]
                    if inString {
                        if escaped {
                            escaped = false
                        } else if byte == UInt8(ascii: "\\") {
                            escaped = true
                        } else if byte == UInt8(ascii: "\"") {
                            inString = false
                        }
                    } else {
                        switch byte {
                        case UInt8(ascii: "\""): inString = true
                        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                        case UInt8(ascii: "}"), UInt8(ascii: "]"):
                            if depth == 0 { return scan }
                            depth -= 1
                            if depth == 0 { return scan + 1 }
                        case UInt8(ascii: ","):
                            if depth == 0 { return scan }
                        default: break
                        }
                    }
                    scan += 1
                }
                return nil
            }
            if let end {
                position.items += 1
                let size = dropped + Int64(end - window.start)
                let isTooLarge = size > limit
                let record = StreamedRecord(item: position.items, line: nil,
                                            bytes: isTooLarge ? [] : Array(window.bytes[window.start..<end]),
                                            droppedSize: isTooLarge ? size : nil)
                window.start = end
                position.offset = window.offset(of: end)
                state = .afterElement
                return record
            }
            if window.bytes.count - window.start > limit {
                dropped += Int64(window.bytes.count - window.start)
                window.start = window.bytes.count
            }
            guard let shift = try window.refill() else { throw truncated() }
            scan = max(0, scan - shift)
        }
    }

    /// Skips whitespace; the byte at `window.start` after it, nil at the end.
    private mutating func nextSignificantByte() throws(IngestError) -> UInt8? {
        while true {
            while window.start < window.bytes.count {
                let byte = window.bytes[window.start]
                let isByteOrderMark = window.offset(of: window.start) < 3 && (byte == 0xEF || byte == 0xBB || byte == 0xBF)
                guard isJSONWhitespace(byte) || isByteOrderMark else { return byte }
                window.start += 1
            }
            guard try window.refill() != nil else { return nil }
        }
    }

    private func truncated() -> IngestError {
        IngestError(path: path, reason: "not valid JSON (the file ends inside the array, after item \(position.items))")
    }
}
