import DossierCore
import Foundation

/// The formats a timeline is exported to: JSON for programs, CSV for
/// spreadsheets, Markdown for reports, and a self-contained HTML page that
/// draws the events on a time axis (no scripts, fonts or images fetched).
public enum TimelineFormat: String, Hashable, Sendable, CaseIterable {
    case json, csv, markdown, html

    /// The format a file's extension asks for.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "json": self = .json
        case "csv": self = .csv
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        default: return nil
        }
    }
}

extension EventTimeline {
    public func rendered(as format: TimelineFormat, title: String = "Timeline") -> String {
        switch format {
        case .json: return json
        case .csv: return csv
        case .markdown: return markdown(title: title)
        case .html: return TimelinePage(timeline: self, title: title).html
        }
    }

    /// A plain ISO date ("2025-04-01") in UTC: how interval bounds read in Lua.
    public static func isoDate(_ date: Date) -> String {
        let (year, month, day) = CalendarMath.civil(CalendarMath.split(date, utcOffsetSeconds: 0).day)
        return EventLabel.isoDay(year, month, day)
    }

    /// ISO 8601 instants in UTC for the interval, so any tool can read them.
    /// Written by hand: a formatter per call costs more than the whole event.
    static func iso(_ date: Date) -> String {
        let second = CalendarMath.split(date, utcOffsetSeconds: 0).second
        return isoDate(date) + "T" + EventLabel.twoDigits(second / 3600) + ":" + EventLabel.twoDigits(second % 3600 / 60)
            + ":" + EventLabel.twoDigits(second % 60) + "Z"
    }

    /// `{"events": [...]}`, one event per line. Written by hand: JSONEncoder
    /// takes seconds on a timeline of a hundred thousand events.
    var json: String {
        var out = JSONText()
        out.raw("{\"events\": [\n")
        for (index, event) in events.enumerated() {
            out.raw(index == 0 ? "  {" : ",\n  {")
            out.field("label", event.label, first: true)
            out.field("start", Self.iso(event.interval.start))
            out.field("end", Self.iso(event.interval.end))
            out.field("precision", event.precision.rawValue)
            out.field("modifier", event.modifier?.rawValue)
            out.field("when", event.when)
            out.field("dating", event.dating.rawValue)
            out.field("trigger", event.trigger)
            out.raw(", \"entities\": [")
            for (offset, name) in event.entities.enumerated() {
                if offset > 0 { out.raw(", ") }
                out.string(name)
            }
            out.raw("], \"sources\": [")
            for (offset, source) in event.sources.enumerated() {
                out.raw(offset == 0 ? "{" : ", {")
                out.field("article", source.articleID.map { Int($0) }, first: true)
                out.field("title", source.title)
                out.field("outlet", source.outlet)
                out.field("url", source.url)
                out.field("published", source.published)
                out.field("sentence", source.sentence)
                out.field("start", source.start)
                out.field("stop", source.stop)
                out.field("text", source.text)
                out.raw("}")
            }
            out.raw("]}")
        }
        out.raw(events.isEmpty ? "]}\n" : "\n]}\n")
        return out.text
    }

    /// RFC 4180: a header row, one row per event and source, fields quoted
    /// when they hold a comma, quote or line break.
    var csv: String {
        var rows = [["label", "start", "end", "precision", "modifier", "when", "dating", "trigger", "entities",
                     "article", "outlet", "title", "published", "sentence", "text"]]
        for event in events {
            for source in event.sources {
                rows.append([event.label, Self.iso(event.interval.start), Self.iso(event.interval.end), event.precision.rawValue,
                             event.modifier?.rawValue ?? "", event.when, event.dating.rawValue, event.trigger,
                             event.entities.joined(separator: "; "), source.articleID.map(String.init) ?? "",
                             source.outlet ?? "", source.title ?? "", source.published ?? "", String(source.sentence), source.text])
            }
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    func markdown(title: String) -> String {
        var lines = ["# \(title)", ""]
        for event in events {
            var line = "- **\(event.label)** \(event.trigger): \(event.summary.replacingOccurrences(of: "\n", with: " "))"
            if !event.entities.isEmpty { line += " _(\(event.entities.joined(separator: ", ")))_" }
            lines.append(line)
            for source in event.sources {
                var cite = "  - "
                if let outlet = source.outlet { cite += outlet + ", " }
                if let title = source.title {
                    cite += source.url.map { "[\(title)](\($0))" } ?? "“\(title)”"
                } else if let id = source.articleID {
                    cite += "article #\(id)"
                }
                if let published = source.published { cite += ", " + published }
                cite += ", sentence \(source.sentence)"
                if event.dating != .expression { cite += " (dated by \(event.dating == .publication ? "publication" : event.when))" }
                lines.append(cite)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

private func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// A JSON text written by hand: strings escaped as RFC 8259 requires
/// (quote, backslash, control characters), everything else copied as UTF-8.
struct JSONText {
    private(set) var text = ""

    mutating func raw(_ piece: String) { text += piece }

    mutating func string(_ value: String) {
        text += "\""
        var clean = value.utf8.startIndex
        let bytes = value.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                text += String(value[clean..<index])
                switch byte {
                case UInt8(ascii: "\""): text += "\\\""
                case UInt8(ascii: "\\"): text += "\\\\"
                case 0x0A: text += "\\n"
                case 0x0D: text += "\\r"
                case 0x09: text += "\\t"
                default: text += "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                }
                clean = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        text += String(value[clean...])
        text += "\""
    }

    mutating func field(_ key: String, _ value: String?, first: Bool = false) {
        text += first ? "\"" : ", \""
        text += key
        text += "\": "
        if let value { string(value) } else { text += "null" }
    }

    mutating func field(_ key: String, _ value: Int?, first: Bool = false) {
        text += first ? "\"" : ", \""
        text += key
        text += "\": "
        text += value.map(String.init) ?? "null"
    }
}
