import DossierCore
/// Absolute calendar expressions: dates in news formats, months, years,
/// decades, centuries, quarters, halves and seasons.
///
/// Numeric dates: ISO 8601 ("2025-12-28", "2025-12-28T02:22:58Z") is read as
/// such. Slashed and dotted dates are read month first, as US wire copy
/// writes them ("12/28/2025", "3/4/2025" is March 4), unless the first number
/// cannot be a month ("28/12/2025", "28.12.2025" with a day over 12), or the
/// separator is a dot, which only day-first writers use ("4.3.2025" is 4 March).
extension TaggingPass {
    func matchDate(at i: Int) -> Candidate? {
        guard i < tokens.count else { return nil }
        let token = tokens[i]
        switch token.kind {
        case .number:
            if token.suffix == .s { return decade(at: i, digitsAt: i) }
            if token.suffix == .quarterPrefix { return quarterCode(at: i) }
            if token.suffix == .fiscalPrefix { return fiscalCode(at: i) }
            if token.suffix == .ordinal { return dayMonth(at: i) ?? century(at: i) }
            if let iso = isoDate(at: i) { return iso }
            if let numeric = slashedDate(at: i) { return numeric }
            if let attacks = septemberEleventh(at: i) { return attacks }
            return dayMonth(at: i) ?? year(at: i)
        case .punctuation:
            // "'90s"
            if token.punctuation == 0x27, i + 1 < tokens.count, tokens[i + 1].suffix == .s, isAttached(i + 1) {
                return decade(at: i, digitsAt: i + 1)
            }
            return nil
        case .other:
            return nil
        case .word:
            break
        }
        switch token.word {
        case .month?, .monthAbbreviation?:
            return monthDate(at: i)
        case .weekday?:
            return weekdayDate(at: i)
        case .ordinal?:
            return dayMonth(at: i) ?? quarter(at: i) ?? century(at: i)
        case .season?:
            return season(at: i, year: nil, end: i + 1)
        case .key(.the)?:
            return theDate(at: i)
        case .key(.fiscal)?:
            return fiscalYear(at: i)
        case .number?:
            if let (year, end) = spelledYear(at: i), isKey(i - 1, .in) || isKey(i - 1, .of) || isKey(i - 1, .since) || year >= 1900 {
                return .point(CalendarPoint(year: year, granularity: .year), end: end)
            }
            return quarterOfRelativeYear(at: i)
        case .key(.this)?, .key(.next)?, .key(.last)?:
            return quarterOfRelativeYear(at: i)
        case .key(.decadeWord)?:
            // "the early nineties" (the prefix is read before): not "in his fifties".
            guard let k = key(isPunctuation(i - 1, 0x2D) ? i - 2 : i - 1), k == .early || k == .mid || k == .late,
                  isKey(isPunctuation(i - 1, 0x2D) ? i - 3 : i - 2, .the) else { return nil }
            return spelledDecade(at: i)
        default:
            return nil
        }
    }

    /// "nineties": the decade of the "'90s", in the anchor's century as `decade` reads it.
    func spelledDecade(at i: Int) -> Candidate? {
        let names: [StaticString] = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        guard let index = names.firstIndex(where: { tokenIs(i, $0) }) else { return nil }
        let tens = (index + 2) * 10
        var year = 1900 + tens
        if let anchor = reference.anchorYear, year + 100 <= anchor - 80 || tens < 30 { year += 100 }
        return .point(CalendarPoint(year: year, granularity: .decade), end: i + 1)
    }

    // MARK: Month-based dates

