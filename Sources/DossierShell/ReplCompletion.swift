import LuaKit

/// Completions for the word under the cursor: `pri` -> globals, `string.fo` ->
/// keys of `string`, `store:sea` -> methods of the value `store`. Values are
/// looked up raw (see LuaIntrospection), so completing never runs script code.
public func completions(for word: String, in state: LuaState) -> [String] {
    guard let separatorIndex = word.lastIndex(where: { $0 == "." || $0 == ":" }) else {
        return state.completions(path: [], prefix: word)
    }
    let head = word[..<separatorIndex]
    let prefix = String(word[word.index(after: separatorIndex)...])
    let path = head.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !path.contains(where: \.isEmpty), !head.contains(":") else { return [] }
    return state.completions(path: path, prefix: prefix).map { String(head) + String(word[separatorIndex]) + $0 }
}
