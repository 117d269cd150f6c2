/// Decides which elements of a page hold no article text: scripts and
/// widgets, page chrome (navigation, header, footer, sidebars, forms) and
/// blocks named for chrome in their class or id ("share-bar",
/// "relatedStories", "cookie-banner"), in the spirit of readability and
/// trafilatura.
struct BoilerplateFilter {
    /// Whether class and id names count. Names mislead now and then (an
    /// article wrapper classed "content has-sidebar"), so when the strict
    /// filter leaves too little text, extraction tries again by tags alone.
    var judgesNames: Bool
    /// Whether a `<form>` may go. Some sites wrap the whole page in one
    /// (ASP.NET does), so a form goes only when it does not hold the story.
    var dropsForms = true
    /// Whether `<nav>`, `<header>`, `<footer>` and the like go. The survey
    /// keeps them, to see whether one holds the story: a page that never
    /// closes its `<nav>` has the whole article inside it.
    var dropsChromeTags = true
    /// Elements holding most of the page's prose (`BlockStatistics.storyHolders`):
    /// neither a chrome word in their class ("content-sidebar-wrap",
    /// "modal-enabled", "has-section-nav") nor a `<form>` tag drops them,
    /// since that would drop the story with them. Comment sections still go.
    var storyHolders: Set<MarkupNode> = []

    static var strict: BoilerplateFilter { BoilerplateFilter(judgesNames: true) }
    static var tagsOnly: BoilerplateFilter { BoilerplateFilter(judgesNames: false) }
    /// Everything that can be text, forms included: to measure the page.
    static var survey: BoilerplateFilter { BoilerplateFilter(judgesNames: false, dropsForms: false, dropsChromeTags: false) }

    func holdingStory(_ holders: Set<MarkupNode>) -> BoilerplateFilter {
        var filter = self
        filter.storyHolders = holders
        return filter
    }

    func excludes(_ element: MarkupNode) -> Bool {
        let name = element.name
        if name == "noscript" { return !Self.isInsideDeclaredArticleBody(element) }
        if Self.textlessElements.contains(name) { return true }
        if Self.chromeElements.contains(name) { return dropsChromeTags && !storyHolders.contains(element) }
        if name == "figure" { return Self.isLinkedBanner(element) }
        if name == "form" { return dropsForms && !storyHolders.contains(element) }
        if element.attribute("hidden") != nil || element.attribute("aria-hidden") == "true" { return true }
        if let role = element.attribute("role")?.lowercased(), Self.chromeRoles.contains(role) { return true }
        // Readers' comments are never the story, whichever pass is looking:
        // a fallback must not take a long thread for the article.
        if Self.isCommentSection(element) { return true }
        guard judgesNames, !Self.articleElements.contains(name), !element.isDeclaredArticleBody else { return false }
        if Self.isPictureCredit(element) { return true }
        // Most elements carry no chrome word: their names are looked at as
        // bytes, and split into Strings only when one is found.
        let hasChromeWord = element.asciiClassAndIDWordsContain(where: Self.isChromeWord)
            ?? element.classAndIDWords.contains(where: Self.isChromeWord)
        guard hasChromeWord else { return false }
        return !storyHolders.contains(element) || element.classAndIDWords.contains(where: Self.isCommentWord)
    }

    /// A `<noscript>` inside the element the page declares as the article's
    /// text is the story for readers without scripts: Blogger puts the post in
    /// a `<script type="text/template">` and again in a `<noscript>` after it.
    /// Elsewhere a `<noscript>` holds tracking pixels and "enable JavaScript".
    private static func isInsideDeclaredArticleBody(_ element: MarkupNode) -> Bool {
        var ancestor = element.parent
        var levels = 0
        while let current = ancestor, levels < 64 {
            if current.isDeclaredArticleBody { return true }
            ancestor = current.parent
            levels += 1
        }
        return false
    }

    /// Elements whose content is code, media or controls, never prose.
    private static let textlessElements: Set<String> = [
        "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
        "video", "audio", "picture", "map", "select", "textarea", "input", "button",
    ]
    /// Whether an element is page furniture by its tag alone.
    static func isChromeElement(_ element: MarkupNode) -> Bool {
        chromeElements.contains(element.name)
    }

    /// Page furniture by tag; an `<address>` is the contact or sign-off of
    /// the page or its author ("page.html - Last Modified: …"). Figures stay: a caption often tells part of
    /// the story (a gallery's slides, a photo's who and where); credits and
    /// repeated captions go by `BoilerplateLines`.
    private static let chromeElements: Set<String> = ["nav", "header", "footer", "aside", "dialog", "menu", "address"]

