import DossierCore
import Foundation

/// What a pattern recognised, before it becomes a `TimeExpression`.
struct Candidate {
    enum Content {
        case point(CalendarPoint)
        /// A length of time; `direction` says whether it ends at the anchor
        /// ("the past 15 years") or starts there ("the coming weeks"), and
        /// `assumedAmount` the amount used for the interval when the text gave
        /// none ("the past few months": 3).
        case duration(TimeExpression.Duration, direction: Direction, assumedAmount: Double?)
        case set(String, TimeExpression.Duration?)
        /// PAST_REF, PRESENT_REF, FUTURE_REF, or an unresolvable value ("XXXX-XX-XX").
        case literal(String)
    }

    enum Direction { case none, past, future }

    /// One past the last token.
    var end: Int
    var type: TimeExpression.Kind
    var content: Content
    var modifier: TimeExpression.Modifier?
    var isRelative: Bool
    /// A quarter named in the text ("the third quarter"), which "the quarter"
    /// and "a year earlier" then refer to; not one computed from them.
    var setsNarrativeQuarter = false

    init(end: Int, type: TimeExpression.Kind, content: Content, modifier: TimeExpression.Modifier? = nil, isRelative: Bool = false) {
        self.end = end
        self.type = type
        self.content = content
        self.modifier = modifier
        self.isRelative = isRelative
    }

    static func point(_ point: CalendarPoint, end: Int, relative: Bool = false, modifier: TimeExpression.Modifier? = nil) -> Candidate {
        let type: TimeExpression.Kind = point.granularity <= .partOfDay ? .time : .date
        return Candidate(end: end, type: type, content: .point(point), modifier: modifier, isRelative: relative)
    }
}

/// One left-to-right pass of the grammar over a tokenised text.
///
/// At each token that can begin an expression the pattern families
/// (`DatePatterns`, `RelativePatterns`, `DurationPatterns`, `TimeOfDayPatterns`,
/// `SetPatterns`) each try to match, and the longest match wins. The pass
/// remembers the narrative date (`ReferenceTime`) as it goes.
struct TaggingPass {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [TextToken]
    var reference: ReferenceTime
    /// True when the text is a single expression (`TemporalTagger.parse`):
    /// words that need context in running text ("May", "fall") are dates.
    var isStandalone = false
    /// Whether the text reports a game (`isAboutAGame`): worked out at the first
    /// quarter or half that asks, then the same for every other match.
    let gameReport = TextVerdict()

    init(bytes: UnsafeBufferPointer<UInt8>, anchor: PublicationDate?) {
        self.bytes = bytes
        self.tokens = TextTokenizer.tokenize(bytes)
        self.reference = ReferenceTime(anchor: anchor)
    }

    /// Every expression, in text order, as (first token, candidate).
    mutating func run() -> [(first: Int, candidate: Candidate)] {
        var found: [(Int, Candidate)] = []
        var i = 0
        let count = tokens.count
        // A time budget (`WorkDeadline`) ends the pass; the caller throws the partial answer away.
        var deadline = DeadlineCheck()
        while i < count, !deadline.hasPassed() {
            let token = tokens[i]
            guard canStart(token, at: i) else {
                i += 1
                continue
            }
            if let candidate = match(at: i) {
                found.append((i, candidate))
                if case .point(let point) = candidate.content {
                    if !candidate.isRelative {
                        reference.noteAbsolute(point, sentence: tokens[i].sentence)
                    } else {
                        if candidate.setsNarrativeQuarter { reference.noteQuarter(point) }
                        // "Friday", "yesterday": the story's day moves there too.
                        if let day = point.dayNumber { reference.narrativeDay = day }
                    }
                }
                i = candidate.end
            } else {
                i += 1
            }
        }
        return found
    }

