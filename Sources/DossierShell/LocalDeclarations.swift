/// The REPL runs each entry as its own chunk, so a `local` would vanish with
/// its chunk. Top-level `local` declarations are therefore made global, and the
/// value stays visible on the next line (`:help` says so):
///
///     local x = 1            ->  x = 1
///     local a, b             ->  a, b = nil
///     local function f() end ->  function f() end
///
/// Locals inside functions and blocks are left alone, and so is a declaration
/// with a `<close>` attribute, whose meaning needs the scope to end.
public func globalizeTopLevelLocals(_ source: String) -> String {
    let bytes = Array(source.utf8)
    let tokens = tokenizeLua(bytes)
    var edits: [(range: Range<Int>, replacement: String)] = []
    var depth = 0
    var index = 0
    while index < tokens.count {
        let token = tokens[index]
        defer { index += 1 }
        guard token.kind == .name else { continue }
        if token.isName("function") || token.isName("do") || token.isName("if") || token.isName("repeat") {
            // `local function f` is handled below before its `function` is counted.
            depth += 1
            continue
        }
        if token.isName("end") || token.isName("until") {
            depth = max(0, depth - 1)
            continue
        }
        guard token.isName("local"), depth == 0, index + 1 < tokens.count else { continue }
        let next = tokens[index + 1]
        if next.isName("function") {
            edits.append((token.range.lowerBound..<next.range.lowerBound, ""))
            continue
        }
        // local NAME [<attrib>] {, NAME [<attrib>]} [= explist]
        var cursor = index + 1
        var attributeEdits: [(range: Range<Int>, replacement: String)] = []
        var hasClose = false
        var lastNameEnd = token.range.upperBound
        while cursor < tokens.count, tokens[cursor].kind == .name {
            lastNameEnd = tokens[cursor].range.upperBound
            cursor += 1
            if cursor + 2 < tokens.count, tokens[cursor].text.elementsEqual("<".utf8), tokens[cursor + 2].text.elementsEqual(">".utf8) {
                hasClose = hasClose || tokens[cursor + 1].isName("close")
                attributeEdits.append((lastNameEnd..<tokens[cursor + 2].range.upperBound, ""))
                lastNameEnd = tokens[cursor + 2].range.upperBound
                cursor += 3
            }
            guard cursor < tokens.count, tokens[cursor].text.elementsEqual(",".utf8) else { break }
            cursor += 1
        }
        guard !hasClose, cursor > index + 1 else { continue }
        edits.append((token.range.lowerBound..<next.range.lowerBound, ""))
        edits.append(contentsOf: attributeEdits)
        let hasValues = cursor < tokens.count && tokens[cursor].text.elementsEqual("=".utf8)
            && !(cursor + 1 < tokens.count && tokens[cursor + 1].text.elementsEqual("=".utf8))
        if !hasValues { edits.append((lastNameEnd..<lastNameEnd, " = nil")) }
        index = cursor - 1
    }
    guard !edits.isEmpty else { return source }
    var result = bytes
    for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
        result.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
    }
    return String(decoding: result, as: UTF8.self)
}
