import ArticleStore
import DossierCore
import EntityExtractor
import Foundation
import CLua
import LuaKit
import StoreBackends

/// A store as Lua sees it: `store:search(...)` and friends. The store (a
/// SQLite file or a `postgres://` database) is opened on first use, so scripts
/// that never touch it never create one.
final class StoreHandle: LuaUserdata {
    /// The location as given (it may hold a password: shown only as `path`).
    let location: String
    let permissions: ScriptPermissions
    private let access: SQLiteStore.Access
    private var opened: (any Store)?

    init(path: String, permissions: ScriptPermissions, access: SQLiteStore.Access) {
        self.location = path
        self.permissions = permissions
        self.access = access
    }

    /// The file, or the database URL without its password.
    var path: String { StoreOpener.displayName(location) }

    func store() throws(StoreError) -> any Store {
        if let opened { return opened }
        let store = try StoreOpener.open(location, access: access)
        opened = store
        return store
    }

    /// The store, for an operation that changes it; refused when the script
    /// may not write to stores (the sandbox without --allow-store-writes).
    func writableStore(for operation: String) throws -> any Store {
        guard permissions.storeWrites && access.writes else { throw SandboxRefusal.storeWrite(operation) }
        return try store()
    }

    /// The extractor with this store's analyst additions, kept between calls
    /// (reading the additions is two queries) until an addition changes them.
    func mentionExtractor() throws -> EntityExtractor {
        if let extractor { return extractor }
        let loaded = try EntityEngine.mentionExtractor(for: try store())
        extractor = loaded
        return loaded
    }

    /// Called after the analyst's additions change.
    func forgetExtractor() { extractor = nil }

    private var extractor: EntityExtractor?

    static var luaTypeName: String { "Store" }
}

/// An article as Lua sees it, with the search context it was found in.
final class ArticleHandle: LuaUserdata {
    let article: Article
    /// The store it came from, for `:similar()`.
    let store: (any Store)?
    let rank: Double?
    let snippet: String?

    init(_ article: Article, store: (any Store)?, rank: Double? = nil, snippet: String? = nil) {
        self.article = article
        self.store = store
        self.rank = rank
        self.snippet = snippet
    }

    static var luaTypeName: String { "Article" }

    var heldBytes: Int { ScriptMemory.textBytes(article.draft) + (snippet?.utf8.count ?? 0) }

    /// `#12  2025-12-28  The Sunday Guardian  Pakistan and Bangladesh Quietly…`;
    /// a missing date or outlet keeps its column (`undated`, `-`), so listings
    /// line up and the third column is always the outlet.
    var summary: String {
        let draft = article.draft
        let date = draft.published.map { String($0.iso8601.prefix(10)) } ?? "undated"
        return ["#\(article.id)", date.padding(toLength: 10, withPad: " ", startingAt: 0),
                draft.outlet ?? "-", draft.title ?? String(draft.body.prefix(60))].joined(separator: "  ")
    }
}

enum StoreBindings {
    static func install(in state: LuaState, defaultStorePath: String, permissions: ScriptPermissions) {
        state.register(storeType)
        state.register(articleType)
        let access: SQLiteStore.Access = permissions.storeWrites ? .readWrite : .readOnly
        let store = StoreHandle(path: defaultStorePath, permissions: permissions, access: access)
        state.setGlobal("store", store)
        EntityBindings.install(in: state, defaultStore: store)
        TimelineBindings.install(in: state, defaultStore: store)
        ClaimsBindings.install(in: state, defaultStore: store)
    }

    /// `dossier.open(path)`: another store, e.g. to compare two corpora.
    static func open(permissions: ScriptPermissions) -> LuaNativeFunction { LuaNativeFunction(name: "dossier.open", documentation: """
        dossier.open(path_or_url) -> store
          Opens the SQLite store at path, creating a new one when nothing is there
          (never in the sandbox), or the PostgreSQL store at a
          postgres://user@host:port/database URL. A file that is not a store, an
          empty one included, is refused, never converted. In the sandbox the store
          is read-only unless --allow-store-writes. The global `store` is the one
          named by --store or $DOSSIER_STORE (default:
          $XDG_DATA_HOME/dossier/store.sqlite).
        """) { call in
        let path: String = try call.argument(1)
        let access: SQLiteStore.Access
        if !permissions.storeWrites {
            access = .readOnly
        } else if permissions.opensNewStores && (StoreOpener.isPostgres(path) || !FileManager.default.fileExists(atPath: path)) {
            access = .readWrite
        } else {
            access = .existing
        }
        let handle = StoreHandle(path: path, permissions: permissions, access: access)
        // Opened now, so that a bad path is reported here and not at first use.
        _ = try handle.store()
        call.push(handle)
        return 1
    } }

