import GRDB

/// The rows of one kind that the store cannot read, for `integrityCheck`:
/// the first `limit` reasons, and how many rows failed in all.
struct UnreadableRows {
    let kind: String
    let limit: Int
    private(set) var reasons: [String] = []
    private(set) var count = 0

    init(_ kind: String, limit: Int) {
        self.kind = kind
        self.limit = limit
    }

    /// Reads every row `sql` selects with `read`, noting each that fails.
    mutating func check(_ db: Database, _ sql: String, _ read: (Row) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() {
            do { try read(row) } catch {
                count += 1
                if count <= limit { reasons.append(String(describing: error)) }
            }
        }
    }

    /// The reasons, then a line for those past the limit.
    var lines: [String] {
        count > limit ? reasons + ["... and \(count - limit) more bad \(kind)"] : reasons
    }
}
