import DossierCore
import Foundation

/// Finds temporal expressions in English news text and normalises them as
/// TimeML TIMEX3 values, resolving relative ones against the publication date
/// (the anchor) and the date the story has moved to.
///
/// ```swift
/// let tagger = TemporalTagger()
/// let anchor = PublicationDate(year: 2025, month: 12, day: 28)
/// tagger.find(in: "In April 2025, talks resumed after a gap of nearly 15 years.", anchor: anchor)
/// // "April 2025" DATE 2025-04, "nearly 15 years" DURATION P15Y APPROX
/// tagger.parse("the early 2010s", anchor: anchor)?.value   // "201", modifier START
/// ```
///
/// The tagger works on the UTF-8 bytes: the text is tokenised once and the
/// grammar matches over token sequences, so its cost is linear in the text.
/// It is a value with no state: one instance can serve every thread.
public struct TemporalTagger: Sendable {
    public init() {}

    /// Every temporal expression in `text`, in text order, without overlaps.
    public func find(in text: String, anchor: PublicationDate?) -> [TimeExpression] {
        TextBytes.withBytes(of: text) { bytes in
            var pass = TaggingPass(bytes: bytes, anchor: anchor)
            let found = pass.run()
            return found.map { expression(from: $0.candidate, first: $0.first, pass: pass) }
        }
    }

    /// `expression` read as one temporal expression ("early 2010s", "April
    /// 2025", "next Friday"), or nil when it is not exactly one. Words that
    /// `find` reads as dates only in context ("May", "fall") are dates here.
    public func parse(_ expression: String, anchor: PublicationDate?) -> TimeExpression? {
        TextBytes.withBytes(of: expression) { bytes in
            var pass = TaggingPass(bytes: bytes, anchor: anchor)
            pass.isStandalone = true
            guard !pass.tokens.isEmpty else { return nil }
            var last = pass.tokens.count
            // A trailing full stop is not part of the question.
            if last > 1, pass.tokens[last - 1].kind == .punctuation, pass.tokens[last - 1].punctuation == 0x2E { last -= 1 }
            guard let candidate = pass.match(at: 0), candidate.end == last else { return nil }
            return self.expression(from: candidate, first: 0, pass: pass)
        }
    }

    // MARK: From a candidate to a TimeExpression

    private func expression(from candidate: Candidate, first: Int, pass: TaggingPass) -> TimeExpression {
        let startByte = pass.tokens[first].start
        let endByte = pass.tokens[candidate.end - 1].end
        let text = String(decoding: UnsafeBufferPointer(rebasing: pass.bytes[startByte..<endByte]), as: UTF8.self)
        var result = TimeExpression(text: text, start: startByte + 1, stop: endByte, type: candidate.type, value: "",
                                    modifier: candidate.modifier, isRelative: candidate.isRelative,
                                    anchor: candidate.isRelative ? pass.reference.anchorText : nil)
        switch candidate.content {
        case .point(let point):
            result.value = point.value
            result.precision = point.precision
            result.utcOffsetSeconds = point.utcOffsetSeconds
            result.interval = point.interval.map { Self.narrow($0, by: candidate.modifier) }
        case .duration(let duration, let direction, let assumed):
            result.type = .duration
            result.value = Self.durationValue(duration)
            result.duration = duration
            if candidate.modifier == .approx { result.duration?.isApproximate = true }
            result.precision = Self.precision(of: duration.unit)
            if let anchorDay = pass.reference.anchorDay, direction != .none,
               let amount = duration.amount ?? assumed {
                result.interval = Self.span(of: amount, duration.unit, from: anchorDay, forward: direction == .future)
                if result.anchor == nil { result.anchor = pass.reference.anchorText }
                result.isRelative = true
            }
        case .set(let value, let period):
            result.type = .set
            result.value = value
            result.duration = period
        case .literal(let value):
            result.value = value
        }
        return result
    }

    /// The part of a span that START, MID and END speak of: the first 40%, the
    /// middle 40% or the last 40% ("the early 2010s" is 2010-2014).
    static func narrow(_ interval: DateInterval, by modifier: TimeExpression.Modifier?) -> DateInterval {
        guard let modifier, [.start, .mid, .end].contains(modifier) else { return interval }
        let days = (interval.duration / 86_400).rounded()
        guard days >= 3 else { return interval }
        let part = (days * 0.4).rounded() * 86_400
        switch modifier {
        case .start: return DateInterval(start: interval.start, duration: part)
        case .end: return DateInterval(start: interval.end.addingTimeInterval(-part), end: interval.end)
        default:
            let offset = ((days * 0.3).rounded()) * 86_400
            return DateInterval(start: interval.start.addingTimeInterval(offset), duration: part)
        }
    }

