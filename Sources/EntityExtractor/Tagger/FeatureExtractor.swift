/// Turns a tokenized text into the static features of each token: everything
/// that does not depend on the tags being chosen. One pass over the bytes of
/// each token gives its word, shape, affixes and casing; a second pass over the
/// tokens adds context and the document-level evidence.
///
/// Document-level features matter for news: headlines are in capitals or title
/// case, and a sentence's first word is capitalised whatever it is, so the
/// same word seen in lower case, or capitalised mid-sentence, elsewhere in the
/// same document says more than its own casing (Ratinov and Roth, 2009).
struct FeatureExtractor: Sendable {
    static let staticFeatureCount = 31

    var gazetteer: GazetteerMatcher?

    /// What the features of a document's tokens are made from. The keys
    /// themselves are made on demand (`staticFeatures`): the decoder never
    /// asks about two tokens in three (lower-case words outside a name), so
    /// making them all up front wasted most of the work.
    struct Document {
        var traits: [TokenTraits]
        var sentenceStart: [Bool]
        var lineStyle: [UInt8]
        /// `LineKind` of each token's line, and bit 7 set on the line's first token.
        var lineKind: [UInt8]
        /// For capitalised tokens, how the word is written elsewhere (`casingProfile`).
        var casingProfile: [UInt8]
        var gazetteerTags: [UInt64]
        var capitalisedRuns: [UInt64]
        /// A dense id per distinct word (`TokenTraits.word`), for per-word state.
        var wordIDs: [Int32]
        var wordCount: Int

        var count: Int { traits.count }

        /// Writes the `staticFeatureCount` keys of token `index`, which lies
        /// in `sentence`, to `keys`.
        @inline(__always)
        func staticFeatures(of index: Int, in sentence: Range<Int>, into keys: UnsafeMutablePointer<UInt64>) {
            let noWord: UInt64 = 0x51ED_270B_2B4F_A0C1
            let endWord: UInt64 = 0x7A1C_0D5E_E4C3_3B17
            traits.withUnsafeBufferPointer { traits in
                let token = traits[index]
                let hasPrevious = index - 1 >= sentence.lowerBound
                let hasNext = index + 1 < sentence.upperBound
                let previousWord = hasPrevious ? traits[index - 1].word : noWord
                let nextWord = hasNext ? traits[index + 1].word : endWord
                let previousShape = hasPrevious ? traits[index - 1].shape : noWord
                let nextShape = hasNext ? traits[index + 1].shape : endWord
                let secondWord = index - 2 >= sentence.lowerBound ? traits[index - 2].word : noWord
                let afterNextWord = index + 2 < sentence.upperBound ? traits[index + 2].word : endWord
                let starts: UInt64 = sentenceStart[index] ? 1 : 0
                let casing = UInt64(token.casing.rawValue)
                var slot = 0
                func add(_ template: FeatureTemplate, _ value: UInt64) {
                    keys[slot] = FeatureHash.key(template, value)
                    slot += 1
                }
                add(.bias, 0)
                add(.word, token.word)
                add(.exactWord, token.exact)
                add(.shape, token.shape)
                add(.prefix1, token.prefix1)
                add(.prefix2, token.prefix2)
                add(.prefix3, token.prefix3)
                add(.prefix4, token.prefix4)
                add(.suffix1, token.suffix1)
                add(.suffix2, token.suffix2)
                add(.suffix3, token.suffix3)
                add(.suffix4, token.suffix4)
                add(.previousWord, previousWord)
                add(.nextWord, nextWord)
                add(.secondPreviousWord, secondWord)
                add(.secondNextWord, afterNextWord)
                add(.previousShape, previousShape)
                add(.nextShape, nextShape)
                add(.previousWordAndWord, FeatureHash.combine(previousWord, token.word))
                add(.wordAndNextWord, FeatureHash.combine(token.word, nextWord))
                add(.shapeTrigram, FeatureHash.combine(FeatureHash.combine(previousShape, token.shape), nextShape))
                add(.sentencePositionAndCase, casing << 1 | starts)
                add(.lineStyleAndShape, FeatureHash.combine(UInt64(lineStyle[index]), token.shape))
                let profile = token.casing.isCapitalised ? UInt64(casingProfile[index]) : 0xFF
                add(.documentCasing, profile << 8 | casing << 1 | starts)
                add(.gazetteer, gazetteerTags[index])
                add(.previousGazetteer, FeatureHash.combine(hasPrevious ? gazetteerTags[index - 1] : 7, gazetteerTags[index]))
                add(.capitalisedRun, capitalisedRuns[index])
                add(.previousWordAndShape, FeatureHash.combine(previousWord, token.shape))
                add(.shapeAndNextWord, FeatureHash.combine(token.shape, nextWord))
                add(.lineKindAndShape, FeatureHash.combine(UInt64(lineKind[index]), token.shape))
                add(.lineKindAndWord, FeatureHash.combine(UInt64(lineKind[index] & 0x7F), token.word))
                assert(slot == FeatureExtractor.staticFeatureCount)
            }
        }
    }

