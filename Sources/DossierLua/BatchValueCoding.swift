import CLua
import LuaKit

/// The bytes a map result is stored as between `map` in one Lua state and
/// `reduce` in another (or on another machine): an exact, self-describing
/// encoding of plain Lua data (booleans, integers and floats kept apart,
/// strings as bytes, tables with any such keys). Functions, userdata (an
/// Article included) and threads cannot travel and are refused with a message.
///
/// Layout: a tag byte, then for integers and floats 8 bytes little-endian, for
/// strings a length (LEB128) and the bytes, for tables a pair count and the
/// pairs, key before value.
enum BatchValueCoding {
    private enum Tag: UInt8 {
        case `false` = 1, `true`, integer, float, string, table
    }

    /// Tables nested deeper than this are refused: a table that holds itself
    /// would otherwise never end.
    static let maximumDepth = 100

    /// A result whose encoding passes this many bytes is refused: one table
    /// referred to twice at each of 40 levels is within the depth limit and
    /// would take 2^40 copies.
    static let maximumBytes = 16 << 20

    struct EncodingError: Error, CustomStringConvertible {
        /// What is wrong, and where: the keys from the result down to the value,
        /// added as the error leaves each table (so no path is made on success).
        var reason: String
        var path: [String] = []
        var description: String { "result" + path.joined() + reason }
    }

    /// Encodes the value at `index`, which must not be nil.
    static func encode(_ stack: LuaStack, at index: Int32, maximumBytes: Int = maximumBytes) throws(EncodingError) -> [UInt8] {
        var bytes: [UInt8] = []
        try encode(stack, at: stack.absolute(index), into: &bytes, depth: 0, limit: maximumBytes)
        return bytes
    }

    private static func encode(_ stack: LuaStack, at index: Int32, into bytes: inout [UInt8], depth: Int, limit: Int) throws(EncodingError) {
        let L = stack.L
        switch stack.type(at: index) {
        case .boolean:
            bytes.append(lua_toboolean(L, index) != 0 ? Tag.true.rawValue : Tag.false.rawValue)
        case .number:
            if lua_isinteger(L, index) != 0 {
                bytes.append(Tag.integer.rawValue)
                appendFixed(UInt64(bitPattern: Int64(lua_tointegerx(L, index, nil))), to: &bytes)
            } else {
                bytes.append(Tag.float.rawValue)
                appendFixed(lua_tonumberx(L, index, nil).bitPattern, to: &bytes)
            }
        case .string:
            let text = stack.bytes(at: index) ?? UnsafeRawBufferPointer(start: nil, count: 0)
            guard bytes.count + text.count <= limit else { throw tooLarge(limit) }
            bytes.append(Tag.string.rawValue)
            appendLength(text.count, to: &bytes)
            bytes.append(contentsOf: text)
        case .table:
            guard depth < maximumDepth else {
                throw EncodingError(reason: ": tables nested deeper than \(maximumDepth) (does a table hold itself?)")
            }
            guard stack.reserve(4) else { throw EncodingError(reason: ": out of Lua stack space") }
            var pairs = 0
            stack.forEachPair(index) { pairs += 1 }
            bytes.append(Tag.table.rawValue)
            appendLength(pairs, to: &bytes)
            var failure: EncodingError?
            stack.forEachPair(index) {
                guard failure == nil else { return }
                let key = stack.top - 1
                let value = stack.top
                do throws(EncodingError) {
                    try encode(stack, at: key, into: &bytes, depth: depth + 1, limit: limit)
                } catch {
                    failure = error
                    failure?.path.insert(" key \(keyName(stack, at: key))", at: 0)
                    return
                }
                do throws(EncodingError) {
                    try encode(stack, at: value, into: &bytes, depth: depth + 1, limit: limit)
                } catch {
                    failure = error
                    failure?.path.insert("[\(keyName(stack, at: key))]", at: 0)
                }
            }
            if let failure { throw failure }
        case let type:
            throw EncodingError(reason: " is of type \(type == .nil ? "nil" : stack.typeName(at: index)): map results hold only booleans, numbers, strings and tables of them")
        }
        guard bytes.count <= limit else { throw tooLarge(limit) }
    }

