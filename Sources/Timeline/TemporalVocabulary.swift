import DossierCore
/// What a word means to the temporal grammar. Words not in the vocabulary
/// cannot start or continue an expression, so the scanning loop skips them
/// after one dictionary look-up.
enum TemporalWord: Hashable, Sendable {
    case month(Int)
    case monthAbbreviation(Int)
    case weekday(Int)
    /// "Mondays": a recurrence.
    case weekdays(Int)
    case number(Int)
    case ordinal(Int)
    case unit(TimeExpression.Unit, plural: Bool)
    case weekend(plural: Bool)
    case season(Int, plural: Bool)
    case partOfDay(PartOfDay)
    case key(TemporalKey)
}

/// TIMEX3's parts of the day; a plain enum so tokens stay trivially copyable.
enum PartOfDay: String, Hashable, Sendable {
    case MO, AF, EV, NI
}

/// Function and content words the grammar reads by name.
enum TemporalKey: Hashable, Sendable {
    // Deictic words
    case today, yesterday, tomorrow, tonight, now, currently, nowadays, presently, recently, lately
    case formerly, previously, recent, current, future, past, present, soon, overnight, ago, hence
    // Relative and ordering words
    case last, next, this, coming, previous, following, earlier, later, before, after, latest, same
    case early, mid, late, beginning, end, start, middle, close
    // Function words
    case the, a, an, of, `in`, on, at, `for`, over, during, within, since, until, by, from, to, through, and, or, so, between
    case that, these, those, its, their, his, her, our, my, your, throughout
    // Recurrence
    case every, each, per, daily, weekly, monthly, quarterly, annually, yearly, hourly, nightly, biweekly
    // Vague amounts and approximation
    case few, several, many, some, couple, nearly, about, almost, around, approximately, roughly, more, less, than
    case least, most, up, no, under, plus
    // Calendar words that are not units
    case fiscal, half, noon, midnight, midday, local, time, period, term, near, short, long
    case am, pm, moment, once, again, other, trading, business, calendar, full, whole, entire, old, twice, times
    // Tense and mood markers for resolving "Friday" and "April" forward or back
    /// "Christmas", "Thanksgiving", "Easter", and "New" of "New Year's Day".
    case holiday, new
    /// "pre-1990", "post-1959"
    case pre, post
    /// "the weeks ahead"
    case ahead
    /// "twenties" ... "nineties": a decade after "the" ("the nineties", "the early eighties").
    case decadeWord
    case plan
    case will, shall, ll, expected, scheduled, due, upcoming, plans, planned, intends, would, might, could
}

/// A lower-case ASCII word of at most 16 letters packed into two integers:
/// the vocabulary's key, built straight from the text's bytes with no String.
struct WordKey: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init<Text: StringProtocol>(_ text: Text) {
        for (n, byte) in text.utf8.prefix(16).enumerated() { set(n, byte | 0x20) }
    }

    /// The key of `bytes[range]` lower-cased; nil when longer than 16 bytes.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard end - start <= 16 else { return nil }
        for n in 0..<(end - start) { set(n, bytes[start + n] | 0x20) }
    }

    @inline(__always) private mutating func set(_ n: Int, _ byte: UInt8) {
        if n < 8 { low |= UInt64(byte) << (8 * UInt64(n)) } else { high |= UInt64(byte) << (8 * UInt64(n - 8)) }
    }
}

