/// The lines of a table of figures: a Markdown table (after a blank line) for
/// docs/benchmarks.md, or fixed-width columns for a terminal, the first column
/// `labelWidth` wide and the figures 12.
func figureTable(header: [String], rows: [[String]], labelWidth: Int, markdown: Bool) -> [String] {
    if markdown {
        return ["", "| " + header.joined(separator: " | ") + " |",
                "|---|" + header.dropFirst().map { _ in "---:" }.joined(separator: "|") + "|"]
            + rows.map { "| " + $0.joined(separator: " | ") + " |" }
    }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { $0.element.padding(toLength: $0.offset == 0 ? labelWidth : 12, withPad: " ", startingAt: 0) }.joined()
    }
    return [line(header)] + rows.map(line)
}
