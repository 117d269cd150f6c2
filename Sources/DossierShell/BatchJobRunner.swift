import ArticleStore
import DossierLua
import Foundation
import LuaKit

/// How `dossier run --jobs N` runs a batch job script.
public struct BatchJobSettings: Sendable {
    /// Worker threads in this process, each with its own Lua state and store connection.
    public var workers: Int
    /// The job's name; workers that give the same name join one job. Default: the script's file name.
    public var name: String?
    /// Drop a job of that name (and its results) first.
    public var restart = false
    /// A search selecting the articles, overriding the script's `query`.
    public var query: String?
    public var lease: TimeInterval = 60
    public var rangeSize = 100
    /// Map until nothing is left to claim, then exit without waiting or reducing.
    public var mapOnly = false

    public init(workers: Int) { self.workers = max(1, workers) }
}

/// Runs one batch job from this process: prepares the script in a Lua state of
/// its own, opens (or joins) the job in the store, runs `settings.workers`
/// threads, each with its own `Session` (a Lua state and a store connection)
/// driving a `BatchJobWorker`, and once every range is done, by these threads or
/// by workers elsewhere, calls `reduce` and prints what it returns.
public struct BatchJobRunner {
    public var options: LuaState.Options
    public var storePath: String
    public var permissions: ScriptPermissions
    public var settings: BatchJobSettings
    /// Notes (job opened, ranges reclaimed, the summary) go here; standard error by default.
    public var log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }

    public init(options: LuaState.Options, storePath: String, permissions: ScriptPermissions, settings: BatchJobSettings) {
        self.options = options
        self.storePath = storePath
        self.permissions = permissions
        self.settings = settings
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs the job; the process exit status (errors are reported on standard error).
    public func run(script path: String, arguments: [String]) -> Int32 {
        do {
            try runJob(script: path, arguments: arguments)
            return 0
        } catch {
            Session.reportError(error)
            return 1
        }
    }

    func runJob(script path: String, arguments: [String]) throws {
        guard path != "-" else { throw Failure(description: "a batch job runs its script once per worker: give a file, not standard input") }
        guard permissions.storeWrites else {
            throw Failure(description: "a batch job records its ranges and results in the store: in the sandbox it needs --allow-store-writes")
        }
        let code: [UInt8]
        do {
            code = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) + arguments.flatMap { [0] + Array($0.utf8) }
        } catch {
            throw LuaError.file(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        let session = try Session(options: options, storePath: storePath, permissions: permissions)
        let script = try BatchJobScript(state: session.state)
        try session.executeFile(path, arguments: arguments)
        try script.prepare(scriptName: path)
        let selection = try settings.query.map { BatchSelection(text: $0) } ?? script.selection()
        let name = settings.name ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let definition = BatchJobDefinition(name: name, code: code, selection: selection, rangeSize: settings.rangeSize)
        let store = try script.store()
        let job: BatchJob
        switch try store.openJob(definition, restart: settings.restart) {
        case .created(let created):
            job = created
            log("job '\(name)': \(created.rangeCount) ranges of \(settings.rangeSize) article ids (up to #\(created.lastArticleID)), \(settings.workers) worker\(settings.workers == 1 ? "" : "s") here")
        case .joined(let joined, let done):
            job = joined
            log("job '\(name)': joined, \(done) of \(joined.rangeCount) ranges already done\(done == joined.rangeCount ? " (its stored results are reduced again; --restart runs it afresh)" : "")")
        }
        let started = Date()
        let summaries = try runWorkers(job: job, script: path, arguments: arguments)
        let mapped = summaries.reduce(0) { $0 + $1.articles }
        let seconds = Date().timeIntervalSince(started)
        let rate = seconds > 0 ? Double(mapped) / seconds : 0
        log("job '\(name)': \(mapped) articles mapped here in \(String(format: "%.2f", seconds)) s (\(String(format: "%.0f", rate))/s) by \(settings.workers) thread\(settings.workers == 1 ? "" : "s")")
        if settings.mapOnly { return }
        let progress = try store.progress(of: job)
        if let failure = progress.failure { throw Failure(description: "batch job '\(name)' failed: \(failure)") }
        let values = try script.reduce(job, from: store)
        try session.state.execute("""
            local inspect = dossier.inspect
            for i = 1, select("#", ...) do
              local value = select(i, ...)
              print(type(value) == "table" and inspect(value) or tostring(value))
            end
            """, chunkName: "=(reduce results)", arguments: values)
    }

    /// The worker threads: each builds its own session and runs the script's
    /// chunk there before mapping. The first error stops the others.
    private func runWorkers(job: BatchJob, script path: String, arguments: [String]) throws -> [BatchJobWorker.Summary] {
        let outcomes = WorkerOutcomes(count: settings.workers)
        let host = ProcessInfo.processInfo.hostName
        let pid = getpid()
        var threads: [Thread] = []
        let finished = DispatchGroup()
        for index in 0..<settings.workers {
            finished.enter()
            let (options, storePath, permissions, settings, log) = (self.options, self.storePath, self.permissions, self.settings, self.log)
            let thread = Thread {
                defer { finished.leave() }
                do {
                    let session = try Session(options: options, storePath: storePath, permissions: permissions)
                    let script = try BatchJobScript(state: session.state)
                    try session.executeFile(path, arguments: arguments)
                    try script.prepare(scriptName: path)
                    let store = try script.store()
                    var worker = BatchJobWorker(store: store, job: job, name: "\(host):\(pid):\(index + 1)")
                    worker.lease = settings.lease
                    worker.pollInterval = min(1, max(0.05, settings.lease / 10))
                    worker.shouldStop = { outcomes.stopped }
                    worker.onReclaim = { range in
                        log("job '\(job.definition.name)': reclaimed range \(range.index) (#\(range.firstArticleID)-#\(range.lastArticleID)) from \(range.reclaimedFrom ?? "?"), whose lease expired")
                    }
                    if settings.mapOnly {
                        worker.stopsWhenNothingToClaim = true
                    }
                    let summary = try worker.run { article in try script.map(article, from: store) }
                    outcomes.record(index, .success(summary))
                } catch {
                    outcomes.record(index, .failure(error))
                }
            }
            thread.name = "batch worker \(index + 1)"
            thread.stackSize = 8 << 20
            threads.append(thread)
        }
        for thread in threads { thread.start() }
        finished.wait()
        return try outcomes.summaries()
    }
}

/// What each worker thread ended with; the first failure stops the rest.
private final class WorkerOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<BatchJobWorker.Summary, any Error>?]
    private var failed = false

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    var stopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failed
    }

    func record(_ index: Int, _ outcome: Result<BatchJobWorker.Summary, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        outcomes[index] = outcome
        if case .failure = outcome { failed = true }
    }

    /// Every summary, or the first real error (a worker that stopped because
    /// the job failed elsewhere reports less than the one that failed it).
    func summaries() throws -> [BatchJobWorker.Summary] {
        lock.lock()
        defer { lock.unlock() }
        var errors: [any Error] = []
        var summaries: [BatchJobWorker.Summary] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let summary): summaries.append(summary)
            case .failure(let error): errors.append(error)
            case nil: break
            }
        }
        func stoppedByAnother(_ error: any Error) -> Bool {
            guard let error = error as? BatchJobError, case .jobFailed = error else { return false }
            return true
        }
        if let first = errors.first(where: { !stoppedByAnother($0) }) ?? errors.first {
            throw first
        }
        return summaries
    }
}
