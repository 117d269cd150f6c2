import Testing
@testable import PostgresStore

/// Store URLs as libpq reads them.
@Suite struct PostgresLocationTests {
    @Test func hostPortUserAndDatabase() throws {
        let location = try PostgresLocation(url: "postgres://desk:s%40cret@db.example.org:6543/news")
        #expect(location.user == "desk")
        #expect(location.password == "s@cret")
        #expect(location.host == "db.example.org")
        #expect(location.port == 6543)
        #expect(location.database == "news")
        #expect(location.socketDirectory == nil)
        #expect(location.description == "postgres://desk@db.example.org:6543/news")  // no password in messages
    }

    @Test func aUnixSocketDirectoryAsLibpqTakesIt() throws {
        let location = try PostgresLocation(url: "postgresql://desk@/news?host=/run/postgresql")
        #expect(location.socketDirectory == "/run/postgresql")
        #expect(location.host == nil)
        #expect(location.port == 5432)
        #expect(location.description == "postgres://desk@/news?host=/run/postgresql")
    }

    @Test func theDatabaseDefaultsToTheUser() throws {
        #expect(try PostgresLocation(url: "postgres://desk@localhost").database == "desk")
    }

    @Test(arguments: ["/tmp/store.sqlite", "postgres://desk@host/db?sslmode=always", "postgres://desk@host/db?bogus=1", "mysql://x@y/z"])
    func otherLocationsAreRefused(_ url: String) {
        #expect(throws: PostgresLocationError.self) { try PostgresLocation(url: url) }
    }
}
