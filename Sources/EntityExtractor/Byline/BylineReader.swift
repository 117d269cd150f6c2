import DossierCore

/// Reads the names a byline credits and types each one: a person, an
/// organisation (an agency, an outlet, a company) or a desk (a newsroom's
/// staff named by role: "Web Desk", "Staff Reporter", "Our Correspondent").
///
/// The byline is run through the extractor first (the analyst's lexicon, the
/// organisation gazetteer, the tagger), so "Reuters", "Associated Press" or
/// "AP" are organisations because the lists say so and "Jane Doe" is a person
/// because the tagger does; the names are cut at commas, "and", "&", "/" and
/// "|" but never inside a mention ("Procter & Gamble" stays one). What the
/// extractor leaves untyped is read from cues:
///
/// - a part ending in a newsroom word (desk, staff, bureau, correspondent,
///   reporter, report …) is a desk, unless it holds a listed organisation
///   ("Reuters Staff" is Reuters' copy);
/// - a part ending in an organisation's designator ("bergportal GmbH",
///   "Tribune News Service") or made of a listed place and dictionary words
///   ("Miami Today", "Gulf News") is an organisation: an outlet's name;
/// - the tagger's organisation on words that read as a person's name (below)
///   is a person: bylines are not the prose it learned from;
/// - a web address ("Dawn.com") or a short all-capitals word ("IANS") is an
///   organisation: bylines write agencies so, never people;
/// - two to four capitalised words that start with a known first name, or
///   that are not all dictionary words, are a person ("Sameer Arshad
///   Khatlani"); "Breaking News" is not.
///
/// A role or degree right after a person ("Jane Doe, Staff Writer", "Grant
/// Tinsley, PhD") is that person's title, and a place ("Jane Doe,
/// Islamabad") is where they filed from: neither is an author.
struct BylineReader {
    let extract: (String) -> [Mention]
    let gazetteer: Gazetteer

    /// Longer bylines are paragraphs (a bio, a caption), not credits.
    static let maximumBytes = 300

    func authors(in byline: String) -> [BylineAuthor] {
        let text = Self.withoutLeadingLabel(Self.collapsingWhitespace(byline))
        guard !text.isEmpty, text.utf8.count <= Self.maximumBytes else { return [] }
        let bytes = Array(text.utf8)
        let mentions = extract(text)
        var authors: [BylineAuthor] = []
        var previousKind: BylineAuthor.Kind?
        for part in Self.parts(of: bytes, keepingWhole: mentions.map(\.byteRange)) {
            let name = String(decoding: bytes[part], as: UTF8.self)
            // "Jane Doe, Staff Writer", "Grant Tinsley, PhD": a title, not a second author.
            if previousKind == .person, Self.isRoleOnly(bytes[part]) { continue }
            let inside = mentions.filter { part.contains($0.byteRange.lowerBound) }
            guard let kind = kind(of: bytes[part], name: name, mentions: inside) else { continue }
            authors.append(BylineAuthor(name: name, kind: kind))
            previousKind = kind
        }
        return authors
    }

    /// The kind of one part, or nil when it credits nobody (a place, a bare
    /// "Staff" label, punctuation).
    private func kind(of part: ArraySlice<UInt8>, name: String, mentions: [Mention]) -> BylineAuthor.Kind? {
        let words = Self.words(in: part)
        guard !words.isEmpty else { return nil }
        // A mention covering the whole part says what it is.
        let whole = mentions.first { $0.byteRange.lowerBound <= part.startIndex && $0.byteRange.upperBound >= part.endIndex }
        // Listed (the gazetteer, the analyst), not guessed: the tagger reads
        // bylines poorly ("Sameer Arshad Khatlani, ..." as an organisation).
        let listedOrganisation = mentions.contains { $0.type == .organization && $0.source != .model }
            || gazetteer.lookup(name)?.type == .organization
        if Self.deskNouns.contains(words[words.count - 1]) || Self.isDeskOpening(words[0]) {
            // "Reuters Staff" is the agency's copy.
            return listedOrganisation || words.contains(where: isListedOrganisation) ? .organisation : .desk
        }
        if listedOrganisation || Self.endsInDesignator(words) || isPlaceAndWords(words) { return .organisation }
        if let whole {
            switch whole.type {
            case .person: return .person
            case .organization:
                if Self.readsAsPersonName(words) { return .person }
                // One unlisted word the tagger guessed ("Manniac"): a handle as likely as a company.
                return words.count == 1 && whole.source == .model && !Self.isShortCapitals(words[0]) ? .unknown : .organisation
            case .geopolitical, .location:
                // "Jane Doe, Islamabad": where the story was filed.
                return words.count == 1 && GivenNames.names.contains(words[0]) ? .person : nil
            case .group: break
            }
        }
        if words.contains(where: Self.isWebAddress) { return .organisation }
        if words.count == 1, Self.isShortCapitals(words[0]) { return .organisation }
        if mentions.contains(where: { $0.type == .person }) { return .person }
        if Self.readsAsPersonName(words) { return .person }
        return .unknown
    }

