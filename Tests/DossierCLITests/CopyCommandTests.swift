import Foundation
import Testing

/// `dossier copy` and the store location rules, on SQLite files (the
/// PostgreSQL side of copying is tested in StoreConformanceTests).
@Suite struct CopyCommandTests {
    var seeds: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds").path
    }

    @Test func aCopyHoldsEverythingAndASecondRunAddsNothing() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let source = directory.appendingPathComponent("source.sqlite").path
        let destination = directory.appendingPathComponent("copy.sqlite").path
        #expect(try DossierExecutable.run(["ingest", "--store", source, seeds]).status == 0)
        let first = try DossierExecutable.run(["copy", "--from", source, "--to", destination, "--batch-size", "1"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("copied 2 articles (0 already there) from \(source) to \(destination)"))
        #expect(first.stderr.contains("2/2 articles read, 2 copied, 0 already there"))
        let again = try DossierExecutable.run(["copy", "--from", source, "--to", destination])
        #expect(again.stdout.hasPrefix("copied 0 articles (2 already there)"))
        let script = "print(store:count(), store:count('ISI'), #entities:top{n = 100})"
        let original = try DossierExecutable.run(["--store", source, "-e", script])
        let copied = try DossierExecutable.run(["--store", destination, "-e", script])
        #expect(copied.stdout == original.stdout)
        #expect(copied.stdout.hasPrefix("2\t1\t"))
    }

    @Test func theEnvironmentNamesTheDefaultStoreAndStoreWins() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let fromEnvironment = directory.appendingPathComponent("env.sqlite").path
        let fromOption = directory.appendingPathComponent("option.sqlite").path
        #expect(try DossierExecutable.run(["ingest", seeds], environment: ["DOSSIER_STORE": fromEnvironment]).status == 0)
        let viaEnvironment = try DossierExecutable.run(["-e", "print(store.path, store:count())"], environment: ["DOSSIER_STORE": fromEnvironment])
        #expect(viaEnvironment.stdout == "\(fromEnvironment)\t2\n")
        let viaOption = try DossierExecutable.run(["--store", fromOption, "-e", "print(store.path, store:count())"], environment: ["DOSSIER_STORE": fromEnvironment])
        #expect(viaOption.stdout == "\(fromOption)\t0\n")
    }

    @Test func aBadStoreURLIsAnErrorNamingIt() throws {
        let result = try DossierExecutable.run(["copy", "--from", "postgres://someone@/db?sslmode=always", "--to", "/dev/null/x.sqlite"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sslmode=always is not one of disable, allow, prefer, require, verify-ca, verify-full"))
        let same = try DossierExecutable.run(["copy", "--from", "a.sqlite", "--to", "a.sqlite"])
        #expect(same.status == 2)
        #expect(same.stderr.contains("--from and --to name the same store"))
    }
}
