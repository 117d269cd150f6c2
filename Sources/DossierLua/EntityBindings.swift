import ArticleStore
import CLua
import DossierCore
import Foundation
import LuaKit

/// A mention as Lua sees it: `m.text`, `m.type`, `m.entity`, `m.start`,
/// `m.stop` (1-based bytes for string.sub, into the text of `m.field`),
/// `m.sentence`, `m.source`, `m.field`, and `m.article` when it came from the store.
final class MentionHandle: LuaUserdata {
    let mention: Mention
    let articleID: Int64?

    init(_ mention: Mention, articleID: Int64? = nil) {
        self.mention = mention
        self.articleID = articleID
    }

    static var luaTypeName: String { "Mention" }

    var heldBytes: Int { mention.text.utf8.count + mention.entity.utf8.count }

    /// `ISI  ORG  Inter-Services Intelligence  bytes 312-314, sentence 2`
    var summary: String {
        var parts = [mention.text, mention.type.rawValue]
        if mention.entity != mention.text || mention.entityType != mention.type {
            parts.append("-> " + mention.entity + (mention.entityType != mention.type ? " (\(mention.entityType.rawValue))" : ""))
        }
        var place = "bytes \(mention.start)-\(mention.stop), sentence \(mention.sentence)"
        if mention.field != .body { place = mention.field.rawValue + " " + place }
        if let articleID { place = "#\(articleID) " + place }
        parts.append(place)
        return parts.joined(separator: "  ")
    }
}

/// A store-wide entity: `e.name`, `e.type`, `e.aliases`, `e.count`, `e.articles`.
final class EntityHandle: LuaUserdata {
    let entity: StoredEntity
    let store: any Store

    init(_ entity: StoredEntity, store: any Store) {
        self.entity = entity
        self.store = store
    }

    static var luaTypeName: String { "Entity" }

    var heldBytes: Int { entity.aliases.reduce(entity.name.utf8.count) { $0 + $1.utf8.count + 16 } }

    /// `Inter-Services Intelligence  ORG  5 mentions in 2 articles  aka ISI`
    var summary: String {
        var text = "\(entity.name)  \(entity.type.rawValue)  \(entity.mentionCount) mention\(entity.mentionCount == 1 ? "" : "s") in \(entity.articleCount) article\(entity.articleCount == 1 ? "" : "s")"
        if !entity.aliases.isEmpty { text += "  aka " + entity.aliases.prefix(4).joined(separator: ", ") }
        if entity.fromAnalyst { text += "  (analyst)" }
        return text
    }
}

/// The entity index of one store: the global `entities` (the default store's)
/// and `store:entities()`.
final class EntitiesHandle: LuaUserdata {
    let storeHandle: StoreHandle

    init(_ storeHandle: StoreHandle) { self.storeHandle = storeHandle }

    static var luaTypeName: String { "Entities" }
}

enum EntityBindings {
    static func install(in state: LuaState, defaultStore: StoreHandle) {
        state.register(mentionType)
        state.register(entityType)
        state.register(entitiesType)
        state.setGlobal("entities", EntitiesHandle(defaultStore))
        state.setGlobal("extract", extract(defaultStore: defaultStore))
    }

    static func extract(defaultStore: StoreHandle) -> LuaNativeFunction {
        LuaNativeFunction(name: "extract", documentation: """
            extract(text_or_article) -> {mention, ...}
              Named entities in a text (or in an article's title, subtitle, byline,
              dateline and body): each mention has text, type (PERSON ORG GPE LOC NORP),
              entity (the canonical name), start and stop (1-based bytes:
              string.sub(text, m.start, m.stop) == m.text; for an article, into the text
              of m.field), sentence, source (analyst, rule, gazetteer or model) and field. The analyst's additions to the
              default store's entities apply.
            """) { call in
            let extractor = try defaultStore.mentionExtractor()
            if let article = try? call.argument(1, as: ArticleHandle.self) {
                try ScriptMemory.ensureRoomToExtract(call, bytes: ScriptMemory.textBytes(article.article.draft), in: "extract")
                let mentions = try ScriptTime.run(call, "extract") { extractor.mentions(in: article.article.draft) }
                call.push(ListValue(mentions.map { MentionHandle($0) }))
                return 1
            }
            guard call.type(of: 1) == .string else { throw LuaArgumentError(position: call.index(of: 1), problem: .type(expected: "string or Article")) }
            let text = try call.argument(1, as: String.self)
            try ScriptMemory.ensureRoomToExtract(call, bytes: text.utf8.count, in: "extract")
            let mentions = try ScriptTime.run(call, "extract") { extractor.mentions(in: text) }
            call.push(ListValue(mentions.map { MentionHandle($0) }))
            return 1
        }
    }

