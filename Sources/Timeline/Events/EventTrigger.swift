/// Finds the phrase that says what happened in a sentence: the verb group
/// nearest the date ("resumed", "has signed", "had remained").
///
/// Without a part-of-speech tagger, verbs are recognised by form: an auxiliary
/// (has, have, had, was, were) followed by a participle, a past tense in -ed,
/// or a common irregular past. Nearness is counted in words from the date,
/// because news puts the date beside the verb it modifies ("In April 2025, the
/// two countries resumed").
enum EventTrigger {
    struct Word {
        var text: Substring
        var lowercased: String
        var range: Range<Int>
    }

    /// The trigger for a date at byte range `near` of `sentence` (offsets
    /// relative to the sentence); nil when no verb is found.
    static func phrase(in sentence: String, near: Range<Int>?) -> String? {
        phrase(in: split(sentence), near: near)
    }

    /// As above, on the sentence's words (split once for all its dates).
    static func phrase(in words: [Word], near: Range<Int>?) -> String? {
        guard !words.isEmpty else { return nil }
        var best: (distance: Int, phrase: String)?
        for (index, word) in words.enumerated() {
            let lower = word.lowercased
            // A capital inside the sentence is a name ("Ahmed", "Mohammed"), not a verb.
            if index > 0, word.text.first?.isUppercase == true { continue }
            guard isVerb(lower) else { continue }
            if index > 0, auxiliaries.contains(words[index - 1].lowercased) { continue }  // the participle after it is the verb
            var phrase = String(word.text)
            var next = index + 1
            if auxiliaries.contains(lower) {
                // Take "has signed", "have, over the past few months, quietly rebuilt",
                // skipping inserted words up to the participle.
                while next < words.count, next - index <= 8 {
                    let candidate = words[next].lowercased
                    if words[next].text.first?.isUppercase != true, isParticiple(candidate) {
                        phrase = lower + " " + words[next].text
                        break
                    }
                    next += 1
                }
                if phrase == String(word.text) { continue }  // an auxiliary with no participle: "has a role"
            }
            let distance: Int
            if let near {
                distance = word.range.upperBound <= near.lowerBound ? near.lowerBound - word.range.upperBound
                    : word.range.lowerBound >= near.upperBound ? word.range.lowerBound - near.upperBound : 0
            } else {
                distance = index
            }
            if best == nil || distance < best!.distance { best = (distance, phrase) }
        }
        return best?.phrase
    }

    /// Words of a sentence: letters and digits ("A380" is one word), with
    /// hyphens and apostrophes inside ("take-off", "don't", "it’s", the
    /// curly apostrophe read as a straight one in `lowercased`).
    static func split(_ sentence: String) -> [Word] {
        var words: [Word] = []
        let bytes = Array(sentence.utf8)
        func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
        var start = -1
        var index = 0
        while index <= bytes.count {
            let byte = index < bytes.count ? bytes[index] : 0x20
            if isLetter(byte) || (byte >= 0x30 && byte <= 0x39 || byte == UInt8(ascii: "-")) && start >= 0 {
                if start < 0 { start = index }
                index += 1
                continue
            }
            if start >= 0, byte == UInt8(ascii: "'"), index + 1 < bytes.count, isLetter(bytes[index + 1]) {
                index += 1
                continue
            }
            if start >= 0, byte == 0xE2, index + 3 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99, isLetter(bytes[index + 3]) {
                index += 3
                continue
            }
            if start >= 0 {
                let text = Substring(String(decoding: bytes[start..<index], as: UTF8.self))
                // A word is ASCII letters, digits, hyphens and apostrophes, so
                // lower-casing is a byte operation; the curly apostrophe (E2 80 99)
                // becomes a straight one.
                var lower: [UInt8] = []
                lower.reserveCapacity(index - start)
                var k = start
                while k < index {
                    let byte = bytes[k]
                    if byte == 0xE2 {
                        lower.append(UInt8(ascii: "'"))
                        k += 3
                        continue
                    }
                    lower.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    k += 1
                }
                words.append(Word(text: text, lowercased: String(decoding: lower, as: UTF8.self), range: start..<index))
                start = -1
            }
            index += 1
        }
        return words
    }

    static func isVerb(_ word: String) -> Bool {
        if auxiliaries.contains(word) { return true }
        if irregularPast.contains(word) { return true }
        return isRegularPast(word)
    }

    static func isParticiple(_ word: String) -> Bool {
        irregularPast.contains(word) || irregularParticiples.contains(word) || isRegularPast(word)
    }

    /// "resumed", "signed", "acknowledged" (given lower-cased); not "based",
    /// "limited" and the like, used as adjectives too often to count. Callers
    /// skip capitalised words first: names such as "Ahmed" end in -ed too.
    static func isRegularPast(_ word: String) -> Bool {
        word.count >= 5 && word.hasSuffix("ed") && !notVerbs.contains(word)
    }

    static let auxiliaries: Set<String> = ["has", "have", "had", "was", "were"]
    static let irregularPast: Set<String> = [
        "said", "met", "took", "made", "held", "began", "won", "lost", "led", "went", "came", "gave", "saw",
        "told", "fell", "rose", "sent", "brought", "built", "rebuilt", "sought", "fought", "struck", "left",
        "became", "broke", "bought", "sold", "paid", "spoke", "wrote", "ran", "set", "put", "hit", "cut",
        "shut", "kept", "found", "thought", "felt", "flew", "drew", "grew", "knew", "threw", "stood", "began",
        "swore", "withdrew", "overtook", "undertook", "froze", "chose", "shot", "fled", "spent", "lent",
        // Past forms that are no other word: "stole", "drove", "taught".
        "stole", "drove", "rode", "wore", "forgot", "forgave", "sang", "swam", "woke", "tore", "hid", "shook",
        "slept", "taught", "caught", "arose", "awoke", "forbade", "foresaw", "mistook", "strove", "sank", "sprang", "stank",
        "bore", "beheld", "dealt", "dug", "slid", "spun", "stung", "swung", "wept",
    ]
    static let irregularParticiples: Set<String> = [
        "been", "taken", "given", "seen", "done", "gone", "known", "shown", "grown", "drawn", "thrown",
        "broken", "spoken", "written", "chosen", "frozen", "begun", "won", "withdrawn", "undertaken", "overtaken",
    ]
    static let notVerbs: Set<String> = [
        "based", "limited", "united", "related", "detailed", "advanced", "interested", "concerned", "armed",
        "need", "indeed", "speed", "breed", "seed", "feed", "creed", "greed", "proceed", "exceed", "succeed",
        "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "ragged", "beloved", "alleged", "supposed",
        "so-called", "skilled", "experienced", "informed", "unprecedented", "sustained", "consolidated", "embedded",
    ]
}
