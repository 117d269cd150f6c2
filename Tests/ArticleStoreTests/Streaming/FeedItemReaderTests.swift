@testable import ArticleStore
import DossierCore
import Foundation
import Testing

@Suite struct FeedItemReaderTests {
    private let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire Desk</title><language>en</language>\
        <item><title>One</title><description>First story text.</description><dc:creator>Jane Doe</dc:creator></item>\
        <item><title>Two</title></item><item><title>Three &amp; more</title><description>&lt;p&gt;Third story.&lt;/p&gt;</description>\
        <pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate></item></channel></rss>
        """

    private func file(_ bytes: [UInt8], name: String) throws -> String {
        let url = try scratchDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func drafts(_ path: String, resumingAt position: ReadPosition = .start) throws -> [Result<ArticleDraft, IngestError>] {
        let reader = try FeedItemReader(source: InputBytes(path: path, chunkSize: 16), resumingAt: position)
        var all: [Result<ArticleDraft, IngestError>] = []
        while let record = try reader.next() { all.append(try #require(record.parsed)) }
        return all
    }

    @Test func itemsOneByOneAsTheWholeFeedParserReadsThem() throws {
        for (name, bytes) in [("feed.xml", Array(rss.utf8)), ("feed.xml.gz", gzipped(Array(rss.utf8)))] {
            let path = try file(bytes, name: name)
            let streamed = try drafts(path)
            let whole = try FeedParser.parse(Array(rss.utf8), path: path)
            #expect(streamed.count == 3, "\(name)")
            #expect(streamed.compactMap { try? $0.get() } == whole.drafts, "\(name)")
            #expect(streamed.compactMap { if case .failure(let error) = $0 { return error } else { return nil } } == whole.errors)
            #expect(whole.drafts.first?.outlet == "Wire Desk" && whole.drafts.last?.title == "Three & more")
            // Resumed after two items: only the third.
            let rest = try drafts(path, resumingAt: ReadPosition(items: 2))
            #expect(rest.compactMap { try? $0.get().title } == ["Three & more"])
        }
    }

    @Test func atomEntriesTakeTheFeedsAuthor() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><author><name>Staff</name></author>
            <entry><title>A</title><content type="text">Entry text.</content></entry>
            <entry><title>B</title><summary>Summary text.</summary><author><name>Sara Khan</name></author></entry></feed>
            """
        let path = try file(Array(atom.utf8), name: "feed.atom")
        let streamed = try drafts(path).compactMap { try? $0.get() }
        #expect(streamed == (try FeedParser.parse(Array(atom.utf8), path: path)).drafts)
        #expect(streamed.map(\.byline) == ["Staff", "Sara Khan"])
    }

    @Test func malformedAndForeignDocumentsSaySo() throws {
        let broken = try file(Array("<rss><channel><item><title>x</title><description>Text.</description></item><item>".utf8), name: "a.xml")
        let reader = try FeedItemReader(source: InputBytes(path: broken), resumingAt: .start)
        #expect(try reader.next()?.parsed != nil)
        var thrown: IngestError?
        do { _ = try reader.next() } catch { thrown = error }
        #expect(thrown?.reason.hasPrefix("malformed XML") == true)

        let page = try file(Array("<html><body>x</body></html>".utf8), name: "b.xml")
        thrown = nil
        do { _ = try drafts(page) } catch { thrown = error as? IngestError }
        #expect(thrown?.reason == "not an RSS or Atom feed (root element <html>)")
    }
}