    private static func tooLarge(_ limit: Int) -> EncodingError {
        EncodingError(reason: ": larger than \(limit >> 20) MiB encoded (the limit of one map result; does a table appear many times over?)")
    }

    private static func keyName(_ stack: LuaStack, at index: Int32) -> String {
        switch stack.type(at: index) {
        case .string: return "\"" + String(decoding: stack.bytes(at: index) ?? UnsafeRawBufferPointer(start: nil, count: 0), as: UTF8.self) + "\""
        case .number:
            if lua_isinteger(stack.L, index) != 0 { return String(lua_tointegerx(stack.L, index, nil)) }
            return String(lua_tonumberx(stack.L, index, nil))
        default: return "(\(stack.typeName(at: index)))"
        }
    }

    private static func appendFixed(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        var rest = UInt64(length)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    struct DecodingError: Error, CustomStringConvertible {
        var description: String
    }

    /// Pushes the value `bytes` encode. Bytes that are not a whole value (a
    /// damaged row) are refused, never read past.
    static func push(_ bytes: [UInt8], to stack: LuaStack) throws(DecodingError) {
        var reader = Reader(bytes: bytes)
        try reader.push(to: stack, depth: 0)
        guard reader.offset == bytes.count else {
            stack.pop()
            throw DecodingError(description: "a stored map result has \(bytes.count - reader.offset) bytes after its value")
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws(DecodingError) -> UInt8 {
            guard offset < bytes.count else { throw DecodingError(description: "a stored map result ends early") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func fixed() throws(DecodingError) -> UInt64 {
            var value: UInt64 = 0
            for shift in stride(from: 0, to: 64, by: 8) { value |= UInt64(try byte()) << UInt64(shift) }
            return value
        }

        mutating func length() throws(DecodingError) -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                guard shift < 63 else { throw DecodingError(description: "a stored map result has a bad length") }
                value |= UInt64(next & 0x7f) << shift
                if next & 0x80 == 0 { break }
                shift += 7
            }
            // No length can exceed the bytes that remain (a pair takes at least two).
            guard value <= UInt64(bytes.count - offset) else { throw DecodingError(description: "a stored map result has a bad length") }
            return Int(value)
        }

        mutating func push(to stack: LuaStack, depth: Int) throws(DecodingError) {
            guard depth <= BatchValueCoding.maximumDepth, stack.reserve(3) else {
                throw DecodingError(description: "a stored map result is nested too deeply")
            }
            let L = stack.L
            guard let tag = Tag(rawValue: try byte()) else { throw DecodingError(description: "a stored map result has an unknown tag") }
            switch tag {
            case .false: lua_pushboolean(L, 0)
            case .true: lua_pushboolean(L, 1)
            case .integer: lua_pushinteger(L, lua_Integer(Int64(bitPattern: try fixed())))
            case .float: lua_pushnumber(L, Double(bitPattern: try fixed()))
            case .string:
                let count = try length()
                bytes.withUnsafeBytes { buffer in
                    _ = lua_pushlstring(L, buffer.baseAddress.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }, count)
                }
                offset += count
            case .table:
                let pairs = try length()
                lua_createtable(L, 0, Int32(min(pairs, 1 << 20)))
                // A failed push leaves nothing behind; the table is popped here.
                for _ in 0..<pairs {
                    do { try push(to: stack, depth: depth + 1) } catch {
                        stack.pop()
                        throw error
                    }
                    do { try push(to: stack, depth: depth + 1) } catch {
                        stack.pop(2)
                        throw error
                    }
                    // NaN keys and nil cannot be table keys; the encoder never writes them.
                    guard lua_type(L, -2) != LUA_TNIL, !(lua_type(L, -2) == LUA_TNUMBER && lua_tonumberx(L, -2, nil).isNaN) else {
                        stack.pop(3)
                        throw DecodingError(description: "a stored map result has a table key that cannot be one")
                    }
                    lua_rawset(L, -3)
                }
            }
        }
    }
}
