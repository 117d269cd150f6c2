import DossierCore
import EntityExtractor

/// A hand-marked sentence: `{h:could}` a hedge, `{n:no public evidence}` negative evidence.
public struct HedgeGoldSentence: Sendable {
    public var text: String
    public var hedges: [Hedge]

    /// Reads one marked line; a brace left open or an unknown kind is an error naming the line.
    public init(marked line: Substring, file: String, line number: Int) throws {
        var text: [UInt8] = []
        var hedges: [Hedge] = []
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: ":") {
                let kind: Hedge.Kind
                switch bytes[index + 1] {
                case UInt8(ascii: "h"): kind = .hedge
                case UInt8(ascii: "n"): kind = .negativeEvidence
                default: throw HedgeGoldError(file: file, line: number, reason: "unknown mark '{\(Character(UnicodeScalar(bytes[index + 1])))'")
                }
                guard let close = bytes[(index + 3)...].firstIndex(of: UInt8(ascii: "}")) else {
                    throw HedgeGoldError(file: file, line: number, reason: "a mark is not closed")
                }
                let start = text.count
                text += bytes[(index + 3)..<close]
                hedges.append(Hedge(span: start..<text.count, kind: kind))
                index = close + 1
            } else {
                text.append(bytes[index])
                index += 1
            }
        }
        self.text = String(decoding: text, as: UTF8.self)
        self.hedges = hedges
    }

    public static func load(_ contents: String, file: String) throws -> [HedgeGoldSentence] {
        var sentences: [HedgeGoldSentence] = []
        for (offset, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            sentences.append(try HedgeGoldSentence(marked: line, file: file, line: offset + 1))
        }
        return sentences
    }
}

public struct HedgeGoldError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// Precision and recall of the hedge finder per kind, exact and overlapping spans, one-to-one.
public struct HedgeEvaluation: Sendable {
    public var exact: [Hedge.Kind: AttributionEvaluation.Score] = [:]
    public var overlap: [Hedge.Kind: AttributionEvaluation.Score] = [:]
    public var errors: [(sentence: String, missed: [String], spurious: [String])] = []

    public init(_ sentences: [HedgeGoldSentence], finder: HedgeFinder = HedgeFinder()) {
        for sentence in sentences {
            let found = finder.hedges(in: TokenizedText(text: sentence.text))
            let bytes = Array(sentence.text.utf8)
            var missed: [String] = [], spurious: [String] = []
            for kind in [Hedge.Kind.hedge, .negativeEvidence] {
                let gold = sentence.hedges.filter { $0.kind == kind }.map(\.span)
                let system = found.filter { $0.kind == kind }.map(\.span)
                for exactly in [true, false] {
                    var used = Set<Int>()
                    var matched = 0
                    var goldMatched = Set<Int>()
                    for (g, span) in gold.enumerated() {
                        if let s = system.indices.first(where: { !used.contains($0) && (exactly ? system[$0] == span : system[$0].overlaps(span)) }) {
                            used.insert(s)
                            goldMatched.insert(g)
                            matched += 1
                        }
                    }
                    let score = AttributionEvaluation.Score(correct: matched, predicted: system.count, gold: gold.count)
                    if exactly {
                        exact[kind, default: .init()] = exact[kind, default: .init()] + score
                    } else {
                        overlap[kind, default: .init()] = overlap[kind, default: .init()] + score
                        missed += gold.indices.filter { !goldMatched.contains($0) }.map { "\(kind.rawValue):" + String(decoding: bytes[gold[$0]], as: UTF8.self) }
                        spurious += system.indices.filter { !used.contains($0) }.map { "\(kind.rawValue):" + String(decoding: bytes[system[$0]], as: UTF8.self) }
                    }
                }
            }
            if !missed.isEmpty || !spurious.isEmpty { errors.append((sentence.text, missed, spurious)) }
        }
    }
}