    /// A cheap test before trying every pattern: most tokens are words the
    /// vocabulary does not know, and the commonest function words ("the",
    /// "a", "in") start an expression only before another known token.
    @inline(__always) private func canStart(_ token: TextToken, at i: Int) -> Bool {
        switch token.word {
        case nil:
            if token.kind == .word { return token.isCapitalized && (tokenIs(i, "black") || tokenIs(i, "cyber")) }
            return token.kind == .number || (token.kind == .punctuation && token.punctuation == 0x27)
        case .key(let k)?:
            switch k {
            case .will, .shall, .ll, .expected, .scheduled, .due, .upcoming, .plans, .planned, .intends, .would, .might,
                 .could, .of, .and, .or, .so, .than, .to, .by, .from, .through, .between, .those, .its,
                 .their, .his, .her, .our, .my, .your, .since, .until, .for, .on, .in, .during, .throughout, .ago, .hence,
                 .old, .times, .once, .again, .other, .local, .time, .term, .period, .plus, .most, .least, .moment:
                return false
            case .pre, .post:
                return isPunctuation(i + 1, 0x2D)
            case .the, .a, .an, .at, .some, .that, .these, .more, .less, .over, .under, .up, .no, .within, .early, .earlier, .late, .later,
                 .mid, .about, .around, .nearly, .almost, .approximately, .roughly, .this, .last, .next, .past:
                guard i + 1 < tokens.count else { return false }
                let next = tokens[i + 1]
                return next.word != nil || next.kind == .number || next.kind == .punctuation
            default:
                return true
            }
        default:
            return true
        }
    }

    /// The longest expression starting at token `i`, with its modifiers.
    func match(at i: Int) -> Candidate? {
        let prefix = parsePrefix(at: i)
        var best: Candidate?
        func consider(_ candidate: Candidate?) {
            guard let candidate else { return }
            if best == nil || candidate.end > best!.end { best = candidate }
        }
        let j = prefix.next
        consider(matchTimeOfDay(at: j))
        consider(matchDate(at: j))
        consider(matchRelative(at: j))
        consider(matchDuration(at: j))
        consider(matchSet(at: j))
        if let k = key(j), [.holiday, .new, .last, .next, .this].contains(k) { consider(matchHoliday(at: j)) }
        if tokenIs(j, "black") || tokenIs(j, "cyber") { consider(matchHoliday(at: j)) }
        if prefix.modifier == .mid, case .partOfDay(let code)? = word(j) { consider(midPartOfDay(code, at: j)) }
        guard var result = best else { return nil }
        if let modifier = prefix.modifier {
            result.modifier = modifier
        }
        // "the next year or so"
        if isKey(result.end, .or), isKey(result.end + 1, .so) {
            result.end += 2
            result.modifier = .approx
        }
        return result
    }

    /// "mid-afternoon", "mid-morning yesterday", "mid afternoon Friday": the
    /// part of the named day, or of the day the story is at.
    private func midPartOfDay(_ code: PartOfDay, at j: Int) -> Candidate? {
        var day = reference.storyDay
        var end = j + 1
        if let k = key(j + 1), k == .yesterday || k == .today || k == .tomorrow, let anchor = reference.anchorDay {
            day = anchor + (k == .yesterday ? -1 : k == .tomorrow ? 1 : 0)
            end = j + 2
        } else if case .weekday(let weekday)? = word(j + 1), tokens[j + 1].isCapitalized, let point = resolveWeekday(weekday, at: j + 1) {
            day = point.dayNumber
            end = j + 2
        }
        guard let day else { return nil }
        var point = CalendarPoint.day(day)
        point.granularity = .partOfDay
        point.partOfDay = code.rawValue
        return .point(point, end: end, relative: true)
    }

