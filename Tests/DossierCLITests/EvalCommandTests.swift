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

    @Test func rawTextIsScoredBesideGoldTokens() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let gold = directory.appendingPathComponent("gold.txt")
        try """
            -DOCSTART- -X- -X- O

            Nadim NNP B-NP B-PER
            Ladki NNP I-NP I-PER

            Shehbaz NNP B-NP B-PER
            Sharif NNP I-NP I-PER
            met VBD B-VP O
            officials NNS B-NP O
            in IN B-PP O
            Dhaka NNP B-NP B-LOC
            , , O O
            Bangladesh NNP B-NP B-LOC
            . . O O

            """.write(to: gold, atomically: true, encoding: .utf8)
        let result = try DossierExecutable.run(["eval", "ner", "--raw", "--show-errors", gold.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 documents, 2 sentences, 11 tokens, scored both ways"), "\(result.stdout)")
        let row = result.stdout.split(separator: "\n").first { $0.hasPrefix("PER+ORG+LOC") }.map { $0.split(separator: " ") }
        // Gold P, R, F1, raw P, R, F1, then (gold, raw predicted, raw correct).
        #expect(row == ["PER+ORG+LOC"] + Array(repeating: "100.00", count: 6) + ["(4,", "4,", "4)"], "\(result.stdout)")
        let folds = try DossierExecutable.run(["eval", "ner", "--folds", "2", gold.path])
        #expect(folds.status == 2)
        #expect(folds.stderr.contains("--folds goes with --raw"))
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

    @Test func bylinesAreScoredAgainstTheJudgements() throws {
        let bylines = LuaScriptTests.root.appendingPathComponent("eval/bylines").path
        let result = try DossierExecutable.run(["eval", "bylines", bylines, "--verbose"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("98 bylines, 106 judged authors\n"), "\(result.stdout)")
        #expect(result.stdout.contains("kinds right: ") && result.stdout.contains("judged desk (5)"), "\(result.stdout)")
        #expect(result.stdout.contains("-> judged"), "--verbose lists the misses: \(result.stdout)")
        let missing = try DossierExecutable.run(["eval", "bylines", "/nonexistent/bylines"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("judgements.tsv"), "\(missing.stderr)")
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

    /// A one-document corpus in the SemEval-2015 Task 4 layout: the command
    /// writes the target's timeline and scores it against the gold one.
    @Test func timelineTaskCorpusIsWrittenAndScored() throws {
        let root = try DossierExecutable.temporaryDirectory()
        let corpus = root.appendingPathComponent("corpus_1")
        let cat = corpus.appendingPathComponent("corpus_trackA_CAT")
        let gold = corpus.appendingPathComponent("TimeLines_Gold_Standard")
        try FileManager.default.createDirectory(at: cat, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: gold, withIntermediateDirectories: true)
        let words: [[String]] = [["Airbus", "launches", "plane"], ["January", "18", ",", "2005"],
                                 ["Airbus", "unveiled", "the", "A380", "on", "Tuesday", "."],
                                 ["Airbus", "delivered", "the", "first", "jet", "in", "October", "2007", "."]]
        var xml = "<?xml version=\"1.0\" ?><Document doc_id=\"3307\" doc_name=\"3307_Airbus.txt\">\n"
        var number = 0
        for (sentence, tokens) in words.enumerated() {
            for token in tokens {
                xml += "<token number=\"\(number)\" sentence=\"\(sentence)\" t_id=\"\(number + 1)\">\(token)</token>\n"
                number += 1
            }
        }
        xml += "<Markables>\n<TIMEX3 functionInDocument=\"CREATION_TIME\" m_id=\"1\" type=\"DATE\" value=\"2005-01-18\">\n</TIMEX3>\n</Markables>\n</Document>\n"
        try xml.write(to: cat.appendingPathComponent("3307_Airbus.txt.xml"), atomically: true, encoding: .utf8)
        try "Airbus\n".write(to: corpus.appendingPathComponent("list_target_entities_corpus_1.txt"), atomically: true, encoding: .utf8)
        try "Airbus\n1\t2005-01-18\t3307-0-launches\t3307-2-unveiled\n2\t2007-10\t3307-3-delivered\n"
            .write(to: gold.appendingPathComponent("airbus.txt"), atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        let result = try DossierExecutable.run(["eval", "timeline", root.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOf: out.appendingPathComponent("corpus_1/airbus.txt"), encoding: .utf8)
        #expect(written.hasPrefix("Airbus\n1\t2005-01-18\t"), "\(written)")
        #expect(written.contains("3307-2-unveiled"))
        #expect(written.contains("2007-10\t3307-3-delivered"))
        #expect(result.stdout.contains("corpus_1"))
        let trivial = try DossierExecutable.run(["eval", "timeline", root.path, "--system", "trivial"])
        #expect(trivial.status == 0)
        let missing = try DossierExecutable.run(["eval", "timeline", corpus.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no corpus_N/corpus_trackA_CAT"))
    }
}
