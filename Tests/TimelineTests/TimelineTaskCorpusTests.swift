import DossierCore
import Foundation
import Testing
@testable import Timeline

/// Reading the task's CAT documents and writing its timeline files.
@Suite struct TimelineTaskCorpusTests {
    static let cat = """
        <?xml version="1.0" ?><Document doc_id="3307" doc_name="3307_Airbus.txt" src_url="http://x">
        <token number="0" sentence="0" t_id="1">Airbus</token>
        <token number="1" sentence="0" t_id="2">launches</token>
        <token number="2" sentence="1" t_id="3">January</token>
        <token number="3" sentence="1" t_id="4">18</token>
        <token number="4" sentence="1" t_id="5">,</token>
        <token number="5" sentence="1" t_id="6">2005</token>
        <token number="6" sentence="2" t_id="7">The</token>
        <token number="7" sentence="2" t_id="8">world</token>
        <token number="8" sentence="2" t_id="9">'s</token>
        <token number="9" sentence="2" t_id="10">(</token>
        <token number="10" sentence="2" t_id="11">largest</token>
        <token number="11" sentence="2" t_id="12">)</token>
        <token number="12" sentence="2" t_id="13">AT&amp;T</token>
        <token number="13" sentence="2" t_id="14">.</token>
        <Markables>
        <TIMEX3 anchorTimeID="1" functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2005-01-18">
        </TIMEX3>
        </Markables>
        </Document>
        """

    @Test func tokensRebuildTheTextAndMapBack() throws {
        let document = try TimelineTaskDocument(contents: Self.cat, fallbackName: "f.xml")
        #expect(document.id == "3307")
        #expect(document.text == "Airbus launches\n\nJanuary 18, 2005\n\nThe world's (largest) AT&T.")
        #expect(document.title == "Airbus launches")
        #expect(document.creationTime == "2005-01-18")
        #expect(document.published?.iso8601.hasPrefix("2005-01-18") == true)
        let offset = try #require(document.text.utf8.firstIndex(of: UInt8(ascii: "l")).map { document.text.utf8.distance(from: document.text.utf8.startIndex, to: $0) })
        #expect(document.token(at: offset)?.text == "launches")
        #expect(document.token(at: offset)?.sentence == 0)
        #expect(document.token(at: 6) == nil)  // the space between two tokens
    }

    @Test func aDocumentWithoutIdIsAnErrorNamingTheFile() {
        #expect(throws: TimelineTaskError.self) { try TimelineTaskDocument(contents: "<token number=\"0\" sentence=\"0\">x</token>", fallbackName: "bad.xml") }
    }

    @Test func timelinesRoundTripAndNameTheirFiles() throws {
        let text = "Airbus A380\n0\tXXXX-XX-XX\t3307-3-take_away\n1\t2005-01-18\t3307-0-launches\t3307-2-plans\n"
        let timeline = try TaskTimeline(contents: text, file: "airbus_a380.txt")
        #expect(timeline.target == "Airbus A380")
        #expect(timeline.lines.count == 2)
        #expect(timeline.lines[1].events == ["3307-0-launches", "3307-2-plans"])
        #expect(timeline.rendered == text)
        #expect(TaskTimeline.fileName(for: "Airbus A380") == "airbus_a380.txt")
        #expect(throws: TimelineTaskError.self) { try TaskTimeline(contents: "X\nnot a line\n", file: "bad.txt") }
    }
    /// An event of document 3307 at the token starting at byte `offset` (0-based) of its text.
    static func event(day: Int, modifier: TimeExpression.Modifier?, dating: Event.Dating, trigger: String, offset: Int) -> Event {
        let start = Date(timeIntervalSince1970: 1_104_537_600 + Double(day - 1) * 86_400)  // 2005-01-DAY
        let interval = DateInterval(start: start, duration: 86_400)
        let source = Event.Source(articleID: 3307, title: nil, outlet: nil, url: nil, published: nil, sentence: 1, start: 1, stop: 2,
                                  text: "", triggerStart: offset + 1, triggerStop: offset + 2)
        return Event(interval: interval, precision: .day, modifier: modifier, label: "", when: "", dating: dating, trigger: trigger,
                     entities: [], sources: [source], tense: .past)
    }

    @Test func anUndatedPastIsWrittenAtItsStorysDayAndAPastPerfectAtZero() throws {
        let document = try TimelineTaskDocument(contents: Self.cat, fallbackName: "f.xml")
        let text = Array(document.text.utf8)
        func offset(of word: String) -> Int {
            let needle = Array(word.utf8)
            return text.indices.first { Array(text[$0...].prefix(needle.count)) == needle }!
        }
        let evaluation = TimelineTaskEvaluation(mentions: { _ in [] })
        // "launches" told undated (before the publication, the 18th), "world"
        // a past perfect, "largest" dated by its own words the 17th.
        let events = [
            Self.event(day: 18, modifier: .before, dating: .publication, trigger: "launched", offset: offset(of: "launches")),
            Self.event(day: 18, modifier: .before, dating: .publication, trigger: "had worked", offset: offset(of: "world")),
            Self.event(day: 17, modifier: nil, dating: .expression, trigger: "largest", offset: offset(of: "largest")),
        ]
        let storyDay = DateInterval(start: Date(timeIntervalSince1970: 1_104_537_600 + 15 * 86_400), duration: 86_400)  // the 16th
        let written = evaluation.taskTimeline(target: "Airbus", timeline: EventTimeline(events: events), documents: [3307: document],
                                              storyDays: [3307: storyDay])
        #expect(written.lines.map(\.date) == ["XXXX-XX-XX", "2005-01-16", "2005-01-17"])
        #expect(written.lines.map(\.ordinal) == [0, 1, 2])
        #expect(written.lines[0].events == ["3307-2-world"])
        #expect(written.lines[1].events == ["3307-0-launches"])
        // No day named by the lead: the publication's.
        let plain = evaluation.taskTimeline(target: "Airbus", timeline: EventTimeline(events: Array(events.prefix(1))), documents: [3307: document])
        #expect(plain.lines.map(\.date) == ["2005-01-18"])
    }
}
