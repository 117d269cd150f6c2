import Claims
import DossierCore
import EntityExtractor
import Testing

/// Source kinds, roles, entities and hedges, with the mentions given by hand
/// so the tests do not depend on the entity model.
@Suite struct ClaimExtractorTests {
    let extractor = ClaimExtractor(finder: AttributionFinder(lexicon: AttributionFinderTests.lexicon))

    func mention(_ text: String, in body: String, type: EntityType, entity: String? = nil, sentence: Int = 1) -> Mention {
        let bytes = Array(body.utf8), needle = Array(text.utf8)
        var start = 0
        while start + needle.count <= bytes.count, Array(bytes[start..<(start + needle.count)]) != needle { start += 1 }
        return Mention(text: text, type: type, entity: entity ?? text, start: start + 1, stop: start + needle.count, sentence: sentence, source: .model)
    }

    @Test func aNamedInstitutionIsNamedWithItsEntity() {
        let body = "Pakistan’s Ministry of Foreign Affairs said the talks were useful."
        let claims = extractor.claims(in: body, mentions: [
            mention("Pakistan", in: body, type: .geopolitical),
            mention("Ministry of Foreign Affairs", in: body, type: .organization, entity: "Ministry of Foreign Affairs (Pakistan)"),
        ])
        #expect(claims.count == 1)
        #expect(claims.first?.kind == .named)
        #expect(claims.first?.entity == "Ministry of Foreign Affairs (Pakistan)")
        #expect(claims.first?.role == .official)
    }

    @Test func aNameThatOnlyQualifiesTheSourceLeavesItAnonymous() {
        let body = "Officials in Pakistan said the border was calm."
        let claims = extractor.claims(in: body, mentions: [mention("Pakistan", in: body, type: .geopolitical)])
        #expect(claims.first?.kind == .anonymous)
        #expect(claims.first?.role == .official)
        #expect(claims.first?.entity == nil)
    }

    @Test func aPronounGoesToTheOnePersonBeforeIt() {
        let body = "Sara Haq visited the camp on Monday. She said the food had run out."
        let claims = extractor.claims(in: body, mentions: [mention("Sara Haq", in: body, type: .person)])
        #expect(claims.first?.kind == .named)
        #expect(claims.first?.entity == "Sara Haq")
        let two = "Sara Haq met Omar Ali on Monday. He said the food had run out."
        let unclear = extractor.claims(in: two, mentions: [mention("Sara Haq", in: two, type: .person), mention("Omar Ali", in: two, type: .person)])
        #expect(unclear.first?.entity == nil)
    }

    /// The person must be named within the three sentences before the pronoun's
    /// (the walk back over mentions by start stops there), and a person of
    /// another sentence window does not make it unclear.
    @Test func aPronounLooksBackThreeSentencesOnly() {
        let far = "Sara Haq visited the camp. The road was closed. Rain fell. Trucks waited. She said the food had run out."
        let farClaims = extractor.claims(in: far, mentions: [mention("Sara Haq", in: far, type: .person, sentence: 1)])
        #expect(farClaims.first?.kind == .named)
        #expect(farClaims.first?.entity == nil)
        let near = "Omar Ali left early. The road was closed. Sara Haq visited the camp. Rain fell. Trucks waited. She said the food had run out."
        let nearClaims = extractor.claims(in: near, mentions: [mention("Omar Ali", in: near, type: .person, sentence: 1),
                                                               mention("Sara Haq", in: near, type: .person, sentence: 3)])
        #expect(nearClaims.first?.entity == "Sara Haq")
    }

    @Test func aPronounGoesToTheEntityNamedBeforeItInItsSentence() {
        let body = "Pakistan and Bangladesh met. Pakistan said it has announced a pact with Bangladesh."
        let claims = extractor.claims(in: body, mentions: [
            mention("Pakistan", in: body, type: .geopolitical), mention("Bangladesh", in: body, type: .geopolitical),
        ] + [Mention(text: "Pakistan", type: .geopolitical, entity: "Pakistan", start: 30, stop: 37, sentence: 2, source: .model),
             Mention(text: "Bangladesh", type: .geopolitical, entity: "Bangladesh", start: 73, stop: 82, sentence: 2, source: .model)])
        let it = claims.first { $0.source.map { Array(Array(body.utf8)[$0]) == Array("it".utf8) } ?? false }
        #expect(it?.entity == "Pakistan")
    }

    @Test func whatNegativeEvidenceDeniesIsNoClaim() {
        let body = "There is, however, no public evidence that Bangladesh has announced such a plan. Officials warned that talks could fail."
        let claims = extractor.claims(in: body, mentions: [mention("Bangladesh", in: body, type: .geopolitical)])
        #expect(claims.count == 1)
        #expect(claims.first?.kind == .anonymous)
    }

    @Test func rolesComeFromTheSourceWords() {
        let body = "A spokesman said the plant was safe. Analysts said prices could rise. Witnesses said the blast was loud."
        let claims = extractor.claims(in: body, mentions: [])
        #expect(claims.map(\.role) == [.spokesperson, .expert, .witness])
        #expect(claims.map(\.kind) == [.anonymous, .anonymous, .anonymous])
    }

    @Test func hedgesInsideTheClaimAreAttached() {
        let body = "Officials warned that the alignment could, over time, embolden militants. The weather may turn."
        let (claims, hedges) = extractor.analyze(body, mentions: [])
        #expect(claims.count == 1)
        #expect(claims.first?.isHedged == true)
        #expect(claims.first?.hedges.count == 1)
        #expect(hedges.count == 2)
    }

