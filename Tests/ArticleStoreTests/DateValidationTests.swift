import ArticleStore
import DossierCore
import Foundation
import GRDB
import Testing

/// Issue 14, finding 2: one field must not poison a store.
@Suite struct DateValidationTests {
    @Test(arguments: ["1e300", "-1e19", "1e17", "-62135596801"])
    func numericDatesOutsideTheYearsOneToNineThousandAreLeftOut(_ number: String) throws {
        let json = "{\"title\": \"T\", \"body\": \"Some body text here.\", \"published\": \(number)}"
        let result = try JSONArticleParser.parse(Array(json.utf8), path: "a.json")
        let draft = try #require(result.drafts.first)
        #expect(draft.published == nil)
    }

    @Test func ordinaryNumericDatesStillCount() throws {
        let json = "{\"title\": \"T\", \"body\": \"Some body text here.\", \"published\": 1766888578}"
        let draft = try #require(try JSONArticleParser.parse(Array(json.utf8), path: "a.json").drafts.first)
        #expect(draft.published?.iso8601 == "2025-12-28T02:22:58Z")
    }

    @Test func calendarDatesOutsideTheRangeAreNoDates() {
        #expect(PublicationDate(year: 0) == nil)
        #expect(PublicationDate(year: 10_000) == nil)
        #expect(PublicationDate(year: 2025, month: 1, day: 1, hour: 0, minute: 0, utcOffsetSeconds: 19 * 3600) == nil)
        #expect(PublicationDate(year: 100, month: 1, day: 2)?.iso8601 == "0100-01-02")
        #expect(PublicationDate(year: 9999, month: 12, day: 1)?.iso8601 == "9999-12-01")
        #expect(PublicationDate(validating: Date(timeIntervalSince1970: .infinity), utcOffsetSeconds: nil, precision: .day) == nil)
        #expect(PublicationDate(validating: Date(timeIntervalSince1970: .nan), utcOffsetSeconds: nil, precision: .day) == nil)
    }

    @Test func keysDifferingOnlyInCaseAreChosenTheSameWayEveryTime() throws {
        let json = "{\"BODY\": \"Upper case body text.\", \"Body\": \"Title case body text.\", \"body\": \"Lower case body text.\"}"
        let draft = try #require(try JSONArticleParser.parse(Array(json.utf8), path: "a.json").drafts.first)
        #expect(draft.body == "Lower case body text.")
        let noLower = "{\"Body\": \"Title case body text.\", \"BODY\": \"Upper case body text.\", \"bODY\": \"Odd case body text.\"}"
        let second = try #require(try JSONArticleParser.parse(Array(noLower.utf8), path: "a.json").drafts.first)
        #expect(second.body == "Upper case body text.")
    }

    /// A store edited by hand: each bad row is an error naming the article,
    /// the good rows still read, and store:check lists the bad ones.
    @Test func badRowsAreErrorsNamingTheArticle() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("poisoned-\(UUID().uuidString).sqlite").path
        do {
            let store = try SQLiteStore(path: path)
            _ = try store.add((1...4).map { ArticleDraft(title: "Title \($0)", body: "Body number \($0) of the corpus.") })
        }
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            try db.execute(sql: "UPDATE article SET published_at = 1e300, published_offset = 0 WHERE id = 1")
            try db.execute(sql: "UPDATE article SET title = X'00FF10' WHERE id = 2")
            try db.execute(sql: "UPDATE article SET published_at = 0, published_offset = 400000 WHERE id = 3")
        }
        try database.close()
        let store = try SQLiteStore(path: path)
        for (id, expected) in [(1, "article #1: published: 1e+300 seconds since 1970 is outside the years 1-9999"),
                               (2, "article #2: column 'title' holds a BLOB of 3 bytes, expected text"),
                               (3, "article #3: published: UTC offset 400000 s is beyond ±18 h")] {
            do {
                _ = try store.article(id: Int64(id))
                Issue.record("article #\(id) read without an error")
            } catch {
                #expect(error.description.contains(expected), "\(error)")
            }
        }
        #expect(try store.article(id: 4)?.draft.title == "Title 4")
        let report = try store.integrityCheck()
        #expect(report.split(separator: "\n").count == 3)
        #expect(report.contains("article #1: published:") && report.contains("article #2:") && report.contains("article #3:"))
    }
}
