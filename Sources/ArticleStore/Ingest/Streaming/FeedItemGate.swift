/// Holds each item of a feed back until its end tag has arrived, so that no
/// item larger than the limit reaches libxml2: `xmlTextReaderExpand` builds an
/// item's whole subtree, and a feed of one 2 GB item would be held whole.
///
/// The bytes are lexed on their way to libxml2: markup (start, end and empty
/// tags with quoted attributes, comments, CDATA sections, processing
/// instructions, the DOCTYPE) and the element depth, which with the root's
/// name says where items are (`<rss><channel><item>`, `<rdf:RDF><item>`,
/// `<feed><entry>`; names compared without their prefix, the reader checks
/// namespaces). An item within the limit is passed on whole; one over it is
/// dropped as it streams by and replaced by its own start tag, made empty and
/// marked with `tooLargeAttribute` (its size), which `FeedItemReader` reports.
/// The gate reads ASCII-compatible bytes: `FeedInput` hands it UTF-16 feeds
/// transcoded to UTF-8 (`UTF16StreamTranscoder`). A UTF-32 feed passes
/// through ungated (no item is recognised in it).
struct FeedItemGate {
    /// The attribute a dropped item's placeholder carries, holding its size
    /// in bytes. Its name ends in a random suffix, so that a feed cannot
    /// forge a placeholder by giving a real item the attribute itself.
    let tooLargeAttribute: String

    /// A start tag's name longer than this ends there: a stray `<` followed by
    /// a long run of name bytes would otherwise hold the rest of the input
    /// back (names of feed elements are a few bytes).
    static let maximumNameLength = 256

    let limit: Int
    /// Bytes ready for libxml2.
    private(set) var ready: [UInt8] = []

    private enum Lexer {
        case text
        /// After `<`.
        case open
        /// In a start tag's name.
        case startName
        /// In a start tag after its name: attributes, quoted values; `slash`
        /// when the last byte outside quotes was `/` (an empty element).
        case startTag(quote: UInt8?, slash: Bool)
        case endTag
        /// After `<!`: the bytes seen so far decide between a comment, CDATA and a declaration.
        case bang([UInt8])
        /// Inside `<!-- -->`, with how many of the closing bytes were seen.
        case comment(matched: Int)
        case cdata(matched: Int)
        /// Inside `<? ?>`, `sawMark` after a `?`.
        case instruction(sawMark: Bool)
        /// Inside `<!DOCTYPE ...>`, with the depth of its internal subset and any quote.
        case declaration(brackets: Int, quote: UInt8?)
    }

    private var lexer = Lexer.text
    private var depth = 0
    /// Where the feed's items are, known from the root's name once it is
    /// read: their depth and element name; nil for a root that is no feed's.
    private var itemPlace: (depth: Int, name: [UInt8])?
    private var sawRoot = false
    /// Where the markup being lexed starts in `ready` (a start tag is held
    /// back until its name says whether it opens an item).
    private var markupStart = 0
    private var name: [UInt8] = []

    /// The item being held: its bytes (nil once over the limit), its size,
    /// its start tag (for the placeholder) and the depth it opened at.
    private var item: [UInt8]?
    private var inItem = false
    private var itemSize = 0
    private var itemStartTag: [UInt8]?
    private var itemName: [UInt8] = []
    private var itemDepth = 0

    init(limit: Int, tooLargeAttribute: String = FeedItemGate.unforgeableAttributeName()) {
        self.limit = limit
        self.tooLargeAttribute = tooLargeAttribute
    }

    /// `dossier-item-too-large-` and 16 random hexadecimal digits.
    static func unforgeableAttributeName() -> String {
        let suffix = String(UInt64.random(in: .min ... .max), radix: 16)
        return "dossier-item-too-large-" + String(repeating: "0", count: 16 - suffix.count) + suffix
    }

    /// The bytes libxml2 may have now: all of `ready`, except a start tag whose name is still being read.
    var releasable: Int {
        switch lexer {
        case .open, .startName: return markupStart
        default: return ready.count
        }
    }

    /// Drops the first `count` ready bytes, handed to libxml2: called once
    /// all that was releasable is handed, so little (a tag name) is moved.
    mutating func consume(_ count: Int) {
        ready.removeFirst(count)
        markupStart = max(0, markupStart - count)
    }