    @Test func theProfileCountsKindsRolesAndHedges() {
        let body = "Officials warned that talks could fail. There is no public evidence of a deal. Pakistan said it was ready."
        let (claims, hedges) = extractor.analyze(body, mentions: [mention("Pakistan", in: body, type: .geopolitical)])
        let profile = SourcingProfile(claims: claims, hedges: hedges)
        #expect(profile.claims == 2)
        #expect(profile.byKind[.anonymous] == 1 && profile.byKind[.named] == 1)
        #expect(profile.hedged == 1 && profile.hedgedShare == 0.5)
        #expect(profile.negativeEvidence == 1)
        #expect(profile.summary.hasPrefix("2 claims: 1 named, 1 anonymous"))
    }

    @Test func filtersMatchWholeWords() {
        let body = "Officials said visits to the ISI headquarters resumed."
        let claims = extractor.claims(in: body, mentions: [])
        let bytes = Array(body.utf8)
        #expect(ClaimFilter(about: "ISI").matches(claims[0], text: bytes, entitiesInContent: []))
        #expect(!ClaimFilter(about: "visit").matches(claims[0], text: bytes, entitiesInContent: []))
        #expect(ClaimFilter(source: "officials", kind: .anonymous).matches(claims[0], text: bytes, entitiesInContent: []))
        #expect(!ClaimFilter(kind: .named).matches(claims[0], text: bytes, entitiesInContent: []))
    }
}

extension ClaimExtractorTests {
    @Test func aTextConfidentlyInAnotherLanguageHasNoClaims() {
        // A German interview page: its labels and colons have the shapes of English
        // speaker labels and headline claims ("Wichtig: ...", "Bartsch: ...").
        let german = """
            Die Regierung hat am Montag mitgeteilt, dass sie den Vertrag mit dem Nachbarland nicht verlängern wird.

            Wichtig: Für Weiterreisen mit der Fähre ist zu beachten, dass jeder Reisende einen gültigen Ausweis hat.

            Barenberg: Da möchte ich noch mal fragen, was die Regierung jetzt tun wird.

            Bartsch: Das leistet aktuell natürlich keinen Beitrag, und es ist auch nicht der einzige Vorschlag.

            Barenberg: Sie haben ja einen konkreten Vorschlag gemacht, aber es gibt noch keine Antwort.

            Bartsch: Ich bin gerne bereit, über andere Punkte nachzudenken.
            """
        #expect(extractor.analyze(german, mentions: []).claims.isEmpty)
        // The same shape in English is read, and an English text with a German quotation too.
        #expect(!extractor.analyze("The minister said it was a difficult decision.", mentions: []).claims.isEmpty)
        let quoted = "The minister said the decision was hard. “Es war nicht leicht,” he told reporters in Berlin on Monday."
        #expect(extractor.analyze(quoted, mentions: []).claims.count == 2)
    }
}

extension ClaimExtractorTests {
    @Test func aLabelBeforeAColonIsNoSpeaker() {
        let label = "Availability: Calipers are affordable and easy to purchase online."
        #expect(extractor.analyze(label, mentions: []).claims.isEmpty)
        let step = "Step Two: With your hands, roll the mixture into a ball."
        #expect(extractor.analyze(step, mentions: []).claims.isEmpty)
        // A named speaker, a transcript's upper-case label and a source role still speak.
        let named = "Graham: Trump's rhetoric is hurting the party."
        #expect(extractor.analyze(named, mentions: [mention("Graham", in: named, type: .person)]).claims.first?.kind == .named)
        let transcript = "WALLACE: Will she be there?\n\nPENCE: Well, look, she will not be attending.\n\nWALLACE: Why not?\n\nPENCE: She was not invited."
        #expect(extractor.analyze(transcript, mentions: []).claims.count == 4)
    }

    @Test func aNameAfterCapitalisedTitlesIsANamedSource() {
        let text = "Dr Anthony Fauci, a key member of the task force, said the measures were working."
        let claim = extractor.analyze(text, mentions: [mention("Anthony Fauci", in: text, type: .person)]).claims.first
        #expect(claim?.kind == .named)
        #expect(claim?.entity == "Anthony Fauci")
        // A name after a lower-case word is only a qualifier: "officials in Pakistan".
        let qualified = "Senior officials in Pakistan said the talks had resumed."
        let anonymous = extractor.analyze(qualified, mentions: [mention("Pakistan", in: qualified, type: .geopolitical)]).claims.first
        #expect(anonymous?.kind == .anonymous)
    }
}

extension ClaimExtractorTests {
    @Test func aSurnameAloneIsThePersonNamedInFullBeforeIt() {
        let text = "Kirstie Alley spoke on the podcast this week. Alley said the rules had changed for women on television."
        let claims = extractor.analyze(text, mentions: [mention("Kirstie Alley", in: text, type: .person)]).claims
        #expect(claims.first?.kind == .named)
        #expect(claims.first?.entity == "Kirstie Alley")
        // Two people with one last name leave it unknown.
        let two = "Hillary Clinton and Chelsea Clinton spoke on Monday. Clinton said the plan would pass."
        let shared = extractor.analyze(two, mentions: [mention("Hillary Clinton", in: two, type: .person),
                                                       mention("Chelsea Clinton", in: two, type: .person)]).claims
        #expect(shared.first?.entity == nil)
    }
}
