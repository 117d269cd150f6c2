import Foundation
import Testing
@testable import ArticleStore

@Suite struct HTMLExtractionEvaluationTests {
    @Test func scoresWantedAndUnwantedSnippetsPerPage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("html-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("pages"), withIntermediateDirectories: true)
        let page = """
            <html><head><title>Talks resume</title></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Talks resume in Dhaka</h1>
            <p>Diplomats from Pakistan and Bangladesh met in Dhaka on Monday for the first formal consultations in years.</p>
            <p>The talks covered trade, visas and security cooperation, according to a statement issued afterwards.</p>
            </article>
            <footer>Copyright 2025 Example News. All rights reserved.</footer>
            </body></html>
            """
        try page.write(to: directory.appendingPathComponent("pages/a.html"), atomically: true, encoding: .utf8)
        let expected = """
            [{"file": "pages/a.html", "with": ["first formal consultations", "security cooperation"], "without": ["All rights reserved"]},
             {"file": "pages/a.html", "with": ["not on the page"], "without": ["Dhaka on Monday"]},
             {"file": "pages/missing.html", "with": ["x"], "without": []}]
            """
        try expected.write(to: directory.appendingPathComponent("expected.json"), atomically: true, encoding: .utf8)

        let pages = try HTMLExtractionEvaluation.loadPages(from: directory.path)
        let evaluation = HTMLExtractionEvaluation.run(directory: directory.path, pages: pages)
        #expect(evaluation.results.map(\.passed) == [true, false, false])
        #expect(evaluation.wantedFound == 2 && evaluation.wantedTotal == 4)
        #expect(evaluation.unwantedLeaked == 1 && evaluation.unwantedTotal == 2)
        #expect(evaluation.results[2].error != nil)
    }

    @Test func halvesSplitPagesByAStableHashOfTheirFileName() {
        let pages = ["pages/a.html", "pages/b.html", "pages/c.html", "pages/d.html"]
            .map { HTMLExtractionEvaluation.Page(file: $0, wanted: [], unwanted: []) }
        // FNV-1a of the names: even for a and c, odd for b and d.
        #expect(pages.filter(HTMLExtractionEvaluation.Half.first.contains).map(\.file) == ["pages/a.html", "pages/c.html"])
        #expect(pages.filter(HTMLExtractionEvaluation.Half.second.contains).map(\.file) == ["pages/b.html", "pages/d.html"])
    }
}
