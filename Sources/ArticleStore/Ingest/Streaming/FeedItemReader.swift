import CLibXML2
import DossierCore

/// The items of an RSS or Atom feed of any size, one at a time, through
/// libxml2's streaming reader: each item's subtree is built, read into a
/// draft as `FeedParser` reads it, and freed as the reader moves on. The feed's
/// title, language and authors are those given before the first item (where
/// feeds put them). A resumed reader skips the items already stored without
/// building them (XML cannot be entered mid-document, so it reads from the top).
/// An item over `limit` bytes is never built (`FeedItemGate`): it is
/// returned as dropped, with its size, and the items after it are read.
final class FeedItemReader: RecordReader {
    private let input: FeedInput
    private let reader: xmlTextReaderPtr
    private let errors = FeedReadErrors()
    private let path: String
    private let skipping: Int
    private(set) var position: ReadPosition = .start
    private var feed: Feed?
    private var rootName: String?
    private var outlet: String?
    private var language: String?
    private var feedAuthors: [String] = []
    private var finished = false
    /// The reader is on an item returned last time.
    private var stepsOverItem = false

    init(source: InputBytes, resumingAt resume: ReadPosition, limit: Int) throws(IngestError) {
        path = source.path
        skipping = resume.items
        input = try FeedInput(source: source, itemLimit: limit)
        xmlInitParser()
        // No entity substitution, no DTD loading, no network: as `MarkupDocument.withXML`.
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        // A UTF-16 feed reaches libxml2 as UTF-8; its declaration still says UTF-16.
        if input.isTranscoded { options |= XML_PARSE_IGNORE_ENC.rawValue }
        let context = Unmanaged.passUnretained(input).toOpaque()
        guard let reader = xmlReaderForIO({ context, buffer, length in
            guard let context, let buffer else { return -1 }
            return Unmanaged<FeedInput>.fromOpaque(context).takeUnretainedValue().read(into: buffer, length: Int(length))
        }, nil, context, nil, nil, Int32(options)) else {
            throw IngestError(path: source.path, reason: "cannot create an XML reader")
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let errors = Unmanaged<FeedReadErrors>.fromOpaque(userData).takeUnretainedValue()
            guard errors.message == nil else { return }
            errors.message = HTMLText.trimmed(error.pointee.message.map { String(cString: $0) })
            errors.line = error.pointee.line > 0 ? Int(error.pointee.line) : nil
        }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit { xmlFreeTextReader(reader) }

    /// libxml2 reports bytes the feed's encoding cannot convert on its
    /// per-thread global channel, which prints to stderr; caught here.
    private let conversion = ConversionErrors()

    func next() throws(IngestError) -> StreamedRecord? {
        try conversion.collecting { () throws(IngestError) -> StreamedRecord? in try nextRecord() }
    }

    private func nextRecord() throws(IngestError) -> StreamedRecord? {
        guard !finished else { return nil }
        var status = stepsOverItem ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
        stepsOverItem = false
        while status == 1 {
            if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                let depth = Int(xmlTextReaderDepth(reader))
                let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
                let namespace = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
                if depth == 0 {
                    try startFeed(name: name, namespace: namespace)
                } else if isItem(name: name, namespace: namespace, depth: depth) {
                    if let record = try item() { return record }
                    status = xmlTextReaderNext(reader)
                    continue
                } else {
                    readFeedMetadata(name: name, namespace: namespace, depth: depth)
                }
            }
            status = xmlTextReaderRead(reader)
        }
        finished = true
        if let problem = input.error { throw problem }
        if status < 0 {
            let reason = conversion.malformedXMLReason(parserMessage: errors.message)
            throw IngestError(path: path, line: errors.line, reason: reason)
        }
        guard rootName != nil else { throw IngestError(path: path, reason: "XML document has no root element") }
        if position.items == 0 { throw IngestError(path: path, reason: "feed has no items") }
        return nil
    }

    private func startFeed(name: String, namespace: String?) throws(IngestError) {
        rootName = name
        switch (name, namespace) {
        case ("rss", nil), ("RDF", FeedNamespace.rdf), ("feed", FeedNamespace.atom): break
        default: throw IngestError(path: path, reason: "not an RSS or Atom feed (root element <\(name)>)")
        }
    }

    private func isItem(name: String, namespace: String?, depth: Int) -> Bool {
        switch rootName {
        case "rss": return depth == 2 && name == "item" && namespace == nil
        case "RDF": return depth == 1 && name == "item" && namespace == FeedNamespace.rss1
        case "feed": return depth == 1 && name == "entry" && namespace == FeedNamespace.atom
        default: return false
        }
    }

