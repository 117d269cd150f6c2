/// Keeps libxml2's HTML parser linear on pages with elements carrying very
/// many attributes. The parser checks each new attribute against every one
/// already read on the element, so one element with 80,000 attributes took
/// 15 s and with 200,000 over two minutes. No real page needs more than a few
/// dozen on one element; past `maximumPerElement`, the rest of a start tag's
/// attributes are cut before parsing.
///
/// The scan is a small HTML tokenizer over the bytes: it knows comments,
/// quoted values (a `>` inside quotes does not end a tag) and the raw text of
/// `<script>` and `<style>`, enough to find start tags as the parser will.
enum AttributeBudget {
    static let maximumPerElement = 128

    /// The bytes with over-long start tags cut, or nil when no tag needed it
    /// (the common case: no copy is made).
    static func capped(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { buffer -> [UInt8]? in
            var cuts: [Range<Int>] = []
            var scanner = Scanner(bytes: buffer)
            scanner.scan { cuts.append($0) }
            guard !cuts.isEmpty else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(buffer.count)
            var position = 0
            for cut in cuts {
                result.append(contentsOf: buffer[position..<cut.lowerBound])
                position = cut.upperBound
            }
            result.append(contentsOf: buffer[position...])
            return result
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func scan(cut: (Range<Int>) -> Void) {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                    index += 1
                    continue
                }
                let next = bytes[index + 1]
                if next == UInt8(ascii: "!"), index + 3 < bytes.count, bytes[index + 2] == UInt8(ascii: "-"),
                   bytes[index + 3] == UInt8(ascii: "-") {
                    index = endOfComment(from: index + 4)
                } else if isASCIILetter(next) {
                    startTag(cut: cut)
                } else {
                    index += 1
                }
            }
        }

        /// Reads a start tag from its `<`, reporting the attributes past the budget.
        private mutating func startTag(cut: (Range<Int>) -> Void) {
            index += 1
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
                  bytes[index] != UInt8(ascii: "/") {
                index += 1
            }
            let rawText = ["script", "style"].first { name in equalsIgnoringCase(name, nameStart..<index) }
            var attributes = 0
            var cutStart: Int?
            while index < bytes.count {
                let byte = bytes[index]
                if isSpace(byte) || byte == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: ">") { break }
                attributes += 1
                if attributes > AttributeBudget.maximumPerElement, cutStart == nil { cutStart = index }
                attribute()
            }
            if let cutStart { cut(cutStart..<index) }
            index += 1
            if let rawText { index = endOfRawText(rawText) }
        }

        /// Skips one attribute: its name, and `=` with a quoted or bare value.
        private mutating func attribute() {
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                  bytes[index] != UInt8(ascii: ">") {
                index += 1
            }
            var lookahead = index
            while lookahead < bytes.count, isSpace(bytes[lookahead]) { lookahead += 1 }
            guard lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "=") else { return }
            index = lookahead + 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                index += 1
                while index < bytes.count, bytes[index] != quote { index += 1 }
                // Past the closing quote; a value left open runs to the end.
                if index < bytes.count { index += 1 }
            } else {
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            }
        }

        /// Past the `</script` or `</style` that ends raw text (its `>` is then read as text, harmlessly).
        private func endOfRawText(_ name: String) -> Int {
            var position = index
            while position < bytes.count {
                if bytes[position] == UInt8(ascii: "<"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "/"),
                   position + 2 + name.utf8.count <= bytes.count,
                   equalsIgnoringCase(name, (position + 2)..<(position + 2 + name.utf8.count)) {
                    return position
                }
                position += 1
            }
            return position
        }

        /// Past the `-->` that closes a comment.
        private func endOfComment(from start: Int) -> Int {
            var position = start
            while position + 2 < bytes.count {
                if bytes[position] == UInt8(ascii: "-"), bytes[position + 1] == UInt8(ascii: "-"),
                   bytes[position + 2] == UInt8(ascii: ">") {
                    return position + 3
                }
                position += 1
            }
            return bytes.count
        }

        private func equalsIgnoringCase(_ name: String, _ range: Range<Int>) -> Bool {
            let pattern = Array(name.utf8)
            guard range.count == pattern.count else { return false }
            return pattern.indices.allSatisfy { bytes[range.lowerBound + $0] | 0x20 == pattern[$0] }
        }

        private func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }

        private func isASCIILetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }
    }
}