    func extract(_ text: TokenizedText) -> Document {
        let count = text.tokens.count
        var traits: [TokenTraits] = []
        traits.reserveCapacity(count)
        text.bytes.withUnsafeBufferPointer { bytes in
            for token in text.tokens { traits.append(TokenTraits(bytes, token.range)) }
        }
        var sentenceStart = [Bool](repeating: false, count: count)
        var lineStyle = [UInt8](repeating: 0, count: count)
        for sentence in text.sentences where !sentence.isEmpty {
            var start = sentence.lowerBound
            // The first word, after any opening quotes or brackets.
            while start < sentence.upperBound - 1 && traits[start].casing == .punctuation { start += 1 }
            sentenceStart[start] = true
            let style = Self.lineStyle(traits[sentence])
            for index in sentence { lineStyle[index] = style }
        }
        var lineKind = [UInt8](repeating: 0, count: count)
        for line in text.lines {
            for index in line.tokens where index < count { lineKind[index] = line.kind.rawValue }
            if line.tokens.lowerBound < count { lineKind[line.tokens.lowerBound] |= 0x80 }
        }
        var words = HashInterner(minimumCapacity: count / 2)
        let wordIDs = traits.map { Int32(truncatingIfNeeded: words.insert($0.word).id) }
        let casingProfile = Self.casingProfile(traits, wordIDs: wordIDs, wordCount: words.count,
                                               sentenceStart: sentenceStart, lineStyle: lineStyle)
        let gazetteerTags = gazetteer?.match(text, words: traits.map(\.word), casing: traits.map(\.casing))
            ?? [UInt64](repeating: 0, count: count)
        return Document(traits: traits, sentenceStart: sentenceStart, lineStyle: lineStyle, lineKind: lineKind, casingProfile: casingProfile,
                        gazetteerTags: gazetteerTags, capitalisedRuns: Self.capitalisedRuns(traits, sentences: text.sentences),
                        wordIDs: wordIDs, wordCount: words.count)
    }

    /// Where a token sits in its run of capitalised words ("Prime Minister
    /// Shehbaz Sharif"): the run's length (up to 4) and the position in it.
    private static func capitalisedRuns(_ traits: [TokenTraits], sentences: [Range<Int>]) -> [UInt64] {
        var runs = [UInt64](repeating: 0, count: traits.count)
        for sentence in sentences {
            var index = sentence.lowerBound
            while index < sentence.upperBound {
                guard traits[index].casing.isCapitalised else { index += 1; continue }
                var end = index + 1
                while end < sentence.upperBound, traits[end].casing.isCapitalised { end += 1 }
                let length = end - index
                for offset in 0..<length {
                    let position: UInt64 = length == 1 ? 4 : offset == 0 ? 1 : offset == length - 1 ? 3 : 2
                    runs[index + offset] = UInt64(min(length, 4)) << 3 | position
                }
                index = end
            }
        }
        return runs
    }

    /// 2: a line in capitals (a CoNLL or wire headline); 1: title case (a web
    /// headline: no lower-case word longer than three letters); 0: prose.
    private static func lineStyle(_ traits: ArraySlice<TokenTraits>) -> UInt8 {
        var words = 0, capitals = 0, lowerContent = 0, capitalised = 0
        for token in traits {
            switch token.casing {
            case .lower:
                words += 1
                if token.length > 3 { lowerContent += 1 }
            case .allCapitals:
                words += 1; capitals += 1; capitalised += 1
            case .title, .mixed:
                words += 1; capitalised += 1
            default:
                break
            }
        }
        if words >= 2 && capitals == words { return 2 }
        if capitalised >= 3 && lowerContent == 0 { return 1 }
        return 0
    }

