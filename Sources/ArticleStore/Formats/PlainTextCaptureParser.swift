import DossierCore
import Foundation

/// Reads a plain-text capture of a news page (a browser's "save as text", a
/// reader-view copy) into a draft: navigation, title, subtitle, byline and
/// date above the story, the story, and site chrome below it.
///
/// The rules are signals that hold across sites, not rules for one outlet:
/// a breadcrumb is a short "A > B > C" trail, a byline is a short standalone
/// "By …" line, a dateline is an all-caps place before a colon or dash, and
/// chrome is what follows a "Most Popular"-type header, a copyright line or a
/// wire credit ("Reporting by …") once the story has begun.
public enum PlainTextCaptureParser {
    public static func parse(_ text: String, sourcePath: String?) -> ArticleDraft {
        let lines = logicalLines(text)
        var header = CaptureHeader()
        let bodyStart = header.read(lines)
        let story = StoryBody(lines[bodyStart...], title: header.title, subtitle: header.subtitle)
        return ArticleDraft(
            title: header.title, subtitle: header.subtitle, byline: header.byline,
            // A "Source:" line names the outlet most directly; a promo about the
            // site in the chrome names where the capture was taken; a wire
            // credit in the dateline names the agency that wrote it.
            outlet: header.sourceLine ?? story.sourceLine ?? story.promotedOutlet ?? story.datelineCredit,
            published: header.published, dateline: story.dateline, breadcrumbs: header.breadcrumbs,
            body: story.paragraphs.joined(separator: "\n\n"), sourcePath: sourcePath)
    }

    /// Whether text reads as prose rather than markup or data: markup, JSON
    /// and arrays open with "<", "{" or "[".
    public static func looksLikeCapture(_ text: String) -> Bool {
        let byteOrderMark: Unicode.Scalar = "\u{FEFF}"
        guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace && $0 != byteOrderMark })
        else { return false }
        return !["<", "{", "["].contains(first) && text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// Non-empty trimmed lines, with hard-wrapped paragraphs joined back.
    ///
    /// A line continues the one before it when that one has no closing
    /// punctuation and this one opens in lower case ("…India’s fastest" /
    /// "growing News channel"); a capitalised line after an unpunctuated one
    /// is a new line (a heading, a byline, a date).
    static func logicalLines(_ text: String) -> [String] {
        var result: [String] = []
        // The line being built, joined in place: rebuilding it for every
        // continuation (`previous + " " + line`) made hard-wrapped text
        // quadratic (320k wrapped lines: 14 s).
        var current = ""
        var previousWasBlank = true
        // Bytes written into the lines built: the text's size when each line
        // is copied once (WrappedLineScalingTests counts it at two sizes).
        var bytesWritten = 0
        defer { WorkCounter.current?.add(bytesWritten, logicalLinesWork) }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                previousWasBlank = true
                continue
            }
            if !previousWasBlank, let lastCharacter = current.last,
               !closingPunctuation.contains(lastCharacter), line.first?.isLowercase == true {
                current.append(" ")
                current.append(line)
                bytesWritten += 1 + line.utf8.count
            } else {
                if !current.isEmpty { result.append(current) }
                current = line
                bytesWritten += line.utf8.count
            }
            previousWasBlank = false
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The name `logicalLines` counts its work under (`WorkCounter`).
    static let logicalLinesWork = "capture: bytes written joining wrapped lines"

    private static let closingPunctuation: Set<Character> = [".", "!", "?", ":", ";", "\"", "”", "’", "'", ")", "…"]
}

// MARK: - Above the story

/// What precedes the story: breadcrumbs, title, subtitle and metadata lines.
private struct CaptureHeader {
    var breadcrumbs: [String] = []
    var title: String?
    var subtitle: String?
    var byline: String?
    var published: PublicationDate?
    var sourceLine: String?
    /// Whether `published` came from a "Published"/"Posted" label, which wins
    /// over an "Updated" one: the first publication is the article's date.
    private var publishedIsFirstPublication = false

