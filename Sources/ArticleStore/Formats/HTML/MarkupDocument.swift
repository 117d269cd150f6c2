import CLibXML2
import CLibXML2Shim

/// Parses HTML and XML with libxml2 and lends out the tree for the length of
/// one call, freeing it after: `MarkupNode`s must not escape the closure.
enum MarkupDocument {
    /// Parses a page the way a browser would, recovering from any markup.
    /// The root is nil only when there was nothing to parse.
    ///
    /// The encoding is the page's own (a byte-order mark or a meta charset),
    /// else UTF-8. Pages that declare nothing and are not valid UTF-8 are read
    /// as Windows-1252, as `decodeArticleText` reads captures: libxml2 would
    /// fall back to Latin-1, turning curly quotes into control characters.
    ///
    /// Start tags with more attributes than `AttributeBudget` allows are cut
    /// first, which keeps the parse linear.
    ///
    /// libxml2 stops decoding at the first byte its encoding cannot convert
    /// and loses the rest of the page, so Windows-1252 (the fallback, or a
    /// page's declared charset that then fails) is decoded in Swift instead,
    /// where the five bytes the code page leaves undefined become U+FFFD and
    /// the text goes on. The closure's second argument says what was lost,
    /// for a per-file warning.
    static func withHTML<Result, Failure: Error>(
        _ bytes: [UInt8], _ body: (MarkupNode?, _ conversionProblem: String?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // Idempotent; libxml2 wants it called before parsing on several threads.
        xmlInitParser()
        let bytes = AttributeBudget.capped(bytes) ?? bytes
        let conversion = ConversionErrors()
        var document = conversion.collecting { readHTML(bytes, encoding: nil) }
        let declared = document?.pointee.encoding.map { String(cString: $0) }
        let undeclaredAndNotUTF8 = document != nil && declared == nil && String(validating: bytes, as: UTF8.self) == nil
        let failedAsWindows1252 = conversion.count > 0 && declared.map { windows1252Names.contains($0.lowercased()) } == true
        var problem: String?
        if undeclaredAndNotUTF8 || failedAsWindows1252 {
            if let parsed = document { xmlFreeDoc(parsed) }
            let converted = windows1252AsUTF8(bytes)
            document = readHTML(converted.utf8, encoding: "UTF-8")
            if converted.undefined > 0 {
                problem = "decoded lossily: \(converted.undefined) byte\(converted.undefined == 1 ? "" : "s") undefined in Windows-1252 replaced with U+FFFD"
            }
        } else if conversion.count > 0 {
            problem = "decoded lossily: the page's bytes are not valid \(declared ?? "UTF-8"); the text after the first byte that could not be converted is lost"
        }
        defer { if let document { xmlFreeDoc(document) } }
        return try body(document.flatMap { xmlDocGetRootElement($0) }.map(MarkupNode.init), problem)
    }

    /// The names libxml2 gives Windows-1252 when a page declares it.
    private static let windows1252Names: Set<String> = ["windows-1252", "cp1252", "x-cp1252"]

    /// Parses a piece of HTML held in a string, such as a feed item's body.
    static func withHTMLFragment<Result>(_ html: String, _ body: (MarkupNode?) -> Result) -> Result {
        let document = readHTML(Array(html.utf8), encoding: "UTF-8")
        defer { if let document { xmlFreeDoc(document) } }
        return body(document.flatMap { xmlDocGetRootElement($0) }.map(MarkupNode.init))
    }

    private static func readHTML(_ bytes: [UInt8], encoding: String?) -> htmlDocPtr? {
        guard !bytes.isEmpty, let size = Int32(exactly: bytes.count) else { return nil }
        // HUGE lifts libxml2's 256-level nesting limit, past which it gave up
        // on a page's text; the walks over the tree need no stack, and the
        // block reader has a depth budget of its own (`HTMLText.maximumBlockDepth`).
        var options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue
        // A given encoding is known, not guessed: a stray meta charset must not override it.
        if encoding != nil { options |= HTML_PARSE_IGNORE_ENC.rawValue }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                htmlReadMemory(characters.baseAddress, size, nil, encoding, Int32(options))
            }
        }
    }

    /// Parses well-formed XML, or throws with libxml2's reason and line.
    ///
    /// Entities are not substituted (no `XML_PARSE_NOENT`), no external DTD
    /// is loaded (no `XML_PARSE_DTDLOAD`) and the network is off, so a
    /// document cannot make the parser read local files or URLs.
    static func withXML<Result>(
        _ bytes: [UInt8], path: String, _ body: (MarkupNode) throws(IngestError) -> Result
    ) throws(IngestError) -> Result {
        guard let size = Int32(exactly: bytes.count) else {
            throw IngestError(path: path, reason: "file too large for the XML parser")
        }
        // Idempotent; libxml2 wants it called before parsing on several threads.
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else { throw IngestError(path: path, reason: "cannot create an XML parser") }
        defer { xmlFreeParserCtxt(context) }
        let firstError = FirstParseError()
        firstError.collectErrors(of: context)
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        let conversion = ConversionErrors()
        let document = conversion.collecting {
            withExtendedLifetime(firstError) {
                bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { characters in
                        xmlCtxtReadMemory(context, characters.baseAddress, size, nil, nil, Int32(options))
                    }
                }
            }
        }
        guard let document else {
            let reason = conversion.malformedXMLReason(parserMessage: firstError.message)
            throw IngestError(path: path, line: firstError.line, reason: reason)
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw IngestError(path: path, reason: "XML document has no root element")
        }
        return try body(MarkupNode(pointer: root))
    }
}

