import ArticleStore
import CLua
import Claims
import EntityExtractor
import DossierCore
import Foundation
import LuaKit

/// A claim as Lua sees it: `c.source`, `c.cue`, `c.content` (span tables with
/// `start`/`stop`, 1-based inclusive bytes, and `text`; `content` a list of
/// spans when the quotation is cut by its cue), `c.kind`, `c.role`,
/// `c.entity`, `c.hedges`, `c.sentence`, `c.article`.
final class ClaimHandle: LuaUserdata {
    let claim: Claim
    let text: [UInt8]
    let articleID: Int64?

    init(_ claim: Claim, text: [UInt8], articleID: Int64?) {
        self.claim = claim
        self.text = text
        self.articleID = articleID
    }

    static var luaTypeName: String { "Claim" }

    func words(_ span: ByteSpan) -> String { ClaimsEngine.words(span, in: text) }

    /// `anonymous (official)  "officials" warn  that such an alignment could …  [hedged: could]`
    var summary: String {
        var head = claim.kind.rawValue
        if let role = claim.role { head += " (\(role.rawValue))" }
        if let entity = claim.entity { head += " -> \(entity)" }
        var content = claim.content.map(words).joined(separator: " … ").replacingOccurrences(of: "\n", with: " ")
        if content.count > 100 {
            let cut = content.prefix(99)
            content = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
        }
        var line = head + "  " + (claim.source.map { "\"\(words($0))\" " } ?? "") + words(claim.cue) + "  " + content
        let hedges = claim.hedges.map { ($0.kind == .hedge ? "" : "no evidence: ") + words($0.span) }
        if !hedges.isEmpty { line += "  [hedged: " + hedges.joined(separator: ", ") + "]" }
        if let articleID { line += "  #\(articleID)" }
        return line + ", sentence \(claim.sentence)"
    }
}

/// A span pushed as `{start=, stop=, text=}` (and `kind=` for hedges).
struct SpanValue: LuaPushable {
    let span: ByteSpan
    let text: String
    var kind: String?

    func push(to stack: LuaStack) {
        stack.pushTable(recordCount: 4)
        stack.setField(-1, "start", span.lowerBound + 1)
        stack.setField(-1, "stop", span.upperBound)
        stack.setField(-1, "text", text)
        stack.setField(-1, "kind", kind)
    }
}

/// One span table, or a list of them when the content is discontinuous.
struct ContentValue: LuaPushable {
    let spans: [SpanValue]

    func push(to stack: LuaStack) {
        if spans.count == 1 { spans[0].push(to: stack) } else { spans.push(to: stack) }
    }
}

/// A sourcing profile pushed as a table.
struct SourcingValue: LuaPushable {
    let profile: SourcingProfile

    func push(to stack: LuaStack) {
        stack.pushTable(recordCount: 8)
        stack.setField(-1, "claims", profile.claims)
        for kind in SourceKind.allCases { stack.setField(-1, kind.rawValue, profile.byKind[kind] ?? 0) }
        var roles: [String: Int] = [:]
        for (role, count) in profile.byRole { roles[role.rawValue] = count }
        stack.setField(-1, "roles", roles)
        stack.setField(-1, "hedged", profile.hedged)
        stack.setField(-1, "hedged_share", profile.hedgedShare)
        stack.setField(-1, "negative_evidence", profile.negativeEvidence)
        stack.setField(-1, "summary", profile.summary)
    }
}

enum ClaimsBindings {
    static func install(in state: LuaState, defaultStore: StoreHandle) {
        state.register(claimType)
        state.setGlobal("claims", claims(defaultStore: defaultStore))
        state.setGlobal("hedges", hedges(defaultStore: defaultStore))
    }

    /// The text of the first argument, and its article when it is one.
    private static func textArgument(_ call: LuaCall) throws -> (String, ArticleHandle?) {
        if let article = try? call.argument(1, as: ArticleHandle.self) { return (article.article.draft.body, article) }
        guard call.type(of: 1) == .string else {
            throw LuaArgumentError(position: call.index(of: 1), problem: .type(expected: "string or Article"))
        }
        return (try call.argument(1, as: String.self), nil)
    }

