import DossierCore
/// Expressions resolved against the anchor or the narrative: "yesterday",
/// "Friday", "last week", "next month", "this summer", "two years ago", "a
/// year earlier", "the next day", "the quarter", and the vague references
/// PAST_REF ("recently", "in the past"), PRESENT_REF ("now", "currently"),
/// FUTURE_REF ("in the future", "the near term").
///
/// A weekday alone is the one nearest the anchor, on or before it, or on or
/// after it when its sentence speaks of the future ("will meet Friday"): the
/// TimeBank convention. A weekday inside a name ("The Sunday Guardian",
/// "Sunday Times") is not a date.
extension TaggingPass {
    func matchRelative(at i: Int) -> Candidate? {
        guard let w = word(i) else { return nil }
        switch w {
        case .weekday(let weekday):
            return weekdayAlone(weekday, at: i)
        case .unit(.year, false):
            // "year-end", "year end", "year's end": the end of the anchor's year.
            var endIndex = isPunctuation(i + 1, 0x2D) && isAttached(i + 1) ? i + 2 : i + 1
            if isPunctuation(i + 1, 0x27), isAttached(i + 1), tokenIs(i + 2, "s"), isAttached(i + 2) { endIndex = i + 3 }
            if isKey(endIndex, .end), !isKey(i - 1, .a), let year = reference.narrativeYear(at: tokens[i].sentence) ?? reference.anchorYear {
                return .point(CalendarPoint(year: year, granularity: .year), end: endIndex + 1, relative: true, modifier: .end)
            }
            // "year-earlier results", "year-ago levels"
            return yearEarlier(at: i)
        case .key(let k):
            return relativeKeyword(k, at: i)
        default:
            return nil
        }
    }

    // MARK: Weekdays