    // MARK: Cues

    /// "Miami Today", "NOW Grenada", "Gulf News": a listed place with
    /// dictionary words is an outlet's name; a person's name has a word no
    /// dictionary lists ("Jordan Peterson") or starts with a first name.
    private func isPlaceAndWords(_ words: [ArraySlice<UInt8>]) -> Bool {
        guard words.count >= 2, !GivenNames.names.contains(words[0]) else { return false }
        var place = false
        for word in words {
            if let entry = gazetteer.lookup(String(decoding: word, as: UTF8.self)), entry.type == .geopolitical || entry.type == .location {
                place = true
            } else if !CommonWords.contains(word) {
                return false
            }
        }
        return place
    }

    /// "bergportal GmbH", "Siemens AG", "Miami Herald", "Tribune News
    /// Service": the last word is an organisation's designator
    /// (`SpanEdgeRule.organizationHeads`); a two-letter one counts only in
    /// capitals ("AG", not the surname of "Emily Co"), and two words only
    /// when the first is no dictionary word ("Breaking News" is a label).
    private static func endsInDesignator(_ words: [ArraySlice<UInt8>]) -> Bool {
        guard words.count >= 2, var last = words.last else { return false }
        if last.last == 0x2E { last = last.dropLast() }
        guard SpanEdgeRule.organizationHeads.contains(last), last.count >= 3 || last.allSatisfy({ $0 &- 0x41 < 26 }) else {
            return false
        }
        // "Breaking News" is a label: two dictionary words name nothing.
        return words.count >= 3 || !CommonWords.contains(words[0])
    }

    /// A word of a desk credit that is a listed organisation and no
    /// dictionary word: "Reuters" of "Reuters Staff", not "News" of "News Desk".
    private func isListedOrganisation(_ word: ArraySlice<UInt8>) -> Bool {
        !CommonWords.contains(word) && gazetteer.lookup(String(decoding: word, as: UTF8.self))?.type == .organization
    }

    /// The last word of a desk credit ("Web Desk", "News Bureau", "Staff
    /// Reporter", "Our Correspondent", "Editorial Board"); plurals too.
    static let deskNouns = WordSet("""
        desk desks staff staffs bureau bureaus newsroom newsrooms reporter reporters correspondent correspondents \
        writer writers editor editors team board contributor contributors agencies stringer monitor monitoring \
        report reports
        """)

    /// Words that open a credit naming nobody: "Our Correspondent", "Staff and agencies".
    static let deskOpenings = WordSet("our staff special senior")

    private static func isDeskOpening(_ word: ArraySlice<UInt8>) -> Bool {
        deskOpenings.contains(word) && !GivenNames.names.contains(word)
    }

    /// A part that is a role alone: every word a desk word or a modifier of
    /// one ("Staff Writer", "Senior Correspondent", "Contributor").
    private static func isRoleOnly(_ part: ArraySlice<UInt8>) -> Bool {
        let words = words(in: part)
        return !words.isEmpty && words.allSatisfy { word in
            deskNouns.contains(word) || roleModifiers.contains(word) || deskOpenings.contains(word)
                || credentials.contains(word.filter { $0 != 0x2E }[...])
        }
    }

    /// Degrees and suffixes written after a name: "Grant Tinsley, PhD".
    static let credentials = WordSet("phd md mba jd rn cpa esq jr sr msc bsc ma ba dphil")

    static let roleModifiers = WordSet("""
        senior chief special foreign political diplomatic legal business sports health science technology \
        contributing associate assistant managing deputy executive news staff investigative national international \
        economics economic city metro local
        """)

