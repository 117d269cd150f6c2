import DossierCore
@testable import EntityExtractor
import Testing

/// Bylines as pages and feeds write them, read into typed authors by the
/// bundled extractor (model, gazetteers and cues together, as at ingest).
@Suite struct BylineReaderTests {
    func authors(_ byline: String) throws -> [BylineAuthor] {
        let extractor = try #require(Fixtures.bundled)
        return extractor.authors(inByline: byline)
    }

    func person(_ name: String) -> BylineAuthor { BylineAuthor(name: name, kind: .person) }
    func organisation(_ name: String) -> BylineAuthor { BylineAuthor(name: name, kind: .organisation) }
    func desk(_ name: String) -> BylineAuthor { BylineAuthor(name: name, kind: .desk) }

    @Test func twoPeopleJoinedByAndAreTwoPersons() throws {
        #expect(try authors("By Jane Doe and John Roe") == [person("Jane Doe"), person("John Roe")])
        #expect(try authors("Sameer Arshad Khatlani, Maria Petrova") == [person("Sameer Arshad Khatlani"), person("Maria Petrova")])
    }

    @Test func newsAgenciesAreOrganisationsThroughTheGazetteer() throws {
        #expect(try authors("Reuters") == [organisation("Reuters")])
        #expect(try authors("AP") == [organisation("AP")])
        #expect(try authors("Associated Press") == [organisation("Associated Press")])
        #expect(try authors("By AFP") == [organisation("AFP")])
    }

    @Test func outletsWrittenAsWebAddressesOrAgencyCodesAreOrganisations() throws {
        #expect(try authors("Dawn.com") == [organisation("Dawn.com")])
        #expect(try authors("IANS") == [organisation("IANS")])
    }

    @Test func creditsToANewsroomRoleAreDesks() throws {
        #expect(try authors("Staff Reporter") == [desk("Staff Reporter")])
        #expect(try authors("Web Desk") == [desk("Web Desk")])
        #expect(try authors("Our Correspondent") == [desk("Our Correspondent")])
        #expect(try authors("News Desk") == [desk("News Desk")])
    }

    @Test func anAgencysOwnStaffIsTheAgency() throws {
        #expect(try authors("Reuters Staff") == [organisation("Reuters Staff")])
    }

    @Test func aPersonAndAnAgencyAreEachTyped() throws {
        #expect(try authors("Jane Doe, Reuters") == [person("Jane Doe"), organisation("Reuters")])
        #expect(try authors("Hamid Mir & AFP") == [person("Hamid Mir"), organisation("AFP")])
    }

    @Test func aRoleAfterAPersonIsTheirTitleNotAnAuthor() throws {
        #expect(try authors("Adam Aaronson, Staff Writer") == [person("Adam Aaronson")])
        #expect(try authors("Jane Doe, Senior Correspondent") == [person("Jane Doe")])
    }

    @Test func outletsNamedForAPlaceOrEndingInADesignatorAreOrganisations() throws {
        #expect(try authors("Miami Today") == [organisation("Miami Today")])
        #expect(try authors("bergportal GmbH") == [organisation("bergportal GmbH")])
        #expect(try authors("Gulf News") == [organisation("Gulf News")])
        // A two-letter designator in lower case is a surname, and a dotted handle no web address.
        #expect(try authors("Emily Co").map(\.kind) != [.organisation])
        #expect(try authors("christian.stadtfeld").map(\.kind) == [.unknown])
    }

    @Test func aDegreeAfterAPersonIsNoAuthor() throws {
        #expect(try authors("Grant Tinsley, PhD") == [person("Grant Tinsley")])
    }

    @Test func aPlaceAfterAPersonIsWhereTheyFiledFrom() throws {
        #expect(try authors("Jane Doe, Islamabad") == [person("Jane Doe")])
    }

    @Test func anOrganisationNameWithAnAmpersandIsNotCut() throws {
        // A listed name holding "&" or "and" stays one author.
        let found = try authors("Procter & Gamble")
        #expect(found.count == 1)
        #expect(found.first?.kind == .organisation)
    }

    @Test func wordsThatAreNoNameAreUnknownNotPeople() throws {
        #expect(try authors("Breaking News").map(\.kind) == [.unknown])
    }

    @Test func anEmptyOrLabelOnlyBylineCreditsNobody() throws {
        #expect(try authors("").isEmpty)
        #expect(try authors("By").isEmpty)
        #expect(try authors(" , ; ").isEmpty)
    }

    @Test func partsAreCutOutsideMentionsOnly() {
        let bytes = Array("Jane Doe and John Roe".utf8)
        let parts = BylineReader.parts(of: bytes, keepingWhole: [])
        #expect(parts.map { String(decoding: bytes[$0], as: UTF8.self) } == ["Jane Doe", "John Roe"])
        let kept = BylineReader.parts(of: bytes, keepingWhole: [0..<21])
        #expect(kept.map { String(decoding: bytes[$0], as: UTF8.self) } == ["Jane Doe and John Roe"])
    }
}
