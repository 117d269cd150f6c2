import Foundation

/// When an article was published, as precisely as its source says.
///
/// News gives dates at every precision ("2025", "December 2025", "Dec 28, 2025",
/// "December 28, 2025 02:22:58 IST"). The instant is the start of what was said,
/// and `precision` records how much of it was actually said, so a month-precise
/// date is never shown as the 1st. `utcOffsetSeconds` is the source's own zone
/// (19800 for IST), kept so dates print as the outlet printed them.
public struct PublicationDate: Hashable, Sendable, Codable {
    public enum Precision: String, Hashable, Sendable, Codable, Comparable {
        case year, month, day, minute, second

        public static func < (lhs: Precision, rhs: Precision) -> Bool {
            order(lhs) < order(rhs)
        }
        private static func order(_ precision: Precision) -> Int {
            switch precision {
            case .year: return 0
            case .month: return 1
            case .day: return 2
            case .minute: return 3
            case .second: return 4
            }
        }
    }

    /// The first instant the date covers.
    public var instant: Date
    /// The source's offset from UTC, or nil when it gave no zone (then the
    /// date is read as UTC).
    public var utcOffsetSeconds: Int?
    public var precision: Precision

    public init(instant: Date, utcOffsetSeconds: Int?, precision: Precision) {
        self.instant = instant
        self.utcOffsetSeconds = utcOffsetSeconds
        self.precision = precision
    }

    // MARK: The supported range

    /// Years a date may have: what four-digit ISO 8601 can print. Every way
    /// into the store (parsers, Lua options, the store's own rows) checks it,
    /// so calendar arithmetic downstream never meets 1e300 seconds.
    public static let supportedYears = 1...9999
    /// The largest UTC offset in use anywhere is 14 h; ISO 8601 and
    /// Foundation's TimeZone allow up to 18 h.
    public static let maximumOffsetSeconds = 18 * 3600
    /// Seconds since 1970 of 0001-01-01T00:00Z and of the last second of 9999,
    /// pulled in by the largest offset so the local date is in range too.
    public static let supportedSeconds: ClosedRange<Double> = (-62_135_596_800.0 + 64_800)...(253_402_300_799.0 - 64_800)

    /// Whether the instant and offset are in the supported range (a NaN or
    /// infinite instant is not).
    public var isInSupportedRange: Bool {
        Self.rangeProblem(seconds: instant.timeIntervalSince1970, utcOffsetSeconds: utcOffsetSeconds) == nil
    }

    /// A date from an instant read from a file or a store, or nil when it is
    /// outside the supported range.
    public init?(validating instant: Date, utcOffsetSeconds: Int?, precision: Precision) {
        self.init(instant: instant, utcOffsetSeconds: utcOffsetSeconds, precision: precision)
        guard isInSupportedRange else { return nil }
    }

    /// Why a date is outside the supported range, for messages.
    public static func rangeProblem(seconds: Double, utcOffsetSeconds: Int?) -> String? {
        if let offset = utcOffsetSeconds, offset < -maximumOffsetSeconds || offset > maximumOffsetSeconds {
            return "UTC offset \(offset) s is beyond ±18 h"
        }
        if !supportedSeconds.contains(seconds) {
            return "\(seconds) seconds since 1970 is outside the years \(supportedYears.lowerBound)-\(supportedYears.upperBound)"
        }
        return nil
    }

    /// A calendar date or date-time in the given zone (nil: UTC, zone unknown),
    /// or nil when it is no date or outside the supported range.
    public init?(year: Int, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil, second: Int? = nil, utcOffsetSeconds: Int? = nil) {
        guard Self.supportedYears.contains(year),
              abs(utcOffsetSeconds ?? 0) <= Self.maximumOffsetSeconds else { return nil }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(secondsFromGMT: utcOffsetSeconds ?? 0)
        components.year = year
        components.month = month ?? 1
        components.day = day ?? 1
        components.hour = hour ?? 0
        components.minute = minute ?? 0
        components.second = second ?? 0
        guard components.isValidDate, let instant = components.date,
              Self.supportedSeconds.contains(instant.timeIntervalSince1970) else { return nil }
        self.instant = instant
        self.utcOffsetSeconds = utcOffsetSeconds
        if second != nil { precision = .second }
        else if minute != nil { precision = .minute }
        else if day != nil { precision = .day }
        else if month != nil { precision = .month }
        else { precision = .year }
    }

    /// ISO 8601 at the date's own precision, in its own zone:
    /// `2025`, `2025-12`, `2025-12-28`, `2025-12-28T02:22+05:30`, `2025-12-28T02:22:58+05:30`.
    public var iso8601: String {
        var calendar = Calendar(identifier: .gregorian)
        // Both fallbacks are unreachable for a date in the supported range.
        calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetSeconds ?? 0) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let (year, month, day) = (c.year ?? 0, c.month ?? 1, c.day ?? 1)
        let (hour, minute, second) = (c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        let date: String
        switch precision {
        case .year: return String(format: "%04d", year)
        case .month: return String(format: "%04d-%02d", year, month)
        case .day: return String(format: "%04d-%02d-%02d", year, month, day)
        case .minute: date = String(format: "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute)
        case .second: date = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second)
        }
        return date + Self.formatOffset(utcOffsetSeconds)
    }

    /// `+05:30`, `Z` for UTC, empty when the zone is unknown.
    static func formatOffset(_ seconds: Int?) -> String {
        guard let seconds else { return "" }
        if seconds == 0 { return "Z" }
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }
}