    /// A figure whose image is a link to a page (not to a larger copy of the
    /// image) is a banner: "Visit our shop!", an ad, a promoted story.
    private static func isLinkedBanner(_ figure: MarkupNode) -> Bool {
        var linkedImage = false
        figure.walkDescendants { node in
            guard !linkedImage, node.isElement else { return .skip }
            guard node.name == "a" else { return .descend }
            guard let target = node.attribute("href")?.lowercased(), !isImageFile(target) else { return .skip }
            node.walkDescendants { inner in
                if inner.isElement && (inner.name == "img" || inner.name == "picture") { linkedImage = true }
                return linkedImage ? .skip : .descend
            }
            return .skip
        }
        return linkedImage
    }

    private static func isImageFile(_ url: String) -> Bool {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        return [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"].contains { path.hasSuffix($0) }
    }
    private static let chromeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar", "search",
    ]
    /// Never judged by name: a page classed "has-sidebar" still has its story in it.
    private static let articleElements: Set<String> = ["html", "body", "main", "article"]

    /// Whether a word of a class or id name marks chrome. Short words must
    /// match whole, so that "ad" matches "ad-slot" and "top_ad" but not
    /// "head-line"; longer stems also match compounds ("relatedposts",
    /// "sharebar", "subscribeBox"), except commentary, which is an article.
    static func isChromeWord(_ word: String) -> Bool {
        if chromeWords.contains(word) { return true }
        guard !word.hasPrefix("commentar"), !word.hasPrefix("commentat") else { return false }
        return chromeStems.contains { word.hasPrefix($0) }
    }

    /// `isChromeWord` of a word of ASCII names, lowercase, as bytes.
    static func isChromeWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if chromeWordBytes.containWhole(word) { return true }
        guard !commentaryBytes.beginOne(word) else { return false }
        return chromeStemBytes.beginOne(word)
    }

    private static func isCommentSection(_ element: MarkupNode) -> Bool {
        // Every element of every pass comes here: look at the raw names
        // before splitting them into words.
        guard element.classOrIDContains(commentFragment), !articleElements.contains(element.name),
              !element.isDeclaredArticleBody else { return false }
        return element.classAndIDWords.contains(where: isCommentWord)
    }

    /// A picture's credit by its class: one class name that names a
    /// picture and ends in "credit", "credits" or "source", as sites name
    /// the parts of a caption ("media__caption--source", "figure__caption-source",
    /// "gallery-image-credit", "img__credit", "picture-source"). The
    /// caption's description stays; a wrapper named first for its credit
    /// ("credit-image-wrap") is not a credit.
    private static func isPictureCredit(_ element: MarkupNode) -> Bool {
        guard element.attributeContains("class", creditFragments), let classes = element.attribute("class") else { return false }
        return classes.split(whereSeparator: \.isWhitespace).contains { className in
            let words = MarkupNode.nameWords(className)
            guard let last = words.last, creditWords.contains(last) else { return false }
            return words.dropLast().contains(where: pictureWords.contains)
        }
    }

    private static let commentFragment = ASCIIFragments(["omment"])
    private static let creditFragments = ASCIIFragments(["credit", "source"])
    private static let creditWords: Set<String> = ["credit", "credits", "source"]
    private static let pictureWords: Set<String> = ["caption", "image", "img", "picture", "photo", "media", "figure", "gallery"]

    /// "comments", "commentlist"; not "commentary".
    static func isCommentWord(_ word: String) -> Bool {
        word.hasPrefix("comment") && !word.hasPrefix("commentar") && !word.hasPrefix("commentat")
    }

    /// "cta" is a call to action ("c-letters-cta": "We want to hear what you
    /// think"); a "disclosure" box is the site's affiliate or funding notice;
    /// a "meta" box holds a post's date and tags, or a how-to's facts
    /// ("Easy", "25 - 100 €"), never sentences of the story.
    private static let chromeWordList: [StaticString] = ["ad", "ads", "nav", "sharing", "cta", "meta"]
    private static let chromeWords = Set(chromeWordList.map(\.description))
    private static let chromeStemList: [StaticString] = [
        "comment", "share", "social", "promo", "related", "newsletter", "subscri", "cookie", "consent", "sidebar",
        "footer", "navbar", "navigation", "menu", "breadcrumb", "advert", "popup", "modal", "byline", "disclosure",
    ]
    private static let chromeWordBytes = ASCIIFragments(chromeWordList)
    private static let chromeStems = chromeStemList.map(\.description)
    private static let chromeStemBytes = ASCIIFragments(chromeStemList)
    private static let commentaryBytes = ASCIIFragments(["commentar", "commentat"])
}