    /// "December 28, 2025 02:22:58 IST", "Dec. 28", "April 2025", "April of 2025", "April".
    func monthDate(at i: Int) -> Candidate? {
        let month: Int
        var isAbbreviation = false
        switch word(i) {
        case .month(let m)?: month = m
        case .monthAbbreviation(let m)?: month = m; isAbbreviation = true
        default: return nil
        }
        let token = tokens[i]
        var k = i + 1
        if isPunctuation(k, 0x2E), isAttached(k) { k += 1 } // "Dec."
        // Day: "Dec. 28", "December 28th", "March eighth"
        if let day = dayNumber(at: k) {
            var end = k + 1
            var year: Int?
            var yearEnd = end
            if isPunctuation(yearEnd, 0x2C) { yearEnd += 1 }
            if let y = fourDigitYear(at: yearEnd) {
                year = y
                end = yearEnd + 1
            } else if isPunctuation(yearEnd, 0x27), let (v, digits) = plainNumber(yearEnd + 1), digits == 2, isAttached(yearEnd + 1) {
                year = v < 50 ? 2000 + v : 1900 + v
                end = yearEnd + 2
            }
            let resolvedYear = year ?? yearForMonth(month, at: i)
            guard let y = resolvedYear, CalendarMath.isValid(year: y, month: month, day: day) else {
                if resolvedYear == nil, day <= 31 {
                    var point = CalendarPoint(year: nil, granularity: .day)
                    point.month = month
                    point.day = day
                    return .point(point, end: end, relative: true)
                }
                return nil
            }
            var point = CalendarPoint.day(CalendarMath.dayNumber(year: y, month: month, day: day))
            var endIndex = end
            if let time = timeAfterDate(at: end, day: point) {
                point = time.point
                endIndex = time.end
            }
            return .point(point, end: endIndex, relative: year == nil)
        }
        // "April 2025", "April, 2025", "April of 2025"
        var yearIndex = k
        if isPunctuation(yearIndex, 0x2C) || isKey(yearIndex, .of) { yearIndex += 1 }
        if let y = fourDigitYear(at: yearIndex) {
            return .point(.month(y, month), end: yearIndex + 1)
        }
        // "June last year", "March of next year"
        var relativeIndex = k
        if isKey(relativeIndex, .of) { relativeIndex += 1 }
        if let (y, end) = relativeYear(at: relativeIndex) {
            return .point(.month(y, month), end: end, relative: true)
        }
        // "January nineteen ninety-seven"
        if let (y, end) = spelledYear(at: k) {
            return .point(.month(y, month), end: end)
        }
        // A month alone.
        guard isMonthAlone(at: i, month: month, isAbbreviation: isAbbreviation, token: token) else { return nil }
        guard let y = yearForMonth(month, at: i) else {
            var point = CalendarPoint(year: nil, granularity: .month)
            point.month = month
            return .point(point, end: i + 1, relative: true)
        }
        return .point(.month(y, month), end: i + 1, relative: true)
    }

    /// A month name with no day or year is a month only when it looks like one:
    /// capitalised, not in a name ("August Wilson"), and for "May" and "March",
    /// which are also a name, a verb and a noun, only after a word that takes a
    /// date ("in May", "since March", "early May", "last March").
    private func isMonthAlone(at i: Int, month: Int, isAbbreviation: Bool, token: TextToken) -> Bool {
        if isStandalone { return true }
        guard token.isCapitalized, !token.isAllCaps || tokens.count < 3 else { return false }
        if isAbbreviation && !(isPunctuation(i + 1, 0x2E) && isAttached(i + 1)) { return false }
        if isNameWord(i + 1) && !isPunctuation(i + 1, 0x2E) { return false }
        if isNameWord(i - 1) { return false }
        if month == 5 || month == 3 || isAbbreviation {
            guard let previous = key(i - 1) else {
                // After a hyphen prefix ("mid-March") or a month range ("February and March").
                if isPunctuation(i - 1, 0x2D), key(i - 2) == .mid { return true }
                return false
            }
            switch previous {
            case .in, .since, .until, .by, .from, .to, .through, .during, .early, .mid, .late, .last, .next, .this,
                 .of, .before, .after, .and, .or, .on, .between, .throughout, .coming, .past:
                return true
            default:
                return false
            }
        }
        return true
    }

    /// "28 Dec 2025", "28th December", "the 28th of December 2025".
    func dayMonth(at i: Int) -> Candidate? {
        guard let day = dayNumber(at: i) else { return nil }
        var k = i + 1
        if isKey(k, .of) { k += 1 }
        let month: Int
        switch word(k) {
        case .month(let m)?: month = m
        case .monthAbbreviation(let m)?: month = m
        default: return nil
        }
        guard tokens[k].isCapitalized else { return nil }
        k += 1
        if isPunctuation(k, 0x2E), isAttached(k), case .monthAbbreviation? = word(k - 1) { k += 1 }
        var yearIndex = k
        if isPunctuation(yearIndex, 0x2C) { yearIndex += 1 }
        let explicitYear = fourDigitYear(at: yearIndex)
        let end = explicitYear != nil ? yearIndex + 1 : k
        guard let year = explicitYear ?? yearForMonth(month, at: i) else {
            var point = CalendarPoint(year: nil, granularity: .day)
            point.month = month
            point.day = day
            return .point(point, end: end, relative: true)
        }
        guard CalendarMath.isValid(year: year, month: month, day: day) else { return nil }
        var point = CalendarPoint.day(CalendarMath.dayNumber(year: year, month: month, day: day))
        var endIndex = end
        if let time = timeAfterDate(at: end, day: point) {
            point = time.point
            endIndex = time.end
        }
        return .point(point, end: endIndex, relative: explicitYear == nil)
    }

