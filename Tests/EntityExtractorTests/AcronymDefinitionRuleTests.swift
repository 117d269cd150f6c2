import DossierCore
@testable import EntityExtractor
import Testing

@Suite struct AcronymDefinitionRuleTests {
    @Test func definitionMakesEveryUseTheSameEntity() {
        let text = "Ties with the Directorate General of Forces Intelligence (DGFI) grew. Later the DGFI said nothing, and DGFI officers left."
        let mentions = Fixtures.listsOnly.extract(text)
        let dgfi = mentions.filter { $0.text == "DGFI" }
        #expect(dgfi.count == 3)
        #expect(dgfi.allSatisfy { $0.entity == "Directorate General of Forces Intelligence" && $0.type == .organization })
        #expect(mentions.first("Directorate General of Forces Intelligence")?.type == .organization)
    }

    @Test func unknownDefinitionIsAnOrganisationByDefault() {
        let text = "The Bangladesh Institute of Peace and Security Studies (BIPSS) hosted it. BIPSS said so."
        let mentions = Fixtures.listsOnly.extract(text)
        let uses = mentions.filter { $0.text == "BIPSS" }
        #expect(uses.count == 2)
        #expect(uses.allSatisfy { $0.entity == "Bangladesh Institute of Peace and Security Studies" && $0.source == .rule })
        #expect(mentions.first("Bangladesh Institute of Peace and Security Studies")?.type == .organization)
    }

    @Test func possessiveOwnerIsNotPartOfTheLongForm() {
        let text = "Pakistan’s Inter-Services Intelligence (ISI) and the ISI chief"
        let mentions = Fixtures.listsOnly.extract(text)
        #expect(mentions.first("Pakistan")?.type == .geopolitical)
        #expect(mentions.first("Inter-Services Intelligence")?.type == .organization)
        #expect(mentions.filter { $0.text == "ISI" }.allSatisfy { $0.entity == "Inter-Services Intelligence" })
        #expect(mentions.filter { $0.text == "ISI" }.count == 2)
    }

    @Test func theDocumentsDefinitionWinsOverTheGazetteers() {
        let text = "The Indian Statistical Institute (ISI) in Kolkata. ISI researchers published."
        let mentions = Fixtures.listsOnly.extract(text)
        #expect(mentions.filter { $0.text == "ISI" }.allSatisfy { $0.entity == "Indian Statistical Institute" })
    }

    @Test func lowerCaseProseDefinesNothing() {
        let definitions = AcronymDefinitionRule.definitions(in: TokenizedText(text: "the foreign service institute (FSI) was"),
                                                            facts: TokenFacts(TokenizedText(text: "the foreign service institute (FSI) was")))
        #expect(definitions.isEmpty)
    }

    @Test func schwartzHearst() {
        let long = Array("particularly the Directorate General of Forces Intelligence".utf8)
        let start = AcronymDefinitionRule.schwartzHearstStart(short: Array("DGFI".utf8), long: long)
        #expect(start == 17)
        #expect(AcronymDefinitionRule.schwartzHearstStart(short: Array("XYZ".utf8), long: long) == nil)
    }
}
