import DossierCore
/// Lengths of time: "15 years", "nearly 15 years", "two weeks", "a few
/// months", "several days" (PXD), "decades" (PXDE), "three-day", "the nine
/// months", and the dates they point to with "ago", "earlier" or "later"
/// ("two years ago", "a year earlier").
///
/// Not durations: ages ("15 years old", "a 15-year-old"); bare plural units
/// ("years", "decades") only after a preposition that makes them a stretch
/// of time ("for years", "in decades", "over the years").
extension TaggingPass {
    struct Amount {
        /// Nil when the text gives no number ("a few", "several").
        var value: Double?
        var end: Int
        /// The number the interval assumes when the text gives none.
        var assumed: Double?
    }

    /// A number of units: "15", "fifteen", "twenty-four", "twenty four", "a",
    /// "a few", "several", "a couple of", "a dozen", "one and a half", "half a".
    func amount(at i: Int) -> Amount? {
        guard i < tokens.count else { return nil }
        let token = tokens[i]
        if token.kind == .number {
            guard token.suffix == .none else { return nil }
            var value = Double(token.number)
            var end = i + 1
            // "2,000", "1.5"
            if isPunctuation(end, 0x2C), isAttached(end), isAttached(end + 1), let (v, digits) = plainNumber(end + 1), digits == 3 {
                value = value * 1000 + Double(v)
                end += 2
            } else if isPunctuation(end, 0x2E), isAttached(end), isAttached(end + 1), let (v, digits) = plainNumber(end + 1) {
                value += Double(v) / pow10(digits)
                end += 2
            }
            // "2 1/2"
            if let (numerator, _) = plainNumber(end), !isAttached(end), isPunctuation(end + 1, 0x2F), isAttached(end + 1),
               isAttached(end + 2), let (denominator, _) = plainNumber(end + 2), denominator > numerator, denominator > 0 {
                value += Double(numerator) / Double(denominator)
                end += 3
            }
            return withHalf(Amount(value: value, end: end, assumed: nil))
        }
        guard let w = token.word else { return nil }
        switch w {
        case .number(let n):
            var value = n
            var end = i + 1
            if NumberWords.isTens(n) {
                // "twenty-four", "twenty four"
                let next = skipHyphen(end)
                if case .number(let unit)? = word(next), unit >= 1, unit <= 9 {
                    value += unit
                    end = next + 1
                }
            }
            if case .number(let scale)? = word(end), scale == 100 || scale == 1000 {
                value *= scale
                end += 1
            }
            return withHalf(Amount(value: Double(value), end: end, assumed: nil))
        case .key(.a), .key(.an):
            switch word(i + 1) {
            case .key(.few)?: return Amount(value: nil, end: i + 2, assumed: 3)
            case .key(.couple)?: return Amount(value: 2, end: isKey(i + 2, .of) ? i + 3 : i + 2, assumed: nil)
            case .number(12)? where tokenIs(i + 1, "dozen"): return Amount(value: 12, end: i + 2, assumed: nil)
            case .number(100)?, .number(1000)?:
                if case .number(let n)? = word(i + 1) { return Amount(value: Double(n), end: i + 2, assumed: nil) }
                return nil
            default: return Amount(value: 1, end: i + 1, assumed: nil)
            }
        case .key(.few), .key(.several):
            return Amount(value: nil, end: i + 1, assumed: 3)
        case .key(.many):
            return Amount(value: nil, end: i + 1, assumed: nil)
        case .key(.couple):
            return Amount(value: 2, end: isKey(i + 1, .of) ? i + 2 : i + 1, assumed: nil)
        case .key(.half):
            if isKey(i + 1, .a) || isKey(i + 1, .an) { return Amount(value: 0.5, end: i + 2, assumed: nil) }
            return nil
        default:
            return nil
        }
    }

    private func pow10(_ n: Int) -> Double {
        var v = 1.0
        for _ in 0..<n { v *= 10 }
        return v
    }

    /// "one and a half": adds the half.
    private func withHalf(_ amount: Amount) -> Amount {
        guard let value = amount.value, isKey(amount.end, .and), isKey(amount.end + 1, .a), isKey(amount.end + 2, .half) else { return amount }
        return Amount(value: value + 0.5, end: amount.end + 3, assumed: nil)
    }

