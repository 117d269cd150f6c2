import DossierCore
import Foundation

/// Metadata an analyst writes beside a capture that lacks it, in
/// `FILE.meta.json` (or `FILE-without-extension.meta.json`):
/// `{"outlet": "The Sunday Guardian", "published": "2025-12-28", "url": "..."}`.
/// What the sidecar says wins over what was parsed from the file.
struct ArticleMetadata: Decodable {
    var title: String?
    var subtitle: String?
    var byline: String?
    var outlet: String?
    var url: String?
    var published: String?
    var dateline: String?
    var language: String?

    /// A sidecar holds a few fields; a larger file is refused unread (a 60 MB
    /// sidecar was read whole).
    static let maximumSidecarBytes = 1 << 20

    static func sidecar(of path: IngestPath) throws(IngestError) -> ArticleMetadata? {
        for candidate in [path.adding(".meta.json"), path.withoutExtension.adding(".meta.json")] {
            guard let status = candidate.status() else { continue }
            let size = Int(status.st_size)
            guard size <= maximumSidecarBytes else {
                throw IngestError(path: candidate.display, reason: "metadata sidecar too large (\(size) bytes; the limit is \(maximumSidecarBytes))")
            }
            do {
                let data = Data(try candidate.readContents())
                let metadata = try JSONDecoder().decode(ArticleMetadata.self, from: data)
                if let published = metadata.published, NewsDateParser.parse(published) == nil {
                    throw IngestError(path: candidate.display, reason: "unknown date '\(published)' in \"published\"")
                }
                return metadata
            } catch let error as IngestError {
                throw error
            } catch {
                throw IngestError(path: candidate.display, reason: "malformed metadata sidecar (expected a JSON object of strings)")
            }
        }
        return nil
    }

    func apply(to draft: inout ArticleDraft) {
        if let title { draft.title = title }
        if let subtitle { draft.subtitle = subtitle }
        if let byline { draft.byline = byline }
        if let outlet { draft.outlet = outlet }
        if let url { draft.url = url }
        if let published, let date = NewsDateParser.parse(published) { draft.published = date }
        if let dateline { draft.dateline = dateline }
        if let language { draft.language = language }
    }
}
