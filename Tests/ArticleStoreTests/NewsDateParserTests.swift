import ArticleStore
import DossierCore
import Foundation
import Testing

@Suite struct NewsDateParserTests {
    @Test(arguments: [
        // Bylines and metadata lines as sites print them.
        ("December 28, 2025 02:22:58 IST", "2025-12-28T02:22:58+05:30"),
        ("Last Updated: December 28, 2025 02:22:58 IST", "2025-12-28T02:22:58+05:30"),
        ("Dec 28, 2025", "2025-12-28"),
        ("Dec. 28, 2025", "2025-12-28"),
        ("28 December 2025", "2025-12-28"),
        ("28th December 2025", "2025-12-28"),
        ("28 Dec 2025 14:05 GMT", "2025-12-28T14:05Z"),
        ("Sunday, December 28, 2025 10:30 AM EST", "2025-12-28T10:30-05:00"),
        ("Updated: Dec 28, 2025, 10:30 pm IST", "2025-12-28T22:30+05:30"),
        ("Published - December 28, 2025 10:30 a.m. IST", "2025-12-28T10:30+05:30"),
        ("Posted on Dec 28, 2025 at 12:05 AM PKT", "2025-12-28T00:05+05:00"),
        ("Published: 28 Dec 2025 12:00 PM", "2025-12-28T12:00"),
        ("December 28, 2025 | 09:15 (BST)", "2025-12-28T09:15+06:00"),
        ("28 Dec 2025 9 AM NPT", "2025-12-28T09:00+05:45"),
        ("Dec 28, 2025 10:30AM SLST", "2025-12-28T10:30+05:30"),
        ("Mon, 29 Dec 2025 08:00:00 GMT+5:30", "2025-12-29T08:00:00+05:30"),
        ("Mon, 29 Dec 2025 08:00:00 +0000", "2025-12-29T08:00:00Z"),
        ("December 2025", "2025-12"),
        // ISO 8601 as metadata and APIs give it.
        ("2025-12-28", "2025-12-28"),
        ("2025-12-28T02:22:58+05:30", "2025-12-28T02:22:58+05:30"),
        ("2025-12-28T02:22:58Z", "2025-12-28T02:22:58Z"),
        ("2025-12-28T02:22:58.120Z", "2025-12-28T02:22:58Z"),
        ("2025-12-28T02:22-0400", "2025-12-28T02:22-04:00"),
        ("2025-12-28 02:22:58", "2025-12-28T02:22:58"),
    ])
    func readsNewsDates(text: String, iso8601: String) throws {
        let date = try #require(NewsDateParser.parse(text))
        #expect(date.iso8601 == iso8601)
    }

    @Test func precisionFollowsWhatWasGiven() throws {
        #expect(NewsDateParser.parse("December 2025")?.precision == .month)
        #expect(NewsDateParser.parse("Dec 28, 2025")?.precision == .day)
        #expect(NewsDateParser.parse("28 Dec 2025 14:05 GMT")?.precision == .minute)
        #expect(NewsDateParser.parse("December 28, 2025 02:22:58 IST")?.precision == .second)
    }

    @Test func zoneIsKeptAndInstantIsRight() throws {
        let date = try #require(NewsDateParser.parse("December 28, 2025 02:22:58 IST"))
        #expect(date.utcOffsetSeconds == 19_800)
        // 02:22:58 in India is 20:52:58 UTC the day before.
        #expect(date.instant == Date(timeIntervalSince1970: 1_766_868_778))
        #expect(NewsDateParser.parse("Dec 28, 2025")?.utcOffsetSeconds == nil)
    }

    @Test func southAsianReadingsOfAmbiguousZones() {
        #expect(NewsDateParser.parse("Dec 28, 2025 10:00 IST")?.utcOffsetSeconds == 5 * 3600 + 1800)
        #expect(NewsDateParser.parse("Dec 28, 2025 10:00 BST")?.utcOffsetSeconds == 6 * 3600)
    }

    @Test func twelveHourClock() {
        #expect(NewsDateParser.parse("Dec 28, 2025 12:30 AM")?.iso8601 == "2025-12-28T00:30")
        #expect(NewsDateParser.parse("Dec 28, 2025 12:30 PM")?.iso8601 == "2025-12-28T12:30")
        #expect(NewsDateParser.parse("Dec 28, 2025 1:30 PM")?.iso8601 == "2025-12-28T13:30")
        #expect(NewsDateParser.parse("Dec 28, 2025 13:30 PM") == nil)
    }

    @Test(arguments: [
        "2025", // a year alone is not a publication date
        "Feb 30, 2025",
        "2025-02-30",
        "31 April 2025",
        "Dec 28, 2025 10:30 XYZ", // unknown zone: no guess
        "Dec 28, 2025 10:30 ET",
        "Dec 28", // no year
        "Dec 28, 2025 25:10",
        "Dec 28, 2025 10:75",
        "Dec 28 29, 2025",
        "December 2025 10:30", // a time needs a day
        "5 hours ago",
        "Updated: 5 hours ago",
        "The talks resumed on December 28, 2025",
        "AM Dec 28, 2025",
        "",
        "By: Abhinandan Mishra",
    ])
    func refusesWhatItCannotFullyRead(text: String) {
        #expect(NewsDateParser.parse(text) == nil)
    }

    /// The metadata parser and the temporal tagger share one zone table, so a
    /// byline and a body never read an abbreviation differently.
    @Test func everySharedZoneAbbreviationReadsAtItsOffset() throws {
        // What either side read before they shared the table.
        for abbreviation in ["IST", "PKT", "BST", "NPT", "SLST", "AFT", "MMT", "GMT", "UTC", "EST", "EDT", "CST", "CDT",
                             "PST", "PDT", "CET", "CEST", "MSK", "AST", "GST", "SGT", "HKT", "JST", "AEST", "AEDT"] {
            #expect(TimeZoneAbbreviations.offsetMinutes[abbreviation] != nil, "\(abbreviation)")
        }
        for (abbreviation, minutes) in TimeZoneAbbreviations.offsetMinutes {
            let date = try #require(NewsDateParser.parse("Dec 28, 2025 10:30 AM \(abbreviation)"), "\(abbreviation)")
            #expect(date.utcOffsetSeconds == minutes * 60, "\(abbreviation)")
        }
        #expect(NewsDateParser.parse("Dec 28, 2025 10:30 AM XYZT") == nil)
        // Zones are written in capitals; a lower-case word after a date makes it no date line.
        #expect(NewsDateParser.parse("March 5, 2025 wet") == nil)
        #expect(NewsDateParser.parse("Dec 28, 2025 10:30 AM ist") == nil)
    }

    @Test func everySharedMonthAndWeekdayNameReads() throws {
        for (name, month) in CalendarNames.months + CalendarNames.monthAbbreviations {
            let date = try #require(NewsDateParser.parse("\(name.capitalized) 28, 2025"), "\(name)")
            #expect(date.iso8601.hasPrefix(String(format: "2025-%02d-28", month)), "\(name)")
        }
        for (name, _) in CalendarNames.weekdays {
            #expect(NewsDateParser.parse("\(name.capitalized), Dec 28, 2025") != nil, "\(name)")
        }
    }
}