    /// The unit at `k` after an amount; "second" is an ordinal word elsewhere.
    private func unitAfterAmount(at k: Int) -> (unit: TimeExpression.Unit, plural: Bool)? {
        switch word(k) {
        case .unit(let unit, let plural)?: return (unit, plural)
        case .ordinal(2)? where tokenIs(k, "second") && !isKey(k - 1, .a): return (.second, false) // not "a second bomb"
        case .weekend(let plural)?: return (.day, plural) // "the weekend" as two days is rare; counted as days
        default: return nil
        }
    }

    func matchDuration(at i: Int) -> Candidate? {
        guard i < tokens.count else { return nil }
        // "the nine months", "the first nine months", "the two years"
        if isKey(i, .the) {
            var k = i + 1
            if case .ordinal(let n)? = word(k), n <= 2 || tokenIs(k, "first") { k += 1 }
            if isKey(k, .past) || isKey(k, .last) || isKey(k, .next) { return nil }
            guard let amount = amount(at: k), amount.value != nil, !isKey(k, .a), !isKey(k, .an) else { return bareUnits(at: i) }
            guard let (unit, plural) = unitAfterAmount(at: amount.end), plural || amount.value == 1 else { return nil }
            if isKey(amount.end + 1, .old) { return nil }
            let duration = TimeExpression.Duration(amount: amount.value, unit: unit)
            return Candidate(end: amount.end + 1, type: .duration, content: .duration(duration, direction: .none, assumedAmount: nil))
        }
        if let bare = bareUnits(at: i) { return bare }
        guard let amount = amount(at: i) else { return nil }
        var k = amount.end
        // "three-day", "15-year" (adjectives), but not "15-year-old"
        var isCompound = false
        if isPunctuation(k, 0x2D), isAttached(k), isAttached(k + 1), amount.value != nil {
            k += 1
            isCompound = true
        }
        // "20 more years", "eight trading days", "30 calendar days"
        if !isCompound, isKey(k, .more) || isKey(k, .trading) || isKey(k, .business) || isKey(k, .calendar) || isKey(k, .full) { k += 1 }
        guard let (unit, plural) = unitAfterAmount(at: k) else { return nil }
        // "a year-earlier loss": the adjective is the expression, not "a year".
        if isPunctuation(k + 1, 0x2D), isAttached(k + 1), isKey(k + 2, .earlier) || isKey(k + 2, .ago) { return nil }
        // "60 Minutes" (a programme), "Two Weeks Notice": a title, not a duration.
        if tokens[k].isCapitalized, !tokens[k].sentenceStart, !tokens[i].isCapitalized || !tokens[i].sentenceStart { return nil }
        if isCompound {
            guard !plural else { return nil }
            if isPunctuation(k + 1, 0x2D), isKey(k + 2, .old) { return nil }
            if isKey(k + 1, .old) { return nil }
        } else {
            if (isKey(i, .a) || isKey(i, .an)) && plural && amount.value == 1 { return nil }
            if amount.value == 1, plural, !tokens[i].isCapitalized, tokens[i].kind == .number { /* "1 years" tolerated */ }
            if amount.value.map({ $0 != 1 }) ?? false, !plural, tokens[i].kind == .number { return nil } // "15 year" is not "15 years"
            if isKey(k + 1, .old) { return nil }
        }
        var end = k + 1
        var value = amount.value
        // "a minute and a half", "an hour and a half"
        if let v = value, isKey(end, .and), isKey(end + 1, .a), isKey(end + 2, .half) {
            value = v + 0.5
            end += 3
        }
        let approximate = value == nil
        let duration = TimeExpression.Duration(amount: value, unit: unit, isApproximate: approximate)
        if !isCompound, let pointed = pointedDate(duration: duration, suffixAt: end, start: i) { return pointed }
        // "a year" after an amount of something is a rate: "$5 million a year".
        if (isKey(i, .a) || isKey(i, .an)), !plural, isRateContext(before: i) {
            return Candidate(end: end, type: .set, content: .set(periodValue(unit, amount: 1), .init(amount: 1, unit: unit)))
        }
        return Candidate(end: end, type: .duration, content: .duration(duration, direction: .none, assumedAmount: amount.assumed))
    }

