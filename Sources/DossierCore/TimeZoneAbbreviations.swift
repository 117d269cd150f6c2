/// Zone abbreviations printed after a time of day ("02:22:58 IST", "5 p.m.
/// EST"), with the fixed offset each stands for.
///
/// Abbreviations clash worldwide. Dossier reads South Asian news first, so
/// the South Asian reading wins:
/// - IST is India Standard Time (+05:30), not Israel (+02:00) or Irish
///   Summer Time (+01:00);
/// - BST is Bangladesh Standard Time (+06:00), not British Summer Time
///   (+01:00): South Asian outlets print BST for Dhaka, while British outlets
///   rarely print a zone for their own time at all;
/// - CST is US Central (-06:00), not China (+08:00), as news agencies use it;
/// - summer-time abbreviations (EDT, PDT, CEST) are their own entries, since
///   the abbreviation itself says which offset applies.
///
/// One table for the article store's metadata dates (`NewsDateParser`) and the
/// temporal tagger, so a dateline and the body of an article never disagree
/// about a zone. An abbreviation alone ("IST") is a zone, never a date: the
/// tagger only reads one right after a time of day.
public enum TimeZoneAbbreviations {
    /// Offsets in minutes east of UTC, keyed by the upper-case abbreviation.
    public static let offsetMinutes: [String: Int] = [
        "IST": 5 * 60 + 30, // India Standard Time
        "PKT": 5 * 60, // Pakistan Standard Time
        "BST": 6 * 60, // Bangladesh Standard Time (see above)
        "NPT": 5 * 60 + 45, // Nepal Time
        "SLST": 5 * 60 + 30, // Sri Lanka Standard Time
        "AFT": 4 * 60 + 30, // Afghanistan Time
        "MMT": 6 * 60 + 30, // Myanmar Time
        "GMT": 0,
        "UTC": 0,
        "UT": 0,
        "WET": 0, // Western European Time
        "EST": -5 * 60, // US Eastern Standard Time
        "EDT": -4 * 60, // US Eastern Daylight Time
        "CST": -6 * 60, // US Central Standard Time (not China)
        "CDT": -5 * 60,
        "MST": -7 * 60, // US Mountain Standard Time
        "MDT": -6 * 60,
        "PST": -8 * 60, // US Pacific Standard Time
        "PDT": -7 * 60,
        "CET": 1 * 60, // Central European Time
        "CEST": 2 * 60, // Central European Summer Time
        "EET": 2 * 60, // Eastern European Time
        "EEST": 3 * 60,
        "MSK": 3 * 60, // Moscow Time
        "AST": 3 * 60, // Arabia Standard Time (Gulf news usage, not Atlantic)
        "GST": 4 * 60, // Gulf Standard Time (UAE, Oman)
        "IRST": 3 * 60 + 30, // Iran Standard Time
        "ICT": 7 * 60, // Indochina Time
        "WIB": 7 * 60, // Western Indonesia Time
        "SGT": 8 * 60, // Singapore Time
        "HKT": 8 * 60, // Hong Kong Time
        "PHT": 8 * 60, // Philippine Time
        "AWST": 8 * 60, // Australian Western Standard Time
        "JST": 9 * 60, // Japan Standard Time
        "KST": 9 * 60, // Korea Standard Time
        "AEST": 10 * 60, // Australian Eastern Standard Time
        "AEDT": 11 * 60,
        "NZST": 12 * 60,
        "NZDT": 13 * 60,
    ]

    /// The offset in seconds of an abbreviation as written; only upper-case
    /// spellings count ("ist" is not a zone).
    public static func offsetSeconds(_ abbreviation: String) -> Int? {
        guard abbreviation.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        return offsetMinutes[abbreviation].map { $0 * 60 }
    }
}