    /// "Tuesday, December 28, 2025", "Friday, Aug. 7"; a weekday alone is left
    /// to `RelativePatterns`.
    func weekdayDate(at i: Int) -> Candidate? {
        var k = i + 1
        if isPunctuation(k, 0x2E), isAttached(k) { k += 1 }
        if isPunctuation(k, 0x2C) { k += 1 }
        if let date = monthDate(at: k) ?? dayMonth(at: k), case .point(let p) = date.content, p.granularity <= .day {
            return date
        }
        return nil
    }

    /// A day of the month: 1-31 as digits ("28", "28th") or an ordinal word ("eighth").
    func dayNumber(at i: Int) -> Int? {
        guard i < tokens.count else { return nil }
        let token = tokens[i]
        if token.kind == .number, token.digits <= 2, token.suffix == .none || token.suffix == .ordinal,
           token.number >= 1, token.number <= 31 {
            // Not "April 2,010" nor "March 3:30".
            if isPunctuation(i + 1, 0x2C), isAttached(i + 1), let (_, digits) = plainNumber(i + 2), digits == 3, isAttached(i + 2) { return nil }
            if (isPunctuation(i + 1, 0x3A) || isPunctuation(i + 1, 0x2E)) && isAttached(i + 1) && isAttached(i + 2) && plainNumber(i + 2) != nil { return nil }
            return token.number
        }
        if case .ordinal(let n)? = token.word, n <= 31 { return n }
        return nil
    }

    /// A four-digit year 1000-2999 at `i`, not part of a bigger number.
    func fourDigitYear(at i: Int) -> Int? {
        guard let (value, digits) = plainNumber(i), digits == 4, value >= 1000, value <= 2999 else { return nil }
        if isPunctuation(i + 1, 0x2C), isAttached(i + 1), let (_, d) = plainNumber(i + 2), d == 3, isAttached(i + 2) { return nil }
        return value
    }

    /// Optional time of day right after a date: "December 28, 2025 02:22:58 IST",
    /// "Dec. 28 at 3 p.m.".
    func timeAfterDate(at i: Int, day: CalendarPoint) -> (point: CalendarPoint, end: Int)? {
        var k = i
        if isPunctuation(k, 0x2C) || isKey(k, .at) { k += 1 }
        guard let time = parseClockTime(at: k) else { return nil }
        var point = day
        point.granularity = time.granularity
        point.hour = time.hour
        point.minute = time.minute
        point.second = time.second
        point.partOfDay = time.partOfDay
        point.utcOffsetSeconds = time.utcOffsetSeconds
        return (point, time.end)
    }

    // MARK: Numeric dates

    /// ISO 8601 at the byte level: "2025-12-28", "2025-12-28T02:22:58", "...Z", "...+05:30".
    func isoDate(at i: Int) -> Candidate? {
        guard let (year, digits) = plainNumber(i), digits == 4, isPunctuation(i + 1, 0x2D), isAttached(i + 1) else { return nil }
        var p = tokens[i].end
        func readDigits(_ n: Int) -> Int? {
            guard p + n <= bytes.count else { return nil }
            var v = 0
            for q in p..<(p + n) {
                guard TextTokenizer.isDigit(bytes[q]) else { return nil }
                v = v * 10 + Int(bytes[q] - 0x30)
            }
            p += n
            return v
        }
        func expect(_ byte: UInt8) -> Bool {
            guard p < bytes.count, bytes[p] == byte else { return false }
            p += 1
            return true
        }
        guard expect(0x2D), let month = readDigits(2), expect(0x2D), let day = readDigits(2),
              CalendarMath.isValid(year: year, month: month, day: day) else { return nil }
        if p < bytes.count, TextTokenizer.isDigit(bytes[p]) { return nil }
        var point = CalendarPoint.day(CalendarMath.dayNumber(year: year, month: month, day: day))
        let dateEnd = p
        if expect(0x54) || (p + 1 < bytes.count && bytes[p] == 0x20 && TextTokenizer.isDigit(bytes[p + 1]) && { p += 1; return true }()) {
            if let hour = readDigits(2), hour <= 24, expect(0x3A), let minute = readDigits(2), minute < 60 {
                point.granularity = .minute
                point.hour = hour
                point.minute = minute
                if expect(0x3A), let second = readDigits(2), second < 61 {
                    point.granularity = .second
                    point.second = second
                    if expect(0x2E) { while p < bytes.count, TextTokenizer.isDigit(bytes[p]) { p += 1 } }
                }
                if expect(0x5A) {
                    point.utcOffsetSeconds = 0
                } else if p < bytes.count, bytes[p] == 0x2B || bytes[p] == 0x2D {
                    let sign = bytes[p] == 0x2D ? -1 : 1
                    let save = p
                    p += 1
                    if let h = readDigits(2) {
                        _ = expect(0x3A)
                        let m = readDigits(2) ?? 0
                        point.utcOffsetSeconds = sign * (h * 3600 + m * 60)
                    } else {
                        p = save
                    }
                }
            } else {
                p = dateEnd
            }
        } else {
            p = dateEnd
        }
        return .point(point, end: tokenIndex(endingAt: p, from: i))
    }