    /// Reads the header and returns the index of the story's first line.
    mutating func read(_ lines: [String]) -> Int {
        var index = 0
        // Above the title: navigation, menu items and sometimes the metadata.
        while index < lines.count, title == nil {
            let line = lines[index]
            if breadcrumbs.isEmpty, let trail = Self.breadcrumbTrail(line) {
                breadcrumbs = trail
            } else if absorbMetadata(line) || isSiteChrome(line) || wordCount(line) < 3 {
                // Consumed, or a section label or menu item.
            } else if Self.isTitle(line) {
                title = line
            } else {
                // A paragraph before any title: the capture starts with the story.
                return index
            }
            index += 1
        }
        if index < lines.count, Self.isSubtitle(lines[index]), !isMetadata(lines[index]), !isSiteChrome(lines[index]) {
            subtitle = lines[index]
            index += 1
        }
        while index < lines.count, absorbMetadata(lines[index]) || isSiteChrome(lines[index]) {
            index += 1
        }
        return index
    }

    private static let longestTitle = 250

    /// Headlines are short and rarely end with a period; a long sentence that
    /// does is the story's first paragraph.
    private static func isTitle(_ line: String) -> Bool {
        line.count <= longestTitle && !(line.hasSuffix(".") && wordCount(line) > 20)
    }

    /// A deck under the headline: a short line that does not end like a
    /// sentence of the story (a deck may ask a question).
    private static func isSubtitle(_ line: String) -> Bool {
        line.count < 200 && wordCount(line) >= 3 && !line.hasSuffix(".") && !line.hasSuffix(".”") && !line.hasSuffix(".\"")
    }

    /// "Home > World > Title" as its crumbs. All but the last are short and
    /// every crumb is named, so "Sensex > 80,000" or a sentence with a ">" in
    /// it is not navigation. The last crumb may be the title.
    private static func breadcrumbTrail(_ line: String) -> [String]? {
        let crumbs = line.split { ">›»".contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard crumbs.count >= 2, crumbs.allSatisfy({ $0.first?.isLetter == true }),
              crumbs.dropLast().allSatisfy({ wordCount($0) <= 5 && $0.count <= 40 }),
              crumbs[crumbs.count - 1].count <= longestTitle else { return nil }
        return crumbs
    }

    private func isMetadata(_ line: String) -> Bool {
        var copy = self
        return copy.absorbMetadata(line)
    }

    /// Takes a byline, date or "Source:" line into the header. Sites often put
    /// several on one line ("By Jane Doe | Updated: …"); every part must be
    /// metadata, or the line is left for the story.
    mutating func absorbMetadata(_ line: String) -> Bool {
        guard wordCount(line) <= 16 else { return false }
        var updated = self
        for part in line.components(separatedBy: " | ") {
            guard updated.absorbMetadataPart(part.trimmingCharacters(in: .whitespaces)) else { return false }
        }
        self = updated
        return true
    }

    private mutating func absorbMetadataPart(_ part: String) -> Bool {
        if let name = creditedName(part, after: ["written by", "reported by", "words by", "story by", "by"]) {
            byline = byline ?? name
            return true
        }
        // An editor's credit says who handled the copy, not who wrote it.
        if creditedName(part, after: ["edited by"]) != nil { return true }
        if let outlet = labelledValue(part, label: "source") {
            sourceLine = sourceLine ?? outlet
            return true
        }
        let lowercased = part.lowercased()
        let dateLabel = Self.dateLabels.first { lowercased.hasPrefix($0) }
        if let date = NewsDateParser.parse(part) {
            let isFirstPublication = dateLabel.map { !$0.contains("updated") && !$0.contains("modified") } ?? false
            if published == nil || (isFirstPublication && !publishedIsFirstPublication) {
                published = date
                publishedIsFirstPublication = isFirstPublication
            }
            return true
        }
        // "Updated: 5 hours ago" is metadata too, though it names no date; the
        // colon keeps "Published reports suggest…" in the story.
        guard let dateLabel else { return false }
        return part.dropFirst(dateLabel.count).drop(while: \.isWhitespace).first == ":"
    }

    private static let dateLabels = ["last updated", "last modified", "updated", "first published", "published", "posted"]
}

/// The name in a short standalone credit line: "By: Abhinandan Mishra",
/// "By Jane Doe", "Written by Jane Doe", "Edited by: Jane Doe". The name must
/// start with a capital, which keeps "By the way…" out. Longer prefixes come
/// first in `prefixes`.
private func creditedName(_ line: String, after prefixes: [String]) -> String? {
    guard line.count <= 100, wordCount(line) <= 12 else { return nil }
    let lowercased = line.lowercased()
    for prefix in prefixes where lowercased.hasPrefix(prefix) {
        let rest = line.dropFirst(prefix.count)
        guard let separator = rest.first, separator == ":" || separator.isWhitespace else { return nil }
        let name = rest.drop { $0 == ":" || $0.isWhitespace }.trimmingCharacters(in: .whitespaces)
        return name.first?.isUppercase == true ? name : nil
    }
    return nil
}

/// The value of a short "Label: value" line, or nil.
private func labelledValue(_ line: String, label: String) -> String? {
    guard line.lowercased().hasPrefix(label + ":") else { return nil }
    let value = line.dropFirst(label.count + 1).trimmingCharacters(in: .whitespaces)
    guard !value.isEmpty, wordCount(value) <= 6, value.last != "." else { return nil }
    return value
}

// MARK: - The story

/// The story's paragraphs, with the dateline taken off the first and the
/// site chrome around and after them removed.
private struct StoryBody {
    var paragraphs: [String] = []
    var dateline: String?
    var datelineCredit: String?
    var sourceLine: String?
    var promotedOutlet: String?

