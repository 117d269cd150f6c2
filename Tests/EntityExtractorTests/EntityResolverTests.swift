import DossierCore
@testable import EntityExtractor
import Testing

@Suite struct EntityResolverTests {
    let resolver = EntityResolver(gazetteer: Fixtures.gazetteer)

    private func mention(_ text: String, _ type: EntityType, at start: Int = 1, source: MentionSource = .model) -> Mention {
        Mention(text: text, type: type, entity: text, start: start, stop: start + text.utf8.count - 1, sentence: 1, source: source)
    }

    @Test func caseVariantsAreOneEntity() {
        let resolved = resolver.resolve([mention("NEW DELHI", .geopolitical), mention("New Delhi", .geopolitical, at: 20),
                                         mention("RANGPUR", .geopolitical, at: 40), mention("KARIMGANJ TOWN", .geopolitical, at: 60)])
        #expect(resolved.map(\.entity) == ["New Delhi", "New Delhi", "Rangpur", "Karimganj Town"])
    }

    @Test func abbreviationsWithFullStopsKeepTheirCapitals() {
        // Title-casing "L.A." gave "L.a.", a name a timeline then showed.
        let resolved = resolver.resolve([mention("L.A.", .geopolitical), mention("SAN FRANCISCO, CALIF.", .geopolitical, at: 20)])
        #expect(resolved.map(\.entity) == ["L.A.", "San Francisco, Calif."])
    }

    @Test func unknownAcronymsStayAsWritten() {
        #expect(resolver.resolve([mention("BIPSS", .organization)]).map(\.entity) == ["BIPSS"])
    }

    @Test func gazetteerAliasesAndDemonyms() {
        let resolved = resolver.resolve([mention("U.S.", .geopolitical), mention("ISI", .organization, at: 10),
                                         mention("Bangladeshi", .group, at: 20), mention("Britain", .location, at: 40)])
        #expect(resolved.map(\.entity) == ["United States", "Inter-Services Intelligence", "Bangladesh", "United Kingdom"])
        #expect(resolved[2].entityType == .geopolitical)
        #expect(resolved[2].type == .group)
    }

    @Test func typesMustAgreeForAGazetteerName() {
        // A person called Georgia is not the country.
        let resolved = resolver.resolve([mention("Georgia", .person)])
        #expect(resolved[0].entity == "Georgia")
        #expect(resolved[0].type == .person)
    }

    @Test func surnameMergesWithTheFullNameSeenEarlier() {
        let resolved = resolver.resolve([mention("Abhinandan Mishra", .person), mention("Mishra", .person, at: 40),
                                         mention("Mishra", .organization, at: 80), mention("Hasina", .person, at: 90)])
        #expect(resolved.map(\.entity) == ["Abhinandan Mishra", "Abhinandan Mishra", "Abhinandan Mishra", "Hasina"])
        #expect(resolved[2].type == .person)
    }

    @Test func nearestEarlierFullNameWins() {
        let resolved = resolver.resolve([mention("Nawaz Sharif", .person), mention("Shehbaz Sharif", .person, at: 20),
                                         mention("Sharif", .person, at: 40)])
        #expect(resolved[2].entity == "Shehbaz Sharif")
    }

    @Test func titlesDoNotHideTheSurname() {
        let resolved = resolver.resolve([mention("Gen. Asim Munir", .person), mention("Munir", .person, at: 30)])
        #expect(resolved[1].entity == "Gen. Asim Munir")
    }

    @Test func namedMentionsKeepTheirEntity() {
        let defined = Mention(text: "ISI", type: .organization, entity: "Indian Statistical Institute", start: 1, stop: 3,
                              sentence: 1, source: .rule)
        #expect(resolver.resolve([defined])[0].entity == "Indian Statistical Institute")
    }
}
