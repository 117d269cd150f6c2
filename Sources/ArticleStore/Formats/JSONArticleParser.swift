import DossierCore
import Foundation

/// Reads articles from JSON as scrapers and news APIs write it: one article
/// object, an array of them, an object wrapping the array under "articles",
/// "items", "data" or "results", or JSON Lines (one object per line).
///
/// A file that is not JSON at all is thrown; a bad item (a malformed line, an
/// object without body text) is returned among `errors` and the other items
/// go on. Items are named `path#n`, n counting items from 1.
public enum JSONArticleParser {
    public static func parse(_ bytes: [UInt8], path: String) throws(IngestError) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        let text = try decodeArticleText(bytes, path: path)
        let isJSONLinesByName = [".jsonl", ".ndjson"].contains { path.lowercased().hasSuffix($0) }
        guard !isJSONLinesByName else { return parseLines(text, path: path) }
        let document: Any
        do {
            // Fragments are read so that a bare number or string gets a clear error.
            document = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        } catch {
            // Not one JSON document: JSON Lines if some line is an object on its own.
            guard looksLikeJSONLines(text) else {
                throw IngestError(path: path, reason: "not valid JSON (\(describe(error)))")
            }
            return parseLines(text, path: path)
        }
        return try parseDocument(document, path: path)
    }

    private static let wrapperKeys = ["articles", "items", "data", "results"]

    private static func parseDocument(_ document: Any, path: String) throws(IngestError) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        if let object = document as? [String: Any] {
            for key in wrapperKeys {
                if let items = object[key] as? [Any] {
                    guard !items.isEmpty else { throw IngestError(path: path, reason: "no articles (\"\(key)\" is an empty list)") }
                    return parseItems(items, path: path)
                }
            }
            do throws(IngestError) {
                return ([try draft(from: object, sourcePath: path)], [])
            } catch {
                return ([], [error])
            }
        }
        if let items = document as? [Any] {
            // `[]` must not pass as a successful ingest of nothing.
            guard !items.isEmpty else { throw IngestError(path: path, reason: "no articles (an empty JSON array)") }
            return parseItems(items, path: path)
        }
        throw IngestError(path: path, reason: "JSON is neither an article object nor an array of them")
    }

    private static func parseItems(_ items: [Any], path: String) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        var drafts: [ArticleDraft] = []
        var errors: [IngestError] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)#\(index + 1)"
            do throws(IngestError) {
                guard let object = item as? [String: Any] else {
                    throw IngestError(path: itemPath, reason: "item is not a JSON object")
                }
                drafts.append(try draft(from: object, sourcePath: itemPath))
            } catch {
                errors.append(error)
            }
        }
        return (drafts, errors)
    }

    private static func looksLikeJSONLines(_ text: String) -> Bool {
        let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        return lines.count >= 2 && lines.contains { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any]
        }
    }

    /// JSON Lines: blank lines are skipped and do not count as items; errors
    /// carry the line number as well as the item.
    private static func parseLines(_ text: String, path: String) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        var drafts: [ArticleDraft] = []
        var errors: [IngestError] = []
        var itemNumber = 0
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            itemNumber += 1
            let lineNumber = lineIndex + 1
            let itemPath = "\(path)#\(itemNumber)"
            do {
                let value = try JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed)
                guard let object = value as? [String: Any] else {
                    errors.append(IngestError(path: itemPath, line: lineNumber, reason: "line is not a JSON object"))
                    continue
                }
                do throws(IngestError) {
                    drafts.append(try draft(from: object, sourcePath: itemPath))
                } catch {
                    errors.append(IngestError(path: error.path, line: lineNumber, reason: error.reason))
                }
            } catch {
                errors.append(IngestError(path: itemPath, line: lineNumber, reason: "malformed JSON (\(describe(error)))"))
            }
        }
        return (drafts, errors)
    }

    /// One item of a streamed file (a JSON Lines line, an element of a JSON
    /// array), as `parse` reads items: the draft or why there is none, and a
    /// note when the bytes were not UTF-8 and were decoded lossily.
    static func item(_ bytes: [UInt8], itemPath: String, line: Int?) -> (draft: Result<ArticleDraft, IngestError>, note: String?) {
        var data = Data(bytes)
        var note: String?
        if firstMalformedUTF8Offset(bytes[...]) != nil {
            note = encodingNote(for: bytes)
            guard let text = try? decodeArticleText(bytes, path: itemPath) else {
                return (.failure(IngestError(path: itemPath, line: line, reason: "cannot decode the item's text")), note)
            }
            data = Data(text.utf8)
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        } catch {
            return (.failure(IngestError(path: itemPath, line: line, reason: "malformed JSON (\(describe(error)))")), note)
        }
        guard let object = value as? [String: Any] else {
            let what = line == nil ? "item" : "line"
            return (.failure(IngestError(path: itemPath, line: line, reason: "\(what) is not a JSON object")), note)
        }
        do throws(IngestError) {
            return (.success(try draft(from: object, sourcePath: itemPath)), note)
        } catch {
            return (.failure(IngestError(path: error.path, line: line, reason: error.reason)), note)
        }
    }

    /// Foundation's own explanation ("Invalid value around character 9."),
    /// not its generic "data is not in the correct format".
    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }

    // MARK: - Fields

    private static func draft(from object: [String: Any], sourcePath: String) throws(IngestError) -> ArticleDraft {
        // Feeds disagree on case ("articleBody", "ArticleBody"); keys are matched
        // without it. When two keys differ only in case the choice must not
        // depend on dictionary order (which changes from run to run): the
        // all-lower-case key wins, else the first in byte order ("BODY" < "Body").
        var fields: [String: Any] = [:]
        for key in object.keys.sorted(by: preferredKeyOrder) where fields[key.lowercased()] == nil {
            fields[key.lowercased()] = object[key]
        }
        guard let body = bodyText(fields) else { throw IngestError(path: sourcePath, reason: "no body text") }
        return ArticleDraft(
            title: string(fields, ["title", "headline"]),
            subtitle: string(fields, ["subtitle", "description", "summary", "dek"]),
            byline: byline(fields),
            outlet: named(fields, ["source", "outlet", "publisher", "site_name"]),
            url: string(fields, ["url", "link", "canonical_url"]),
            published: publicationDate(fields),
            dateline: string(fields, ["dateline"]),
            language: string(fields, ["language", "lang"]),
            body: body,
            sourcePath: sourcePath)
    }

    private static func preferredKeyOrder(_ a: String, _ b: String) -> Bool {
        let aLower = a == a.lowercased(), bLower = b == b.lowercased()
        if aLower != bLower { return aLower }
        return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }

    private static let bodyKeys = ["body", "text", "content", "article_body", "articlebody", "full_text"]

    /// The body as paragraphs separated by one blank line, whether the feed
    /// gives one string (with single or double newlines) or an array of paragraphs.
    private static func bodyText(_ fields: [String: Any]) -> String? {
        for key in bodyKeys {
            let raw: String
            switch fields[key] {
            case let text as String: raw = text
            case let paragraphs as [Any]: raw = paragraphs.compactMap { $0 as? String }.joined(separator: "\n")
            default: continue
            }
            let paragraphs = raw.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            if !paragraphs.isEmpty { return paragraphs.joined(separator: "\n\n") }
        }
        return nil
    }

    /// The first of `keys` holding a non-blank string, trimmed.
    private static func string(_ fields: [String: Any], _ keys: [String]) -> String? {
        for key in keys {
            if let value = (fields[key] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
                return value
            }
        }
        return nil
    }

    /// A string, or an object's "name" (News API writes `"source": {"id": …, "name": …}`).
    private static func named(_ fields: [String: Any], _ keys: [String]) -> String? {
        for key in keys {
            if let name = name(of: fields[key] as Any) { return name }
        }
        return nil
    }

    private static func name(of value: Any) -> String? {
        let text = (value as? String) ?? ((value as? [String: Any])?["name"] as? String)
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Authors as one line, "Jane Doe, John Roe", without a leading "By ".
    private static func byline(_ fields: [String: Any]) -> String? {
        for key in ["author", "byline", "authors"] {
            let names: [String]
            if let list = fields[key] as? [Any] {
                names = list.compactMap(name(of:))
            } else if let single = name(of: fields[key] as Any) {
                names = [single]
            } else {
                continue
            }
            guard !names.isEmpty else { continue }
            let joined = names.joined(separator: ", ")
            return joined.lowercased().hasPrefix("by ") ? String(joined.dropFirst(3)) : joined
        }
        return nil
    }

    private static let dateKeys = ["published", "date", "published_at", "publishedat", "pubdate", "datepublished", "created_at"]

    /// A date as news sites print it, ISO 8601, or Unix time in seconds or
    /// milliseconds. A date that cannot be read is left out, not an error:
    /// the article is still worth having.
    private static func publicationDate(_ fields: [String: Any]) -> PublicationDate? {
        for key in dateKeys {
            switch fields[key] {
            case let text as String:
                if let date = NewsDateParser.parse(text) { return date }
            case is Bool:
                continue
            case let number as NSNumber:
                let seconds = number.doubleValue > 100_000_000_000 ? number.doubleValue / 1000 : number.doubleValue
                // 1e300 or -1e19 is no date: left out like an unreadable string.
                guard let date = PublicationDate(validating: Date(timeIntervalSince1970: seconds.rounded(.down)),
                                                 utcOffsetSeconds: 0, precision: .second) else { continue }
                return date
            default:
                continue
            }
        }
        return nil
    }
}