    static func claims(defaultStore: StoreHandle) -> LuaNativeFunction {
        LuaNativeFunction(name: "claims", documentation: """
            claims(text_or_article) -> {claim, ...}
              Who claims what: each claim has source, cue and content (span tables
              {start=, stop=, text=}, 1-based inclusive bytes; content is a list of spans
              when a quotation is cut by its cue), kind (named, anonymous or none), role
              (official, expert, document, media, spokesperson, witness or nil), entity
              (the source's entity, pronouns resolved in the paragraph), hedges (a list
              of spans with kind "hedge" or "negative-evidence") and sentence.
            """) { call in
            let (text, article) = try textArgument(call)
            try ScriptMemory.ensureRoomToExtract(call, bytes: text.utf8.count, in: "claims")
            let analysis = try ScriptTime.run(call, "claims") {
                try ClaimsEngine.analyze(text, article: article?.article, store: article?.store,
                                         extractor: { try defaultStore.mentionExtractor() })
            }
            let bytes = Array(text.utf8)
            call.push(ListValue(analysis.claims.map { ClaimHandle($0, text: bytes, articleID: article?.article.id) }))
            return 1
        }
    }

    static func hedges(defaultStore: StoreHandle) -> LuaNativeFunction {
        LuaNativeFunction(name: "hedges", documentation: """
            hedges(text_or_article) -> {{start=, stop=, text=, kind=}, ...}
              Every hedge ("could", "reportedly", "is believed to") and statement of
              absent evidence ("no public evidence", "could not be independently
              verified"; kind "negative-evidence") in a text, inside claims or not.
            """) { call in
            let (text, _) = try textArgument(call)
            let bytes = Array(text.utf8)
            let found = try ScriptTime.run(call, "hedges") { try ClaimsEngine.hedges(text) }
            call.push(ListValue(found.map { SpanValue(span: $0.span, text: ClaimsEngine.words($0.span, in: bytes), kind: $0.kind.rawValue) }))
            return 1
        }
    }

    /// `article:claims()` and `article:sourcing()`.
    static func addArticleMethods(to type: LuaUserdataType<ArticleHandle>) {
        type.method("claims", documentation: """
            article:claims() -> {claim, ...}
              The article's claims (see :help claims), found with its stored entity mentions.
            """) { handle, call in
            try ScriptMemory.ensureRoomToExtract(call, bytes: handle.article.draft.body.utf8.count, in: "article:claims")
            let analysis = try ScriptTime.run(call, "article:claims") {
                try ClaimsEngine.analyze(handle.article.draft.body, article: handle.article, store: handle.store,
                                         extractor: { try EntityExtractor.shared() })
            }
            let bytes = Array(handle.article.draft.body.utf8)
            call.push(ListValue(analysis.claims.map { ClaimHandle($0, text: bytes, articleID: handle.article.id) }))
            return 1
        }
        type.method("sourcing", documentation: """
            article:sourcing() -> {claims=, named=, anonymous=, none=, roles={...}, hedged=,
                                   hedged_share=, negative_evidence=, summary=}
              How the article's claims are sourced: counts by source kind and role, how
              many are hedged, and its statements of absent evidence.
            """) { handle, call in
            try ScriptMemory.ensureRoomToExtract(call, bytes: handle.article.draft.body.utf8.count, in: "article:sourcing")
            let analysis = try ScriptTime.run(call, "article:sourcing") {
                try ClaimsEngine.analyze(handle.article.draft.body, article: handle.article, store: handle.store,
                                         extractor: { try EntityExtractor.shared() })
            }
            call.push(SourcingValue(profile: SourcingProfile(claims: analysis.claims, hedges: analysis.hedges)))
            return 1
        }
    }

