import CLibXML2

/// A node of a libxml2 tree, for reading. It borrows the tree: it is valid
/// only inside the `MarkupDocument` call that parsed it.
struct MarkupNode: Hashable {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// Character data: text, or CDATA (libxml2's HTML parser keeps the
    /// contents of `<script>` and `<style>` as CDATA).
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's local name as written: "encoded" for `content:encoded`.
    /// The HTML parser lowercases names; XML keeps their case.
    var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    var namespaceURI: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// The enclosing element; nil at the root.
    var parent: MarkupNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return MarkupNode(pointer: parent)
    }

    var childElements: [MarkupNode] {
        var elements: [MarkupNode] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { elements.append(MarkupNode(pointer: current)) }
            child = current.pointee.next
        }
        return elements
    }

    func firstChildElement(named name: String) -> MarkupNode? {
        childElements.first { $0.name == name }
    }

    /// An attribute's value ("" for a bare `hidden`), or nil when absent.
    func attribute(_ name: String) -> String? {
        withAttributeBytes(name) { String(decoding: $0, as: UTF8.self) }
    }

    /// An attribute's bytes as libxml2 holds them, lent to `body` without
    /// making a String; nil when absent.
    func withAttributeBytes<Result>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        // Most attributes hold one text node: its bytes are lent as they
        // stand, without the copy `xmlGetProp` makes (asked of every element).
        let attribute = name.withCString { xmlHasProp(pointer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let attribute else { return nil }
        if attribute.pointee.type == XML_ATTRIBUTE_NODE, let text = attribute.pointee.children,
           text.pointee.type == XML_TEXT_NODE, text.pointee.next == nil, let content = text.pointee.content {
            return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        let value = name.withCString { xmlGetProp(pointer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let value else { return nil }
        defer { freeXMLString(value) }
        return body(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
    }

    /// The `xml:lang` in force here, set on this element or an ancestor.
    var xmlLanguage: String? {
        guard let language = xmlNodeGetLang(pointer) else { return nil }
        defer { freeXMLString(language) }
        return String(cString: language)
    }

    /// Hidden until the reader opens it: a `<details>` without `open`, or an
    /// element with the class `collapse` (Bootstrap's accordion panels and
    /// "read more" boxes) without `in` or `show`, the classes that open it.
    var isCollapsedPanel: Bool {
        if name == "details" { return attribute("open") == nil }
        guard attributeContains("class", Self.collapseFragment) else { return false }
        let classes = attributeTokens("class")
        return classes.contains("collapse") && !classes.contains("in") && !classes.contains("show")
    }

    private static let collapseFragment = ASCIIFragments(["collapse"])

    /// The space-separated tokens of an attribute such as `rel`, lowercased.
    func attributeTokens(_ name: String) -> [String] {
        attribute(name)?.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) ?? []
    }

    /// The character data below this node, as written (whitespace kept).
    ///
    /// Entity references are left out rather than expanded, unlike
    /// `xmlNodeGetContent`: a feed's own DTD entities are how XXE and
    /// "billion laughs" payloads arrive, and real feeds do not declare any.
    /// Predefined entities and character references are already text.
    var textContent: String {
        if isText { return ownText }
        var text = ""
        walkDescendants { node in
            if node.isText { text += node.ownText }
            return .descend
        }
        return text
    }

    private var ownText: String { pointer.pointee.content.map { String(cString: $0) } ?? "" }

    /// A text node's bytes as libxml2 holds them, lent to `body` without
    /// making a String; nil for elements and empty nodes.
    func withOwnTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard isText, let content = pointer.pointee.content else { return nil }
        return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    enum Descent { case descend, skip }

    /// Visits the nodes below this one in document order: `enter` for each
    /// node, `leave` after the children of each element `enter` descended
    /// into. It follows the tree's sibling and parent links instead of
    /// recursing, so it needs no stack however deep a page nests.
    func walkDescendants(enter: (MarkupNode) -> Descent, leave: (MarkupNode) -> Void = { _ in }) {
        var next = pointer.pointee.children
        while let current = next {
            let node = MarkupNode(pointer: current)
            if enter(node) == .descend && node.isElement {
                if let child = current.pointee.children {
                    next = child
                    continue
                }
                leave(node)
            }
            // Climb to the nearest following sibling, leaving each element finished on the way.
            next = nil
            var finished = current
            while true {
                if let sibling = finished.pointee.next {
                    next = sibling
                    break
                }
                guard let parent = finished.pointee.parent, parent != pointer else { break }
                leave(MarkupNode(pointer: parent))
                finished = parent
            }
        }
    }
}

/// Frees a string libxml2 allocated for the caller. `xmlFree` itself is a
/// mutable C global, which Swift 6 refuses to read; `xmlMemGet` hands out
/// the same function.
private func freeXMLString(_ string: UnsafeMutablePointer<xmlChar>) {
    var free: xmlFreeFunc?
    xmlMemGet(&free, nil, nil, nil)
    free?(string)
}
