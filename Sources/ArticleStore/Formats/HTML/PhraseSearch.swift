/// Whether lower-cased text holds a phrase, by its UTF-8 bytes. Foundation's
/// `contains` compares by canonical equivalence through NSString, which
/// made the notice and furniture checks of every paragraph the costliest
/// step of reading a page; the phrases looked for are plain ASCII, for which
/// bytes say the same (except before a combining mark, which no notice has).
enum PhraseSearch {
    static func contains(_ text: String, _ phrase: String) -> Bool {
        var text = text
        var phrase = phrase
        return text.withUTF8 { textBytes in
            phrase.withUTF8 { phraseBytes in contains(textBytes, phraseBytes) }
        }
    }

    /// Whether `text` holds any of `phrases`.
    static func containsAny(_ text: String, _ phrases: [String]) -> Bool {
        var text = text
        return text.withUTF8 { textBytes in
            phrases.contains { phrase in
                var phrase = phrase
                return phrase.withUTF8 { contains(textBytes, $0) }
            }
        }
    }

    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ phrase: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = phrase.first else { return true }
        guard text.count >= phrase.count else { return false }
        var start = 0
        let lastStart = text.count - phrase.count
        while start <= lastStart {
            if text[start] == first {
                var offset = 1
                while offset < phrase.count && text[start + offset] == phrase[offset] { offset += 1 }
                if offset == phrase.count { return true }
            }
            start += 1
        }
        return false
    }
}
