import DossierCore
import Foundation

/// Who appears with whom: entities as nodes, co-mentions as weighted edges.
public struct EntityGraph: Hashable, Sendable {
    public struct Edge: Hashable, Sendable {
        public var source: Int64
        public var target: Int64
        /// Shared sentences or articles, as the graph's window says.
        public var weight: Int

        public init(source: Int64, target: Int64, weight: Int) {
            self.source = source
            self.target = target
            self.weight = weight
        }
    }

    public var nodes: [StoredEntity]
    public var edges: [Edge]
    public var window: CooccurrenceWindow

    public init(nodes: [StoredEntity], edges: [Edge], window: CooccurrenceWindow) {
        self.nodes = nodes
        self.edges = edges
        self.window = window
    }
}

/// The formats network tools read: GraphML for Gephi, yEd and networkx, DOT for
/// Graphviz, JSON (nodes and links, as d3 and networkx's node_link_data use).
public enum EntityGraphFormat: String, Hashable, Sendable, CaseIterable {
    case graphml, dot, json

    /// The format a file name's extension asks for (".gv" is Graphviz too).
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "graphml", "xml": self = .graphml
        case "dot", "gv": self = .dot
        case "json": self = .json
        default: return nil
        }
    }
}

extension EntityGraph {
    public func rendered(as format: EntityGraphFormat) -> String {
        switch format {
        case .graphml: return graphML
        case .dot: return dot
        case .json: return json
        }
    }

    var graphML: String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#,
            #"  <key id="name" for="node" attr.name="name" attr.type="string"/>"#,
            #"  <key id="type" for="node" attr.name="type" attr.type="string"/>"#,
            #"  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>"#,
            #"  <key id="articles" for="node" attr.name="articles" attr.type="int"/>"#,
            #"  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>"#,
            #"  <graph id="entities" edgedefault="undirected">"#,
        ]
        for node in nodes {
            lines.append(#"    <node id="e\#(node.id)">"#)
            lines.append(#"      <data key="name">\#(xmlEscaped(node.name))</data>"#)
            lines.append(#"      <data key="type">\#(node.type.rawValue)</data>"#)
            lines.append(#"      <data key="mentions">\#(node.mentionCount)</data>"#)
            lines.append(#"      <data key="articles">\#(node.articleCount)</data>"#)
            lines.append("    </node>")
        }
        for (index, edge) in edges.enumerated() {
            lines.append(#"    <edge id="c\#(index + 1)" source="e\#(edge.source)" target="e\#(edge.target)"><data key="weight">\#(edge.weight)</data></edge>"#)
        }
        lines.append("  </graph>")
        lines.append("</graphml>")
        return lines.joined(separator: "\n") + "\n"
    }

    var dot: String {
        var lines = ["graph entities {", "  node [shape=box];"]
        for node in nodes {
            lines.append("  e\(node.id) [label=\(dotQuoted(node.name)), type=\(node.type.rawValue), mentions=\(node.mentionCount)];")
        }
        for edge in edges {
            lines.append("  e\(edge.source) -- e\(edge.target) [weight=\(edge.weight), label=\(edge.weight)];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        struct Node: Encodable { var id: Int64; var name: String; var type: String; var mentions: Int; var articles: Int; var aliases: [String] }
        struct Link: Encodable { var source: Int64; var target: Int64; var weight: Int }
        struct Document: Encodable { var window: String; var nodes: [Node]; var links: [Link] }
        let document = Document(
            window: window.rawValue,
            nodes: nodes.map { Node(id: $0.id, name: $0.name, type: $0.type.rawValue, mentions: $0.mentionCount, articles: $0.articleCount, aliases: $0.aliases) },
            links: edges.map { Link(source: $0.source, target: $0.target, weight: $0.weight) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }
}

private func xmlEscaped(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        default: escaped.append(character)
        }
    }
    return escaped
}

private func dotQuoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
