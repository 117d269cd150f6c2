import Foundation

/// The model file: little-endian, compact, read in one pass.
///
///     "DNER" | format u32 | feature version u32 | tags u32 | gazetteer fingerprint u64
///     | rows u32 | scale f32 | rows x (key u64 | tag mask u32 | i16 per set bit of the mask)
///
/// Weights are quantised to 16-bit steps of `scale` and stored only where
/// they are not zero: most features matter to two or three tags of seventeen.
enum ModelFile {
    static let magic: [UInt8] = Array("DNER".utf8)
    static let format: UInt32 = 1

    struct Contents {
        var featureVersion: UInt32
        var gazetteerFingerprint: UInt64
        var weights: TagWeights
    }

    static func encode(keys: [UInt64], weights: [Float], featureVersion: UInt32, gazetteerFingerprint: UInt64) -> Data {
        let width = EntityTag.count
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        var data = Data()
        data.append(contentsOf: magic)
        append(&data, format)
        append(&data, featureVersion)
        append(&data, UInt32(width))
        append(&data, gazetteerFingerprint)
        append(&data, UInt32(keys.count))
        append(&data, scale.bitPattern)
        for (row, key) in keys.enumerated() {
            var mask: UInt32 = 0
            var values: [Int16] = []
            for tag in 0..<width {
                let quantised = Int16(clamping: Int((weights[row * width + tag] / scale).rounded()))
                if quantised != 0 {
                    mask |= 1 << UInt32(tag)
                    values.append(quantised)
                }
            }
            append(&data, key)
            append(&data, mask)
            for value in values { append(&data, UInt16(bitPattern: value)) }
        }
        return data
    }

    static func decode(_ data: Data) throws(NERModelError) -> Contents {
        let result = data.withUnsafeBytes { raw -> Result<Contents, NERModelError> in
            do throws(NERModelError) { return .success(try decode(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private static func decode(_ raw: UnsafeRawBufferPointer) throws(NERModelError) -> Contents {
            var reader = Reader(raw: raw)
            guard raw.count >= 4, Array(raw[0..<4]) == magic else { throw .malformed("not a Dossier NER model") }
            reader.offset = 4
            guard try reader.read(UInt32.self) == format else { throw .malformed("unknown model format") }
            let featureVersion = try reader.read(UInt32.self)
            let width = Int(try reader.read(UInt32.self))
            guard width == EntityTag.count else { throw .malformed("model has \(width) tags, expected \(EntityTag.count)") }
            let fingerprint = try reader.read(UInt64.self)
            let rowCount = Int(try reader.read(UInt32.self))
            let scale = Float(bitPattern: try reader.read(UInt32.self))
            var keys: [UInt64] = []
            keys.reserveCapacity(rowCount)
            var weights = [Float](repeating: 0, count: rowCount * width)
            for row in 0..<rowCount {
                let key = try reader.read(UInt64.self)
                let mask = try reader.read(UInt32.self)
                keys.append(key)
                var bits = mask
                while bits != 0 {
                    let tag = bits.trailingZeroBitCount
                    bits &= bits - 1
                    guard tag < width else { throw .malformed("tag mask out of range") }
                    weights[row * width + tag] = Float(Int16(bitPattern: try reader.read(UInt16.self))) * scale
                }
            }
            return Contents(featureVersion: featureVersion, gazetteerFingerprint: fingerprint,
                            weights: TagWeights(keys: keys, rows: weights))
    }

    private static func append<Value: FixedWidthInteger>(_ data: inout Data, _ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private struct Reader {
        let raw: UnsafeRawBufferPointer
        var offset = 0

        mutating func read<Value: FixedWidthInteger>(_: Value.Type) throws(NERModelError) -> Value {
            let size = MemoryLayout<Value>.size
            guard offset + size <= raw.count else { throw .malformed("model file is truncated") }
            let value = raw.loadUnaligned(fromByteOffset: offset, as: Value.self)
            offset += size
            return Value(littleEndian: value)
        }
    }
}
