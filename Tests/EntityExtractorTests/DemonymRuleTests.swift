import DossierCore
@testable import EntityExtractor
import Testing

@Suite struct DemonymRuleTests {
    @Test func demonymIsNORPLinkedToTheCountry() {
        let mentions = Fixtures.listsOnly.extract("Bangladeshi and Pakistani officers met American and British envoys.")
        for (text, country) in [("Bangladeshi", "Bangladesh"), ("Pakistani", "Pakistan"), ("American", "United States"),
                                ("British", "United Kingdom")] {
            let mention = mentions.first(text)
            #expect(mention?.type == .group, "\(text)")
            #expect(mention?.entity == country, "\(text)")
            #expect(mention?.entityType == .geopolitical, "\(text)")
            #expect(mention?.source == .rule, "\(text)")
        }
    }

    @Test func pluralDemonymsAndGroups() {
        let mentions = Fixtures.listsOnly.extract("Indians and Pakistanis, Muslims and Hindus alike.")
        #expect(mentions.first("Indians")?.entity == "India")
        #expect(mentions.first("Pakistanis")?.entity == "Pakistan")
        #expect(mentions.first("Muslims")?.type == .group)
        #expect(mentions.first("Muslims")?.entity == "Muslims")
        #expect(mentions.first("Hindus")?.entityType == .group)
    }

    @Test func taggerMiscOnADemonymBecomesNORP() {
        let extractor = Fixtures.scripted([("Bangladeshi", .miscellaneous), ("Eid", .miscellaneous)])
        let mentions = extractor.extract("Bangladeshi intelligence agencies marked Eid.")
        #expect(mentions.first("Bangladeshi")?.type == .group)
        #expect(mentions.first("Eid") == nil)  // MISC that is no NORP is dropped
    }
}
