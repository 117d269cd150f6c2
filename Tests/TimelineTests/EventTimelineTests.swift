import DossierCore
import Foundation
import Testing
@testable import Timeline

/// Ordering, precision and merging of events, on hand-made events.
@Suite struct EventTimelineTests {
    static func interval(_ year: Int, _ month: Int? = nil, _ day: Int? = nil) -> DateInterval {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: year, month: month ?? 1, day: day ?? 1))!
        let unit: Calendar.Component = day != nil ? .day : month != nil ? .month : .year
        return DateInterval(start: start, end: calendar.date(byAdding: unit, value: 1, to: start)!)
    }

    static func event(_ interval: DateInterval, _ precision: TimeExpression.Precision, article: Int64, text: String,
                      entities: [String] = ["Pakistan", "Bangladesh"], dating: Event.Dating = .expression, sentence: Int = 1) -> Event {
        Event(interval: interval, precision: precision, modifier: nil,
              label: EventLabel.text(interval: interval, precision: precision, modifier: nil), when: "",
              dating: dating, trigger: "resumed", entities: entities,
              sources: [Event.Source(articleID: article, title: "Article \(article)", outlet: "Outlet \(article)", url: nil,
                                     published: "2025-12-28", sentence: sentence, start: 1, stop: text.utf8.count, text: text)])
    }

    @Test func eventsAreOrderedByIntervalWiderFirstAndKeepTheirPrecision() {
        let timeline = EventTimeline(events: [
            Self.event(Self.interval(2025, 4, 10), .day, article: 1, text: "Talks were held on 10 April."),
            Self.event(Self.interval(2010), .year, article: 2, text: "Links went dormant."),
            Self.event(Self.interval(2025, 4), .month, article: 3, text: "Consultations resumed in April."),
            Self.event(Self.interval(2025), .year, article: 4, text: "A pact was signed this year."),
        ])
        #expect(timeline.events.map(\.label) == ["2010", "2025", "2025-04", "2025-04-10"])
    }

    @Test func theSameEventFromTwoArticlesBecomesOneWithBothSources() throws {
        let first = Self.event(Self.interval(2025, 4), .month, article: 1,
                               text: "In April 2025, Pakistan and Bangladesh resumed foreign secretary-level consultations.")
        let second = Self.event(Self.interval(2025, 4, 17), .day, article: 2,
                                text: "Pakistan and Bangladesh resumed foreign secretary-level consultations in Dhaka on April 17.")
        let other = Self.event(Self.interval(2025, 4), .month, article: 3,
                               text: "Floods hit the north of the country in April.", entities: ["Sylhet"])
        let timeline = EventTimeline(events: [first, other]).merged(with: EventTimeline(events: [second]))
        #expect(timeline.events.count == 2)
        let merged = try #require(timeline.events.first { $0.sources.count == 2 })
        #expect(merged.label == "2025-04-17")  // the finer date wins
        #expect(Set(merged.sources.compactMap(\.articleID)) == [1, 2])
    }

    @Test func reportsFromTheSameArticleAreNotMerged() {
        let text = "Pakistan and Bangladesh resumed consultations."
        let timeline = EventTimeline(events: [
            Self.event(Self.interval(2025, 4), .month, article: 1, text: text, sentence: 1),
            Self.event(Self.interval(2025, 4), .month, article: 1, text: text, sentence: 5),
        ])
        #expect(timeline.events.count == 2)
    }

    @Test func mergingOverlappingTimelinesKeepsEachSentenceOnce() {
        let timeline = EventTimeline(events: [
            Self.event(Self.interval(2010), .year, article: 1, text: "Links went dormant.", sentence: 1),
            Self.event(Self.interval(2025, 4), .month, article: 1, text: "Talks resumed.", sentence: 2),
        ])
        let part = timeline.filter { $0.label == "2025-04" }
        let merged = part.merged(with: timeline)
        #expect(merged.events.count == 2)
        #expect(merged.events.allSatisfy { $0.sources.count == 1 })
    }

    @Test func betweenKeepsEventsOverlappingTheRange() {
        let timeline = EventTimeline(events: [
            Self.event(Self.interval(2010), .year, article: 1, text: "Dormant."),
            Self.event(Self.interval(2025, 4), .month, article: 2, text: "Resumed."),
        ])
        let since = Self.interval(2025, 4, 30).start
        #expect(timeline.between(since, nil).events.map(\.label) == ["2025-04"])
        #expect(timeline.between(nil, since).events.count == 2)
        #expect(timeline.between(Self.interval(2026).start, nil).events.isEmpty)
    }

    @Test func labelsReadAtTheirPrecisionWithModifiers() {
        let decade = DateInterval(start: Self.interval(2010).start, end: Self.interval(2020).start)
        #expect(EventLabel.text(interval: decade, precision: .decade, modifier: .start) == "early 2010s")
        #expect(EventLabel.text(interval: Self.interval(2010), precision: .year, modifier: .approx) == "~2010")
        #expect(EventLabel.text(interval: Self.interval(2025, 4), precision: .month, modifier: nil) == "2025-04")
        let quarter = DateInterval(start: Self.interval(2025, 7).start, end: Self.interval(2025, 10).start)
        #expect(EventLabel.text(interval: quarter, precision: .quarter, modifier: nil) == "2025-Q3")
        let century = DateInterval(start: Self.interval(1900).start, end: Self.interval(2000).start)
        #expect(EventLabel.text(interval: century, precision: .century, modifier: nil) == "20th century")
    }

    @Test func aPartOfTheDayReadsAsItsNameNotAnHourInUTC() {
        // "Tuesday night", 2016-05-31: 20:00 to 06:00 of the writer's clock.
        let night = DateInterval(start: Date(timeIntervalSince1970: 1_464_724_800), duration: 10 * 3600)
        #expect(EventLabel.text(interval: night, precision: .partOfDay, modifier: nil) == "2016-05-31 night")
        let morning = DateInterval(start: Date(timeIntervalSince1970: 1_464_652_800 + 6 * 3600), duration: 6 * 3600)
        #expect(EventLabel.text(interval: morning, precision: .partOfDay, modifier: .start) == "early 2016-05-31 morning")
        let hour = DateInterval(start: Date(timeIntervalSince1970: 1_464_724_800), duration: 3600)
        #expect(EventLabel.text(interval: hour, precision: .hour, modifier: nil) == "2016-05-31 20:00 UTC")
    }

    @Test func triggersAreTheVerbGroupNearestTheDate() {
        let sentence = "In April 2025, the two countries resumed foreign secretary-level bilateral consultations."
        let date = (sentence.range(of: "April 2025")!)
        let range = sentence.utf8.distance(from: sentence.startIndex, to: date.lowerBound)..<sentence.utf8.distance(from: sentence.startIndex, to: date.upperBound)
        #expect(EventTrigger.phrase(in: sentence, near: range) == "resumed")
        #expect(EventTrigger.phrase(in: "Pakistan said it has signed a defense cooperation pact.", near: nil) == "said")
        #expect(EventTrigger.phrase(in: "Pakistan and Bangladesh have, over the past few months, quietly rebuilt ties.", near: 30..<54) == "have rebuilt")
        #expect(EventTrigger.phrase(in: "A based and limited role.", near: nil) == nil)
        #expect(EventTrigger.phrase(in: "In May, Foreign Secretary Ahmed and Mohammed Saeed met.", near: 3..<6) == "met")
    }
}
