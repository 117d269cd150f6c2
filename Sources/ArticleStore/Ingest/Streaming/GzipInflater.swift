import CZlib

/// Inflates gzip data (one member or several, as `cat a.gz b.gz` makes) from
/// a source of compressed bytes, a buffer at a time.
final class GzipInflater {
    /// zlib keeps a pointer back to its stream, so the stream must not move.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity: Int
    private let readCompressed: (UnsafeMutablePointer<UInt8>, Int) -> Int
    private var memberEnded = false
    private var finished = false
    private let path: String

    /// `readCompressed` fills the buffer it is given and returns how many
    /// bytes it wrote: 0 at the end of the file, -1 on a read error.
    init(path: String, inputCapacity: Int = 1 << 18,
         readCompressed: @escaping (UnsafeMutablePointer<UInt8>, Int) -> Int) throws(IngestError) {
        self.path = path
        self.inputCapacity = inputCapacity
        self.readCompressed = readCompressed
        input = UnsafeMutablePointer<UInt8>.allocate(capacity: inputCapacity)
        stream.initialize(to: z_stream())
        // 15 + 16: a gzip wrapper (not zlib's own), the largest window.
        let status = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            // deinit frees the buffers; inflateEnd on a stream that never started is harmless.
            throw IngestError(path: path, reason: "cannot start gzip decompression (zlib status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    /// Fills `output` with up to `capacity` inflated bytes; 0 at the end.
    func inflate(into output: UnsafeMutablePointer<UInt8>, capacity: Int) throws(IngestError) -> Int {
        guard !finished, capacity > 0 else { return 0 }
        stream.pointee.next_out = output
        stream.pointee.avail_out = UInt32(clamping: capacity)
        while stream.pointee.avail_out > 0 {
            if memberEnded {
                // Another member may follow (concatenated gzip files).
                if stream.pointee.avail_in == 0, try !refill() {
                    finished = true
                    break
                }
                inflateReset(stream)
                memberEnded = false
            }
            if stream.pointee.avail_in == 0, try !refill() {
                throw IngestError(path: path, reason: "truncated gzip data (the compressed file ends inside a member)")
            }
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                memberEnded = true
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw IngestError(path: path, reason: "corrupt gzip data (\(message), after \(stream.pointee.total_in) compressed bytes of a member)")
            }
        }
        return capacity - Int(stream.pointee.avail_out)
    }

    /// Reads more compressed bytes; false at the end of the file.
    private func refill() throws(IngestError) -> Bool {
        let count = readCompressed(input, inputCapacity)
        guard count >= 0 else { throw IngestError(path: path, reason: "cannot read file") }
        stream.pointee.next_in = input
        stream.pointee.avail_in = UInt32(clamping: count)
        return count > 0
    }
}
