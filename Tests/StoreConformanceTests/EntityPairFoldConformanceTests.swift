import ArticleStore
import DossierCore
import Foundation
import GRDB
import Testing

/// SQLite keeps an ingest's pair counts as deltas in `entity_pair_pending`
/// and folds them into `entity_pair` once `pairFoldRows` rows are pending:
/// between folds a pair's figures are the sum of both tables, positive
/// deltas of new articles and negative ones of a delete, a re-extraction or
/// an alias merge. The counts conformance (a recount from every stored
/// mention, `EntityCountConformanceTests`) after each kind of change, with
/// stores that fold at every batch, every few batches, and never.
@Suite struct EntityPairFoldConformanceTests {
    let counts = EntityCountConformanceTests()

    /// Rows of pair counts in each table of the store at `path`.
    func tableRows(_ path: String) throws -> (folded: Int, pending: Int) {
        try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM entity_pair") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM entity_pair_pending") ?? 0)
        }
    }

    @Test(arguments: [1, 12, SQLiteStore.defaultPairFoldRows])
    func countsStayExactBetweenFolds(pairFoldRows: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pair-fold-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path, pairFoldRows: pairFoldRows)
        var states: [(folded: Int, pending: Int)] = []
        func check(_ comment: Comment, empty: Bool = false) throws {
            try counts.expectConsistent(store, comment, empty: empty)
            states.append(try tableRows(path))
        }
        var ids: [Int64] = []
        for (draft, mentions) in try counts.corpus() {
            for case .added(let id, _) in try store.add([draft], mentions: [mentions], extractorVersion: "test-1") { ids.append(id) }
            try check("after ingesting article \(ids.count)")
        }
        #expect(ids.count == 4)
        try store.saveAnalystEntity(AnalystEntity(name: "Directorate General of Forces Intelligence", type: .organization, aliases: ["DGFI"]))
        try check("after merging DGFI into its full name")
        let third = try #require(try store.article(id: ids[2])).draft.body
        try store.replaceMentions([ids[2]: [
            try counts.mention("DGFI", in: third, .organization, sentence: 1),
            try counts.mention("Karim Khan", in: third, .person, sentence: 1),
        ]], extractorVersion: "test-2")
        try check("after re-extracting the third article")
        #expect(try store.delete(id: ids[1]))
        try check("after deleting the second article")
        let (draft, mentions) = try counts.fieldArticle()
        _ = try store.add([draft], mentions: [mentions], extractorVersion: "test-1")
        try check("after adding an article with title and byline mentions")
        let kept = ids.filter { $0 != ids[1] }
        try store.replaceMentions(Dictionary(uniqueKeysWithValues: kept.map { ($0, [Mention]()) }), extractorVersion: "test-3")
        try check("after re-extracting the first three left to no mentions")

        switch pairFoldRows {
        case 1:
            // Every batch and re-extraction folds; an alias merge and a
            // delete leave their negative deltas pending.
            #expect(states[3].pending == 0 && states[3].folded > 0, "\(states)")
            #expect(states[4].pending > 0 && states[5].pending == 0 && states[6].pending > 0, "\(states)")
        case SQLiteStore.defaultPairFoldRows:
            #expect(states.allSatisfy { $0.folded == 0 }, "\(states)")
        default:
            // Some answers came from both tables at once.
            #expect(states.contains { $0.folded > 0 && $0.pending > 0 }, "\(states)")
        }
        // Delete the last article: nothing is left to count, folded or not.
        let left = try store.articles(after: 0, limit: 100).map(\.id)
        for id in left { #expect(try store.delete(id: id)) }
        try check("after deleting every article", empty: true)
        #expect(try store.topEntities(EntityQuery(limit: 100)).isEmpty)
        // The analyst's entity stays, its pairs summed to nothing.
        let analysts = try #require(try store.entity(named: "Directorate General of Forces Intelligence"))
        for window in [CooccurrenceWindow.article, .sentence] {
            #expect(try store.cooccurrences(of: analysts.id, window: window, type: nil, limit: 10).isEmpty)
        }
        #expect(try store.entityGraph(EntityQuery(limit: 10), window: .article, minimumWeight: 1).edges.isEmpty)
    }
}
