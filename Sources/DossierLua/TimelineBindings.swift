import ArticleStore
import CLua
import DossierCore
import EntityExtractor
import Foundation
import LuaKit
import Timeline

/// A timeline as Lua sees it: `#tl` events, `tl:show()`, `tl:events()`,
/// `tl:filter(fn)`, `tl:merge(other)`, `tl:export(path)`.
final class TimelineHandle: LuaUserdata {
    let timeline: EventTimeline
    let title: String

    init(_ timeline: EventTimeline, title: String) {
        self.timeline = timeline
        self.title = title
    }

    static var luaTypeName: String { "Timeline" }

    /// One line per event and an indented line per source:
    /// `2025-04       resumed  In April 2025, the two countries resumed …`
    var listing: String {
        guard !timeline.events.isEmpty else { return "\(title): no dated events" }
        let width = min(24, timeline.events.map(\.label.count).max() ?? 10)
        var lines = ["\(title): \(timeline.events.count) event\(timeline.events.count == 1 ? "" : "s")"]
        for event in timeline.events {
            let label = event.label.padding(toLength: max(width, event.label.count), withPad: " ", startingAt: 0)
            var summary = event.summary.replacingOccurrences(of: "\n", with: " ")
            if summary.count > 110 {
                // Cut at a word boundary so no word is shown half.
                let head = summary.prefix(109)
                summary = String(head[..<(head.lastIndex(of: " ") ?? head.endIndex)]) + " …"
            }
            lines.append("\(label)  \(event.trigger)  \(summary)")
            for source in event.sources {
                var cite = String(repeating: " ", count: width + 2) + "↳ "
                if let id = source.articleID { cite += "#\(id) " }
                cite += [source.outlet, source.published.map { String($0.prefix(10)) }].compactMap { $0 }.joined(separator: ", ")
                cite += (cite.hasSuffix(" ") ? "" : ", ") + "sentence \(source.sentence)"
                if event.dating == .arithmetic { cite += " (computed: \(event.when))" }
                if event.dating == .publication { cite += " (dated by publication)" }
                if event.dating == .story { cite += " (dated by \(event.when))" }
                lines.append(cite)
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// An event pushed as a plain table, for `tl:events()` and `tl:filter(fn)`.
struct EventValue: LuaPushable {
    let event: Event

    func push(to stack: LuaStack) {
        stack.pushTable(recordCount: 16)
        stack.setField(-1, "label", event.label)
        let first = event.sources.first
        stack.setField(-1, "start", first.flatMap { $0.triggerStart > 0 ? $0.triggerStart : nil })
        stack.setField(-1, "stop", first.flatMap { $0.triggerStop > 0 ? $0.triggerStop : nil })
        stack.setField(-1, "tense", event.tense?.rawValue)
        stack.setField(-1, "hypothetical", event.isHypothetical)
        stack.setField(-1, "from", EventTimeline.isoDate(event.interval.start))
        stack.setField(-1, "to", EventTimeline.isoDate(event.interval.end))
        stack.setField(-1, "precision", event.precision.rawValue)
        stack.setField(-1, "modifier", event.modifier?.rawValue)
        stack.setField(-1, "when", event.when)
        stack.setField(-1, "dating", event.dating.rawValue)
        stack.setField(-1, "trigger", event.trigger)
        stack.setField(-1, "summary", event.summary)
        stack.setField(-1, "entities", event.entities)
        stack.pushTable(arrayCount: event.sources.count)
        for (offset, source) in event.sources.enumerated() {
            stack.pushTable(recordCount: 11)
            stack.setField(-1, "article", source.articleID.map(Int.init))
            stack.setField(-1, "title", source.title)
            stack.setField(-1, "outlet", source.outlet)
            stack.setField(-1, "url", source.url)
            stack.setField(-1, "published", source.published)
            stack.setField(-1, "sentence", source.sentence)
            stack.setField(-1, "start", source.start)
            stack.setField(-1, "stop", source.stop)
            stack.setField(-1, "text", source.text)
            stack.setField(-1, "trigger_start", source.triggerStart > 0 ? source.triggerStart : nil)
            stack.setField(-1, "trigger_stop", source.triggerStop > 0 ? source.triggerStop : nil)
            lua_rawseti(stack.L, -2, lua_Integer(offset + 1))
        }
        lua_setfield(stack.L, -2, "sources")
    }
}

/// A temporal expression pushed as a plain table (dates.parse, dates.find).
struct TimeExpressionValue: LuaPushable {
    let expression: TimeExpression

    func push(to stack: LuaStack) {
        stack.pushTable(recordCount: 13)
        stack.setField(-1, "text", expression.text)
        stack.setField(-1, "type", expression.type.rawValue)
        stack.setField(-1, "value", expression.value)
        stack.setField(-1, "modifier", expression.modifier?.rawValue)
        stack.setField(-1, "precision", expression.precision?.rawValue)
        stack.setField(-1, "from", expression.interval.map { EventTimeline.isoDate($0.start) })
        stack.setField(-1, "to", expression.interval.map { EventTimeline.isoDate($0.end) })
        stack.setField(-1, "start", expression.start)
        stack.setField(-1, "stop", expression.stop)
        stack.setField(-1, "relative", expression.isRelative)
        stack.setField(-1, "anchor", expression.anchor)
        if let duration = expression.duration {
            stack.pushTable(recordCount: 3)
            stack.setField(-1, "amount", duration.amount)
            stack.setField(-1, "unit", duration.unit.rawValue)
            stack.setField(-1, "approximate", duration.isApproximate)
            lua_setfield(stack.L, -2, "duration")
        }
    }
}

enum TimelineBindings {
    static func install(in state: LuaState, defaultStore: StoreHandle) {
        state.register(timelineType)
        let dates = LuaTable(in: state)
        dates.set("parse", parse)
        dates.set("find", find)
        state.setGlobal("dates", dates)
        state.setGlobal("timeline", build(defaultStore: defaultStore))
    }

    static let tagger = TemporalTagger()

    static var parse: LuaNativeFunction { LuaNativeFunction(name: "dates.parse", documentation: """
        dates.parse(text [, {anchor="2025-12-28"}]) -> expression, or nil and a message
          Reads one temporal expression, TimeML-style: {type= DATE|TIME|DURATION|SET,
          value= TIMEX3 value ("2025-04", "201X"... see README), modifier=, precision=,
          from=, to= (the interval [from, to) as ISO dates), duration={amount, unit,
          approximate}, relative=, anchor=}. Relative expressions ("two years ago")
          need the anchor (a publication date).
        """) { call in
        let text: String = try call.argument(1)
        try call.rejectUnknownOptions(2, known: ["anchor"])
        let anchor = try dateOption(call, 2, "anchor")
        if let expression = tagger.parse(text, anchor: anchor) {
            call.push(TimeExpressionValue(expression: expression))
            return 1
        }
        call.stack.pushNil()
        call.push("not a date or time expression: '\(text)'")
        return 2
    } }

    static var find: LuaNativeFunction { LuaNativeFunction(name: "dates.find", documentation: """
        dates.find(text_or_article [, {anchor=}]) -> {expression, ...}
          Every temporal expression in a text, normalised against the anchor (for an
          article, its publication date); start/stop are 1-based bytes for string.sub.
        """) { call in
        let text: String
        var anchor: PublicationDate?
        if let article = try? call.argument(1, as: ArticleHandle.self) {
            text = article.article.draft.body
            anchor = article.article.draft.published
        } else {
            guard call.type(of: 1) == .string else { throw LuaArgumentError(position: call.index(of: 1), problem: .type(expected: "string or Article")) }
            text = try call.argument(1)
        }
        try call.rejectUnknownOptions(2, known: ["anchor"])
        if let given = try dateOption(call, 2, "anchor") { anchor = given }
        try ScriptMemory.ensureRoomToTag(call, bytes: text.utf8.count, in: "dates.find")
        let found = try ScriptTime.run(call, "dates.find") { tagger.find(in: text, anchor: anchor) }
        call.push(ListValue(found.map(TimeExpressionValue.init)))
        return 1
    } }

    static func build(defaultStore: StoreHandle) -> LuaNativeFunction {
        LuaNativeFunction(name: "timeline", documentation: """
            timeline{entity=, scope="participant", query=, articles={...}, since=, to=, limit=500, store=} -> timeline
              (entity= takes a name or an Entity; an unknown key is an error)
              Events from the articles matching the full-text query and/or about
              the entity (found as entities:get finds it, by name or alias; that
              entity only, not namesakes of another type; articles that write its
              name where the extractor missed it count too; all articles when
              neither; or the given articles), published since `since`, the newest
              `limit` of them, overlapping [since, to]. With an entity, scope=
              "participant" (the default) keeps the events it takes part in (named,
              or referred back to, as subject, object or beside the trigger);
              scope="story" every event of the stories it is among the two most
              named entities of, and those naming it in the others. `until` is a
              Lua keyword: write to= (or ["until"]=). Print it, or tl:show(),
              tl:export(path).
            """) { call in
            let options = call.type(of: 1) == .none || call.type(of: 1) == .nil ? nil : 1
            if let options, call.type(of: options) != .table {
                throw LuaArgumentError(position: call.index(of: 1), problem: .type(expected: "table"))
            }
            if let options { try call.rejectUnknownOptions(options, known: ["entity", "scope", "query", "articles", "since", "to", "until", "limit", "store"]) }
            var storeHandle = defaultStore
            if let options, let other = try call.option(options, "store", as: StoreHandle.self) { storeHandle = other }
            let store = try storeHandle.store()
            // entity= takes an Entity (as entities:get returns) or a name.
            var givenEntity: EntityHandle?
            if let options {
                let isUserdata = call.stack.getField(call.index(of: options), "entity") == .userdata
                call.stack.pop()
                if isUserdata { givenEntity = try call.option(options, "entity", as: EntityHandle.self) }
            }
            let entityName: String? = givenEntity == nil ? try options.flatMap { try call.option($0, "entity") } : nil
            let query: String? = try options.flatMap { try call.option($0, "query") }
            let since = try options.flatMap { try dateOption(call, $0, "since")?.instant }
            let until = try options.flatMap { try untilOption(call, $0) }
            let limit = try options.map { try countOption(call, $0, "limit", default: 500) } ?? 500
            let scopeName: String = try options.flatMap { try call.option($0, "scope") } ?? "participant"
            guard let scope = EntityEvents.Scope(rawValue: scopeName) else {
                throw call.badArgument(1, "field 'scope': expected \"participant\" or \"story\", got \"\(scopeName)\"")
            }

            var entity: StoredEntity? = givenEntity?.entity
            if let entityName {
                guard let found = try store.entity(named: entityName) else {
                    throw call.badArgument(1, "field 'entity': no entity named '\(entityName)'")
                }
                entity = found
            }
            var articles: [Article]
            if let options, call.stack.getField(call.index(of: options), "articles") != .nil {
                call.stack.pop()
                let given: [ArticleHandle] = try call.option(options, "articles") ?? []
                articles = given.map(\.article)
            } else {
                // Events after `since` are told by articles published after it;
                // the newest come first, so a limit keeps the recent ones.
                var search = SearchQuery(text: query ?? "", since: since, limit: limit, order: .newest)
                if let entity { search.mentioningEntities = [entity.id] }
                articles = try store.search(search).map(\.article)
                if let entity {
                    // Articles that write the name where the extractor missed it.
                    let phrase = "\"" + entity.name.replacingOccurrences(of: "\"", with: "") + "\""
                    let byName = SearchQuery(text: query.map { "(\($0)) \(phrase)" } ?? phrase, since: since, limit: limit, order: .newest)
                    let known = Set(articles.map(\.id))
                    let more = (try? store.search(byName).map(\.article)) ?? []
                    articles += more.filter { !known.contains($0.id) }
                    articles = Array(articles.sorted { ($0.draft.published?.instant ?? .distantPast) > ($1.draft.published?.instant ?? .distantPast) }.prefix(limit))
                }
            }
            var title = "Timeline"
            if let entity { title += " of \(entity.name)" }
            if let query { title += " for “\(query)”" }
            if articles.count == limit { title += " (the newest \(limit) articles; raise limit= for more)" }
            let timeline = try ScriptTime.run(call, "timeline") { try assemble(articles: articles, store: store, entity: entity, scope: scope) }
            call.push(TimelineHandle(timeline.between(since, until), title: title))
            return 1
        }
    }

    /// Events of the articles, with their stored mentions, merged into one
    /// timeline; with `entity`, the events `EntityEvents` selects for it.
    static func assemble(articles: [Article], store: (any Store)?, entity: StoredEntity?,
                         scope: EntityEvents.Scope = .participant) throws -> EventTimeline {
        let extractor = EventExtractor(tagger: tagger)
        let target = entity.map { TimelineTarget(name: $0.name, aliases: $0.aliases) }
        var events: [Event] = []
        // Under a time budget (`WorkDeadline`) the walk stops; the caller drops the partial timeline.
        var deadline = DeadlineCheck(every: 1)
        for article in articles where !deadline.hasPassed() {
            let mentions = try store?.mentions(inArticle: article.id).map(\.mention) ?? []
            var input = TimelineArticle(article, mentions: mentions)
            if let target {
                let tokenized = TokenizedText(text: input.body)
                input = EntityEvents.prepare(input, for: [target], tokenized: tokenized)
                events += EntityEvents.select(extractor.events(in: input, tokenized: tokenized), of: target, in: input,
                                              extractor: extractor, scope: scope)
            } else {
                events += extractor.events(in: input)
            }
        }
        return EventTimeline(events: events.filter { !$0.isHypothetical })
    }

    static var timelineType: LuaUserdataType<TimelineHandle> {
        let type = LuaUserdataType<TimelineHandle>(name: "Timeline")
        type.field("title") { $0.title }
        type.method("show", documentation: "tl:show() -> prints the timeline as a dated list, each event with its sources") { handle, call in
            print(handle.listing)
            return 0
        }
        type.method("events", documentation: """
            tl:events() -> {event, ...}
              Plain tables: label, from, to (the interval as ISO dates), precision,
              modifier, when, dating ("expression", "publication" or "arithmetic"),
              trigger, summary, entities, sources ({article, outlet, title, url,
              published, sentence, start, stop, text}, ...).
            """) { handle, call in
            call.push(ListValue(handle.timeline.events.map(EventValue.init)))
            return 1
        }
        type.method("filter", documentation: "tl:filter(function(event) ... end) -> a timeline of the events for which it returns true") { handle, call in
            let predicate: LuaFunction = try call.argument(1)
            let kept = try handle.timeline.filter { event in
                (try predicate.call([EventValue(event: event)])).first.map { value -> Bool in
                    if case .nil = value { return false }
                    if case .boolean(let flag) = value { return flag }
                    return true
                } ?? false
            }
            call.push(TimelineHandle(kept, title: handle.title))
            return 1
        }
        type.method("merge", documentation: "tl:merge(other) -> one timeline with the events of both, the same event reported twice merged") { handle, call in
            let other: TimelineHandle = try call.argument(1)
            call.push(TimelineHandle(handle.timeline.merged(with: other.timeline), title: handle.title))
            return 1
        }
        type.method("export", documentation: """
            tl:export(path [, {format="json"|"csv"|"markdown"|"html", title=}]) -> path
              Writes the timeline; the format follows the extension (.json .csv .md
              .html) unless given. The HTML page is self-contained: a time axis and the
              events with their sources, nothing fetched from the network.
            """) { handle, call in
            let path: String = try call.argument(1)
            try call.rejectUnknownOptions(2, known: ["format", "title"])
            let format: TimelineFormat
            if let name: String = try call.option(2, "format") {
                guard let parsed = TimelineFormat(rawValue: name.lowercased()) ?? TimelineFormat(pathExtension: name) else {
                    throw call.badArgument(2, "field 'format': expected \"json\", \"csv\", \"markdown\" or \"html\", got \"\(name)\"")
                }
                format = parsed
            } else {
                guard let parsed = TimelineFormat(pathExtension: (path as NSString).pathExtension) else {
                    throw call.badArgument(1, "cannot tell the format from '\(path)' (use .json, .csv, .md or .html, or give format=)")
                }
                format = parsed
            }
            let title: String = try call.option(2, "title") ?? handle.title
            do {
                try writeExport(handle.timeline.rendered(as: format, title: title), to: path, operation: "tl:export", call: call)
            } catch let refusal as SandboxRefusal {
                throw refusal
            } catch {
                throw call.badArgument(1, "cannot write '\(path)': \(error.localizedDescription)")
            }
            call.push(path)
            return 1
        }
        type.toString { $0.listing }
        type.length { $0.timeline.events.count }
        return type
    }
}
