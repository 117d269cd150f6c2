/// Lines that are page furniture even where they stand inside the story's
/// container: photo credits, "Updated …" and other date stamps, bare URLs,
/// promos ("Read more: …", "Sign up for …", "Follow us on …"), tag lists
/// ("Tags: …") and captions a gallery repeats. Each rule looks at one short
/// line as a whole, so a sentence of the story that merely mentions a photo
/// or a subscription stays.
enum BoilerplateLines {
    /// Longer lines are prose, whatever they begin with.
    static let maximumFurnitureLength = 220

    /// The blocks without furniture lines, and short lines shown again
    /// (gallery captions in the strip and in the viewer, a verdict in the
    /// box and at the end) only the first time.
    static func removing(from blocks: [TextBlock]) -> [TextBlock] {
        var seen: Set<String> = []
        return blocks.filter { block in
            guard block.length <= maximumFurnitureLength else {
                return block.length > maximumNoticeLength || !(isCopyrightNotice(block.text) || isDisguisedText(block.text))
            }
            if !isHeading(block), !seen.insert(block.text).inserted { return false }
            return !isFurniture(block.text)
        }
    }

    /// Notices longer than furniture lines still go when they say what they
    /// are in their first characters (a copyright line with its terms).
    static let maximumNoticeLength = 1_000

    /// "© 2022, Example News. This article is the copyrighted property of …
    /// Written permission must be obtained …": a paragraph that opens with
    /// the copyright mark is the site's terms, however long.
    static func isCopyrightNotice(_ text: String) -> Bool {
        let opening = text.prefix(16).lowercased()
        return opening.hasPrefix("©") || opening.hasPrefix("copyright ©") || opening.hasPrefix("copyright (c)")
            || opening.hasPrefix("(c) ")
    }

    /// Text written with look-alike letters of another script inside Latin
    /// words ("Yоur соntеnt" with Cyrillic о, е): sites disguise their own
    /// advertising notices so that filters miss them; no story is written so.
    /// Three such words make the paragraph a disguised notice.
    static func isDisguisedText(_ text: String) -> Bool {
        // Greek and Cyrillic (U+0370…U+04FF) begin with the bytes 0xCD…0xD3
        // in UTF-8: without one, no word mixes scripts (curly quotes alone
        // make most paragraphs non-ASCII).
        guard text.utf8.contains(where: { (0xCD...0xD3).contains($0) }) else { return false }
        var mixedWords = 0
        for word in text.split(separator: " ") {
            var latin = false
            var cyrillicOrGreek = false
            for scalar in word.unicodeScalars {
                switch scalar.value {
                case 0x41...0x5A, 0x61...0x7A: latin = true
                case 0x0370...0x03FF, 0x0400...0x04FF: cyrillicOrGreek = true
                default: break
                }
            }
            if latin && cyrillicOrGreek {
                mixedWords += 1
                if mixedWords >= 3 { return true }
            }
        }
        return false
    }

    /// The blocks without paywall boxes: each paywall notice ("To view the
    /// full story, please subscribe …", "… already a subscriber, you can log
    /// in …"), and what stands between two of them a few paragraphs apart
    /// (the offer: "Join now to get: …").
    static func removingPaywallBoxes(from blocks: [TextBlock]) -> [TextBlock] {
        let notices = blocks.indices.filter { ExtractionWarnings.isPaywallNotice(blocks[$0].text) }
        guard !notices.isEmpty else { return blocks }
        var dropped = Set(notices)
        for (first, second) in zip(notices, notices.dropFirst()) where second - first <= maximumPaywallBoxParagraphs {
            dropped.formUnion(first...second)
        }
        return blocks.indices.filter { !dropped.contains($0) }.map { blocks[$0] }
    }

    /// The most paragraphs a paywall box holds between its two notices.
    static let maximumPaywallBoxParagraphs = 12

