import DossierCore
import Foundation

/// Identifies the data the extractor ships with.
public enum ExtractorResources {
    /// "ner-<digest>": a digest of every data file's name and bytes, so a
    /// retrained model or a rebuilt gazetteer changes it (and the store
    /// re-extracts articles made by the old one).
    public static let version: String = {
        var digest = FNV1a()
        // Found the way the model itself is found, wherever the bundle puts it.
        guard let model = Bundle.module.url(forResource: "ner-model", withExtension: "bin", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "ner-model", withExtension: "bin") else { return "ner-unknown" }
        let directory = model.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return "ner-unknown" }
        for name in names.sorted() where !name.hasPrefix(".") {
            digest.add(field: name)
            // Through the bytes in place: `Data`'s own iterator went byte by
            // byte through a call each, a noticeable part of a short ingest.
            if let data = try? Data(contentsOf: directory.appendingPathComponent(name)) {
                data.withUnsafeBytes { digest.add(bytes: $0) }
            }
        }
        return "ner-" + String(digest.value, radix: 16)
    }()
}
