import DossierCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Timeline

/// Every export format, read back by a parser of that format.
@Suite struct TimelineExportTests {
    let timeline = EventTimeline(events: [
        EventTimelineTests.event(EventTimelineTests.interval(2025, 4), .month, article: 3,
                                 text: "In April 2025, the two countries resumed \"talks\", officials said <quietly> & more."),
        EventTimelineTests.event(EventTimelineTests.interval(2010), .year, article: 3, text: "Channels went dormant, in 2010.",
                                 dating: .arithmetic),
    ])

    @Test func jsonCarriesIntervalsPrecisionAndSources() throws {
        let object = try JSONSerialization.jsonObject(with: Data(timeline.rendered(as: .json).utf8)) as? [String: Any]
        let events = try #require(object?["events"] as? [[String: Any]])
        #expect(events.count == 2)
        #expect(events[0]["label"] as? String == "2010")
        #expect(events[1]["start"] as? String == "2025-04-01T00:00:00Z")
        #expect(events[1]["end"] as? String == "2025-05-01T00:00:00Z")
        #expect(events[1]["precision"] as? String == "month")
        let sources = try #require(events[1]["sources"] as? [[String: Any]])
        #expect(sources.first?["article"] as? Int == 3)
        #expect(sources.first?["text"] as? String == "In April 2025, the two countries resumed \"talks\", officials said <quietly> & more.")
    }

    @Test func jsonEscapesControlCharactersQuotesAndBackslashes() throws {
        var text = JSONText()
        let value = "tab\there \"quoted\" back\\slash \u{1}bell\nline Dhaka – ঢাকা"
        text.raw("[")
        text.string(value)
        text.raw("]")
        let parsed = try JSONSerialization.jsonObject(with: Data(text.text.utf8)) as? [String]
        #expect(parsed == [value])
    }

    @Test func csvQuotesFieldsAndHasOneRowPerSource() {
        let csv = timeline.rendered(as: .csv)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("label,start,end,precision"))
        #expect(rows[2].contains("\"In April 2025, the two countries resumed \"\"talks\"\", officials said <quietly> & more.\""))
    }

    @Test func markdownListsEventsWithTheirSources() {
        let markdown = timeline.rendered(as: .markdown, title: "Pakistan and Bangladesh")
        #expect(markdown.hasPrefix("# Pakistan and Bangladesh\n"))
        #expect(markdown.contains("- **2025-04** resumed: In April 2025"))
        #expect(markdown.contains("  - Outlet 3, “Article 3”, 2025-12-28, sentence 1"))
    }

    @Test func htmlIsOneWellFormedPageWithAnAxisAndEveryEvent() throws {
        let html = timeline.rendered(as: .html, title: "Pakistan & Bangladesh")
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.elements.contains("script"))
        #expect(collector.elements.filter { $0 == "li" && true }.count >= 2)
        #expect(collector.text.contains("Pakistan & Bangladesh"))
        #expect(collector.text.contains("resumed \"talks\", officials said <quietly> & more."))
        // Self-contained: nothing is fetched.
        #expect(!collector.attributes.contains { ($0.key == "src" || $0.key == "href") && $0.value.hasPrefix("http") })
        #expect(!html.contains("<script src"))
        #expect(!html.contains("<link"))
        // The events' data is inert inside its script element.
        let data = try #require(html.range(of: "id=\"timeline-data\">").map { html[$0.upperBound...] })
        let block = data[..<(data.range(of: "</script>")?.lowerBound ?? data.endIndex)]
        #expect(!block.contains("<") && !block.contains("&"))
        #expect(block.contains("\\u003cquietly\\u003e \\u0026 more"))
    }

    @Test func formatsFollowFileExtensions() {
        #expect(TimelineFormat(pathExtension: "HTML") == .html)
        #expect(TimelineFormat(pathExtension: "md") == .markdown)
        #expect(TimelineFormat(pathExtension: "csv") == .csv)
        #expect(TimelineFormat(pathExtension: "txt") == nil)
    }
}

final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [(key: String, value: String)] = []
    var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
        attributes += attributeDict.map { ($0.key, $0.value) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
