@testable import ArticleStore
import DossierCore
import Foundation
import GRDB
@testable import PostgresStore
import Testing

/// Claims found at ingest are stored with their article and read back whole,
/// in the batch's transaction, and `store:claims{}` filters them in SQL
/// alike on both backends.
@Suite struct ClaimConformanceTests {
    /// One claim per text: the first word says the rest, with a hedge on "may".
    struct FirstWordClaims: ClaimFinder {
        var version: String { "first-word-claims-1" }
        func claims(in text: String, mentions: [Mention]) -> [Claim] {
            let bytes = Array(text.utf8)
            guard let space = bytes.firstIndex(of: 0x20) else { return [] }
            let hedges = text.range(of: " may ").map { range -> [Hedge] in
                let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1
                return [Hedge(span: start..<(start + 3), kind: .hedge)]
            } ?? []
            return [Claim(source: 0..<space, cue: space..<(space + 1), content: [(space + 1)..<bytes.count, 0..<1],
                          kind: .named, role: .spokesperson, entity: String(decoding: bytes[0..<space], as: UTF8.self),
                          hedges: hedges, sentence: 1)]
        }
    }

    private func claimStore(_ backend: StoreBackend) throws -> any ClaimStore & Store {
        try #require(try backend.makeStore() as? any ClaimStore & Store)
    }

