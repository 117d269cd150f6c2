import DossierCore
import Foundation

/// Reads a saved news page into a draft: its metadata from `<meta>` tags,
/// JSON-LD and markup, and its story as paragraphs of plain text with the
/// page's chrome (navigation, share bars, related links, cookie banners,
/// footers) left behind.
public enum HTMLArticleExtractor {
    public static func extract(_ bytes: [UInt8], path: String) throws(IngestError) -> ArticleDraft {
        guard bytes.contains(where: { !asciiWhitespace.contains($0) }) else {
            throw IngestError(path: path, reason: "empty file")
        }
        return try MarkupDocument.withHTML(bytes) { (root: MarkupNode?, conversionProblem: String?) throws(IngestError) -> ArticleDraft in
            guard let root else { throw IngestError(path: path, reason: "no article text found") }
            let story = StoryText(body: root.firstChildElement(named: "body") ?? root)
            let metadata = HTMLPageMetadata(root: root)
            var paragraphs = story.paragraphs
            var warnings = story.warnings
            if let declared = metadata.jsonLDArticles.lazy.compactMap(\.articleBody).first,
               let fallback = declaredParagraphs(declared, insteadOf: paragraphs) {
                paragraphs = fallback
                // The notes judged the markup's text, which is no longer the story.
                warnings = warnings.filter { !$0.hasPrefix("possibly truncated: kept") && !$0.hasPrefix("little text") }
            }
            guard !paragraphs.isEmpty else { throw IngestError(path: path, reason: "no article text found") }
            // A dateline's date ("Bern, 17.08.2007 - …") and the date lines
            // taken out of the story date a page whose metadata does not.
            let storyDates = [paragraphs.first.flatMap(PageDate.datelineDate)].compactMap { $0 }
                + story.dateLines.compactMap(PageDate.firstDate(in:))
            var draft = draft(metadata, paragraphs: paragraphs, storyDates: storyDates, path: path)
            if let byline = draft.byline {
                draft.body = withoutAuthorBio(paragraphs, authors: byline).joined(separator: "\n\n")
            }
            draft.warnings = warnings + [conversionProblem].compactMap { $0 }
            return draft
        }
    }

    private static let asciiWhitespace: Set<UInt8> = [0x09, 0x0A, 0x0C, 0x0D, 0x20]

    /// The markup's text must hold this share of JSON-LD's `articleBody`;
    /// below it the page renders its story with scripts, and the declared
    /// text is the story. Shorter declared texts are summaries.
    static let declaredBodyShare = 0.5
    static let minimumDeclaredBodyLength = 500

    /// The paragraphs of a JSON-LD `articleBody` when the markup's text is
    /// much shorter; nil when the markup holds the story. An HTML body is
    /// read as markup; a plain one splits at line breaks.
    static func declaredParagraphs(_ articleBody: String, insteadOf paragraphs: [String]) -> [String]? {
        let declaredLength = HTMLText.collapsingWhitespace(articleBody).unicodeScalars.count
        let markupLength = paragraphs.reduce(0) { $0 + $1.unicodeScalars.count }
        guard declaredLength >= minimumDeclaredBodyLength,
              Double(markupLength) < Double(declaredLength) * declaredBodyShare else { return nil }
        let looksLikeHTML = articleBody.contains("</") || articleBody.contains("<br") || articleBody.contains("<p")
        let declared = looksLikeHTML
            ? HTMLText.articleParagraphs(ofFragment: articleBody)
            : articleBody.split(whereSeparator: \.isNewline).compactMap { HTMLText.trimmed(String($0)) }
        return declared.isEmpty ? nil : declared
    }

