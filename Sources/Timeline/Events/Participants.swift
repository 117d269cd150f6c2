import DossierCore

/// Who takes part in each event of a sentence, without a parser.
///
/// An entity takes part in an event when it is the event's subject, object
/// or modifier as word order shows it: the first event word after the entity
/// (its verb: "Airbus has unveiled"), an event word at most two words from it
/// ("delivered to Singapore Airlines", "the A380's flight", "Boeing 787
/// deliveries"), and an infinitive or a coordinated verb whose subject is one
/// of those ("Airbus plans to sell", "announced ... and said"). Pronouns ("it",
/// "he", "they") and definite descriptions ("the company", "the plane") stand
/// for the entity of fitting type named last in the same or the two sentences
/// before. A sentence is also cut into clauses (at semicolons, colons,
/// brackets, and a comma before "which", "while", "but"...), by which events
/// find the time expression that governs them.
struct Participants {
    /// Byte ranges of the clauses, relative to the sentence.
    private(set) var clauses: [Range<Int>] = []
    /// Named (or referred-to) entities as word spans.
    private(set) var spans: [(entity: String, first: Int, last: Int)] = []
    /// Spans that are possessors ("Hartley's wife", "his support"): they own
    /// the noun after them, not the verb of the sentence.
    private var possessors: Set<Int> = []
    /// Byte offsets of the sentence's commas: a name before a comma closes
    /// an apposition ("the governor of Massachusetts, had adopted").
    private var commas: [Int] = []
    /// Words a dash follows: a name before one is a dateline ("CLEVELAND –")
    /// or opens an aside, and is no verb's subject.
    private var dashAfter: Set<Int> = []
    /// Words a spaced dash or an en or em dash follows ("Christie — a
    /// running mate for Trump — made"), not a hyphen ("68-year-old").
    private var asideDashAfter: [Int] = []
    /// Spans of a person's name used as a noun's modifier ("a Clinton
    /// surrogate said", "one Clinton spokesman has called"): the person takes
    /// part in that noun only, not in what its bearer does.
    private var modifiers: Set<Int> = []
    /// Of the modifiers, the bodies a person serves ("Officer of the Port
    /// Authority, who will speak"): not even the word after them is theirs.
    private var servedBodies: Set<Int> = []

    /// Recent entities with their types, newest last, kept across sentences.
    struct Memory {
        /// `quoted`: named only inside quotations so far; a pronoun outside
        /// one does not stand for it ("“... Donald Trump is the choice,” she
        /// wrote": she is the writer). `gender`: when a title or the name tells it.
        var recent: [(name: String, type: EntityType, sentence: Int, quoted: Bool, gender: PersonGender?)] = []
        /// The sentence before ended inside a quotation, and for how many sentences it has run.
        var quotationOpen = false
        var quotedSentences = 0
        /// The first person named outside quotations in the latest sentence
        /// that named one: the likeliest referent of a subject pronoun that
        /// opens a sentence ("Jobs spoke to Cook. He said ...").
        var subject: (name: String, sentence: Int, gender: PersonGender?)?

        mutating func note(_ mention: Mention, sentence: Int, quoted: Bool = false, title: String? = nil) {
            let earlier = recent.firstIndex { $0.name == mention.entity }.map { recent[$0] }
            recent.removeAll { $0.name == mention.entity }
            var gender = earlier?.gender
            if mention.entityType == .person {
                gender = title.flatMap(PersonGender.of(title:))
                    ?? mention.text.split(separator: " ").first.flatMap { PersonGender.of(title: $0.lowercased()) }
                    ?? gender ?? PersonGender.of(name: mention.entity)
            }
            recent.append((mention.entity, mention.entityType, sentence, quoted && (earlier?.quoted ?? true), gender))
            if recent.count > 12 { recent.removeFirst() }
        }

        func lastNamed(_ types: Set<EntityType>, since sentence: Int, outsideQuotation: Bool = false,
                       where fits: (String) -> Bool = { _ in true }) -> String? {
            recent.last { types.contains($0.type) && $0.sentence >= sentence && !(outsideQuotation && $0.quoted) && fits($0.name) }?.name
        }

        /// The one person named since `sentence` that `gender` may stand for;
        /// nil when there were two or more ("Sanders said of Bill Clinton ...
        /// he said": which he is not told by word order, and a wrong referent
        /// puts a quote on the timeline of the person it is about). People of
        /// the other sex, and, for a pronoun outside a quotation, people named
        /// only inside one, are no candidates.
        func onlyPerson(since sentence: Int, gender: PersonGender? = nil, outsideQuotation: Bool = false) -> String? {
            let people = recent.filter {
                $0.type == .person && $0.sentence >= sentence && !(outsideQuotation && $0.quoted)
                    && (gender == nil || $0.gender == nil || $0.gender == gender)
            }
            guard let last = people.last, people.allSatisfy({ $0.name == last.name }) else { return nil }
            return last.name
        }

        /// The subject of the last sentence with a person in it, for a
        /// pronoun that opens a sentence when two or more people could fit.
        func lastSubject(since sentence: Int, gender: PersonGender?) -> String? {
            guard let subject, subject.sentence >= sentence, gender == nil || subject.gender == nil || subject.gender == gender else { return nil }
            return subject.name
        }
    }

    /// Which words are inside a direct quotation.
    private(set) var quotations: Quotations

