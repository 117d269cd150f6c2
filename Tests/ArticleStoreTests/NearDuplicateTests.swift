import DossierCore
import Testing
@testable import ArticleStore

@Suite struct NearDuplicateTests {
    let wire = """
        Pakistan and Bangladesh have quietly rebuilt defence and security engagement over the past few months, \
        reopening institutional channels that had remained largely dormant since the early 2010s. The reset has \
        been driven by foreign ministry consultations, senior military interactions and formal defence cooperation \
        language used by both sides, officials said on Sunday.
        """
    /// The same wire story as another outlet ran it: a new first clause, a
    /// changed attribution, the rest as filed.
    var rewrite: String {
        "In a shift watched closely in New Delhi, " + wire.replacingOccurrences(of: "officials said on Sunday", with: "diplomats told reporters")
    }
    let unrelated = """
        Heavy monsoon rain flooded low-lying districts of Sylhet on Tuesday, displacing thousands of families. \
        Relief agencies said boats were needed to reach villages cut off by the water, and schools were closed.
        """

    @Test func signaturesEstimateSimilarity() {
        let a = MinHashSignature(text: wire)
        #expect(a.similarity(to: MinHashSignature(text: wire)) == 1)
        #expect(a.similarity(to: MinHashSignature(text: rewrite)) >= 0.6)
        #expect(a.similarity(to: MinHashSignature(text: unrelated)) < 0.1)
        #expect(MinHashSignature(bytes: a.bytes) == a)
        #expect(MinHashSignature(text: "too short").isEmpty)
    }

    @Test func rewritesAreStoredAndLinkedBothWays() throws {
        let store = try SQLiteStore(path: ":memory:")
        let first = try store.add([ArticleDraft(title: "Wire", body: wire), ArticleDraft(title: "Floods", body: unrelated)])
        let second = try store.add([ArticleDraft(title: "Rewrite", body: rewrite)])
        guard case .added(let rewriteID, let near) = second[0], case .added(let wireID, _) = first[0] else {
            Issue.record("not added: \(second)")
            return
        }
        #expect(near == [wireID])
        let fromWire = try store.similar(to: wireID, limit: 10)
        #expect(fromWire.map(\.article.id) == [rewriteID])
        #expect(fromWire[0].score >= 0.6)
        #expect(try store.similar(to: rewriteID, limit: 10).map(\.article.id) == [wireID])
        #expect(try store.delete(id: rewriteID))
        #expect(try store.similar(to: wireID, limit: 10).isEmpty)  // links go with the article
    }
}
