import Testing
@testable import PostgresStore

/// The translation of the analyst's FTS5-style syntax into to_tsquery text
/// (what it means is tested on both backends in ArticleConformanceTests).
@Suite struct TextSearchQueryTests {
    @Test func operatorsBindAsInFTS5() throws {
        #expect(try TextSearchQuery.translate("a b") == "('a' & 'b')")
        #expect(try TextSearchQuery.translate("a AND b OR c") == "(('a' & 'b') | 'c')")
        #expect(try TextSearchQuery.translate("a OR b c") == "('a' | ('b' & 'c'))")
        #expect(try TextSearchQuery.translate("a NOT b c") == "(('a' & !'b') & 'c')")
        #expect(try TextSearchQuery.translate("(a OR b) NOT c") == "(('a' | 'b') & !'c')")
    }

    @Test func termsAreQuotedWithPrefixesAndWeights() throws {
        #expect(try TextSearchQuery.translate("\"new york\" pak*") == "('new york' & 'pak':*)")
        #expect(try TextSearchQuery.translate("title:ISI body:dgfi subtitle:x") == "('ISI':A & 'dgfi':B & 'x':C)")
        #expect(try TextSearchQuery.translate("O'Brien") == "'O''Brien'")
        #expect(try TextSearchQuery.translate("back\\slash") == "'back\\\\slash'")
        #expect(try TextSearchQuery.translate("\"say \"\"no\"\"\"") == "'say \"no\"'")
        #expect(try TextSearchQuery.translate("a|b & !c") == "('a|b' & '&' & '!c')")
    }

    @Test func nearIsEitherOrderWithinTheDistance() throws {
        #expect(try TextSearchQuery.translate("NEAR(a b, 1)") == "('a' <1> 'b' | 'b' <1> 'a' | 'a' <2> 'b' | 'b' <2> 'a')")
        let three = try TextSearchQuery.translate("NEAR(a b c, 0)")
        #expect(three == "(('a' <1> 'b' | 'b' <1> 'a') & ('a' <1> 'c' | 'c' <1> 'a') & ('b' <1> 'c' | 'c' <1> 'b'))")
        #expect(try TextSearchQuery.translate("NEAR(a)") == "'a'")
        #expect(try TextSearchQuery.translate("near") == "'near'")
    }

    @Test func aColonAfterAWordThatIsNoColumnIsText() throws {
        // SQLite reads "x:y" as the phrase "x y"; here both words must match.
        #expect(try TextSearchQuery.translate("x:y") == "('x' & 'y')")
    }

    @Test(arguments: ["\"open", "AND", "a OR", "(a", "a)", "NEAR(a b, many)", "NEAR(a b", "*", "title:title:a"])
    func malformedQueriesAreSyntaxErrors(_ text: String) {
        #expect(throws: TextSearchQuery.SyntaxError.self) { try TextSearchQuery.translate(text) }
    }
}
