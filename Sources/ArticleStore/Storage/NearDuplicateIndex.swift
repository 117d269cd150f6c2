import Foundation
import GRDB

/// The LSH index behind near-duplicate links, used inside a write transaction.
struct NearDuplicateIndex {
    static let candidatesPerBand = 32
    static let linksPerArticle = 16
    let db: Database
    static let bucketLookup = """
        SELECT article_id FROM article_band WHERE band = ? AND bucket = ?
        ORDER BY rowid DESC LIMIT \(candidatesPerBand)
        """

    init(_ db: Database) { self.db = db }

    /// Stores `signature` for the article, links it to stored articles at least
    /// `MinHashSignature.threshold` similar, and returns their ids.
    func insert(articleID: Int64, signature: MinHashSignature) throws -> [Int64] {
        guard !signature.isEmpty else { return [] }
        try db.cachedStatement(sql: "INSERT INTO article_minhash (article_id, signature) VALUES (?, ?)")
            .execute(arguments: [articleID, Data(signature.bytes)])
        // A story carried by hundreds of outlets puts them all in one bucket:
        // looking at the most recent few per band keeps each insert bounded
        // (a cluster stays connected through its recent members). Recent by
        // rowid, which grows with the article ids the rows are written for: the
        // (band, bucket) index holds rowids in order, so SQLite reads just the
        // last few entries. `ORDER BY article_id` sorted the whole bucket on
        // every insert (10k near-identical articles: 127 s).
        let findBucket = try db.cachedStatement(sql: Self.bucketLookup)
        let addBucket = try db.cachedStatement(sql: "INSERT INTO article_band (band, bucket, article_id) VALUES (?, ?, ?)")
        var candidates = Set<Int64>()
        for (band, key) in signature.bandKeys.enumerated() {
            candidates.formUnion(try Int64.fetchAll(findBucket, arguments: [band, key]))
            try addBucket.execute(arguments: [band, key, articleID])
        }
        candidates.remove(articleID)
        guard !candidates.isEmpty else { return [] }
        let fetchSignature = try db.cachedStatement(sql: "SELECT signature FROM article_minhash WHERE article_id = ?")
        let link = try db.cachedStatement(sql: "INSERT OR REPLACE INTO article_similar (article_id, other_id, score) VALUES (?, ?, ?), (?, ?, ?)")
        var scored: [(id: Int64, score: Double)] = []
        for candidate in candidates {
            guard let data = try Data.fetchOne(fetchSignature, arguments: [candidate]),
                  let other = MinHashSignature(bytes: [UInt8](data)) else { continue }
            let score = signature.similarity(to: other)
            if score >= MinHashSignature.threshold { scored.append((candidate, score)) }
        }
        let kept = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.prefix(Self.linksPerArticle)
        for (candidate, score) in kept {
            try link.execute(arguments: [articleID, candidate, score, candidate, articleID, score])
        }
        return kept.map(\.id).sorted()
    }
}