    /// `store:claims{source=, kind=, role=, about=, hedged=, since=, to=, outlet=, limit=}`.
    static func addStoreMethods(to type: LuaUserdataType<StoreHandle>) {
        type.method("claims", documentation: """
            store:claims([{source=, kind=, role=, about=, hedged=, since=, to=, outlet=, limit=}]) -> {claim, ...}
              Claims across the store, oldest articles first: source matches the source's
              words or entity ("ISI", "officials"), kind named/anonymous/none, role as in
              :help claims, about an entity or words in the content ("DGFI"), hedged
              true/false, since/to publication dates (`until` is a Lua keyword: to= or
              ["until"]=); outlet as stored, case aside ("The Sunday Guardian"); limit
              (default 1000). An unknown key is an error.
            """) { handle, call in
            var filter = ClaimFilter()
            var since: Date?, until: Date?, outlet: String?, limit = 1000
            if call.type(of: 1) != .none && call.type(of: 1) != .nil {
                guard call.type(of: 1) == .table else {
                    throw LuaArgumentError(position: call.index(of: 1), problem: .type(expected: "table"))
                }
                try call.rejectUnknownOptions(1, known: ["source", "kind", "role", "about", "hedged", "since", "to", "until", "outlet", "limit"])
                since = try dateOption(call, 1, "since")?.instant
                until = try untilOption(call, 1)
                limit = try countOption(call, 1, "limit", default: 1000)
                outlet = try call.option(1, "outlet")
                filter.source = try call.option(1, "source")
                filter.about = try call.option(1, "about")
                filter.hedged = try call.option(1, "hedged")
                if let kind: String = try call.option(1, "kind") {
                    guard let value = SourceKind(rawValue: kind) else {
                        throw call.badArgument(1, "field 'kind': '\(kind)' is not named, anonymous or none")
                    }
                    filter.kind = value
                }
                if let role: String = try call.option(1, "role") {
                    guard let value = SourceRole(rawValue: role) else {
                        throw call.badArgument(1, "field 'role': '\(role)' is not one of "
                            + SourceRole.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    filter.role = value
                }
            }
            let store = try handle.store()
            let found = try ScriptTime.run(call, "store:claims") {
                try ClaimsEngine.claims(in: store, filter: filter, since: since, until: until, outlet: outlet, limit: limit)
            }
            call.push(ListValue(found.map { ClaimHandle($0.claim, text: $0.text, articleID: $0.articleID) }))
            return 1
        }
    }

    static var claimType: LuaUserdataType<ClaimHandle> {
        let type = LuaUserdataType<ClaimHandle>(name: "Claim")
        type.field("source", documentation: "The source span {start=, stop=, text=}, nil when the text names none") { handle in
            handle.claim.source.map { SpanValue(span: $0, text: handle.words($0)) }
        }
        type.field("cue", documentation: "The cue span: said, according to, a colon before a quote, ...") { handle in
            SpanValue(span: handle.claim.cue, text: handle.words(handle.claim.cue))
        }
        type.field("content", documentation: "The content span, or a list of spans when discontinuous") { handle in
            ContentValue(spans: handle.claim.content.map { SpanValue(span: $0, text: handle.words($0)) })
        }
        type.field("kind", documentation: "named, anonymous or none") { $0.claim.kind.rawValue }
        type.field("role", documentation: "official, expert, document, media, spokesperson, witness or nil") { $0.claim.role?.rawValue }
        type.field("entity", documentation: "The entity the source names or refers to") { $0.claim.entity }
        type.field("hedges", documentation: "Hedge and negative-evidence spans inside the claim, with kind") { handle in
            handle.claim.hedges.map { SpanValue(span: $0.span, text: handle.words($0.span), kind: $0.kind.rawValue) }
        }
        type.field("hedged", documentation: "true when a hedge bears on the claim") { $0.claim.isHedged }
        type.field("sentence", documentation: "1-based sentence number of the cue") { $0.claim.sentence }
        type.field("article", documentation: "The article id, for claims of stored articles") { $0.articleID.map(Int.init) }
        type.toString { $0.summary }
        type.equality { $0.claim == $1.claim && $0.articleID == $1.articleID }
        return type
    }
}
