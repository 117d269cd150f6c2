/// Fixed multi-word names whose words look like events but name a thing
/// ("signed memoranda of understanding": the signing is the event, the
/// "understanding" is part of a document's name; "declared a state of
/// emergency"). A small list of English set phrases, not of any document's.
enum FixedNames {
    /// Indices of the words inside a fixed name.
    static func covered(_ words: [EventTrigger.Word]) -> Set<Int> {
        var covered: Set<Int> = []
        for index in words.indices {
            guard let candidates = byFirstWord[words[index].lowercased] else { continue }
            for phrase in candidates where index + phrase.count <= words.count
                && zip(phrase, words[index..<(index + phrase.count)]).allSatisfy({ $0 == $1.lowercased }) {
                covered.formUnion(index..<(index + phrase.count))
            }
        }
        return covered
    }

    static let phrases: [[String]] = [
        ["memorandum", "of", "understanding"], ["memoranda", "of", "understanding"], ["memorandums", "of", "understanding"],
        ["memorandum", "of", "agreement"], ["letter", "of", "intent"], ["letters", "of", "intent"],
        ["declaration", "of", "intent"], ["statement", "of", "intent"], ["letter", "of", "credit"], ["letters", "of", "credit"],
        ["state", "of", "emergency"], ["rules", "of", "engagement"], ["code", "of", "conduct"], ["terms", "of", "reference"],
        ["line", "of", "control"], ["line", "of", "actual", "control"], ["chain", "of", "command"], ["rule", "of", "law"],
        ["freedom", "of", "movement"], ["freedom", "of", "navigation"], ["freedom", "of", "expression"],
        ["balance", "of", "payments"], ["balance", "of", "power"], ["cost", "of", "living"], ["standard", "of", "living"],
        ["weapons", "of", "mass", "destruction"], ["prisoner", "of", "war"], ["prisoners", "of", "war"],
        ["crimes", "against", "humanity"], ["court", "of", "appeal"], ["court", "of", "appeals"], ["proof", "of", "concept"],
        ["right", "of", "return"], ["right", "to", "self-determination"], ["vote", "of", "confidence"], ["vote", "of", "no", "confidence"],
    ]
    private static let byFirstWord: [String: [[String]]] = Dictionary(grouping: phrases, by: { $0[0] })
}