    /// The index after the last token that ends at or before byte `p`.
    func tokenIndex(endingAt p: Int, from i: Int) -> Int {
        var k = i
        while k < tokens.count, tokens[k].end <= p { k += 1 }
        return k
    }

    /// "9/11" on its own (no year after it, no number before): the attacks of
    /// 11 September 2001, as news writes them.
    func septemberEleventh(at i: Int) -> Candidate? {
        guard let (nine, nineDigits) = plainNumber(i), nine == 9, nineDigits == 1, isPunctuation(i + 1, 0x2F), isAttached(i + 1),
              let (eleven, elevenDigits) = plainNumber(i + 2), eleven == 11, elevenDigits == 2, isAttached(i + 2) else { return nil }
        if isPunctuation(i + 3, 0x2F) && isAttached(i + 3) { return nil }
        if i > 0, isPunctuation(i - 1, 0x2F) && isAttached(i) { return nil }
        return .point(.day(CalendarMath.dayNumber(year: 2001, month: 9, day: 11)), end: i + 3)
    }

    /// "12/28/2025", "28/12/2025", "12/28/25", "2025/12/28", "28.12.2025".
    func slashedDate(at i: Int) -> Candidate? {
        guard let (a, aDigits) = plainNumber(i), i + 4 < tokens.count else { return nil }
        let separator = tokens[i + 1].punctuation
        guard tokens[i + 1].kind == .punctuation, separator == 0x2F || separator == 0x2E,
              isAttached(i + 1), isAttached(i + 2), isAttached(i + 3), isAttached(i + 4),
              isPunctuation(i + 3, separator), let (b, bDigits) = plainNumber(i + 2), let (c, cDigits) = plainNumber(i + 4)
        else { return nil }
        if isAttached(i + 5), isPunctuation(i + 5, separator), plainNumber(i + 6) != nil { return nil } // 1.2.3.4
        var year: Int, month: Int, day: Int
        if aDigits == 4 {
            (year, month, day) = (a, b, c)
        } else {
            guard aDigits <= 2, bDigits <= 2, cDigits == 4 || cDigits == 2 else { return nil }
            year = cDigits == 4 ? c : (c < 50 ? 2000 + c : 1900 + c)
            if separator == 0x2E || a > 12 { (day, month) = (a, b) } else { (month, day) = (a, b) }
        }
        guard CalendarMath.isValid(year: year, month: month, day: day) else { return nil }
        return .point(.day(CalendarMath.dayNumber(year: year, month: month, day: day)), end: i + 5)
    }

    // MARK: Years

    /// A year on its own: "in 2010", "1998", "fiscal 1989" — not "Section 2010",
    /// "Flight 2010", "Room 1998", "2,010 troops", "$2010" or "2010 people".
    func year(at i: Int) -> Candidate? {
        guard let year = fourDigitYear(at: i) else { return nil }
        if i > 0 {
            let previous = tokens[i - 1]
            if previous.kind == .punctuation {
                // "$2010", "#1998", "No. 2010", "2.2010", "3-2010" (but "mid-1996", "post-1959")
                let prefixed = previous.punctuation == 0x2D && [.mid, .pre, .post].contains(key(i - 2))
                if [0x24, 0x23, 0x2E, 0x2C, 0x3A, 0x2F, 0x2D].contains(previous.punctuation) && isAttached(i) && !prefixed { return nil }
            }
            // "a 2021 RAV4", "the 2016 MacBook Pro": a model year names a product,
            // not a time ("the 2020 debate" stays a year).
            if previous.kind == .word, WordKey(bytes, previous.start, previous.end).map(Self.productDeterminers.contains) == true, isProductName(at: i + 1) || isProductName(at: i + 2) {
                return nil
            }
            // "Section 2010", "Flight 2010", "Windows 2000", even at a sentence start.
            if previous.kind == .word, previous.word == nil, previous.isCapitalized { return nil }
            if previous.kind == .number { return nil }
        }
        if i + 1 < tokens.count {
            let next = tokens[i + 1]
            if next.kind == .punctuation, isAttached(i + 1), [0x25, 0x2F, 0x3A].contains(next.punctuation) { return nil }
            if isPunctuation(i + 1, 0x2D), isAttached(i + 1), plainNumber(i + 2)?.digits ?? 0 > 2 { return nil }
            // "1462.93" (an index level)
            if isPunctuation(i + 1, 0x2E), isAttached(i + 1), isAttached(i + 2), plainNumber(i + 2) != nil { return nil }
            if next.kind == .word, let key = WordKey(bytes, next.start, next.end), Self.countedNouns.contains(key) { return nil }
            if case .unit? = next.word { return nil }
            // "1600 Pennsylvania Avenue": a street number.
            var k = i + 1
            while k < tokens.count, k <= i + 3, tokens[k].kind == .word, tokens[k].isCapitalized {
                if WordKey(bytes, tokens[k].start, tokens[k].end).map(Self.streetWords.contains) == true { return nil }
                k += 1
            }
        }
        // Far in the future it is a number ("the Dow fell to 2613").
        if year > (reference.anchorYear ?? 2030) + 30 { return nil }
        // Outside 1900-2099 a year needs a word that takes one ("in 1066").
        if year < 1900 || year > 2099 {
            guard let previous = key(i - 1), [.in, .since, .until, .by, .from, .to, .of, .during, .before, .after, .fiscal, .early, .late, .mid, .the].contains(previous)
            else { return nil }
        }
        return .point(CalendarPoint(year: year, granularity: .year), end: i + 1)
    }

