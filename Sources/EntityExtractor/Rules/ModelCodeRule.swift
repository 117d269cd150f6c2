/// A short code in capitals written right before a model number is a
/// product's model, not an organisation: "GTX 1080", "RTX 3090", "EOS 5D",
/// "PS 5". The tagger reads a capitalised acronym as an organisation.
///
/// Only when the number is not a year ("NATO 2030", "COP 2025" stay for the
/// other rules), the code is no listed name ("BMW 320i" is BMW's), and the
/// line is no row of results, where a team's code precedes its score ("AEK 2"),
/// and no capitalised word or number follows the number (a result inside a
/// sentence: "PSV 2 Ajax 1").
///
/// A code the text writes so is the model's wherever else it stands in
/// that text, without its number too ("the GTX version" beside "GTX 1080");
/// alone, "the GTX version" has the shape of "the FBI agent", and the
/// tagger's reading stands.
enum ModelCodeRule {
    static func isModelCode(_ tokens: Range<Int>, in text: TokenizedText, facts: TokenFacts, gazetteer: Gazetteer) -> Bool {
        guard tokens.count == 1, facts.shape[tokens.lowerBound] == .allCaps,
              text.lines[facts.line[tokens.lowerBound]].kind != .dataRow else { return false }
        let code = text.bytes[text.tokens[tokens.lowerBound].range]
        guard (2...5).contains(code.count), code.allSatisfy(isASCIIUpper) else { return false }
        let next = tokens.upperBound
        guard next < text.tokens.count, facts.shape[next] == .number || facts.shape[next] == .allCaps else { return false }
        let number = text.bytes[text.tokens[next].range]
        // A model number starts with a digit and is on the same line, right after one space.
        guard let first = number.first, isASCIIDigit(first),
              text.tokens[next].range.lowerBound == text.tokens[tokens.lowerBound].range.upperBound + 1 else { return false }
        let after = next + 1
        if after < text.tokens.count, facts.line[after] == facts.line[next], facts.shape[after] != .lower, facts.shape[after] != .other {
            return false
        }
        if number.count == 4, number.allSatisfy(isASCIIDigit),
           let year = Int(String(decoding: number, as: UTF8.self)), (1900...2099).contains(year) { return false }
        return gazetteer.lookup(tokens: tokens, in: text) == nil
    }

    /// The codes this text writes before a model number (`isModelCode`), by folded hash.
    static func codes(in text: TokenizedText, facts: TokenFacts, gazetteer: Gazetteer) -> HashInterner {
        var codes = HashInterner()
        for token in text.tokens.indices where facts.shape[token] == .allCaps
            && isModelCode(token..<(token + 1), in: text, facts: facts, gazetteer: gazetteer) {
            _ = codes.insert(WordSet.hash(of: token, in: text))
        }
        return codes
    }

    /// Whether a one-word span in capitals is one of the text's model `codes`.
    static func isNamedModel(_ tokens: Range<Int>, in text: TokenizedText, facts: TokenFacts, codes: HashInterner) -> Bool {
        tokens.count == 1 && facts.shape[tokens.lowerBound] == .allCaps
            && text.lines[facts.line[tokens.lowerBound]].kind != .dataRow
            && codes.id(of: WordSet.hash(of: tokens.lowerBound, in: text)) != nil
    }
}