    static var storeType: LuaUserdataType<StoreHandle> {
        let type = LuaUserdataType<StoreHandle>(name: "Store")
        type.field("path", documentation: "The store's file, or its postgres:// URL without the password.") { $0.path }
        type.method("ingest", documentation: """
            store:ingest(path_or_paths [, {outlet=, published=}]) -> {added=, duplicates=, near_duplicates=, ids={...}, warnings={...}, failed={...}}
              Reads files, directories (recursively) and globs: plain-text captures, pages,
              feeds and JSON/JSON Lines, gzip-compressed or not (JSON Lines and arrays are
              streamed in batches). outlet/published fill in what a capture lacks. Each batch
              is one transaction; a file that fails is listed with its reason. warnings lists
              "path (#id): note" for articles whose text may be truncated or boilerplate.
            """) { handle, call in
            let paths: [ScriptPath]
            if call.type(of: 1) == .table { paths = try call.argument(1) } else { paths = [try call.argument(1, as: ScriptPath.self)] }
            try call.rejectUnknownOptions(2, known: ["outlet", "published"])
            let store = try handle.writableStore(for: "store:ingest")
            var ingestor = Ingestor(store: store, extractor: try handle.mentionExtractor())
            ingestor.allowedRoots = handle.permissions.ingestRoots
            ingestor.fileBudget = ScriptMemory.ingestBudget(call)
            ingestor.claimFinder = try ClaimsEngine.finder()
            ingestor.defaults.outlet = try call.option(2, "outlet")
            ingestor.defaults.published = try dateOption(call, 2, "published")
            // A script asked for the lists: all of them, not the CLI's first 10.
            ingestor.examplesKept = .max
            let report = ingestor.ingest(inputs: paths.map(\.path))
            let stack = call.stack
            stack.pushTable(recordCount: 6)
            stack.setField(-1, "added", report.added.count)
            stack.setField(-1, "duplicates", report.duplicates.count)
            stack.setField(-1, "near_duplicates", report.nearDuplicates.count)
            stack.setField(-1, "ids", report.added.examples.map { Int($0) })
            stack.setField(-1, "warnings", report.warnings.flatMap { warning in
                warning.notes.map { "\(warning.path) (#\(warning.id)): \($0)" }
            })
            stack.setField(-1, "failed", report.failed.map(\.description))
            stack.setField(-1, "notes", report.notes.map(\.description))
            return 1
        }
        type.method("add", documentation: """
            store:add{title=, body=, published=, outlet=, url=, byline=, subtitle=, dateline=} -> id, duplicate
              Stores one article with its entity mentions and claims, as ingest does;
              returns its id, and true as a second value when an identical article was
              already stored (its id is returned).
            """) { handle, call in
            guard call.type(of: 1) == .table else { throw LuaArgumentError(position: call.index(of: 1), problem: .type(expected: "table")) }
            try call.rejectUnknownOptions(1, known: ["title", "body", "published", "outlet", "url", "byline", "subtitle", "dateline", "language"])
            guard let body: String = try call.option(1, "body"), !body.isEmpty else { throw call.badArgument(1, "field 'body' is required") }
            let given = ArticleDraft(
                title: try call.option(1, "title"), subtitle: try call.option(1, "subtitle"),
                byline: try call.option(1, "byline"), outlet: try call.option(1, "outlet"),
                url: try call.option(1, "url"), published: try dateOption(call, 1, "published"),
                dateline: try call.option(1, "dateline"), language: try call.option(1, "language"),
                body: body, sourcePath: nil)
            let store = try handle.writableStore(for: "store:add")
            try ScriptMemory.ensureRoomToExtract(call, bytes: ScriptMemory.textBytes(given), in: "store:add")
            let extractor = try handle.mentionExtractor()
            let draft = extractor.completed(given)
            let mentions = extractor.mentions(in: draft)
            let outcomes: [AddOutcome]
            // Stored with its claims, as ingest stores them, in the same transaction.
            if let claimStore = store as? any ClaimStore {
                let finder = try ClaimsEngine.finder()
                outcomes = try claimStore.add([draft], mentions: [mentions], extractorVersion: extractor.version,
                                              claims: [finder.claims(in: body, mentions: mentions.filter { $0.field == .body })],
                                              claimVersion: finder.version)
            } else {
                outcomes = try store.add([draft], mentions: [mentions], extractorVersion: extractor.version)
            }
            guard let outcome = outcomes.first else { throw LuaError.runtime(message: "store:add: the store returned no outcome", traceback: nil) }
            switch outcome {
            case .added(let id, _):
                call.push(Int(id))
                call.push(false)
            case .duplicate(let id):
                call.push(Int(id))
                call.push(true)
            }
            return 2
        }
        type.method("get", documentation: "store:get(id) -> article, or nil and a message") { handle, call in
            let id: Int = try call.argument(1)
            if let article = try handle.store().article(id: Int64(id)) {
                call.push(ArticleHandle(article, store: try handle.store()))
                return 1
            }
            call.stack.pushNil()
            call.push("no article with id \(id)")
            return 2
        }
        type.method("search", documentation: """
            store:search(query [, {since=, to=, outlet=, author_kind=, mentions={...}, limit=20, offset=0, order="rank"|"newest"|"oldest", mark={"[", "]"}}]) -> {article, ...}
              Full-text search: words (all must match), OR, NOT, "phrases", NEAR(a b, 10),
              prefix*, title:word ("" for all articles). Terms with punctuation ("U.S.",
              "co-founder") are searched as the phrase of their words.
              since/to take dates ("2025-01-01",
              "2025-06"), `to` inclusive of the period it names. mentions: entity names
              (or aliases) every result must mention, through the entity index.
              author_kind: "person", "organisation", "desk" or "unknown": only articles whose
              byline credits such an author (article.authors), e.g. signed stories or agency copy.
              Each result has .rank and :snippet().
            """) { handle, call in
            var query = SearchQuery(text: try call.argument(1))
            try call.rejectUnknownOptions(2, known: ["since", "to", "until", "outlet", "author_kind", "mentions", "limit", "offset", "order", "mark"])
            query.since = try dateOption(call, 2, "since")?.instant
            query.until = try untilOption(call, 2)
            query.outlet = try call.option(2, "outlet")
            if let kind: String = try call.option(2, "author_kind") {
                guard let parsed = BylineAuthor.Kind(rawValue: kind) else {
                    let kinds = BylineAuthor.Kind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    throw call.badArgument(2, "field 'author_kind': expected one of \(kinds), got \"\(kind)\"")
                }
                query.authorKind = parsed
            }
            query.mentioning = try mentionsOption(call, 2)
            query.limit = try countOption(call, 2, "limit", default: 20)
            query.offset = try countOption(call, 2, "offset", default: 0, minimum: 0)
            if let order: String = try call.option(2, "order") {
                guard let parsed = SearchQuery.Order(rawValue: order) else {
                    throw call.badArgument(2, "field 'order': expected \"rank\", \"newest\" or \"oldest\", got \"\(order)\"")
                }
                query.order = parsed
            }
            if let marks: [String] = try call.option(2, "mark") {
                guard marks.count == 2 else { throw call.badArgument(2, "field 'mark': expected {start, end}") }
                query.markStart = marks[0]
                query.markEnd = marks[1]
            }
            let store = try handle.store()
            let hits = try store.search(query)
            call.push(ListValue(hits.map { ArticleHandle($0.article, store: store, rank: $0.rank, snippet: $0.snippet) }))
            return 1
        }
        type.method("count", documentation: "store:count([query]) -> number of articles (matching query)") { handle, call in
            call.push(try handle.store().count(matching: try call.argument(1, as: String?.self)))
            return 1
        }
        type.method("articles", documentation: """
            store:articles() -> iterator over every article, in id order:
              for article in store:articles() do print(article.title) end
            """) { handle, call in
            let store = try handle.store()
            var buffer: [Article] = []
            var lastID: Int64 = 0
            call.stack.pushFunction(name: "articles iterator") { inner in
                if buffer.isEmpty {
                    buffer = try store.articles(after: lastID, limit: 200).reversed()
                }
                guard let next = buffer.popLast() else { return 0 }
                lastID = next.id
                inner.push(ArticleHandle(next, store: store))
                return 1
            }
            return 1
        }
        type.method("delete", documentation: "store:delete(id) -> true if an article was deleted") { handle, call in
            call.push(try handle.writableStore(for: "store:delete").delete(id: Int64(try call.argument(1, as: Int.self))))
            return 1
        }
        type.method("check", documentation: "store:check() -> \"ok\", or one line per problem: the backend's integrity check, then (SQLite) each article row the store cannot read (a date outside years 1-9999, a BLOB title)") { handle, call in
            call.push(try handle.store().integrityCheck())
            return 1
        }
        type.method("entities", documentation: "store:entities() -> this store's entity index (the global `entities` is the default store's)") { handle, call in
            call.push(EntitiesHandle(handle))
            return 1
        }
        ClaimsBindings.addStoreMethods(to: type)
        type.toString { "Store(\($0.path))" }
        return type
    }