    /// A product's name as written: capitals inside the word ("MacBook",
    /// "iPhone") or letters with digits attached ("RAV4", "A380").
    func isProductName(at k: Int) -> Bool {
        guard k < tokens.count, tokens[k].kind == .word, word(k) == nil else { return false }
        let token = tokens[k]
        if k + 1 < tokens.count, tokens[k + 1].kind == .number, isAttached(k + 1) { return true }
        var capitals = 0
        for q in token.start..<token.end where bytes[q] >= 0x41 && bytes[q] <= 0x5A { capitals += 1 }
        let length = token.end - token.start
        let startsLower = bytes[token.start] >= 0x61 && bytes[token.start] <= 0x7A
        return (capitals >= 2 && capitals < length) || (startsLower && capitals >= 1)
    }

    /// Words before a model year ("a 2021 RAV4").
    static let productDeterminers: Set<WordKey> = Set(["a", "an", "the", "his", "her", "my", "their", "its", "our", "your", "this", "that", "new", "used"].map(WordKey.init))
    /// Street types after a house number and a name.
    static let streetWords: Set<WordKey> = Set([
        "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr", "way", "place", "court", "highway",
    ].map(WordKey.init))

    /// Plural nouns after which a four-digit number is a count ("2010 troops").
    static let countedNouns: Set<WordKey> = Set([
        "troops", "people", "soldiers", "men", "women", "children", "persons", "residents", "votes", "cases",
        "units", "shares", "miles", "kilometers", "kilometres", "km", "meters", "metres", "feet", "tons", "tonnes",
        "dollars", "euros", "rupees", "taka", "points", "pages", "words", "deaths", "casualties", "students",
        "workers", "members", "employees", "vehicles", "cars", "refugees", "migrants", "jobs", "acres", "pounds",
        "barrels", "homes", "houses", "villages", "sq", "ft", "kg", "mw", "cc", "rpm", "officers", "police",
        "militants", "fighters", "civilians", "prisoners", "detainees", "flights", "passengers", "copies",
        "pixels", "px", "mah", "watts", "hz", "mhz", "ghz", "gb", "mb", "tb", "yards", "calories", "horsepower", "hp",
        "lumens", "nits", "dpi", "ppi", "subscribers", "followers", "views", "downloads", "users", "customers",
    ].map(WordKey.init))

    /// "fiscal 1989", "fiscal year 1989", "fiscal 1989's"; "fiscal 2025" is the
    /// fiscal year's label, normalised to the calendar year as TimeBank does.
    func fiscalYear(at i: Int) -> Candidate? {
        var k = i + 1
        if case .unit(.year, false)? = word(k) { k += 1 }
        if let year = fourDigitYear(at: k) {
            return .point(CalendarPoint(year: year, granularity: .year), end: k + 1)
        }
        return nil
    }

    /// "FY2025", "FY25".
    func fiscalCode(at i: Int) -> Candidate? {
        let token = tokens[i]
        let year = token.digits == 2 ? (token.number < 50 ? 2000 + token.number : 1900 + token.number) : token.number
        return .point(CalendarPoint(year: year, granularity: .year), end: i + 1)
    }

    // MARK: Decades and centuries

