import CZlib
import Foundation

/// Compresses bytes as `gzip` does (one member), with zlib's deflate.
func gzipped(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    // 15 + 16: a gzip wrapper.
    guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return [] }
    defer { deflateEnd(&stream) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
    let produced = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer -> Int in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            stream.next_out = outBuffer.baseAddress
            stream.avail_out = UInt32(outBuffer.count)
            guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return 0 }
            return outBuffer.count - Int(stream.avail_out)
        }
    }
    return Array(output.prefix(produced))
}

/// A scratch directory, removed by the caller.
func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// One JSON Lines article per number, with distinct bodies.
func articleLines(_ numbers: Range<Int>) -> String {
    numbers.map { n in
        "{\"title\": \"Report \(n)\", \"body\": \"Article \(n) says the talks in Dhaka reached stage \(n * 7919 % 10007) of \(n + 13).\"}\n"
    }.joined()
}