    /// "years", "decades", "months" alone after "for", "in", "over", "after",
    /// "within": an unspecified number of units ("for years" is PXY). "over
    /// the years" keeps "the" in the span.
    private func bareUnits(at i: Int) -> Candidate? {
        var k = i
        if isKey(k, .the) { k += 1 }
        guard case .unit(let unit, true)? = word(k), unit != .second else { return nil }
        // "months ago": an unsaid number of units back.
        if k == i, isKey(k + 1, .ago) {
            return Candidate(end: k + 2, type: .duration, content: .duration(.init(amount: nil, unit: unit, isApproximate: true), direction: .past, assumedAmount: nil), isRelative: true)
        }
        let previous = key(i - 1)
        guard let previous, [.for, .in, .over, .after, .within, .throughout, .than].contains(previous) else { return nil }
        if k > i, previous != .over && previous != .throughout { return nil }
        if isKey(k + 1, .old) || isKey(k + 1, .ago) || isKey(k + 1, .of) && k == i && previous == .in { return nil }
        return Candidate(end: k + 1, type: .duration, content: .duration(.init(amount: nil, unit: unit, isApproximate: true), direction: .none, assumedAmount: nil))
    }

    /// True when "a year" follows an amount of something: "$5 million a year",
    /// "twice a day", "three times a week".
    private func isRateContext(before i: Int) -> Bool {
        guard i > 0 else { return false }
        if tokens[i - 1].kind == .number { return true }
        if let k = key(i - 1), k == .once || k == .twice || k == .times { return true }
        return WordKey(bytes, tokens[i - 1].start, tokens[i - 1].end).map(Self.rateNouns.contains) == true
    }
    static let rateNouns: Set<WordKey> = Set(["million", "billion", "trillion", "percent", "cents", "dollars", "barrels", "tons", "tonnes", "units", "visitors"].map(WordKey.init))

    /// "two years ago", "a year earlier", "three days later", "two weeks from now".
    private func pointedDate(duration: TimeExpression.Duration, suffixAt k: Int, start: Int) -> Candidate? {
        let isAgo = isKey(k, .ago)
        let isEarlier = isKey(k, .earlier) || isKey(k, .before) && k + 1 < tokens.count && tokens[k + 1].kind == .punctuation
        let isLater = isKey(k, .later) || isKey(k, .hence) || isKey(k, .from) && isKey(k + 1, .now)
        guard isAgo || isEarlier || isLater else { return nil }
        let end = isKey(k, .from) ? k + 2 : k + 1
        guard let amount = duration.amount, amount == amount.rounded() else {
            // "years ago", "a few months ago": the distance is not said.
            return Candidate(end: end, type: .duration, content: .duration(duration, direction: isLater ? .future : .past, assumedAmount: nil), isRelative: true)
        }
        let n = Int(amount) * (isLater ? 1 : -1)
        // Financial reports: "a year ago" / "a year earlier" beside a quarter means that quarter a year before.
        if duration.unit == .year, !isLater, var quarter = reference.narrativeQuarter, let year = quarter.year {
            quarter.year = year + n
            return .point(quarter, end: end, relative: true)
        }
        // "In May 2019 ... two months later": from the story's month, at month precision.
        if !isAgo, let month = reference.narrativeMonthStart, [.month, .quarter, .year].contains(duration.unit) {
            return .point(shifted(duration.unit == .quarter ? .month : duration.unit, from: month,
                                  by: duration.unit == .quarter ? 3 * n : n), end: end, relative: true)
        }
        guard let base = isAgo ? reference.anchorDay : reference.storyDay else {
            return Candidate(end: end, type: .date, content: .literal(unresolved(granularity(of: duration.unit))), isRelative: true)
        }
        let point: CalendarPoint
        switch duration.unit {
        case .second, .minute, .hour: point = .day(base)
        case .day: point = .day(base + n)
        case .week: point = .day(base + 7 * n)
        case .decade: point = shifted(.year, from: base, by: 10 * n)
        case .century: point = shifted(.year, from: base, by: 100 * n)
        default: point = shifted(duration.unit, from: base, by: n)
        }
        return .point(point, end: end, relative: true)
    }

    /// The TIMEX3 value of a period of `amount` units ("P1Y", "PT1H", "P1W").
    func periodValue(_ unit: TimeExpression.Unit, amount: Double) -> String {
        TemporalTagger.durationValue(.init(amount: amount, unit: unit))
    }
}
