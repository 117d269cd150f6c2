import PostgresNIO

/// Which version of an analyser last ran over each article (the entity
/// extractor, the claim finder), recorded for a whole batch in one statement
/// inside the caller's transaction; a re-run's version replaces the old one.
enum AnalysisMark {
    case extraction, claims

    private var table: String {
        switch self {
        case .extraction: return "article_extraction"
        case .claims: return "article_claims"
        }
    }

    func record(_ articleIDs: [Int64], version: String, in session: PostgresSession) throws {
        guard !articleIDs.isEmpty else { return }
        var statement = PostgresStatement()
        statement.append("""
            INSERT INTO \(table) (article_id, version)
            SELECT id, \(statement.bind(version)) FROM unnest(\(statement.bind(articleIDs))::int8[]) AS id
            ON CONFLICT (article_id) DO UPDATE SET version = excluded.version
            """)
        try session.execute(statement)
    }
}