/// libxml2's account of the first error of a parse ("Opening and ending tag
/// mismatch: item line 3 and channel", line 4). The parser goes on after it,
/// and what it reports last ("Premature end of data") is mostly a consequence.
private final class FirstParseError {
    var message: String?
    var line: Int?

    /// Routes the context's errors here; `XML_PARSE_NOERROR` silences
    /// printing, not this handler. The context's user data is the context.
    func collectErrors(of context: xmlParserCtxtPtr) {
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
                  let recorder = userData?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private
            else { return }
            let firstError = Unmanaged<FirstParseError>.fromOpaque(recorder).takeUnretainedValue()
            guard firstError.message == nil else { return }
            firstError.message = HTMLText.trimmed(error.pointee.message.map { String(cString: $0) })
            firstError.line = error.pointee.line > 0 ? Int(error.pointee.line) : nil
        }
    }
}

/// Counts the bytes libxml2 could not convert from the page's encoding.
/// libxml2 reports those through its per-thread global error channel, not
/// the parser context's, and with no handler set it prints them to stderr
/// ("encoding error : input conversion failed due to input error"), where
/// they interleave with the ingest summary and name no file. A structured
/// handler set for the length of one parse, on this thread, catches them;
/// the one line libxml2 prints through its generic channel instead
/// ("xmlParseChunk: encoder error") is silenced for the parse too.
final class ConversionErrors {
    var count = 0

    /// The reason to give when a document failed after conversion errors:
    /// libxml2 stops reading there, and its parser reports nothing of its own.
    static let failureReason = "bytes its declared encoding cannot convert (the parser stopped there)"

    /// Why a document was refused: libxml2's own first error, else the
    /// conversion failure when there was one.
    func malformedXMLReason(parserMessage: String?) -> String {
        if let parserMessage { return "malformed XML: \(parserMessage)" }
        return count > 0 ? "malformed XML: \(Self.failureReason)" : "malformed XML"
    }

    func collecting<T, Failure: Error>(_ parse: () throws(Failure) -> T) throws(Failure) -> T {
        // The thread's own handler, if any, comes back after the parse.
        let previous = __xmlStructuredError().pointee
        let previousContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(self).toOpaque()) { userData, error in
            guard let userData, let error else { return }
            let domain = error.pointee.domain
            // Each failure comes as an I18N error and then an I/O "encoder
            // error"; both are silenced by this handler, one is counted.
            guard domain == Int32(XML_FROM_I18N.rawValue) else { return }
            Unmanaged<ConversionErrors>.fromOpaque(userData).takeUnretainedValue().count += 1
        }
        let previousGeneric = dossier_xml_silence_generic_errors()
        defer {
            dossier_xml_restore_generic_errors(previousGeneric)
            xmlSetStructuredErrorFunc(previousContext, previous)
        }
        return try withExtendedLifetime(self) { () throws(Failure) -> T in try parse() }
    }
}
