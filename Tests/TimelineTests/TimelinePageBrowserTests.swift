import DossierCore
import Foundation
import Testing
@testable import Timeline

private let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// The HTML timeline in a real browser: Debian's `chromium`, headless
/// (scripts/install-deps installs it), renders the page and the test reads
/// back the DOM the page's script built.
@Suite(.enabled(if: chromium != nil, "chromium is not installed (scripts/install-deps)"))
struct TimelinePageBrowserTests {
    /// Sixty events in 2025 and one in the 1300s: the focus must show the
    /// sixty grouped by month, with the outlier left to the overview.
    static func spreadTimeline() -> EventTimeline {
        var events: [Event] = []
        func event(_ year: Int, _ month: Int, _ day: Int, _ index: Int) -> Event {
            let start = CalendarMath.date(ofDay: CalendarMath.dayNumber(year: year, month: month, day: day))
            let interval = DateInterval(start: start, duration: 86_400)
            let source = Event.Source(articleID: Int64(index), title: "Story \(index)", outlet: index % 2 == 0 ? "Wire" : "Daily",
                                      url: nil, published: "2025-12-28", sentence: 1, start: 1, stop: 10, text: "Event number \(index) <b>&")
            return Event(interval: interval, precision: .day, modifier: nil, label: EventLabel.isoDay(year, month, day), when: "then",
                         dating: index % 3 == 0 ? .publication : .expression, trigger: "met", entities: [index % 2 == 0 ? "Pakistan" : "Bangladesh"],
                         sources: [source])
        }
        for index in 0..<60 { events.append(event(2025, 1 + index % 12, 1 + index % 27, index + 1)) }
        events.append(event(1352, 6, 1, 100))
        return EventTimeline(events: events)
    }

    static func dom(of html: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("timeline.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        // --no-sandbox: the tests may run as root, where Chromium's sandbox refuses to start.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + directory.appendingPathComponent("profile").path,
                             "--window-size=1200,900", "--dump-dom", page.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func thePageDrawsTheFocusGroupedByMonthWithTheOutlierAside() throws {
        let dom = try Self.dom(of: Self.spreadTimeline().rendered(as: .html, title: "Spread"))
        let body = try #require(dom.range(of: "<body[^>]*>", options: .regularExpression).map { String(dom[$0]) })
        // Every 2025 event drawn, in month columns; the 1352 one is outside the focus.
        #expect(body.contains("data-rendered=\"60\""), "\(body)")
        #expect(body.contains("data-unit=\"month\""), "\(body)")
        #expect(dom.contains("1 earlier"))
        #expect(dom.contains("60 of 61 events between 2024-12"), "\(dom.prefix(3000))")
        // The filters the data allows: entities and outlets.
        #expect(dom.contains("<option value=\"Bangladesh\">Bangladesh</option>"))
        #expect(dom.contains("<option value=\"Wire\">Wire</option>"))
        // The text of the events arrives as text, not markup.
        #expect(!dom.contains("<b>&amp;"))
        #expect(dom.contains("Event number 1 &lt;b&gt;&amp;"))
    }
}