    /// "1990s", "'90s", "the 1990s", "the early 2010s" (the modifier comes
    /// from the prefix). TimeML writes a decade as its first three digits: "199".
    func decade(at i: Int, digitsAt d: Int) -> Candidate? {
        // "in his 30s", "women in their early 20s": an age, not a decade.
        var before = i - 1
        if let k = key(before), k == .early || k == .mid || k == .late { before -= 1 }
        if isPunctuation(before, 0x2D), key(before - 1) == .mid { before -= 2 }
        if let k = key(before), [.his, .her, .their, .its, .my, .your, .our].contains(k) { return nil }
        let token = tokens[d]
        var year: Int
        if token.digits == 4 {
            guard token.number % 10 == 0 else { return nil }
            year = token.number
        } else if token.digits == 2 {
            guard token.number % 10 == 0 else { return nil }
            year = 1900 + token.number
            if let anchor = reference.anchorYear, year + 100 <= anchor - 80 || token.number < 30 { year += 100 }
        } else {
            return nil
        }
        return .point(CalendarPoint(year: year, granularity: .decade), end: d + 1)
    }

    /// "the 20th century", "the twentieth century", "the 1900s" is a decade.
    func century(at i: Int) -> Candidate? {
        var ordinal: Int?
        if i < tokens.count, tokens[i].kind == .number, tokens[i].suffix == .ordinal { ordinal = tokens[i].number }
        if case .ordinal(let n)? = word(i) { ordinal = n }
        if case .number(let n)? = word(i), NumberWords.isTens(n), isPunctuation(i + 1, 0x2D), case .ordinal(let m)? = word(i + 2) {
            // "twenty-first century"
            if case .unit(.century, false)? = word(i + 3) {
                return .point(CalendarPoint(year: (n + m - 1) * 100, granularity: .century), end: i + 4)
            }
        }
        guard let n = ordinal, n >= 1, n <= 30 else { return nil }
        var k = i + 1
        if isPunctuation(k, 0x2D) { k += 1 }
        guard case .unit(.century, false)? = word(k) else { return nil }
        return .point(CalendarPoint(year: (n - 1) * 100, granularity: .century), end: k + 1)
    }

    // MARK: Quarters, halves, seasons

    /// "Q3", "Q3 2025", "Q3 of 2025".
    func quarterCode(at i: Int) -> Candidate? {
        let q = tokens[i].number
        guard q >= 1, q <= 4 else { return nil }
        var k = i + 1
        if isKey(k, .of) || isPunctuation(k, 0x2C) { k += 1 }
        if let year = fourDigitYear(at: k) { return .point(.quarter(year, q), end: k + 1) }
        guard let year = quarterYear(q, at: i) else { return nil }
        return .point(.quarter(year, q), end: i + 1, relative: true)
    }

    /// "third quarter", "third-quarter", "fiscal first quarter", "the first half of 1990".
    func quarter(at i: Int, fiscal: Bool = false) -> Candidate? {
        guard case .ordinal(let n)? = word(i) else { return nil }
        var k = skipHyphen(i + 1)
        if isKey(k, .fiscal) { k = skipHyphen(k + 1) }
        let isHalf: Bool
        switch word(k) {
        case .unit(.quarter, false)?: isHalf = false
        case .key(.half)?: isHalf = true
        default: return nil
        }
        guard n >= 1, n <= (isHalf ? 2 : 4) else { return nil }
        k += 1
        var explicitYear: Int?
        if isKey(k, .of) || isPunctuation(k, 0x2C) {
            if let year = fourDigitYear(at: k + 1) {
                explicitYear = year
                k += 2
            } else if isKey(k, .of), let (point, end) = relativeYear(at: k + 1) {
                explicitYear = point
                k = end
            }
        } else if let year = fourDigitYear(at: k) {
            explicitYear = year
            k += 1
        }
        // "scored in the second quarter", "led at the first half": a period of
        // a game, not of the calendar.
        if explicitYear == nil, isGamePeriod(at: i) || isAboutAGame() { return nil }
        if isHalf {
            // "the first half" without a year: the anchor's or the narrative's year.
            guard let year = explicitYear ?? reference.narrativeYear ?? reference.anchorYear else { return nil }
            var point = CalendarPoint(year: year, granularity: .half)
            point.half = n
            return .point(point, end: k, relative: explicitYear == nil)
        }
        guard let year = explicitYear ?? quarterYear(n, at: i) else {
            var point = CalendarPoint(year: nil, granularity: .quarter)
            point.quarter = n
            return .point(point, end: k, relative: true)
        }
        var candidate = Candidate.point(.quarter(year, n), end: k, relative: explicitYear == nil)
        candidate.setsNarrativeQuarter = true
        return candidate
    }

