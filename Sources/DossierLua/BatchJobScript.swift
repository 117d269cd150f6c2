import ArticleStore
import CLua
import CLuaShim
import DossierCore
import Foundation
import LuaKit

/// A batch job script in one Lua state: its `map(article)` and
/// `reduce(results, ids)`, the store the state's `store` global opened (each
/// state has its own connection), and the conversions between Lua values and
/// the bytes the job tables hold. The coordination itself is the engine's
/// (`BatchJobWorker`, `BatchJobStore`); this only converts and delegates.
///
/// The contract scripts follow (README, docs/scale.md):
/// - `map(article)` gets an Article (as from `store:get`) and returns plain
///   data (a boolean, number, string or table of them) or nil to contribute
///   nothing; it runs once per article, in any worker, in any order;
/// - `reduce(results, ids)` gets the non-nil results in article id order and
///   `ids[i]`, the article `results[i]` came from; what it returns is printed;
/// - an optional global `query` selects the articles: a search string, or
///   `{text=, since=, to=, outlet=, mentions={...}}` as for `store:search`.
public final class BatchJobScript {
    public let state: LuaState
    private let storeHandle: StoreHandle
    private var mapFunction: LuaFunction?
    private var reduceFunction: LuaFunction?

    /// Takes the state's default store before the script runs (a script that
    /// reassigns the global `store` does not move the job to another store).
    public init(state: LuaState) throws(LuaError) {
        self.state = state
        guard let handle = try? state.global("store", as: StoreHandle.self) else {
            throw LuaError.runtime(message: "this Lua state has no Dossier store installed", traceback: nil)
        }
        storeHandle = handle
    }

    /// The store this state's worker reads articles from and records its work in.
    public func store() throws(StoreError) -> any Store { try storeHandle.store() }

    /// Whether the script may change the store, which a job's bookkeeping does.
    public var mayWriteStore: Bool { storeHandle.permissions.storeWrites }

    /// Finds `map` and `reduce` once the script's chunk has run.
    public func prepare(scriptName: String) throws(LuaError) {
        for name in ["map", "reduce"] {
            guard (try? state.global(name, as: LuaFunction.self)) != nil else {
                throw LuaError.runtime(message: "\(scriptName): a batch job script must define function \(name)(\(name == "map" ? "article" : "results, ids")) (see README, \"Batch jobs\")", traceback: nil)
            }
        }
        mapFunction = try? state.global("map", as: LuaFunction.self)
        reduceFunction = try? state.global("reduce", as: LuaFunction.self)
    }

    /// The script's `query` global as a selection, nil when it has none.
    public func selection() throws(LuaError) -> BatchSelection? {
        let stack = state.stack
        // A raw read: lua_getglobal would run a script's `__index` on _G
        // (strict-globals modules raise there) from this Swift frame.
        lua_rawgeti(stack.L, luakit_registry_index(), lua_Integer(LUA_RIDX_GLOBALS))
        stack.getField(-1, "query")
        defer { stack.pop(2) }
        switch stack.type(at: -1) {
        case .nil: return nil
        case .string:
            return BatchSelection(text: (try? String.read(from: stack, at: -1)) ?? "")
        case .table:
            guard let table = try? LuaTable.read(from: stack, at: -1) else { return nil }
            let known: Set<String> = ["text", "since", "to", "until", "outlet", "mentions"]
            if let unknown = table.stringKeys.first(where: { !known.contains($0) }) {
                throw LuaError.runtime(message: "query: unknown field '\(unknown)' (expected text, since, to, outlet, mentions)", traceback: nil)
            }
            do {
                var selection = BatchSelection(text: try table.get("text", as: String.self) ?? "")
                selection.outlet = try table.get("outlet", as: String.self)
                selection.mentioning = try table.get("mentions", as: [String].self) ?? []
                if let since = try table.get("since", as: String.self) {
                    guard let date = NewsDateParser.parse(since) else { throw LuaError.runtime(message: "query: field 'since': unknown date '\(since)' (try 2025-01-31)", traceback: nil) }
                    selection.since = date.instant
                }
                if let until = try table.get("to", as: String.self) ?? table.get("until", as: String.self) {
                    guard let date = NewsDateParser.parse(until) else { throw LuaError.runtime(message: "query: field 'to': unknown date '\(until)' (try 2025-01-31)", traceback: nil) }
                    selection.until = endOf(date)
                }
                return selection
            } catch let error as LuaError {
                throw error
            } catch {
                throw LuaError.runtime(message: "query: \(error)", traceback: nil)
            }
        default:
            throw LuaError.runtime(message: "query must be a search string or a table {text=, since=, to=, outlet=, mentions=}, not a \(stack.typeName(at: -1))", traceback: nil)
        }
    }

    public struct MapError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `map` on one article: its result encoded, or nil when map returned nil.
    public func map(_ article: Article, from store: any Store) throws(MapError) -> [UInt8]? {
        guard let mapFunction else { throw MapError(description: "map is not defined (prepare was not called)") }
        let results: [LuaValue]
        do {
            results = try state.call(mapFunction, arguments: [ArticleHandle(article, store: store)])
        } catch {
            throw MapError(description: error.messageWithTraceback)
        }
        guard let first = results.first, first != .nil else { return nil }
        let stack = state.stack
        first.push(to: stack)
        defer { stack.pop() }
        do {
            return try BatchValueCoding.encode(stack, at: -1)
        } catch {
            throw MapError(description: "map returned what cannot be kept: \(error)")
        }
    }

    /// Calls `reduce(results, ids)` with every result of `job`, read from the
    /// store in pages, and returns what it returned.
    public func reduce(_ job: BatchJob, from store: any Store) throws -> [LuaValue] {
        guard let reduceFunction else { throw MapError(description: "reduce is not defined (prepare was not called)") }
        let stack = state.stack
        stack.pushTable()
        let results = try LuaTable.read(from: stack, at: -1)
        stack.pushTable()
        let ids = try LuaTable.read(from: stack, at: -1)
        stack.pop(2)
        var after: Int64 = 0
        var count: lua_Integer = 0
        while true {
            let page = try store.results(of: job, after: after, limit: 5_000)
            guard let last = page.last else { break }
            results.push(to: stack)
            ids.push(to: stack)
            defer { stack.pop(2) }
            for result in page {
                count += 1
                do {
                    try BatchValueCoding.push(result.value, to: stack)
                } catch {
                    throw MapError(description: "the result of article #\(result.articleID): \(error)")
                }
                lua_rawseti(stack.L, -3, count)
                lua_pushinteger(stack.L, lua_Integer(result.articleID))
                lua_rawseti(stack.L, -2, count)
            }
            after = last.articleID
        }
        return try state.call(reduceFunction, arguments: [results, ids])
    }
}
