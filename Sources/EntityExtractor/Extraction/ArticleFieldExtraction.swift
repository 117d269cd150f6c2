import DossierCore

extension EntityExtractor {
    /// The mentions of every field of an article: title, subtitle, byline,
    /// dateline and body, each mention with its `field`, offsets into that
    /// field's text and a sentence number counted within it.
    ///
    /// The fields are read as one document, in that order and a blank line
    /// apart, so the tagger and the rules see in the title what the body
    /// says about its words (a headline's names are supported by the body,
    /// "Sharif" in a title joins "Shehbaz Sharif" below it) and each field's
    /// lines get their own kind (`LineKind`: "By Abhinandan Mishra" is a
    /// byline). A mention that would cross two fields is dropped.
    public func extract(article: ArticleDraft, lexicon: AnalystLexicon = AnalystLexicon()) -> [Mention] {
        var bytes: [UInt8] = []
        var fields: [(field: ArticleField, bytes: Range<Int>)] = []
        for field in ArticleField.allCases {
            guard let text = field.text(in: article), !text.isEmpty else { continue }
            if !bytes.isEmpty { bytes.append(contentsOf: [0x0A, 0x0A]) }
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            fields.append((field, start..<bytes.count))
        }
        guard !(fields.count == 1 && fields[0].field == .body) else { return extract(article.body, lexicon: lexicon) }
        let tokenized = TokenizedText(text: String(decoding: bytes, as: UTF8.self))
        // The index of each field's first sentence: sentences never cross the blank line.
        let firstSentence = fields.map { field in
            tokenized.sentences.firstIndex { sentence in
                sentence.lowerBound < tokenized.tokens.count && tokenized.tokens[sentence.lowerBound].range.lowerBound >= field.bytes.lowerBound
            } ?? 0
        }
        return extract(tokenized, lexicon: lexicon).compactMap { mention in
            let range = mention.byteRange
            guard let index = fields.firstIndex(where: { $0.bytes.contains(range.lowerBound) }),
                  range.upperBound <= fields[index].bytes.upperBound else { return nil }
            var placed = mention
            placed.field = fields[index].field
            placed.start -= fields[index].bytes.lowerBound
            placed.stop -= fields[index].bytes.lowerBound
            placed.sentence = max(1, mention.sentence - firstSentence[index])
            return placed
        }
    }

    /// `extract(article:)` with the extractor's own lexicon (the store's ingest).
    public func mentions(in article: ArticleDraft) -> [Mention] {
        extract(article: article, lexicon: lexicon)
    }
}