    private func ingest(_ bodies: [String], into store: any Store, finder: (any ClaimFinder)?) throws -> IngestReport {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-claims-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = bodies.enumerated().map { #"{"title": "Story \#($0.offset)", "body": "\#($0.element)"}"# }
        let file = directory.appendingPathComponent("articles.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        var ingestor = Ingestor(store: store)
        ingestor.claimFinder = finder
        return ingestor.ingest(paths: [file.path])
    }

    /// Makes the store refuse, as a database error, any claim whose entity is `entity`.
    private func refuseClaims(byEntity entity: String, in store: any Store) throws {
        if let sqlite = store as? SQLiteStore {
            try sqlite.perform { db in
                try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON claim WHEN NEW.entity = '\(entity)' BEGIN SELECT RAISE(ABORT, 'refused'); END")
            }
        } else if let postgres = store as? PostgresStore {
            try postgres.run { session in
                try session.execute("""
                    CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.entity = '\(entity)' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$
                    """)
                try session.execute("CREATE TRIGGER refuse BEFORE INSERT ON claim FOR EACH ROW EXECUTE FUNCTION refuse()")
            }
        } else {
            Issue.record("no way to refuse claims in \(type(of: store))")
        }
    }

    /// Overwrites the stored content of the article's first claim.
    private func damageContent(of id: Int64, with text: String, in store: any Store) throws {
        if let sqlite = store as? SQLiteStore {
            try sqlite.perform { db in try db.execute(sql: "UPDATE claim SET content = ? WHERE article_id = ?", arguments: [text, id]) }
        } else if let postgres = store as? PostgresStore {
            try postgres.run { session in
                var statement = PostgresStatement()
                statement.append("UPDATE claim SET content = \(statement.bind(text)) WHERE article_id = \(statement.bind(id))")
                try session.execute(statement)
            }
        } else {
            Issue.record("no way to damage claims in \(type(of: store))")
        }
    }

    /// The store's SQL filters give what filtering every stored claim in Swift
    /// (`ClaimQuery.matches`) gives, for every combination of filters.
    @Test(arguments: StoreBackend.allCases)
    func filtersInSQLAgreeWithFilteringEveryClaim(_ backend: StoreBackend) throws {
        let store = try claimStore(backend)
        let day = 86_400.0, start = 1_766_000_000.0
        // "DAWN" and "dawn" are one outlet; "Ümit" and "ümit" differ (A-Z are folded only).
        let outlets: [String?] = [nil, "Dawn", "The Daily Star", "DAWN", "Ümit"]
        var drafts: [ArticleDraft] = []
        for index in 0..<12 {
            let instant = Date(timeIntervalSince1970: start + Double(index) * day)
            let published: PublicationDate? = index % 4 == 3 ? nil : PublicationDate(instant: instant, utcOffsetSeconds: nil, precision: .second)
            let body = "Body number \(index) with words " + String(repeating: "w\(index) ", count: index + 1)
            drafts.append(ArticleDraft(title: "Story \(index)", outlet: outlets[index % outlets.count], published: published, body: body))
        }
        let ids = try store.add(drafts).compactMap { outcome -> Int64? in if case .added(let id, _) = outcome { return id } else { return nil } }
        #expect(ids.count == 12)
        let kinds: [SourceKind] = [.named, .anonymous, .none], roles: [SourceRole?] = [nil, .official, .expert, .witness]
        let hedgeSets: [[Hedge]] = [[], [Hedge(span: 1..<3, kind: .hedge)], [Hedge(span: 2..<4, kind: .negativeEvidence)],
                                    [Hedge(span: 2..<4, kind: .negativeEvidence), Hedge(span: 5..<6, kind: .hedge)]]
        var counter = 0
        // The last two articles are never analysed: the store reports them as such.
        let items = ids.dropLast(2).map { id -> (articleID: Int64, claims: [Claim]) in
            let claims = (0..<(Int(id) % 4)).map { _ -> Claim in
                counter += 1
                return Claim(source: counter % 5 == 0 ? nil : 0..<4, cue: 5..<9, content: [10..<14], kind: kinds[counter % 3],
                             role: roles[counter % 4], entity: counter % 2 == 0 ? "E\(counter)" : nil,
                             hedges: hedgeSets[(counter / 3) % 4], sentence: 1)
            }
            return (id, claims)
        }
        try store.saveClaims(items, version: "test-1")
        var stored: [Int64: ArticleDraft] = [:]
        var everyClaim: [Int64: [Claim]] = [:]
        for id in ids {
            stored[id] = try #require(try store.article(id: id)).draft
            everyClaim[id] = try store.claims(inArticle: id)
        }
        let dates: [(Date?, Date?)] = [(nil, nil), (Date(timeIntervalSince1970: start + 2 * day), nil),
                                       (nil, Date(timeIntervalSince1970: start + 7 * day)),
                                       (Date(timeIntervalSince1970: start + 1 * day), Date(timeIntervalSince1970: start + 9 * day))]
        let ranges = [ids[0]...ids[11], ids[3]...ids[6]]
        var compared = 0
        for kind in [nil] + kinds { for role in [nil, SourceRole.official, .expert] { for hedged in [nil, true, false] {
            for (since, until) in dates { for range in ranges { for outlet in [nil, "dawn", "The Daily Star", "ümit", "Ümit"] {
                let query = ClaimQuery(kind: kind, role: role, hedged: hedged, since: since, until: until, outlet: outlet)
                let fromSQL = try store.claims(matching: query, inArticles: range)
                var expected = ClaimQueryResult()
                for id in range {
                    guard let all = everyClaim[id] else { continue }
                    expected.analysed.insert(id)
                    let passing = all.filter { query.matches($0, published: stored[id]?.published?.instant, outlet: stored[id]?.outlet) }
                    if !passing.isEmpty { expected.claims[id] = passing }
                }
                #expect(fromSQL == expected, "\(query) in \(range)")
                compared += expected.claims.values.reduce(0) { $0 + $1.count }
            } } }
        } } }
        #expect(compared > 100)
        // The claims read back are the claims saved.
        for item in items { #expect(try store.claims(inArticle: item.articleID) == item.claims) }
    }

    @Test(arguments: StoreBackend.allCases)
    func ingestStoresEachArticlesClaims(_ backend: StoreBackend) throws {
        let store = try claimStore(backend)
        let bodies = (0..<40).map { "Speaker\($0) says talks may resume in round \($0)." }
        let report = try ingest(bodies, into: store, finder: FirstWordClaims())
        #expect(report.added.count == 40 && report.failed.isEmpty)
        for id in report.added {
            let article = try #require(try store.article(id: id))
            let stored = try #require(try store.claims(inArticle: id))
            #expect(stored == FirstWordClaims().claims(in: article.draft.body, mentions: []))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func claimsAreWrittenInTheBatchsTransaction(_ backend: StoreBackend) throws {
        let store = try claimStore(backend)
        // A claim the database refuses fails its whole batch: no article is left without its claims.
        try refuseClaims(byEntity: "Refused", in: store)
        let failed = try ingest(["Aide says yes.", "Refused says no."], into: store, finder: FirstWordClaims())
        #expect(failed.added.isEmpty && failed.failed.count == 2)
        #expect(try store.count(matching: nil) == 0)
        let report = try ingest(["Aide says yes.", "Envoy says no."], into: store, finder: FirstWordClaims())
        #expect(report.added.count == 2)
        for id in report.added { #expect(try store.claims(inArticle: id)?.count == 1) }
    }

    @Test(arguments: StoreBackend.allCases)
    func addStoresEachAddedDraftsClaimsAndNoneForADuplicate(_ backend: StoreBackend) throws {
        let store = try claimStore(backend)
        let finder = FirstWordClaims()
        let drafts = ["Aide says yes.", "Envoy may say no."].map { ArticleDraft(title: "T", body: $0) }
        let first = try store.add(drafts, mentions: nil, extractorVersion: nil,
                                  claims: drafts.map { finder.claims(in: $0.body, mentions: []) }, claimVersion: finder.version)
        for (outcome, draft) in zip(first, drafts) {
            guard case .added(let id, _) = outcome else { Issue.record("not added: \(outcome)"); continue }
            #expect(try store.claims(inArticle: id) == finder.claims(in: draft.body, mentions: []))
        }
        let again = try store.add([drafts[0]], mentions: nil, extractorVersion: nil, claims: [[]], claimVersion: finder.version)
        guard case .duplicate(let existing) = again.first else { Issue.record("not a duplicate"); return }
        // The duplicate's empty list did not replace the stored claims.
        #expect(try store.claims(inArticle: existing)?.count == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func anArticleNeverAnalysedHasNoClaimsRatherThanNone(_ backend: StoreBackend) throws {
        let store = try claimStore(backend)
        let report = try ingest(["Nobody says anything."], into: store, finder: nil)
        let id = try #require(report.added.first)
        #expect(try store.claims(inArticle: id) == nil)
        try store.saveClaims([(id, [])], version: "test")
        #expect(try store.claims(inArticle: id) == [])
        // Saved again, an article's claims replace the earlier ones; deleting it deletes them.
        let claim = Claim(source: nil, cue: 0..<6, content: [7..<10], sentence: 1)
        try store.saveClaims([(id, [claim, claim]), (id, [claim])], version: "test-2")
        #expect(try store.claims(inArticle: id) == [claim])
        #expect(try store.delete(id: id))
        #expect(try store.claims(inArticle: id) == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func aDamagedRowIsAnErrorNamingIt(_ backend: StoreBackend) throws {
        let store = try claimStore(backend)
        let report = try ingest(["Aide says yes."], into: store, finder: FirstWordClaims())
        let id = try #require(report.added.first)
        try damageContent(of: id, with: "9-2", in: store)
        #expect {
            _ = try store.claims(inArticle: id)
        } throws: { error in
            String(describing: error).contains("claim 0 of article \(id): bad content")
        }
        #expect {
            _ = try store.claims(matching: ClaimQuery(), inArticles: id...id)
        } throws: { error in
            String(describing: error).contains("claim 0 of article \(id): bad content")
        }
    }

    /// SQLite's claim table is not STRICT: text where an offset belongs was
    /// read with GRDB's `row[column] as Int?`, which traps on it.
    @Test func textInAnOffsetColumnIsAnErrorNamingTheRow() throws {
        let store = try claimStore(.sqlite)
        let report = try ingest(["Aide says yes."], into: store, finder: FirstWordClaims())
        let id = try #require(report.added.first)
        let sqlite = try #require(store as? SQLiteStore)
        try sqlite.perform { db in try db.execute(sql: "UPDATE claim SET cue_start = 'seven' WHERE article_id = ?", arguments: [id]) }
        #expect {
            _ = try store.claims(inArticle: id)
        } throws: { error in
            String(describing: error).contains("column 'cue_start' holds text, expected an integer")
        }
        #expect {
            _ = try store.claims(matching: ClaimQuery(), inArticles: id...id)
        } throws: { error in
            String(describing: error).contains("claim row (article_id \(id), ordinal 0)")
        }
    }
}