    /// A paragraph of this many words is story text, not chrome.
    private static let substantialWordCount = 20

    init(_ lines: ArraySlice<String>, title: String?, subtitle: String?) {
        var lines = Array(lines)
        if let first = lines.first, let opening = Dateline(first) {
            dateline = opening.place
            datelineCredit = opening.credit
            lines[0] = opening.text
        }
        // Captures repeat blocks (a promo twice, the headline again above the
        // text); a repeat adds nothing.
        var seen = Set([title, subtitle].compactMap { $0.map(normalizedForComparison) })
        var storyHasBegun = false
        for (index, line) in lines.enumerated() {
            if storyHasBegun && endsStory(line) {
                promotedOutlet = lines[index...].lazy.compactMap(outletPromotedIn).first
                break
            }
            guard !isSiteChrome(line), seen.insert(normalizedForComparison(line)).inserted else { continue }
            paragraphs.append(line)
            if wordCount(line) >= Self.substantialWordCount { storyHasBegun = true }
        }
        removeStrayLinesAfterStory()
    }

    /// After the last paragraph of substance, short unpunctuated lines are
    /// leftovers of the page (tags, share buttons, "Source: PTI").
    private mutating func removeStrayLinesAfterStory() {
        guard let lastSubstantial = paragraphs.lastIndex(where: { wordCount($0) >= Self.substantialWordCount })
        else { return }
        let trailing = paragraphs[(lastSubstantial + 1)...]
        sourceLine = trailing.lazy.compactMap { labelledValue($0, label: "source") }.first
        let kept = trailing.filter { line in
            wordCount(line) >= 5 || line.last.map { ".!?\"”".contains($0) } == true
        }
        paragraphs = Array(paragraphs[...lastSubstantial]) + kept
    }
}

/// The all-caps place that opens a story (captures and HTML bodies alike): "NEW DELHI: …", "WASHINGTON — …",
/// "ISLAMABAD (Reuters) - …", "ISLAMABAD, March 14 (Reuters) - …".
struct Dateline {
    /// As written: "NEW DELHI".
    var place: String
    /// The wire credit in parentheses, "Reuters", when given.
    var credit: String?
    /// The paragraph without the dateline.
    var text: String

