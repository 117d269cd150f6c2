import DossierCore
import Foundation
import GRDB
import Testing
@testable import ArticleStore

/// Issue 14, finding 4 (near-duplicate clusters: 10k near-identical articles
/// took 127 s): the bucket lookup must read a bounded number of index entries,
/// never sort a whole bucket per insert. Checked on SQLite's plan, not on a clock.
@Suite struct IngestScalingTests {
    @Test func theBucketLookupNeedsNoSort() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).sqlite").path
        _ = try SQLiteStore(path: path)
        let database = try DatabaseQueue(path: path)
        let plan = try database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + NearDuplicateIndex.bucketLookup, arguments: [1, 2])
                .map { $0["detail"] as String? ?? "" }
        }
        #expect(plan.contains { $0.contains("USING INDEX article_band_bucket") }, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }

    @Test func nearDuplicateClustersStillLinkToRecentMembers() throws {
        let store = try SQLiteStore(path: ":memory:")
        let base = (1...120).map { "word\($0 % 37)" }.joined(separator: " ")
        let drafts = (1...60).map { ArticleDraft(title: "Story \($0)", body: base + " variant \($0)") }
        let outcomes = try store.add(drafts)
        guard case .added(let lastID, let similar) = try #require(outcomes.last) else { Issue.record("not added"); return }
        #expect(similar.count == NearDuplicateIndex.linksPerArticle)
        #expect(similar.allSatisfy { $0 < lastID }, "\(similar)")
    }

    @Test func anEmptyJSONArrayIsNoArticlesNotSuccess() {
        for json in ["[]", "{\"articles\": []}"] {
            #expect(throws: IngestError.self) { try JSONArticleParser.parse(Array(json.utf8), path: "empty.json") }
        }
    }
}
