import DossierCore
import Testing
@testable import Timeline

/// Subjects carried to verbs that do not stand next to them: the -ing of the
/// means or the moment ("by walking", "while serving").
@Suite struct SubjectsCarriedTests {
    private func people(_ names: [String], in body: String) -> [Mention] {
        names.map { name in
            let start = body.utf8.count - (body.range(of: name).map { String(body[$0.lowerBound...]) } ?? "").utf8.count
            let sentence = body[..<body.index(body.startIndex, offsetBy: body.distance(from: body.startIndex, to: body.range(of: name)!.lowerBound))]
                .filter { $0 == "." }.count + 1
            return Mention(text: name, type: .person, entity: name, start: start + 1, stop: start + name.utf8.count, sentence: sentence, source: .model)
        }
    }

    private func events(_ body: String, people names: [String]) -> [Event] {
        EventExtractor().events(in: TimelineArticle(id: 1, published: PublicationDate(year: 2011, month: 10, day: 6), body: body,
                                                     mentions: people(names, in: body)))
    }

    @Test func theIngOfTheMeansHasTheVerbsSubject() throws {
        let found = events("Steve Jobs unveiled the device on 9 January 2007 by walking onto the stage.", people: ["Steve Jobs"])
        #expect(try #require(found.first { $0.trigger == "walking" }).entities == ["Steve Jobs"])
        // What the subject did without is not done.
        let without = events("Steve Jobs dominated the market in 2007 without investing in ads.", people: ["Steve Jobs"])
        #expect(without.first { $0.trigger == "investing" }?.entities.contains("Steve Jobs") != true)
    }
}

/// A subject before a relative clause, and "the airline" for an airline.
@Suite struct RelativeClauseAndDescriptionTests {
    private func mention(_ text: String, in body: String, type: EntityType, occurrence: Int = 1) -> Mention {
        var searchStart = body.startIndex
        var found = body.range(of: text)!
        for _ in 1..<occurrence {
            searchStart = found.upperBound
            found = body.range(of: text, range: searchStart..<body.endIndex)!
        }
        let start = body.utf8.distance(from: body.utf8.startIndex, to: found.lowerBound)
        let sentence = body[..<found.lowerBound].filter { $0 == "." }.count + 1
        return Mention(text: text, type: type, entity: text, start: start + 1, stop: start + text.utf8.count, sentence: sentence, source: .model)
    }

    @Test func aNameBeforeARelativeClauseIsTheSubjectOfTheVerbAfterIt() throws {
        let body = "China Eastern Airlines, which is the third largest airline in China, signed the agreement in Paris on 15 June 2009."
        let events = EventExtractor().events(in: TimelineArticle(id: 1, published: PublicationDate(year: 2009, month: 6, day: 18), body: body,
                                                                 mentions: [mention("China Eastern Airlines", in: body, type: .organization)]))
        #expect(try #require(events.first { $0.trigger == "signed" }).entities == ["China Eastern Airlines"])
        // A place after "of" is not who the clause and the verb are about.
        let murphy = "Senator Chris Murphy of Connecticut, who campaigned alongside Clinton, said on 27 April 2016 that she must focus."
        let said = EventExtractor().events(in: TimelineArticle(id: 2, published: PublicationDate(year: 2016, month: 4, day: 28), body: murphy,
                                                               mentions: [mention("Chris Murphy", in: murphy, type: .person),
                                                                          mention("Connecticut", in: murphy, type: .geopolitical)]))
        #expect(try !#require(said.first { $0.trigger == "said" }).entities.contains("Connecticut"))
    }

    @Test func theAirlineIsTheLastOrganisationNamedAsAnAirline() throws {
        let body = "China Eastern Airlines signed a deal with Airbus on 15 June 2009. The airline announced on 16 June 2009 that it had paid."
        let mentions = [mention("China Eastern Airlines", in: body, type: .organization), mention("Airbus", in: body, type: .organization)]
        let events = EventExtractor().events(in: TimelineArticle(id: 1, published: PublicationDate(year: 2009, month: 6, day: 18), body: body, mentions: mentions))
        #expect(try #require(events.first { $0.trigger == "announced" }).entities == ["China Eastern Airlines"])
    }
}
