import DossierCore
import Foundation

/// Chooses a page's publication date from every place pages put one, most
/// reliable first: `<meta>` tags (`article:published_time`,
/// `article:published`, Dublin Core, Parse.ly …), JSON-LD `datePublished`
/// of an article and then of any node, microdata and `<time pubdate>`,
/// elements classed as dates, the first `<time datetime>`, and last the
/// date in the URL's path (`/2019/10/30/`). Pages with none of these
/// still print a date somewhere: the story's own date lines (a dateline
/// "Bern, 17.08.2007 - …", a signature "10. September 2017"), the time of
/// the last change in the metadata, a footer "last modified on 4 November
/// 2020"; those come last, in that order.
///
/// A candidate that is implausible for a news page (before 1990, or later
/// than now: placeholders such as `0001-01-01`, template years, clocks set
/// wrong) gives way to the next. The page's own UTC offset is kept: when the
/// chosen stamp is in UTC and another candidate gives the same instant in
/// the page's zone, that zone is used, so that an evening story keeps the day
/// the page shows.
enum PageDate {
    static let earliestPlausibleYear = 1990
    /// Clocks of servers and readers differ; a page dated a day ahead of
    /// ours is still today's news somewhere.
    static let futureTolerance: TimeInterval = 36 * 3600

    static func choose(_ metadata: HTMLPageMetadata, jsonLD: JSONLDArticle?, urls: [String?], storyDates: [PublicationDate] = [],
                       now: Date = Date()) -> PublicationDate? {
        let metaCandidates = metaKeys.map { metadata.meta($0) }
        let markupCandidates: [String?] = [jsonLD?.datePublished] + metadata.jsonLDDatesPublished
            + [metadata.markedPublicationTime]
        // The first date the page prints, read only when needed: reading
        // short texts word by word costs more than the metadata.
        let monthFirst = writesMonthFirst(metadata.language ?? metadata.meta("og:locale"))
        let shown = metadata.datedElementTexts.lazy.compactMap { firstDate(in: $0) ?? slashDate(in: $0, monthFirst: monthFirst) }
            .first { isPlausible($0, now: now) }
        let stamped = (metaCandidates + markupCandidates + [metadata.firstTime])
            .compactMap { $0.flatMap(NewsDateParser.parse) }.filter { isPlausible($0, now: now) }
        guard let chosen = stamped.first else {
            if let shown { return shown }
            let lastResorts: [() -> PublicationDate?] = [
                { urls.lazy.compactMap { $0.flatMap(dateInURLPath) }.first { isPlausible($0, now: now) } },
                { storyDates.first { isPlausible($0, now: now) } },
                { modifiedKeys.lazy.compactMap { metadata.meta($0).flatMap(NewsDateParser.parse) }.first { isPlausible($0, now: now) } },
                { metadata.lastModifiedText.flatMap(firstDate(in:)).flatMap { isPlausible($0, now: now) ? $0 : nil } },
            ]
            return lastResorts.lazy.compactMap { $0() }.first
        }
        let zoned = inPageZone(chosen, others: stamped)
        guard zoned.utcOffsetSeconds ?? 0 == 0, let shown else { return zoned }
        return asShown(zoned, shown: shown)
    }

    /// How far apart a stamp and the date the page prints may be and still be one moment.
    static let sameMomentWindow: TimeInterval = 36 * 3600

    /// The chosen date as the page prints it, when the chosen stamp is in
    /// UTC or without a zone: a page that prints "November 8, 2023 at 11:30
    /// pm" beside a stamp of 05:30Z is at UTC−6, and a page printing "29.04.2020"
    /// beside metadata saying the 30th shows the 29th.
    private static func asShown(_ chosen: PublicationDate, shown: PublicationDate) -> PublicationDate {
        guard chosen.utcOffsetSeconds ?? 0 == 0, shown.utcOffsetSeconds == nil,
              abs(shown.instant.timeIntervalSince(chosen.instant)) <= sameMomentWindow else { return chosen }
        if shown.precision >= .minute, chosen.precision >= .minute {
            // The printed wall clock, read as UTC, minus the instant: the page's offset.
            let difference = shown.instant.timeIntervalSince(chosen.instant)
            let quarterHours = (difference / 900).rounded()
            let offset = Int(quarterHours) * 900
            if abs(difference - quarterHours * 900) < 120, abs(offset) <= 14 * 3600, offset != 0 {
                return PublicationDate(instant: chosen.instant, utcOffsetSeconds: offset, precision: chosen.precision)
            }
            return chosen
        }
        return day(of: shown) == day(of: chosen) ? chosen : shown
    }

    private static func day(of date: PublicationDate) -> Substring {
        date.iso8601.prefix(10)
    }

    /// `<meta>` keys that carry the publication date, in order of trust.
    static let metaKeys = [
        "article:published_time", "article:published", "og:article:published_time", "og:published_time",
        "datepublished", "published_time", "publish_date", "publish-date", "publishdate", "pubdate", "article.published",
        "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
        "dcterms.created", "dc.date.created", "citation_publication_date", "citation_date", "date",
    ]

