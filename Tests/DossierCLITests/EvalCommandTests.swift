import Foundation
import Testing

/// `dossier eval ner` and `dossier eval timex` on gold data that lives in the
/// repository or is written here (the shared evaluation folder is not needed).
@Suite struct EvalCommandTests {
    @Test func seedArticlesMatchTheProjectsGoldFile() throws {
        let result = try DossierExecutable.run(["eval", "ner", "--seeds"], directory: LuaScriptTests.root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("seed mentions: 50 found, 0 missed, 0 spurious (P 100.0, R 100.0, F1 100.0)\n"))
        #expect(result.stdout.contains("negatives found: none (of 15 checked)"))
    }

    @Test func conllFilesAreScoredPerLabelWithExactSpans() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let gold = directory.appendingPathComponent("gold.txt")
        try """
            -DOCSTART- -X- -X- O

            Shehbaz NNP B-NP B-PER
            Sharif NNP I-NP I-PER
            met VBD B-VP O
            officials NNS B-NP O
            in IN B-PP O
            Dhaka NNP B-NP B-LOC
            . . O O

            """.write(to: gold, atomically: true, encoding: .utf8)
        let result = try DossierExecutable.run(["eval", "ner", gold.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 documents, 1 sentences, 7 tokens"))
        #expect(result.stdout.contains("PER+ORG+LOC   precision 100.00  recall 100.00  F1 100.00  (gold 2, predicted 2, correct 2)"), "\(result.stdout)")
        let missing = try DossierExecutable.run(["eval", "ner", directory.appendingPathComponent("none.txt").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("dossier: "))
        let both = try DossierExecutable.run(["eval", "ner", gold.path, "--seeds"])
        #expect(both.status == 2)  // a usage error, as for lua (README: exit status)
        #expect(both.stderr.contains("give one of a CoNLL FILE, --seeds or --web DIR"))
    }

    @Test func webNewsIsScoredAgainstTheJudgements() throws {
        let web = LuaScriptTests.root.appendingPathComponent("eval/webnews").path
        let result = try DossierExecutable.run(["eval", "ner", "--web", web])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("33 English articles"), "\(result.stdout)")
        #expect(result.stdout.contains("others, where 0 mentions were found"), "\(result.stdout)")
        #expect(result.stdout.contains("precision") && result.stdout.contains("recall"), "\(result.stdout)")
        let missing = try DossierExecutable.run(["eval", "ner", "--web", "/nonexistent/webnews"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("dossier: "))
    }

    @Test func timeMLFilesAreScoredTempEvalStyle() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        try """
            <?xml version="1.0" ?>
            <TimeML>
            <DOCID>T1</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
            <TEXT>
            Bombs exploded outside the embassies <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, and talks resumed in <TIMEX3 tid="t2" type="DATE" value="1998-04">April</TIMEX3> after <TIMEX3 tid="t3" type="DURATION" value="P15Y" mod="APPROX">nearly 15 years</TIMEX3>.
            </TEXT>
            </TimeML>
            """.write(to: directory.appendingPathComponent("t1.tml"), atomically: true, encoding: .utf8)
        let result = try DossierExecutable.run(["eval", "timex", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("value F1"), "\(result.stdout)")
        let total = result.stdout.split(separator: "\n").first { $0.hasPrefix("total") }.map { $0.split(separator: " ") }
        // docs, gold, system, strict P/R/F1, relaxed P/R/F1, type, value accuracy, value F1
        #expect(total == ["total", "1", "3", "3"] + Array(repeating: "100.0", count: 9), "\(result.stdout)")
    }
}