    /// Words before an expression that TimeML keeps inside the span and reads
    /// as its `mod`: "nearly 15 years", "at least 30 days", "early 2025",
    /// "the end of 1990", "mid-November".
    func parsePrefix(at i: Int) -> (next: Int, modifier: TimeExpression.Modifier?) {
        guard let k = key(i) else { return (i, nil) }
        switch k {
        case .about, .around, .approximately, .roughly, .nearly, .almost:
            return (i + 1, .approx)
        case .some where isCardinalStart(i + 1):
            return (i + 1, .approx)
        case .more where isKey(i + 1, .than):
            return (i + 2, .moreThan)
        case .less where isKey(i + 1, .than):
            return (i + 2, .lessThan)
        case .over, .under:
            // A preposition before "the" ("over the past few months"), a bound before a number.
            if isCardinalStart(i + 1), !isKey(i + 1, .the) { return (i + 1, k == .over ? .moreThan : .lessThan) }
        case .at where isKey(i + 1, .least):
            return (i + 2, .equalOrMore)
        case .at where isKey(i + 1, .most):
            return (i + 2, .equalOrLess)
        case .up where isKey(i + 1, .to) && isCardinalStart(i + 2):
            return (i + 2, .equalOrLess)
        case .no where (isKey(i + 1, .more) || isKey(i + 1, .less)) && isKey(i + 2, .than):
            return (i + 3, isKey(i + 1, .more) ? .equalOrLess : .equalOrMore)
        case .within where isCardinalStart(i + 1):
            return (i + 1, .equalOrLess)
        case .early, .earlier:
            return (skipHyphen(i + 1), .start)
        case .mid:
            return (skipHyphen(i + 1), .mid)
        case .pre, .post:
            // "pre-1990", "post-1959"
            guard isPunctuation(i + 1, 0x2D), isAttached(i + 1) else { break }
            return (i + 2, k == .pre ? .before : .after)
        case .late, .later:
            return (skipHyphen(i + 1), .end)
        case .the:
            if let (next, modifier) = positionPhrase(at: i + 1) { return (next, modifier) }
            if let k2 = key(i + 1), k2 == .early || k2 == .late || k2 == .mid, isDecadeStart(skipHyphen(i + 2)) {
                return (skipHyphen(i + 2), k2 == .early ? .start : k2 == .late ? .end : .mid)
            }
        case .beginning, .start, .end, .middle, .close:
            if let (next, modifier) = positionPhrase(at: i) { return (next, modifier) }
        default:
            break
        }
        return (i, nil)
    }

    /// "beginning of", "end of", "middle of", "start of", "close of" (after "the").
    private func positionPhrase(at i: Int) -> (Int, TimeExpression.Modifier)? {
        guard let k = key(i), isKey(i + 1, .of) else { return nil }
        switch k {
        case .beginning, .start: return (i + 2, .start)
        case .end, .close: return (i + 2, .end)
        case .middle: return (i + 2, .mid)
        default: return nil
        }
    }

    // MARK: Token helpers

    @inline(__always) func word(_ i: Int) -> TemporalWord? { i >= 0 && i < tokens.count ? tokens[i].word : nil }

    @inline(__always) func key(_ i: Int) -> TemporalKey? {
        if case .key(let k)? = word(i) { return k }
        return nil
    }

    @inline(__always) func isKey(_ i: Int, _ k: TemporalKey) -> Bool { key(i) == k }