    /// `mentions` are the sentence's, with absolute offsets; `offset` is the sentence's first byte.
    init(words: [EventTrigger.Word], bytes: ArraySlice<UInt8>, offset: Int, mentions: [Mention], sentence: Int, memory: inout Memory) {
        let cuts = Self.clauseStarts(words: words, bytes: bytes)
        for (position, byte) in bytes.enumerated() where byte == UInt8(ascii: ",") { commas.append(position) }
        for index in words.indices.dropLast() where Self.hasDash(between: words[index], and: words[index + 1], in: bytes) {
            dashAfter.insert(index)
            let gap = bytes[(bytes.startIndex + words[index].range.upperBound)..<(bytes.startIndex + words[index + 1].range.lowerBound)]
            if gap.contains(0xE2) || gap.contains(UInt8(ascii: " ")) { asideDashAfter.append(index) }
        }
        for (index, start) in cuts.enumerated() {
            clauses.append(start..<(index + 1 < cuts.count ? cuts[index + 1] : bytes.count))
        }
        // A quotation left open runs into at most three more sentences: past
        // that, a stray mark is likelier than a long quotation.
        quotations = Quotations(words: words, bytes: bytes, startsOpen: memory.quotationOpen && memory.quotedSentences < 3)
        memory.quotedSentences = quotations.endsOpen && memory.quotationOpen ? memory.quotedSentences + 1 : 0
        memory.quotationOpen = quotations.endsOpen
        // Words a name covers, and the running first word of the mentions
        // (sorted by start): linear in the sentence, however many names it has.
        var covered = [Bool](repeating: false, count: words.count)
        var firstWord = 0
        var mentionIndex = 0
        let sorted = mentions.sorted { $0.start < $1.start }
        for (index, word) in words.enumerated() {
            // Mentions that start before this word's end: their words.
            while mentionIndex < sorted.count, sorted[mentionIndex].byteRange.lowerBound - offset < word.range.upperBound {
                let mention = sorted[mentionIndex]
                mentionIndex += 1
                // Extractor noise ("We", "Oh", "E") and a country named by its
                // people's adjective ("Ukrainian companies", "the Swedish
                // approach") take part in nothing.
                guard !Self.isNoise(mention), !Self.isDemonym(mention) else { continue }
                let range = (mention.byteRange.lowerBound - offset)..<(mention.byteRange.upperBound - offset)
                while firstWord < words.count, words[firstWord].range.upperBound <= range.lowerBound { firstWord += 1 }
                let first = firstWord < words.count ? firstWord : index
                var last = first
                while last + 1 < words.count, words[last + 1].range.lowerBound < range.upperBound { last += 1 }
                // "anti-Trump delegates", "pro-Clinton groups": against or for
                // the person, who does nothing here.
                if first < words.count, Self.isOpposedOrFor(words[first].lowercased) {
                    memory.note(mention, sentence: sentence, quoted: quotations.isQuoted(first))
                    continue
                }
                // "Mr. Clinton" on Hillary Clinton's name: her husband, someone else.
                if mention.entityType == .person, Self.isTitleOfOtherSex(mention, before: first > 0 && first < words.count ? words[first - 1].lowercased : nil) {
                    continue
                }
                if last < words.count, words[last].lowercased.hasSuffix("'s") { possessors.insert(spans.count) }
                if Self.isModifier(words, first: first, last: last, type: mention.entityType, range: range)
                    || Self.isAdjectiveOfName(mention) && last + 1 < words.count && words[last + 1].text.first?.isLowercase == true {
                    modifiers.insert(spans.count)
                }
                if mention.entityType != .person, Self.isServedBody(words, first: first) { servedBodies.insert(spans.count) }
                // "Democrat Hillary Clinton", "Republican Donald Trump": a word
                // before a person's name describes the person.
                if mention.entityType == .person, let previous = spans.indices.last, spans[previous].last + 1 == first,
                   words[spans[previous].last].range.upperBound + 1 == words[first].range.lowerBound {
                    modifiers.insert(previous)
                }
                spans.append((mention.entity, first, last))
                for covering in first...last where covering < covered.count { covered[covering] = true }
                // A name that only describes ("Paris-based", "a Jenny Craig
                // spokeswoman") is no one a later "it" or "she" stands for;
                // but a company before its officer's role ("the Airbus chief
                // executive, said the company expects") is the company the
                // officer speaks for, which "the company" and "it" then are.
                if modifiers.contains(spans.count - 1),
                   !(mention.entityType == .organization && !Self.isProductName(mention.entity) && last + 1 < words.count
                     && Self.roleNouns.contains(words[last + 1].lowercased) && !servedBodies.contains(spans.count - 1)) { continue }
                // Nor is a dateline ("CLEVELAND – As it officially puts"), cut
                // off as a sentence of its own or not.
                if first == 0, dashAfter.contains(last) || last == words.count - 1 { continue }
                memory.note(mention, sentence: sentence, quoted: quotations.isQuoted(first),
                            title: first > 0 ? words[first - 1].lowercased : nil)
                if mention.entityType == .person, !quotations.isQuoted(first), memory.subject?.sentence != sentence,
                   let noted = memory.recent.last {
                    memory.subject = (noted.name, sentence, noted.gender)
                }
            }
            if covered[index] { continue }
            let lower = word.lowercased
            let outside = !quotations.isQuoted(index)
            var referent: String?
            if Self.personPronouns.contains(lower) {
                let gender = PersonGender.of(pronoun: lower)
                // "Since he entered the race in November, Bloomberg's climb ...":
                // a pronoun in an opening subordinate clause looks ahead to the
                // person the main clause names, not back.
                if let ahead = Self.cataphoricReferent(words, pronoun: index, mentions: sorted[mentionIndex...], offset: offset,
                                                       quotations: quotations) {
                    referent = ahead.isEmpty ? nil : ahead
                    if let referent { spans.append((referent, index, index)) }
                    if Self.possessivePronouns.contains(lower), referent != nil { possessors.insert(spans.count - 1) }
                    continue
                }
                // A "he" or "she" inside a quotation is someone the speaker talks
                // about, rarely told by word order: nobody, rather than a guess
                // that files the quotation under its speaker or a bystander.
                referent = outside ? memory.onlyPerson(since: sentence - 2, gender: gender, outsideQuotation: true) : nil
                // "He" opening a sentence (or its clause after "and", "but"): the last sentence's subject.
                if referent == nil, outside, lower == "he" || lower == "she",
                   index == 0 || index == 1 && Self.clauseOpeners.contains(words[0].lowercased) {
                    referent = memory.lastSubject(since: sentence - 2, gender: gender)
                }
            } else if Self.thingPronouns.contains(lower) {
                // "it" may be a country or a place; "they" is people or a company
                // ("They have poisoned communities" is not California).
                let types: Set<EntityType> = Self.pluralPronouns.contains(lower) ? [.organization] : [.organization, .geopolitical, .location]
                referent = memory.lastNamed(types, since: sentence - 2, outsideQuotation: outside)
            } else if lower == "the", let noun = Self.productDescription(words, after: index) {
                // "the plane", "the massive airliner": the last product named
                // ("Airbus A380", "iPhone 4"). (The one product of a story
                // however far back scored no better on SemEval-2015 Task 4.)
                referent = memory.lastNamed([.organization], since: sentence - 2, outsideQuotation: outside, where: Self.isProductName)
                if let referent {
                    spans.append((referent, index, noun))
                    continue
                }
            } else if lower == "the", index + 1 < words.count, Self.governmentWords.contains(words[index + 1].lowercased) {
                // "the government", "the administration": a country's, not the last organisation named.
                referent = memory.lastNamed([.geopolitical], since: sentence - 2, outsideQuotation: outside)
            } else if lower == "the", index + 1 < words.count, Self.descriptions.contains(words[index + 1].lowercased) {
                // "The airline" is the last organisation whose name says it is
                // one ("China Eastern Airlines", not "Airbus" named after it);
                // the last organisation when none does.
                let noun = words[index + 1].lowercased
                referent = memory.lastNamed([.organization], since: sentence - 2, outsideQuotation: outside, where: { name in
                    !Self.isProductName(name) && name.split(separator: " ").contains { $0.lowercased().hasPrefix(noun) }
                }) ?? memory.lastNamed([.organization], since: sentence - 2, outsideQuotation: outside, where: { !Self.isProductName($0) })
            } else if lower == "the", index + 2 < words.count, words[index + 1].lowercased == "two",
                      Self.pairs.contains(words[index + 2].lowercased) {
                // "the two countries": the last two named.
                let noun = words[index + 2].lowercased
                let types: Set<EntityType> = Self.countryPairs.contains(noun) ? [.geopolitical] : Self.companyPairs.contains(noun) ? [.organization] : [.organization, .geopolitical]
                let named = memory.recent.filter { types.contains($0.type) && $0.sentence >= sentence - 2 }.suffix(2)
                for entity in named { spans.append((entity.name, index, index + 2)) }
                continue
            }
            if let referent {
                if Self.possessivePronouns.contains(lower) { possessors.insert(spans.count) }
                spans.append((referent, index, lower == "the" ? index + 1 : index))
            }
        }
        while mentionIndex < sorted.count {
            if !Self.isNoise(sorted[mentionIndex]) && !Self.isDemonym(sorted[mentionIndex]) { memory.note(sorted[mentionIndex], sentence: sentence) }
            mentionIndex += 1
        }
    }

