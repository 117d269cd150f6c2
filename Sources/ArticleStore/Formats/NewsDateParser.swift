import DossierCore

/// Reads publication dates as news sites print them in bylines and metadata:
/// "December 28, 2025 02:22:58 IST", "28 Dec 2025 14:05 GMT",
/// "Sunday, December 28, 2025 10:30 AM EST", "2025-12-28T02:22:58+05:30",
/// and as European sites print them: "21.01.2022 11:46", "10. September 2017",
/// "14.01.2022 um 09:25 Uhr".
///
/// Strict on purpose: the capture parser asks it whether a standalone line *is*
/// a date, so anything not fully understood (a leftover word, an unknown zone,
/// a bare year, Feb 30) gives nil rather than a guess. The precision is what
/// the text gave: month, day, minute or second.
public enum NewsDateParser {
    public static func parse(_ text: String) -> PublicationDate? {
        // Tokens are cut as they are read: most lines asked about are not
        // dates and fail at their first word, so the rest is never split.
        var tokens = Tokens(removingLabel(from: text))
        var fields = DateFields()
        var sawWeekday = false
        var position = 0
        while let token = tokens[position] {
            let word = token.lowercased().filter { $0 != "." }
            let nextIsMeridiem = tokens[position + 1].map { Meridiem($0) != nil } ?? false
            position += 1

            if separatorWords.contains(word) { continue }
            if CalendarNames.weekdayNumber(word) != nil {
                guard !sawWeekday else { return nil }
                sawWeekday = true
            } else if let month = CalendarNames.monthNumber(word) {
                guard fields.month == nil else { return nil }
                fields.month = month
            } else if let dotted = dottedDate(token) {
                // "21.01.2022": day first, as everywhere dots separate a date.
                guard fields.year == nil, fields.month == nil, fields.day == nil else { return nil }
                (fields.day, fields.month, fields.year) = dotted
            } else if let number = dayOrYear(token) {
                if number.digitCount == 4 {
                    guard fields.year == nil else { return nil }
                    fields.year = number.value
                } else if nextIsMeridiem {
                    // "10 AM": an hour alone, read as the whole minute.
                    guard fields.hour == nil else { return nil }
                    (fields.hour, fields.minute) = (number.value, 0)
                } else {
                    guard fields.day == nil else { return nil }
                    fields.day = number.value
                }
            } else if startsWithISO8601Year(token) {
                guard fields.year == nil, fields.month == nil, fields.day == nil, fields.hour == nil,
                      fields.readISO8601(token) else { return nil }
            } else if let time = ClockTime(token) {
                guard fields.hour == nil, time.utcOffsetSeconds == nil || fields.utcOffsetSeconds == nil else { return nil }
                fields.set(time)
            } else if let meridiem = Meridiem(token) {
                // Only straight after the time it qualifies.
                guard fields.hour != nil, fields.meridiem == nil, position >= 2,
                      tokens[position - 2].map({ ClockTime($0) != nil || dayOrYear($0) != nil }) ?? false
                else { return nil }
                fields.meridiem = meridiem
            } else if let offset = zoneOffsetSeconds(token) {
                guard fields.utcOffsetSeconds == nil else { return nil }
                fields.utcOffsetSeconds = offset
            } else {
                return nil
            }
        }
        return fields.publicationDate()
    }

    /// Words and marks sites put between the date and the time.
    private static let separatorWords: Set<String> = ["at", "-", "–", "—", "/", "um", "uhr"]
    /// Labels sites put before the date; longer ones first so "last updated"
    /// is not read as "updated" with "last" left over.
    private static let labels = ["last updated on", "last updated", "last modified", "first published on", "first published",
                                 "updated on", "updated at", "updated", "published on", "published at", "published",
                                 "posted on", "posted at", "posted", "date"]

