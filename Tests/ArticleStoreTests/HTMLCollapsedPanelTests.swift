import ArticleStore
import DossierCore
import Foundation
import Testing

/// A collapsed panel (an accordion's closed section, a closed `<details>`)
/// is part of what a page shows, never the whole: a long interview attached
/// below a story must not be taken for the story, and a page of questions
/// whose answers are all closed is still read whole.
@Suite struct HTMLCollapsedPanelTests {
    private func extract(_ html: String) throws(IngestError) -> ArticleDraft {
        try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
    }

    private static let story = [
        [
            "Fifteen days after her appointment, the prime minister presented her cabinet of twenty-five ministers, nine of them women.",
            "Two and a half months earlier, on the day of the republic, thousands of citizens had filled the streets of the capital.",
        ],
        [
            "Criticism of the emergency measures, and of their extension without a time limit, is growing, even among supporters.",
            "The largest party in parliament, which has governed since 2011, condemned the measures as a coup on the following day.",
        ],
        [
            "According to a survey by a pan-African research network, most of those asked prefer democracy to any other system.",
            "Dissatisfaction with the economy, with unemployment, prices and corruption, is high, the survey found, in every region.",
            "Others, in the cities and in the south, fear a return to one-man rule, and insist that the constitution be restored.",
        ],
        [
            "Until recently the country was the model of a democratic transition, and proof that such a transition can succeed.",
            "For the poorer part of the population, prices rose again this year, and ten years of democracy have brought no gain.",
            "Reforms of the economy, of security and of transitional justice were postponed for years, in the name of consensus.",
        ],
    ]

    /// Twelve long answers, more text than the story: by score alone the panel wins.
    private static let interview = (1...12).map { number in
        "Answer \(number): the economic situation, which the revolution of 2011 was meant to change, has not improved, "
            + "and unemployment, in particular among graduates, has grown in every one of the last ten years, the dean said."
    }

    @Test func aLongInterviewInAClosedPanelDoesNotReplaceTheStoryBesideIt() throws {
        // The interview (eight long answers) outscores each section of the
        // story, and the story's container scores over a third of it.
        let sections = Self.story.map { paragraphs in
            "<div class=\"media\">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div>"
        }.joined(separator: "\n")
        let html = """
            <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div class="page"><div class="news-detail">
            \(sections)
            <div class="accordion"><div class="panel">
            <div class="panel-heading"><a class="collapsed" href="#interview">Interview with the dean</a></div>
            <div id="interview" class="panel-collapse collapse"><div class="panel-body"><div class="row"><div class="col"><div class="media">
            \(Self.interview.prefix(8).map { "<p>\($0)</p>" }.joined())
            </div></div></div></div></div>
            </div></div>
            </div></div>
            <footer><p>Foundation office, 12 Avenue of the Republic, the capital.</p></footer>
            </body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.story.joined() { #expect(draft.body.contains(paragraph), "\(paragraph)") }
        #expect(!draft.body.contains("Avenue of the Republic"))
    }

    @Test func anOpenPanelCompetesLikeAnyContainer() throws {
        // "collapse in" / "collapse show" is open: the interview shown is the longest text.
        let html = """
            <html><body><div class="page">
            <div class="teaser"><p>\(Self.story[0][0])</p></div>
            <div class="panel"><div class="panel-heading">Interview</div>
            <div class="panel-collapse collapse show"><div class="panel-body"><div class="media">
            \(Self.interview.map { "<p>\($0)</p>" }.joined())
            </div></div></div></div>
            </div></body></html>
            """
        let draft = try extract(html)
        #expect(draft.body.contains(Self.interview[11]))
        #expect(!draft.body.contains(Self.story[0][0]))
    }

    @Test func aPageOfClosedAnswersIsReadWhole() throws {
        // Every answer is closed, in <details> or in accordion panels: the
        // section holding them is the page's text.
        let questions = Self.interview.enumerated().map { index, answer in
            index.isMultiple(of: 2)
                ? "<details><summary>Question \(index + 1)?</summary><div class=\"answer\"><p>\(answer)</p></div></details>"
                : "<div class=\"faq-item\"><h3>Question \(index + 1)?</h3><div class=\"collapse\"><div class=\"answer\"><p>\(answer)</p></div></div></div>"
        }.joined(separator: "\n")
        let html = """
            <html><body><header><a href="/">Home</a></header>
            <div class="reviews"><p>“The easiest way to run one system inside another,” a reviewer wrote.</p></div>
            <section class="faq"><div class="questions">\(questions)</div></section>
            </body></html>
            """
        let draft = try extract(html)
        for answer in Self.interview { #expect(draft.body.contains(answer), "\(answer)") }
    }
}