    static var articleType: LuaUserdataType<ArticleHandle> {
        let type = LuaUserdataType<ArticleHandle>(name: "Article")
        type.field("id") { Int($0.article.id) }
        type.field("title") { $0.article.draft.title }
        type.field("subtitle") { $0.article.draft.subtitle }
        type.field("byline") { $0.article.draft.byline }
        type.field("authors", documentation: """
            The names the byline credits, in order, each {name=, kind=}: kind is "person", "organisation" \
            (an agency, an outlet: "Reuters", "Dawn.com"), "desk" (staff named by role: "Web Desk", \
            "Staff Reporter") or "unknown"; an empty list without a byline
            """) { ListValue($0.article.draft.authors.map(AuthorValue.init)) }
        type.field("outlet") { $0.article.draft.outlet }
        type.field("url") { $0.article.draft.url }
        type.field("published", documentation: "ISO 8601 at the precision the source gave, with its zone") { $0.article.draft.published?.iso8601 }
        type.field("dateline") { $0.article.draft.dateline }
        type.field("language") { $0.article.draft.language }
        type.field("breadcrumbs") { $0.article.draft.breadcrumbs }
        type.field("body") { $0.article.draft.body }
        type.field("words") { $0.article.wordCount }
        type.field("hash") { $0.article.contentHash }
        type.field("source") { $0.article.draft.sourcePath }
        type.field("warnings", documentation: "Why the extracted text may not be the whole article (\"possibly truncated: ...\"); an empty list when nothing is amiss") { $0.article.draft.warnings }
        type.field("rank", documentation: "Search relevance (bm25, higher is better); nil outside a search") { $0.rank }
        type.method("snippet", documentation: "article:snippet() -> the matching passage of a search result, or the article's lead") { handle, call in
            call.push(handle.snippet ?? handle.article.draft.lead())
            return 1
        }
        type.method("similar", documentation: """
            article:similar([limit]) -> {{article=, score=}, ...}
              Stored near-duplicates (rewrites of the same story, wire copies), most
              similar first; score estimates the share of word 3-shingles in common.
            """) { handle, call in
            let limit = try countArgument(call, 1, default: 20)
            guard let store = handle.store else {
                throw LuaArgumentError(position: 1, problem: .value("this article is not from a store"))
            }
            let similar = try store.similar(to: handle.article.id, limit: limit)
            let stack = call.stack
            stack.pushTable(arrayCount: similar.count)
            for (offset, entry) in similar.enumerated() {
                stack.pushTable(recordCount: 2)
                stack.setField(-1, "article", ArticleHandle(entry.article, store: store))
                stack.setField(-1, "score", entry.score)
                lua_rawseti(stack.L, -2, lua_Integer(offset + 1))
            }
            markAsList(stack)
            return 1
        }
        type.method("entities", documentation: """
            article:entities() -> {mention, ...}
              The article's entity mentions as stored at ingest, named as the store
              knows them (an acronym defined in another article is already merged):
              title, subtitle, byline and dateline first, then the body; m.field says
              which, and m.start/m.stop are offsets into that field.
            """) { handle, call in
            guard let store = handle.store else {
                throw LuaArgumentError(position: 1, problem: .value("this article is not from a store (use extract(article))"))
            }
            call.push(ListValue(try store.mentions(inArticle: handle.article.id).map { MentionHandle($0.mention, articleID: $0.articleID) }))
            return 1
        }
        type.method("timeline", documentation: """
            article:timeline() -> timeline
              The article's events: dated sentences (relative dates resolved against its
              publication date), reporting sentences dated by publication, and earlier
              points computed from durations ("after a gap of nearly 15 years").
            """) { handle, call in
            let title = "Timeline of #\(handle.article.id)" + (handle.article.draft.title.map { " " + $0 } ?? "")
            let timeline = try ScriptTime.run(call, "article:timeline") {
                try TimelineBindings.assemble(articles: [handle.article], store: handle.store, entity: nil)
            }
            call.push(TimelineHandle(timeline, title: title))
            return 1
        }
        ClaimsBindings.addArticleMethods(to: type)
        type.toString { $0.summary }
        type.equality { $0.article.id == $1.article.id }
        type.length { $0.article.wordCount }
        return type
    }
}