extension MarkupNode {
    /// Marked up as the article's text with schema.org microdata.
    var isDeclaredArticleBody: Bool { attribute("itemprop")?.lowercased() == "articlebody" }

    /// Whether the class or id attribute holds one of `fragments`, in any
    /// case: a cheap test on bytes before `classAndIDWords`, made for every
    /// element of a page.
    func classOrIDContains(_ fragments: ASCIIFragments) -> Bool {
        attributeContains("class", fragments) || attributeContains("id", fragments)
    }

    /// Whether one attribute holds one of `fragments`, in any case.
    func attributeContains(_ attributeName: String, _ fragments: ASCIIFragments) -> Bool {
        withAttributeBytes(attributeName) { fragments.occur(in: $0) } ?? false
    }

    /// The words of the class and id attributes, lowercased, split at
    /// punctuation and at camelCase humps: "shareButtons top_ad" gives
    /// "share", "buttons", "top", "ad".
    var classAndIDWords: [String] {
        Self.nameWords([attribute("class"), attribute("id")].compactMap { $0 }.joined(separator: " "))
    }

    /// Whether one of `classAndIDWords` satisfies `predicate`, asked of
    /// each word's lowercase bytes without making Strings; nil when the
    /// names are not all ASCII (their words are split by characters).
    func asciiClassAndIDWordsContain(where predicate: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        var isASCII = true
        func holds(_ attributeName: String) -> Bool {
            withAttributeBytes(attributeName) { bytes -> Bool in
                guard bytes.allSatisfy({ $0 < 0x80 }) else {
                    isASCII = false
                    return false
                }
                return Self.asciiNameWordsContain(bytes, where: predicate)
            } ?? false
        }
        if holds("class") || holds("id") { return true }
        return isASCII ? false : nil
    }

    /// `asciiNameWords(names)` holds a word satisfying `predicate`; each word
    /// is lowercased into one scratch buffer.
    private static func asciiNameWordsContain(_ names: UnsafeBufferPointer<UInt8>,
                                              where predicate: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(names.count, 1)) { word in
            var length = 0
            var previousWasLowercase = false
            for byte in names {
                let isUppercase = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                let isLowercase = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
                let isWordCharacter = isUppercase || isLowercase || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                if !isWordCharacter || (isUppercase && previousWasLowercase), length > 0 {
                    if predicate(UnsafeBufferPointer(rebasing: word[..<length])) { return true }
                    length = 0
                }
                if isWordCharacter {
                    word[length] = isUppercase ? byte + 32 : byte
                    length += 1
                }
                previousWasLowercase = isLowercase
            }
            return length > 0 && predicate(UnsafeBufferPointer(rebasing: word[..<length]))
        }
    }

    /// The words of class or id names, as `classAndIDWords` splits them.
    static func nameWords<Names: StringProtocol>(_ names: Names) -> [String] {
        // Class names are ASCII but for rare exceptions: split their bytes,
        // without the grapheme breaking of characters.
        if names.utf8.allSatisfy({ $0 < 0x80 }) { return asciiNameWords(names.utf8) }
        var words: [String] = []
        var word = ""
        var previousWasLowercase = false
        for character in names {
            let isWordCharacter = character.isLetter || character.isNumber
            if !isWordCharacter || (character.isUppercase && previousWasLowercase), !word.isEmpty {
                words.append(word.lowercased())
                word = ""
            }
            if isWordCharacter { word.append(character) }
            previousWasLowercase = character.isLowercase
        }
        if !word.isEmpty { words.append(word.lowercased()) }
        return words
    }

    /// `nameWords` of ASCII names: letters and digits make words, a capital
    /// after a small letter starts a new one.
    private static func asciiNameWords<Bytes: Sequence<UInt8>>(_ names: Bytes) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        var previousWasLowercase = false
        for byte in names {
            let isUppercase = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let isLowercase = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            let isWordCharacter = isUppercase || isLowercase || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if !isWordCharacter || (isUppercase && previousWasLowercase), !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
            if isWordCharacter { word.append(isUppercase ? byte + 32 : byte) }
            previousWasLowercase = isLowercase
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }
}
