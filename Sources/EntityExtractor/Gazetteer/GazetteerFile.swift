import DossierCore

/// Reads the gazetteer TSV format (see `scripts/build-gazetteers`):
///
///     # comment
///     name <TAB> type <TAB> kind <TAB> link <TAB> alias|alias|...
///
/// A malformed line (unknown type, too few columns) is skipped, not fatal: a
/// hand-edited curated file should cost its bad line, not the extractor.
enum GazetteerFile {
    static func parse(_ text: String) -> [GazetteerEntry] {
        var entries: [GazetteerEntry] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 3, let type = EntityType(rawValue: String(columns[1])) else { continue }
            let name = String(columns[0]).trimmingSpaces
            guard !name.isEmpty else { continue }
            let link = columns.count > 3 && !columns[3].isEmpty ? String(columns[3]) : nil
            let aliases = columns.count > 4
                ? columns[4].split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                : []
            entries.append(GazetteerEntry(name: name, type: type, kind: String(columns[2]), link: link, aliases: aliases))
        }
        return entries
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