    /// `amount` units before (or after) the start of the anchor's day.
    static func span(of amount: Double, _ unit: TimeExpression.Unit, from day: Int, forward: Bool) -> DateInterval {
        let sign = forward ? 1 : -1
        let whole = Int(amount.rounded(.down))
        var other: Int
        switch unit {
        case .month: other = CalendarMath.addMonths(toDay: day, sign * whole)
        case .quarter: other = CalendarMath.addMonths(toDay: day, sign * whole * 3)
        case .year: other = CalendarMath.addMonths(toDay: day, sign * whole * 12)
        case .decade: other = CalendarMath.addMonths(toDay: day, sign * whole * 120)
        case .century: other = CalendarMath.addMonths(toDay: day, sign * whole * 1200)
        case .millennium: other = CalendarMath.addMonths(toDay: day, sign * whole * 12000)
        case .week: other = day + sign * whole * 7
        case .day: other = day + sign * whole
        case .second, .minute, .hour:
            let seconds = amount * (unit == .hour ? 3600 : unit == .minute ? 60 : 1)
            let anchor = CalendarMath.date(ofDay: day)
            return forward ? DateInterval(start: anchor, duration: seconds) : DateInterval(start: anchor.addingTimeInterval(-seconds), end: anchor)
        }
        let a = CalendarMath.date(ofDay: min(day, other)), b = CalendarMath.date(ofDay: max(day, other))
        return DateInterval(start: a, end: b)
    }

    static func precision(of unit: TimeExpression.Unit) -> TimeExpression.Precision {
        switch unit {
        case .second: return .second
        case .minute: return .minute
        case .hour: return .hour
        case .day: return .day
        case .week: return .week
        case .month: return .month
        case .quarter: return .quarter
        case .year: return .year
        case .decade: return .decade
        case .century, .millennium: return .century
        }
    }

    /// The TIMEX3 value of a duration: "P15Y", "PT3H", "P2W", "PXM", "PXDE";
    /// counted decades and centuries are written in years ("two decades" is
    /// P20Y, as TimeBank writes them), halves in the units below ("one and a
    /// half years" is P1Y6M, "an hour and a half" PT1H30M).
    public static func durationValue(_ duration: TimeExpression.Duration) -> String {
        let unit = duration.unit
        let prefix = unit.isTimeOfDayUnit ? "PT" : "P"
        guard var amount = duration.amount else { return prefix + "X" + unit.timexLetter }
        var letterUnit = unit
        switch unit {
        case .decade: amount *= 10; letterUnit = .year
        case .century: amount *= 100; letterUnit = .year
        case .millennium: amount *= 1000; letterUnit = .year
        default: break
        }
        if amount != amount.rounded() {
            switch letterUnit {
            case .year: amount *= 12; letterUnit = .month
            case .day: amount *= 24; letterUnit = .hour
            case .hour: amount *= 60; letterUnit = .minute
            case .minute: amount *= 60; letterUnit = .second
            case .week: amount *= 7; letterUnit = .day
            default: break
            }
            if amount == amount.rounded(), letterUnit == .month, amount >= 12 {
                // "2 1/2 years": P2Y6M
                return "P\(Int(amount) / 12)Y" + (Int(amount) % 12 == 0 ? "" : "\(Int(amount) % 12)M")
            }
            if amount == amount.rounded(), letterUnit == .hour, amount >= 24 {
                // "a day and a half": P1DT12H
                return "P\(Int(amount) / 24)D" + (Int(amount) % 24 == 0 ? "" : "T\(Int(amount) % 24)H")
            }
            if amount == amount.rounded(), letterUnit == .minute, unit == .hour, Int(amount) % 60 != 0 {
                // "an hour and a half": PT1H30M
                return "PT\(Int(amount) / 60)H\(Int(amount) % 60)M"
            }
            if amount == amount.rounded(), letterUnit == .second, unit == .minute {
                return "PT\(Int(amount) / 60)M\(Int(amount) % 60)S"
            }
        }
        let number = amount == amount.rounded() ? String(Int(amount)) : String(amount)
        return (letterUnit.isTimeOfDayUnit ? "PT" : "P") + number + letterUnit.timexLetter
    }
}
