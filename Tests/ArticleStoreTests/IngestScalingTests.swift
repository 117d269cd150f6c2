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
/// test joins 20k and 40k lines and counts the bytes written building the
/// lines (`WorkCounter`): twice the lines must cost twice the bytes, where
/// rebuilding the paragraph per line writes four times as many. No clock.
@Suite struct WrappedLineScalingTests {
    /// A capture of `lines` hard-wrapped lower-case lines after a first line.
    func wrappedText(lines: Int) -> String {
        let words = ["the", "talks", "between", "two", "countries", "resumed", "after", "a", "long", "pause"]
        var text = "This report opens with a sentence\n"
        for line in 0..<lines {
            for word in 0..<6 {
                if word > 0 { text.append(" ") }
                text.append(words[(line &* 7 &+ word &* 3) % words.count])
            }
            text.append("\n")
        }
        text.append("and it ends here.\n")
        return text
    }

    @Test func twiceTheWrappedLinesCostTwiceTheWork() {
        var bytes: [Int] = []
        for lines in [20_000, 40_000] {
            let text = wrappedText(lines: lines)
            let (joined, counter) = WorkCounter.counting { PlainTextCaptureParser.logicalLines(text) }
            #expect(joined.count == 1)
            #expect(joined.first?.hasSuffix("and it ends here.") == true)
            #expect(joined.first?.utf8.count == text.utf8.count - 1)
            bytes.append(counter.steps(PlainTextCaptureParser.logicalLinesWork))
        }
        // Each line is written once: the count is the text's size, and grows with it.
        #expect(bytes[0] > 0 && bytes[1] <= bytes[0] * 21 / 10, "\(bytes)")
    }
}
