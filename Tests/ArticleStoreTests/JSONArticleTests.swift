import ArticleStore
import DossierCore
import Foundation
import Testing

@Suite struct JSONArticleTests {
    private func parse(_ json: String, path: String = "feed.json") throws(IngestError) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        try JSONArticleParser.parse(Array(json.utf8), path: path)
    }

    private func parsingError(_ json: String, path: String = "feed.json") -> IngestError? {
        do {
            _ = try parse(json, path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func singleObjectWithCommonFieldNames() throws {
        let json = """
        {
          "headline": "Pakistan and Bangladesh Quietly Rebuild Intelligence and Defence Links",
          "description": "Renewed diplomatic and military engagement signals shifting regional security alignments",
          "articleBody": "NEW DELHI: Pakistan and Bangladesh have quietly rebuilt defence links.\\n\\nOfficials say the pace is new.",
          "datePublished": "2025-12-28T02:22:58+05:30",
          "canonical_url": "https://example.com/world/pakistan-bangladesh",
          "publisher": {"@type": "Organization", "name": "The Sunday Guardian"},
          "author": [{"@type": "Person", "name": "Abhinandan Mishra"}],
          "inLanguage": "en",
          "lang": "en",
          "dateline": "NEW DELHI"
        }
        """
        let result = try parse(json, path: "article.json")
        #expect(result.errors.isEmpty)
        let draft = try #require(result.drafts.first)
        #expect(result.drafts.count == 1)
        #expect(draft.title == "Pakistan and Bangladesh Quietly Rebuild Intelligence and Defence Links")
        #expect(draft.subtitle == "Renewed diplomatic and military engagement signals shifting regional security alignments")
        #expect(draft.body == "NEW DELHI: Pakistan and Bangladesh have quietly rebuilt defence links.\n\nOfficials say the pace is new.")
        #expect(draft.published?.iso8601 == "2025-12-28T02:22:58+05:30")
        #expect(draft.url == "https://example.com/world/pakistan-bangladesh")
        #expect(draft.outlet == "The Sunday Guardian")
        #expect(draft.byline == "Abhinandan Mishra")
        #expect(draft.language == "en")
        #expect(draft.dateline == "NEW DELHI")
        #expect(draft.sourcePath == "article.json")
    }

    @Test func arrayOfArticlesNamesEachItem() throws {
        let json = """
        [
          {"title": "First", "text": "Line one.\\nLine two.", "date": "Dec 28, 2025", "authors": ["Jane Doe", "John Roe"]},
          {"title": "No body here", "summary": "Only a summary"},
          "not an object",
          {"title": "Third", "content": ["Para one.", "  ", "Para two."], "source": "Dawn", "byline": "By Sara Khan"}
        ]
        """
        let result = try parse(json)
        #expect(result.drafts.map(\.title) == ["First", "Third"])
        #expect(result.drafts.map(\.sourcePath) == ["feed.json#1", "feed.json#4"])
        #expect(result.drafts[0].body == "Line one.\n\nLine two.")
        #expect(result.drafts[0].published?.iso8601 == "2025-12-28")
        #expect(result.drafts[0].byline == "Jane Doe, John Roe")
        #expect(result.drafts[1].body == "Para one.\n\nPara two.")
        #expect(result.drafts[1].outlet == "Dawn")
        #expect(result.drafts[1].byline == "Sara Khan")
        #expect(result.errors == [
            IngestError(path: "feed.json#2", reason: "no body text"),
            IngestError(path: "feed.json#3", reason: "item is not a JSON object"),
        ])
    }

    @Test(arguments: ["articles", "items", "data", "results"])
    func wrapperObject(key: String) throws {
        let json = """
        {"status": "ok", "totalResults": 2, "\(key)": [
          {"title": "One", "body": "Body one.", "publishedAt": "2024-03-14T09:15:00Z",
           "source": {"id": null, "name": "Reuters"}, "link": "https://example.com/1"},
          {"title": "Two", "full_text": "Body two.", "pubDate": "Thu, 14 Mar 2024 10:00:00 GMT"}
        ]}
        """
        let result = try parse(json)
        #expect(result.errors.isEmpty)
        #expect(result.drafts.map(\.body) == ["Body one.", "Body two."])
        #expect(result.drafts.map(\.sourcePath) == ["feed.json#1", "feed.json#2"])
        #expect(result.drafts[0].outlet == "Reuters")
        #expect(result.drafts[0].url == "https://example.com/1")
        #expect(result.drafts[0].published?.iso8601 == "2024-03-14T09:15:00Z")
        #expect(result.drafts[1].published?.iso8601 == "2024-03-14T10:00:00Z")
    }

    @Test func jsonLinesCollectsErrorsPerLine() throws {
        let jsonLines = """
        {"title": "One", "body": "Body one.", "published_at": "2025-12-28 02:22:58 IST"}

        {"title": "Two", "body": "Body two.", "created_at": 1766868778}
        {"title": "Broken", "body": "Body
        {"title": "No body"}
        [1, 2]
        {"title": "Six", "content": "Body six.", "published": "not a date"}
        """
        let result = try parse(jsonLines, path: "feed.jsonl")
        #expect(result.drafts.map(\.title) == ["One", "Two", "Six"])
        #expect(result.drafts.map(\.sourcePath) == ["feed.jsonl#1", "feed.jsonl#2", "feed.jsonl#6"])
        #expect(result.drafts[0].published?.iso8601 == "2025-12-28T02:22:58+05:30")
        #expect(result.drafts[1].published?.instant == Date(timeIntervalSince1970: 1_766_868_778))
        // A date that cannot be read does not cost the article.
        #expect(result.drafts[2].published == nil)
        #expect(result.errors.map(\.path) == ["feed.jsonl#3", "feed.jsonl#4", "feed.jsonl#5"])
        #expect(result.errors.map(\.line) == [4, 5, 6])
        #expect(result.errors[0].reason.hasPrefix("malformed JSON"))
        #expect(result.errors[1].reason == "no body text")
        #expect(result.errors[2].reason == "line is not a JSON object")
    }

    @Test func jsonLinesAreRecognisedWithoutTheExtension() throws {
        let jsonLines = """
        {"title": "One", "body": "Body one."}
        {"title": "Two", "body": "Body two."}
        """
        let result = try parse(jsonLines, path: "export.json")
        #expect(result.drafts.map(\.sourcePath) == ["export.json#1", "export.json#2"])
    }

    @Test func millisecondTimestampsAndBooleansInDateFields() throws {
        let result = try parse(#"[{"body": "B.", "date": true, "created_at": 1766868778000}]"#)
        #expect(result.drafts.first?.published?.instant == Date(timeIntervalSince1970: 1_766_868_778))
    }

    @Test func objectWithoutBodyIsAnItemError() throws {
        let result = try parse(#"{"title": "Only a title"}"#, path: "one.json")
        #expect(result.drafts.isEmpty)
        #expect(result.errors == [IngestError(path: "one.json", reason: "no body text")])
    }

    @Test func wholeFileFailures() {
        #expect(parsingError("{\"title\": \"x\", ", path: "bad.json")?.reason.hasPrefix("not valid JSON") == true)
        #expect(parsingError("42", path: "number.json")
            == IngestError(path: "number.json", reason: "JSON is neither an article object nor an array of them"))
        #expect(parsingError("", path: "empty.json") == IngestError(path: "empty.json", reason: "empty file"))
    }

    // Issue 14, finding 6: `[]` exited 0 saying nothing.
    @Test func emptyArrayIsAnErrorSayingSo() throws {
        #expect(parsingError("[]") == IngestError(path: "feed.json", reason: "no articles (an empty JSON array)"))
    }
}
