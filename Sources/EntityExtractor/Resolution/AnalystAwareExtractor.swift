import DossierCore
import Foundation

/// The extractor as the store uses it at ingest and re-extraction: the bundled
/// model and gazetteers with an analyst's additions on top.
public struct AnalystAwareExtractor: MentionExtractor {
    public let extractor: EntityExtractor
    public let lexicon: AnalystLexicon
    /// The data files' version: a new model or gazetteer makes every stored
    /// article stale. The analyst's additions are not part of it, because an
    /// addition can only change articles containing its names, and those are
    /// re-extracted when it is made (`MentionReextraction.run(mentioningAnyOf:)`).
    public var version: String { ExtractorResources.version }

    public init(extractor: EntityExtractor, lexicon: AnalystLexicon) {
        self.extractor = extractor
        self.lexicon = lexicon
    }

    public init(extractor: EntityExtractor, analystEntities: [AnalystEntity], corrections: [TypeCorrection] = []) {
        self.init(extractor: extractor, lexicon: AnalystLexicon(entries: analystEntities, corrections: corrections))
    }

    public func mentions(in text: String) -> [Mention] {
        extractor.extract(text, lexicon: lexicon)
    }
}

extension EntityExtractor {
    private static let loaded = Result { try EntityExtractor.bundled() }

    /// The bundled extractor, loaded once per process on first use (reading
    /// the model and gazetteers takes a moment; they never change while running).
    public static func shared() throws -> EntityExtractor { try loaded.get() }
}

/// Identifies the data the extractor ships with.
public enum ExtractorResources {
    /// "ner-<digest>": a digest of every data file's name and bytes, so a
    /// retrained model or a rebuilt gazetteer changes it.
    public static let version: String = {
        var digest = FNV1a64()
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Resources"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return "ner-unknown" }
        for name in names.sorted() where !name.hasPrefix(".") {
            digest.add(Data(name.utf8))
            if let data = try? Data(contentsOf: directory.appendingPathComponent(name)) { digest.add(data) }
        }
        return "ner-" + String(digest.value, radix: 16)
    }()
}

/// 64-bit FNV-1a: a fast, stable digest for change detection (not security).
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        for byte in data {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }
}
