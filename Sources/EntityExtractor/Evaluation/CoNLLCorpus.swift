import Foundation

/// A corpus in the CoNLL-2003 format: one token per line with its columns
/// (word first, entity tag last), a blank line between sentences, and
/// `-DOCSTART-` lines between documents. Tags may be IOB1 (the original
/// CoNLL-2003: B- only between two adjacent entities of one type) or IOB2.
public struct CoNLLCorpus: Sendable {
    public struct Sentence: Sendable {
        public var words: [String]
        /// Gold entities, token indices into `words`.
        public var entities: [TaggedSpan]
    }

    public struct Document: Sendable {
        public var sentences: [Sentence]

        /// The document as the tagger sees it: its words, one sentence per sentence.
        public var text: TokenizedText {
            TokenizedText(sentences: sentences.map(\.words))
        }

        /// Gold entities, token indices into `text` (sentences laid end to end).
        public var entities: [TaggedSpan] {
            var offset = 0
            var spans: [TaggedSpan] = []
            for sentence in sentences where !sentence.words.isEmpty {
                for entity in sentence.entities {
                    spans.append(TaggedSpan(tokens: (entity.tokens.lowerBound + offset)..<(entity.tokens.upperBound + offset), label: entity.label))
                }
                offset += sentence.words.count
            }
            return spans
        }
    }

    public var documents: [Document]

    public var sentenceCount: Int { documents.reduce(0) { $0 + $1.sentences.count } }
    public var tokenCount: Int { documents.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.words.count } } }

    public init(documents: [Document]) {
        self.documents = documents
    }

    public init(contentsOf url: URL) throws {
        self.init(parsing: try String(contentsOf: url, encoding: .utf8))
    }

    public init(parsing text: String) {
        var documents: [Document] = []
        var sentences: [Sentence] = []
        var words: [String] = []
        var tags: [Substring] = []
        func endSentence() {
            if !words.isEmpty { sentences.append(Sentence(words: words, entities: Self.chunks(tags))) }
            words.removeAll(keepingCapacity: true)
            tags.removeAll(keepingCapacity: true)
        }
        func endDocument() {
            endSentence()
            if !sentences.isEmpty { documents.append(Document(sentences: sentences)) }
            sentences.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let word = columns.first else {
                endSentence()
                continue
            }
            if word == "-DOCSTART-" {
                endDocument()
                continue
            }
            words.append(String(word))
            tags.append(columns.count > 1 ? columns[columns.count - 1] : "O")
        }
        endDocument()
        self.documents = documents
    }

    /// Fold `index` of `count` contiguous folds (documents in file order, so
    /// stories of one day stay together) held out, and the rest to train on.
    public func fold(_ index: Int, of count: Int) -> (training: CoNLLCorpus, heldOut: CoNLLCorpus) {
        let bounds = { (fold: Int) in documents.count * fold / count }
        let heldOut = bounds(index)..<bounds(index + 1)
        let training = documents.indices.filter { !heldOut.contains($0) }.map { documents[$0] }
        return (CoNLLCorpus(documents: training), CoNLLCorpus(documents: Array(documents[heldOut])))
    }

    /// Entities from IOB tags with conlleval's rules: a chunk starts at B-X,
    /// or at I-X after O or after another type; it ends before O, B- or
    /// another type. Unknown types are dropped.
    static func chunks<Tags: Collection<Substring>>(_ tags: Tags) -> [TaggedSpan] where Tags.Index == Int {
        var spans: [TaggedSpan] = []
        var start = -1
        var label: CoNLLLabel?
        var openType: Substring = ""
        for (index, tag) in tags.enumerated() {
            let prefix = tag.first
            let type = tag.count > 2 ? tag.dropFirst(2) : ""
            let continues = prefix == "I" && type == openType && start >= 0
            if !continues {
                if start >= 0, let label { spans.append(TaggedSpan(tokens: start..<index, label: label)) }
                start = -1
                label = nil
                openType = ""
                if prefix == "B" || prefix == "I" {
                    start = index
                    label = CoNLLLabel(name: String(type))
                    openType = type
                }
            }
        }
        if start >= 0, let label { spans.append(TaggedSpan(tokens: start..<tags.count, label: label)) }
        return spans
    }
}
