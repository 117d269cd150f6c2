import DossierCore
import Foundation
import Testing
@testable import ArticleStore

/// The cut of a date window into whole months, whole days and partial days,
/// and the calendar arithmetic under it.
@Suite struct DateWindowPartsTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func seconds(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0) -> Double {
        Self.utc.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!.timeIntervalSince1970
    }

    static func monthNumber(_ year: Int, _ month: Int) -> Int64 { Int64((year - 1970) * 12 + month - 1) }
    static func dayNumber(_ year: Int, _ month: Int, _ day: Int) -> Int64 { Int64(seconds(year, month, day) / 86_400) }

    /// Every 997th day from 1583 (Foundation's calendar is Julian before
    /// October 1582; the store counts proleptic Gregorian, as PostgreSQL's
    /// `date` does) to 9999, and the days around each month start of some
    /// years, against Foundation's calendar; before 1583, every month has 28
    /// to 31 days and year 1 starts on its proleptic Gregorian day.
    @Test func monthsAndFirstDaysAgreeWithTheGregorianCalendar() {
        let gregorian = Self.dayNumber(1583, 1, 1)
        let last = DateWindowParts.day(ofSeconds: PublicationDate.supportedSeconds.upperBound)
        var days = Array(stride(from: gregorian, through: last, by: 997))
        for year in [1899, 1900, 1901, 1969, 1970, 2000, 2024] {
            for month in 1...12 {
                let start = Self.dayNumber(year, month, 1)
                days += [start - 1, start, start + 1]
            }
        }
        for day in days {
            let parts = Self.utc.dateComponents([.year, .month], from: Date(timeIntervalSince1970: Double(day) * 86_400))
            let expected = Int64((parts.year! - 1970) * 12 + parts.month! - 1)
            #expect(DateWindowParts.month(ofDay: day) == expected, "day \(day)")
        }
        let first = DateWindowParts.day(ofSeconds: PublicationDate.supportedSeconds.lowerBound)
        #expect(DateWindowParts.firstDay(ofMonth: (1 - 1970) * 12) == -719_162)   // 0001-01-01
        for day in stride(from: first, through: last, by: 89) {
            let month = DateWindowParts.month(ofDay: day)
            let start = DateWindowParts.firstDay(ofMonth: month), next = DateWindowParts.firstDay(ofMonth: month + 1)
            #expect(start <= day && day < next, "day \(day)")
            #expect((28...31).contains(next - start), "month \(month)")
        }
        #expect(DateWindowParts.firstDay(ofMonth: 0) == 0)
        #expect(DateWindowParts.firstDay(ofMonth: Self.monthNumber(2024, 3)) == Self.dayNumber(2024, 3, 1))
        #expect(DateWindowParts.firstDay(ofMonth: Self.monthNumber(1969, 12)) == -31)
    }

    /// The scale benchmark's year: 2020-01-01 06:00 to 2020-12-31 12:00.
    @Test func aYearStartingAndEndingMidDayIsTenMonthsTwoDaySpansAndTwoPartialDays() {
        let parts = DateWindowParts(since: Self.seconds(2020, 1, 1, 6), until: Self.seconds(2020, 12, 31, 12))
        #expect(parts.months == .init(lower: Self.monthNumber(2020, 2), upper: Self.monthNumber(2020, 12)))
        #expect(parts.days == [.init(lower: Self.dayNumber(2020, 1, 2), upper: Self.dayNumber(2020, 2, 1)),
                               .init(lower: Self.dayNumber(2020, 12, 1), upper: Self.dayNumber(2020, 12, 31))])
        #expect(parts.instants == [.init(lower: Self.seconds(2020, 1, 1, 6), upper: Self.seconds(2020, 1, 2)),
                                   .init(lower: Self.seconds(2020, 12, 31), upper: Self.seconds(2020, 12, 31, 12))])
    }

    @Test func aCalendarYearIsTwelveMonthsAndNothingElse() {
        let parts = DateWindowParts(since: Self.seconds(2019, 1, 1), until: Self.seconds(2020, 1, 1))
        #expect(parts.months == .init(lower: Self.monthNumber(2019, 1), upper: Self.monthNumber(2020, 1)))
        #expect(parts.days.isEmpty)
        #expect(parts.instants.isEmpty)
    }

    @Test func openBoundsAndEmptyWindows() {
        let untilOnly = DateWindowParts(since: nil, until: Self.seconds(2020, 3, 10, 12))
        #expect(untilOnly.months == .init(lower: nil, upper: Self.monthNumber(2020, 3)))
        #expect(untilOnly.days == [.init(lower: Self.dayNumber(2020, 3, 1), upper: Self.dayNumber(2020, 3, 10))])
        #expect(untilOnly.instants == [.init(lower: Self.seconds(2020, 3, 10), upper: Self.seconds(2020, 3, 10, 12))])
        let sinceOnly = DateWindowParts(since: Self.seconds(2020, 3, 1), until: nil)
        #expect(sinceOnly.months == .init(lower: Self.monthNumber(2020, 3), upper: nil))
        #expect(sinceOnly.days.isEmpty && sinceOnly.instants.isEmpty)
        #expect(DateWindowParts(since: Self.seconds(2020, 3, 1), until: Self.seconds(2020, 3, 1)).isEmpty)
        #expect(DateWindowParts(since: Self.seconds(2020, 3, 2), until: Self.seconds(2020, 3, 1)).isEmpty)
        #expect(DateWindowParts(since: .nan, until: nil).isEmpty)
        #expect(DateWindowParts(since: 1e300, until: nil).isEmpty)
        #expect(DateWindowParts(since: nil, until: -1e300).isEmpty)
        // Bounds beyond every storable date mean "unbounded".
        #expect(DateWindowParts(since: -1e300, until: 1e300).months == .init(lower: nil, upper: nil))
        let withinADay = DateWindowParts(since: Self.seconds(2020, 3, 1, 2), until: Self.seconds(2020, 3, 1, 5))
        #expect(withinADay.months == nil && withinADay.days.isEmpty)
        #expect(withinADay.instants == [.init(lower: Self.seconds(2020, 3, 1, 2), upper: Self.seconds(2020, 3, 1, 5))])
    }

    /// For random windows and instants: an instant is in the window exactly
    /// when it is in one of its parts, and in no more than one.
    @Test func everyInstantOfTheWindowIsInExactlyOnePart() {
        var random = SplitMix64(seed: 13)
        let span = 3 * 365.0 * 86_400, base = Self.seconds(2019, 1, 1)
        func instant() -> Double {
            // Half on whole days or hours, where the cuts are.
            let raw = base + Double.random(in: 0..<span, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: return (raw / 86_400).rounded(.down) * 86_400
            case 1: return (raw / 3_600).rounded(.down) * 3_600
            default: return raw
            }
        }
        for _ in 0..<400 {
            let since: Double? = Int.random(in: 0..<8, using: &random) == 0 ? nil : instant()
            let until: Double? = Int.random(in: 0..<8, using: &random) == 0 ? nil : instant()
            let parts = DateWindowParts(since: since, until: until)
            for _ in 0..<60 {
                let t = Int.random(in: 0..<3, using: &random) == 0 ? (since ?? until ?? base) : instant()
                let inWindow = (since.map { t >= $0 } ?? true) && (until.map { t < $0 } ?? true)
                let day = DateWindowParts.day(ofSeconds: t), month = DateWindowParts.month(ofDay: day)
                func contains(_ span: DateWindowParts.Span, _ number: Int64) -> Bool {
                    (span.lower.map { number >= $0 } ?? true) && (span.upper.map { number < $0 } ?? true)
                }
                var hits = 0
                if let months = parts.months, contains(months, month) { hits += 1 }
                hits += parts.days.filter { contains($0, day) }.count
                hits += parts.instants.filter { t >= $0.lower && t < $0.upper }.count
                #expect(hits == (inWindow ? 1 : 0), "t \(t) in [\(String(describing: since)), \(String(describing: until)))")
            }
        }
    }

    /// The walk against a brute-force ranking of random window counts: the
    /// same answer whatever the first number of candidates; nil when it may
    /// not grow far enough.
    @Test func theWalkRanksAsTheWholeTableDoes() throws {
        var random = SplitMix64(seed: 7)
        struct Entity { let id: Int64, total: Int64, inWindow: Int64 }
        for _ in 0..<200 {
            let entities = (0..<Int.random(in: 0..<60, using: &random)).map { id -> Entity in
                let total = Int64.random(in: 1...100, using: &random)
                return Entity(id: Int64(id), total: total, inWindow: Int64.random(in: 0...total, using: &random))
            }
            func ranked(_ list: [Entity]) -> [Entity] {
                list.filter { $0.inWindow > 0 }.sorted { ($0.inWindow, -$0.id) > ($1.inWindow, -$1.id) }
            }
            let byTotal = entities.sorted { ($0.total, -$0.id) > ($1.total, -$1.id) }
            let limit = Int.random(in: 1...8, using: &random)
            let expected = Array(ranked(entities).prefix(limit)).map(\.id)
            var rounds = 0
            let plan = WindowedEntityTop.Plan(directRowLimit: 0, firstCandidates: Int.random(in: 1...4, using: &random), maximumCandidates: 1_000)
            let top = try WindowedEntityTop.walk(limit: limit, plan: plan, windowArticles: { (entity: Entity) in entity.inWindow }) { candidates in
                rounds += 1
                let taken = Array(byTotal.prefix(candidates))
                return (Array(ranked(taken).prefix(limit)), candidates <= byTotal.count ? byTotal[candidates - 1].total : nil)
            }
            #expect(top?.map(\.id) == expected)
            let short = WindowedEntityTop.Plan(directRowLimit: 0, firstCandidates: 1, maximumCandidates: 1)
            let given = try WindowedEntityTop.walk(limit: limit, plan: short, windowArticles: { (entity: Entity) in entity.inWindow }) { candidates in
                let taken = Array(byTotal.prefix(candidates))
                return (Array(ranked(taken).prefix(limit)), candidates <= byTotal.count ? byTotal[candidates - 1].total : nil)
            }
            if let given { #expect(given.map(\.id) == expected) }
        }
    }
}