/// `mentions={...}`: entity names or Entities (one alone is accepted too).
func mentionsOption(_ call: LuaCall, _ number: Int) throws(LuaArgumentError) -> [String] {
    let position = call.index(of: number)
    guard call.type(of: number) == .table, call.stack.getField(position, "mentions") != .nil else {
        if call.type(of: number) == .table { call.stack.pop() }
        return []
    }
    defer { call.stack.pop() }
    let stack = call.stack
    if let single = try? String.read(from: stack, at: -1) { return [single] }
    if let entity = try? EntityHandle.read(from: stack, at: -1) { return [entity.entity.name] }
    guard stack.type(at: -1) == .table else {
        throw call.badArgument(number, "field 'mentions': expected a list of entity names or Entities, got \(stack.typeName(at: -1))")
    }
    var names: [String] = []
    var index: lua_Integer = 1
    while true {
        lua_rawgeti(stack.L, -1, index)
        defer { stack.pop() }
        if stack.type(at: -1) == .nil { break }
        if let name = try? String.read(from: stack, at: -1) {
            names.append(name)
        } else if let entity = try? EntityHandle.read(from: stack, at: -1) {
            names.append(entity.entity.name)
        } else {
            throw call.badArgument(number, "field 'mentions': item \(index) is a \(stack.typeName(at: -1)), expected an entity name or Entity")
        }
        index += 1
    }
    return names
}

