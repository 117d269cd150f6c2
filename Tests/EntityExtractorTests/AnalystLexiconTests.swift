import DossierCore
@testable import EntityExtractor
import Foundation
import Testing

@Suite struct AnalystLexiconTests {
    @Test func analystEntriesWinOverGazetteerAndModel() {
        var lexicon = AnalystLexicon()
        lexicon.add(AnalystEntity(name: "Sunday Guardian", type: .organization, aliases: ["The Sunday Guardian"]))
        lexicon.add(AnalystEntity(name: "Joint Intelligence North", type: .organization, aliases: ["JIN"]))
        let extractor = Fixtures.scripted([("The Sunday Guardian", .person), ("Joint Intelligence North", .location)])
        let mentions = extractor.extract("The Sunday Guardian reported that Joint Intelligence North, or JIN, met.", lexicon: lexicon)
        let guardian = mentions.first("The Sunday Guardian")
        #expect(guardian?.type == .organization)
        #expect(guardian?.entity == "Sunday Guardian")
        #expect(guardian?.source == .analyst)
        #expect(mentions.first("Joint Intelligence North")?.type == .organization)
        #expect(mentions.first("JIN")?.entity == "Joint Intelligence North")
    }

    @Test func multiWordNamesMatchAnyCaseAcronymsOnlyExactCase() {
        var lexicon = AnalystLexicon()
        lexicon.add(AnalystEntity(name: "National Security Intelligence", type: .organization, aliases: ["NSI"]))
        let mentions = Fixtures.listsOnly.extract("NATIONAL SECURITY INTELLIGENCE and the NSI, not the nsi.", lexicon: lexicon)
        #expect(mentions.map(\.text) == ["NATIONAL SECURITY INTELLIGENCE", "NSI"])
        #expect(mentions.allSatisfy { $0.source == .analyst && $0.entity == "National Security Intelligence" })
    }

    @Test func analystOverridesTheGazetteersType() {
        var lexicon = AnalystLexicon()
        lexicon.add(AnalystEntity(name: "Kashmir", type: .geopolitical))
        let mentions = Fixtures.listsOnly.extract("Tensions in Kashmir rose.", lexicon: lexicon)
        #expect(mentions.first("Kashmir")?.type == .geopolitical)
        #expect(mentions.first("Kashmir")?.source == .analyst)
    }

    @Test func correctionsRetypeOrRemove() {
        var lexicon = AnalystLexicon()
        lexicon.correct("Chatters", to: nil)
        lexicon.correct("Guardian", to: .organization)
        let extractor = Fixtures.scripted([("Chatters", .person), ("Guardian", .person)])
        let mentions = extractor.extract("Reports say Chatters spoke to the Guardian in Dhaka.", lexicon: lexicon)
        #expect(mentions.first("Chatters") == nil)
        #expect(mentions.first("Guardian")?.type == .organization)
        #expect(mentions.first("Dhaka")?.type == .geopolitical)
    }

    @Test func analystNameInsideAHyphenatedWord() {
        var lexicon = AnalystLexicon()
        lexicon.add(AnalystEntity(name: "Harkat Group", type: .organization, aliases: ["HG"]))
        let mentions = Fixtures.listsOnly.extract("An HG-linked cell.", lexicon: lexicon)
        #expect(mentions.first("HG")?.entity == "Harkat Group")
        #expect(mentions.first("HG")?.start == 4)
    }

    @Test func lexiconIsCodable() throws {
        var lexicon = AnalystLexicon()
        lexicon.add(AnalystEntity(name: "DGFI", type: .organization, aliases: ["Directorate General of Forces Intelligence"]))
        lexicon.correct("Chatters", to: nil)
        let data = try JSONEncoder().encode(lexicon)
        #expect(try JSONDecoder().decode(AnalystLexicon.self, from: data) == lexicon)
    }

    /// The store re-extracts only the articles containing an analyst's new
    /// names, so the version (which marks every article stale) must not move.
    @Test func versionIdentifiesTheDataFilesNotTheLexicon() {
        var lexicon = AnalystLexicon()
        let before = Fixtures.listsOnly.with(lexicon: lexicon).version
        lexicon.add(AnalystEntity(name: "NSI", type: .organization))
        #expect(Fixtures.listsOnly.with(lexicon: lexicon).version == before)
        #expect(before.hasPrefix("ner-"))
        #expect(before != "ner-unknown")
    }
}