    static var mentionType: LuaUserdataType<MentionHandle> {
        let type = LuaUserdataType<MentionHandle>(name: "Mention")
        type.field("text") { $0.mention.text }
        type.field("type", documentation: "PERSON, ORG, GPE, LOC or NORP") { $0.mention.type.rawValue }
        type.field("entity", documentation: "The canonical name of the entity mentioned") { $0.mention.entity }
        type.field("entity_type", documentation: "The entity's type (GPE for the NORP mention \"Bangladeshi\")") { $0.mention.entityType.rawValue }
        type.field("start", documentation: "First byte, 1-based (string.sub)") { $0.mention.start }
        type.field("stop", documentation: "Last byte, 1-based, inclusive (string.sub)") { $0.mention.stop }
        type.field("sentence", documentation: "1-based sentence number") { $0.mention.sentence }
        type.field("source", documentation: "Why it was found: analyst, rule, gazetteer or model") { $0.mention.source.rawValue }
        type.field("article", documentation: "The article id, for mentions from the store") { $0.articleID.map(Int.init) }
        type.field("field", documentation: "The article field start, stop and sentence refer to: title, subtitle, byline, dateline or body") {
            $0.mention.field.rawValue
        }
        type.toString { $0.summary }
        type.equality { $0.mention == $1.mention && $0.articleID == $1.articleID }
        return type
    }

    static var entityType: LuaUserdataType<EntityHandle> {
        let type = LuaUserdataType<EntityHandle>(name: "Entity")
        type.field("id") { Int($0.entity.id) }
        type.field("name") { $0.entity.name }
        type.field("type") { $0.entity.type.rawValue }
        type.field("aliases", documentation: "Other names: acronyms, spellings, analyst aliases") { $0.entity.aliases }
        type.field("count", documentation: "Mentions (within the query's dates for entities:top)") { $0.entity.mentionCount }
        type.field("articles", documentation: "Distinct articles mentioning it") { $0.entity.articleCount }
        type.field("analyst", documentation: "true when an analyst added or corrected it") { $0.entity.fromAnalyst }
        type.method("mentions", documentation: """
            entity:mentions([limit]) -> {mention, ...}
              Its mentions across the store, newest articles first (default limit 100).
            """) { handle, call in
            let limit = try countArgument(call, 1, default: 100)
            let stored = try handle.store.mentions(ofEntity: handle.entity.id, limit: limit)
            call.push(ListValue(stored.map { MentionHandle($0.mention, articleID: $0.articleID) }))
            return 1
        }
        type.method("cooccur", documentation: "entity:cooccur([{window=, type=, n=}]) -> as entities:cooccur(entity, ...)") { handle, call in
            try pushCooccurrences(of: handle.entity, store: handle.store, call: call, optionsAt: 1)
            return 1
        }
        type.toString { $0.summary }
        type.equality { $0.entity.id == $1.entity.id }
        return type
    }

