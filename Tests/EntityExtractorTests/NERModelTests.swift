import EntityExtractor
import Foundation
import Testing

/// Loads the shipped model (its feature version must match the code's) and
/// tags a sentence. Not timed: the shared machine's load made a time limit flaky.
@Test func bundledModelLoadsAndTagsANewsSentence() throws {
    let model = try NERModel.bundled()
    let text = TokenizedText(text: "Prime Minister Shehbaz Sharif met officials in Dhaka on Monday.")
    let spans = model.tag(text)
    func words(_ span: TaggedSpan) -> String {
        span.tokens.map { text.text(of: text.tokens[$0]) }.joined(separator: " ")
    }
    #expect(spans.contains { $0.label == .person && words($0) == "Shehbaz Sharif" }, "\(spans.map(words))")
    #expect(spans.contains { $0.label == .location && words($0) == "Dhaka" }, "\(spans.map(words))")
}

@Test func taggingOddInputNeverCrashes() throws {
    let model = try NERModel.bundled()
    #expect(model.tag(TokenizedText(text: "")).isEmpty)
    _ = model.tag(TokenizedText(text: "Москва 北京 🇧🇩 \u{0}\u{FFFD} ..."))
    _ = model.tag(TokenizedText(words: ["Pakistan"]))
}