    /// "Dawn.com", "auto-motor.at", "www.example.org": an outlet's web
    /// address (a top-level domain of two to four letters; a handle such as
    /// "christian.stadtfeld" is none).
    private static func isWebAddress(_ word: ArraySlice<UInt8>) -> Bool {
        guard let dot = word.lastIndex(of: 0x2E), dot > word.startIndex else { return false }
        let domain = word[(dot + 1)...]
        return (2...4).contains(domain.count) && domain.allSatisfy { $0 &- 0x61 < 26 || $0 &- 0x41 < 26 }
    }

    /// "IANS", "PTI", "AFP": two to six capitals.
    private static func isShortCapitals(_ word: ArraySlice<UInt8>) -> Bool {
        (2...6).contains(word.count) && word.allSatisfy { $0 &- 0x41 < 26 }
    }

    /// Two to four capitalised words (name particles such as "bin", "van",
    /// "de" aside) that start with a known first name, or are not all
    /// dictionary words.
    private static func readsAsPersonName(_ words: [ArraySlice<UInt8>]) -> Bool {
        let named = words.filter { !particles.contains($0) }
        guard (2...4).contains(named.count),
              named.allSatisfy({ word in word.first.map { $0 &- 0x41 < 26 || $0 >= 0xC0 } == true }) else { return false }
        if GivenNames.names.contains(named[0]) { return true }
        return !named.allSatisfy { CommonWords.contains(Array($0.filter { $0 != 0x2E })[...]) }
    }

    static let particles = WordSet("bin bint ibn al el van von der den de del della da di du la le ul ud")

    // MARK: Text

    /// The words of a part: runs of bytes between spaces, without the
    /// punctuation around them.
    static func words(in part: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        part.split(separator: 0x20).map { word in
            var word = word
            while let first = word.first, isEdgePunctuation(first) { word = word.dropFirst() }
            while let last = word.last, isEdgePunctuation(last) { word = word.dropLast() }
            return word
        }.filter { !$0.isEmpty }
    }

    private static func isEdgePunctuation(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x28 || byte == 0x29 || byte == 0x22 || byte == 0x27
            || byte == 0x2D
    }

    /// The byte ranges of the names: the text cut at ",", ";", "&", "/", "|"
    /// and the word "and", except inside `whole` (the mentions), each range
    /// trimmed of spaces and punctuation.
    static func parts(of bytes: [UInt8], keepingWhole whole: [Range<Int>]) -> [Range<Int>] {
        func insideMention(_ index: Int) -> Bool { whole.contains { $0.contains(index) && $0.lowerBound < index } }
        var cuts: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if [0x2C, 0x3B, 0x26, 0x2F, 0x7C].contains(byte), !insideMention(index) {
                cuts.append(index..<(index + 1))
            } else if byte == 0x20, index + 4 < bytes.count, bytes[index + 4] == 0x20,
                      bytes[(index + 1)..<(index + 4)].lazy.map(asciiLowercased).elementsEqual("and".utf8), !insideMention(index + 1) {
                cuts.append(index..<(index + 5))
                index += 5
                continue
            }
            index += 1
        }
        var parts: [Range<Int>] = []
        var start = 0
        for cut in cuts + [bytes.count..<bytes.count] {
            var range = start..<cut.lowerBound
            while let first = range.first, bytes[first] == 0x20 || isEdgePunctuation(bytes[first]) { range = (first + 1)..<range.upperBound }
            while let last = range.last, bytes[last] == 0x20 || isEdgePunctuation(bytes[last]) || bytes[last] == 0x2E {
                range = range.lowerBound..<last
            }
            if !range.isEmpty { parts.append(range) }
            start = cut.upperBound
        }
        return parts
    }

    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Without "By", "By:", "Written by", "Posted by", "Words by" at the start.
    static func withoutLeadingLabel(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: true)
        if let first = words.first, ["written", "posted", "words", "reporting"].contains(first.lowercased()), words.count > 1,
           words[1].lowercased().hasPrefix("by") {
            words.removeFirst()
        }
        if let first = words.first, ["by", "by:", "von"].contains(first.lowercased()) { words.removeFirst() }
        return words.joined(separator: " ")
    }
}

extension EntityExtractor {
    /// The names a byline credits, typed (`BylineReader`), with the
    /// analyst's lexicon applied as in `mentions(in:)`.
    public func authors(inByline byline: String) -> [BylineAuthor] {
        BylineReader(extract: { self.extract($0, lexicon: self.lexicon) }, gazetteer: gazetteer).authors(in: byline)
    }
}
