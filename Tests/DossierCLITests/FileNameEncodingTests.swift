import Foundation
import Testing

/// Issue 14, finding 6: a file whose name is not UTF-8 (`caf\xE9.txt`, a
/// Latin-1 name) was "no such file or directory": Swift had replaced the
/// byte with U+FFFD. It is read by its bytes now, and named `caf\xE9.txt`.
@Suite struct FileNameEncodingTests {
    let capture = """
        Talks resume in Dhaka

        Diplomats from both countries met in Dhaka on Monday for the first formal round of consultations in years, officials said.

        """

    /// A directory holding one capture named `caf\xE9.txt` (and its sidecar,
    /// named the same way).
    func latin1Corpus() throws -> URL {
        let directory = try DossierExecutable.temporaryDirectory().appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let name = Array(directory.path.utf8) + Array("/caf".utf8) + [0xE9]
        try write(Array(capture.utf8), to: name + Array(".txt".utf8))
        try write(Array(#"{"outlet": "Latin Weekly"}"#.utf8), to: name + Array(".meta.json".utf8))
        return directory
    }

    func write(_ contents: [UInt8], to path: [UInt8]) throws {
        let descriptor = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        _ = contents.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    }

    @Test func aDirectoryWalkReadsTheFile() throws {
        let corpus = try latin1Corpus()
        let store = corpus.deletingLastPathComponent().appendingPathComponent("store.sqlite").path
        let ingest = try DossierExecutable.run(["ingest", "--no-entities", "--store", store, corpus.path])
        #expect(ingest.status == 0, "\(ingest.stdout) \(ingest.stderr)")
        #expect(ingest.stdout.hasPrefix("added 1, duplicates 0, near-duplicates 0, failed 0"), "\(ingest.stdout)")
        let stored = try DossierExecutable.run(["--store", store, "-e", "local a = store:get(1) print(a.title, a.outlet, a.source)"])
        #expect(stored.stdout == "Talks resume in Dhaka\tLatin Weekly\t\(corpus.path)/caf\\xE9.txt\n", "\(stored.stdout) \(stored.stderr)")
        // A re-run knows the file by its bytes: unchanged, not read again.
        let again = try DossierExecutable.run(["ingest", "--no-entities", "--store", store, corpus.path])
        #expect(again.stdout.hasPrefix("added 0, duplicates 0, near-duplicates 0, failed 0, unchanged 1"), "\(again.stdout)")
    }

    @Test func aScriptNamesTheFileByItsBytes() throws {
        let corpus = try latin1Corpus()
        let store = corpus.deletingLastPathComponent().appendingPathComponent("store.sqlite").path
        let result = try DossierExecutable.run(["--store", store, "-e", """
            local report = store:ingest(\"\(corpus.path)/caf\\xE9.txt\")
            print(report.added, #report.failed)
            local missing = store:ingest(\"\(corpus.path)/caf\\xE8.txt\")
            print(missing.failed[1])
            """])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1\t0\n\(corpus.path)/caf\\xE8.txt: no such file or directory\n", "\(result.stdout)")
    }
}
