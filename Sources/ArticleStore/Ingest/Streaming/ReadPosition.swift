import DossierCore

/// How far a streamed file has been stored: the next record starts at
/// `offset` (in uncompressed bytes), after `items` records on `lines` lines.
/// Recorded with each batch (`IngestMark`), so a killed ingest resumes there.
public struct ReadPosition: Hashable, Sendable {
    public var items: Int
    public var lines: Int
    public var offset: Int64

    public init(items: Int = 0, lines: Int = 0, offset: Int64 = 0) {
        self.items = items
        self.lines = lines
        self.offset = offset
    }

    public static let start = ReadPosition()
}

/// One record of a streamed file: its bytes, to be parsed (none when it was
/// larger than the limit and dropped as it was read), or what a reader that
/// parses its records itself made of it.
struct StreamedRecord {
    /// 1-based, as in `path#item`.
    var item: Int
    /// 1-based line, for JSON Lines.
    var line: Int?
    var bytes: [UInt8]
    /// The record's size when it was over the limit and its bytes were dropped.
    var droppedSize: Int64?
    /// The draft, from readers that build it themselves (feeds).
    var parsed: Result<ArticleDraft, IngestError>? = nil
}

/// Reads a file's records one at a time, in constant memory.
protocol RecordReader {
    /// The next record, or nil at the end. A throw ends the file: the records
    /// before it stand.
    mutating func next() throws(IngestError) -> StreamedRecord?
    /// Just after the last record returned.
    var position: ReadPosition { get }
}

/// The unconsumed bytes of an `InputBytes`, refilled a chunk at a time.
struct ByteWindow {
    let source: InputBytes
    private(set) var bytes: [UInt8] = []
    /// The first byte not yet consumed.
    var start = 0
    /// The stream offset of `bytes[0]`.
    private(set) var base: Int64

    init(source: InputBytes) {
        self.source = source
        base = source.offset
    }

    /// Drops the consumed bytes and appends the next chunk. Returns how far
    /// indices moved down (subtract it from any index held), or nil at the end.
    mutating func refill() throws(IngestError) -> Int? {
        let shift = start
        if shift > 0 {
            bytes.removeSubrange(0..<shift)
            base += Int64(shift)
            start = 0
        }
        let chunk = try source.next()
        if chunk.isEmpty { return nil }
        bytes += chunk
        return shift
    }

    func offset(of index: Int) -> Int64 { base + Int64(index) }
}

func isJSONWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
}