    /// `<meta>` keys of the time the page last changed: a page that gives
    /// no publication date was at least there then.
    static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified", "dc.date.modified",
    ]

    /// Whether the page's language writes numeric dates month first
    /// ("02/10/2020" is February 10th): American English, and English
    /// without a region, as most such pages are American.
    static func writesMonthFirst(_ language: String?) -> Bool {
        guard let language = language?.lowercased() else { return true }
        return language == "en" || language.hasPrefix("en-us") || language.hasPrefix("en_us")
    }

    /// A numeric date with slashes, "02/10/2020" or "2/10/20" alone or among
    /// a few words, read in the page's order; a day above 12 decides by itself.
    static func slashDate(in text: String, monthFirst: Bool) -> PublicationDate? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "|" || $0 == "," })
        guard words.count <= 12 else { return nil }
        for word in words {
            let parts = word.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 || parts[2].count == 2,
                  let first = Int(parts[0]), let second = Int(parts[1]), var year = Int(parts[2]) else { continue }
            if parts[2].count == 2 { year += 2000 }
            var (month, day) = monthFirst ? (first, second) : (second, first)
            if month > 12, day <= 12 { (month, day) = (day, month) }
            if let date = PublicationDate(year: year, month: month, day: day) { return date }
        }
        return nil
    }

    /// The date of a dateline opening a story: "Bern, 17.08.2007 - Rede von
    /// …", "LONDON, 12 March 2021 — …": a place, a comma and a date before
    /// a dash or a colon, within the first 60 characters.
    static func datelineDate(in paragraph: String) -> PublicationDate? {
        let separators = [" - ", " – ", " — ", ": "]
        guard let separator = separators.compactMap({ paragraph.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }),
              paragraph.distance(from: paragraph.startIndex, to: separator.lowerBound) <= 60 else { return nil }
        let head = paragraph[..<separator.lowerBound]
        guard let comma = head.firstIndex(of: ","), head.first?.isUppercase == true,
              head[..<comma].split(separator: " ").count <= 4 else { return nil }
        let date = NewsDateParser.parse(String(head[head.index(after: comma)...]))
        return date.flatMap { $0.precision >= .day ? $0 : nil }
    }

    static func isPlausible(_ date: PublicationDate, now: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar.component(.year, from: date.instant) >= earliestPlausibleYear
            && date.instant.timeIntervalSince(now) <= futureTolerance
    }

    /// The chosen date in the page's own zone, when it came as UTC (or
    /// without a zone) and another candidate names the same minute with an
    /// offset.
    private static func inPageZone(_ chosen: PublicationDate, others: [PublicationDate]) -> PublicationDate {
        guard chosen.utcOffsetSeconds ?? 0 == 0, chosen.precision >= .minute else { return chosen }
        let sameInstant = others.first { other in
            other.precision >= .minute && (other.utcOffsetSeconds ?? 0) != 0
                && abs(other.instant.timeIntervalSince(chosen.instant)) < 60
        }
        guard let zoned = sameInstant else { return chosen }
        return PublicationDate(instant: chosen.instant, utcOffsetSeconds: zoned.utcOffsetSeconds, precision: chosen.precision)
    }

    /// The first date in a short text such as "Posted on December 4, 2018 by
    /// Admin" or "12 Jan 2020 | 3 min read": the longest run of up to eight
    /// words, from the earliest start, that reads wholly as a date.
    static func firstDate(in text: String) -> PublicationDate? {
        if let whole = NewsDateParser.parse(text) { return whole }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "|" })
        guard words.count <= 60 else { return nil }
        for start in words.indices {
            // A date begins with a digit, a month or a weekday; skip the rest quickly.
            guard let first = words[start].first else { continue }
            let word = words[start].lowercased().filter(\.isLetter)
            guard first.isNumber || CalendarNames.monthNumber(word) != nil || CalendarNames.weekdayNumber(word) != nil
            else { continue }
            for end in stride(from: min(words.count, start + 8), to: start, by: -1) {
                if let date = NewsDateParser.parse(words[start..<end].joined(separator: " ")),
                   date.precision >= .day {
                    return date
                }
            }
        }
        return nil
    }

    /// The date in a URL's path: `/2019/10/30/`, `/2019-10-30/`,
    /// `/2019/10/` (month precision) as many news sites file stories.
    static func dateInURLPath(_ url: String) -> PublicationDate? {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let segments = path.split(separator: "/")
        func number(_ segment: Substring, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(segment.count), segment.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(segment)
        }
        for (index, segment) in segments.enumerated() {
            let dashed = segment.split(separator: "-")
            if dashed.count >= 3, let year = number(dashed[0], digits: 4...4), let month = number(dashed[1], digits: 2...2),
               let day = number(dashed[2], digits: 2...2), (1990...2100).contains(year) {
                if let date = PublicationDate(year: year, month: month, day: day) { return date }
            }
            guard let year = number(segment, digits: 4...4), (1990...2100).contains(year), index + 1 < segments.count,
                  let month = number(segments[index + 1], digits: 1...2), (1...12).contains(month) else { continue }
            if index + 2 < segments.count, let day = number(segments[index + 2], digits: 1...2),
               let date = PublicationDate(year: year, month: month, day: day) {
                return date
            }
            return PublicationDate(year: year, month: month)
        }
        return nil
    }
}