    static var entitiesType: LuaUserdataType<EntitiesHandle> {
        let type = LuaUserdataType<EntitiesHandle>(name: "Entities")
        type.method("get", documentation: """
            entities:get(name) -> entity [, {other, ...}], or nil and a message
              By name, alias or any way an article wrote it, case-insensitively ("isi",
              "Britain"); a one-word name also finds the people it ends ("Trump"). When
              the name may mean several entities: the one an analyst made or else the most
              mentioned, and the others as a second value (most mentioned first).
              An Entity is accepted too (looked up again by its name).
            """) { handle, call in
            let name = try entityName(call, 1)
            let store = try handle.storeHandle.store()
            let found = try store.entities(named: name, limit: 20)
            guard let first = found.first else {
                call.stack.pushNil()
                call.push("no entity named '\(name)'")
                return 2
            }
            call.push(EntityHandle(first, store: store))
            guard found.count > 1 else { return 1 }
            call.push(ListValue(found.dropFirst().map { EntityHandle($0, store: store) }))
            return 2
        }
        type.method("find", documentation: """
            entities:find(name [, n]) -> {entity, ...}
              Every entity the name may mean (at most n, 20 by default), as entities:get
              finds them, likeliest first.
            """) { handle, call in
            let name = try entityName(call, 1)
            let limit: Int = try call.argument(2, default: 20)
            guard limit >= 1 else { throw call.badArgument(2, "n must be at least 1, got \(limit)") }
            let store = try handle.storeHandle.store()
            call.push(ListValue(try store.entities(named: name, limit: limit).map { EntityHandle($0, store: store) }))
            return 1
        }
        type.method("top", documentation: """
            entities:top([{type=, n=10, since=, to=}]) -> {entity, ...}
              The most mentioned entities, ranked by articles then mentions, counted in
              articles published in [since, to] when given. type: PERSON ORG GPE LOC NORP.
            """) { handle, call in
            try call.rejectUnknownOptions(1, known: ["type", "n", "since", "to", "until"])
            let store = try handle.storeHandle.store()
            var query = try entityQuery(call, optionsAt: 1)
            query.limit = try countOption(call, 1, "n", default: 10)
            call.push(ListValue(try store.topEntities(query).map { EntityHandle($0, store: store) }))
            return 1
        }
        type.method("cooccur", documentation: """
            entities:cooccur(name_or_entity [, {window="sentence"|"article", type=, n=10}]) -> {{name=, type=, count=, articles=, entity=}, ...}
              Entities named together with the entity: in the same sentence (default) or
              the same article; count is shared sentences (or articles), most first.
              Two entities share an article when they share a sentence in it or are both
              among its 30 leading entities (named most; ties to the one named first).
            """) { handle, call in
            let store = try handle.storeHandle.store()
            guard let entity = try entityArgument(call, 1, store: store) else {
                call.stack.pushNil()
                call.push("no entity named '\(try entityName(call, 1))'")
                return 2
            }
            try pushCooccurrences(of: entity, store: store, call: call, optionsAt: 2)
            return 1
        }
        type.method("articles", documentation: """
            entities:articles(name, ... [, {since=, to=, limit=100}]) -> {article, ...}
              Articles mentioning every one of the names (by name or alias, or Entities),
              newest first, through the entity index.
            """) { handle, call in
            var names: [String] = []
            var number = 1
            while isEntityArgument(call, number) {
                names.append(try entityName(call, number))
                number += 1
            }
            guard !names.isEmpty else { throw LuaArgumentError(position: call.index(of: 1), problem: .type(expected: "string or Entity")) }
            var query = SearchQuery(text: "", mentioning: names, limit: 100, order: .newest)
            if call.type(of: number) != .none && call.type(of: number) != .nil {
                try call.rejectUnknownOptions(number, known: ["since", "to", "until", "limit"])
                query.since = try dateOption(call, number, "since")?.instant
                query.until = try untilOption(call, number)
                query.limit = try countOption(call, number, "limit", default: 100)
            }
            let store = try handle.storeHandle.store()
            call.push(ListValue(try store.search(query).map { ArticleHandle($0.article, store: store) }))
            return 1
        }
        type.method("graph", documentation: """
            entities:graph([{format="graphml"|"dot"|"json", path=, n=50, type=, window="sentence"|"article", min=1, since=, to=}]) -> text or path
              The co-mention network of the top n entities, edges weighted by shared
              sentences (or articles). With path, writes the file (format from its
              extension unless given) and returns the path; otherwise returns the text.
            """) { handle, call in
            try call.rejectUnknownOptions(1, known: ["format", "path", "n", "type", "window", "min", "since", "to", "until"])
            let store = try handle.storeHandle.store()
            var query = try entityQuery(call, optionsAt: 1)
            query.limit = try countOption(call, 1, "n", default: 50)
            let window = try windowOption(call, optionsAt: 1)
            let minimum = try countOption(call, 1, "min", default: 1)
            let path: String? = try call.option(1, "path")
            let format: EntityGraphFormat
            if let name: String = try call.option(1, "format") {
                guard let parsed = EntityGraphFormat(rawValue: name.lowercased()) else {
                    throw call.badArgument(1, "field 'format': expected \"graphml\", \"dot\" or \"json\", got \"\(name)\"")
                }
                format = parsed
            } else if let path {
                guard let parsed = EntityGraphFormat(pathExtension: (path as NSString).pathExtension) else {
                    throw call.badArgument(1, "field 'path': cannot tell the format from '\(path)' (use .graphml, .dot or .json, or give format=)")
                }
                format = parsed
            } else {
                format = .json
            }
            let text = try store.entityGraph(query, window: window, minimumWeight: minimum).rendered(as: format)
            if let path {
                do {
                    try writeExport(text, to: path, operation: "entities:graph", call: call)
                } catch let refusal as SandboxRefusal {
                    throw refusal
                } catch {
                    throw LuaArgumentError(position: call.index(of: 1), problem: .value("field 'path': cannot write '\(path)': \(error.localizedDescription)"))
                }
                call.push(path)
            } else {
                call.push(text)
            }
            return 1
        }
        type.method("add", documentation: """
            entities:add{name=, type=, aliases={...}} -> entity
              Adds or corrects an entity: from now on every mention of the name or an
              alias is this entity with this type, whatever the model says. Stored
              articles containing the names are re-extracted at once.
            """) { handle, call in
            guard call.type(of: 1) == .table else { throw LuaArgumentError(position: call.index(of: 1), problem: .type(expected: "table")) }
            try call.rejectUnknownOptions(1, known: ["name", "type", "aliases"])
            guard let name: String = try call.option(1, "name"), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw call.badArgument(1, "field 'name' is required")
            }
            guard let typeName: String = try call.option(1, "type") else { throw call.badArgument(1, "field 'type' is required (PERSON, ORG, GPE, LOC or NORP)") }
            guard let entityType = EntityType(rawValue: typeName.uppercased()) else {
                throw call.badArgument(1, "field 'type': expected PERSON, ORG, GPE, LOC or NORP, got \"\(typeName)\"")
            }
            let aliases: [String] = try call.option(1, "aliases") ?? []
            let entity = try addAnalystEntity(AnalystEntity(name: name, type: entityType, aliases: aliases), storeHandle: handle.storeHandle)
            call.push(entity)
            return 1
        }
        type.method("alias", documentation: """
            entities:alias(name, alias, ...) -> entity
              Makes each alias another name of the entity `name` (merging any entity
              stored under the alias into it). Stored articles are re-extracted.
            """) { handle, call in
            let name = try entityName(call, 1)
            var aliases: [String] = []
            var number = 2
            while call.type(of: number) == .string {
                aliases.append(try call.argument(number))
                number += 1
            }
            guard !aliases.isEmpty else { throw LuaArgumentError(position: call.index(of: 2), problem: .type(expected: "string")) }
            let store = try handle.storeHandle.writableStore(for: "entities:alias")
            let existing = try store.analystEntities().first { entityKey($0.name) == entityKey(name) }
            var entry: AnalystEntity
            if let existing {
                entry = existing
            } else if let stored = try store.entity(named: name) {
                entry = AnalystEntity(name: stored.name, type: stored.type)
            } else {
                throw call.badArgument(1, "no entity named '\(name)' (add it with entities:add{name=, type=})")
            }
            for alias in aliases where !entry.aliases.contains(alias) { entry.aliases.append(alias) }
            call.push(try addAnalystEntity(entry, storeHandle: handle.storeHandle))
            return 1
        }
        type.method("remove", documentation: """
            entities:remove(name) -> number of articles re-extracted
              Says `name` is no entity ("Chatters"): whatever finds it, it is dropped,
              from now on and in the stored articles containing it. entities:add with
              the same name undoes it.
            """) { handle, call in
            let name = try entityName(call, 1)
            let store = try handle.storeHandle.writableStore(for: "entities:remove")
            try store.rejectName(name)
            handle.storeHandle.forgetExtractor()
            let extractor = try handle.storeHandle.mentionExtractor()
            call.push(try MentionReextraction(store: store, extractor: extractor).run(mentioningAnyOf: [name]))
            return 1
        }
        type.method("reextract", documentation: """
            entities:reextract([{all=false}]) -> number of articles
              Runs the extractor again over articles extracted by an older model or
              gazetteer (every article with all=true). Analyst additions apply at once
              to the articles containing their names, without this.
            """) { handle, call in
            try call.rejectUnknownOptions(1, known: ["all"])
            let all: Bool = try call.option(1, "all") ?? false
            let store = try handle.storeHandle.writableStore(for: "entities:reextract")
            let extractor = try handle.storeHandle.mentionExtractor()
            call.push(try MentionReextraction(store: store, extractor: extractor).run(all: all))
            return 1
        }
        type.toString { "Entities(\($0.storeHandle.path))" }
        return type
    }

    /// Saves the analyst's entry, re-extracts the articles that contain its
    /// names, and returns the entity as the store now knows it.
    private static func addAnalystEntity(_ entry: AnalystEntity, storeHandle: StoreHandle) throws -> EntityHandle {
        let store = try storeHandle.writableStore(for: "entities:add")
        try store.saveAnalystEntity(entry)
        storeHandle.forgetExtractor()
        let extractor = try storeHandle.mentionExtractor()
        try MentionReextraction(store: store, extractor: extractor).run(mentioningAnyOf: [entry.name] + entry.aliases)
        guard let entity = try store.entity(named: entry.name) else {
            throw LuaArgumentError(position: 1, problem: .value("the entity '\(entry.name)' could not be stored"))
        }
        return EntityHandle(entity, store: store)
    }

    private static func pushCooccurrences(of entity: StoredEntity, store: any Store, call: LuaCall, optionsAt number: Int) throws {
        let window = try windowOption(call, optionsAt: number)
        let type = try typeOption(call, optionsAt: number)
        try call.rejectUnknownOptions(number, known: ["window", "type", "n"])
        let limit = try countOption(call, number, "n", default: 10)
        let list = try store.cooccurrences(of: entity.id, window: window, type: type, limit: limit)
        let stack = call.stack
        stack.pushTable(arrayCount: list.count)
        for (offset, entry) in list.enumerated() {
            stack.pushTable(recordCount: 5)
            stack.setField(-1, "name", entry.entity.name)
            stack.setField(-1, "type", entry.entity.type.rawValue)
            stack.setField(-1, "count", entry.count)
            stack.setField(-1, "articles", entry.articleCount)
            stack.setField(-1, "entity", EntityHandle(entry.entity, store: store))
            lua_rawseti(stack.L, -2, lua_Integer(offset + 1))
        }
        markAsList(stack)
    }

    private static func entityQuery(_ call: LuaCall, optionsAt number: Int) throws(LuaArgumentError) -> EntityQuery {
        var query = EntityQuery()
        query.type = try typeOption(call, optionsAt: number)
        query.since = try dateOption(call, number, "since")?.instant
        query.until = try untilOption(call, number)
        return query
    }

    private static func typeOption(_ call: LuaCall, optionsAt number: Int) throws(LuaArgumentError) -> EntityType? {
        guard let name: String = try call.option(number, "type") else { return nil }
        guard let type = EntityType(rawValue: name.uppercased()) else {
            throw call.badArgument(number, "field 'type': expected PERSON, ORG, GPE, LOC or NORP, got \"\(name)\"")
        }
        return type
    }

    private static func windowOption(_ call: LuaCall, optionsAt number: Int) throws(LuaArgumentError) -> CooccurrenceWindow {
        guard let name: String = try call.option(number, "window") else { return .sentence }
        guard let window = CooccurrenceWindow(rawValue: name) else {
            throw call.badArgument(number, "field 'window': expected \"sentence\" or \"article\", got \"\(name)\"")
        }
        return window
    }
}
