/// Says when a page's extracted text should not be trusted as the whole
/// article: much shorter than the article-like text the page holds, very
/// short, cut off by a teaser ending, or mostly consent, sign-in or
/// subscription furniture. The notes go on the article and into the ingest
/// summary, so a page is never reduced to boilerplate silently.
enum ExtractionWarnings {
    /// Kept text below this share of the page's article-like text, with at
    /// least `minimumMissingLength` characters left behind, may be truncated.
    static let truncatedShare = 0.4
    static let minimumMissingLength = 1_500
    /// Fewer words than this are too few for an article.
    static let fewWords = 40
    /// Texts up to this many words are checked for being mostly boilerplate.
    static let boilerplateCheckWords = 200

    static func judge(_ blocks: [TextBlock], pageArticleLength: Int, paywalled: Bool = false) -> [String] {
        var warnings: [String] = []
        let length = StoryText.length(blocks)
        if Double(length) < Double(pageArticleLength) * truncatedShare, pageArticleLength - length >= minimumMissingLength {
            warnings.append("possibly truncated: kept \(length) of about \(pageArticleLength) characters of article-like text on the page")
        }
        let words = blocks.reduce(0) { $0 + wordCount($1.text) }
        if words < fewWords { warnings.append("little text: \(words) words") }
        if paywalled {
            warnings.append("possibly truncated: the page asks readers to subscribe or log in for the rest")
        } else if let last = blocks.last?.text, endsWithTeaserCut(last) {
            warnings.append("possibly truncated: the text ends with \"\(last.suffix(40))\"")
        }
        if words <= boilerplateCheckWords {
            let furnitureLength = blocks.filter { isSiteNotice($0.text) }.reduce(0) { $0 + $1.length }
            if length > 0, Double(furnitureLength) >= Double(length) / 2 {
                warnings.append("mostly boilerplate: the text reads as a cookie, sign-in or subscription notice")
            }
        }
        return warnings
    }

    /// "… Read more", "Continue reading" or "…": the page showed a teaser
    /// and hid the rest.
    private static func endsWithTeaserCut(_ text: String) -> Bool {
        let lowercased = text.lowercased()
        if lowercased.hasSuffix("…") || lowercased.hasSuffix("...") { return true }
        return teaserEndings.contains { lowercased.hasSuffix($0) }
    }

    /// "Subscribe to read", "To view the full story, please subscribe":
    /// a short line saying the rest is behind a paywall.
    static func isPaywallNotice(_ text: String) -> Bool {
        // Every kept paragraph comes here; long ones are ruled out by bytes first.
        guard text.utf8.count <= 800, text.count <= 200 else { return false }
        let lowercased = text.lowercased()
        return PhraseSearch.containsAny(lowercased, teaserPhrases)
    }

    private static let teaserEndings = ["read more", "continue reading", "read the full story", "read full article"]
    private static let teaserPhrases = [
        "subscribe to read", "subscribe to continue", "to view the full story", "for the full story",
        "to continue reading", "already a subscriber", "log in to read", "sign in to read",
    ]

    /// A paragraph of the notices sites show instead of, or around, an
    /// article: cookies and consent, JavaScript, sign-in and paywalls,
    /// "Thanks for contacting us".
    private static func isSiteNotice(_ text: String) -> Bool {
        let lowercased = text.lowercased()
        return PhraseSearch.containsAny(lowercased, noticePhrases)
    }

    private static let noticePhrases = [
        "cookie", "consent", "javascript", "enable js", "your browser", "sign in", "log in", "login", "subscribe",
        "subscription", "subscriber", "privacy policy", "terms of use", "thanks for contacting", "thank you for contacting",
        "thanks for signing up", "thank you for signing up", "newsletter", "ad blocker", "adblock",
    ]

    /// Words as runs between spaces; block texts have their white space collapsed to single spaces.
    private static func wordCount(_ text: String) -> Int {
        text.isEmpty ? 0 : text.utf8.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 }
    }
}
