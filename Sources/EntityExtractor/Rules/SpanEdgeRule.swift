/// Where a tagger span starts and ends. A tagger trained on newswire reads a
/// capitalised word next to a name as part of it: "Because Google", "Those
/// Uber", "Hey Siri", "If Marmorato", "Donald Trump Is", "Black and", "Rep.
/// Adam Schiff", "Democrat Hillary Clinton". Its edges are cut back here:
///
/// - leading and trailing function words (pronouns, determiners other than
///   "The", conjunctions, prepositions, auxiliaries, interjections), whatever
///   their case, and the lower-case words and punctuation left at an edge;
/// - leading honorifics and roles ("Rep.", "Dr", "Mayor", "Chief Executive
///   Officer"): what follows an honorific is a person, whatever the tagger said;
///   inside a person span, the name after the last title ("St. Louis Park
///   Mayor Jake" -> "Jake");
/// - a first word of a sentence that news writes in lower case (`SentenceCaseWords`:
///   "Later Xi said");
/// - a span of nothing but such words is no name at all ("I’m not", "We");
/// - a span running over a list's ", and" or ", or" is the list's last item
///   ("M, and Mike Davis" of "sizes S, M, and Mike Davis bought"): no name
///   holds a comma before a conjunction.
///
/// Then, for names whose last word says what they are: a facility (roads,
/// bridges, stations: no type of Dossier's) is dropped, a person ending in an
/// organisation's designator ("Washington Post", "Apple Inc", "Jacobi
/// Hospital") is an organisation, and one ending in a place's ("Sheepshead
/// Bay", "Oklahoma City") a place, as is an organisation ending in a natural
/// feature ("Korean Peninsula").
enum SpanEdgeRule {
    struct Result: Equatable {
        var tokens: Range<Int>
        var label: CoNLLLabel
    }

    static func trimmed(_ span: Range<Int>, label: CoNLLLabel, in text: TokenizedText, facts: TokenFacts,
                        facilities: Bool) -> Result? {
        // `facilities`: the web rules (MentionPipeline.Options.webRules).
        var lower = span.lowerBound
        var upper = span.upperBound
        var label = label
        // Words asked by hash, read through the buffer: this runs for every tagger span.
        func hash(_ index: Int) -> UInt64 { WordSet.hash(of: index, in: text) }
        func bareHash(_ index: Int) -> UInt64 { WordSet.hash(of: index, in: text, bare: true) }
        func isEdgeNoise(_ index: Int) -> Bool {
            !facts.shape[index].isUpperInitial || functionWords.contains(hash: hash(index))
        }
        // Leading function words and titles, in any order ("If Sen. Kaine").
        // An honorific makes a person of any span ("Rep. Adam Schiff" read as
        // an ORG); a role only starts a person's span ("Republican National
        // Committee" keeps its first word).
        if let comma = (lower..<upper).last(where: { index in
            index + 1 < upper && text.bytes[text.tokens[index].range].elementsEqual([0x2C])
                && listConjunctions.contains(hash: hash(index + 1))
        }) {
            lower = comma + 2
        }
        var titled = false
        while lower < upper {
            if isEdgeNoise(lower) && facts.shape[lower] != .number {
                lower += 1
            } else if case let first = bareHash(lower),
                      honorifics.contains(hash: first) || (label == .person && roles.contains(hash: first)) {
                titled = titled || honorifics.contains(hash: first)
                lower += 1
            } else {
                break
            }
        }
        // A capitalised last word stays for CoNLL scoring, which keeps title
        // case names whole ("The Who"); on the web it goes ("Donald Trump Is").
        while upper > lower, isEdgeNoise(upper - 1), facts.shape[upper - 1] != .number,
              !isClosingPart(text.bytes[text.tokens[upper - 1].range], capitalisedWords: !facilities) {
            upper -= 1
        }
        guard lower < upper else { return nil }
        // A sentence's first word that news writes in lower case ("Later Xi said").
        if upper - lower > 1, facts.startsSentence[lower], facts.shape[lower + 1].isUpperInitial,
           SentenceCaseWords.words.contains(hash: hash(lower)) {
            lower += 1
        }
        // A title inside a person's span: the person is what follows it.
        if label == .person, let title = (lower..<upper).last(where: { isTitle(hash: bareHash($0)) }), title + 1 < upper {
            lower = title + 1
        }
        if titled, label != .miscellaneous { label = .person }
        let last = bareHash(upper - 1)
        if facilities, facilityHeads.contains(hash: last), upper - lower > 1 { return nil }
        if label == .person, upper - lower > 1, organizationHeads.contains(hash: last) {
            label = .organization
        }
        // "Sheepshead Bay", "Oklahoma City" read as people, "Korean Peninsula" as an organisation.
        if upper - lower > 1, (label == .person && placeHeads.contains(hash: last))
            || (facilities && label == .organization && naturalFeatures.contains(hash: last)) {
            label = .location
        }
        return Result(tokens: lower..<upper, label: label)
    }

