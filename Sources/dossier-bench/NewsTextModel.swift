import DossierCore
import Foundation

/// A word trigram model of real news sentences, learned from CoNLL-2003
/// formatted text (one token a line, the NER tag last, blank lines between
/// sentences): the scale benchmark's sentences follow Reuters' word and
/// sentence statistics without repeating Reuters' sentences whole.
///
/// Names are not words of the model: every PER, ORG, LOC or MISC span becomes
/// a slot of its type, filled at generation time from name pools learned from
/// the same text (people's first and last names recombined), so a corpus of a
/// million articles has many distinct entities with a realistic skew.
struct NewsTextModel {
    /// Token ids below `firstWord` are markers: sentence boundary and slots.
    static let boundary = 0
    static let slots: [String] = ["PER", "ORG", "LOC", "MISC"]
    static let firstWord = 1 + slots.count

    private(set) var tokens: [String] = ["<s>"] + slots.map { "<\($0)>" }
    private var ids: [String: Int] = [:]
    /// Followers of each two-token context, one entry per occurrence (so a
    /// uniform pick is a pick by frequency).
    private var followers: [UInt64: [Int32]] = [:]
    private(set) var names: [String: [String]] = ["ORG": [], "LOC": [], "MISC": []]
    private(set) var firstNames: [String] = []
    private(set) var lastNames: [String] = []
    private(set) var sentenceCount = 0

    /// Learns from the given CoNLL files. Sentences that are not prose (sports
    /// tables, headlines in capitals, datelines) are skipped: fewer than six
    /// tokens, no final punctuation, or less than half lower-case words.
    init(conllFiles: [String]) throws {
        for (index, token) in tokens.enumerated() { ids[token] = index }
        var seenNames: [String: Set<String>] = [:]
        var seenFirst = Set<String>(), seenLast = Set<String>()
        for path in conllFiles {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var sentence: [(word: String, tag: String)] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let fields = line.split(separator: " ")
                if fields.count >= 2, fields[0] != "-DOCSTART-" {
                    sentence.append((String(fields[0]), String(fields[fields.count - 1])))
                    continue
                }
                if !sentence.isEmpty { learn(sentence, seenNames: &seenNames, seenFirst: &seenFirst, seenLast: &seenLast) }
                sentence = []
            }
            if !sentence.isEmpty { learn(sentence, seenNames: &seenNames, seenFirst: &seenFirst, seenLast: &seenLast) }
        }
        guard sentenceCount > 100, !firstNames.isEmpty, !lastNames.isEmpty else {
            throw UsageError(message: "too little prose in \(conllFiles.joined(separator: ", ")) to learn sentences from (\(sentenceCount) sentences)")
        }
    }

    private mutating func id(_ token: String) -> Int {
        if let id = ids[token] { return id }
        tokens.append(token)
        ids[token] = tokens.count - 1
        return tokens.count - 1
    }

    private static func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(a) << 32 | UInt64(b) }

    private mutating func learn(_ sentence: [(word: String, tag: String)], seenNames: inout [String: Set<String>],
                                seenFirst: inout Set<String>, seenLast: inout Set<String>) {
        guard sentence.count >= 6, let last = sentence.last?.word, [".", "?", "!", "\""].contains(last) else { return }
        let lower = sentence.filter { $0.word.first?.isLowercase == true }.count
        guard lower * 2 >= sentence.count else { return }
        sentenceCount += 1
        // Tokens with names folded into slots.
        var sequence: [Int] = []
        var index = 0
        while index < sentence.count {
            let tag = sentence[index].tag
            guard tag.count > 2, tag.hasPrefix("B-") || tag.hasPrefix("I-") else {
                sequence.append(id(sentence[index].word))
                index += 1
                continue
            }
            let type = String(tag.dropFirst(2))
            var span = [sentence[index].word]
            index += 1
            while index < sentence.count, sentence[index].tag == "I-" + type {
                span.append(sentence[index].word)
                index += 1
            }
            guard let slot = Self.slots.firstIndex(of: type) else { sequence.append(contentsOf: span.map { id($0) }); continue }
            sequence.append(1 + slot)
            if type == "PER" {
                if span.count >= 2 {
                    if seenFirst.insert(span[0]).inserted { firstNames.append(span[0]) }
                    let surname = span.dropFirst().joined(separator: " ")
                    if seenLast.insert(surname).inserted { lastNames.append(surname) }
                }
            } else if seenNames[type, default: []].insert(span.joined(separator: " ")).inserted {
                names[type, default: []].append(span.joined(separator: " "))
            }
        }
        var a = Self.boundary, b = Self.boundary
        for token in sequence + [Self.boundary] {
            followers[Self.key(a, b), default: []].append(Int32(token))
            (a, b) = (b, token)
        }
    }

    /// One sentence as tokens (slots as negative type numbers: -1 PER ... -4
    /// MISC), at most `maximum` tokens.
    func sentence(_ rng: inout SplitMix64, maximum: Int = 45) -> [Int] {
        var result: [Int] = []
        var a = Self.boundary, b = Self.boundary
        while result.count < maximum {
            guard let next = followers[Self.key(a, b)], !next.isEmpty else { break }
            let token = Int(next[rng.int(0...(next.count - 1))])
            if token == Self.boundary { break }
            result.append(token)
            (a, b) = (b, token)
        }
        return result
    }

    func word(_ token: Int) -> String { tokens[token] }
}

/// Writes tokens as running text: no space before closing punctuation and
/// clitics ("n't", "'s"), none after an opening bracket or quote.
struct TextJoiner {
    private(set) var text = ""
    private var openQuote = false
    private var glueNext = true

    private static let closing: Set<String> = [".", ",", ";", ":", "?", "!", ")", "'s", "n't", "'re", "'ll", "'ve", "'d", "'m", "%"]

    mutating func append(_ token: String) {
        var glue = glueNext || Self.closing.contains(token)
        glueNext = false
        if token == "\"" {
            if openQuote { glue = true } else { glueNext = true }
            openQuote.toggle()
        } else if token == "(" || token == "$" {
            glueNext = true
        }
        if !glue && !text.isEmpty { text += " " }
        text += token
    }

    mutating func endSentence() {
        openQuote = false
        glueNext = false
    }
}