    /// The clause holding byte `position` of the sentence.
    func clause(at position: Int) -> Range<Int> {
        clauses.last { $0.lowerBound <= position } ?? 0..<Int.max
    }

    /// Participants of every trigger, given which words are event triggers.
    /// `counted[i]` is false for words that do not count in distances
    /// (inside a time expression: "have, over the past few months, quietly rebuilt").
    func entities(words: [EventTrigger.Word], triggers: [Int], counted: [Bool]) -> [Int: [String]] {
        var position: [Int] = []
        var running = 0
        for index in words.indices {
            position.append(running)
            if counted[index] { running += 1 }
        }
        func gap(_ a: Int, _ b: Int) -> Int { abs(position[b] - position[a]) }
        var result: [Int: [String]] = [:]
        func add(_ entity: String, _ trigger: Int) {
            if !(result[trigger]?.contains(entity) ?? false) { result[trigger, default: []].append(entity) }
        }
        let triggerSet = Set(triggers)
        // Commas before each word, to tell in constant time whether one lies between two words.
        var commasBefore: [Int] = []
        var comma = 0
        for word in words {
            while comma < commas.count, commas[comma] < word.range.lowerBound { comma += 1 }
            commasBefore.append(comma)
        }
        for (number, span) in spans.enumerated() {
            let isPossessor = possessors.contains(number)
            // The word before the name, past an article: "patients in the Gaza
            // Strip, said Skaik" has the Strip after a preposition.
            let article = span.first > 1 && Self.articles.contains(words[span.first - 1].lowercased)
            let before = span.first > 0 ? words[span.first - (article ? 2 : 1)].lowercased : ""
            // After a preposition a name is an aside ("attended the Roadshow in
            // Atlanta and began advocating"), not the subject of the next verb,
            // and no event past a conjunction is its own.
            // "wins in Nevada and South Carolina and she increased": a name
            // coordinated with one after a preposition is an object too.
            let afterPreposition = Self.objectPrepositions.contains(before)
                || Self.conjunctions.contains(before) && spans.contains { other in
                    other.last + 2 == span.first && other.first > 0 && Self.objectPrepositions.contains(
                        words[other.first - (other.first > 1 && Self.articles.contains(words[other.first - 1].lowercased) ? 2 : 1)].lowercased)
                }
            if modifiers.contains(number) {
                // The noun it modifies, when that is an event ("the Trump visit").
                if triggerSet.contains(span.last + 1), !servedBodies.contains(number) { add(span.entity, span.last + 1) }
                continue
            }
            // Near: at most two words away on either side.
            // Near, with no other name between ("he'd be Donald Trump," Sharpton
            // said: the saying is Sharpton's) and in the same clause.
            // A possessor owns the word right after it ("Clinton's tenure"), not
            // the verb of "Hartley's wife sobbed"; no name reaches past a comma.
            for trigger in triggers where (trigger > span.last && gap(span.last, trigger) <= (isPossessor ? 1 : 2))
                || (!isPossessor && trigger < span.first && (gap(trigger, span.first) <= 2
                    || Self.isObjectPhrase(words, trigger: trigger, name: span.first, end: span.last, triggers: triggerSet))) {
                if commasBefore[max(trigger, span.first)] != commasBefore[min(trigger, span.last)] { continue }
                // A name inside a quotation takes part in the quoted words only, and one outside it in none of them.
                if !quotations.sameQuotation(trigger, span.first) { continue }
                let between = trigger > span.last ? (span.last + 1)..<trigger : (trigger + 1)..<span.first
                if spans.contains(where: { between.contains($0.first) && $0.entity != span.entity }) { continue }
                if afterPreposition, trigger > span.last, words[between].contains(where: { Self.conjunctions.contains($0.lowercased) }) { continue }
                if clause(at: words[trigger].range.lowerBound) != clause(at: words[span.first].range.lowerBound) { continue }
                // "Trump says Hillary Clinton is lying", "said she sees": the
                // subject of the reported clause, not of the report.
                if trigger < span.first, Self.opensReportedClause(words, after: span.last, report: trigger) { continue }
                // "Exit polling showed that Clinton won": past a complementizer
                // the name belongs to the clause it opens, not to the verb before.
                if trigger < span.first, words[between].contains(where: { Self.complementizers.contains($0.lowercased) }) { continue }
                // "The crowd cheered when Trump spotted a sign": past a
                // subordinator the name is the next clause's.
                if trigger < span.first, words[between].contains(where: { Self.clauseSubordinators.contains($0.lowercased) }) { continue }
                // "Christie — a running mate for Trump — made": a dash closes
                // the aside the name is in (one opened before it); "Trump --
                // angry at Fox -- stood" keeps its subject.
                if trigger > span.last, (span.last..<trigger).contains(where: { asideDashAfter.contains($0) }),
                   asideDashAfter.contains(where: { $0 < span.first }) { continue }
                // "Trump supporters rallied": the supporters did.
                if trigger > span.last + 1, Self.isHeadNounAfterName(words, at: span.last + 1, before: trigger, counted: counted) { continue }
                add(span.entity, trigger)
            }
            // Its verb: the first trigger after it within six words, no other
            // name between but one it is coordinated with ("Pakistan and Bangladesh have").
            // Not for a possessor, a name after "of" ("the governor of
            // Massachusetts, had adopted") or an object ("trailing Clinton but has invested").
            // "CLEVELAND – As it officially puts": a dateline names no subject.
            let isDateline = dashAfter.contains(span.last)
            let isObject = before == "of" || afterPreposition || isDateline
                || span.first > 0 && triggerSet.contains(span.first - 1) && !EventExtractor.reporting.contains(before)
            if !isPossessor, !isObject, let verb = triggers.first(where: { $0 > span.last }), gap(span.last, verb) <= 6,
               verb == span.last + 1 || !Self.isHeadNounAfterName(words, at: span.last + 1, before: verb, counted: counted),
               quotations.sameQuotation(span.first, verb),
               !spans.contains(where: { other in
                   other.first > span.last && other.first < verb
                       && !(other.first - span.last <= 2 && words[span.last + 1..<other.first].allSatisfy { $0.lowercased == "and" })
               }) {
                add(span.entity, verb)
            }
        }
        // An apposition between a name and its verb: "Steve Jobs, the chief
        // executive officer of Apple Inc., announced", "Boeing, meanwhile,
        // said". A comma after the name, at most twelve words with no event
        // and a closing comma, then the verb (an adverb may come first).
        for (number, span) in spans.enumerated() where span.last + 1 < words.count && !modifiers.contains(number) {
            let open = span.last + 1
            guard commasBefore[open] == commasBefore[span.last] + 1 else { continue }
            var close = open + 1
            while close < words.count, close - open <= 12, commasBefore[close] == commasBefore[open] { close += 1 }
            // "But Trump, who has often struggled while talking about it, made
            // no comment": a relative clause between commas may hold events.
            // Not a name after a preposition ("Murphy of Connecticut, who
            // campaigned ..., said"): the clause is the person's before it.
            let relative = Self.relativePronouns.contains(words[open].lowercased)
                && !(span.first > 0 && (words[span.first - 1].lowercased == "of" || Self.objectPrepositions.contains(words[span.first - 1].lowercased)))
            guard close < words.count, close - open <= 12, commasBefore[close] == commasBefore[open] + 1,
                  relative || !triggerSet.contains(where: { $0 >= open && $0 < close }) else { continue }
            let verb = triggerSet.contains(close) ? close
                : close + 1 < words.count && triggerSet.contains(close + 1) && words[close].text.first?.isLowercase == true
                    && !spans.contains(where: { $0.first <= close && close <= $0.last }) ? close + 1 : nil
            // The relative clause is cut off as a clause of its own, which
            // runs on to the verb: no other cut between.
            let sameClause = relative
                ? clause(at: words[verb ?? open].range.lowerBound).lowerBound == words[open].range.lowerBound
                : verb.map { clause(at: words[$0].range.lowerBound) == clause(at: words[span.first].range.lowerBound) } ?? false
            if let verb, quotations.sameQuotation(span.first, verb), sameClause {
                add(span.entity, verb)
            }
        }
        // Chains: "plans to sell", "announced the deal and said", "welcomed
        // everyone to the event and announced": an infinitive within three
        // words, a verb right after "and" within seven, no name and no comma between.
        let spanStarts = Set(spans.map(\.first))
        for trigger in triggers.sorted() {
            guard let entities = result[trigger] else { continue }
            var next = trigger + 1
            while next < words.count, next - trigger <= 7, commasBefore[next] == commasBefore[trigger] {
                let before = words[next - 1].lowercased
                // "unveiled the device by walking onto the stage", "started by
                // hinting": the -ing of the means or the moment has the verb's subject.
                let isMeans = Self.meansPrepositions.contains(before) && words[next].lowercased.hasSuffix("ing")
                if triggerSet.contains(next), before == "to" && next - trigger <= 3 || before == "and" || isMeans,
                   quotations.sameQuotation(trigger, next) {
                    for entity in entities { add(entity, next) }
                    break
                }
                if spanStarts.contains(next) { break }
                next += 1
            }
        }
        return result
    }

