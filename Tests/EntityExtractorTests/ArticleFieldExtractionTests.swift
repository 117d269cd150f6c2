import DossierCore
@testable import EntityExtractor
import Testing

private let draft = ArticleDraft(
    title: "Sharif Visits Dhaka", subtitle: "Talks on trade with Sheikh Hasina", byline: "By Abhinandan Mishra",
    dateline: "NEW DELHI", body: "Prime Minister Shehbaz Sharif arrived in Dhaka on Monday.\n\nHe met Sheikh Hasina.")

@Test func everyFieldIsExtractedWithOffsetsIntoItsOwnText() throws {
    let extractor = Fixtures.scripted([("Shehbaz Sharif", .person), ("Sharif", .person), ("Sheikh Hasina", .person),
                                       ("Abhinandan Mishra", .person)])
    let mentions = extractor.extract(article: draft)
    for mention in mentions {
        let text = try #require(mention.field.text(in: draft))
        #expect(String(decoding: Array(text.utf8)[mention.byteRange], as: UTF8.self) == mention.text, "\(mention)")
    }
    let byField = Dictionary(grouping: mentions, by: \.field).mapValues { $0.map(\.text) }
    #expect(byField[.title] == ["Sharif", "Dhaka"])
    #expect(byField[.subtitle] == ["Sheikh Hasina"])
    #expect(byField[.byline] == ["Abhinandan Mishra"])
    #expect(byField[.dateline] == ["NEW DELHI"])
    #expect(byField[.body] == ["Shehbaz Sharif", "Dhaka", "Sheikh Hasina"])
    // Sentences count within each field; the body's match extracting it alone.
    let body = mentions.filter { $0.field == .body }
    let alone = extractor.extract(draft.body)
    #expect(body.map(\.start) == alone.map(\.start))
    #expect(body.map(\.sentence) == alone.map(\.sentence))
    #expect(mentions.filter { $0.field != .body }.allSatisfy { $0.sentence == 1 })
    // The title's surname joins the full name found in the body.
    #expect(mentions.first { $0.field == .title && $0.text == "Sharif" }?.entity == "Shehbaz Sharif")
}

@Test func anArticleWithABodyAloneIsExtractedAsItsBody() {
    let extractor = Fixtures.scripted([("Shehbaz Sharif", .person)])
    let plain = ArticleDraft(body: draft.body)
    #expect(extractor.extract(article: plain) == extractor.extract(draft.body))
    #expect(extractor.extract(article: plain).allSatisfy { $0.field == .body })
}
