import ArticleStore
import DossierCore
import Testing

/// The stored form of a claim, shared by both backends.
@Suite struct ClaimRowTests {
    let claim = Claim(source: 0..<4, cue: 5..<9, content: [10..<14, 20..<31], kind: .anonymous, role: .official, entity: "ISI",
                      hedges: [Hedge(span: 11..<13, kind: .hedge), Hedge(span: 22..<30, kind: .negativeEvidence)], sentence: 3)

    @Test func aClaimReadsBackAsItWasStored() throws {
        let row = ClaimRow(claim, ordinal: 2)
        #expect(row.content == "10-14,20-31")
        #expect(row.hedges == "11-13:hedge,22-30:negative-evidence")
        #expect(try row.claim(article: 7) == claim)
        let sourceless = Claim(source: nil, cue: 1..<2, content: [3..<4], sentence: 1)
        #expect(try ClaimRow(sourceless, ordinal: 0).claim(article: 7) == sourceless)
    }

    @Test(arguments: [("content", "9-2"), ("content", "a-b"), ("hedges", "1-2:maybe"), ("hedges", "1-2"), ("kind", "loud"), ("role", "seer")])
    func aDamagedFieldIsAnErrorNamingTheClaim(field: String, value: String) {
        var row = ClaimRow(claim, ordinal: 2)
        switch field {
        case "content": row.content = value
        case "hedges": row.hedges = value
        case "kind": row.kind = value
        default: row.role = value
        }
        #expect(throws: ClaimRow.Damaged.self) { _ = try row.claim(article: 7) }
        do {
            _ = try row.claim(article: 7)
        } catch {
            #expect(error.description == "claim 2 of article 7: bad \(field)")
        }
    }

    @Test func aMissingCueOrSentenceIsDamage() {
        var row = ClaimRow(claim, ordinal: 0)
        row.cueEnd = nil
        #expect(throws: ClaimRow.Damaged.self) { _ = try row.claim(article: 1) }
        row = ClaimRow(claim, ordinal: 0)
        row.sentence = nil
        #expect(throws: ClaimRow.Damaged.self) { _ = try row.claim(article: 1) }
    }
}
