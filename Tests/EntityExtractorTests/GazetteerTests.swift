import DossierCore
@testable import EntityExtractor
import Testing

@Suite struct GazetteerTests {
    let gazetteer = Fixtures.gazetteer

    @Test func bundledFilesLoadCountriesCitiesRegionsOrganisationsAndGroups() {
        #expect(gazetteer.entries.count > 5_000)
        #expect(gazetteer.lookup("Bangladesh")?.type == .geopolitical)
        #expect(gazetteer.lookup("Dhaka")?.link == "Bangladesh")
        #expect(gazetteer.lookup("Bay of Bengal")?.type == .location)
        #expect(gazetteer.lookup("Balochistan")?.type == .geopolitical)
        #expect(gazetteer.lookup("Kashmir")?.type == .location)
        #expect(gazetteer.lookup("Taliban")?.type == .organization)
        #expect(gazetteer.lookup("Muslims")?.type == .group)
    }

    @Test func aliasesLeadToTheCanonicalName() {
        #expect(gazetteer.lookup("U.S.")?.name == "United States")
        #expect(gazetteer.lookup("USA")?.name == "United States")
        #expect(gazetteer.lookup("Britain")?.name == "United Kingdom")
        #expect(gazetteer.lookup("ISI")?.name == "Inter-Services Intelligence")
        #expect(gazetteer.lookup("RAW")?.name == "Research and Analysis Wing")
        #expect(gazetteer.lookup("Bombay")?.name == "Mumbai")
        #expect(gazetteer.lookup("Burma")?.name == "Myanmar")
    }

    @Test func demonymsLinkToTheirCountry() {
        for (demonym, country) in [("Bangladeshi", "Bangladesh"), ("Pakistani", "Pakistan"), ("Indian", "India"),
                                   ("American", "United States"), ("British", "United Kingdom"), ("Pakistanis", "Pakistan")] {
            let entry = gazetteer.lookup(demonym)
            #expect(entry?.type == .group, "\(demonym)")
            #expect(entry?.link == country, "\(demonym)")
        }
    }

    @Test func caseInsensitiveExceptForAllCapitalNames() {
        #expect(gazetteer.lookup("NEW DELHI")?.name == "New Delhi")
        #expect(gazetteer.lookup("new delhi")?.name == "New Delhi")
        #expect(gazetteer.lookup("ISI") != nil)
        #expect(gazetteer.lookup("isi") == nil)
        #expect(gazetteer.lookup("raw") == nil)
        #expect(gazetteer.lookup("Raw") == nil)
    }

    @Test func commonWordsAreNotPlaces() {
        for word in ["Home", "Officials", "Reading", "Nice", "Mobile", "Unlock", "Analysts", "Training"] {
            #expect(gazetteer.lookup(word) == nil, "\(word)")
        }
    }

    @Test func longestMatchOverTokens() {
        let text = TokenizedText(text: "Talks in New Delhi and the Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation.")
        let matches = gazetteer.matches(in: text)
        let names = matches.map(\.entry.name)
        #expect(names.contains("New Delhi"))
        #expect(names.contains("Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation"))
        #expect(!names.contains("Bay of Bengal"))
    }

    @Test func possessiveAndCurlyApostropheNamesMatch() {
        let text = TokenizedText(text: "China’s People's Liberation Army")
        #expect(gazetteer.matches(in: text).map(\.entry.name) == ["China", "People's Liberation Army"])
    }

    @Test func entriesFromCodeAndMalformedLinesAreSkipped() {
        let entries = GazetteerFile.parse("# comment\nFoo Land\tGPE\tcountry\t\tFL|Fooland\nbad line\nX\tNOPE\tk\n")
        #expect(entries.count == 1)
        let small = Gazetteer(entries: entries)
        #expect(small.lookup("fooland")?.name == "Foo Land")
        #expect(small.lookup("FL")?.name == "Foo Land")
        #expect(small.lookup("fl") == nil)
    }

    /// Lines and columns are cut on bytes: every column as written, names and
    /// aliases trimmed of spaces, empty aliases dropped, non-ASCII kept whole.
    @Test func columnsAreReadAsWrittenAndNamesTrimmed() {
        let entries = GazetteerFile.parse("  Côte d’Ivoire \tGPE\tcountry\tQ1008\t CIV | | Ivory Coast\n\n#x\tGPE\tk\nSão Paulo\tGPE\tcity\n")
        #expect(entries.map(\.name) == ["Côte d’Ivoire", "São Paulo"])
        #expect(entries.first?.kind == "country")
        #expect(entries.first?.link == "Q1008")
        #expect(entries.first?.aliases == ["CIV", "Ivory Coast"])
        #expect(entries.last?.link == nil)
        #expect(entries.last?.aliases == [])
        // A file saved with Windows line ends is read line by line too.
        #expect(GazetteerFile.parse("Foo Land\tGPE\tcountry\t\tFL\r\nBar\tORG\tcompany\t\tBR\r\n").map(\.name) == ["Foo Land", "Bar"])
        // ... and a line that ends at its kind or link column keeps no carriage return in it.
        let short = GazetteerFile.parse("Foo Land\tGPE\tcountry\r\nBar\tORG\tcompany\tQ1\r\n")
        #expect(short.map(\.kind) == ["country", "company"])
        #expect(short.last?.link == "Q1")
    }

    /// Keys are compared in place against the tokens; the comparison must say
    /// exactly what building the key and comparing arrays says.
    @Test func inPlaceKeyComparisonAgreesWithBuiltKeys() {
        let texts = ["Côte d’Ivoire", "CÔTE D'IVOIRE", "New  York City", "ÉLYSÉE Palace", "a ’ b", "Bab-el-Mandeb", "x ×"]
        for text in texts {
            let bytes = Array(text.utf8)
            let tokens = Tokenizer.tokenize(bytes)
            bytes.withUnsafeBufferPointer { buffer in
                for folded in [false, true] {
                    for end in 1...tokens.count {
                        let slice = tokens[0..<end]
                        let built = NameKey.joined(slice, in: buffer, folded: folded)
                        #expect(NameKey.equals(built, slice, in: buffer, folded: folded), "\(text) \(end) \(folded)")
                        #expect(!NameKey.equals(built + [0x20], slice, in: buffer, folded: folded))
                        #expect(!NameKey.equals(Array(built.dropLast()), slice, in: buffer, folded: folded))
                        if end > 1 {
                            #expect(!NameKey.equals(NameKey.joined(tokens[0..<(end - 1)], in: buffer, folded: folded), slice,
                                                    in: buffer, folded: folded))
                        }
                    }
                }
            }
        }
        // Folding: the folded key of "CÔTE D'IVOIRE" is that of "Côte d’Ivoire".
        let upper = Array("CÔTE D'IVOIRE".utf8)
        let lower = Array("Côte d’Ivoire".utf8)
        let lowerKey = lower.withUnsafeBufferPointer { NameKey.joined(Tokenizer.tokenize(lower)[...], in: $0, folded: true) }
        upper.withUnsafeBufferPointer { buffer in
            #expect(NameKey.equals(lowerKey, Tokenizer.tokenize(upper)[...], in: buffer, folded: true))
            #expect(!NameKey.equals(lowerKey, Tokenizer.tokenize(upper)[...], in: buffer, folded: false))
        }
    }
}
