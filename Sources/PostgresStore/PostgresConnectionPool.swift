import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// A small pool of PostgreSQL connections with a blocking interface, for the
/// synchronous `Store` protocol.
///
/// Why blocking waits on futures, and not `async`/`await` with `PostgresClient`:
/// the `Store` protocol is synchronous, and its callers (the Lua bindings, the
/// CLI, tests run by Swift Testing) often sit on Swift's cooperative thread pool,
/// which has as many threads as cores (two here). Blocking such a thread on a
/// semaphore while a `Task` waits for a cooperative thread to run the query can
/// deadlock. So the pool owns a dedicated `MultiThreadedEventLoopGroup`; every
/// query is an `EventLoopFuture` that completes on that group's threads, and the
/// calling thread waits with `EventLoopFuture.wait()`, which never runs on (and
/// never blocks) an event loop thread and needs no cooperative thread.
final class PostgresConnectionPool: Sendable {
    let configuration: PostgresConnection.Configuration
    let maximumConnections: Int
    private let group: MultiThreadedEventLoopGroup
    private let logger: Logger
    private let state = NIOLockedValueBox(State())
    private let permits: DispatchSemaphore

    private struct State {
        var idle: [PostgresConnection] = []
        var nextID = 0
        var closed = false
    }

    init(configuration: PostgresConnection.Configuration, maximumConnections: Int = 4) {
        self.configuration = configuration
        self.maximumConnections = max(1, maximumConnections)
        permits = DispatchSemaphore(value: self.maximumConnections)
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var logger = Logger(label: "dossier.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    /// Runs `body` with a connection of its own, returned to the pool afterwards
    /// (closed instead if the body failed with a broken connection).
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        do {
            let result = try body(connection)
            checkIn(connection)
            return result
        } catch {
            checkIn(connection)
            throw error
        }
    }

    /// Runs one statement and collects its rows; the caller's thread waits.
    func query(_ connection: PostgresConnection, _ query: PostgresQuery) throws -> [PostgresRow] {
        try connection.query(query, logger: logger).wait().rows
    }

    func close() {
        let connections = state.withLockedValue { state -> [PostgresConnection] in
            state.closed = true
            let idle = state.idle
            state.idle = []
            return idle
        }
        for connection in connections { try? connection.close().wait() }
        try? group.syncShutdownGracefully()
    }

    private func checkOut() throws -> PostgresConnection {
        // One permit per connection the pool may hold: a caller beyond the
        // maximum waits here for a check-in.
        permits.wait()
        while true {
            let idle = state.withLockedValue { state -> PostgresConnection? in state.idle.popLast() }
            guard let idle else { break }
            if !idle.isClosed { return idle }
        }
        do {
            let id = state.withLockedValue { state -> Int in
                state.nextID += 1
                return state.nextID
            }
            return try PostgresConnection.connect(on: group.next(), configuration: configuration, id: id, logger: logger).wait()
        } catch {
            permits.signal()
            throw error
        }
    }

    private func checkIn(_ connection: PostgresConnection) {
        let keep = state.withLockedValue { state -> Bool in
            if connection.isClosed || state.closed { return false }
            state.idle.append(connection)
            return true
        }
        if !keep { _ = try? connection.close().wait() }
        permits.signal()
    }
}
