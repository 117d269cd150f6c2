import EntityExtractor

/// Whether an article is instructions (a recipe, a how-to, a set-up guide,
/// a product page) rather than a report of what happened. Its verbs tell the
/// reader what to do ("Mix the flour", "we format the query and put it into
/// the q parameter"), not what anyone did, so its undated events are no
/// timeline's.
///
/// Read from the whole text, not a sentence: the share of sentences that open
/// with an imperative verb, quantities with a kitchen unit ("2 cups", "1 tsp"),
/// second-person words per hundred words, and reporting words ("said",
/// "according") per sentence, which news has and instructions lack.
/// Thresholds set on real pages (docs/quality.md, "Instructions, states,
/// names in passing"): of the 171 html-dev pages they take recipes, how-tos
/// and product pages, and none of the 924 PolNeAR news articles.
enum InstructionalText {
    static func isInstructions(_ tokenized: TokenizedText) -> Bool {
        let sentenceCount = tokenized.sentences.count
        guard sentenceCount >= minimumSentences else { return false }
        var imperatives = 0
        var quantities = 0
        var secondPerson = 0
        var reporting = 0
        var words = 0
        // News: enough reporting words already (most articles stop here early).
        let isReport = tokenized.bytes.withUnsafeBufferPointer { bytes -> Bool in
            var previousIsQuantity = false
            for sentence in tokenized.sentences {
                var sawWord = false
                for index in sentence {
                    let range = tokenized.tokens[index].range
                    guard let first = range.first.map({ bytes[$0] }) else { continue }
                    let isLetter = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A
                    let isDigit = first >= 0x30 && first <= 0x39
                    // "½" and the other vulgar fractions open with C2 BC..BE.
                    let isFraction = first == 0xC2 && range.count == 2 && bytes[range.lowerBound + 1] >= 0xBC
                    guard isLetter || isDigit || isFraction else { continue }
                    words += 1
                    // No listed word is longer than 11 letters: no key, no look-up.
                    let key = isLetter && range.count <= 11 ? WordKey(bytes, range.lowerBound, range.upperBound) : nil
                    let role = key.flatMap { roles[$0] }
                    if !sawWord {
                        sawWord = true
                        // A capital first word from the list: "Add the eggs", "Click Save".
                        if first >= 0x41, first <= 0x5A, let key, imperativeVerbs.contains(key) { imperatives += 1 }
                    }
                    switch role {
                    case .unit?: if previousIsQuantity { quantities += 1 }
                    case .secondPerson?: secondPerson += 1
                    case .reporting?:
                        reporting += 1
                        // News reports speech; instructions seldom do.
                        if reporting * 20 >= sentenceCount { return true }
                    case .quantity?, nil: break
                    }
                    previousIsQuantity = isDigit || isFraction || role == .quantity
                }
            }
            return false
        }
        guard !isReport else { return false }
        let imperativeShare = Double(imperatives) / Double(sentenceCount)
        let secondPersonRate = words == 0 ? 0 : Double(secondPerson) * 100 / Double(words)
        if quantities >= 3 { return true }
        if secondPersonRate >= 4.5 { return true }
        guard sentenceCount >= 20 else { return false }
        return imperativeShare >= 0.15 || imperativeShare >= 0.08 && secondPersonRate >= 2.5
    }

    static let minimumSentences = 10

    static let imperativeVerbs: Set<WordKey> = Set("""
        add mix stir preheat bake place remove click select open go make use try check install run type enter choose cut \
        pour combine heat cook serve let keep set put take follow download apply wash drain whisk season sprinkle transfer \
        bring reduce simmer fold beat spread roll store repeat press tap scroll navigate create copy paste save drag drop \
        start fill grab chop slice dice blend melt boil fry grill roast toss garnish top line grease cover refrigerate chill \
        freeze soak rinse peel mash knead shape brush coat layer arrange sign log visit find get read learn see note \
        remember avoid do consider look give allow prepare plant water prune feed
        """.split(separator: " ").map { WordKey(String($0)) })
    /// What a word counts for; one look-up per word.
    enum Role { case unit, quantity, secondPerson, reporting }
    static let roles: [WordKey: Role] = {
        var table: [WordKey: Role] = [:]
        let units = """
            cup cups tablespoon tablespoons teaspoon teaspoons tbsp tsp oz ounce ounces grams gram ml lb lbs pound pounds \
            pinch cloves clove
            """
        for word in units.split(separator: " ") { table[WordKey(String(word))] = .unit }
        // Words that stand for a count before a unit ("a cup", "half a teaspoon").
        for word in ["a", "half", "one", "two", "three"] { table[WordKey(word)] = .quantity }
        for word in ["you", "your", "yourself", "yours"] { table[WordKey(word)] = .secondPerson }
        for word in ["said", "says", "told", "according"] { table[WordKey(word)] = .reporting }
        return table
    }()
}
