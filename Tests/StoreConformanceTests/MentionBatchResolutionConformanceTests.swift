import ArticleStore
import DossierCore
import Foundation
import Testing

/// One batch's mentions are resolved to entities in their order, whether the
/// backend writes them one by one or a run at a time (PostgreSQL's set-based
/// `dossier_insert_mentions`): an acronym defined mid-batch takes the bare
/// acronym named before it and after it, a name first written in capitals
/// takes the first mixed-case form (unless an analyst chose it), and of two
/// mentions at one offset the later is kept.
@Suite struct MentionBatchResolutionConformanceTests {
    func mention(_ text: String, at start: Int, _ type: EntityType, entity: String? = nil, sentence: Int = 1) -> Mention {
        Mention(text: text, type: type, entity: entity ?? text, entityType: type, start: start, stop: start + text.utf8.count - 1,
                sentence: sentence, source: .model)
    }

    @Test(arguments: StoreBackend.allCases)
    func aBatchResolvesItsMentionsInOrder(_ backend: StoreBackend) throws {
        let store = try backend.makeStore()
        // An earlier batch: an entity known only in capitals, and the
        // analyst's own all-capitals name.
        try store.saveAnalystEntity(AnalystEntity(name: "OSLO ACCORD", type: .organization, aliases: []))
        _ = try store.add([ArticleDraft(title: "Earlier", body: "KARACHI and OSLO ACCORD.")],
                          mentions: [[mention("KARACHI", at: 1, .geopolitical), mention("OSLO ACCORD", at: 13, .organization)]],
                          extractorVersion: "test-1")

        let first = "The ISI met NEW DELHI."
        let second = "Inter-Services Intelligence (ISI) agents left New Delhi and Karachi. Oslo Accord."
        let third = "The ISI again, New Delhi again."
        let batch: [(ArticleDraft, [Mention])] = [
            (ArticleDraft(title: "One", body: first), [
                mention("ISI", at: 5, .organization),
                mention("NEW DELHI", at: 13, .geopolitical),
                // Two mentions at one offset: the later is kept.
                mention("NEW", at: 13, .geopolitical, entity: "New"),
                mention("NEW DELHI", at: 13, .geopolitical),
            ]),
            (ArticleDraft(title: "Two", body: second), [
                mention("Inter-Services Intelligence", at: 1, .organization),
                mention("ISI", at: 30, .organization, entity: "Inter-Services Intelligence"),
                mention("New Delhi", at: 47, .geopolitical),
                mention("Karachi", at: 61, .geopolitical),
                mention("Oslo Accord", at: 70, .organization, entity: "Oslo Accord", sentence: 2),
            ]),
            (ArticleDraft(title: "Three", body: third), [
                mention("ISI", at: 5, .organization),
                mention("New Delhi", at: 16, .geopolitical),
            ]),
        ]
        let outcomes = try store.add(batch.map(\.0), mentions: batch.map(\.1), extractorVersion: "test-1")
        var ids: [Int64] = []
        for case .added(let id, _) in outcomes { ids.append(id) }
        #expect(ids.count == 3)

        func named(_ id: Int64) throws -> [String] {
            try store.mentions(inArticle: id).map { stored in
                "\(stored.mention.text)=\(try #require(try store.entity(id: stored.entityID)).name)"
            }
        }
        #expect(try named(ids[0]) == ["ISI=Inter-Services Intelligence", "NEW DELHI=New Delhi"])
        #expect(try named(ids[1]) == ["Inter-Services Intelligence=Inter-Services Intelligence", "ISI=Inter-Services Intelligence",
                                      "New Delhi=New Delhi", "Karachi=Karachi", "Oslo Accord=OSLO ACCORD"])
        #expect(try named(ids[2]) == ["ISI=Inter-Services Intelligence", "New Delhi=New Delhi"])
        let isi = try #require(try store.entity(named: "ISI"))
        #expect(isi.name == "Inter-Services Intelligence")
        #expect(isi.articleCount == 3)
        #expect(isi.mentionCount == 4)
        #expect(try store.entity(named: "KARACHI")?.articleCount == 2)
        // The counts of the batch equal its mentions.
        try EntityCountConformanceTests().expectConsistent(store, "after the batch")
    }
}
