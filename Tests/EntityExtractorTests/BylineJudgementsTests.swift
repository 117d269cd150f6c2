import DossierCore
@testable import EntityExtractor
import Foundation
import Testing

/// The scoring behind `dossier eval bylines`.
@Suite struct BylineJudgementsTests {
    func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bylines-\(UUID().uuidString).tsv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func namesAndKindsAreScoredAgainstTheJudgedAuthors() throws {
        let url = try file("""
            # page\tbyline\tauthor\tkind
            a.html\tJane Doe, Reuters\tJane Doe\tperson
            a.html\tJane Doe, Reuters\tReuters\torganisation
            b.html\tJobs & Hire\tJobs & Hire\torganisation
            c.html\tWeb Desk\tWeb Desk\tdesk
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let judgements = try BylineJudgements(contentsOf: url)
        #expect(judgements.bylines.map(\.text) == ["Jane Doe, Reuters", "Jobs & Hire", "Web Desk"])
        // A reader that calls every name a person and cuts at "&".
        let score = judgements.score { byline in
            byline.components(separatedBy: CharacterSet(charactersIn: ",&"))
                .map { BylineAuthor(name: $0.trimmingCharacters(in: .whitespaces), kind: .person) }
        }
        #expect(score.bylines == 3 && score.authors == 4)
        #expect(score.namesFound == 3)          // "Jobs & Hire" was cut in two
        #expect(score.spuriousNames == 2)       // "Jobs", "Hire"
        #expect(score.kindsRight == 1)          // Jane Doe only
        #expect(score.typed == 3 && score.typedRight == 1)
        #expect(score.confusion[.organisation]?[.person] == 1 && score.confusion[.desk]?[.person] == 1)
        #expect(score.misses.count == 3)
    }

    @Test func aLineWithoutAKnownKindIsAnErrorNamingIt() throws {
        let url = try file("a.html\tJane Doe\tJane Doe\tperson\nb.html\tX\tX\tpoet\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: BylineJudgementsError.self) { try BylineJudgements(contentsOf: url) }
        do {
            _ = try BylineJudgements(contentsOf: url)
        } catch let error as BylineJudgementsError {
            #expect(error.message.contains("line 2"), "\(error.message)")
        }
    }

    @Test func theBundledExtractorReadsTheRepositorysJudgedBylines() throws {
        // The set itself (eval/bylines), read by the extractor ingest uses: most authors typed as judged.
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("eval/bylines/judgements.tsv")
        let extractor = try #require(Fixtures.bundled)
        let score = try BylineJudgements(contentsOf: url).score(extractor.authors(inByline:))
        #expect(score.authors > 100)
        #expect(Double(score.kindsRight) / Double(score.authors) > 0.8, "\(score.kindsRight) of \(score.authors)")
        #expect(Double(score.typedRight) / Double(max(1, score.typed)) > 0.9, "\(score.typedRight) of \(score.typed)")
    }
}
