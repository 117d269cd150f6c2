import Claims
import DossierCore
import Testing

/// The byte-level line reader the bundled resource files are loaded with.
@Suite struct TabSeparatedLinesTests {
    @Test func linesKeepTheirNumbersAndLoseTheirLineEnds() {
        var seen: [(Int, String)] = []
        TabSeparatedLines.forEachLine(in: "a\tb\r\n\n“quoted” é\tx\nlast") { number, line in
            seen.append((number, String(decoding: line, as: UTF8.self)))
        }
        #expect(seen.map(\.0) == [1, 2, 3, 4])
        #expect(seen.map(\.1) == ["a\tb", "", "“quoted” é\tx", "last"])
    }

    @Test func aLexiconSavedWithWindowsLineEndsReadsAndAMalformedLineKeepsItsNumber() throws {
        let lexicon = try CueLexicon(serialized: "# counts\r\nsaid\t9\t8\t0\r\n\r\naccording to\t4\t4\t4\r\n", name: "cues.tsv")
        #expect(lexicon.counts["said"] == CueLexicon.Counts(total: 9, cue: 8))
        #expect(lexicon.counts["according to"] == CueLexicon.Counts(total: 4, cue: 4, both: 4))
        #expect(throws: CueLexicon.LoadError.malformed(file: "cues.tsv", line: 4)) {
            try CueLexicon(serialized: "said\t9\t8\t0\n\n# note\nbroken\tx\t1\t0\n", name: "cues.tsv")
        }
    }
}
