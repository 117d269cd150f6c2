extension EntityExtractor {
    /// The language of a text the extractor finds nothing in (`LanguageGuess`:
    /// confidently not English), as its BCP 47 code.
    public func foreignLanguage(of text: String) -> String? {
        guard let language = LanguageGuess.language(of: text), language != .english else { return nil }
        return language.rawValue
    }
}