    private func weekdayAlone(_ weekday: Int, at i: Int) -> Candidate? {
        let token = tokens[i]
        guard token.isCapitalized, token.end - token.start >= 6 else { return nil }
        // "Sunday Times", "Sunday Mass": a name follows. A name before it is
        // the sentence's subject ("President Clinton Saturday vowed").
        if isNameWord(i + 1) { return nil }
        // "The Sunday Guardian", "Sunday Times": a capitalised "The" before it
        // in mid-sentence means a title.
        if i > 0, isKey(i - 1, .the), tokens[i - 1].isCapitalized, !tokens[i - 1].sentenceStart { return nil }
        if i > 0, isKey(i - 1, .the), i + 1 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 1].isCapitalized { return nil }
        if isPossessive(i), isAhead(of: i), let anchor = reference.anchorDay, !isPastNarrative(around: i) {
            // "ahead of Monday's caucus", "the upcoming Monday's vote": the coming
            // one (or today) when nothing in the sentence is past. (A possessive
            // weekday in a present-tense sentence alone is as often past:
            // "Friday's plunge is the worst since 1987", TimeBank value F1 fell
            // 0.2 when those were read as coming; so is one after "before":
            // "its share before Friday's purchases is far below".)
            return withPartOfDay(.day(anchor + (weekday - CalendarMath.weekday(ofDay: anchor) + 7) % 7), at: i + 1)
        }
        guard let day = resolveWeekday(weekday, at: i) else {
            return Candidate(end: i + 1, type: .date, content: .literal("XXXX-WXX-\(weekday)"), isRelative: true)
        }
        return withPartOfDay(day, at: i + 1)
    }

    /// "ahead of", "upcoming", "in advance of" just before token `i`.
    private func isAhead(of i: Int) -> Bool {
        tokenIs(i - 1, "upcoming") || tokenIs(i - 1, "of") && (tokenIs(i - 2, "ahead") || tokenIs(i - 2, "advance"))
            || isKey(i - 1, .the) && tokenIs(i - 2, "of") && tokenIs(i - 3, "ahead")
    }

    /// "Monday's" (straight or curly apostrophe, then "s").
    private func isPossessive(_ i: Int) -> Bool {
        let end = tokens[i].end
        if end + 1 < bytes.count, bytes[end] == 0x27, bytes[end + 1] | 0x20 == 0x73 { return true }
        return end + 3 < bytes.count && bytes[end] == 0xE2 && bytes[end + 1] == 0x80 && bytes[end + 2] == 0x99 && bytes[end + 3] | 0x20 == 0x73
    }

    /// Whether the sentence of token `i` tells of the past: a verb in the past
    /// tense in it (within `sentenceWindow` tokens either side, which keeps a
    /// long run of possessive weekdays linear), or "after", "since" or "last"
    /// just before.
    private func isPastNarrative(around i: Int) -> Bool {
        if tokenIs(i - 1, "after") || tokenIs(i - 1, "since") || isKey(i - 1, .last) { return true }
        let sentence = tokens[i].sentence
        var k = i
        while k > 0, i - k < Self.sentenceWindow, tokens[k - 1].sentence == sentence { k -= 1 }
        while k < tokens.count, k - i <= Self.sentenceWindow, tokens[k].sentence == sentence {
            if k != i, isPastTenseVerb(k) { return true }
            k += 1
        }
        return false
    }

    /// "Friday morning", "yesterday afternoon", "Wednesday night": a TIME with
    /// a part of the day.
    func withPartOfDay(_ day: CalendarPoint, at k: Int, relative: Bool = true) -> Candidate {
        if case .partOfDay(let code)? = word(k) {
            var point = day
            point.granularity = .partOfDay
            point.partOfDay = code.rawValue
            return .point(point, end: k + 1, relative: relative)
        }
        return .point(day, end: k, relative: relative)
    }

    // MARK: Keywords

    private func relativeKeyword(_ k: TemporalKey, at i: Int) -> Candidate? {
        let anchor = reference.anchorDay
        switch k {
        case .today, .yesterday, .tomorrow:
            // "today's" is still today; "Today" as a show name is rare enough.
            guard let anchor else { return Candidate(end: i + 1, type: .date, content: .literal("XXXX-XX-XX"), isRelative: true) }
            let day = anchor + (k == .yesterday ? -1 : k == .tomorrow ? 1 : 0)
            return withPartOfDay(.day(day), at: i + 1)
        case .tonight:
            guard let anchor else { return Candidate(end: i + 1, type: .time, content: .literal("XXXX-XX-XXTNI"), isRelative: true) }
            var point = CalendarPoint.day(anchor)
            point.granularity = .partOfDay
            point.partOfDay = "NI"
            return .point(point, end: i + 1, relative: true)
        case .overnight:
            // "overnight" as an adverb: the night before the anchor ("struck overnight").
            guard let anchor, !(i + 1 < tokens.count && tokens[i + 1].word == nil && tokens[i + 1].kind == .word) else { return nil }
            var point = CalendarPoint.day(anchor - 1)
            point.granularity = .partOfDay
            point.partOfDay = "NI"
            return .point(point, end: i + 1, relative: true)
        case .now:
            // "now" as a discourse marker after a comma ("Now, ...") is still PRESENT_REF in TimeBank.
            return vague("PRESENT_REF", end: i + 1)
        case .currently, .nowadays, .presently:
            return vague("PRESENT_REF", end: i + 1)
        case .current:
            // "current" before a unit is "this" ("the current quarter").
            if let unitCandidate = unitRelative(at: i, direction: .this, start: i) { return unitCandidate }
            return vague("PRESENT_REF", end: i + 1)
        case .recently, .lately, .formerly:
            return vague("PAST_REF", end: i + 1)
        case .recent:
            // "recent" as an adjective of something else ("recent talks") is
            // left alone: TimeBank tags it as often as not.
            return vagueSpan(at: i + 1, direction: .past)
        case .soon:
            // "will soon" is FUTURE_REF; "as soon as Tuesday" leaves it to "Tuesday".
            if isKey(i - 1, .so) || tokenIs(i - 1, "as") && !tokenIs(i + 2, "possible") { return nil }
            // "soon after the attack", "was soon released", "soon became a
            // flood": soon after a past event, not the future.
            if isKey(i + 1, .after) || tokenIs(i + 1, "afterward") || tokenIs(i + 1, "afterwards") || tokenIs(i + 1, "thereafter")
                || tokenIs(i - 1, "was") || tokenIs(i - 1, "were") || isPastTenseVerb(i + 1) { return nil }
            return vague("FUTURE_REF", end: i + 1)
        case .future:
            // "in future", not "future cooperation"
            if isKey(i - 1, .in) { return vague("FUTURE_REF", end: i + 1) }
            return nil
        case .present:
            // "at present"
            if isKey(i - 1, .at) { return vague("PRESENT_REF", end: i + 1) }
            return nil
        case .near:
            // "near-term", "near term"
            let t = skipHyphen(i + 1)
            if isKey(t, .term) { return vague("FUTURE_REF", end: t + 1) }
            if isKey(i + 1, .future) { return vague("FUTURE_REF", end: i + 2) }
            return nil
        case .the:
            return theRelative(at: i)
        case .this, .last, .next, .past, .coming, .previous, .following, .latest:
            return unitRelative(at: i, direction: k, start: i)
        case .a, .an:
            // "a year earlier", "a week ago": handled by durations with a suffix.
            return nil
        case .that:
            // "that year", "that day", "that quarter": the story's year, day or quarter.
            switch word(i + 1) {
            case .unit(.year, false)?:
                guard let year = reference.narrativeYear ?? reference.anchorYear else { return nil }
                return .point(CalendarPoint(year: year, granularity: .year), end: i + 2, relative: true)
            case .unit(.day, false)?:
                guard let day = reference.storyDay else { return nil }
                return .point(.day(day), end: i + 2, relative: true)
            case .unit(.quarter, false)?:
                // "Results for that quarter": the quarter the story named.
                guard let quarter = reference.narrativeQuarter else { return nil }
                return .point(quarter, end: i + 2, relative: true)
            default:
                return nil
            }
        case .these:
            // "these days"
            if case .unit(.day, true)? = word(i + 1) { return vague("PRESENT_REF", end: i + 2) }
            return nil
        default:
            return nil
        }
    }

    private func vague(_ value: String, end: Int) -> Candidate {
        Candidate(end: end, type: .date, content: .literal(value), isRelative: true)
    }

    /// Expressions starting with "the": "the past", "the future", "the near
    /// term", "the past few months", "the next day", "the quarter", "the
    /// year-earlier quarter", "the morning", "the weekend", "the year".
    private func theRelative(at i: Int) -> Candidate? {
        let k = i + 1
        guard let w = word(k) else { return nil }
        switch w {
        case .key(.past):
            if let c = unitRelative(at: k, direction: .past, start: i) { return c }
            // "in the past" is PAST_REF; "the past" before a noun it modifies is rare.
            return vague("PAST_REF", end: k + 1)
        case .key(.future):
            return vague("FUTURE_REF", end: k + 1)
        case .key(.present):
            return vague("PRESENT_REF", end: k + 1)
        case .key(.near), .key(.short):
            if isKey(k + 1, .term) || isKey(k + 1, .future) { return vague("FUTURE_REF", end: k + 2) }
            return nil
        case .key(.long):
            return nil
        case .unit(_, true) where isKey(k + 1, .ahead):
            // "the weeks ahead", "the months ahead"
            return vagueSpan(at: k, direction: .future).map { var c = $0; c.end = k + 2; return c }
        case .key(.full), .key(.whole), .key(.entire):
            // "the full year": the year the figures are for.
            guard case .unit(.year, false)? = word(k + 1), let year = reference.narrativeYear(at: tokens[i].sentence) ?? reference.anchorYear else { return nil }
            return .point(CalendarPoint(year: year, granularity: .year), end: k + 2, relative: true)
        case .key(.fiscal):
            // "the fiscal year": twelve months of accounts.
            guard case .unit(.year, false)? = word(k + 1) else { return nil }
            return Candidate(end: k + 2, type: .duration, content: .duration(.init(amount: 1, unit: .year), direction: .none, assumedAmount: nil))
        case .key(let key) where [.last, .next, .coming, .previous, .following, .latest, .current, .same].contains(key):
            return unitRelative(at: k, direction: key, start: i)
        case .unit(.year, false):
            // "the year-earlier quarter", "the year-ago period"
            if let c = yearEarlier(at: k) { return c }
            // "the year ended Sept. 30": twelve months of accounts; otherwise
            // "for the year" is the year the story is in (TimeBank's reading).
            if tokenIs(k + 1, "ended") || tokenIs(k + 1, "ending") || tokenIs(k + 1, "to") {
                return Candidate(end: k + 1, type: .duration, content: .duration(.init(amount: 1, unit: .year), direction: .none, assumedAmount: nil))
            }
            guard let year = reference.narrativeYear(at: tokens[i].sentence) ?? reference.anchorYear else { return nil }
            return .point(CalendarPoint(year: year, granularity: .year), end: k + 1, relative: true)
        case .unit(.quarter, false):
            // "the quarter": the quarter the story is about, else the last complete one;
            // in a game's report a period of play ("to close the quarter").
            if isAboutAGame() { return nil }
            if let q = reference.narrativeQuarter { return .point(q, end: k + 1, relative: true) }
            guard let anchor = reference.anchorDay else { return nil }
            return .point(shifted(.quarter, from: anchor, by: -1), end: k + 1, relative: true)
        case .unit(.day, false):
            // "the day before", "the day after"
            if let storyDay = reference.storyDay, isKey(k + 1, .before) || isKey(k + 1, .after) {
                let sign = isKey(k + 1, .before) ? -1 : 1
                // "the day before yesterday"
                if let anchor = reference.anchorDay, isKey(k + 2, .yesterday) || isKey(k + 2, .tomorrow) {
                    return .point(.day(anchor + (isKey(k + 2, .yesterday) ? -2 : 2)), end: k + 3, relative: true)
                }
                // "Oct. 12, the day before the market plunge": in apposition
                // to a date, the day is that date, described by the event
                // that follows ("the day after his death" counts from the story's day).
                if isPunctuation(i - 1, 0x2C), k + 2 < tokens.count, tokens[k + 2].kind == .word || tokens[k + 2].kind == .number,
                   !tokens[k + 2].sentenceStart {
                    return .point(.day(storyDay), end: k + 1, relative: true)
                }
                return .point(.day(storyDay + sign), end: k + 2, relative: true)
            }
            return nil
        case .partOfDay(let code):
            guard let day = reference.storyDay, code != .NI else { return nil }
            var point = CalendarPoint.day(day)
            point.granularity = .partOfDay
            point.partOfDay = code.rawValue
            return .point(point, end: k + 1, relative: true)
        case .weekend(false):
            guard let anchor = reference.anchorDay else { return nil }
            let weekday = CalendarMath.weekday(ofDay: anchor)
            var point = CalendarPoint.week(ofDay: isFutureContext(around: k) || weekday >= 6 ? anchor : anchor - 7)
            point.granularity = .weekend
            return .point(point, end: k + 1, relative: true)
        default:
            return nil
        }
    }

    /// "year-earlier", "year-ago" (+ "quarter"/"period"/"nine months"): the
    /// narrative quarter a year before (the financial-report convention).
    private func yearEarlier(at k: Int) -> Candidate? {
        guard isPunctuation(k + 1, 0x2D), isAttached(k + 1), isKey(k + 2, .earlier) || isKey(k + 2, .ago) else { return nil }
        var end = k + 3
        if case .ordinal? = word(end), case .unit(.quarter, false)? = word(end + 1) { end += 2 }
        else if case .unit(.quarter, false)? = word(end) { end += 1 }
        else if isKey(end, .period) { end += 1 }
        if var q = reference.narrativeQuarter {
            q.year = q.year.map { $0 - 1 }
            return .point(q, end: end, relative: true)
        }
        guard let year = reference.narrativeYear ?? reference.anchorYear else { return nil }
        return .point(CalendarPoint(year: year - 1, granularity: .year), end: end, relative: true)
    }

    /// "this week", "last year", "next month", "last Friday", "this summer",
    /// "the past few months", "the next two years", "the following day",
    /// "recent years", "the coming weeks".
    func unitRelative(at i: Int, direction: TemporalKey, start: Int) -> Candidate? {
        var k = i + 1
        var direction = direction
        // "this past spring", "this coming Sunday"
        if direction == .this, isKey(k, .past) || isKey(k, .coming) {
            direction = isKey(k, .past) ? .last : .next
            k += 1
        }
        let hasThe = start < i
        // An amount: "the past two months", "the next few weeks", "the last 15 years".
        if [.past, .last, .next, .coming, .previous, .following].contains(direction), let amount = amount(at: k) {
            guard case .unit(let unit, _)? = word(amount.end) else { return nil }
            let value = TimeExpression.Duration(amount: amount.value, unit: unit, isApproximate: amount.value == nil)
            let dir: Candidate.Direction = [.past, .last, .previous].contains(direction) ? .past : .future
            return Candidate(end: amount.end + 1, type: .duration, content: .duration(value, direction: hasThe || direction == .past || direction == .next || direction == .last ? dir : .none, assumedAmount: amount.assumed), isRelative: true)
        }
        guard let w = word(k) else { return nil }
        switch w {
        case .unit(let unit, let plural):
            // "This Week", "Next Year" in mid-sentence capitals: a title.
            if tokens[k].isCapitalized, !tokens[k].sentenceStart { return nil }
            if plural {
                // "the coming weeks", "the past years", "recent months"
                guard [.past, .coming, .last, .next].contains(direction) else { return nil }
                return vagueSpan(at: k, direction: direction == .past || direction == .last ? .past : .future)
            }
            return singleUnit(unit, direction: direction, hasThe: hasThe, end: k + 1, at: i)
        case .weekday(let weekday):
            guard tokens[k].isCapitalized, let storyDay = (direction == .previous || direction == .following) ? reference.storyDay : reference.anchorDay else { return nil }
            let today = CalendarMath.weekday(ofDay: storyDay)
            let day: Int
            switch direction {
            case .last, .previous, .past: day = storyDay - ((today - weekday + 6) % 7 + 1)
            case .next, .following, .coming: day = storyDay + ((weekday - today + 6) % 7 + 1)
            case .this: day = storyDay + (weekday - today)
            default: return nil
            }
            return withPartOfDay(.day(day), at: k + 1)
        case .season(let s, false):
            guard let anchor = reference.anchorDay else { return nil }
            let c = CalendarMath.civil(anchor)
            let current = ((c.month + 9) % 12) / 3 // 0 spring (Mar-May) ... 3 winter (Dec-Feb)
            var year = c.year
            switch direction {
            case .last, .past, .previous: if s >= current { year -= 1 }
            case .next, .coming, .following: if s <= current { year += 1 }
            case .this: break
            default: return nil
            }
            var point = CalendarPoint(year: year, granularity: .season)
            point.season = s
            return .point(point, end: k + 1, relative: true)
        case .partOfDay(let code):
            // "this morning", "last night"
            guard let anchor = reference.anchorDay else { return nil }
            var point: CalendarPoint
            switch direction {
            case .this where !tokens[k].isCapitalized || tokens[i].sentenceStart: point = .day(anchor)
            case .last where code == .NI: point = .day(anchor - 1)
            default: return nil
            }
            point.granularity = .partOfDay
            point.partOfDay = code.rawValue
            return .point(point, end: k + 1, relative: true)
        case .weekend(false):
            guard let anchor = reference.anchorDay else { return nil }
            let shift = direction == .last || direction == .past ? -7 : direction == .next || direction == .coming ? 7 : 0
            var point = CalendarPoint.week(ofDay: anchor + shift)
            point.granularity = .weekend
            return .point(point, end: k + 1, relative: true)
        case .month(let month):
            // "last May", "next January", "this March"; but "This March 28, 2017"
            // is the date that follows.
            if direction == .this, dayNumber(at: k + 1) != nil { return nil }
            guard tokens[k].isCapitalized, let anchorYear = reference.anchorYear, let anchorMonth = reference.anchorMonth else { return nil }
            var year = anchorYear
            switch direction {
            case .last, .past, .previous: if month >= anchorMonth { year -= 1 }
            case .next, .coming, .following: if month <= anchorMonth { year += 1 }
            case .this: break
            default: return nil
            }
            return .point(.month(year, month), end: k + 1, relative: true)
        case .key(.period) where direction == .latest:
            // "the latest period": the last reported quarter, in financial news.
            return singleUnit(.quarter, direction: .latest, hasThe: hasThe, end: k + 1, at: i)
        case .key(.fiscal):
            // "last fiscal year", "the current fiscal year"
            guard case .unit(.year, false)? = word(k + 1) else { return nil }
            return singleUnit(.year, direction: direction, hasThe: false, end: k + 2, at: i)
        default:
            return nil
        }
    }

    /// "last week", "this year", "next month", "the next day", "the past year",
    /// "the previous quarter", "the latest quarter".
    private func singleUnit(_ unit: TimeExpression.Unit, direction: TemporalKey, hasThe: Bool, end: Int, at i: Int) -> Candidate? {
        // "at the last minute", "the last second": an idiom for "late", no time.
        if direction == .last, unit == .minute || unit == .second, hasThe || i > 0 && (isKey(i - 1, .the) || isKey(i - 1, .a)) { return nil }
        // "the past year", "the last decade": a length of time ending now (TimeBank: P1Y).
        if hasThe, direction == .past || (direction == .last && unit != .quarter && unit != .day) {
            return Candidate(end: end, type: .duration, content: .duration(.init(amount: 1, unit: unit), direction: .past, assumedAmount: nil), isRelative: true)
        }
        if direction == .past {
            return Candidate(end: end, type: .duration, content: .duration(.init(amount: 1, unit: unit), direction: .past, assumedAmount: nil), isRelative: true)
        }
        if direction == .latest {
            // "the latest quarter": the last one reported, the one before the anchor's.
            guard unit == .quarter else { return nil }
            guard let anchor = reference.anchorDay else { return nil }
            return .point(shifted(.quarter, from: anchor, by: -1), end: end, relative: true)
        }
        // "the next day", "the following week", "the previous year": from the story's date.
        let fromStory = hasThe && [.next, .following, .previous].contains(direction) && unit == .day
            || [.following, .previous].contains(direction)
        guard let base = fromStory ? reference.storyDay : reference.anchorDay else {
            return Candidate(end: end, type: .date, content: .literal(unresolved(granularity(of: unit))), isRelative: true)
        }
        let step: Int
        switch direction {
        case .this, .current, .same: step = 0
        case .last, .previous: step = -1
        case .next, .following, .coming: step = 1
        default: return nil
        }
        return .point(shifted(unit, from: base, by: step), end: end, relative: true)
    }

    func granularity(of unit: TimeExpression.Unit) -> CalendarPoint.Granularity {
        switch unit {
        case .second: return .second
        case .minute: return .minute
        case .hour: return .hour
        case .day: return .day
        case .week: return .week
        case .month: return .month
        case .quarter: return .quarter
        case .year, .millennium: return .year
        case .decade: return .decade
        case .century: return .century
        }
    }

    /// A plural unit with no amount after "recent", "the past", "the coming":
    /// an unspecified number of units (PXM) ending or starting at the anchor.
    /// The interval assumes three units, as "a few" is read.
    func vagueSpan(at k: Int, direction: Candidate.Direction) -> Candidate? {
        guard case .unit(let unit, true)? = word(k) else { return nil }
        return Candidate(end: k + 1, type: .duration,
                         content: .duration(.init(amount: nil, unit: unit, isApproximate: true), direction: direction, assumedAmount: 3),
                         isRelative: true)
    }
}
