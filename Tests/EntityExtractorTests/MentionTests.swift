import DossierCore
import Testing

@Test func mentionByteRangeIsZeroBasedHalfOpen() {
    let text = "In Dhaka, officials"
    let mention = Mention(text: "Dhaka", type: .geopolitical, entity: "Dhaka", start: 4, stop: 8, sentence: 1, source: .gazetteer)
    let bytes = Array(text.utf8)
    #expect(String(decoding: bytes[mention.byteRange], as: UTF8.self) == "Dhaka")
    #expect(mention.entityType == .geopolitical)
}