    private static func clauseStarts(words: [EventTrigger.Word], bytes: ArraySlice<UInt8>) -> [Int] {
        var starts = [0]
        let base = bytes.startIndex
        for (position, byte) in bytes.enumerated() where byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "(")
            || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\"") {
            if position + 1 < bytes.count { starts.append(position + 1) }
        }
        // Curly quotes (E2 80 9C / 9D): a quotation is a clause of its own
        // ("“... in the morning,” Bladow says").
        var position = 0
        while position + 2 < bytes.count {
            if bytes[base + position] == 0xE2, bytes[base + position + 1] == 0x80,
               bytes[base + position + 2] == 0x9C || bytes[base + position + 2] == 0x9D {
                starts.append(position + 3)
            }
            position += 1
        }
        for (index, word) in words.enumerated() where index > 0 && openers.contains(word.lowercased) {
            // After a comma, or a dash: ", which", " - but".
            var back = word.range.lowerBound - 1
            while back > 0, bytes[base + back] == UInt8(ascii: " ") { back -= 1 }
            if back >= 0, bytes[base + back] == UInt8(ascii: ",") || bytes[base + back] == UInt8(ascii: "-") {
                starts.append(word.range.lowerBound)
            }
        }
        return starts.sorted()
    }

    /// Words before an -ing that does what the clause's subject does ("by walking", "after meeting").
    /// ("without investing" is what the subject did not do.)
    static let meansPrepositions: Set<String> = ["by", "after", "before", "while", "when"]
    static let relativePronouns: Set<String> = ["which", "who"]
    static let openers: Set<String> = [
        "which", "who", "whom", "whose", "while", "whereas", "although", "though", "but", "because", "where", "when",
        "after", "before", "as", "and", "since", "until", "unless", "if",
    ]
    /// A one-letter "entity", a pronoun or interjection taken for a name, or
    /// a name that is none (`isNotAName`).
    static func isNoise(_ mention: Mention) -> Bool {
        mention.text.utf8.count <= 1 || noiseWords.contains(mention.text.lowercased()) || isNotAName(mention.entity)
    }

    /// Extractor spans that name no one: an article and a number or a small
    /// word ("The 14-day" of "The 14-day rate has increased"), and a title
    /// with no name ("Special Agents", "International Trade Secretary"), which
    /// stands for whoever holds it and would gather different people's events.
    static func isNotAName(_ entity: String) -> Bool {
        // Asked for every mention of every sentence: byte keys, no word arrays.
        guard let firstSpace = entity.firstIndex(of: " ") else { return titleNouns.contains(WordKey(entity)) }
        let lastSpace = entity.lastIndex(of: " ") ?? firstSpace
        let afterFirst = entity.index(after: firstSpace)
        if leadingArticles.contains(WordKey(entity[..<firstSpace])), afterFirst < entity.endIndex,
           entity[afterFirst].isNumber || entity[afterFirst].isLowercase { return true }
        let last = entity[entity.index(after: lastSpace)...]
        return last.utf8.count <= 16 && titleNouns.contains(WordKey(last))
    }
    /// Whether a title before or in the mention ("Mr. Clinton") names the
    /// other sex than the entity's given name ("Hillary Clinton"): the
    /// extractor joined two people of one surname.
    static func isTitleOfOtherSex(_ mention: Mention, before: String?) -> Bool {
        let inMention = mention.text.split(separator: " ").first.flatMap { PersonGender.of(title: $0.lowercased()) }
        guard let titled = inMention ?? before.flatMap(PersonGender.of(title:)),
              let named = PersonGender.givenNames[String(mention.entity.split(separator: " ").first ?? "")] else { return false }
        return titled != named
    }
    static let articles: Set<String> = ["the", "a", "an"]
    static let complementizers: Set<String> = ["that", "whether", "if"]

    /// Whether the word right after a name is a noun the name modifies
    /// ("other Clinton challengers justifiably complained", "Trump supporters
    /// rallied", "Obama administration officials said"): then the verb further
    /// on is the noun's, not the name's. A lower-case word that is no verb,
    /// auxiliary, modal, negation, adverb, preposition, conjunction, pronoun or
    /// relative word. A word in "-s" before "to", "that" or a determiner is
    /// taken for a verb ("Trump wants to", "Clinton says that").
    static func isHeadNounAfterName(_ words: [EventTrigger.Word], at start: Int, before verb: Int, counted: [Bool]) -> Bool {
        // Past a time expression: "Trump last week invited".
        var index = start
        while index < verb, !counted[index] { index += 1 }
        guard index < verb, words[index].text.first?.isLowercase == true else { return false }
        let word = words[index].lowercased
        if VerbGroup.auxiliaries.contains(word) || VerbGroup.negations.contains(word)
            || VerbGroup.adverbs.contains(word) || VerbGroup.prepositions.contains(word) || conjunctions.contains(word)
            || subjectAdverbs.contains(word)
            || EventExtractor.reflexives.contains(word) || relativeWords.contains(word) || EventTrigger.isVerb(word) || word.hasSuffix("ly") {
            return false
        }
        if word.hasSuffix("s"), index + 1 < words.count {
            let next = words[index + 1].lowercased
            if next == "to" || complementizers.contains(next) || VerbGroup.determiners.contains(next) { return false }
        }
        return true
    }

    /// Words that stand between a subject and its verb and are no nouns
    /// ("Trump further described", "Sanders often attacked", "both sought").
    static let subjectAdverbs: Set<String> = [
        "further", "earlier", "often", "both", "each", "so", "far", "too", "alone", "together", "instead", "however",
        "meanwhile", "therefore", "thus", "again", "almost", "nearly", "quickly", "soon", "later", "last", "this", "here", "there",
    ]
    static let relativeWords: Set<String> = ["who", "which", "that", "whose", "whom", "where", "when"]
    static let leadingArticles: Set<WordKey> = Set(["the", "a", "an", "this", "that", "these", "those"].map { WordKey($0) })
    static let titleNouns: Set<WordKey> = Set(titleNounList.map { WordKey($0) })
    static let titleNounList: [String] = [
        "secretary", "secretaries", "minister", "ministers", "agent", "agents", "spokesman", "spokeswoman", "spokesperson",
        "spokespeople", "director", "directors", "chairman", "chairwoman", "chairperson", "officer", "officers",
        "commissioner", "ambassador", "officials", "lawmakers", "senators", "aides", "advisers", "advisors",
        "ceo", "cfo", "chair", "judge", "mayor", "governor", "senator", "professor",
    ]

    /// Words a clause may open with before its subject pronoun ("and he", "but she").
    static let clauseOpeners: Set<String> = ["and", "but", "then", "later"]

    /// "anti-Trump", "pro-Clinton", "non-EU": for or against someone, or outside
    /// something ("ex-Airbus" is not).
    static func isOpposedOrFor(_ word: String) -> Bool {
        word.hasPrefix("anti-") || word.hasPrefix("pro-") || word.hasPrefix("non-")
    }

    /// A name that modifies a noun rather than acts: any name before a role
    /// ("DNC chairman", "Clinton spokesman Brian Fallon"); a name inside a
    /// hyphenated compound ("Paris-based auction house", "Iran-backed
    /// militias"); a person's name between a determiner and a noun ("a
    /// Clinton surrogate", "the Trump campaign"), and a place's after a
    /// determiner and at most one adjective ("the crucial Denver suburbs",
    /// "a Rochester rally").
    static func isModifier(_ words: [EventTrigger.Word], first: Int, last: Int, type: EntityType, range: Range<Int>) -> Bool {
        guard last < words.count else { return false }
        // The word goes on past the name with a hyphen: "Paris-based".
        if words[last].range.upperBound > range.upperBound, words[last].text.contains("-"),
           !words[last].lowercased.hasSuffix("'s") { return true }
        // "Chief Executive Officer of the Port Authority of Jamaica, who will
        // speak", "a spokesman for Boeing said": the organisation a person
        // serves, not the one who acts.
        if type != .person, isServedBody(words, first: first) { return true }
        guard last + 1 < words.count, !words[last].lowercased.hasSuffix("'s") else { return false }
        if roleNouns.contains(words[last + 1].lowercased) { return true }
        guard first > 0 else { return false }
        switch type {
        case .person:
            // "a Clinton surrogate", and after a possessive: "Bennett's Trump beanie", "his Trump hat".
            let previous = words[first - 1].lowercased
            // "held Trump signs", "wore Clinton buttons": between a past verb
            // and a plural noun, a name describes the thing held (after a
            // verb of saying or thinking it opens a clause: "said Trump wins").
            if EventTrigger.isParticiple(previous), !EventExtractor.reporting.contains(previous), !clauseVerbs.contains(previous),
               words[first - 1].range.upperBound + 1 == words[first].range.lowerBound,
               words[last].range.upperBound + 1 == words[last + 1].range.lowerBound,
               words[last + 1].text.first?.isLowercase == true, words[last + 1].lowercased.hasSuffix("s"),
               !words[last + 1].lowercased.hasSuffix("ss"), !VerbGroup.auxiliaries.contains(words[last + 1].lowercased),
               !VerbGroup.prepositions.contains(words[last + 1].lowercased), !VerbGroup.determiners.contains(words[last + 1].lowercased),
               !possessivePronouns.contains(words[last + 1].lowercased), !personPronouns.contains(words[last + 1].lowercased),
               !thingPronouns.contains(words[last + 1].lowercased) { return true }
            // "four previous Trump events", "his latest Clinton attack": past one adjective too.
            let beforeAdjective = first > 1 && words[first - 1].text.first?.isLowercase == true && isAdjectiveLike(previous)
                ? words[first - 2].lowercased : nil
            func opens(_ word: String) -> Bool {
                modifierDeterminers.contains(word) || word.hasSuffix("'s") || word.hasSuffix("’s") || possessivePronouns.contains(word)
            }
            guard opens(previous) || beforeAdjective.map(opens) == true else { return false }
        case .geopolitical, .location:
            let opened = modifierDeterminers.contains(words[first - 1].lowercased)
                || first > 1 && modifierDeterminers.contains(words[first - 2].lowercased) && words[first - 1].text.first?.isLowercase == true
                    && !EventTrigger.isVerb(words[first - 1].lowercased) && !VerbGroup.prepositions.contains(words[first - 1].lowercased)
            guard opened else { return false }
        default:
            return false
        }
        let next = words[last + 1]
        let lower = next.lowercased
        return next.text.first?.isLowercase == true && !EventTrigger.isVerb(lower) && !VerbGroup.auxiliaries.contains(lower)
            && !VerbGroup.prepositions.contains(lower) && !VerbGroup.determiners.contains(lower) && !VerbGroup.adverbs.contains(lower) && !lower.hasSuffix("ly")
            && !openers.contains(lower) && !VerbGroup.modals.contains(VerbGroup.expanded(lower))
    }
    /// A lower-case word that may describe the noun after it: no verb,
    /// auxiliary, preposition, determiner, pronoun or conjunction.
    static func isAdjectiveLike(_ word: String) -> Bool {
        !EventTrigger.isVerb(word) && !word.hasSuffix("ing") && !VerbGroup.auxiliaries.contains(word) && !VerbGroup.prepositions.contains(word)
            && !VerbGroup.determiners.contains(word) && !personPronouns.contains(word) && !thingPronouns.contains(word)
            && !conjunctions.contains(word) && !openers.contains(word) && !VerbGroup.modals.contains(word) && !word.hasSuffix("ly")
            && !objectPrepositions.contains(word) && !VerbGroup.adverbs.contains(word) && !EventExtractor.reporting.contains(word)
    }

    /// Whether a name ending at `last`, after the reporting verb at
    /// `report`, is followed by a verb: it is then the reported clause's
    /// subject ("says Clinton is lying"), not an inverted speaker ("said
    /// Skaik, a surgeon") or the one told ("told Winfrey that").
    static func opensReportedClause(_ words: [EventTrigger.Word], after last: Int, report: Int) -> Bool {
        let verb = words[report].lowercased
        guard EventExtractor.reporting.contains(verb) || clauseVerbs.contains(verb), !addressedReports.contains(verb), last + 1 < words.count
        else { return false }
        var next = last + 1
        // "says Igor Kolomoisky and Gennady Bogolyubov stole": past the names coordinated with it.
        if Self.conjunctions.contains(words[next].lowercased) {
            var after = next + 1
            while after < words.count, after - next <= 3, words[after].text.first?.isUppercase == true { after += 1 }
            if after > next + 1, after < words.count { next = after }
        }
        if VerbGroup.adverbs.contains(words[next].lowercased) || words[next].lowercased.hasSuffix("ly"), next + 1 < words.count { next += 1 }
        let word = VerbGroup.expanded(words[next].lowercased)
        // "found him wounded": after "found" a bare participle describes the
        // object; only an auxiliary or a modal opens a clause ("found Trump would raise").
        if verb == "found" { return VerbGroup.auxiliaries.contains(word) }
        return VerbGroup.auxiliaries.contains(word) || EventTrigger.isVerb(word)
            || word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("'s") && words[next].text.first?.isLowercase == true
                && !VerbGroup.prepositions.contains(word)
    }
    /// Reports whose object is the one addressed: "told Winfrey that".
    static let addressedReports: Set<String> = ["tells", "told"]

    /// Whether the name at `first` follows a role and "of" or "for" ("the
    /// chief executive of Airbus", "Officer of the Port Authority", "a
    /// spokeswoman for the ministry").
    static func isServedBody(_ words: [EventTrigger.Word], first: Int) -> Bool {
        var at = first - 1
        if at >= 0, words[at].lowercased == "the" { at -= 1 }
        guard at >= 1, words[at].lowercased == "of" || words[at].lowercased == "for" else { return false }
        let role = words[at - 1].lowercased
        return roleNouns.contains(role) || servingRoles.contains(role)
    }
    static let servingRoles: Set<String> = [
        "officer", "executive", "executives", "head", "president", "ceo", "founder", "co-founder", "director", "directors",
        "secretary", "minister", "professor", "editor", "governor", "employee", "employees", "owner", "leader",
        "representative", "representatives", "member", "members", "commissioner",
    ]

    /// Roles a name before them holds or serves ("Clinton spokesman").
    static let roleNouns: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "chief", "aide", "aides", "adviser",
        "advisers", "advisor", "advisors", "surrogate", "surrogates", "official", "officials", "staffer", "staffers",
        "lawyer", "lawyers", "attorney", "attorneys", "supporters", "delegates", "loyalists", "allies", "critics", "backers",
        "supporter", "loyalist", "ally", "critic", "backer", "presenter", "host", "correspondent", "manager", "managers",
    ]
    static let pluralPronouns: Set<String> = ["they", "their", "them"]
    static let modifierDeterminers: Set<String> = [
        "a", "an", "the", "one", "another", "some", "several", "many", "two", "three", "four", "each", "every", "any",
    ]

    /// Where a person pronoun sits in a clause that opens the sentence with
    /// a subordinator ("Since he entered ...", "When she arrived ..."), the
    /// first person named after it outside quotations, before the sentence
    /// ends: that person (or "" when the one named does not fit the pronoun's
    /// sex). nil when the pronoun is elsewhere or no person follows.
    static func cataphoricReferent(_ words: [EventTrigger.Word], pronoun: Int, mentions: ArraySlice<Mention>, offset: Int,
                                   quotations: Quotations) -> String? {
        guard pronoun > 0, pronoun <= 2, subordinators.contains(words[0].lowercased), !quotations.isQuoted(pronoun) else { return nil }
        let after = words[pronoun].range.upperBound
        guard let ahead = mentions.first(where: { $0.entityType == .person && $0.byteRange.lowerBound - offset >= after && !isNoise($0) })
        else { return nil }
        let aheadWord = words.firstIndex { $0.range.upperBound > ahead.byteRange.lowerBound - offset } ?? 0
        guard !quotations.isQuoted(aheadWord) else { return nil }
        let gender = PersonGender.of(pronoun: words[pronoun].lowercased)
        if let gender, let known = PersonGender.of(name: ahead.entity), known != gender { return "" }
        return ahead.entity
    }
    /// Words that open a clause of their own and are no prepositions ("went after Trump" is one).
    static let clauseSubordinators: Set<String> = ["when", "whenever", "while", "whereas", "although", "though", "because"]
    static let subordinators: Set<String> = ["since", "when", "after", "as", "although", "though", "while", "before", "because", "once", "until"]
    static let objectPrepositions: Set<String> = [
        "in", "at", "on", "from", "to", "with", "for", "by", "near", "into", "about", "against", "among", "between", "like",
        "than", "via", "toward", "towards", "across", "through", "outside", "inside", "under", "over", "without", "beside",
    ]
    static let governmentWords: Set<String> = ["government", "administration"]
    static let conjunctions: Set<String> = ["and", "or", "but", "nor"]

    /// Whether a dash (-, en or em dash) stands between two words; positions
    /// are relative to the sentence slice `bytes`.
    static func hasDash(between first: EventTrigger.Word, and second: EventTrigger.Word, in bytes: ArraySlice<UInt8>) -> Bool {
        let base = bytes.startIndex
        let gap = first.range.upperBound..<second.range.lowerBound
        guard gap.upperBound <= bytes.count else { return false }
        for position in gap {
            let byte = bytes[base + position]
            if byte == UInt8(ascii: "-") { return true }
            // E2 80 93 (en dash) and E2 80 94 (em dash).
            if byte == 0xE2, position + 2 < bytes.count, bytes[base + position + 1] == 0x80,
               bytes[base + position + 2] == 0x93 || bytes[base + position + 2] == 0x94 { return true }
        }
        return false
    }
    static let noiseWords: Set<String> = [
        "we", "i", "you", "he", "she", "it", "they", "oh", "ah", "damn", "wow", "hey", "yes", "no", "ok", "okay", "well", "so",
        "us", "our", "my", "me", "thanks", "please", "hello", "dear",
    ]

    /// A country or place named by the adjective of its people: the mention's
    /// text is not the entity's name and ends as demonyms do.
    static func isDemonym(_ mention: Mention) -> Bool {
        guard mention.entityType == .geopolitical || mention.entityType == .location,
              mention.text.lowercased() != mention.entity.lowercased() else { return false }
        let text = mention.text.lowercased()
        return demonymEndings.contains { text.hasSuffix($0) } && !mention.entity.lowercased().hasPrefix(text)
    }
    static let demonymEndings = ["ian", "ean", "an", "ish", "ese", "i", "ic", "ch"]

    /// A name written as its adjective, the start of the entity's name
    /// ("Republican" for Republicans, "Democratic" for the Democratic Party):
    /// before a lower-case word it describes that noun ("accused Republican
    /// contender Donald Trump"), whose events the party takes no part in.
    static func isAdjectiveOfName(_ mention: Mention) -> Bool {
        let text = mention.text.lowercased()
        let entity = mention.entity.lowercased()
        return entity.count > text.count && entity.hasPrefix(text) && demonymEndings.contains { text.hasSuffix($0) }
    }
    static let possessivePronouns: Set<String> = ["his", "her", "its", "their"]
    /// Verbs a clause follows with its own subject ("thought Trump wins").
    static let clauseVerbs: Set<String> = [
        "thought", "believed", "knew", "felt", "argued", "suggested", "predicted", "noted", "wrote", "found",
        "learned", "realized", "realised", "assumed", "hoped", "feared", "guessed", "expected", "agreed",
    ]
    static let countryPairs: Set<String> = ["countries", "nations", "states", "governments", "neighbours", "neighbors"]
    static let companyPairs: Set<String> = ["companies", "firms"]
    static let pairs: Set<String> = ["countries", "nations", "sides", "governments", "companies", "firms", "states", "neighbours", "neighbors"]
    static let personPronouns: Set<String> = ["he", "she", "his", "her", "him"]
    static let thingPronouns: Set<String> = ["it", "its", "they", "their", "them"]
    static let descriptions: Set<String> = [
        "company", "firm", "group", "airline", "carrier", "manufacturer", "maker",
        "corporation", "agency", "bank", "team", "club", "party", "country", "organisation", "organization",
    ]
    /// Nouns for a made thing: "the plane" is the A380 of the sentence before, not Airbus.
    static let productDescriptions: Set<String> = [
        "plane", "aircraft", "jet", "airliner", "jetliner", "airplane", "superjumbo", "device", "phone", "handset",
        "player", "store", "service", "software", "product", "model", "vehicle", "car", "ship", "drug", "system",
    ]
    /// Whether the words between an event and a name after it are the start
    /// of the name's noun phrase, so the name is the event's object: "the
    /// purchase of 22 new Boeing 787 Dreamliners", "unveiled their new 787
    /// Dreamliner", "a test flight of the new Airbus A380". At most four
    /// words: an "of", a determiner or a number first, then describing words
    /// (no verb, preposition, particle, conjunction, question word,
    /// possessor or other event). Not when the name's own
    /// verb follows it ("the dire situation Hillary Clinton is facing", "the
    /// way Trump had handled"). (A report's clause, "said the new Boeing jets
    /// were late", is kept from the report by `opensReportedClause`.)
    static func isObjectPhrase(_ words: [EventTrigger.Word], trigger: Int, name: Int, end: Int, triggers: Set<Int>) -> Bool {
        guard trigger + 1 < name, name - trigger <= 5 else { return false }
        if end + 1 < words.count {
            let next = words[end + 1].lowercased
            if triggers.contains(end + 1) || VerbGroup.auxiliaries.contains(next) || EventTrigger.isVerb(next) { return false }
        }
        var opened = false
        for at in (trigger + 1)..<name {
            let word = words[at]
            let lower = word.lowercased
            let isNumber = lower.allSatisfy { $0.isNumber || $0 == "," }
            // "of" opens the phrase as a determiner would (a number is no word here).
            if at == trigger + 1, lower == "of" {
                opened = true
                continue
            }
            if !opened {
                guard VerbGroup.determiners.contains(lower) && lower != "that" || isNumber else { return false }
                opened = true
                continue
            }
            if isNumber { continue }
            guard word.text.first?.isLowercase == true, !triggers.contains(at), !EventTrigger.isVerb(lower),
                  !VerbGroup.auxiliaries.contains(lower), !VerbGroup.prepositions.contains(lower), !objectPrepositions.contains(lower),
                  !particles.contains(lower), !conjunctions.contains(lower), !complementizers.contains(lower),
                  !questionWords.contains(lower), !personPronouns.contains(lower), !thingPronouns.contains(lower),
                  !lower.hasSuffix("ly"), !lower.hasSuffix("'s"), !lower.hasSuffix("’s") else { return false }
        }
        return true
    }
    static let particles: Set<String> = [
        "up", "down", "out", "off", "back", "away", "behind", "ahead", "around", "along", "alongside", "upon", "onto",
        "beyond", "within", "during", "until", "since", "despite", "amid", "past", "per", "vs", "vs.", "versus", "here", "there",
    ]
    static let questionWords: Set<String> = ["where", "when", "who", "whom", "whose", "which", "what", "how", "why"]

    /// The word index of the product noun of "the plane", "the new
    /// aircraft", "the massive double-deck airliner" (at most two describing
    /// words between) after "the" at `index`.
    static func productDescription(_ words: [EventTrigger.Word], after index: Int) -> Int? {
        var at = index + 1
        while at < words.count, at - index <= 3 {
            let word = words[at]
            if productDescriptions.contains(word.lowercased) { return at }
            guard word.text.first?.isLowercase == true, !EventTrigger.isVerb(word.lowercased), !VerbGroup.prepositions.contains(word.lowercased),
                  !VerbGroup.determiners.contains(word.lowercased) else { return nil }
            at += 1
        }
        return nil
    }

    /// A product's name: a word with a digit ("Airbus A380", "Boeing 787
    /// Dreamliner") or a capital after a small letter ("iPhone", "iTunes store").
    static func isProductName(_ name: String) -> Bool {
        name.split(separator: " ").contains { word in
            word.contains(where: \.isNumber) || word.first?.isLowercase == true && word.dropFirst().contains(where: \.isUppercase)
        }
    }
}
