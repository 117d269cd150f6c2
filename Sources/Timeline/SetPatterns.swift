import DossierCore
/// Recurrences (TIMEX3 SET): "every year" (P1Y), "each Monday"
/// (XXXX-WXX-1), "every two weeks" (P2W), "daily", "weekly", "annually",
/// "per year", "on Mondays", "every summer" (XXXX-SU).
extension TaggingPass {
    func matchSet(at i: Int) -> Candidate? {
        guard let w = word(i) else { return nil }
        switch w {
        case .key(.every), .key(.each), .key(.per):
            var k = i + 1
            if isKey(k, .other) { k += 1 }
            var amount = 1.0
            if isKey(i, .every) || isKey(i, .each), let a = self.amount(at: k), let v = a.value, !isKey(k, .a) {
                amount = v
                k = a.end
            }
            switch word(k) {
            case .unit(let unit, _)?:
                if isKey(i + 1, .other) { amount *= 2 }
                return Candidate(end: k + 1, type: .set, content: .set(periodValue(unit, amount: amount), .init(amount: amount, unit: unit)))
            case .weekday(let weekday)? where !isKey(i, .per):
                return Candidate(end: k + 1, type: .set, content: .set("XXXX-WXX-\(weekday)", .init(amount: 1, unit: .week)))
            case .weekend?:
                return Candidate(end: k + 1, type: .set, content: .set("XXXX-WXX-WE", .init(amount: 1, unit: .week)))
            case .season(let s, _)? where !isKey(i, .per):
                return Candidate(end: k + 1, type: .set, content: .set("XXXX-" + SeasonAndDayPartNames.seasonCodes[s], .init(amount: 1, unit: .year)))
            case .partOfDay(let code)?:
                return Candidate(end: k + 1, type: .set, content: .set("TXX" + code.rawValue, .init(amount: 1, unit: .day)))
            case .month(let m)? where !isKey(i, .per):
                return Candidate(end: k + 1, type: .set, content: .set("XXXX-" + (m < 10 ? "0" : "") + String(m), .init(amount: 1, unit: .year)))
            default:
                return nil
            }
        case .key(let k) where Self.adverbPeriods[k] != nil:
            let unit = Self.adverbPeriods[k]!
            // "annual" as an adjective ("annual report") is not a recurrence in TimeBank.
            if tokenIs(i, "annual") { return nil }
            // "quarterly" is nearly always an adjective ("quarterly dividend").
            if k == .quarterly { return nil }
            // "the Communist Party daily Granma": a newspaper.
            if isNameWord(i - 1) || isNameWord(i + 1) { return nil }
            let amount = k == .biweekly ? 2.0 : 1.0
            return Candidate(end: i + 1, type: .set, content: .set(periodValue(unit, amount: amount), .init(amount: amount, unit: unit)))
        case .weekdays(let weekday):
            guard tokens[i].isCapitalized, isKey(i - 1, .on) || isKey(i - 1, .every) else { return nil }
            return Candidate(end: i + 1, type: .set, content: .set("XXXX-WXX-\(weekday)", .init(amount: 1, unit: .week)))
        default:
            return nil
        }
    }

    static let adverbPeriods: [TemporalKey: TimeExpression.Unit] = [
        .daily: .day, .weekly: .week, .monthly: .month, .quarterly: .quarter, .annually: .year, .yearly: .year,
        .hourly: .hour, .nightly: .day, .biweekly: .week,
    ]
}