    init?(_ paragraph: String) {
        let separators = [":", " —", " –", " -", "—", "–"]
        guard let separator = separators.compactMap({ paragraph.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }),
              paragraph.distance(from: paragraph.startIndex, to: separator.lowerBound) <= 60 else { return nil }
        text = paragraph[separator.upperBound...].trimmingCharacters(in: .whitespaces)
        var head = paragraph[..<separator.lowerBound].trimmingCharacters(in: .whitespaces)
        if head.hasSuffix(")"), let open = head.lastIndex(of: "(") {
            let credit = head[head.index(after: open)..<head.index(before: head.endIndex)]
            guard wordCount(credit) <= 3, credit.first?.isUppercase == true else { return nil }
            self.credit = String(credit)
            head = head[..<open].trimmingCharacters(in: .whitespaces)
        }
        if let comma = head.firstIndex(of: ",") {
            // "ISLAMABAD, March 14": the date a wire story was filed.
            let filed = head[head.index(after: comma)...].split(separator: " ")
            guard filed.count == 2, CalendarNames.monthNumber(filed[0].lowercased().filter { $0 != "." }) != nil,
                  filed[1].allSatisfy(\.isNumber) else { return nil }
            head = String(head[..<comma])
        }
        guard !text.isEmpty, Self.isAllCapsPlace(head) else { return nil }
        place = head
    }

    /// 1–4 words of capital letters, with spaces, periods and hyphens
    /// ("NEW DELHI", "ST. LOUIS", "PORT-AU-PRINCE"); not a label like "UPDATE".
    private static func isAllCapsPlace(_ text: String) -> Bool {
        let letterCount = text.unicodeScalars.filter(\.properties.isAlphabetic).count
        return letterCount >= 2 && (1...4).contains(wordCount(text)) && !storyLabels.contains(text)
            && text.allSatisfy { character in
                (character.isLetter && character.isUppercase) || " .-".contains(character)
            }
    }

