/// Which words of a sentence are inside a direct quotation, and which one.
///
/// A name inside a quotation takes part in the quoted words only: in
/// "“... it’s ‘Everything but Hillary Clinton’,” Le Pen told CNN" the telling
/// is Le Pen's, not Clinton's. Quotation marks are the straight double quote
/// (opening and closing in turn), the curly “ and ”, and the doubled
/// apostrophes and backquotes of wire copy (''...'', ``...''). Single quotes
/// are left alone: they are apostrophes as often as quotation marks.
struct Quotations {
    /// For every word, 0 outside any quotation, else the quotation's number
    /// (1, 2, ... in the sentence).
    private(set) var numbers: [Int]
    /// Whether the sentence ends inside a quotation (one running on into the
    /// next sentence).
    private(set) var endsOpen: Bool

    /// `startsOpen`: the sentence begins inside a quotation opened before it.
    init(words: [EventTrigger.Word], bytes: ArraySlice<UInt8>, startsOpen: Bool) {
        var marks: [(position: Int, mark: Mark)] = []
        let base = bytes.startIndex
        var position = 0
        while position < bytes.count {
            let byte = bytes[base + position]
            if byte == UInt8(ascii: "\"") {
                marks.append((position, .toggle))
            } else if byte == 0xE2, position + 2 < bytes.count, bytes[base + position + 1] == 0x80,
                      bytes[base + position + 2] == 0x9C || bytes[base + position + 2] == 0x9D {
                marks.append((position, bytes[base + position + 2] == 0x9C ? .open : .close))
                position += 2
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`"), position + 1 < bytes.count, bytes[base + position + 1] == byte {
                marks.append((position, byte == UInt8(ascii: "`") ? .open : .toggle))
                position += 1
            }
            position += 1
        }
        var inside = startsOpen
        var current = startsOpen ? 1 : 0
        var count = current
        var next = 0
        numbers = []
        numbers.reserveCapacity(words.count)
        for word in words {
            while next < marks.count, marks[next].position < word.range.lowerBound {
                let opens: Bool
                switch marks[next].mark {
                case .open: opens = true
                case .close: opens = false
                case .toggle: opens = !inside
                }
                if opens, !inside { count += 1; current = count }
                inside = opens
                next += 1
            }
            numbers.append(inside ? current : 0)
        }
        // Marks after the last word ("... the end.”").
        while next < marks.count {
            switch marks[next].mark {
            case .open: inside = true
            case .close: inside = false
            case .toggle: inside.toggle()
            }
            next += 1
        }
        endsOpen = inside
    }

    private enum Mark {
        case open, close, toggle
    }

    func isQuoted(_ word: Int) -> Bool { word < numbers.count && numbers[word] != 0 }

    /// Whether two words are in the same quotation, or both outside any.
    func sameQuotation(_ a: Int, _ b: Int) -> Bool {
        guard a < numbers.count, b < numbers.count else { return true }
        return numbers[a] == numbers[b]
    }
}
