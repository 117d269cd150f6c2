/// A run of text shown as one paragraph: the inline content of one block
/// element, up to the next block boundary or line break.
struct TextBlock {
    /// Whitespace collapsed; never empty, except in blocks that were only
    /// measured (`HTMLText.measuredBlocks`).
    var text: String
    /// The length of `text` in Unicode scalars, as all text is measured here.
    var length: Int
    /// How much of `text` is link text.
    var linkTextLength: Int
    /// The innermost block element holding the text: a `p`, an `li`, or a
    /// `div` with text of its own.
    var container: MarkupNode
}

/// Turns HTML trees into paragraphs of plain text, for pages and for the
/// HTML bodies of feed items alike.
enum HTMLText {
    /// The text blocks below `root` in document order, leaving out what
    /// `filter` excludes. Character entities were decoded by libxml2.
    static func blocks(in root: MarkupNode, filter: BoilerplateFilter) -> [TextBlock] {
        collectBlocks(in: root, filter: filter, keepingText: true)
    }

    /// `blocks` measured but without their text (`text` is empty): the
    /// lengths are counted from libxml2's bytes as `collapsingWhitespace`
    /// would leave them, without making a String per text node. For the
    /// survey of a page, which needs sizes, not words.
    static func measuredBlocks(in root: MarkupNode, filter: BoilerplateFilter) -> [TextBlock] {
        collectBlocks(in: root, filter: filter, keepingText: false)
    }

    private static func collectBlocks(in root: MarkupNode, filter: BoilerplateFilter, keepingText: Bool) -> [TextBlock] {
        var collector = BlockCollector(root: root, keepingText: keepingText)
        root.walkDescendants(
            enter: { node in
                if node.isText {
                    if keepingText {
                        collector.append(text: node.textContent)
                    } else {
                        node.withOwnTextBytes { collector.measure($0) }
                    }
                    return .skip
                }
                guard node.isElement, !filter.excludes(node) else { return .skip }
                collector.enter(node)
                return .descend
            },
            leave: { collector.leave($0) })
        collector.endBlock()
        return collector.blocks
    }

    /// The paragraphs of markup that is all article, such as a feed item's
    /// body: chrome inside it (share bars, "Read more" link lists) removed.
    static func articleParagraphs(in root: MarkupNode) -> [String] {
        for filter in [BoilerplateFilter.strict, .tagsOnly] {
            let blocks = blocks(in: root, filter: filter)
            let statistics = BlockStatistics(blocks, within: root)
            let paragraphs = droppingEmptySections(blocks.filter { statistics.isProse($0, inside: [root]) })
            if !paragraphs.isEmpty { return paragraphs.map(\.text) }
        }
        return []
    }

    /// `articleParagraphs` of an HTML fragment given as a string.
    static func articleParagraphs(ofFragment html: String) -> [String] {
        MarkupDocument.withHTMLFragment(html) { root in
            guard let root else { return [] }
            return articleParagraphs(in: root.firstChildElement(named: "body") ?? root)
        }
    }

    /// The text of an HTML fragment on one line, for titles that feeds
    /// escape or mark up.
    static func inlineText(ofFragment html: String) -> String {
        MarkupDocument.withHTMLFragment(html) { root in
            guard let root else { return "" }
            return blocks(in: root, filter: .tagsOnly).map(\.text).joined(separator: " ")
        }
    }

    /// Runs of whitespace (non-breaking spaces included) as one space, trimmed.
    /// It goes by Unicode scalars, not characters: pages are long, and no
    /// whitespace scalar combines with its neighbours.
    ///
    /// It works on the UTF-8 bytes, copying each scalar's bytes whole, with
    /// the whitespace of `isWhitespace` told by `CollapsedLength.scalar(at:in:)`.
    static func collapsingWhitespace<Text: StringProtocol>(_ text: Text) -> String {
        var source = String(text)
        return source.withUTF8 { bytes in
            // The text never grows: each space written stands for at least
            // one byte of whitespace. Bytes are written in place, not
            // appended a scalar at a time.
            let collapsed = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, written in
                written = 0
                var spacePending = false
                var index = 0
                while index < bytes.count {
                    let scalar = CollapsedLength.scalar(at: index, in: bytes)
                    let end = min(index + scalar.width, bytes.count)
                    if scalar.isSpace {
                        spacePending = written > 0
                    } else {
                        if spacePending {
                            buffer[written] = UInt8(ascii: " ")
                            written += 1
                        }
                        spacePending = false
                        for byteIndex in index..<end {
                            buffer[written] = bytes[byteIndex]
                            written += 1
                        }
                    }
                    index = end
                }
            }
            return String(decoding: collapsed, as: UTF8.self)
        }
    }

    /// Unicode's White_Space property, spelled out: the property lookup
    /// was the costliest step of reading a page's text.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The blocks without headings whose sections are empty: followed by
    /// nothing, or by a heading of the same or a higher rank. Such a heading
    /// introduced something that was removed ("Related stories" over a list
    /// of links).
    static func droppingEmptySections(_ blocks: [TextBlock]) -> [TextBlock] {
        blocks.indices.compactMap { index in
            guard let rank = headingRank(blocks[index]) else { return blocks[index] }
            let next = index + 1
            guard next < blocks.count else { return nil }
            if let nextRank = headingRank(blocks[next]), nextRank <= rank { return nil }
            return blocks[index]
        }
    }

    static func isHeading(_ block: TextBlock) -> Bool { headingRank(block) != nil }

    /// 1 for an `h1` … 6 for an `h6`; nil for any other block.
    private static func headingRank(_ block: TextBlock) -> Int? {
        let name = block.container.name
        guard name.count == 2, name.first == "h", let rank = name.last?.wholeNumberValue, (1...6).contains(rank)
        else { return nil }
        return rank
    }

    /// `collapsingWhitespace`, or nil when no text is left.
    static func trimmed(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = collapsingWhitespace(text)
        return collapsed.isEmpty ? nil : collapsed
    }

    /// Elements nested deeper than this are read as inline text of the
    /// block around them: every walk from a block up to the page's root
    /// stays this short, so a page nested thousands of levels deep is read
    /// in linear time.
    static let maximumBlockDepth = 512

    /// Elements that start and end a paragraph; everything else flows inline.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]
}