    private static let storyLabels: Set<String> = [
        "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "PUBLISHED", "POSTED", "LAST UPDATED", "EXCLUSIVE", "WATCH", "OPINION", "ANALYSIS", "EDITORIAL",
        "LIVE", "VIDEO", "PHOTOS", "NOTE", "CORRECTION", "FILE", "READ", "ALSO READ", "READ MORE",
    ]
}

// MARK: - Site chrome

/// Headers after which a page shows other stories, not this one.
private let sectionHeaders: Set<String> = [
    "most popular", "most read", "most viewed", "most shared", "popular", "trending", "trending now", "trending news",
    "related", "related articles", "related stories", "related news", "related posts", "read more", "also read",
    "read next", "you may also like", "you might also like", "recommended", "recommended for you", "more stories",
    "more news", "top stories", "latest news", "latest stories", "don't miss", "editor's picks", "comments",
]

/// Where the story ends once it has begun: a section header, the site's
/// copyright footer, or a wire credit line ("Reporting by …; Editing by …"),
/// which closes wire copy.
private func endsStory(_ line: String) -> Bool {
    if sectionHeaders.contains(headerKey(line)) || isCopyrightFooter(line) { return true }
    let lowercased = line.lowercased()
    return wordCount(line) <= 40
        && ["reporting by", "additional reporting by", "writing by", "editing by", "compiled by"].contains {
            lowercased.hasPrefix($0)
        }
}

/// Page furniture wherever it appears: section headers, copyright lines,
/// prompts to subscribe, sign in, share or accept cookies, inline teasers for
/// other stories, "Advertisement", "5 min read".
private func isSiteChrome(_ line: String) -> Bool {
    let key = headerKey(line)
    if sectionHeaders.contains(key) || standaloneChrome.contains(key) || isCopyrightLine(line) { return true }
    let words = line.split(whereSeparator: \.isWhitespace)
    if words.count == 3, words[0].allSatisfy(\.isNumber), ["min", "mins", "minute", "minutes"].contains(words[1].lowercased()),
       words[2].lowercased() == "read" {
        return true
    }
    guard words.count <= 30 else { return false }
    return chromePrefixes.contains { prefix in
        key.hasPrefix(prefix) && key.dropFirst(prefix.count).first.map { !$0.isLetter } ?? true
    }
}

private let standaloneChrome: Set<String> = [
    "advertisement", "advertisements", "sponsored", "story continues below advertisement", "continue reading",
    "share", "share this article", "share this story", "print", "email", "listen to this article",
]

/// Openings of prompts and teasers; matched as whole words, so "subscribers"
/// does not match "subscribe".
private let chromePrefixes = [
    "are you sure want to", "are you sure you want to", "subscribe", "sign in", "sign up", "log in", "login",
    "unlock", "share this", "share on", "follow us", "click here", "skip to", "download the", "we use cookies",
    "this website uses cookies", "this site uses cookies", "accept cookies", "also read", "read more", "read also",
    "also see", "see also",
]

/// A copyright notice of any kind, a photo credit ("© AFP") included.
private func isCopyrightLine(_ line: String) -> Bool {
    guard wordCount(line) <= 40 else { return false }
    return line.contains("©") || isCopyrightFooter(line)
}

/// The site's footer notice: "© Copyright ITV Network Ltd 2025. All right
/// reserved.", "Copyright 2024 The Associated Press". A bare "© AFP" under a
/// photo in mid-story is no footer, and a story may begin "Copyright lawyers…".
private func isCopyrightFooter(_ line: String) -> Bool {
    guard wordCount(line) <= 40 else { return false }
    let lowercased = line.lowercased()
    if lowercased.contains("all rights reserved") || lowercased.contains("all right reserved") { return true }
    let namesAYear = line.split { !$0.isNumber }.contains { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) }
    return (line.contains("©") || lowercased.hasPrefix("copyright")) && namesAYear
}

/// A line as a header is compared: lower case, straight apostrophes, no
/// trailing colon.
private func headerKey(_ line: String) -> String {
    line.lowercased().replacingOccurrences(of: "’", with: "'").trimmingCharacters(in: CharacterSet(charactersIn: ": "))
}

/// The publication a site promo names: "The Sunday Guardian is India’s
/// fastest growing News channel…", "Dawn is Pakistan’s oldest newspaper…".
/// Only read from the chrome after the story, where such promos live; in the
/// story the same sentence would be news about that outlet.
private func outletPromotedIn(_ paragraph: String) -> String? {
    guard let isRange = paragraph.range(of: " is "),
          paragraph.distance(from: paragraph.startIndex, to: isRange.lowerBound) <= 60 else { return nil }
    let name = paragraph[..<isRange.lowerBound]
    let nameWords = name.split(separator: " ")
    let connectors: Set<Substring> = ["of", "the", "and", "&"]
    guard (1...6).contains(nameWords.count), nameWords[0].first?.isUppercase == true,
          nameWords.allSatisfy({ $0.first?.isUppercase == true || connectors.contains($0) }) else { return nil }
    let claim = paragraph[isRange.upperBound...].lowercased().split(separator: " ").prefix(8).joined(separator: " ")
    let boasts = ["fastest", "leading", "largest", "biggest", "oldest", "most trusted", "most read", "premier", "number one"]
    let media = ["news", "newspaper", "channel", "daily", "weekly", "magazine", "publication", "portal", "website",
                 "broadcaster", "media"]
    guard boasts.contains(where: claim.contains), media.contains(where: claim.contains) else { return nil }
    return String(name)
}

private func normalizedForComparison(_ line: String) -> String {
    line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

private func wordCount<Text: StringProtocol>(_ text: Text) -> Int {
    text.split(whereSeparator: \.isWhitespace).count
}