    /// The paragraphs without the byline repeated in the text ("By Sarah
    /// Yang" among the first few paragraphs or the last few) and the author's
    /// bio at the end ("Jane Doe is a personal finance writer …": the last
    /// paragraph, opening with an author's name and "is", "was", "writes",
    /// "covers" or "reports"). The byline is metadata already.
    static func withoutAuthorBio(_ paragraphs: [String], authors: String) -> [String] {
        let authorList: [String] = authors.components(separatedBy: ", ")
        let names: [String] = authorList.flatMap { (author: String) -> [String] in author.components(separatedBy: " and ") }
            .filter { $0.split(separator: " ").count >= 2 }
        guard !names.isEmpty, paragraphs.count > 1 else { return paragraphs }
        let tailStart = max(1, paragraphs.count - 3)
        var kept: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            let isByline = (index < 3 || index >= tailStart) && (paragraph == "By " + authors || paragraph == authors)
            let isAuthorBio = index == paragraphs.count - 1 && names.contains { (name: String) in isBio(paragraph, of: name) }
            if !isByline && !isAuthorBio { kept.append(paragraph) }
        }
        return kept.isEmpty ? paragraphs : kept
    }

    private static func isBio(_ paragraph: String, of name: String) -> Bool {
        if paragraph == name || paragraph == "By " + name { return true }
        for verb in bioVerbs where paragraph.hasPrefix("\(name) \(verb) ") { return true }
        return false
    }

    private static let bioVerbs = ["is", "was", "writes", "covers", "reports", "ist", "schreibt"]

    private static func draft(_ metadata: HTMLPageMetadata, paragraphs: [String], storyDates: [PublicationDate],
                              path: String) -> ArticleDraft {
        let jsonLD = metadata.jsonLDArticles.first
        let outlet = metadata.meta("og:site_name") ?? jsonLD?.publisher
        let declaredTitle = (metadata.meta("og:title") ?? jsonLD?.headline).map {
            headline(from: $0, outlet: outlet, alwaysEndsWithSiteName: false)
        }
        let language = metadata.language ?? jsonLD?.language ?? metadata.meta("og:locale")
        return ArticleDraft(
            title: declaredTitle ?? metadata.firstHeading
                ?? metadata.documentTitle.map { headline(from: $0, outlet: outlet, alwaysEndsWithSiteName: true) },
            subtitle: metadata.meta("og:description") ?? jsonLD?.description ?? metadata.meta("description"),
            byline: byline(metadata, jsonLD: jsonLD, outlet: outlet),
            outlet: outlet,
            url: metadata.canonicalURL ?? metadata.meta("og:url") ?? jsonLD?.url,
            published: PageDate.choose(metadata, jsonLD: jsonLD, urls: [metadata.canonicalURL, metadata.meta("og:url"), jsonLD?.url],
                                        storyDates: storyDates),
            // "CAIRO (AP) — …": the place is kept as the dateline; the
            // paragraph keeps its words, as the page shows them.
            dateline: paragraphs.first.flatMap(Dateline.init)?.place,
            // og:locale writes "en_US"; BCP 47 has a hyphen.
            language: language.map { String($0.map { $0 == "_" ? "-" : $0 }) },
            body: paragraphs.joined(separator: "\n\n"),
            sourcePath: path)
    }

    private static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · "]

    /// "Talks Resume in Dhaka | The Daily Star" without " | The Daily Star".
    /// The part after the last separator goes when it is the outlet's name,
    /// or, for a `<title>` (which sites nearly always end with their name),
    /// when what is left still reads as a headline: a title like
    /// "Modi - Sharif talks" keeps its dash.
    private static func headline(from title: String, outlet: String?, alwaysEndsWithSiteName: Bool) -> String {
        guard let separator = titleSeparators.compactMap({ title.range(of: $0, options: .backwards) })
            .max(by: { $0.lowerBound < $1.lowerBound }) else { return title }
        let head = String(title[..<separator.lowerBound])
        let suffix = title[separator.upperBound...]
        if let outlet, suffix.caseInsensitiveCompare(outlet) == .orderedSame { return head }
        let headWordCount = head.split(whereSeparator: \.isWhitespace).count
        return alwaysEndsWithSiteName && headWordCount >= 3 ? head : title
    }

    /// Authors as one line without "By": JSON-LD's list (people before
    /// organisations, and an organisation that is the publisher left to the
    /// outlet field), the author meta tag (unless it is a profile URL), a
    /// rel="author" link, or a byline element; each cleaned by `BylineText`.
    private static func byline(_ metadata: HTMLPageMetadata, jsonLD: JSONLDArticle?, outlet: String?) -> String? {
        if let authors = jsonLD?.authors {
            let people = authors.filter { !$0.isOrganization }.compactMap { BylineText.names(in: $0.name) }
            let organizations = authors.filter(\.isOrganization).map(\.name)
                .filter { $0.caseInsensitiveCompare(outlet ?? "") != .orderedSame }.compactMap(BylineText.names)
            let names = people.isEmpty ? organizations : people
            if !names.isEmpty { return names.joined(separator: ", ") }
        }
        let candidates = [
            metadata.meta("author", "article:author").flatMap { $0.lowercased().hasPrefix("http") ? nil : $0 },
            metadata.authorLinkText, metadata.bylineText,
        ]
        return candidates.lazy.compactMap { $0.flatMap(BylineText.names) }.first
    }
}
