import DossierCore

/// The raw-text errors of one document, one line each, for reading by eye:
/// the gold entities no mention matched (`miss`) and the mentions no gold
/// entity matched (`spurious`), each with the text line it sits in.
public enum RawErrorReport {
    public static func lines(_ document: RawCoNLLDocument, mentions: [Mention]) -> [String] {
        let bytes = Array(document.text.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func line(around byte: Int) -> String {
            var start = byte
            while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
            var end = byte
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            return text(start..<end)
        }
        func goldBytes(_ span: TaggedSpan) -> Range<Int> {
            document.tokenRanges[span.tokens.lowerBound].lowerBound..<document.tokenRanges[span.tokens.upperBound - 1].upperBound
        }
        let found = Set(mentions.map { RawSpan(bytes: ($0.start - 1)..<$0.stop, label: ModelSpanTyping.label(for: $0.type)) })
        let gold = Set(document.entities.map { RawSpan(bytes: goldBytes($0), label: $0.label) })
        var report: [String] = []
        for span in document.entities.map({ RawSpan(bytes: goldBytes($0), label: $0.label) }) where !found.contains(span) {
            report.append("miss     \(span.label.name) \(text(span.bytes))    | \(line(around: span.bytes.lowerBound))")
        }
        for mention in mentions {
            let span = RawSpan(bytes: (mention.start - 1)..<mention.stop, label: ModelSpanTyping.label(for: mention.type))
            guard !gold.contains(span) else { continue }
            report.append("spurious \(span.label.name) \(mention.text)    | \(line(around: span.bytes.lowerBound))")
        }
        return report
    }

    private struct RawSpan: Hashable {
        var bytes: Range<Int>
        var label: CoNLLLabel
    }
}
