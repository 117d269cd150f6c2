import Foundation

/// The bytes of one input file, a chunk at a time, so that a dump of any size
/// is read in the same memory. A gzip-compressed file (known by its magic
/// bytes, whatever its name) is inflated as it is read; offsets count the
/// uncompressed bytes.
final class InputBytes {
    let path: String
    /// Whether the file is gzip-compressed.
    let isCompressed: Bool
    /// Uncompressed bytes handed out (or skipped) so far.
    private(set) var offset: Int64 = 0
    private let descriptor: Int32
    private var inflater: GzipInflater?
    private let chunkSize: Int

    static let gzipMagic: [UInt8] = [0x1F, 0x8B]

    convenience init(path: String, chunkSize: Int = 1 << 20) throws(IngestError) {
        try self.init(file: IngestPath(path), chunkSize: chunkSize)
    }

    /// Opens the file by its bytes (a name need not be UTF-8).
    init(file: IngestPath, chunkSize: Int = 1 << 20) throws(IngestError) {
        let path = file.display
        self.path = path
        self.chunkSize = max(1, chunkSize)
        let descriptor = file.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            throw IngestError(path: path, reason: errno == ENOENT ? "no such file or directory" : "cannot read file")
        }
        self.descriptor = descriptor
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: self.chunkSize)
        var magic: [UInt8] = [0, 0]
        let count = pread(descriptor, &magic, 2, 0)
        isCompressed = count == 2 && magic == Self.gzipMagic
        if isCompressed {
            inflater = try GzipInflater(path: path) { buffer, capacity in
                read(descriptor, buffer, capacity)
            }
        }
    }

    /// Where each chunk is read or inflated before it is copied out.
    private let buffer: UnsafeMutablePointer<UInt8>

    deinit {
        buffer.deallocate()
        close(descriptor)
    }

    /// The next chunk of (uncompressed) bytes; empty at the end of the file.
    func next(maximum: Int? = nil) throws(IngestError) -> [UInt8] {
        let wanted = max(1, min(maximum ?? chunkSize, chunkSize))
        let count: Int
        if let inflater {
            count = try inflater.inflate(into: buffer, capacity: wanted)
        } else {
            count = read(descriptor, buffer, wanted)
            guard count >= 0 else { throw IngestError(path: path, reason: "cannot read file (\(String(cString: strerror(errno))))") }
        }
        let chunk = Array(UnsafeBufferPointer(start: buffer, count: count))
        offset += Int64(count)
        return chunk
    }

    /// Moves on to the uncompressed `target` offset: a seek in a plain file;
    /// a compressed one is inflated up to it, since gzip has no index.
    func skip(to target: Int64) throws(IngestError) {
        guard target > offset else { return }
        if inflater == nil {
            guard lseek(descriptor, off_t(target), SEEK_SET) >= 0 else {
                throw IngestError(path: path, reason: "cannot seek to byte \(target)")
            }
            offset = target
            return
        }
        while offset < target {
            let before = offset
            let chunk = try next(maximum: Int(clamping: target - offset))
            if chunk.isEmpty {
                throw IngestError(path: path, reason: "the file is shorter than when it was last read (\(before) of \(target) bytes)")
            }
        }
    }

    /// The whole rest of the file, refused beyond `limit` bytes.
    func readAll(limit: Int) throws(IngestError) -> [UInt8] {
        if !isCompressed {
            var info = stat()
            if fstat(descriptor, &info) == 0, info.st_size > limit {
                throw IngestError(path: path, reason: "file too large (\(info.st_size >> 20) MiB; the limit is \(limit >> 20) MiB)")
            }
        }
        var bytes: [UInt8] = []
        while true {
            let chunk = try next()
            if chunk.isEmpty { return bytes }
            bytes += chunk
            guard bytes.count <= limit else {
                throw IngestError(path: path, reason: "file too large (over \(limit >> 20) MiB uncompressed; the limit is \(limit >> 20) MiB)")
            }
        }
    }
}
