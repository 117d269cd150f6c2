/// Named days with a fixed rule: "Christmas", "New Year's Day", "Thanksgiving
/// Day", "Easter", "Black Friday" and "Cyber Monday" (after Thanksgiving);
/// "Black Monday" is the crash of 1987. Lunar holidays (Eid, Diwali) move with sightings and local
/// calendars, so they are not resolved to a date.
extension TaggingPass {
    /// A holiday at `i`: in the year the sentence gave, else the occurrence
    /// nearest the anchor (a past one unless the sentence speaks of the
    /// future or the coming one is under two months away); "last Christmas"
    /// and "next Easter" step from the anchor.
    func matchHoliday(at i: Int) -> Candidate? {
        if let k = key(i), k == .last || k == .next || k == .this {
            guard let h = key(i + 1), h == .holiday || h == .new else { return nil }
            return matchHoliday(at: i + 1)
        }
        guard i < tokens.count, tokens[i].kind == .word, tokens[i].isCapitalized else { return nil }
        var end = i + 1
        let rule: (Int) -> Int?
        if tokenIs(i, "christmas") {
            if tokenIs(end, "eve") {
                end += 1
                rule = { CalendarMath.dayNumber(year: $0, month: 12, day: 24) }
            } else {
                if tokenIs(end, "day") { end += 1 }
                rule = { CalendarMath.dayNumber(year: $0, month: 12, day: 25) }
            }
        } else if tokenIs(i, "thanksgiving") {
            if tokenIs(end, "day") { end += 1 }
            rule = Self.thanksgiving
        } else if tokenIs(i, "black"), tokenIs(i + 1, "monday") {
            // The crash of 19 October 1987: a day in history, not last Monday.
            return .point(.day(CalendarMath.dayNumber(year: 1987, month: 10, day: 19)), end: i + 2)
        } else if tokenIs(i, "black") && tokenIs(i + 1, "friday") || tokenIs(i, "cyber") && tokenIs(i + 1, "monday") {
            // The shopping days after Thanksgiving (US): the Friday, and the Monday after.
            end = i + 2
            let shift = tokenIs(i, "black") ? 1 : 4
            rule = { year in Self.thanksgiving(year) + shift }
        } else if tokenIs(i, "easter"), tokenIs(end, "sunday") || !(end < tokens.count && tokens[end].isCapitalized) {
            if tokenIs(end, "sunday") { end += 1 }
            rule = { Self.easter($0) }
        } else if tokenIs(i, "new"), tokenIs(i + 1, "year"), isPunctuation(i + 2, 0x27), tokenIs(i + 3, "s"),
                  tokenIs(i + 4, "day") || tokenIs(i + 4, "eve") {
            let isEve = tokenIs(i + 4, "eve")
            end = i + 5
            rule = { isEve ? CalendarMath.dayNumber(year: $0, month: 12, day: 31) : CalendarMath.dayNumber(year: $0, month: 1, day: 1) }
        } else {
            return nil
        }
        if let year = reference.narrativeYear(at: tokens[i].sentence), let day = rule(year) {
            return .point(.day(day), end: end, relative: true)
        }
        guard let anchor = reference.anchorDay, let year = reference.anchorYear else { return nil }
        let days = ((year - 1)...(year + 1)).compactMap(rule)
        let best: Int?
        if isKey(i - 1, .last) {
            best = days.filter { $0 < anchor }.max()
        } else if isKey(i - 1, .next) || isKey(i - 1, .this) && isFutureContext(around: i) {
            best = days.filter { $0 > anchor }.min()
        } else {
            let future = isFutureContext(around: i)
            best = days.min { a, b in
                func cost(_ d: Int) -> Int { abs(d - anchor) + (d > anchor && !future ? 60 : 0) }
                return cost(a) < cost(b)
            }
        }
        guard let day = best else { return nil }
        return .point(.day(day), end: end, relative: true)
    }

    /// Thanksgiving (US): the fourth Thursday of November.
    static func thanksgiving(_ year: Int) -> Int {
        let first = CalendarMath.dayNumber(year: year, month: 11, day: 1)
        return first + (4 - CalendarMath.weekday(ofDay: first) + 7) % 7 + 21
    }

    /// Gregorian Easter Sunday (the anonymous Gregorian algorithm).
    static func easter(_ year: Int) -> Int {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarMath.dayNumber(year: year, month: month, day: day)
    }
}
