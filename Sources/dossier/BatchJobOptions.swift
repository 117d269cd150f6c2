import ArgumentParser
import DossierShell

/// `dossier run --jobs N ...`: the options of a parallel batch job (README, "Batch jobs").
struct BatchJobOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run the script as a batch job: map(article) over every article in N threads, each with its own Lua state and store connection, then reduce(results, ids).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("The job's name; workers giving the same name (other processes, other machines on a PostgreSQL store) share one job. Default: the script's file name.", valueName: "name"))
    var job: String?

    @Flag(help: "Drop the job of that name and its stored results first, and run it afresh.")
    var restart = false

    @Option(help: ArgumentHelp("Map only the articles this search finds (store:search syntax), instead of the script's `query` or every article.", valueName: "search"))
    var query: String?

    @Option(help: ArgumentHelp("Seconds a worker holds a range without renewing it; a killed worker's range is taken over after this.", valueName: "seconds"))
    var lease: Double = 60

    @Option(name: .customLong("range-size"), help: ArgumentHelp("Article ids per range, the unit a worker claims and commits.", valueName: "ids"))
    var rangeSize: Int = 100

    @Flag(name: .customLong("map-only"), help: "Map until nothing is left to claim, then exit: no waiting for other workers, no reduce.")
    var mapOnly = false

    /// The options that take a value, for splitting `run`'s words.
    static let optionsTakingValues: Set<String> = ["--jobs", "--job", "--query", "--lease", "--range-size"]

    var isBatch: Bool { jobs != nil || job != nil || restart || query != nil || mapOnly }

    func validate() throws {
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("invalid --jobs '\(jobs)': expected 1 to 256 worker threads") }
        if !(0.5...86_400).contains(lease) { throw ValidationError("invalid --lease '\(lease)': expected 0.5 to 86400 seconds") }
        if !(1...1_000_000).contains(rangeSize) { throw ValidationError("invalid --range-size '\(rangeSize)': expected 1 to 1000000 article ids") }
        if let job, job.isEmpty || job.count > 200 { throw ValidationError("invalid --job '\(job)': expected a name of 1 to 200 characters") }
    }

    var settings: BatchJobSettings {
        var settings = BatchJobSettings(workers: jobs ?? 1)
        settings.name = job
        settings.restart = restart
        settings.query = query
        settings.lease = lease
        settings.rangeSize = rangeSize
        settings.mapOnly = mapOnly
        return settings
    }
}

/// What `run` accepts before the script: the engine's options and a batch job's.
struct RunOptions: ParsableArguments {
    @OptionGroup var engine: EngineOptions
    @OptionGroup var batch: BatchJobOptions
}
