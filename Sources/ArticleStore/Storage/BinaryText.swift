/// Text compared, hashed and ordered by its UTF-8 bytes, as SQLite's BINARY
/// collation and PostgreSQL's byte-wise keys compare it. Swift's `String`
/// equality is canonical equivalence ("Café" precomposed equals "Cafe" with a
/// combining accent), so a `String`-keyed dictionary would merge rows the
/// store keeps apart.
struct BinaryText: Hashable, Comparable, Sendable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: BinaryText, b: BinaryText) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }

    static func < (a: BinaryText, b: BinaryText) -> Bool { a.string.utf8.lexicographicallyPrecedes(b.string.utf8) }

    func hash(into hasher: inout Hasher) {
        var bytes = string
        bytes.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