/// Accumulates inline text until a block boundary, then files it as a block.
private struct BlockCollector {
    var blocks: [TextBlock] = []
    private var openBlocks: [MarkupNode]
    private var pendingText = ""
    private var pendingLinkText = ""
    private var openLinks = 0
    /// How deep the element being read is below the root.
    private var depth = 0

    private let keepingText: Bool
    /// Measuring without text: the collapsed length so far of the block and
    /// of its link text, and whether a space is due before the next word.
    private var measured = CollapsedLength()
    private var measuredLink = CollapsedLength()

    init(root: MarkupNode, keepingText: Bool = true) {
        openBlocks = [root]
        self.keepingText = keepingText
    }

    mutating func measure(_ bytes: UnsafeBufferPointer<UInt8>) {
        measured.add(bytes)
        if openLinks > 0 { measuredLink.add(bytes) }
    }

    mutating func append(text: String) {
        pendingText += text
        if openLinks > 0 { pendingLinkText += text }
    }

    mutating func enter(_ element: MarkupNode) {
        depth += 1
        let name = element.name
        guard depth <= HTMLText.maximumBlockDepth else {
            // Past the depth budget a block only separates words.
            if HTMLText.blockElements.contains(name) || name == "br" {
                pendingText += " "
                measured.addSpace()
                if openLinks > 0 { measuredLink.addSpace() }
            }
            return
        }
        if name == "br" || HTMLText.blockElements.contains(name) { endBlock() }
        if HTMLText.blockElements.contains(name) { openBlocks.append(element) }
        if name == "a" && element.attribute("href") != nil { openLinks += 1 }
    }

    mutating func leave(_ element: MarkupNode) {
        defer { depth -= 1 }
        guard depth <= HTMLText.maximumBlockDepth else { return }
        let name = element.name
        if HTMLText.blockElements.contains(name) {
            endBlock()
            openBlocks.removeLast()
        }
        if name == "a" && element.attribute("href") != nil { openLinks -= 1 }
    }

    mutating func endBlock() {
        guard keepingText else {
            if measured.length > 0 {
                blocks.append(TextBlock(text: "", length: measured.length, linkTextLength: min(measuredLink.length, measured.length),
                                        container: openBlocks[openBlocks.count - 1]))
            }
            measured = CollapsedLength()
            measuredLink = CollapsedLength()
            return
        }
        let text = HTMLText.collapsingWhitespace(pendingText)
        if !text.isEmpty {
            let length = text.unicodeScalars.count
            let linkTextLength = min(HTMLText.collapsingWhitespace(pendingLinkText).unicodeScalars.count, length)
            blocks.append(TextBlock(text: text, length: length, linkTextLength: linkTextLength,
                                    container: openBlocks[openBlocks.count - 1]))
        }
        pendingText = ""
        pendingLinkText = ""
    }
}

/// The length in Unicode scalars that `HTMLText.collapsingWhitespace` would
/// give a text fed in pieces of UTF-8: words count whole, each run of
/// whitespace between two words counts one, leading and trailing runs none.
struct CollapsedLength {
    private(set) var length = 0
    private var spacePending = false

    mutating func addSpace() {
        spacePending = length > 0
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            let scalar = Self.scalar(at: index, in: bytes)
            if scalar.isSpace {
                spacePending = length > 0
            } else {
                if spacePending { length += 1 }
                spacePending = false
                length += 1
            }
            index += scalar.width
        }
    }

    /// The UTF-8 width of the scalar starting at `index`, and whether it is
    /// whitespace as `HTMLText.isWhitespace` says.
    @inline(__always)
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (width: Int, isSpace: Bool) {
        let lead = bytes[index]
        let count = bytes.count
        switch lead {
        case 0x09...0x0D, 0x20:
            return (1, true)
        case ..<0x80:
            return (1, false)
        case 0xC0..<0xE0:
            return (2, lead == 0xC2 && index + 1 < count && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0))
        case 0xE0..<0xF0:
            return (3, index + 2 < count && isThreeByteSpace(lead, bytes[index + 1], bytes[index + 2]))
        case 0xF0...:
            return (4, false)
        default:
            // A stray continuation byte: libxml2 hands out valid UTF-8, so count it as a scalar.
            return (1, false)
        }
    }

    /// U+1680, U+2000…U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 in UTF-8.
    private static func isThreeByteSpace(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        switch (first, second) {
        case (0xE1, 0x9A): return third == 0x80
        case (0xE2, 0x80): return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF
        case (0xE2, 0x81): return third == 0x9F
        case (0xE3, 0x80): return third == 0x80
        default: return false
        }
    }
}