    /// Whether the sentence around token `i` tells of a game (touchdowns,
    /// points, an inning) and not of a business (profit, sales, fiscal): its
    /// "second quarter" or "first half" is then a period of play.
    ///
    /// Only the `sentenceWindow` tokens either side are read: a run of text
    /// with no sentence end (a scraped list) repeating "first half" would
    /// otherwise be read whole for every match, which is quadratic.
    func isGamePeriod(at i: Int) -> Bool {
        let sentence = tokens[i].sentence
        var start = i
        while start > 0, i - start < Self.sentenceWindow, tokens[start - 1].sentence == sentence { start -= 1 }
        var game = false
        var k = start
        while k < tokens.count, k - i <= Self.sentenceWindow, tokens[k].sentence == sentence {
            if tokens[k].kind == .word {
                let text = String(decoding: bytes[tokens[k].start..<tokens[k].end], as: UTF8.self).lowercased()
                if Self.businessWords.contains(text) { return false }
                if Self.gameWords.contains(text) { game = true }
            }
            k += 1
        }
        return game
    }
    /// Whether the text as a whole reports a game: three different game
    /// words ("scored", "rebounds", "layup") and game words more often than
    /// business words. Then a yearless "third quarter" is a period of play even in a
    /// sentence with no game word of its own ("In the third quarter, Embiid
    /// starred"), and "the quarter" is too. Only the first
    /// `documentWindow` tokens are read (words of four bytes or more, so
    /// "gdp" is no business word here), once per text (`gameReport`).
    func isAboutAGame() -> Bool {
        gameReport.value(countsGameWords)
    }

