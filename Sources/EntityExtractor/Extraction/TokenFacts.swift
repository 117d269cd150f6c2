/// What the rules ask about each token, computed once per text from its
/// bytes: its sentence and line, whether it starts one, and its case.
struct TokenFacts: Sendable {
    /// 0-based sentence index of each token.
    let sentence: [Int]
    /// 0-based line index of each token (lines are split at "\n").
    let line: [Int]
    /// The first word of a sentence or of a line (after opening punctuation).
    let startsSentence: [Bool]
    let shape: [WordShape]
    /// Token index ranges of each line.
    let lines: [Range<Int>]

    init(_ text: TokenizedText) {
        let count = text.tokens.count
        var sentence = [Int](repeating: 0, count: count)
        for (index, range) in text.sentences.enumerated() {
            for token in range where token < count { sentence[token] = index }
        }
        // The lines are the tokenizer's (`TokenizedText.lines`, cut at "\n"
        // and classed by LineClassifier), so facts and line kinds index alike.
        let lines = text.lines.map(\.tokens)
        var line = [Int](repeating: 0, count: count)
        for (index, range) in lines.enumerated() {
            for token in range where token < count { line[token] = index }
        }
        var shape = [WordShape](repeating: .other, count: count)
        var starts = [Bool](repeating: false, count: count)
        text.bytes.withUnsafeBufferPointer { bytes in
            for (index, token) in text.tokens.enumerated() { shape[index] = WordShape(bytes[token.range]) }
        }
        // The first word token of each sentence and each line.
        var seekSentence = -1
        var seekLine = -1
        for index in 0..<count {
            if index == 0 || sentence[index] != sentence[index - 1] { seekSentence = sentence[index] }
            if index == 0 || line[index] != line[index - 1] { seekLine = line[index] }
            guard shape[index] != .other else { continue }
            if seekSentence == sentence[index] || seekLine == line[index] { starts[index] = true }
            seekSentence = -1
            seekLine = -1
        }
        self.sentence = sentence
        self.line = line
        self.lines = lines
        self.shape = shape
        self.startsSentence = starts
    }
}

/// The case pattern of a token, read from its first bytes.
enum WordShape: Hashable, Sendable {
    /// "Pakistan", "Inter-Services", "McCain".
    case capitalised
    /// "NEW", "ISI", "DGFI".
    case allCaps
    /// "officials", "al-Qaeda".
    case lower
    /// Digits and letters that are neither ("G7" counts as allCaps).
    case number
    /// Punctuation and symbols.
    case other

    init(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) {
        guard let first = bytes.first else { self = .other; return }
        var upper = 0
        var lower = 0
        var letters = 0
        for byte in bytes {
            if byte >= 0x41 && byte <= 0x5A { upper += 1; letters += 1 }
            else if byte >= 0x61 && byte <= 0x7A { lower += 1; letters += 1 }
            else if byte >= 0x80 { letters += 1 }
        }
        if first >= 0x41 && first <= 0x5A {
            self = lower == 0 && upper >= 2 ? .allCaps : .capitalised
        } else if first >= 0x61 && first <= 0x7A {
            self = .lower
        } else if first >= 0x30 && first <= 0x39 {
            self = upper >= 1 && lower == 0 ? .allCaps : .number
        } else if first >= 0xC3 && first <= 0xDF {
            // Latin letters with diacritics: C3 80-9E are capitals.
            let second = bytes.count > 1 ? bytes[bytes.startIndex + 1] : 0
            self = first == 0xC3 && second < 0x9F ? .capitalised : (first == 0xC3 ? .lower : .capitalised)
        } else if first == 0xE2, bytes.count > 1, bytes[bytes.startIndex + 1] <= 0x81 {
            self = .other  // General Punctuation: dashes, curly quotes
        } else if first >= 0x80 {
            self = letters > 0 ? .capitalised : .other  // scripts without case count as names
        } else {
            self = .other
        }
    }

    var isUpperInitial: Bool { self == .capitalised || self == .allCaps }
}
