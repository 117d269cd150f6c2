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
            guard block.length <= maximumFurnitureLength else { return true }
            if !isHeading(block), !seen.insert(block.text).inserted { return false }
            return !isFurniture(block.text)
        }
    }

    /// Whether a whole line is furniture.
    static func isFurniture(_ text: String) -> Bool {
        let lowercased = text.lowercased()
        if furniturePrefixes.contains(where: { lowercased.hasPrefix($0) }) { return true }
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

    /// A line that is only a date with perhaps its label: "Updated: Jan 5,
    /// 2020 3:12 PM EST", "Published 11 Jan 2019". The article's date is
    /// metadata, not text.
    private static func isDateStamp(_ text: String) -> Bool {
        text.count <= 80 && NewsDateParser.parse(text) != nil
    }

    /// A date label left alone on its line once its value went ("Last
    /// Modified:", "Release Date:"): at most three words and a colon.
    /// Other labels ("Ingredients:") introduce what follows and stay.
    private static func isBareLabel(_ text: String) -> Bool {
        guard text.hasSuffix(":") else { return false }
        let words = text.dropLast().lowercased().split(whereSeparator: \.isWhitespace)
        return words.count <= 3 && words.contains { dateLabelWords.contains(String($0)) }
    }

    private static let dateLabelWords: Set<String> = ["date", "modified", "updated", "published", "posted", "released"]

    private static func isHeading(_ block: TextBlock) -> Bool {
        let name = block.container.name
        return name.count == 2 && name.first == "h" && name.last.map(\.isNumber) == true
    }
}
