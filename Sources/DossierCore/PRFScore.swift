/// Precision, recall and F1 from counts: what an evaluation found right
/// (`correct`), what the system proposed (`predicted`) and what the gold holds
/// (`gold`). Shared by the entity, timex and attribution evaluations so that
/// each scores with the same definitions (0 where a denominator is 0).
public struct PRFScore: Sendable, Equatable {
    public var correct: Int
    public var predicted: Int
    public var gold: Int

    public init(correct: Int = 0, predicted: Int = 0, gold: Int = 0) {
        self.correct = correct
        self.predicted = predicted
        self.gold = gold
    }

    public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public mutating func add(_ other: PRFScore) {
        correct += other.correct
        predicted += other.predicted
        gold += other.gold
    }

    public static func + (left: PRFScore, right: PRFScore) -> PRFScore {
        var sum = left
        sum.add(right)
        return sum
    }
}
