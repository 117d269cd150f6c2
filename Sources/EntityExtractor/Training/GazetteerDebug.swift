import Foundation
public enum GazetteerDebug {
    public static func describe() -> String {
        let u = Bundle.module.url(forResource: "gazetteer-countries", withExtension: "tsv", subdirectory: "Resources")
        let g = GazetteerMatcher.bundled()
        return "\(String(describing: u)) \(g.isEmpty) \(g.longestName) \(Bundle.module.resourceURL as Any)"
    }
}
