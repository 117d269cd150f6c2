/// The averaged perceptron (Collins, 2002) over hashed features and the 17
/// BILOU tags. Averaging is lazy: each row remembers when it last changed, so
/// an update costs the features it touches, not the whole model.
final class AveragedPerceptron {
    private(set) var index = FeatureIndex(minimumCapacity: 1 << 18)
    private var weights: [Float] = []
    /// Running sums of each weight over time, for the average.
    private var totals: [Double] = []
    private var stamps: [Int] = []
    /// How many tokens have been seen: the denominator of the average.
    private(set) var clock = 0
    private let scores = UnsafeMutableBufferPointer<Float>.allocate(capacity: EntityTag.count)

    deinit { scores.deallocate() }

    func tick() { clock += 1 }

    /// The current (not averaged) scores of every tag.
    func score(_ features: UnsafeBufferPointer<UInt64>) -> UnsafeMutableBufferPointer<Float> {
        let width = EntityTag.count
        for tag in 0..<width { scores[tag] = 0 }
        for key in features {
            let row = index.row(of: key)
            if row < 0 { continue }
            let base = Int(row) * width
            for tag in 0..<width { scores[tag] += weights[base + tag] }
        }
        return scores
    }

    /// Moves weight from the wrong guess to the truth on every feature.
    func update(_ features: UnsafeBufferPointer<UInt64>, truth: EntityTag, guess: EntityTag) {
        let width = EntityTag.count
        for key in features {
            let (row, isNew) = index.insert(key)
            let base = Int(row) * width
            if isNew {
                weights.append(contentsOf: repeatElement(0, count: width))
                totals.append(contentsOf: repeatElement(0, count: width))
                stamps.append(clock)
            } else {
                catchUp(row: Int(row))
            }
            weights[base + truth.rawValue] += 1
            weights[base + guess.rawValue] -= 1
        }
    }

    private func catchUp(row: Int) {
        let elapsed = Double(clock - stamps[row])
        guard elapsed > 0 else { return }
        let base = row * EntityTag.count
        for tag in 0..<EntityTag.count { totals[base + tag] += elapsed * Double(weights[base + tag]) }
        stamps[row] = clock
    }

    /// The averaged weights, rows whose largest weight is under `threshold`
    /// (in units of one update) dropped: they are most of the rows and change
    /// almost no decision.
    func averaged(threshold: Float) -> (keys: [UInt64], weights: [Float]) {
        let width = EntityTag.count
        let rowKeys = index.keys
        var keys: [UInt64] = []
        var kept: [Float] = []
        let time = Double(max(clock, 1))
        for row in 0..<index.count {
            let base = row * width
            let elapsed = Double(clock - stamps[row])
            var average = [Float](repeating: 0, count: width)
            var largest: Float = 0
            for tag in 0..<width {
                average[tag] = Float((totals[base + tag] + elapsed * Double(weights[base + tag])) / time)
                largest = max(largest, abs(average[tag]))
            }
            guard largest >= threshold else { continue }
            for tag in 0..<width where abs(average[tag]) < threshold / 4 { average[tag] = 0 }
            keys.append(rowKeys[row])
            kept.append(contentsOf: average)
        }
        return (keys, kept)
    }
}

/// The training side of `GreedyDecoder`: guesses as the tagger would, and
/// corrects the perceptron where the guess differs from the gold tag. The
/// guess, not the gold tag, feeds the next token's features, so the model
/// learns to recover from its own mistakes.
struct LearningChooser: TagChooser {
    let perceptron: AveragedPerceptron
    let gold: [EntityTag]
    var mistakes = 0

    mutating func choose(token: Int, features: UnsafeBufferPointer<UInt64>, allowed: EntityTag.Mask) -> EntityTag {
        perceptron.tick()
        let guess = bestAllowed(perceptron.score(features), allowed)
        let truth = gold[token]
        if guess != truth {
            mistakes += 1
            perceptron.update(features, truth: truth, guess: guess)
        }
        return guess
    }
}