    /// Whether a whole line is furniture.
    static func isFurniture(_ text: String) -> Bool {
        let lowercased = text.lowercased()
        if isCopyrightNotice(text) || isDisguisedText(text) || isLabelledDateLine(lowercased) { return true }
        // Compared as bytes: the prefixes are fixed spellings, and String's
        // `hasPrefix` normalises every comparison of every short line.
        if furniturePrefixes.contains(where: { lowercased.utf8.starts(with: $0.utf8) }) || isCaptionLabel(lowercased) { return true }
        if PhraseSearch.containsAny(lowercased, copyrightMarks) { return true }
        if isBareURL(lowercased) || isDateStamp(text) || isBareLabel(text) { return true }
        return false
    }

    /// Openings of credits, promos and tag lists. Each ends in a space or a
    /// colon so that it matches a label, not the first word of a sentence
    /// ("Photography has …", "Subscribers …").
    private static let furniturePrefixes = [
        // Credits
        "photo:", "photos:", "photo by ", "photo credit", "photograph:", "photograph by ", "image:", "image credit",
        "image by ", "images:", "picture:", "pictures:", "credit:", "(photo", "(photo:", "foto:", "bild:",
        // Promos
        "read more:", "read more ", "read also:", "also read:", "see also:", "related:", "related story:",
        "related article:", "more:", "recommended:", "click here ", "sign up ", "sign up:", "subscribe now",
        "subscribe to ", "subscribe for ", "follow us ", "follow us:", "never miss ", "don't miss:", "don’t miss:",
        "download our app", "download the app", "share this ", "share on ", "advertisement", "sponsored content",
        "lesen sie auch", "mehr zum thema", "weitere infos ",
        // Tags
        "tags:", "tagged:", "tagged with", "topics:", "filed under", "category:", "categories:", "category :",
        "schlagwörter:", "themen:",
    ]

    private static let copyrightMarks = ["©", "all rights reserved", "copyrighted property", "alle rechte vorbehalten"]

    /// "Figure 3: …", "Fig. 2.", "Abbildung 4: …", "Bild 1 von 10": a
    /// figure's label, number and caption.
    private static func isCaptionLabel(_ lowercased: String) -> Bool {
        guard let label = captionLabels.first(where: { lowercased.utf8.starts(with: $0.utf8) }) else { return false }
        let rest = lowercased.dropFirst(label.count).drop { $0 == " " || $0 == "." }
        let number = rest.prefix { $0.isNumber }
        let after = rest.dropFirst(number.count).drop { $0 == " " }
        return after.hasPrefix(":") || (!number.isEmpty && (after.isEmpty || after.hasPrefix(".") || after.hasPrefix("von ") || after.hasPrefix("of ")))
    }

    private static let captionLabels = ["figure", "fig", "abbildung", "abb", "bild", "image", "photo", "foto", "slide"]

    /// Calls to action and site notices. They close many stories ("Follow
    /// us on Twitter", "Sign up here", "download our app", "Get the latest
    /// news straight to your phone with our app", "… is not responsible for
    /// the opinions …", affiliate-link disclosures); inside a story the same words can
    /// be news, so they count only in the story's tail.
    static func isSiteNotice(_ text: String) -> Bool {
        let lowercased = text.lowercased()
        if PhraseSearch.containsAny(lowercased, noticePhrases) { return true }
        let mentionsSocialNetwork = PhraseSearch.containsAny(lowercased, socialNetworks)
        return (PhraseSearch.contains(lowercased, "follow") && mentionsSocialNetwork)
            || (PhraseSearch.containsAny(lowercased, ["download", "phone"])
                && (mentionsApp(lowercased) || PhraseSearch.contains(lowercased, "ios")))
    }

    private static let socialNetworks = ["twitter", "facebook", "instagram", "youtube", "whatsapp", "telegram"]

