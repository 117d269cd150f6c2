import Foundation
import Testing
@testable import ArticleStore

/// The survey's blocks are measured from libxml2's bytes without making
/// their text; the lengths must be those of the text the reader makes.
@Suite struct HTMLMeasuredBlocksTests {
    @Test(arguments: [
        "<p>  Plain   words,\n\tspread out  </p><p>Ünïcödé — “quoted” 東京 😀 text</p>",
        "<div>Non\u{00A0}breaking\u{2009}thin\u{3000}ideographic\u{202F}spaces\u{0085}next line</div>",
        "<p>A <a href='/x'>linked <b>phrase</b></a> and <a href='/y'> another </a> one.</p><ul><li><a href='/z'>Only a link</a></li></ul>",
        "<div>Text before<p>a paragraph</p>text after<br>a break<span> inline </span></div>",
        "<p>\u{1680}\u{2000}\u{200A}\u{2028}\u{2029}\u{205F}</p><p>   </p><p>x</p>",
    ])
    func measuredLengthsMatchTheTextsLengths(html: String) {
        typealias Shape = (lengths: [Int], linkLengths: [Int], containers: [MarkupNode], texts: [String])
        let shapes: (read: Shape, measured: Shape)? = MarkupDocument.withHTMLFragment(html) { root in
            guard let root else { return nil }
            let body = root.firstChildElement(named: "body") ?? root
            let shape = { (blocks: [TextBlock]) -> Shape in
                (blocks.map(\.length), blocks.map(\.linkTextLength), blocks.map(\.container), blocks.map(\.text))
            }
            return (shape(HTMLText.blocks(in: body, filter: .survey)), shape(HTMLText.measuredBlocks(in: body, filter: .survey)))
        }
        guard let shapes else {
            Issue.record("no tree")
            return
        }
        #expect(!shapes.read.lengths.isEmpty)
        #expect(shapes.measured.lengths == shapes.read.lengths)
        #expect(shapes.measured.linkLengths == shapes.read.linkLengths)
        #expect(shapes.measured.containers == shapes.read.containers)
        #expect(shapes.measured.texts.allSatisfy { $0.isEmpty })
    }
}