    @inline(__always) func isPunctuation(_ i: Int, _ byte: UInt8) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && tokens[i].punctuation == byte
    }

    /// No space between token `i` and the one before it.
    @inline(__always) func isAttached(_ i: Int) -> Bool { i >= 0 && i < tokens.count && !tokens[i].spaceBefore }

    /// The index after an attached hyphen at `i`, or `i`.
    func skipHyphen(_ i: Int) -> Int {
        isPunctuation(i, 0x2D) && isAttached(i) && isAttached(i + 1) ? i + 1 : i
    }

    /// A bare number token (digits only) and its value.
    func plainNumber(_ i: Int) -> (value: Int, digits: Int)? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number, tokens[i].suffix == .none else { return nil }
        return (tokens[i].number, tokens[i].digits)
    }

    /// True when the token is the lower-case or capitalised ASCII word `text`
    /// (false before the first token and past the last: callers look at i - 1).
    func tokenIs(_ i: Int, _ text: StaticString) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
        let token = tokens[i]
        guard token.end - token.start == text.utf8CodeUnitCount else { return false }
        let expected = text.utf8Start
        for n in 0..<text.utf8CodeUnitCount where bytes[token.start + n] | 0x20 != expected[n] { return false }
        return true
    }

    func isCardinalStart(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        if tokens[i].kind == .number { return tokens[i].suffix == .none }
        switch word(i) {
        case .number?, .key(.a)?, .key(.an)?, .key(.few)?, .key(.several)?, .key(.couple)?, .key(.half)?: return true
        default: return false
        }
    }

    func isDecadeStart(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        if isKey(i, .decadeWord) { return true }
        if tokens[i].kind == .number, tokens[i].suffix == .s { return true }
        return isPunctuation(i, 0x27) && i + 1 < tokens.count && tokens[i + 1].suffix == .s
    }

    /// A capitalised word the vocabulary does not know, not at a sentence start:
    /// part of a name ("The Sunday Guardian", "Flight 2010").
    func isNameWord(_ i: Int) -> Bool {
        guard !isStandalone, i >= 0, i < tokens.count else { return false }
        let token = tokens[i]
        return token.kind == .word && token.isCapitalized && token.word == nil && !token.sentenceStart
    }

    /// Whether the words around token `i` (in its sentence) speak of the future:
    /// "will", "'ll", "expected", "scheduled", "plans to", "is to", "set to".
    func isFutureContext(around i: Int) -> Bool {
        var k = i
        var steps = 0
        while k > 0, steps < 12, !tokens[k].sentenceStart {
            k -= 1
            steps += 1
            if isClauseBreak(k) { break }
            if isFutureMarker(k) { return true }
        }
        k = i + 1
        steps = 0
        while k < tokens.count, steps < 4, !tokens[k].sentenceStart, !isClauseBreak(k) {
            if isFutureMarker(k) { return true }
            k += 1
            steps += 1
        }
        return false
    }

    private func isClauseBreak(_ k: Int) -> Bool {
        tokens[k].kind == .punctuation && (tokens[k].punctuation == 0x2C || tokens[k].punctuation == 0x3B)
    }

    /// Words that put a clause in the future: "will", "'ll", "expected",
    /// "scheduled", "might", "could", "soon" ("as soon as Tuesday"), looked
    /// for up to 12 tokens back and 4 ahead in the clause. A plan only when
    /// one is announced ("plans to", "is to", "set to resume"), not the noun
    /// ("announced the plan Aug. 21") or a past one ("as previously
    /// planned"); "expected" not as an adjective ("lower-than-expected").
    /// Not "would" (conditionals and reported past outnumber reported futures).
    /// Not "until": "Until Thursday, they had not ..." is as common as
    /// "postponed until Tuesday".
    private func isFutureMarker(_ k: Int) -> Bool {
        guard let key = key(k) else { return false }
        switch key {
        case .plans, .planned, .intends, .plan:
            // "plans to", "planning for the summit"; not "the plan for".
            return isKey(k + 1, .to) || isKey(k + 1, .for) && (key == .plans || tokenIs(k, "planning"))
        case .expected:
            return !(isPunctuation(k - 1, 0x2D) && isAttached(k))
        case .to:
            // "is to resume", "are to meet", "set to resume"
            return tokenIs(k - 1, "is") || tokenIs(k - 1, "are") || tokenIs(k - 1, "set")
        default:
            return Self.futureMarkers.contains(key)
        }
    }

    static let futureMarkers: Set<TemporalKey> = [.will, .shall, .ll, .expected, .scheduled, .upcoming, .plans, .planned, .intends,
                                                  .might, .could, .soon, .plan]

    /// What the words right before a date say of its tense, which outweighs
    /// the markers elsewhere in the clause.
    enum TenseCue { case past, future, leaningFuture }

    /// The tense the word right before a date (past its modifiers and an
    /// "on" or "in") gives it:
    /// - past after "since" ("since March") and after a verb in the past
    ///   tense ("said Monday", "met on Tuesday", "the year ended Jan. 31"),
    ///   unless a passive or infinitive makes it a plan ("will be held Tuesday");
    /// - future after "effective", "slated", "scheduled", "expected", "due",
    ///   "as early as" and "as soon as";
    /// - leaning to the future after "by", a deadline ("by February"): the
    ///   nearest month, however far ahead, ties going ahead; a weekday as the
    ///   clause says ("had filed reports by Wednesday").
    func tenseCue(before i: Int) -> TenseCue? {
        guard i > 0, i < tokens.count, !tokens[i].sentenceStart else { return nil }
        let sentence = tokens[i].sentence
        var p = i - 1
        var steps = 0
        while p > 0, steps < 3, !tokens[p].sentenceStart {
            if let k = key(p), k == .early || k == .late || k == .mid || k == .the || k == .on || k == .in {
                p -= 1; steps += 1; continue
            }
            if isPunctuation(p, 0x2D), isAttached(p + 1) { p -= 1; steps += 1; continue }
            break
        }
        guard p >= 0, tokens[p].sentence == sentence, tokens[p].kind == .word else { return nil }
        if let k = key(p) {
            switch k {
            case .since: return .past
            case .by: return .leaningFuture
            case .expected, .scheduled, .due: return .future
            default: return nil
            }
        }
        if tokenIs(p, "as"), let k = key(p - 1), k == .early || k == .soon, tokenIs(p - 2, "as") { return .future }
        if tokenIs(p, "effective") || tokenIs(p, "slated") { return .future }
        if isPastTenseVerb(p) {
            // "will be held Tuesday", "to be announced Friday"
            if tokenIs(p - 1, "be") || tokenIs(p - 1, "being") { return nil }
            return .past
        }
        return nil
    }

    /// "said", "met", "ended": a word in the past tense, by its ending or by
    /// name for the commonest irregular verbs of news copy.
    func isPastTenseVerb(_ p: Int) -> Bool {
        guard p >= 0, p < tokens.count, tokens[p].kind == .word else { return false }
        let token = tokens[p]
        let length = token.end - token.start
        if length >= 5, bytes[token.end - 2] | 0x20 == 0x65, bytes[token.end - 1] | 0x20 == 0x64,
           bytes[token.end - 3] | 0x20 != 0x65, !token.isCapitalized {
            return true // -ed, not -eed ("need", "indeed") nor a name ("Ahmed")
        }
        return tokenIs(p, "said") || tokenIs(p, "told") || tokenIs(p, "met") || tokenIs(p, "began") || tokenIs(p, "came")
            || tokenIs(p, "went") || tokenIs(p, "took") || tokenIs(p, "held") || tokenIs(p, "made") || tokenIs(p, "rose")
            || tokenIs(p, "fell") || tokenIs(p, "won") || tokenIs(p, "lost") || tokenIs(p, "sold") || tokenIs(p, "became")
            || tokenIs(p, "left") || tokenIs(p, "was") || tokenIs(p, "were") || tokenIs(p, "gave") || tokenIs(p, "spoke")
            || tokenIs(p, "wrote") || tokenIs(p, "found")
    }

    // MARK: Resolution helpers

    /// A point `amount` units away from a day, at that unit's granularity.
    func shifted(_ unit: TimeExpression.Unit, from day: Int, by amount: Int) -> CalendarPoint {
        let c = CalendarMath.civil(day)
        switch unit {
        case .second, .minute, .hour, .day:
            return .day(day + (unit == .day ? amount : 0))
        case .week:
            return .week(ofDay: day + 7 * amount)
        case .month:
            let m = CalendarMath.addMonths(year: c.year, month: c.month, amount)
            return .month(m.year, m.month)
        case .quarter:
            let index = c.year * 4 + (c.month - 1) / 3 + amount
            let year = index >= 0 ? index / 4 : (index - 3) / 4
            return .quarter(year, index - year * 4 + 1)
        case .year:
            return CalendarPoint(year: c.year + amount, granularity: .year)
        case .decade:
            return CalendarPoint(year: floorDiv(c.year, 10) * 10 + 10 * amount, granularity: .decade)
        case .century:
            return CalendarPoint(year: floorDiv(c.year, 100) * 100 + 100 * amount, granularity: .century)
        case .millennium:
            return CalendarPoint(year: c.year + 1000 * amount, granularity: .year)
        }
    }

    func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }

    /// The weekday nearest the anchor: on or before it, or on or after it when
    /// the sentence speaks of the future (the TimeBank convention); the word
    /// right before it decides first ("said Monday", "as early as Tuesday").
    func resolveWeekday(_ weekday: Int, at i: Int) -> CalendarPoint? {
        guard let anchor = reference.anchorDay else { return nil }
        let anchorWeekday = CalendarMath.weekday(ofDay: anchor)
        // A deadline ("by Wednesday") is as often passed as ahead: the clause decides.
        let cue = tenseCue(before: i)
        if cue == .future || (cue != .past && isFutureContext(around: i)) {
            return .day(anchor + (weekday - anchorWeekday + 7) % 7)
        }
        return .day(anchor - (anchorWeekday - weekday + 7) % 7)
    }

    /// The year of a month named without one. When the text gave a month or
    /// a day with a year in this sentence ("signed on March 3, 2019, and in
    /// May ..."), that year. Otherwise the occurrence of the month nearest the anchor,
    /// ties going to the past, and only the future ones when the sentence
    /// speaks of the future ("will meet in January", said in December), only
    /// past ones after "since" or a past-tense verb ("ended Jan. 31"); see
    /// `tenseCue(before:)`.
    func yearForMonth(_ month: Int, at i: Int) -> Int? {
        let cue = tenseCue(before: i)
        let future = cue == .future || (cue != .past && isFutureContext(around: i))
        let past = cue == .past
        if let year = reference.narrativeYear(at: tokens[i].sentence),
           !(future && year < reference.anchorYear ?? year), !(past && year > reference.anchorYear ?? year) { return year }
        guard let year = reference.anchorYear, let anchorMonth = reference.anchorMonth else { return nil }
        let anchorIndex = year * 12 + anchorMonth - 1
        var best = year
        var bestCost = Double.infinity
        for candidate in (year - 1)...(year + 1) {
            let distance = candidate * 12 + month - 1 - anchorIndex
            if future && distance < 0 { continue }
            if past && distance > 0 { continue }
            // Outside future contexts a month up to three months ahead may
            // still be upcoming ("January", said in December); further ahead
            // it is the past one ("March", said in November). A deadline
            // ("by February") is the nearest either way.
            let cost = Double(abs(distance)) + (cue == .leaningFuture ? (distance < 0 ? 0.5 : 0) : (distance > 0 && !future ? 4.5 : 0))
            if cost < bestCost { (best, bestCost) = (candidate, cost) }
        }
        return best
    }

    /// The literal value of a relative expression that has no anchor to resolve against.
    func unresolved(_ granularity: CalendarPoint.Granularity) -> String {
        switch granularity {
        case .century: return "XX"
        case .decade: return "XXX"
        case .year: return "XXXX"
        case .half: return "XXXX-HX"
        case .quarter: return "XXXX-QX"
        case .season: return "XXXX-XX"
        case .month: return "XXXX-XX"
        case .week, .weekend: return "XXXX-WXX"
        default: return "XXXX-XX-XX"
        }
    }
}

/// A yes-or-no about the whole text that a pattern works out when it first
/// needs it; the pattern functions do not mutate the pass, so it is kept by reference.
final class TextVerdict {
    private var answer: Bool?

    func value(_ compute: () -> Bool) -> Bool {
        if let answer { return answer }
        let computed = compute()
        answer = computed
        return computed
    }
}