/// Reads a date option ("2025-01-01", "28 Dec 2025", ...) or names the field.
func dateOption(_ call: LuaCall, _ number: Int, _ key: String) throws(LuaArgumentError) -> PublicationDate? {
    guard let text: String = try call.option(number, key) else { return nil }
    guard let date = NewsDateParser.parse(text) else {
        throw call.badArgument(number, "field '\(key)': unknown date '\(text)' (try 2025-01-31)")
    }
    return date
}

/// The end of a date range, from `to` or `until` (a Lua keyword, so written
/// `["until"]=`), exclusive: the end of the period the date names.
func untilOption(_ call: LuaCall, _ number: Int) throws(LuaArgumentError) -> Date? {
    if let date = try dateOption(call, number, "to") { return endOf(date) }
    return try dateOption(call, number, "until").map(endOf)
}

/// `until` is inclusive of the period it names: until="2025-12" means to the
/// end of December.
func endOf(_ date: PublicationDate) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    // Dates reach here validated (offsets within ±18 h), so the zone exists.
    if let zone = TimeZone(secondsFromGMT: date.utcOffsetSeconds ?? 0) { calendar.timeZone = zone }
    let component: Calendar.Component
    switch date.precision {
    case .year: component = .year
    case .month: component = .month
    case .day: component = .day
    case .minute: component = .minute
    case .second: component = .second
    }
    return calendar.date(byAdding: component, value: 1, to: date.instant) ?? date.instant
}

/// Writes an export, creating the folders on its path ("out/timeline.html").
func writeCreatingDirectories(_ text: String, to path: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// A path from a Lua string, kept as its bytes: Lua strings are bytes, and a
/// file name that is not UTF-8 must reach the file system unchanged.
struct ScriptPath: LuaReadable {
    let path: IngestPath

    static func read(from stack: LuaStack, at index: Int32) throws(LuaConversionError) -> ScriptPath {
        guard let bytes = stack.bytes(at: index) else { throw LuaConversionError(expected: luaTypeName) }
        return ScriptPath(path: IngestPath(bytes: Array(bytes)))
    }

    static var luaTypeName: String { "string" }
}

/// One author of a byline as a script sees it: a table {name=, kind=}.
struct AuthorValue: LuaPushable {
    let author: BylineAuthor

    init(_ author: BylineAuthor) { self.author = author }

    func push(to stack: LuaStack) {
        stack.pushTable(recordCount: 2)
        stack.setField(-1, "name", author.name)
        stack.setField(-1, "kind", author.kind.rawValue)
    }
}