    /// "app" or "apps" as a word: not "apple", "appeal", "approach".
    private static func mentionsApp(_ lowercased: String) -> Bool {
        var rest = lowercased[...]
        while let range = rest.range(of: " app") {
            var after = rest[range.upperBound...]
            if after.first == "s" { after = after.dropFirst() }
            if after.first.map({ !$0.isLetter }) ?? true { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    private static let noticePhrases = [
        "sign up", "newsletter", "subscribe", "subscriber", "subscription", "log in", "sign in", "not responsible for",
        "written permission", "reprint", "republish", "cookie", "contact us", "click here", "abonnier", "anmelden",
        "affiliate",
    ]

    /// The blocks without the site notices that trail the story: after
    /// the last paragraph of substance, the lines that are calls to action.
    static func removingTrailingNotices(from blocks: [TextBlock]) -> [TextBlock] {
        guard let lastSubstantial = blocks.lastIndex(where: { block in
            block.length > maximumFurnitureLength || (block.text.split(whereSeparator: \.isWhitespace).count >= 25 && !isSiteNotice(block.text))
        }) else { return blocks }
        let tail = blocks[(lastSubstantial + 1)...].filter { $0.length > maximumFurnitureLength || !isSiteNotice($0.text) }
        return Array(blocks[...lastSubstantial]) + tail
    }

    /// "https://example.com/x", "www.example.com", "EXAMPLE.COM": a line
    /// that is only an address.
    private static func isBareURL(_ lowercased: String) -> Bool {
        guard !lowercased.contains(where: \.isWhitespace) else { return false }
        if lowercased.hasPrefix("http://") || lowercased.hasPrefix("https://") || lowercased.hasPrefix("www.") {
            return true
        }
        let labels = lowercased.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last else { return false }
        let hostLabels = labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }
        return hostLabels && commonTopLevelDomains.contains(String(last))
    }

    private static let commonTopLevelDomains: Set<String> = [
        "com", "org", "net", "gov", "edu", "info", "news", "io", "co", "tv", "uk", "de", "ch", "at", "fr", "in",
    ]

    /// A line that is only dates with perhaps their labels: "Updated: Jan 5,
    /// 2020 3:12 PM EST", "Published 11 Jan 2019", "PUBLISHED: November 8,
    /// 2023 at 4:56 p.m. | UPDATED: …". The article's date is metadata, not text.
    static func isDateStamp(_ text: String) -> Bool {
        guard text.utf8.count <= 480, holdsFourDigits(text) else { return false }
        let parts = text.split(separator: "|")
        return parts.count <= 3 && parts.allSatisfy { NewsDateParser.parse(String($0)) != nil }
    }

    /// Whether four ASCII digits stand in a row: every date the parser
    /// reads has a year written so ("2020", "21.01.2022", "2025-12-28"), and
    /// nearly every short line of a story has none, so the parser is asked
    /// only about the few that do.
    private static func holdsFourDigits(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// A date label left alone on its line once its value went ("Last
    /// Modified:", "Release Date:"): at most three words and a colon.
    /// Other labels ("Ingredients:") introduce what follows and stay.
    private static func isBareLabel(_ text: String) -> Bool {
        guard text.hasSuffix(":") else { return false }
        let words = text.dropLast().lowercased().split(whereSeparator: \.isWhitespace)
        return words.count <= 3 && words.contains { dateLabelWords.contains(String($0)) }
    }

    /// "News date : 04/21/2022 Category : Press Releases", "Posted: 3 May
    /// 2021 in News": a short line whose first label (before the first
    /// colon) names a date, and that holds a digit.
    private static func isLabelledDateLine(_ lowercased: String) -> Bool {
        guard lowercased.count <= 100, let colon = lowercased.firstIndex(of: ":"),
              lowercased.contains(where: \.isNumber) else { return false }
        let label = lowercased[..<colon].split(whereSeparator: \.isWhitespace)
        return (1...3).contains(label.count) && label.contains { dateLabelWords.contains(String($0)) }
    }

    private static let dateLabelWords: Set<String> = ["date", "modified", "updated", "published", "posted", "released"]

    private static func isHeading(_ block: TextBlock) -> Bool {
        let name = block.container.name
        return name.count == 2 && name.first == "h" && name.last.map(\.isNumber) == true
    }
}