enum TemporalVocabulary {
    /// Lower-case word to meaning, built once, looked up by `WordKey`.
    static let table: [WordKey: TemporalWord] = {
        var table: [String: TemporalWord] = [:]
        for (name, month) in CalendarNames.months { table[name] = .month(month) }
        for (name, month) in CalendarNames.monthAbbreviations { table[name] = .monthAbbreviation(month) }
        for (name, weekday) in CalendarNames.weekdays {
            table[name] = .weekday(weekday)
            if name.count > 4 { table[name + "s"] = .weekdays(weekday) }
        }
        for (name, season) in SeasonAndDayPartNames.seasons {
            table[name] = .season(season, plural: false)
            table[name + "s"] = .season(season, plural: true)
        }
        for (name, code) in SeasonAndDayPartNames.partsOfDay { table[name] = .partOfDay(PartOfDay(rawValue: code)!) }
        table["nights"] = .partOfDay(.NI)
        for (name, value) in NumberWords.cardinals { table[name] = .number(value) }
        for (name, value) in NumberWords.ordinals { table[name] = .ordinal(value) }
        let units: [(String, TimeExpression.Unit)] = [
            ("second", .second), ("minute", .minute), ("hour", .hour), ("day", .day), ("week", .week),
            ("month", .month), ("quarter", .quarter), ("year", .year), ("decade", .decade),
            ("century", .century), ("millennium", .millennium),
        ]
        for (name, unit) in units {
            table[name] = .unit(unit, plural: false)
            table[name + "s"] = .unit(unit, plural: true)
        }
        // "second" is first an ordinal in dates ("the second quarter"); the
        // grammar reads it as a unit after a number.
        table["second"] = .ordinal(2)
        table["centuries"] = .unit(.century, plural: true)
        table["millennia"] = .unit(.millennium, plural: true)
        table["yr"] = .unit(.year, plural: false)
        table["yrs"] = .unit(.year, plural: true)
        table["hr"] = .unit(.hour, plural: false)
        table["hrs"] = .unit(.hour, plural: true)
        table["min"] = .unit(.minute, plural: false)
        table["mins"] = .unit(.minute, plural: true)
        table["weekend"] = .weekend(plural: false)
        table["weekends"] = .weekend(plural: true)
        let keys: [(String, TemporalKey)] = [
            ("today", .today), ("yesterday", .yesterday), ("tomorrow", .tomorrow), ("tonight", .tonight),
            ("now", .now), ("currently", .currently), ("nowadays", .nowadays), ("presently", .presently),
            ("recently", .recently), ("lately", .lately), ("formerly", .formerly), ("previously", .previously),
            ("recent", .recent), ("current", .current), ("future", .future), ("past", .past),
            ("present", .present), ("soon", .soon), ("overnight", .overnight), ("ago", .ago), ("hence", .hence),
            ("last", .last), ("next", .next), ("this", .this), ("coming", .coming), ("previous", .previous),
            ("following", .following), ("earlier", .earlier), ("later", .later), ("before", .before),
            ("after", .after), ("latest", .latest), ("same", .same), ("early", .early), ("mid", .mid),
            ("late", .late), ("beginning", .beginning), ("end", .end), ("start", .start), ("middle", .middle),
            ("close", .close),
            ("the", .the), ("a", .a), ("an", .an), ("of", .of), ("in", .in), ("on", .on), ("at", .at),
            ("for", .for), ("over", .over), ("during", .during), ("within", .within), ("since", .since),
            ("until", .until), ("till", .until), ("by", .by), ("from", .from), ("to", .to), ("through", .through), ("between", .between),
            ("and", .and), ("or", .or), ("so", .so), ("that", .that), ("these", .these), ("those", .those),
            ("its", .its), ("their", .their), ("his", .his), ("her", .her), ("our", .our), ("my", .my),
            ("your", .your), ("throughout", .throughout),
            ("every", .every), ("each", .each), ("per", .per), ("daily", .daily), ("weekly", .weekly),
            ("monthly", .monthly), ("quarterly", .quarterly), ("annually", .annually), ("yearly", .yearly),
            ("hourly", .hourly), ("nightly", .nightly), ("biweekly", .biweekly), ("annual", .annually),
            ("few", .few), ("several", .several), ("many", .many), ("some", .some), ("couple", .couple),
            ("nearly", .nearly), ("about", .about), ("almost", .almost), ("around", .around),
            ("approximately", .approximately), ("roughly", .roughly), ("more", .more), ("less", .less),
            ("than", .than), ("least", .least), ("most", .most), ("up", .up), ("no", .no), ("under", .under),
            ("plus", .plus),
            ("fiscal", .fiscal), ("half", .half), ("noon", .noon), ("midnight", .midnight), ("midday", .midday),
            ("local", .local), ("time", .time), ("period", .period), ("term", .term), ("near", .near),
            ("short", .short), ("long", .long), ("am", .am), ("pm", .pm), ("moment", .moment), ("once", .once),
            ("again", .again), ("other", .other), ("trading", .trading), ("business", .business),
            ("calendar", .calendar), ("full", .full), ("whole", .whole), ("entire", .entire), ("old", .old),
            ("twice", .twice), ("times", .times), ("will", .will), ("shall", .shall), ("ll", .ll),
            ("expected", .expected), ("scheduled", .scheduled), ("due", .due), ("upcoming", .upcoming),
            ("plans", .plans), ("planned", .planned), ("intends", .intends), ("would", .would), ("christmas", .holiday), ("thanksgiving", .holiday), ("easter", .holiday), ("new", .new), ("pre", .pre), ("post", .post), ("ahead", .ahead), ("might", .might), ("plan", .plan), ("planning", .plan), ("could", .could),
            ("twenties", .decadeWord), ("thirties", .decadeWord), ("forties", .decadeWord), ("fifties", .decadeWord),
            ("sixties", .decadeWord), ("seventies", .decadeWord), ("eighties", .decadeWord), ("nineties", .decadeWord),
        ]
        for (name, key) in keys { table[name] = .key(key) }
        return Dictionary(uniqueKeysWithValues: table.map { (WordKey($0.key), $0.value) })
    }()
}
