import DossierCore

/// Reads the gazetteer TSV format (see `scripts/build-gazetteers`):
///
///     # comment
///     name <TAB> type <TAB> kind <TAB> link <TAB> alias|alias|...
///
/// A malformed line (unknown type, too few columns) is skipped, not fatal: a
/// hand-edited curated file should cost its bad line, not the extractor.
enum GazetteerFile {
    /// The files are read at every start of the extractor: their lines and
    /// columns are cut on UTF-8 bytes, not characters (a tab or a line feed
    /// is never part of a larger character).
    static func parse(_ text: String) -> [GazetteerEntry] {
        var entries: [GazetteerEntry] = []
        TabSeparatedLines.forEachLine(in: text) { _, line in
            if !line.isEmpty, let entry = entry(line) { entries.append(entry) }
        }
        return entries
    }

    /// The entry of one line; nil for a comment or a malformed line.
    private static func entry(_ line: UnsafeBufferPointer<UInt8>) -> GazetteerEntry? {
        guard line.first != UInt8(ascii: "#") else { return nil }
        let columns = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard columns.count >= 3, let type = EntityType(rawValue: TabSeparatedLines.string(columns[1])) else { return nil }
        let name = TabSeparatedLines.string(trimmingSpaces(columns[0]))
        guard !name.isEmpty else { return nil }
        let link = columns.count > 3 && !columns[3].isEmpty ? TabSeparatedLines.string(columns[3]) : nil
        let aliases = columns.count > 4
            ? columns[4].split(separator: UInt8(ascii: "|")).map { TabSeparatedLines.string(trimmingSpaces($0)) }.filter { !$0.isEmpty }
            : []
        return GazetteerEntry(name: name, type: type, kind: TabSeparatedLines.string(columns[2]), link: link, aliases: aliases)
    }

    /// Without the spaces at either end.
    private static func trimmingSpaces(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var trimmed = bytes
        while let first = trimmed.first, first == UInt8(ascii: " ") { trimmed.removeFirst() }
        while let last = trimmed.last, last == UInt8(ascii: " ") { trimmed.removeLast() }
        return trimmed
    }
}
