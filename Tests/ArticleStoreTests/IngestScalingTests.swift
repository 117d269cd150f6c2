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

/// Hard-wrapped lower-case lines join into one paragraph. `logicalLines` once
/// rebuilt the growing paragraph for every line (`previous + " " + line`):
/// 320k lines took 14 s and 2M lines more than 600 s in a release build. The
/// test joins 200k lines (about 7 MB), which the old code would copy about
/// 0.7 TB of bytes for (hours), under a one-minute limit that the linear code
/// meets many times over even in a debug build on a loaded machine.
@Suite struct WrappedLineScalingTests {
    @Test(.timeLimit(.minutes(1))) func twoHundredThousandWrappedLinesJoinInOnePass() {
        let words = ["the", "talks", "between", "two", "countries", "resumed", "after", "a", "long", "pause"]
        var text = "This report opens with a sentence\n"
        text.reserveCapacity(8 << 20)
        for line in 0..<200_000 {
            for word in 0..<6 {
                if word > 0 { text.append(" ") }
                text.append(words[(line &* 7 &+ word &* 3) % words.count])
            }
            text.append("\n")
        }
        text.append("and it ends here.\n")
        let lines = PlainTextCaptureParser.logicalLines(text)
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix("and it ends here.") == true)
        #expect(lines.first?.utf8.count == text.utf8.count - 1)
    }
}
