import Foundation
import Testing

/// `dossier eval attribution` on a PolNeAR-shaped folder written here.
@Suite struct EvalAttributionCommandTests {
    @Test func aBratFolderIsScoredWholeAndByPart() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let text = directory.appendingPathComponent("text"), annotations = directory.appendingPathComponent("attributions")
        try FileManager.default.createDirectory(at: text, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: annotations, withIntermediateDirectories: true)
        // Offsets count code points: the curly quotes are one each.
        try "“We are ready,” said Ayesha Khan. Officials said that talks would resume."
            .write(to: text.appendingPathComponent("doc.txt"), atomically: true, encoding: .utf8)
        try """
            T1\tContent 0 15\t“We are ready,”
            T2\tCue 16 20\tsaid
            T3\tSource 21 32\tAyesha Khan
            E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3
            T4\tSource 34 43\tOfficials
            T5\tCue 44 48\tsaid
            T6\tContent 49 72\tthat talks would resume
            E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4
            """.write(to: annotations.appendingPathComponent("doc_ab12.ann"), atomically: true, encoding: .utf8)
        let result = try DossierExecutable.run(["eval", "attribution", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("attribution       2     2  100.0 100.0 100.0   100.0 100.0 100.0"), "\(result.stdout)")
        #expect(result.stdout.contains("source            2     2  100.0 100.0 100.0   100.0 100.0 100.0"), "\(result.stdout)")
        let missing = try DossierExecutable.run(["eval", "attribution", directory.appendingPathComponent("none").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no text/ and attributions/ folders"))
    }
}
