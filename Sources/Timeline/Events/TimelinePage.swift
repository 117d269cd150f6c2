import DossierCore
import Foundation

/// The HTML export: one self-contained page (inline CSS and SVG, nothing
/// fetched) with the events drawn on a time axis and listed with their sources.
/// Written as well-formed XML so it can be checked and transformed as such.
struct TimelinePage {
    let timeline: EventTimeline
    let title: String

    private let width = 960.0
    private let margin = 40.0
    private let laneHeight = 18.0

    var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(escape(title))</title>
            <style>
            body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #1d232a; padding: 0 1em; }
            h1 { font-size: 1.5em; margin-bottom: 0.2em; }
            .meta { color: #5b6670; margin-top: 0; }
            svg { width: 100%; height: auto; border: 1px solid #d8dee4; border-radius: 6px; background: #fbfcfd; }
            .axis line { stroke: #9aa5b1; } .axis text { font-size: 11px; fill: #5b6670; }
            .event rect { fill: #2f6fb3; opacity: 0.75; } .event circle { fill: #2f6fb3; }
            .event.publication rect, .event.publication circle { fill: #3d8b5a; }
            .event.arithmetic rect, .event.arithmetic circle { fill: #b36b2f; }
            ol.events { list-style: none; padding: 0; }
            ol.events > li { border-left: 4px solid #2f6fb3; padding: 0.4em 0.8em; margin: 0.8em 0; background: #f5f8fb; }
            ol.events > li.publication { border-color: #3d8b5a; } ol.events > li.arithmetic { border-color: #b36b2f; }
            .date { font-weight: 600; font-variant-numeric: tabular-nums; margin-right: 0.5em; }
            .trigger { font-style: italic; }
            .entity { display: inline-block; background: #e4ebf2; border-radius: 3px; padding: 0 0.35em; margin: 0 0.25em 0.2em 0; font-size: 0.85em; }
            .sources { font-size: 0.88em; color: #46515c; margin: 0.3em 0 0 1em; padding: 0; }
            .legend span { margin-right: 1.2em; font-size: 0.9em; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <p class="meta">\(timeline.events.count) event\(timeline.events.count == 1 ? "" : "s") from \(articleCount) article\(articleCount == 1 ? "" : "s"). <span class="legend"><span style="color:#2f6fb3">&#9632; dated in the text</span><span style="color:#3d8b5a">&#9632; dated by publication</span><span style="color:#b36b2f">&#9632; computed from a duration</span></span></p>

            """
        out += axis
        out += "<ol class=\"events\">\n"
        for (index, event) in timeline.events.enumerated() {
            out += "<li id=\"event-\(index + 1)\" class=\"\(event.dating.rawValue)\">"
            out += "<span class=\"date\">\(escape(event.label))</span>"
            out += "<span class=\"trigger\">\(escape(event.trigger))</span>"
            out += "<p>\(escape(event.summary))</p>"
            if !event.entities.isEmpty {
                out += "<div>" + event.entities.map { "<span class=\"entity\">\(escape($0))</span>" }.joined() + "</div>"
            }
            out += "<ul class=\"sources\">"
            for source in event.sources {
                var cite = ""
                if let outlet = source.outlet { cite += escape(outlet) + ", " }
                let name = escape(source.title ?? source.articleID.map { "article #\($0)" } ?? "text")
                if let url = source.url {
                    cite += "<a href=\"\(escape(url))\">\(name)</a>"
                } else {
                    cite += name
                }
                if let published = source.published { cite += ", " + escape(published) }
                cite += ", sentence \(source.sentence) (bytes \(source.start)-\(source.stop))"
                if event.dating != .expression { cite += ", dated by " + escape(event.dating == .publication ? "publication" : event.when) }
                out += "<li>\(cite)</li>"
            }
            out += "</ul></li>\n"
        }
        out += "</ol>\n</body>\n</html>\n"
        return out
    }

    private var articleCount: Int {
        Set(timeline.events.flatMap { $0.sources.map { $0.articleID ?? -1 } }).count
    }

    /// Events as bars (their interval) and dots on a linear time axis, one
    /// lane per event so nothing overlaps; year ticks chosen to stay legible.
    private var axis: String {
        let events = timeline.events
        guard let first = events.map(\.interval.start).min(), let last = events.map(\.interval.end).max() else {
            return "<p>No dated events.</p>\n"
        }
        func year(of date: Date) -> Int { CalendarMath.civil(CalendarMath.split(date, utcOffsetSeconds: 0).day).year }
        func startOf(_ year: Int) -> Date { CalendarMath.date(ofDay: CalendarMath.dayNumber(year: year, month: 1, day: 1)) }
        let firstYear = year(of: first)
        let lastYear = year(of: last.addingTimeInterval(-1)) + 1
        let start = startOf(firstYear)
        let end = startOf(lastYear)
        let span = max(end.timeIntervalSince(start), 1)
        let plot = width - 2 * margin
        func x(_ date: Date) -> Double { margin + plot * date.timeIntervalSince(start) / span }
        let height = 40 + laneHeight * Double(events.count) + 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Events on a time axis\">\n"
        svg += "<g class=\"axis\"><line x1=\"\(margin)\" y1=\"24\" x2=\"\(width - margin)\" y2=\"24\"/>"
        let years = lastYear - firstYear
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500].first { years / $0 <= 10 } ?? 1000
        var tickYear = firstYear - firstYear % step
        while tickYear <= lastYear {
            if tickYear >= firstYear {
                let position = x(startOf(tickYear))
                svg += "<line x1=\"\(format(position))\" y1=\"20\" x2=\"\(format(position))\" y2=\"28\"/><text x=\"\(format(position))\" y=\"14\" text-anchor=\"middle\">\(tickYear)</text>"
            }
            tickYear += step
        }
        svg += "</g>\n"
        for (index, event) in events.enumerated() {
            let y = 40 + laneHeight * Double(index)
            let left = x(event.interval.start)
            let right = max(x(event.interval.end), left + 3)
            svg += "<a href=\"#event-\(index + 1)\"><g class=\"event \(event.dating.rawValue)\"><title>\(escape(event.label + " " + event.trigger))</title>"
            svg += "<rect x=\"\(format(left))\" y=\"\(format(y))\" width=\"\(format(right - left))\" height=\"10\" rx=\"2\"/>"
            svg += "<circle cx=\"\(format((left + right) / 2))\" cy=\"\(format(y + 5))\" r=\"3\"/></g></a>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    /// One decimal, without String(format:) (thousands of coordinates per page).
    private func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}

/// Escapes text for HTML content and attribute values, copying the runs
/// between special characters whole.
func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count + 16)
    let bytes = text.utf8
    var clean = bytes.startIndex
    var index = bytes.startIndex
    while index != bytes.endIndex {
        let replacement: String?
        switch bytes[index] {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case UInt8(ascii: "'"): replacement = "&#39;"
        default: replacement = nil
        }
        if let replacement {
            escaped += String(text[clean..<index])
            escaped += replacement
            clean = bytes.index(after: index)
        }
        index = bytes.index(after: index)
    }
    escaped += String(text[clean...])
    return escaped
}