    private func countsGameWords() -> Bool {
        var game = 0
        var business = 0
        var distinct: Set<String> = []
        for token in tokens.prefix(Self.documentWindow) where token.kind == .word && token.end - token.start >= 4 {
            let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self).lowercased()
            if Self.gameWords.contains(text) {
                game += 1
                distinct.insert(text)
            } else if Self.businessWords.contains(text) { business += 1 }
        }
        return distinct.count >= 3 && game > business
    }
    static let documentWindow = 3000

    /// How far either side of a match a sentence-wide test reads.
    static let sentenceWindow = 40
    static let gameWords: Set<String> = [
        "touchdown", "touchdowns", "quarterback", "halftime", "half-time", "yards", "yard", "rebounds", "scored",
        "score", "scoring", "inning", "innings", "game", "games", "overtime", "basket", "baskets", "goal", "goals", "field",
        "fumble", "interception", "trailed", "trailing", "halfback", "touchback", "layup", "three-pointer", "free-throw",
        "locker", "foul", "fouls", "fouled", "rebound", "timeout", "playoff", "playoffs", "coach", "dunk",
        "defense", "defence", "assists", "steals", "turnovers", "possession", "possessions",
    ]
    static let businessWords: Set<String> = [
        "profit", "profits", "revenue", "revenues", "earnings", "sales", "fiscal", "growth", "economy", "gdp", "percent",
        "quarterly", "results", "shares", "income", "loss", "losses", "deliveries", "orders", "output", "prices",
        "spending", "budget", "contract", "contracts",
    ]

    /// "nineteen ninety-six", "nineteen eighty", "two thousand", "two thousand
    /// and one": a year said in words (broadcast transcripts).
    func spelledYear(at i: Int) -> (Int, Int)? {
        guard case .number(let first)? = word(i) else { return nil }
        if first == 2, case .number(1000)? = word(i + 1) {
            var end = i + 2
            var year = 2000
            if isKey(end, .and) { end += 1 }
            if let a = amount(at: end), let v = a.value, v < 100, end > i + 2 || !isKey(end, .a) { year += Int(v); end = a.end }
            return (year, end)
        }
        guard first >= 11, first <= 20, first != 12 || tokenIs(i, "twelve") else { return nil }
        guard case .number(let tens)? = word(i + 1), NumberWords.isTens(tens) || tens == 10 else { return nil }
        var year = first * 100 + tens
        var end = i + 2
        let next = skipHyphen(end)
        if NumberWords.isTens(tens), case .number(let unit)? = word(next), unit >= 1, unit <= 9 {
            year += unit
            end = next + 1
        }
        return (year, end)
    }

    /// "this year", "last year", "next year" after "of": the year they name.
    func relativeYear(at i: Int) -> (Int, Int)? {
        guard let anchor = reference.anchorYear, case .unit(.year, false)? = word(i + 1) else { return nil }
        switch key(i) {
        case .this?: return (anchor, i + 2)
        case .last?: return (anchor - 1, i + 2)
        case .next?: return (anchor + 1, i + 2)
        default: return nil
        }
    }

    /// The year of a quarter named without one: the anchor's (financial news
    /// speaks of the current or the last reported quarter), stepping back a year when the quarter has not begun yet
    /// at the anchor and the sentence does not speak of the future.
    func quarterYear(_ quarter: Int, at i: Int) -> Int? {
        guard let year = reference.anchorYear, let month = reference.anchorMonth else { return nil }
        let current = (month - 1) / 3 + 1
        if quarter > current && !isFutureContext(around: i) { return year - 1 }
        return year
    }

    /// "summer", "summer 2025", "the summer of 1998"; a bare "fall" or
    /// "spring" needs "the", a year or "in" to be a season rather than a verb.
    func season(at i: Int, year explicit: Int?, end: Int, needsDeterminer: Bool = true) -> Candidate? {
        guard case .season(let s, false)? = word(i) else { return nil }
        var k = i + 1
        var year = explicit
        if year == nil {
            if isKey(k, .of) || isPunctuation(k, 0x2C) {
                if let y = fourDigitYear(at: k + 1) { year = y; k += 2 }
            } else if let y = fourDigitYear(at: k) {
                year = y
                k += 1
            }
        }
        if year == nil {
            let previous = key(i - 1)
            let determined = previous == .the || previous == .in || previous == .this || previous == .early || previous == .late
                || previous == .mid || previous == .during || previous == .last || previous == .next || previous == .by
                || previous == .since || previous == .until
            if needsDeterminer && !determined && !isStandalone { return nil }
            if tokens[i].isCapitalized && !tokens[i].sentenceStart && previous != .the && previous != .in { return nil }
        }
        guard let y = year ?? reference.narrativeYear ?? reference.anchorYear else { return nil }
        var point = CalendarPoint(year: y, granularity: .season)
        point.season = s
        return .point(point, end: max(k, end), relative: year == nil)
    }

    /// "this year's third quarter", "next year's first half", "last year's summer".
    func quarterOfRelativeYear(at i: Int) -> Candidate? {
        guard let (year, end) = relativeYear(at: i), isPunctuation(end, 0x27), tokenIs(end + 1, "s") else { return nil }
        let k = end + 2
        if case .season? = word(k) { return season(at: k, year: year, end: k + 1) }
        guard case .ordinal(let n)? = word(k) else { return nil }
        let unitIndex = skipHyphen(k + 1)
        switch word(unitIndex) {
        case .unit(.quarter, false)? where n <= 4:
            return .point(.quarter(year, n), end: unitIndex + 1, relative: true)
        case .key(.half)? where n <= 2:
            var point = CalendarPoint(year: year, granularity: .half)
            point.half = n
            return .point(point, end: unitIndex + 1, relative: true)
        default:
            return nil
        }
    }

    // MARK: Expressions starting with "the"

    /// "the 1990s", "the third quarter", "the 28th of December", "the summer of
    /// 1998", "the twentieth century", "the year-earlier quarter".
    func theDate(at i: Int) -> Candidate? {
        let k = i + 1
        guard k < tokens.count else { return nil }
        if isKey(k, .decadeWord) { return spelledDecade(at: k) }
        if isDecadeStart(k) { return decade(at: k, digitsAt: isPunctuation(k, 0x27) ? k + 1 : k) }
        var inner: Candidate?
        if case .ordinal? = word(k) {
            inner = dayMonth(at: k) ?? quarter(at: k) ?? century(at: k)
        } else if tokens[k].kind == .number, tokens[k].suffix == .ordinal {
            inner = dayMonth(at: k) ?? century(at: k)
        } else if isKey(k, .fiscal) {
            if case .ordinal? = word(skipHyphen(k + 1)) { inner = quarter(at: skipHyphen(k + 1)) }
        } else if case .season? = word(k) {
            inner = season(at: k, year: nil, end: k + 1, needsDeterminer: false)
        } else if case .number(let n)? = word(k), NumberWords.isTens(n) {
            inner = century(at: k)
        } else if let year = fourDigitYear(at: k), k + 1 < tokens.count {
            // "the 1988 second quarter", "the 1988 quarter", "the 1988 period"
            var q = k + 1
            if isKey(q, .fiscal) { q += 1 }
            if case .ordinal(let n)? = word(q), n <= 4, case .unit(.quarter, false)? = word(skipHyphen(q + 1)) {
                var candidate = Candidate.point(.quarter(year, n), end: skipHyphen(q + 1) + 1)
                candidate.setsNarrativeQuarter = true
                inner = candidate
            } else if case .unit(.quarter, false)? = word(q), let quarter = reference.narrativeQuarter?.quarter {
                inner = .point(.quarter(year, quarter), end: q + 1)
            } else if isKey(q, .period), let quarter = reference.narrativeQuarter?.quarter {
                inner = .point(.quarter(year, quarter), end: q + 1)
            }
        } else if case .unit(.year, false)? = word(k) {
            if let (year, end) = spelledYear(at: k + 1) {
                inner = .point(CalendarPoint(year: year, granularity: .year), end: end)
            } else if let year = fourDigitYear(at: k + 1) {
                inner = .point(CalendarPoint(year: year, granularity: .year), end: k + 2)
            }
        }
        return inner
    }
}
