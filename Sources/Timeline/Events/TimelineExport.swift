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
        String(iso(date).prefix(10))
    }

    /// ISO 8601 instants in UTC for the interval, so any tool can read them.
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    var json: String {
        struct Source: Encodable {
            var article: Int64?; var title: String?; var outlet: String?; var url: String?; var published: String?
            var sentence: Int; var start: Int; var stop: Int; var text: String
        }
        struct Item: Encodable {
            var label: String; var start: String; var end: String; var precision: String; var modifier: String?
            var when: String; var dating: String; var trigger: String; var entities: [String]; var sources: [Source]
        }
        let items = events.map { event in
            Item(label: event.label, start: Self.iso(event.interval.start), end: Self.iso(event.interval.end),
                 precision: event.precision.rawValue, modifier: event.modifier?.rawValue, when: event.when,
                 dating: event.dating.rawValue, trigger: event.trigger, entities: event.entities,
                 sources: event.sources.map {
                     Source(article: $0.articleID, title: $0.title, outlet: $0.outlet, url: $0.url, published: $0.published,
                            sentence: $0.sentence, start: $0.start, stop: $0.stop, text: $0.text)
                 })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings and numbers only: encoding cannot fail.
        return String(decoding: (try? encoder.encode(["events": items])) ?? Data(), as: UTF8.self) + "\n"
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