    private static func removingLabel(from text: String) -> Substring {
        var rest = text.drop(while: \.isWhitespace)
        // The longest label's length is enough to compare.
        let lowercased = rest.prefix(longestLabelLength).lowercased()
        if let label = labels.first(where: { lowercased.hasPrefix($0) }),
           rest.dropFirst(label.count).first.map({ !$0.isLetter }) ?? true {
            rest = rest.dropFirst(label.count).drop { $0.isWhitespace || ":-–—".contains($0) }
        }
        return rest
    }

    private static let longestLabelLength = labels.map(\.count).max() ?? 0

    /// The tokens of a date string, cut one by one as the parser asks for
    /// them. Commas, bars, bullets and parentheses only separate; "(IST)" is "IST".
    private struct Tokens {
        private var cut: [Substring] = []
        private var rest: Substring

        init(_ text: Substring) {
            rest = text
        }

        private static func separates(_ character: Character) -> Bool {
            character.isWhitespace || ",|()•·".contains(character)
        }

        /// The token at `position`, or nil past the last.
        subscript(position: Int) -> Substring? {
            mutating get {
                while cut.count <= position {
                    rest = rest.drop(while: Self.separates)
                    guard !rest.isEmpty else { return nil }
                    let end = rest.firstIndex(where: Self.separates) ?? rest.endIndex
                    cut.append(rest[..<end])
                    rest = rest[end...]
                }
                return cut[position]
            }
        }
    }

    /// A day or a year: 1–2 or 4 digits, a day perhaps with its ordinal suffix ("28th").
    private static func dayOrYear(_ token: Substring) -> (value: Int, digitCount: Int)? {
        let digits = token.prefix { $0.isASCII && $0.isNumber }
        let suffix = token.dropFirst(digits.count).lowercased()
        guard let value = Int(digits) else { return nil }
        switch (digits.count, suffix) {
        case (4, ""): return (value, 4)
        // "10." is how German and Scandinavian dates write the day.
        case (1...2, ""), (1...2, "st"), (1...2, "nd"), (1...2, "rd"), (1...2, "th"), (1...2, "."): return (value, digits.count)
        default: return nil
        }
    }

    /// "21.01.2022" or "21.1.2022" as (day, month, year); a trailing dot is allowed.
    private static func dottedDate(_ token: Substring) -> (Int, Int, Int)? {
        let parts = (token.hasSuffix(".") ? token.dropLast() : token).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return (day, month, year)
    }

    /// "2025-…": four digits and a hyphen, as every ISO 8601 date begins.
    private static func startsWithISO8601Year(_ token: Substring) -> Bool {
        let head = token.prefix(5)
        return head.count == 5 && head.last == "-" && head.dropLast().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A zone abbreviation from the table, "GMT+5:30" / "UTC-04:00", or a bare "+05:30".
    private static func zoneOffsetSeconds(_ token: Substring) -> Int? {
        // "Z" (Zulu) ends ISO 8601 times.
        if token == "Z" { return 0 }
        // Written in capitals only, as the temporal tagger reads them: "wet"
        // or "ast" after a date is a word, not a zone.
        if let seconds = TimeZoneAbbreviations.offsetSeconds(String(token)) { return seconds }
        let uppercased = token.uppercased()
        for base in ["GMT", "UTC"] where uppercased.hasPrefix(base) {
            return numericOffsetSeconds(uppercased.dropFirst(base.count))
        }
        return numericOffsetSeconds(Substring(uppercased))
    }

    /// "+05:30", "+0530", "+05", "-4", "+5:30" as seconds east of UTC.
    static func numericOffsetSeconds(_ text: Substring) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let body = text.dropFirst()
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        let hoursText: Substring
        let minutesText: Substring
        switch parts.count {
        case 1 where body.count == 4:
            (hoursText, minutesText) = (body.prefix(2), body.suffix(2))
        case 1 where body.count <= 2:
            (hoursText, minutesText) = (body, "00")
        case 2 where parts[1].count == 2:
            (hoursText, minutesText) = (parts[0], parts[1])
        default:
            return nil
        }
        guard hoursText.allSatisfy(\.isASCII), minutesText.allSatisfy(\.isASCII),
              let hours = Int(hoursText), let minutes = Int(minutesText),
              (0...14).contains(hours), (0...59).contains(minutes) else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}

private enum Meridiem {
    case am, pm

