import Claims
import DossierCore
import Testing

/// Issue 14, finding 4: claims of one huge sentence. Finding them was
/// quadratic three ways: indirect speech scanned from each cue to the end of
/// the sentence for the next cue's clause, the source classifier scanned
/// every token of the text for each claim (an 80k-word sentence: 46 s in a
/// debug build), a pronoun's antecedent was looked for through every
/// earlier mention of its sentence (one person named thousands of times with
/// as many "he said"), and a cue that does not report by itself was checked
/// against every earlier claim of its sentence. The scans count their steps (`WorkCounter`); each
/// test runs a text at two sizes and asks twice the text for twice the
/// steps, where the quadratic scans take four times as many. No clock.
@Suite struct ClaimScalingTests {
    let extractor = ClaimExtractor(finder: AttributionFinder(lexicon: AttributionFinderTests.lexicon))

    /// The claims of `text` and the steps their scans took.
    func counted(_ text: String, mentions: [Mention] = []) -> (claims: [Claim], steps: Int) {
        let (claims, counter) = WorkCounter.counting { extractor.claims(in: text, mentions: mentions) }
        return (claims, counter.steps(ClaimExtractor.scanWork))
    }

    @Test func oneSentenceOfManyCuesIsReadInOnePass() {
        let clause = "officials said that the talks between the two countries resumed after a long pause and trade was discussed at length"
        var steps: [Int] = []
        for repeats in [1_000, 2_000] {
            let text = "This report opens with a sentence " + Array(repeating: clause, count: repeats).joined(separator: " ") + " and it ends here."
            let (claims, counted) = counted(text)
            #expect(claims.count == repeats)
            // Indirect speech runs to the end of the sentence when no other cue's
            // clause (", he said") cuts it: one sentence, so every claim ends there.
            #expect(claims.allSatisfy { $0.content.last?.upperBound == text.utf8.count - 1 }, "\(claims.prefix(2))")
            steps.append(counted)
        }
        #expect(steps[0] > 0 && steps[1] <= steps[0] * 21 / 10, "\(steps)")
    }

    /// "Omar Haq met the envoy, he said, and Omar Haq left, he said, ...": each
    /// "he" is Omar Haq, found without walking back over every earlier mention.
    @Test func oneSentenceNamingOnePersonThousandsOfTimesIsReadInOnePass() {
        var steps: [Int] = []
        for repeats in [1_000, 2_000] {
            var text = "Omar Haq spoke"
            var mentions = [Mention(text: "Omar Haq", type: .person, entity: "Omar Haq", start: 1, stop: 8, sentence: 1, source: .model)]
            for _ in 0..<repeats {
                text += " and Omar Haq met the envoy, he said,"
                let start = text.utf8.count - " met the envoy, he said,".utf8.count - "Omar Haq".utf8.count + 1
                mentions.append(Mention(text: "Omar Haq", type: .person, entity: "Omar Haq", start: start, stop: start + 7, sentence: 1, source: .model))
            }
            text += " and it ended there."
            let (claims, counted) = counted(text, mentions: mentions)
            let bytes = Array(text.utf8)
            let pronouns = claims.filter { claim in claim.source.map { String(decoding: bytes[$0], as: UTF8.self) } == "he" }
            #expect(pronouns.count == repeats, "\(claims.prefix(3))")
            #expect(pronouns.allSatisfy { $0.kind == .named && $0.entity == "Omar Haq" })
            steps.append(counted)
        }
        #expect(steps[0] > 0 && steps[1] <= steps[0] * 21 / 10, "\(steps)")
    }

    /// "“We agree,” he signed a letter saying, ...": a cue that does not
    /// report by itself ("signed") is asked whether it lies in the content of
    /// an earlier claim of its sentence, which was a walk back over all of
    /// them (8,000 such cues: 6.7 s; now `ContentCover`).
    @Test func oneSentenceOfCuesThatDoNotReportByThemselvesIsReadInOnePass() {
        let extractor = ClaimExtractor(finder: AttributionFinderTests.nestingFinder())
        var steps: [Int] = []
        for repeats in [1_000, 2_000] {
            let text = "It began " + Array(repeating: "“we agree,” he signed a letter saying,", count: repeats).joined(separator: " ")
                + " and it ended there."
            let (claims, counter) = WorkCounter.counting { extractor.claims(in: text, mentions: []) }
            #expect(claims.count == repeats, "\(claims.prefix(2))")
            steps.append(counter.steps(ClaimExtractor.scanWork))
        }
        #expect(steps[0] > 0 && steps[1] <= steps[0] * 21 / 10, "\(steps)")
        // Still: a verb inside an earlier claim's content is no claim of its own.
        let nested = extractor.claims(in: "Pakistan said it has signed a defense cooperation pact with Bangladesh.", mentions: [])
        #expect(nested.count == 1)
    }

    /// Many statements of absent evidence and many claims: each claim was
    /// checked against every denial of the text (8,000 of each: 161 s in a
    /// debug build); now against the earliest end of its own sentence's.
    @Test func manyDenialsAndManyClaimsAreMatchedByTheirSentence() {
        let extractor = ClaimExtractor(finder: AttributionFinder(lexicon: AttributionFinderTests.lexicon))
        var steps: [Int] = []
        for repeats in [500, 1_000] {
            let text = Array(repeating: "There is no evidence that it rained.", count: repeats).joined(separator: " ") + " "
                + Array(repeating: "Officials said it rained.", count: repeats).joined(separator: " ")
                + " There is no evidence that officials said it rained."
            let (claims, counter) = WorkCounter.counting { extractor.claims(in: text, mentions: []) }
            // The last sentence's claim is denied; the others stand.
            #expect(claims.count == repeats, "\(claims.count)")
            steps.append(counter.steps(ClaimExtractor.scanWork))
        }
        #expect(steps[0] > 0 && steps[1] <= steps[0] * 21 / 10, "\(steps)")
        // A denial after the cue, or after the source, takes nothing away.
        let kept = extractor.claims(in: "Officials said there is no evidence that it rained.", mentions: [])
        #expect(kept.count == 1)
    }

    /// Two people in the sentence: the pronoun is nobody's, however many
    /// times the first is named after the second.
    @Test func aSecondPersonBeforeTheRunOfOneNameStillMakesThePronounAmbiguous() {
        var text = "Sara Khan arrived"
        var mentions = [Mention(text: "Sara Khan", type: .person, entity: "Sara Khan", start: 1, stop: 9, sentence: 1, source: .model)]
        for _ in 0..<50 {
            text += " and Omar Haq waved"
            let start = text.utf8.count - " waved".utf8.count - "Omar Haq".utf8.count + 1
            mentions.append(Mention(text: "Omar Haq", type: .person, entity: "Omar Haq", start: start, stop: start + 7, sentence: 1, source: .model))
        }
        text += ", he said, and the talks ended."
        let claims = extractor.claims(in: text, mentions: mentions)
        let bytes = Array(text.utf8)
        let pronoun = claims.first { claim in claim.source.map { String(decoding: bytes[$0], as: UTF8.self) } == "he" }
        #expect(pronoun != nil, "\(claims)")
        #expect(pronoun?.entity == nil)
    }

    @Test func aCueClauseAfterACommaStillEndsTheContent() {
        let text = "The minister said that the border would reopen next week, officials said, and trade would resume."
        let claims = extractor.claims(in: text, mentions: [])
        let first = claims.first { String(decoding: Array(text.utf8)[$0.cue], as: UTF8.self) == "said" }
        let content = first?.content.first.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
        #expect(content == "that the border would reopen next week", "\(claims)")
    }
}
