/// 64-bit FNV-1a, the byte hash the engines key words and features by
/// (gazetteer names, cue features, event words, the data files' digest):
/// the same in every process (Swift's `Hasher` is seeded per run), cheap per
/// byte and computed as bytes are read, with no string made.
public struct FNV1a: Sendable {
    public static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable @inline(__always)
    public static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    public var value: UInt64 = FNV1a.seed

    public init() {}

    @inlinable @inline(__always)
    public mutating func add(_ byte: UInt8) {
        value = Self.step(value, byte)
    }

    @inlinable
    public mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { value = Self.step(value, byte) }
    }

    /// The hash of a string's UTF-8 bytes.
    public static func of(_ text: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(bytes: text.utf8)
        return hash.value
    }
}
