import ArticleStore
import Foundation
import PostgresStore
import PostgresTestSupport
import Testing

/// The backends every conformance test runs against.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// A new, empty store of this backend.
    func makeStore() throws -> any Store {
        switch self {
        case .sqlite:
            return try SQLiteStore(path: ":memory:")
        case .postgres:
            return try PostgresStore(url: try cluster().createDatabase())
        }
    }

    /// A store location that can be opened twice (a file or a database URL).
    func makeLocation() throws -> String {
        switch self {
        case .sqlite:
            return FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString).sqlite").path
        case .postgres:
            return try cluster().createDatabase()
        }
    }

    private func cluster() throws -> PostgresTestCluster {
        try PostgresTestCluster.shared.get()
    }
}
