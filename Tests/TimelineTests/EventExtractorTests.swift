import DossierCore
import Foundation
import Testing
@testable import Timeline

/// Events from text, with the real temporal tagger and hand-placed mentions.
@Suite struct EventExtractorTests {
    static let published = PublicationDate(year: 2025, month: 12, day: 28, hour: 2, minute: 22, second: 58, utcOffsetSeconds: 19_800)

    /// Mentions of every occurrence of each name, with the sentence numbers given.
    static func article(_ body: String, names: [(String, Int)]) -> TimelineArticle {
        var mentions: [Mention] = []
        let bytes = Array(body.utf8)
        for (name, sentence) in names {
            let needle = Array(name.utf8)
            var index = 0
            while index + needle.count <= bytes.count {
                if Array(bytes[index..<index + needle.count]) == needle {
                    mentions.append(Mention(text: name, type: .geopolitical, entity: name, start: index + 1,
                                            stop: index + needle.count, sentence: sentence, source: .gazetteer))
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        return TimelineArticle(id: 7, title: "T", outlet: "O", published: published, body: body,
                               mentions: mentions.filter { mention in
                                   // keep only the mentions in the sentence they were declared for
                                   names.contains { $0.0 == mention.text && $0.1 == mention.sentence }
                               })
    }

    @Test func aDatedSentenceGivesAnEventAtItsPrecisionAndDurationsAnEarlierPoint() throws {
        let body = "Pakistan and Bangladesh talked. In April 2025, the two countries resumed consultations after a gap of nearly 15 years."
        let events = EventExtractor().events(in: Self.article(body, names: [("Pakistan", 1), ("Bangladesh", 1)]))
        let april = events.first { $0.dating == .expression }
        #expect(april?.label == "2025-04")
        #expect(april?.precision == .month)
        #expect(april?.trigger == "resumed")
        // "the two countries": the two named just before.
        #expect(april?.entities == ["Pakistan", "Bangladesh"])
        let earlier = events.first { $0.dating == .arithmetic }
        #expect(earlier?.label == "~2010")
        #expect(earlier?.when == "April 2025 - nearly 15 years")
        #expect(april?.sources.first?.sentence == 2)
        let source = try #require(april?.sources.first)
        #expect(String(decoding: Array(body.utf8)[(source.start - 1)..<source.stop], as: UTF8.self) == source.text)
    }

    @Test func aDateOpeningTheSentenceReachesItsVerbPastAVerblessParenthesis() {
        let body = "Yesterday, at this year's Worldwide Developers Conference (WWDC), chief executive Steve Jobs unveiled the phone."
        let unveiled = EventExtractor().events(in: Self.article(body, names: [("Steve Jobs", 1)])).first { $0.trigger == "unveiled" }
        #expect(unveiled?.dating == .expression)
        #expect(unveiled?.label == "2025-12-27")
        // A clause with a verb of its own between them still stops it.
        let relative = "Yesterday, at the conference (which was held in Paris), Steve Jobs unveiled the phone."
        let held = EventExtractor().events(in: Self.article(relative, names: [("Steve Jobs", 1)]))
        #expect(held.first { $0.trigger == "unveiled" }?.dating != .expression)
        // Not a date after another word of its clause: "(born 1930)", a dateline.
        let born = "Walter Burnham (born 1930), is professor emeritus at the university, where he held the chair."
        #expect(EventExtractor().events(in: Self.article(born, names: [])).first { $0.trigger == "held" }?.label != "1930")
        let dateline = "WASHINGTON, December 20 (UPI) -- Steve Jobs told a gathering in Washington that he will stay."
        #expect(EventExtractor().events(in: Self.article(dateline, names: [("Steve Jobs", 1)])).first { $0.trigger == "told" }?.dating != .expression)
    }

    @Test func theObjectOfASupportVerbIsTheEventAtTheVerbsTime() {
        func events(_ body: String) -> [Event] { EventExtractor().events(in: Self.article(body, names: [("Airbus", 1)])) }
        let body = "The world's largest passenger aircraft, the Airbus A380, has made its maiden flight after lifting off from Toulouse."
        let flight = EventExtractor().events(in: Self.article(body, names: [("Airbus A380", 1)])).first { $0.trigger == "flight" }
        #expect(flight?.label == "before 2025-12-28")
        // The verb's subject takes part in the noun's happening.
        #expect(flight?.entities == ["Airbus A380"])
        let leave = events("Airbus has taken medical leave.").first { $0.trigger == "leave" }
        #expect(leave?.label == "before 2025-12-28")
        #expect(events("Airbus negotiates purchase of 22 new aircraft").contains { $0.trigger == "purchase" })
        // A noun after another verb still needs a date of its own.
        #expect(!events("Airbus praised the flight.").contains { $0.trigger == "flight" })
        // Not an adjective after an object pronoun, nor a thing after a particle or preposition.
        #expect(!events("Airbus made it clear that it will stay.").contains { $0.trigger == "clear" })
        #expect(!events("Airbus met them. Airbus took directions from Boeing staffer Smith on the deal.").contains { $0.trigger == "staffer" })
        // Not after a passive: a predicate, no object.
        #expect(!events("Airbus had been made the new face of the campaign.").contains { $0.trigger == "face" })
        // Not a word describing the noun after it, nor an object with its complement.
        #expect(!events("Poll: Airbus and Boeing hold narrow leads in Europe.").contains { $0.trigger == "narrow" })
        #expect(!events("Airbus met them. Airbus has made this election a choice about jobs.").contains { $0.trigger == "election" })
    }

    @Test func aPronounStandsForTheEntityNamedBefore() {
        let body = "Pakistan and Bangladesh met. Pakistan said it has signed a pact."
        let events = EventExtractor().events(in: Self.article(body, names: [("Pakistan", 1), ("Bangladesh", 1), ("Pakistan", 2)]))
        let signed = events.first { $0.trigger == "has signed" }
        #expect(signed?.entities == ["Pakistan"])
    }

    @Test func titleMentionsNameNoBodySentence() {
        let body = "In April 2025, the two sides resumed talks in Dhaka."
        var article = Self.article(body, names: [])
        // "Karachi" is sentence 1 of the title, not of the body.
        article.mentions = [Mention(text: "Karachi", type: .geopolitical, entity: "Karachi", start: 1, stop: 7, sentence: 1,
                                    source: .gazetteer, field: .title)]
        let april = EventExtractor().events(in: article).first { $0.label == "2025-04" }
        #expect(april != nil)
        #expect(april?.entities.contains("Karachi") == false)
    }

    @Test func reportedFactsAreDatedByPublicationUnlessDenied() throws {
        let body = "Pakistan said it has signed a pact with Bangladesh. Neither Pakistan nor Bangladesh has announced an agreement."
        let events = EventExtractor().events(in: Self.article(body, names: [("Pakistan", 1), ("Bangladesh", 1), ("Pakistan", 2), ("Bangladesh", 2)]))
        let signed = try #require(events.first { $0.trigger == "has signed" })
        #expect(signed.dating == .publication)
        // Done before the report (a perfect), counted from the day printed in New Delhi, not the UTC day before.
        #expect(signed.label == "before 2025-12-28")
        #expect(signed.tense == .present)
        #expect(!events.contains { $0.trigger.hasSuffix("announced") })
        #expect(events.contains { $0.trigger == "said" && $0.tense == .past })
    }

    @Test func everyTriggerOfASentenceIsAnEventWithItsOwnOffsets() throws {
        let body = "Airbus has announced that it is divesting its stake by selling shares."
        let events = EventExtractor().events(in: Self.article(body, names: [("Airbus", 1)]))
        let words = events.compactMap { event -> String? in
            guard let source = event.sources.first, source.triggerStart > 0 else { return nil }
            return String(decoding: Array(body.utf8)[(source.triggerStart - 1)..<source.triggerStop], as: UTF8.self)
        }
        #expect(words.contains("announced"))
        #expect(words.contains("divesting"))
        #expect(words.contains("selling"))
        #expect(events.first { $0.trigger == "has announced" }?.entities == ["Airbus"])
    }

    @Test func futureEventsAreNeverPlacedInThePastAndModalsAreHypothetical() throws {
        let body = "In 2024, the firm said it will receive the jets. The deal could collapse. The loss was reported in March 2025."
        let events = EventExtractor().events(in: Self.article(body, names: []))
        let receive = try #require(events.first { $0.trigger == "will receive" })
        #expect(receive.tense == .future)
        #expect(receive.modifier == .after)
        #expect(receive.label == "after 2025-12-28")
        #expect(events.first { $0.trigger == "said" }?.label == "2024")
        #expect(events.first { $0.trigger == "could collapse" }?.isHypothetical == true)
        // A noun event, dated by its sentence's expression.
        #expect(events.first { $0.trigger == "loss" }?.label == "2025-03")
    }

    @Test func theSubjectsVerbAndNearbyEventsBelongToAnEntity() {
        let body = "Boeing delivered the first jet, while Airbus lost an order."
        let events = EventExtractor().events(in: Self.article(body, names: [("Boeing", 1), ("Airbus", 1)]))
        #expect(events.first { $0.trigger == "delivered" }?.entities == ["Boeing"])
        #expect(events.first { $0.trigger == "lost" }?.entities == ["Airbus"])
    }

    @Test func rangesKeepBothEndsAndFurnitureGivesNoEvents() throws {
        let body = "Between 2010 and 2015 sales doubled. Copyright 2019 The Times, all rights reserved. The photo was taken in 2014. The photo was taken in 2014. A placeholder was dated 0001-01-01 and published."
        let events = EventExtractor().events(in: Self.article(body, names: []))
        let doubled = try #require(events.first { $0.trigger == "doubled" })
        #expect(doubled.label == "2010..2015")
        #expect(!events.contains { $0.sources.first?.sentence == 2 })
        #expect(events.filter { $0.trigger == "was taken" }.count == 1)
        #expect(!events.contains { $0.label.hasPrefix("0001") || $0.label.hasPrefix("1-") })
    }

    @Test func participlesBeforeANounAndWordsOfFixedNamesAreNoEvents() {
        func triggers(_ body: String) -> [String] { EventExtractor().events(in: Self.article(body, names: [])).map(\.trigger) }
        let compound = triggers("Officials said state-linked companies from both countries have signed memoranda of understanding on trade.")
        #expect(compound.contains("have signed"))
        #expect(!compound.contains("state-linked"))
        #expect(!compound.contains("understanding"))
        #expect(!triggers("The region's mountains, long coastline, and established smuggling routes drew traffickers.").contains("established"))
        // Verbs in a list of clauses, and a hyphenated verb, stay events.
        #expect(triggers("The delegation met officials, and signed agreements on trade.").contains("signed"))
        #expect(triggers("The party re-elected its leader in March 2025.").contains("re-elected"))
    }
}
