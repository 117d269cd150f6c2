import Testing
@testable import Timeline

/// The task's metric on small timelines whose relations can be counted by hand.
@Suite struct TemporalAwarenessTests {
    static func timeline(_ text: String) throws -> TaskTimeline {
        try TaskTimeline(contents: text, file: "test")
    }

    @Test func aPerfectTimelineScoresOne() throws {
        let gold = try Self.timeline("X\n1\t2005-01-18\t1-2-launched\t1-3-plans\n2\t2005-04-27\t2-3-flight\n")
        let counts = TemporalAwareness.score(system: gold, gold: gold)
        // date-launched, launched-plans, date-flight, launched BEFORE flight.
        #expect(counts.goldRelations == 4)
        #expect(counts.precision == 1 && counts.recall == 1)
    }

    @Test func relationsAreCheckedAgainstTheOtherSidesClosure() throws {
        let gold = try Self.timeline("X\n1\t2005\t1-2-a\n2\t2006\t1-3-b\n3\t2007\t1-4-c\n")
        // The system skips b: its a BEFORE c is implied by the gold's closure.
        let system = try Self.timeline("X\n1\t2005\t1-2-a\n2\t2007\t1-4-c\n4\t2008\t9-9-z\n")
        let counts = TemporalAwareness.score(system: system, gold: gold)
        // System: date-a, date-c, date-z, a<c, c<z: 3 implied (date-a, date-c, a<c).
        #expect(counts.systemRelations == 5)
        #expect(counts.systemImplied == 3)
        // Gold: 3 date links, a<b, b<c: date-a and date-c found; b is missing.
        #expect(counts.goldRelations == 5)
        #expect(counts.goldImplied == 2)
    }

    @Test func multiWordGoldEventsMatchTheirFirstWordAndMonthsMatchWithXX() throws {
        let gold = try Self.timeline("X\n1\t2005-01-XX\t3307-0-take_away\t3307-1-Flight\n")
        let system = try Self.timeline("X\n1\t2005-01\t3307-0-take\t3307-1-flight\n")
        let counts = TemporalAwareness.score(system: system, gold: gold)
        #expect(counts.precision == 1 && counts.recall == 1)
    }

    @Test func linesSharingAnOrdinalAreOnePosition() throws {
        let gold = try Self.timeline("X\n1\t2005\t1-1-a\n1\t2005\t1-2-b\n2\t2006\t1-3-c\n")
        let system = try Self.timeline("X\n1\t2005\t1-2-b\t1-1-a\n2\t2006\t1-3-c\n")
        #expect(TemporalAwareness.score(system: system, gold: gold).f1 == 1)
    }

    @Test func aMissingTimelineScoresNothing() throws {
        let gold = try Self.timeline("X\n1\t2005\t1-1-a\n2\t2006\t1-3-c\n")
        let counts = TemporalAwareness.score(system: nil, gold: gold)
        #expect(counts.goldRelations == 3 && counts.goldImplied == 0 && counts.f1 == 0)
    }
}
