import DossierCore

/// The formats ingest reads, chosen per file by extension and, when the
/// extension says nothing, by the first bytes.
enum ArticleFormat {
    case plainTextCapture
    case json
    case html
    case feed

    static func detect(path: String, bytes: [UInt8]) -> ArticleFormat {
        let lowercased = path.lowercased()
        let name = lowercased.split(separator: "/").last.map(String.init) ?? lowercased
        let fileExtension = name.contains(".") ? String(name.split(separator: ".").last!) : ""
        switch fileExtension {
        case "json", "jsonl", "ndjson": return .json
        case "html", "htm", "xhtml": return .html
        case "rss", "atom", "xml": return .feed
        case "txt", "text": return .plainTextCapture
        default: break
        }
        let firstByte = bytes.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }.first
        switch firstByte {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        case UInt8(ascii: "<"):
            let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
            return head.contains("<rss") || head.contains("<feed") ? .feed : .html
        default: return .plainTextCapture
        }
    }

    func parse(_ bytes: [UInt8], path: String) throws(IngestError) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        switch self {
        case .plainTextCapture:
            let text = try decodeArticleText(bytes, path: path)
            let draft = PlainTextCaptureParser.parse(text, sourcePath: path)
            guard !draft.body.isEmpty else { throw IngestError(path: path, reason: "no article text found") }
            return ([draft], [])
        case .json:
            return try JSONArticleParser.parse(bytes, path: path)
        case .html:
            return ([try HTMLArticleExtractor.extract(bytes, path: path)], [])
        case .feed:
            return try FeedParser.parse(bytes, path: path)
        }
    }
}
