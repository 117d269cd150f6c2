import DossierCore
import Foundation

/// The HTML export: one self-contained page (inline CSS, data and script,
/// nothing fetched) that an analyst can read at any spread of dates.
///
/// The chart shows a focus range (by default the span holding the middle 90%
/// of the events, so one event in the 1300s does not squeeze the rest into a
/// strip) above an overview of the whole range, where the focus is a window
/// that can be dragged; the wheel zooms and a drag pans. Events of the same
/// day, month or year (whichever the zoom makes legible) are stacked in one
/// column, and each mark shows its date, trigger, sentence and sources on
/// hover and jumps to its entry in the list on click. Entity, kind of dating
/// and outlet filters apply to chart and list. Without scripts the list alone
/// is the page. Written as well-formed XML (the script in CDATA) so it can be
/// checked and transformed as such.
struct TimelinePage {
    let timeline: EventTimeline
    let title: String

    var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(escape(title))</title>
            <style>
            \(TimelinePageAssets.style)
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <p class="meta">\(timeline.events.count) event\(timeline.events.count == 1 ? "" : "s") from \(articleCount) article\(articleCount == 1 ? "" : "s"). <span class="legend"><span class="key expression">&#9632; dated in the text</span><span class="key publication">&#9632; dated by publication</span><span class="key arithmetic">&#9632; computed from a duration</span></span></p>
            <div id="controls" class="controls"></div>
            <div id="chart" class="chart"><noscript>The chart needs scripts; the events are listed below.</noscript></div>
            <div id="tip" class="tip" hidden="hidden"></div>
            <p id="shown" class="meta"></p>

            """
        out += "<script type=\"application/json\" id=\"timeline-data\">" + data + "</script>\n"
        out += "<ol class=\"events\" id=\"events\">\n"
        for (index, event) in timeline.events.enumerated() {
            out += "<li id=\"event-\(index + 1)\" class=\"\(event.dating.rawValue)\">"
            out += "<span class=\"date\">\(escape(event.label))</span>"
            out += "<span class=\"trigger\">\(escape(event.trigger))</span>"
            if event.isHypothetical { out += " <span class=\"entity\">hypothetical</span>" }
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
        out += "</ol>\n<script>//<![CDATA[\n" + TimelinePageAssets.script + "\n//]]></script>\n</body>\n</html>\n"
        return out
    }

    private var articleCount: Int {
        Set(timeline.events.flatMap { $0.sources.map { $0.articleID ?? -1 } }).count
    }

    /// The events as the script reads them: times in milliseconds, and the
    /// characters that could end the script element escaped.
    private var data: String {
        var out = "["
        for (index, event) in timeline.events.enumerated() {
            if index > 0 { out += ",\n" }
            out += "{\"s\":\(Int64(event.interval.start.timeIntervalSince1970 * 1000)),\"e\":\(Int64(event.interval.end.timeIntervalSince1970 * 1000))"
            out += ",\"l\":" + Self.json(event.label) + ",\"p\":" + Self.json(event.precision.rawValue)
            out += ",\"t\":" + Self.json(event.trigger) + ",\"d\":" + Self.json(event.dating.rawValue)
            out += ",\"x\":" + Self.json(event.summary)
            out += ",\"n\":[" + event.entities.map(Self.json).joined(separator: ",") + "]"
            out += ",\"o\":[" + Set(event.sources.compactMap(\.outlet)).sorted().map(Self.json).joined(separator: ",") + "]"
            out += ",\"c\":[" + event.sources.map { source in
                Self.json([source.outlet, source.title, source.published.map { String($0.prefix(10)) }].compactMap { $0 }.joined(separator: ", ")
                          + ", sentence \(source.sentence)")
            }.joined(separator: ",") + "]}"
        }
        return out + "]"
    }

    /// A JSON string that is also inert inside an HTML or XML script element.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
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