    init?<Text: StringProtocol>(_ text: Text) {
        switch text.lowercased().filter({ $0 != "." }) {
        case "am": self = .am
        case "pm": self = .pm
        default: return nil
        }
    }
}

/// "02:22", "02:22:58", "02:22:58.123", with an attached "am"/"pm", "Z" or
/// "+05:30" as ISO 8601 and some sites write them.
private struct ClockTime {
    var hour: Int
    var minute: Int
    var second: Int?
    var meridiem: Meridiem?
    var utcOffsetSeconds: Int?

    init?(_ token: Substring) {
        var rest = Substring(token.lowercased())
        for suffix in ["a.m.", "p.m.", "am", "pm"] where rest.hasSuffix(suffix) {
            meridiem = Meridiem(suffix)
            rest = rest.dropLast(suffix.count)
            break
        }
        if rest.hasSuffix("z") {
            utcOffsetSeconds = 0
            rest = rest.dropLast()
        } else if let signIndex = rest.firstIndex(where: { $0 == "+" || $0 == "-" }) {
            guard let offset = NewsDateParser.numericOffsetSeconds(rest[signIndex...]) else { return nil }
            utcOffsetSeconds = offset
            rest = rest[..<signIndex]
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Self.digits(parts[0]), let minute = Self.digits(parts[1]) else { return nil }
        self.hour = hour
        self.minute = minute
        if parts.count == 3 {
            // Fractions of a second appear in ISO 8601 stamps; no byline needs them.
            let wholeSeconds = parts[2].prefix { $0 != "." }
            let fraction = parts[2].dropFirst(wholeSeconds.count)
            guard wholeSeconds.count == 2, let second = Self.digits(wholeSeconds),
                  fraction.isEmpty || (fraction.count > 1 && Self.digits(fraction.dropFirst()) != nil)
            else { return nil }
            self.second = second
        }
    }

    private static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

/// What a date string has said so far.
private struct DateFields {
    var year: Int?
    var month: Int?
    var day: Int?
    var hour: Int?
    var minute: Int?
    var second: Int?
    var meridiem: Meridiem?
    var utcOffsetSeconds: Int?

    mutating func set(_ time: ClockTime) {
        (hour, minute, second) = (time.hour, time.minute, time.second)
        meridiem = time.meridiem
        utcOffsetSeconds = time.utcOffsetSeconds ?? utcOffsetSeconds
    }

    /// "2025-12", "2025-12-28", "2025-12-28T02:22:58+05:30".
    mutating func readISO8601(_ token: Substring) -> Bool {
        let dateAndTime = token.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let dateParts = dateAndTime[0].split(separator: "-", omittingEmptySubsequences: false)
        guard dateParts.count == 2 || dateParts.count == 3,
              dateParts[0].count == 4, dateParts.dropFirst().allSatisfy({ $0.count == 2 }),
              dateParts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return false }
        year = Int(dateParts[0])
        month = Int(dateParts[1])
        if dateParts.count == 3 { day = Int(dateParts[2]) }
        guard dateAndTime.count == 2 else { return true }
        guard day != nil, let time = ClockTime(dateAndTime[1]), time.meridiem == nil else { return false }
        set(time)
        return true
    }

    func publicationDate() -> PublicationDate? {
        guard let year, let month else { return nil }
        guard day != nil || (hour == nil && utcOffsetSeconds == nil) else { return nil }
        var hour24 = hour
        if let hour, let meridiem {
            guard (0...12).contains(hour) else { return nil }
            hour24 = hour % 12 + (meridiem == .pm ? 12 : 0)
        }
        if let hour24, !(0...23).contains(hour24) { return nil }
        if let minute, !(0...59).contains(minute) { return nil }
        if let second, !(0...59).contains(second) { return nil }
        return PublicationDate(year: year, month: month, day: day, hour: hour24, minute: minute, second: second,
                               utcOffsetSeconds: utcOffsetSeconds)
    }
}