    /// Passes `bytes` through the gate. Runs of text are copied whole; markup
    /// is lexed a byte at a time.
    mutating func take(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            if case .text = lexer {
                let next = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                if next > index {
                    emit(bytes[index..<next])
                    index = next
                    continue
                }
            }
            take(bytes[index])
            index += 1
        }
    }

    /// The end of the input: anything held is passed on as it is (libxml2 reports the feed cut short).
    mutating func finish() {
        if let held = item { ready += held }
        item = nil
        inItem = false
        lexer = .text
        markupStart = ready.count
    }

    private mutating func emit(_ byte: UInt8) {
        emit(CollectionOfOne(byte))
    }

    private mutating func emit<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        guard inItem else {
            ready.append(contentsOf: bytes)
            return
        }
        itemSize += bytes.count
        guard item != nil else { return }
        item?.append(contentsOf: bytes)
        // Over the limit: what is held is dropped, and the rest is not kept.
        if let held = item, held.count > limit { item = nil }
    }

    private mutating func take(_ byte: UInt8) {
        switch lexer {
        case .text:
            if byte == UInt8(ascii: "<") {
                markupStart = ready.count
                lexer = .open
            }
            emit(byte)
        case .open:
            emit(byte)
            switch byte {
            case UInt8(ascii: "/"): lexer = .endTag
            case UInt8(ascii: "!"): lexer = .bang([])
            case UInt8(ascii: "?"): lexer = .instruction(sawMark: false)
            default:
                name = [byte]
                lexer = .startName
            }
        case .startName:
            if isNameEnd(byte) || name.count >= Self.maximumNameLength {
                startTagNamed()
                lexer = .startTag(quote: nil, slash: false)
                take(byte)
            } else {
                name.append(byte)
                emit(byte)
            }
        case .startTag(let quote, let slash):
            emit(byte)
            if let quote {
                if byte == quote { lexer = .startTag(quote: nil, slash: false) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                lexer = .startTag(quote: byte, slash: false)
            } else if byte == UInt8(ascii: ">") {
                lexer = .text
                startTagEnded(empty: slash)
            } else {
                lexer = .startTag(quote: nil, slash: byte == UInt8(ascii: "/"))
            }
        case .endTag:
            emit(byte)
            if byte == UInt8(ascii: ">") {
                lexer = .text
                depth -= 1
                if inItem, depth == itemDepth { itemEnded() }
            }
        case .bang(var seen):
            emit(byte)
            seen.append(byte)
            if seen == Self.commentStart {
                lexer = .comment(matched: 0)
            } else if seen == Self.cdataStart {
                lexer = .cdata(matched: 0)
            } else if Self.commentStart.starts(with: seen) || Self.cdataStart.starts(with: seen) {
                lexer = .bang(seen)
            } else {
                lexer = .declaration(brackets: byte == UInt8(ascii: "[") ? 1 : 0, quote: nil)
                if byte == UInt8(ascii: ">") { lexer = .text }
            }
        case .comment(let matched):
            emit(byte)
            lexer = .comment(matched: Self.advance(matched, byte, closing: Self.commentEnd))
            if case .comment(3) = lexer { lexer = .text }
        case .cdata(let matched):
            emit(byte)
            lexer = .cdata(matched: Self.advance(matched, byte, closing: Self.cdataEnd))
            if case .cdata(3) = lexer { lexer = .text }
        case .instruction(let sawMark):
            emit(byte)
            lexer = sawMark && byte == UInt8(ascii: ">") ? .text : .instruction(sawMark: byte == UInt8(ascii: "?"))
        case .declaration(let brackets, let quote):
            emit(byte)
            if let quote {
                if byte == quote { lexer = .declaration(brackets: brackets, quote: nil) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                lexer = .declaration(brackets: brackets, quote: byte)
            } else if byte == UInt8(ascii: "[") {
                lexer = .declaration(brackets: brackets + 1, quote: nil)
            } else if byte == UInt8(ascii: "]") {
                lexer = .declaration(brackets: max(0, brackets - 1), quote: nil)
            } else if byte == UInt8(ascii: ">"), brackets == 0 {
                lexer = .text
            }
        }
    }

    private static let commentStart = Array("--".utf8)
    private static let cdataStart = Array("[CDATA[".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let cdataEnd = Array("]]>".utf8)

    /// How much of `closing` has been matched after `byte` (closings here
    /// repeat their first byte: "--" of "-->" and "]]" of "]]>" may run longer).
    private static func advance(_ matched: Int, _ byte: UInt8, closing: [UInt8]) -> Int {
        if byte == closing[matched] { return matched + 1 }
        if matched == 2, byte == closing[1] { return 2 }
        return byte == closing[0] ? 1 : 0
    }

    private func isNameEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    /// A start tag's name is complete: an item's start moves to the item held.
    private mutating func startTagNamed() {
        let local = name.lastIndex(of: UInt8(ascii: ":")).map { Array(name[($0 + 1)...]) } ?? name
        if depth == 0, !sawRoot {
            sawRoot = true
            itemPlace = Self.itemPlace(root: local)
        }
        guard !inItem, isItem(local) else { return }
        inItem = true
        itemDepth = depth
        itemName = name
        let tag = Array(ready[markupStart...])
        ready.removeSubrange(markupStart...)
        item = tag.count > limit ? nil : tag
        itemSize = tag.count
        itemStartTag = nil
    }

    private func isItem(_ local: [UInt8]) -> Bool {
        guard let itemPlace else { return false }
        return depth == itemPlace.depth && local == itemPlace.name
    }

    private static func itemPlace(root: [UInt8]) -> (depth: Int, name: [UInt8])? {
        switch String(decoding: root, as: UTF8.self) {
        case "rss": return (2, Array("item".utf8))
        case "RDF": return (1, Array("item".utf8))
        case "feed": return (1, Array("entry".utf8))
        default: return nil
        }
    }

    private mutating func startTagEnded(empty: Bool) {
        if !empty { depth += 1 }
        guard inItem else { return }
        if itemStartTag == nil { itemStartTag = item ?? [] }
        if empty, depth == itemDepth { itemEnded() }
    }

    /// The item's end tag has passed: the item is released whole, or its placeholder.
    private mutating func itemEnded() {
        inItem = false
        if let held = item {
            ready += held
        } else {
            ready += placeholder()
        }
        item = nil
        itemStartTag = nil
        markupStart = ready.count
    }

    /// The item's start tag, empty, with its size: `<item dossier-item-too-large-…="123456789"/>`.
    private func placeholder() -> [UInt8] {
        var tag = itemStartTag ?? []
        // A start tag itself over the limit was not kept: its name alone.
        if tag.isEmpty { tag = Array("<".utf8) + itemName + Array(">".utf8) }
        while let last = tag.last, last == UInt8(ascii: ">") || last == UInt8(ascii: "/") { tag.removeLast() }
        return tag + Array(" \(tooLargeAttribute)=\"\(itemSize)\"/>".utf8)
    }
}
