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
        let reader = try FeedItemReader(source: InputBytes(path: path, chunkSize: 16), resumingAt: position,
                                        limit: Ingestor.defaultMaximumDocumentBytes)
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
        let reader = try FeedItemReader(source: InputBytes(path: broken), resumingAt: .start, limit: Ingestor.defaultMaximumDocumentBytes)
        #expect(try reader.next()?.parsed != nil)
        var thrown: IngestError?
        do { _ = try reader.next() } catch { thrown = error }
        #expect(thrown?.reason.hasPrefix("malformed XML") == true)

        let page = try file(Array("<html><body>x</body></html>".utf8), name: "b.xml")
        thrown = nil
        do { _ = try drafts(page) } catch { thrown = error as? IngestError }
        #expect(thrown?.reason == "not an RSS or Atom feed (root element <html>)")
    }

    /// Issue 13: feed items had no size limit (the reader builds each item's
    /// whole subtree). An item over the limit is dropped as it streams by,
    /// reported with its size, and the items after it are read. Markup that
    /// looks like an item but is not (in a comment, a CDATA section, an
    /// attribute value) neither starts nor ends one.
    @Test func anItemOverTheLimitIsDroppedWithItsSizeAndTheRestAreRead() throws {
        let big = String(repeating: "Long story text. ", count: 2_000)
        let feed = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY note "x">]>
            <rss version="2.0"><channel><title>Desk</title><!-- an <item> in a comment -->
            <item><title>One</title><description><![CDATA[First story, with a </item> in CDATA.]]></description></item>
            <item><title a="x>y">Two</title><description>\(big)</description></item>
            <item><title>Three</title><description>Third story text.</description></item>
            </channel></rss>
            """
        let path = try file(Array(feed.utf8), name: "big.xml")
        for chunkSize in [7, 4096] {
            let reader = try FeedItemReader(source: InputBytes(path: path, chunkSize: chunkSize), resumingAt: .start, limit: 16_384)
            var records: [StreamedRecord] = []
            while let record = try reader.next() { records.append(record) }
            #expect(records.map(\.item) == [1, 2, 3])
            #expect(try records[0].parsed?.get().title == "One")
            let itemTwo = "<item><title a=\"x>y\">Two</title><description>\(big)</description></item>"
            #expect(records[1].parsed == nil && records[1].droppedSize == Int64(itemTwo.utf8.count), "\(records[1])")
            #expect(try records[2].parsed?.get().title == "Three")
        }
        // Under a limit it fits, the same item is read.
        let reader = try FeedItemReader(source: InputBytes(path: path, chunkSize: 7), resumingAt: .start, limit: 1 << 20)
        _ = try reader.next()
        #expect(try reader.next()?.parsed?.get().title == "Two")
    }

    /// The gate passes a feed through byte for byte when no item is over the
    /// limit, however the bytes are cut; prefixed Atom entries are items too.
    @Test func theGatePassesFeedsThroughUnchanged() {
        let feeds = [
            rss,
            """
            <a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>T</a:title><a:entry><a:title>E</a:title></a:entry><a:entry/></a:feed>
            """,
        ]
        for feed in feeds {
            let bytes = Array(feed.utf8)
            for cut in [1, 3, 64] {
                var gate = FeedItemGate(limit: 1 << 20)
                var out: [UInt8] = []
                var start = 0
                while start < bytes.count {
                    gate.take(Array(bytes[start..<min(bytes.count, start + cut)]))
                    start += cut
                    out += gate.ready[..<gate.releasable]
                    gate.consume(gate.releasable)
                }
                gate.finish()
                out += gate.ready
                #expect(out == bytes, "cut \(cut)")
            }
        }
        var gate = FeedItemGate(limit: 10, tooLargeAttribute: "dossier-item-too-large")
        gate.take(Array("<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\"><a:entry k=\"v\"><a:title>Long title</a:title></a:entry></a:feed>".utf8))
        gate.finish()
        #expect(String(decoding: gate.ready, as: UTF8.self)
                == "<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\"><a:entry dossier-item-too-large=\"54\"/></a:feed>")
    }

    /// Generated feeds (a seeded generator: comments, CDATA sections,
    /// processing instructions, a DOCTYPE with an internal subset, quoted
    /// attributes holding `>` and `</item>`, empty and nested elements), cut
    /// at random: within the limit the gate passes every byte through; under
    /// a small limit exactly the items longer than it become placeholders.
    @Test func generatedFeedsPassThroughOrLoseExactlyTheirLongItems() {
        var random = SplitMix64(seed: 42)
        let fragments = [
            "<title>Plain</title>", "<description><![CDATA[ </item> ]] > ]]]></description>", "<!-- <item> -- </item> -->",
            "<?note </item> ?>", "<empty/>", "<x a=\"1>2\" b='</item>'>text &amp; more</x>", "<p><q>deep</q></p>",
            "Text between, long enough to matter.", "<link>https://example.com/a?b=1&amp;c=2</link>",
        ]
        for round in 0..<40 {
            let header = round % 2 == 0 ? "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY e \"a>b\"><!ELEMENT x ANY>]>" : ""
            var items: [(start: String, text: String)] = []
            for index in 0..<Int.random(in: 1...6, using: &random) {
                let start = Bool.random(using: &random) ? "<item n=\"\(index)\" k='>'>" : "<item>"
                var text = start
                for _ in 0..<Int.random(in: 0...8, using: &random) { text += fragments.randomElement(using: &random)! }
                items.append((start, index % 3 == 2 ? String(start.dropLast()) + "/>" : text + "</item>"))
            }
            let feed = header + "<rss version=\"2.0\"><channel><title>Desk</title><!-- <item> -->"
                + items.map(\.text).joined() + "</channel></rss>"
            let limit = Int.random(in: 40...400, using: &random)
            let marker = FeedItemGate.unforgeableAttributeName()
            let expected = header + "<rss version=\"2.0\"><channel><title>Desk</title><!-- <item> -->"
                + items.map { item in
                    item.text.utf8.count <= limit ? item.text
                        : String(item.start.dropLast()) + " \(marker)=\"\(item.text.utf8.count)\"/>"
                }.joined() + "</channel></rss>"
            for (bound, want) in [(1 << 20, feed), (limit, expected)] {
                var gate = FeedItemGate(limit: bound, tooLargeAttribute: marker)
                var out: [UInt8] = []
                let bytes = Array(feed.utf8)
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + Int.random(in: 1...50, using: &random))
                    gate.take(Array(bytes[start..<end]))
                    start = end
                    out += gate.ready[..<gate.releasable]
                    gate.consume(gate.releasable)
                }
                gate.finish()
                out += gate.ready
                #expect(String(decoding: out, as: UTF8.self) == want, "round \(round), limit \(bound)")
            }
        }
    }

    /// Issue 13: UTF-16 feeds passed the gate unlimited (it lexes
    /// ASCII-compatible bytes and recognised no item in them). They are now
    /// transcoded to UTF-8 on the way in, whatever the byte order, with or
    /// without a byte-order mark, however the chunks cut code units and
    /// surrogate pairs; what is read is what the UTF-8 feed gives.
    @Test func utf16FeedsAreReadAndTheirItemsBounded() throws {
        let big = String(repeating: "Long story text. ", count: 2_000)
        let feed = """
            <?xml version="1.0" encoding="UTF-16"?>
            <rss version="2.0"><channel><title>Desk</title>
            <item><title>One 𝕏 ڈان</title><description>First story text.</description></item>
            <item><title>Two</title><description>\(big)</description></item>
            <item><title>Three</title><description>Third story text.</description></item>
            </channel></rss>
            """
        let utf16 = Array(feed.utf16)
        let little = utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        let bigEndian = utf16.flatMap { [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] }
        let itemTwo = "<item><title>Two</title><description>\(big)</description></item>"
        for (name, bytes) in [("le-mark.xml", [0xFF, 0xFE] + little), ("be-mark.xml", [0xFE, 0xFF] + bigEndian),
                              ("le.xml", little), ("be.xml", bigEndian)] {
            let path = try file(bytes, name: name)
            for chunkSize in [1, 3, 4096] {
                let reader = try FeedItemReader(source: InputBytes(path: path, chunkSize: chunkSize), resumingAt: .start, limit: 16_384)
                var records: [StreamedRecord] = []
                while let record = try reader.next() { records.append(record) }
                #expect(records.count == 3, "\(name), chunks of \(chunkSize)")
                guard records.count == 3 else { continue }
                #expect(try records[0].parsed?.get().title == "One 𝕏 ڈان", "\(name)")
                #expect(records[1].parsed == nil && records[1].droppedSize == Int64(itemTwo.utf8.count), "\(name)")
                #expect(try records[2].parsed?.get().outlet == "Desk", "\(name)")
            }
        }
    }

    @Test func utf16TranscodingReplacesBrokenCodeUnits() {
        #expect(UTF16StreamTranscoder.detect([0xFF, 0xFE, 0x00, 0x00]) == nil)  // UTF-32LE
        #expect(UTF16StreamTranscoder.detect(Array("<rss".utf8)) == nil)
        var transcoder = UTF16StreamTranscoder(bigEndian: false)
        // A lone low surrogate, a high surrogate followed by "A", then a high surrogate and an odd byte at the end.
        var out = transcoder.transcode([0x00, 0xDC, 0x3D, 0xD8])
        out += transcoder.transcode([0x41, 0x00, 0x3D, 0xD8, 0x42])
        out += transcoder.finish()
        #expect(String(decoding: out, as: UTF8.self) == "\u{FFFD}\u{FFFD}A\u{FFFD}\u{FFFD}")
    }

    /// A feed could give a real item the placeholder's attribute and have it
    /// reported as dropped; the attribute's name now ends in a random suffix.
    @Test func aFeedCannotForgeTheDroppedItemPlaceholder() throws {
        let feed = """
            <rss version="2.0"><channel><title>Desk</title>
            <item dossier-item-too-large="99"><title>Real</title><description>Real story text.</description></item>
            </channel></rss>
            """
        let records = try drafts(try file(Array(feed.utf8), name: "forged.xml"))
        #expect(records.count == 1)
        #expect(try records.first?.get().title == "Real")
        #expect(FeedItemGate.unforgeableAttributeName() != FeedItemGate.unforgeableAttributeName())
    }

    /// A stray `<` followed by a long run of name bytes held the rest of the
    /// input back (the gate waited for the name to end); a name now ends at
    /// `FeedItemGate.maximumNameLength` bytes.
    @Test func aLongTagNameDoesNotHoldTheInputBack() {
        var gate = FeedItemGate(limit: 1 << 20)
        let run = Array(repeating: UInt8(ascii: "a"), count: 100_000)
        gate.take(Array("<rss><channel><".utf8) + run)
        #expect(gate.releasable == gate.ready.count)
        #expect(gate.ready.count == 15 + run.count)
    }
}