    /// An organisation's span the tagger ended at its designator, before the
    /// "of" or "for" that goes on with it: "Annenberg Institute" of
    /// "Annenberg Institute for School Reform", "United Federation" of "United
    /// Federation of Teachers". The span goes on over the connector and up to
    /// three capitalised words (with "and" between them) on the same line.
    static func extendedOrganisation(_ tokens: Range<Int>, in text: TokenizedText, facts: TokenFacts) -> Range<Int> {
        let last = tokens.upperBound - 1
        guard organizationHeads.containsBare(text.bytes[text.tokens[last].range]) else { return tokens }
        let line = facts.line[last]
        var index = tokens.upperBound
        guard index + 1 < text.tokens.count, facts.line[index + 1] == line,
              connectors.contains(text.bytes[text.tokens[index].range]), facts.shape[index + 1] == .capitalised else {
            return tokens
        }
        index += 1
        var words = 0
        var end = tokens.upperBound
        while index < text.tokens.count, facts.line[index] == line, words < 3 {
            if facts.shape[index] == .capitalised, !functionWords.contains(text.bytes[text.tokens[index].range]) {
                words += 1
                index += 1
                end = index
            } else if text.bytes[text.tokens[index].range].elementsEqual("and".utf8), index + 1 < text.tokens.count,
                      facts.shape[index + 1] == .capitalised {
                index += 1
            } else {
                break
            }
        }
        return tokens.lowerBound..<end
    }

    static let connectors = WordSet("of for")

    /// The conjunctions that close a list after its last comma.
    static let listConjunctions = WordSet("and or")

    /// "Inc." or "Jr." end a name with their dot; a lone "." or "," does not.
    private static func isClosingPart(_ bytes: ArraySlice<UInt8>, capitalisedWords: Bool) -> Bool {
        guard bytes.count > 1, bytes.first.map({ $0 >= 0x41 && $0 <= 0x5A }) == true else { return false }
        return capitalisedWords || bytes.last == 0x2E
    }

    /// An honorific or a role written before a person's name ("Dr", "Senator").
    static func isTitle(hash: UInt64) -> Bool {
        honorifics.contains(hash: hash) || roles.contains(hash: hash)
    }

    private static func set(_ words: String) -> WordSet { WordSet(words) }

    static let naturalFeatures = WordSet(ModelSpanTyping.naturalFeatures.joined(separator: " "))

    /// Closed-class words: never the first or last word of a name. "The" is
    /// left alone ("The Hague", "The Washington Post"), and so are "May",
    /// "Will" and "Mark", which are names as often as not.
    static let functionWords = set("""
        i me my mine we us our ours you your yours he him his she her hers it its they them their theirs \
        this that these those a an some any each every no none all both either neither such \
        and or but nor because if when while although though unless whether since as so than then \
        from to for with by at in on of about after before during under over into through between against \
        without within via per upon onto across around among \
        is are was were be been being am has have had do does did would could should shall might must let \
        hey oh well yes yeah ok okay wow yikes hi hello thanks please sorry dear \
        now here there also just even still yet maybe perhaps why what how where who whom whose which \
        not never very too only again already almost ’m 'm ’s 's ’re 're ’ll 'll ’ve 've ’d 'd n’t n't
        """)

    /// Titles written before a person's name only.
    static let honorifics = set("""
        mr mrs ms dr prof sir dame rep sen gov lt col gen maj capt adm sgt cpl brig cmdr
        """)

    /// Roles written before a person's name, and also the first word of
    /// other names ("President's Cup", "Republican Party").
    static let roles = set("""
        president vice director mayor justice minister secretary senator governor chairman chairwoman \
        chief executive officer ceo spokesman spokeswoman ambassador commissioner superintendent \
        representative congressman congresswoman councilman councilwoman councilmember premier chancellor \
        pope rev reverend bishop archbishop democrat republican
        """)

    /// Last words of names that are places built, not places: not an entity
    /// type of Dossier's (OntoNotes calls them FAC).
    static let facilityHeads = set(facilityHeadWords)
    static let facilityHeadWords = """
        road rd street st drive avenue ave boulevard blvd lane highway freeway expressway bridge tunnel \
        station terminal stadium arena airport
        """

    /// Last words of places' names: natural features, and the kinds of
    /// settlement and division ("City", "County").
    static let placeHeads = set("city county province district township borough village town "
        + ModelSpanTyping.naturalFeatures.joined(separator: " "))

    /// Last words of organisations' names.
    static let organizationHeads = set("""
        inc corp corporation co company ltd llc plc ag sa nv gmbh group holdings \
        institute university college school academy hospital clinic association foundation society \
        committee council commission party agency department ministry office bureau authority administration \
        service services board court senate congress parliament assembly union federation league club \
        bank fund trust news times post journal radio television tv network press herald tribune gazette \
        daily magazine center centre
        """)
}
