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
