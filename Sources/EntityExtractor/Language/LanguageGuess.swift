import DossierCore

/// Which language a text is written in, told from its commonest words: the
/// extractor's model and lists are English, and run on German or Indonesian
/// they turn capitalised nouns and sentence starts into names ("Kükentöten",
/// "Bukan"). So `EntityExtractor.extract` finds nothing in a text this
/// calls confidently not English.
///
/// Counts the function words of eight European languages among the first
/// `sampleBytes` bytes (lower-case ASCII words, hashed, no allocation). Function
/// words are the most frequent words of any text and hardly shared between
/// these languages; the few that are ("a", "de", "la", "en", "die" is English
/// too) are left out. A text with too few of them to tell (a list of names, a
/// headline) is taken for English.
public enum LanguageGuess {
    public enum Language: String, CaseIterable, Sendable {
        case english = "en", german = "de", french = "fr", spanish = "es", italian = "it", dutch = "nl",
             portuguese = "pt", indonesian = "id"
    }

    /// Bytes read from the start of a text: enough words to tell, and a
    /// constant cost however long the text.
    static let sampleBytes = 2_000
    /// Function words needed before a guess is trusted.
    static let minimumEvidence = 12

    static let functionWords: [Language: [String]] = [
        .english: ["the", "and", "of", "to", "is", "that", "for", "it", "with", "was", "on", "are", "this", "have",
                   "from", "at", "by", "be", "not", "which", "has", "they", "their", "would", "will", "he", "she",
                   "we", "you", "but", "were", "been", "an", "or", "his", "her", "who", "said", "after", "about"],
        .german: ["der", "und", "den", "das", "ist", "nicht", "mit", "sich", "des", "auf", "ein", "eine", "dem",
                  "im", "zu", "von", "auch", "wird", "werden", "oder", "sie", "wir", "ich", "noch", "nach", "bei",
                  "aus", "wie", "sind", "einen", "einer", "zum", "zur", "dass", "vom", "aber", "nur"],
        .french: ["le", "les", "et", "des", "est", "une", "dans", "pour", "que", "qui", "pas", "sur", "du", "au",
                  "avec", "ce", "sont", "mais", "ou", "aux", "nous", "vous", "leur", "cette", "il", "elle"],
        .spanish: ["el", "los", "las", "y", "que", "por", "para", "es", "del", "una", "se", "lo", "como",
                   "pero", "su", "sus", "al", "este", "esta", "fue", "muy", "sobre", "entre"],
        .italian: ["il", "di", "che", "e", "sono", "con", "del", "della", "gli", "nel", "alla",
                   "anche", "questo", "questa", "dei", "delle", "stato", "ha", "si", "ma"],
        .dutch: ["het", "een", "dat", "op", "te", "zijn", "niet", "voor", "ook", "aan", "wordt",
                 "worden", "bij", "naar", "maar", "wel", "nog", "deze", "dit", "kan", "zich", "hij", "ze"],
        .portuguese: ["os", "que", "em", "um", "uma", "para", "com", "não", "da", "dos", "das", "na", "mais", "foi", "ao", "pelo", "pela", "seu", "sua", "são"],
        .indonesian: ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan",
                      "pada", "juga", "ke", "karena", "bukan", "ada", "oleh", "sudah", "mereka", "kami", "saya"],
    ]

    /// Word hash -> the languages it is a function word of (a bit each).
    private static let table: HashTable<UInt8> = {
        var table: [UInt64: UInt8] = [:]
        for (index, language) in Language.allCases.enumerated() {
            for word in functionWords[language] ?? [] {
                table[NameKey.hash(word.utf8), default: 0] |= 1 << UInt8(index)
            }
        }
        return HashTable(table)
    }()

    /// The language of `text`, or nil when it has too few function words to tell.
    public static func language(of text: String) -> Language? {
        TextBytes.withBytes(of: text) { language(of: $0) }
    }

    public static func language(of bytes: UnsafeBufferPointer<UInt8>) -> Language? {
        let counts = functionWordCounts(bytes)
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] >= minimumEvidence else { return nil }
        return Language.allCases[best]
    }

    /// For one sentence, too short for `language(of:)` to trust: whether the
    /// function words of some other language outnumber the English ones
    /// ("Die Regierung hat am Montag ..."), so an English lexicon should not
    /// read it. Sentences of fewer than five words are taken for English.
    public static func isSentenceNotEnglish(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var spaces = 0
        for byte in bytes where byte == 0x20 { spaces += 1 }
        guard spaces >= 4 else { return false }
        let counts = functionWordCounts(bytes)
        let english = counts[0]
        return counts.dropFirst().contains { $0 > english }
    }

    /// How many function words of each language (in `Language.allCases`
    /// order) the first `sampleBytes` bytes hold.
    private static func functionWordCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var counts = [Int](repeating: 0, count: Language.allCases.count)
        let end = min(bytes.count, sampleBytes)
        var index = 0
        while index < end {
            // A word: lower-case ASCII letters, or UTF-8 letters inside one ("não").
            guard isLower(bytes[index]) else { index += 1; continue }
            let start = index
            var hash = NameKey.hashSeed
            while index < end, isLower(bytes[index]) || bytes[index] >= 0x80 {
                hash = NameKey.hashStep(hash, bytes[index])
                index += 1
            }
            // A word that starts after a letter or capital ("McCain"'s "ain") is no word here.
            if start > 0, bytes[start - 1] >= 0x41, bytes[start - 1] <= 0x5A || bytes[start - 1] >= 0x80 { continue }
            guard index - start <= 7, let languages = table[hash] else { continue }
            for bit in 0..<counts.count where languages & (1 << UInt8(bit)) != 0 { counts[bit] += 1 }
        }
        return counts
    }

    /// Whether the extractor should skip `bytes`: a language other than English, confidently.
    public static func isConfidentlyNotEnglish(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let language = language(of: bytes) else { return false }
        return language != .english
    }

    @inline(__always)
    private static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
}