    /// The feed's title, language and authors, from the channel (RSS) or the
    /// feed element (Atom).
    private func readFeedMetadata(name: String, namespace: String?, depth: Int) {
        guard feed == nil else { return }
        switch (rootName, depth, name, namespace) {
        case ("rss", 2, "title", nil), ("RDF", 2, "title", FeedNamespace.rss1):
            guard outlet == nil, let node = expanded() else { return }
            outlet = node.trimmedText
        case ("rss", 2, "language", nil), ("RDF", 2, "language", FeedNamespace.dublinCore):
            guard language == nil, let node = expanded() else { return }
            language = node.trimmedText
        case ("feed", 1, "title", FeedNamespace.atom):
            guard outlet == nil, let node = expanded() else { return }
            outlet = Feed.atomLine(node)
        case ("feed", 1, "author", FeedNamespace.atom):
            guard let node = expanded(), let author = node.firstChild(named: "name", in: FeedNamespace.atom)?.trimmedText else { return }
            feedAuthors.append(author)
        default:
            return
        }
    }

    /// The current item as a record, or nil when it is one already stored.
    private func item() throws(IngestError) -> StreamedRecord? {
        position.items += 1
        guard position.items > skipping else { return nil }
        let feed = self.feed ?? makeFeed()
        let itemPath = "\(path)#\(position.items)"
        guard let node = expanded() else {
            let reason = conversion.malformedXMLReason(parserMessage: errors.message)
            throw IngestError(path: path, line: errors.line, reason: reason)
        }
        stepsOverItem = true
        if let size = node.attribute(input.tooLargeAttribute).flatMap(Int64.init) {
            return StreamedRecord(item: position.items, line: nil, bytes: [], droppedSize: size)
        }
        let parsed: Result<ArticleDraft, IngestError> = feed.draft(of: node, sourcePath: itemPath)
            .map { .success($0) } ?? .failure(IngestError(path: itemPath, reason: "no body text"))
        // The next call steps over the item's subtree, so that libxml2 frees it.
        return StreamedRecord(item: position.items, line: nil, bytes: [], droppedSize: nil, parsed: parsed)
    }


    private func makeFeed() -> Feed {
        let kind: Feed.Kind
        switch rootName {
        case "feed": kind = .atom
        case "RDF": kind = .rss(namespace: FeedNamespace.rss1)
        default: kind = .rss(namespace: nil)
        }
        let made = Feed(kind: kind, outlet: outlet, language: language, feedAuthors: feedAuthors)
        feed = made
        return made
    }

    private func expanded() -> MarkupNode? {
        xmlTextReaderExpand(reader).map(MarkupNode.init(pointer:))
    }
}

/// The bytes libxml2 asks for, from an `InputBytes` (so gzip is inflated
/// here), through the gate that holds items back until they are whole. A
/// UTF-16 feed is transcoded to UTF-8 on the way, so that the gate can see
/// its items.
private final class FeedInput {
    let source: InputBytes
    private var gate: FeedItemGate
    /// Bytes of `gate.ready` handed to libxml2.
    private var used = 0
    private var atEnd = false
    private(set) var error: IngestError?
    private var transcoder: UTF16StreamTranscoder?
    /// The first bytes, read ahead to recognise the encoding.
    private var firstChunk: [UInt8]?

    var isTranscoded: Bool { transcoder != nil }
    var tooLargeAttribute: String { gate.tooLargeAttribute }

    init(source: InputBytes, itemLimit: Int) throws(IngestError) {
        self.source = source
        gate = FeedItemGate(limit: itemLimit)
        var first: [UInt8] = []
        while first.count < 4 {
            let chunk = try source.next()
            if chunk.isEmpty { break }
            first += chunk
        }
        if let utf16 = UTF16StreamTranscoder.detect(first) {
            transcoder = UTF16StreamTranscoder(bigEndian: utf16.bigEndian)
            first.removeFirst(utf16.markLength)
        }
        firstChunk = first
    }

    /// The next chunk for the gate, as UTF-8 when the feed is UTF-16; empty at the end.
    private func nextChunk() throws(IngestError) -> [UInt8] {
        let chunk: [UInt8]
        if let first = firstChunk {
            firstChunk = nil
            chunk = first
            if chunk.isEmpty { return try nextChunk() }
        } else {
            chunk = try source.next()
        }
        guard transcoder != nil else { return chunk }
        if chunk.isEmpty { return transcoder?.finish() ?? [] }
        let utf8 = transcoder?.transcode(chunk) ?? []
        // A chunk of one odd byte gives nothing yet; that is not the end.
        return utf8.isEmpty ? try nextChunk() : utf8
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        while used >= gate.releasable {
            gate.consume(used)
            used = 0
            if atEnd { return 0 }
            let chunk: [UInt8]
            do {
                chunk = try nextChunk()
            } catch {
                self.error = error
                return -1
            }
            if chunk.isEmpty {
                gate.finish()
                atEnd = true
            } else {
                gate.take(chunk)
            }
        }
        let count = min(length, gate.releasable - used)
        gate.ready.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + used, byteCount: count)
        }
        used += count
        return Int32(count)
    }
}

/// The first error libxml2 reported while reading.
private final class FeedReadErrors {
    var message: String?
    var line: Int?
}