    /// For each token, how its word is written elsewhere in the document: bit 0
    /// in lower case, bit 1 capitalised mid-sentence in prose, bit 2 in capitals
    /// in prose.
    private static func casingProfile(_ traits: [TokenTraits], wordIDs: [Int32], wordCount: Int,
                                      sentenceStart: [Bool], lineStyle: [UInt8]) -> [UInt8] {
        var seen = [UInt8](repeating: 0, count: wordCount)
        for (index, token) in traits.enumerated() {
            switch token.casing {
            case .lower: seen[Int(wordIDs[index])] |= 1
            case .title, .mixed: if !sentenceStart[index] && lineStyle[index] == 0 { seen[Int(wordIDs[index])] |= 2 }
            case .allCapitals: if lineStyle[index] == 0 { seen[Int(wordIDs[index])] |= 4 }
            default: break
            }
        }
        return traits.indices.map { traits[$0].casing.isCapitalised ? seen[Int(wordIDs[$0])] : 0 }
    }
}

/// How a token is capitalised.
enum TokenCasing: UInt8 {
    case punctuation, lower, title, allCapitals, mixed, number, uncased

    var isCapitalised: Bool {
        self == .title || self == .allCapitals || self == .mixed
    }
}

/// What one pass over a token's bytes tells: its hashes and casing.
struct TokenTraits {
    /// Lower-cased (ASCII), digits folded to 0: "1996-08-22" and "2025-12-28" are one word.
    var word: UInt64 = FeatureHash.seed
    var exact: UInt64 = FeatureHash.seed
    /// "Xx", "X.X.", "d,d", "xx-Xx": character classes, runs collapsed.
    var shape: UInt64 = FeatureHash.seed
    var prefix1: UInt64 = 0, prefix2: UInt64 = 0, prefix3: UInt64 = 0, prefix4: UInt64 = 0
    var suffix1: UInt64 = 0, suffix2: UInt64 = 0, suffix3: UInt64 = 0, suffix4: UInt64 = 0
    var casing: TokenCasing = .punctuation
    var length = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        length = range.count
        var upper = 0, lower = 0, digits = 0, other = 0, innerUpper = 0
        var lastClass: UInt8 = 0
        var position = 0
        for index in range {
            let byte = bytes[index]
            let folded: UInt8
            let shapeClass: UInt8
            if isASCIIUpper(byte) {
                upper += 1
                if position > 0 { innerUpper += 1 }
                folded = byte | 0x20
                shapeClass = UInt8(ascii: "X")
            } else if isASCIILower(byte) {
                lower += 1
                folded = byte
                shapeClass = UInt8(ascii: "x")
            } else if isASCIIDigit(byte) {
                digits += 1
                folded = UInt8(ascii: "0")
                shapeClass = UInt8(ascii: "d")
            } else if byte >= 0xC0 {
                other += 1
                folded = byte
                shapeClass = UInt8(ascii: "u")
            } else if byte >= 0x80 {
                folded = byte
                shapeClass = lastClass  // continuation bytes belong to their scalar
            } else {
                folded = byte
                shapeClass = byte
            }
            word = FeatureHash.add(word, folded)
            exact = FeatureHash.add(exact, byte)
            if shapeClass != lastClass {
                shape = FeatureHash.add(shape, shapeClass)
                lastClass = shapeClass
            }
            position += 1
            switch position {
            case 1: prefix1 = word
            case 2: prefix2 = word
            case 3: prefix3 = word
            case 4: prefix4 = word
            default: break
            }
        }
        if position < 4 { prefix4 = word }
        if position < 3 { prefix3 = word }
        if position < 2 { prefix2 = word }
        var suffix = FeatureHash.seed
        var back = 0
        var index = range.upperBound
        while index > range.lowerBound && back < 4 {
            index -= 1
            back += 1
            suffix = FeatureHash.add(suffix, asciiLowercased(isASCIIDigit(bytes[index]) ? UInt8(ascii: "0") : bytes[index]))
            switch back {
            case 1: suffix1 = suffix
            case 2: suffix2 = suffix
            case 3: suffix3 = suffix
            default: suffix4 = suffix
            }
        }
        if back < 4 { suffix4 = suffix }
        if back < 3 { suffix3 = suffix }
        if back < 2 { suffix2 = suffix }

        guard !range.isEmpty else { return }
        if startsWithCapital(bytes, at: range.lowerBound) {
            if lower == 0 && upper + other >= 2 && upper >= 1 {
                casing = .allCapitals
            } else {
                casing = innerUpper > 0 && lower > 0 ? .mixed : .title
            }
        } else if isASCIILower(bytes[range.lowerBound]) {
            casing = .lower
        } else if digits > 0 && upper + lower == 0 {
            casing = .number
        } else if other > 0 || upper + lower > 0 {
            casing = .uncased
        }
    }
}

