import ArticleStore
import Foundation
import NIOCore
import PostgresNIO

/// The near-duplicate index of `NearDuplicateIndex` (SQLite) for a whole batch
/// in a few statements: the same LSH bands, the same bound of the most recent
/// 32 candidates per band and 16 links per article, and articles of the batch
/// see the ones before them, as they would inserted one by one.
struct NearDuplicateWriter {
    static let candidatesPerBand = 32
    static let linksPerArticle = 16
    let session: PostgresSession

    /// Stores the signatures, links each article to similar stored ones, and
    /// returns the links made for each article.
    func insert(_ articles: [(id: Int64, signature: MinHashSignature)]) throws -> [Int64: [Int64]] {
        let signed = articles.filter { !$0.signature.isEmpty }
        guard !signed.isEmpty else { return [:] }
        struct Bucket: Hashable { var band: Int64; var key: Int64 }
        // Candidates already stored, most recent first, per bucket the batch touches.
        var buckets = Set<Bucket>()
        for article in signed {
            for (band, key) in article.signature.bandKeys.enumerated() { buckets.insert(Bucket(band: Int64(band), key: key)) }
        }
        let bucketList = Array(buckets)
        var lookup = PostgresStatement()
        lookup.append("""
            SELECT wanted.band, wanted.bucket, stored.article_id
            FROM unnest(\(lookup.bind(bucketList.map(\.band)))::int8[], \(lookup.bind(bucketList.map(\.key)))::int8[]) AS wanted(band, bucket)
            CROSS JOIN LATERAL (
              SELECT article_id FROM article_band
              WHERE band = wanted.band AND bucket = wanted.bucket
              ORDER BY article_id DESC LIMIT \(Self.candidatesPerBand)
            ) AS stored
            """)
        var storedIn: [Bucket: [Int64]] = [:]
        for row in try session.rows(lookup) {
            storedIn[Bucket(band: try row.value("band"), key: try row.value("bucket")), default: []].append(try row.value("article_id"))
        }
        for key in storedIn.keys { storedIn[key]?.sort(by: >) }
        let storedIDs = Set(storedIn.values.joined())
        var signatures: [Int64: MinHashSignature] = [:]
        if !storedIDs.isEmpty {
            var fetch = PostgresStatement()
            fetch.append("SELECT article_id, signature FROM article_minhash WHERE article_id = ANY(\(fetch.bind(Array(storedIDs))))")
            for row in try session.rows(fetch) {
                var buffer: ByteBuffer = try row.value("signature")
                if let bytes = buffer.readBytes(length: buffer.readableBytes), let signature = MinHashSignature(bytes: bytes) {
                    signatures[try row.value("article_id")] = signature
                }
            }
        }
        var batchIn: [Bucket: [Int64]] = [:]  // this batch's articles, most recent first
        var links: [Int64: [Int64]] = [:]
        var linkRows: (from: [Int64], to: [Int64], score: [Double]) = ([], [], [])
        var bandRows: (band: [Int64], bucket: [Int64], article: [Int64]) = ([], [], [])
        for article in signed {
            var candidates = Set<Int64>()
            for (band, key) in article.signature.bandKeys.enumerated() {
                let bucket = Bucket(band: Int64(band), key: key)
                let recent = (batchIn[bucket] ?? []) + (storedIn[bucket] ?? [])
                candidates.formUnion(recent.prefix(Self.candidatesPerBand))
                batchIn[bucket, default: []].insert(article.id, at: 0)
                bandRows.band.append(Int64(band)); bandRows.bucket.append(key); bandRows.article.append(article.id)
            }
            signatures[article.id] = article.signature
            candidates.remove(article.id)
            var scored: [(id: Int64, score: Double)] = []
            for candidate in candidates {
                guard let other = signatures[candidate] else { continue }
                let score = article.signature.similarity(to: other)
                if score >= MinHashSignature.threshold { scored.append((candidate, score)) }
            }
            let kept = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.prefix(Self.linksPerArticle)
            for (candidate, score) in kept {
                linkRows.from += [article.id, candidate]; linkRows.to += [candidate, article.id]; linkRows.score += [score, score]
            }
            links[article.id] = kept.map(\.id).sorted()
        }
        var minhash = PostgresStatement()
        minhash.append("""
            INSERT INTO article_minhash (article_id, signature)
            SELECT * FROM unnest(\(minhash.bind(signed.map(\.id)))::int8[], \(minhash.bind(signed.map { ByteBuffer(bytes: $0.signature.bytes) }))::bytea[])
            """)
        try session.execute(minhash)
        var bands = PostgresStatement()
        bands.append("""
            INSERT INTO article_band (band, bucket, article_id)
            SELECT * FROM unnest(\(bands.bind(bandRows.band))::int8[], \(bands.bind(bandRows.bucket))::int8[], \(bands.bind(bandRows.article))::int8[])
            """)
        try session.execute(bands)
        if !linkRows.from.isEmpty {
            var similar = PostgresStatement()
            similar.append("""
                INSERT INTO article_similar (article_id, other_id, score)
                SELECT * FROM unnest(\(similar.bind(linkRows.from))::int8[], \(similar.bind(linkRows.to))::int8[], \(similar.bind(linkRows.score))::float8[])
                ON CONFLICT (article_id, other_id) DO UPDATE SET score = excluded.score
                """)
            try session.execute(similar)
        }
        return links
    }
}
