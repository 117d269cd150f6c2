/// One token of a text: a word, a number, a clitic ("'s") or a punctuation mark.
///
/// Only the byte range is stored, so a token costs two integers and the text
/// stays one buffer: the tagger hashes bytes in place and mentions report the
/// same offsets back to Lua.
public struct Token: Hashable, Sendable {
    /// 0-based, half-open byte range into `TokenizedText.bytes`.
    public var range: Range<Int>

    public init(range: Range<Int>) {
        self.range = range
    }
}

/// A text cut into tokens and sentences, the input of the tagger and the rules.
public struct TokenizedText: Sendable {
    /// The UTF-8 text.
    public let bytes: [UInt8]
    public var tokens: [Token]
    /// Token-index ranges, in order, covering all tokens.
    public var sentences: [Range<Int>]
    /// The lines (split at "\n") and what each is (`LineClassifier`); for
    /// pre-tokenized input, one line per sentence.
    public let lines: [TextLine]

    public func text(of token: Token) -> String {
        String(decoding: bytes[token.range], as: UTF8.self)
    }

    /// Tokenizes `text` and splits it into sentences.
    public init(text: String) {
        bytes = Array(text.utf8)
        tokens = Tokenizer.tokenize(bytes)
        sentences = SentenceSplitter.split(tokens, in: bytes)
        lines = LineClassifier.lines(tokens, in: bytes)
    }

    /// Pre-tokenized input (CoNLL): the words joined by single spaces, one sentence.
    public init(words: [String]) {
        self.init(sentences: [words])
    }

    /// Pre-tokenized input split into sentences (a CoNLL document): the words
    /// joined by single spaces, the sentences by newlines. The tokens are the
    /// words exactly, one per word, even when the tokenizer would cut differently,
    /// because gold annotations count tokens.
    public init(sentences words: [[String]]) {
        var bytes: [UInt8] = []
        var tokens: [Token] = []
        var sentences: [Range<Int>] = []
        for sentence in words where !sentence.isEmpty {
            if !bytes.isEmpty { bytes.append(0x0A) }
            let first = tokens.count
            for (index, word) in sentence.enumerated() {
                if index > 0 { bytes.append(0x20) }
                let start = bytes.count
                bytes.append(contentsOf: word.utf8)
                tokens.append(Token(range: start..<bytes.count))
            }
            sentences.append(first..<tokens.count)
        }
        self.bytes = bytes
        self.tokens = tokens
        self.sentences = sentences
        self.lines = LineClassifier.lines(tokens, in: bytes)
    }

    /// Text already cut by someone else (tests, a caller with its own tokenizer).
    public init(bytes: [UInt8], tokens: [Token], sentences: [Range<Int>]) {
        self.bytes = bytes
        self.tokens = tokens
        self.sentences = sentences
        self.lines = LineClassifier.lines(tokens, in: bytes)
    }
}
