/// Just enough of Lua's lexer for the REPL: names and keywords with their byte
/// ranges, skipping strings, long strings and comments so that a `local` inside
/// them is never taken for a declaration.
struct LuaToken {
    enum Kind { case name, symbol, other }
    let kind: Kind
    let text: Substring.UTF8View
    let range: Range<Int>

    func isName(_ word: String) -> Bool {
        kind == .name && text.elementsEqual(word.utf8)
    }
}

func tokenizeLua(_ source: [UInt8]) -> [LuaToken] {
    var tokens: [LuaToken] = []
    var i = 0
    let n = source.count
    let string = String(decoding: source, as: UTF8.self)
    let view = string.utf8

    func slice(_ range: Range<Int>) -> Substring.UTF8View {
        let start = view.index(view.startIndex, offsetBy: range.lowerBound)
        let end = view.index(start, offsetBy: range.count)
        return Substring(string[start..<end]).utf8
    }
    func isNameByte(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122) || b >= 0x80
    }
    /// Length of a long bracket opener `[==[` at `at`, or nil.
    func longBracketLevel(at at: Int) -> Int? {
        guard at < n, source[at] == UInt8(ascii: "[") else { return nil }
        var j = at + 1
        while j < n, source[j] == UInt8(ascii: "=") { j += 1 }
        return j < n && source[j] == UInt8(ascii: "[") ? j - at - 1 : nil
    }
    func skipLong(from start: Int, level: Int) -> Int {
        var j = start
        while j < n {
            if source[j] == UInt8(ascii: "]") {
                var k = j + 1
                var equals = 0
                while k < n, source[k] == UInt8(ascii: "=") { equals += 1; k += 1 }
                if equals == level, k < n, source[k] == UInt8(ascii: "]") { return k + 1 }
            }
            j += 1
        }
        return n
    }

    while i < n {
        let b = source[i]
        if b == 32 || (b >= 9 && b <= 13) { i += 1; continue }
        if b == UInt8(ascii: "-"), i + 1 < n, source[i + 1] == UInt8(ascii: "-") {
            if let level = longBracketLevel(at: i + 2) {
                i = skipLong(from: i + 4 + level, level: level)
            } else {
                while i < n, source[i] != UInt8(ascii: "\n") { i += 1 }
            }
            continue
        }
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            let start = i
            i += 1
            while i < n, source[i] != b, source[i] != UInt8(ascii: "\n") {
                i += source[i] == UInt8(ascii: "\\") ? 2 : 1
            }
            i = min(i + 1, n)
            tokens.append(LuaToken(kind: .other, text: slice(start..<i), range: start..<i))
            continue
        }
        if let level = longBracketLevel(at: i) {
            let start = i
            i = skipLong(from: i + 2 + level, level: level)
            tokens.append(LuaToken(kind: .other, text: slice(start..<i), range: start..<i))
            continue
        }
        if isNameByte(b), !(b >= 48 && b <= 57) {
            let start = i
            while i < n, isNameByte(source[i]) { i += 1 }
            tokens.append(LuaToken(kind: .name, text: slice(start..<i), range: start..<i))
            continue
        }
        if b >= 48 && b <= 57 {
            let start = i
            while i < n, isNameByte(source[i]) || source[i] == UInt8(ascii: ".") { i += 1 }
            tokens.append(LuaToken(kind: .other, text: slice(start..<i), range: start..<i))
            continue
        }
        tokens.append(LuaToken(kind: .symbol, text: slice(i..<(i + 1)), range: i..<(i + 1)))
        i += 1
    }
    return tokens
}
