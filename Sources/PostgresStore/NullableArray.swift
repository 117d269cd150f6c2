import NIOCore
import PostgresNIO

/// A one-dimensional PostgreSQL array whose elements may be NULL, in the
/// binary array format, for bulk inserts through `unnest` (postgres-nio's own
/// arrays have no NULL elements, and articles have many optional fields).
struct NullableArray<Element: PostgresArrayEncodable & PostgresNonThrowingEncodable>: PostgresNonThrowingEncodable, PostgresDynamicTypeEncodable {
    var elements: [Element?]

    init(_ elements: [Element?]) { self.elements = elements }

    static var psqlType: PostgresDataType { Element.psqlArrayType }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(Int32(elements.isEmpty ? 0 : 1))        // dimensions
        buffer.writeInteger(Int32(elements.contains { $0 == nil } ? 1 : 0))  // has NULLs
        buffer.writeInteger(Element.psqlType.rawValue)             // element type
        guard !elements.isEmpty else { return }
        buffer.writeInteger(Int32(truncatingIfNeeded: elements.count))  // length of the dimension
        buffer.writeInteger(Int32(1))                              // lower bound
        for element in elements {
            guard let element else {
                buffer.writeInteger(Int32(-1))
                continue
            }
            let lengthAt = buffer.writerIndex
            buffer.writeInteger(Int32(0))
            element.encode(into: &buffer, context: context)
            buffer.setInteger(Int32(truncatingIfNeeded: buffer.writerIndex - lengthAt - 4), at: lengthAt)
        }
    }
}
