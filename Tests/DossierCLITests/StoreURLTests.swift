import Foundation
import Testing

/// Issue 14, finding 7: a URL given as --store created a directory named
/// `postgres:` holding the password in a subdirectory's name.
@Suite struct StoreURLTests {
    @Test(arguments: ["script", "ingest", "extract"])
    func aStoreURLIsRefusedWithoutCreatingAnythingOrEchoingTheSecret(_ command: String) throws {
        let directory = try DossierExecutable.temporaryDirectory()
        // A scheme with no backend (postgres:// has one: StoreConformanceTests).
        let url = "mysql://analyst:hunter2secret@db.example.org/news"
        let arguments: [String]
        switch command {
        case "ingest": arguments = ["ingest", "--store", url, directory.path]
        case "extract": arguments = ["extract", "--store", url]
        default: arguments = ["--store", url, "-e", "print(store:count())"]
        }
        let result = try DossierExecutable.run(arguments, directory: directory)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("'mysql://' URLs are not supported"))
        #expect(!result.stderr.contains("hunter2secret") && !result.stdout.contains("hunter2secret"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func dossierOpenRefusesURLsToo() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let result = try DossierExecutable.run(["-e", "dossier.open('mysql://root:hunter2secret@localhost/x')"], directory: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("store URLs are not supported"))
        #expect(!result.stderr.contains("hunter2secret"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
