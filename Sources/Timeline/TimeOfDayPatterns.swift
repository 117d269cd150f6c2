import DossierCore
/// Times of day: "02:22:58 IST", "3 p.m. local time", "10:35 a.m.", "3pm",
/// "noon", "midnight", optionally followed by their day ("10 p.m. Wednesday",
/// "5 p.m. EST Nov. 9", "noon tomorrow"). A time with no day takes the
/// anchor's day.
extension TaggingPass {
    struct ClockTime {
        var end: Int
        var granularity: CalendarPoint.Granularity
        var hour: Int
        var minute = 0
        var second = 0
        var partOfDay = "MO"
        var utcOffsetSeconds: Int?
    }

    /// A clock time and the zone after it, without any date.
    func parseClockTime(at i: Int) -> ClockTime? {
        guard i < tokens.count else { return nil }
        let token = tokens[i]
        if case .key(let k)? = token.word {
            switch k {
            case .noon, .midday:
                // "High Noon" is a film.
                if token.isCapitalized, isNameWord(i - 1) { return nil }
                return zone(after: ClockTime(end: i + 1, granularity: .minute, hour: 12))
            case .midnight: return zone(after: ClockTime(end: i + 1, granularity: .minute, hour: 24))
            default: return nil
            }
        }
        guard token.kind == .number, token.digits <= 2 else { return nil }
        var hour = token.number
        var time = ClockTime(end: i + 1, granularity: .hour, hour: hour)
        var k = i + 1
        var hasMinutes = false
        if token.suffix == .none, isPunctuation(k, 0x3A), isAttached(k), isAttached(k + 1), let (minute, digits) = plainNumber(k + 1) ?? amPmNumber(k + 1), digits == 2, minute < 60 {
            time.minute = minute
            time.granularity = .minute
            hasMinutes = true
            k += 2
            if isPunctuation(k, 0x3A), isAttached(k), isAttached(k + 1), let (second, d2) = plainNumber(k + 1) ?? amPmNumber(k + 1), d2 == 2, second < 61 {
                time.second = second
                time.granularity = .second
                k += 2
            }
        }
        // The meridiem: "3pm", "3 p.m.", "3 PM", "10:35 a.m", "3 pm".
        var meridiem: TextToken.Suffix = .none
        let last = tokens[k - 1]
        if last.suffix == .am || last.suffix == .pm {
            meridiem = last.suffix
        } else if let (m, end) = meridiemWord(at: k) {
            meridiem = m
            k = end
        }
        if meridiem != .none {
            guard hour >= 1, hour <= 12 else { return nil }
            if meridiem == .pm && hour < 12 { hour += 12 }
            if meridiem == .am && hour == 12 { hour = 0 }
            if time.granularity == .hour { time.granularity = .minute }
        } else {
            // A bare "3:30" needs the colon and a plausible 24-hour time.
            guard hasMinutes, hour <= 24, token.suffix == .none else { return nil }
            // "John 3:16" and scores "won 3:2" are not times.
            if isNameWord(i - 1) { return nil }
        }
        time.hour = hour
        time.end = k
        // "o'clock"
        if meridiem == .none, !hasMinutes { return nil }
        return zone(after: time)
    }

    private func amPmNumber(_ i: Int) -> (Int, Int)? {
        guard i < tokens.count, tokens[i].kind == .number, tokens[i].suffix == .am || tokens[i].suffix == .pm else { return nil }
        return (tokens[i].number, tokens[i].digits)
    }

    /// "a.m.", "p.m.", "am", "PM", "a.m" at token `i`.
    private func meridiemWord(at i: Int) -> (TextToken.Suffix, Int)? {
        guard i < tokens.count else { return nil }
        if isKey(i, .am) { return (.am, i + 1) }
        if isKey(i, .pm) { return (.pm, i + 1) }
        let isA = isKey(i, .a), isP = tokenIs(i, "p")
        guard isA || isP, isPunctuation(i + 1, 0x2E), isAttached(i + 1), tokenIs(i + 2, "m"), isAttached(i + 2) else { return nil }
        var end = i + 3
        if isPunctuation(end, 0x2E), isAttached(end) { end += 1 }
        return (isA ? .am : .pm, end)
    }

    /// A zone abbreviation ("IST", "EST", "GMT") or "local time" after a time.
    private func zone(after time: ClockTime) -> ClockTime {
        var time = time
        let k = time.end
        guard k < tokens.count else { return time }
        if tokens[k].kind == .word, tokens[k].isAllCaps || tokens[k].end - tokens[k].start == 1,
           let offset = TimeZoneAbbreviations.offsetSeconds(String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[k].start..<tokens[k].end]), as: UTF8.self)) {
            time.utcOffsetSeconds = offset
            time.end = k + 1
            if isPunctuation(k + 1, 0x29) && isPunctuation(k - 1, 0x28) { time.end += 1 }
        } else if isPunctuation(k, 0x28), k + 1 < tokens.count, tokens[k + 1].isAllCaps,
                  let offset = TimeZoneAbbreviations.offsetSeconds(String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[k + 1].start..<tokens[k + 1].end]), as: UTF8.self)),
                  isPunctuation(k + 2, 0x29) {
            time.utcOffsetSeconds = offset
            time.end = k + 3
        } else if isKey(k, .local), isKey(k + 1, .time) {
            time.end = k + 2
        }
        return time
    }

    /// A time of day with its day: given after it ("10 p.m. Wednesday",
    /// "5 p.m. EST, Nov. 9", "noon tomorrow") or taken from the anchor.
    func matchTimeOfDay(at i: Int) -> Candidate? {
        guard let time = parseClockTime(at: i) else { return nil }
        var k = time.end
        var day: CalendarPoint?
        var relative = true
        var dayIndex = k
        if isPunctuation(dayIndex, 0x2C) { dayIndex += 1 }
        if isKey(dayIndex, .on) { dayIndex += 1 }
        if let date = matchDate(at: dayIndex), case .point(let p) = date.content, p.granularity == .day, p.year != nil {
            day = p
            relative = date.isRelative
            k = date.end
        } else if case .weekday(let w)? = word(dayIndex), tokens[dayIndex].isCapitalized, let p = resolveWeekday(w, at: dayIndex) {
            day = p
            k = dayIndex + 1
        } else if let k2 = key(dayIndex), let anchor = reference.anchorDay, [.today, .yesterday, .tomorrow].contains(k2) {
            day = .day(anchor + (k2 == .yesterday ? -1 : k2 == .tomorrow ? 1 : 0))
            k = dayIndex + 1
        }
        // A time alone is on the day the story is at (the anchor's, unless
        // the text has moved to another: "on Friday ... at 10 p.m.").
        if day == nil, let storyDay = reference.storyDay { day = .day(storyDay) }
        var point = day ?? CalendarPoint(year: nil, granularity: .day)
        if day == nil {
            point.month = 0
        }
        point.granularity = time.granularity
        point.hour = time.hour
        point.minute = time.minute
        point.second = time.second
        point.utcOffsetSeconds = time.utcOffsetSeconds
        if point.year == nil {
            var value = "XXXX-XX-XXT" + (point.hour < 10 ? "0" : "") + String(point.hour) + ":" + (point.minute < 10 ? "0" : "") + String(point.minute)
            if time.granularity == .second { value += ":" + (point.second < 10 ? "0" : "") + String(point.second) }
            return Candidate(end: k, type: .time, content: .literal(value), isRelative: true)
        }
        return .point(point, end: k, relative: relative)
    }
}
