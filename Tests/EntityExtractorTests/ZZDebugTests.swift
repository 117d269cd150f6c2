import DossierCore
@testable import EntityExtractor
import Foundation
import Testing

@Test func zzPerf() throws {
    let text = String(repeating: Fixtures.seed("003_cef261d7efc6bb5d.txt") + "\n\n", count: 50)
    let t0 = Date()
    let tok = TokenizedText(text: text)
    let t1 = Date()
    let spans = try NERModel.bundled().tag(tok)
    let t2 = Date()
    let e = EntityExtractor(gazetteer: Fixtures.gazetteer, tagger: { _ in spans })
    let m = e.extract(tok)
    let t3 = Date()
    print("PERF bytes \(text.utf8.count) tokens \(tok.tokens.count) tokenize \(t1.timeIntervalSince(t0)) model \(t2.timeIntervalSince(t1)) rules \(t3.timeIntervalSince(t2)) mentions \(m.count)")
}
