/// A few lowercase byte strings looked for together, in any ASCII case, in
/// the raw bytes of attributes and text nodes ("omment" in a class name,
/// "last modified" in a text). Every element and text node of a page is
/// asked several such questions, so the fragments are laid out once, as
/// constants, and each question is one pass over the bytes that tries a
/// position only for the fragments that begin with its byte.
struct ASCIIFragments: Sendable {
    /// The fragments' bytes end to end, and where each one lies in them.
    private let bytes: [UInt8]
    private let ranges: [Range<Int>]
    private let firstBytes: FirstByteSet

    /// `fragments` in lowercase; empty ones are left out (they would match anywhere).
    init(_ fragments: [StaticString]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var firstBytes = FirstByteSet()
        for fragment in fragments where fragment.utf8CodeUnitCount > 0 {
            let start = bytes.count
            bytes.append(contentsOf: UnsafeBufferPointer(start: fragment.utf8Start, count: fragment.utf8CodeUnitCount))
            ranges.append(start..<bytes.count)
            firstBytes.insert(fragment.utf8Start.pointee)
        }
        self.bytes = bytes
        self.ranges = ranges
        self.firstBytes = firstBytes
    }

    /// Whether `text` holds one of the fragments, in any ASCII case.
    func occur(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { fragmentBytes in
            for start in text.indices {
                let first = Self.asciiLowercased(text[start])
                guard firstBytes.contains(first) else { continue }
                for range in ranges where fragmentBytes[range.lowerBound] == first && start + range.count <= text.count {
                    if Self.matches(text, at: start, fragmentBytes, range) { return true }
                }
            }
            return false
        }
    }

    /// Whether `word` (lowercase) is one of the fragments, whole.
    func containWhole(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { fragmentBytes in
            ranges.contains { range in
                range.count == word.count && Self.equal(word, 0, fragmentBytes, range)
            }
        }
    }

    /// Whether `word` (lowercase) begins with one of the fragments.
    func beginOne(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { fragmentBytes in
            ranges.contains { range in
                range.count <= word.count && Self.equal(word, 0, fragmentBytes, range)
            }
        }
    }

    /// Whether `text` from `start` holds exactly the fragment's bytes; the caller checked that it fits.
    @inline(__always)
    private static func equal(_ text: UnsafeBufferPointer<UInt8>, _ start: Int,
                              _ fragmentBytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var offset = start
        for index in range {
            if text[offset] != fragmentBytes[index] { return false }
            offset += 1
        }
        return true
    }

    /// Whether the fragment at `range` of `fragmentBytes` stands in `text` at
    /// `start`, in any ASCII case; the caller checked that it fits.
    @inline(__always)
    private static func matches(_ text: UnsafeBufferPointer<UInt8>, at start: Int,
                                _ fragmentBytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var offset = start
        for index in range {
            if asciiLowercased(text[offset]) != fragmentBytes[index] { return false }
            offset += 1
        }
        return true
    }

    @inline(__always)
    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// A set of bytes as four 64-bit masks.
    private struct FirstByteSet: Sendable {
        private var masks: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        mutating func insert(_ byte: UInt8) {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: masks.0 |= bit
            case 1: masks.1 |= bit
            case 2: masks.2 |= bit
            default: masks.3 |= bit
            }
        }

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: return masks.0 & bit != 0
            case 1: return masks.1 & bit != 0
            case 2: return masks.2 & bit != 0
            default: return masks.3 & bit != 0
            }
        }
    }
}
