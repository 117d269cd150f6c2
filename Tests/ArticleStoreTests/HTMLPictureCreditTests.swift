import ArticleStore
import DossierCore
import Foundation
import Testing

/// A picture's credit goes by the class that names it ("…caption--source",
/// "…image-credit"), wherever the page puts the picture; its description
/// stays, and so does a wrapper whose class only begins with "credit".
@Suite struct HTMLPictureCreditTests {
    private func extract(_ html: String) throws(IngestError) -> ArticleDraft {
        try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
    }

    private static let paragraphs = [
        "Fifteen days after her appointment, the prime minister presented her cabinet of twenty-five ministers, nine of them women.",
        "Two and a half months earlier, on the day of the republic, thousands of citizens had filled the streets of the capital.",
        "Criticism of the emergency measures, and of their extension without a time limit, is growing, even among supporters.",
        "The largest party in parliament, which has governed since 2011, condemned the measures as a coup on the following day.",
    ]

    private func page(picture: String) -> String {
        """
        <html><body><div class="story">
        \(picture)
        \(Self.paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </div></body></html>
        """
    }

    @Test(arguments: [
        #"<p class="media__caption media__caption--source">Jane Roe, Avenue of the Republic, the capital.</p>"#,
        #"<span class="figure__caption-source">Jane Roe, Avenue of the Republic, the capital.</span>"#,
        #"<span class="gallery-image-credit">Jane Roe, Avenue of the Republic, the capital.</span>"#,
        #"<span class="credit img__credit">Jane Roe, Avenue of the Republic, the capital.</span>"#,
        #"<div class="pictureSource">Jane Roe, Avenue of the Republic, the capital.</div>"#,
    ])
    func aCreditNamedByItsClassGoesAndTheDescriptionStays(credit: String) throws {
        let picture = """
            <div class="media__image"><img src="/protest.jpg" alt="">
            <p class="media__caption media__caption--description">Citizens protested in the summer against the government's handling of the economy.</p>
            \(credit)</div>
            """
        let draft = try extract(page(picture: picture))
        #expect(draft.body.contains("Citizens protested in the summer against the government's handling of the economy."))
        #expect(!draft.body.contains("Jane Roe"))
        for paragraph in Self.paragraphs { #expect(draft.body.contains(paragraph)) }
    }

    @Test func aClassThatIsNotAPicturesCreditStays() throws {
        // A wrapper named first for its credit, a source list without a
        // picture word, and a paragraph about a credit card keep their text.
        let picture = """
            <div class="credit-image-wrap"><img src="/a.jpg" alt=""><p class="caption">The harbour at dawn, before the ferries leave.</p></div>
            <p class="references__source">Survey of the research network, 2021.</p>
            <p class="credit-card-offer">Credit cards issued by the state bank were suspended for a week in March.</p>
            """
        let draft = try extract(page(picture: picture))
        #expect(draft.body.contains("The harbour at dawn, before the ferries leave."))
        #expect(draft.body.contains("Survey of the research network, 2021."))
        #expect(draft.body.contains("Credit cards issued by the state bank were suspended for a week in March."))
    }
}
