import DossierCore
import Foundation

/// A TimeML document (.tml) as the temporal tagger is scored on it: the plain
/// text inside `<TEXT>`, the TIMEX3 annotations in it as byte ranges of that
/// text, and the document creation time (DCT), which is the tagger's anchor.
///
/// Read with a small scanner rather than an XML parser: TimeBank and
/// AQUAINT files are flat (TIMEX3, EVENT and SIGNAL tags inside TEXT, no
/// nesting of TIMEX3), and the scanner keeps exact byte offsets of the text.
public struct TimeMLDocument: Sendable {
    public struct Timex: Hashable, Sendable {
        /// 0-based, half-open byte range in `text`.
        public var range: Range<Int>
        public var text: String
        public var type: String
        public var value: String
        public var modifier: String?
    }

    public var name: String
    /// The plain text of `<TEXT>`, tags removed, entities decoded.
    public var text: String
    public var timexes: [Timex]
    /// The DCT's TIMEX3 value ("1998-01-08").
    public var creationTime: String?

    /// The DCT as an anchor for the tagger.
    public var anchor: PublicationDate? {
        guard let creationTime else { return nil }
        return Self.publicationDate(creationTime)
    }

    /// "1998-01-08", "1998-01-08T14:30:00", "19980108" as a PublicationDate.
    static func publicationDate(_ value: String) -> PublicationDate? {
        let digits = value.filter(\.isNumber)
        guard digits.count >= 8, let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
              let day = Int(digits.dropFirst(6).prefix(2)) else {
            if digits.count == 4, let year = Int(digits) { return PublicationDate(year: year) }
            return nil
        }
        return PublicationDate(year: year, month: month, day: day)
    }

    /// Parses the contents of a .tml file.
    public init(name: String, contents: String) {
        self.name = name
        var bytes = Array(contents.utf8)
        bytes.append(0)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var timexes: [Timex] = []
        var creationTime: String?
        var index = 0
        var inText = false
        var inDCT = false
        var open: (start: Int, attributes: [String: String])?
        let count = bytes.count - 1
        while index < count {
            let byte = bytes[index]
            if byte == 0x3C { // <
                var end = index + 1
                while end < count, bytes[end] != 0x3E { end += 1 }
                let tag = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                index = end + 1
                let isClosing = tag.hasPrefix("/")
                let name = (isClosing ? tag.dropFirst() : Substring(tag)).prefix { !$0.isWhitespace && $0 != "/" }
                switch (name, isClosing) {
                case ("TEXT", false): inText = true
                case ("TEXT", true): inText = false
                case ("DCT", false): inDCT = true
                case ("DCT", true): inDCT = false
                case ("TIMEX3", false):
                    let attributes = Self.attributes(of: tag)
                    if inDCT || attributes["functionInDocument"] == "CREATION_TIME" {
                        if creationTime == nil { creationTime = attributes["value"] }
                    } else if inText {
                        open = (output.count, attributes)
                    }
                case ("TIMEX3", true):
                    if let (start, attributes) = open, inText {
                        let text = String(decoding: output[start..<output.count], as: UTF8.self)
                        timexes.append(Timex(range: start..<output.count, text: text, type: attributes["type"] ?? "",
                                             value: attributes["value"] ?? "", modifier: attributes["mod"]))
                    }
                    open = nil
                default: break
                }
                continue
            }
            if inText {
                if byte == 0x26, let (decoded, length) = Self.entity(bytes, at: index) {
                    output.append(contentsOf: decoded.utf8)
                    index += length
                    continue
                }
                output.append(byte)
            }
            index += 1
        }
        self.text = String(decoding: output, as: UTF8.self)
        self.timexes = timexes
        self.creationTime = creationTime
    }

    /// `name="value"` pairs of a tag.
    static func attributes(of tag: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(tag)
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].split(whereSeparator: { $0.isWhitespace }).last.map(String.init) ?? ""
            var after = rest[rest.index(after: equals)...]
            guard let quote = after.first, quote == "\"" || quote == "'" else { break }
            after = after.dropFirst()
            guard let close = after.firstIndex(of: quote) else { break }
            result[name] = String(after[..<close])
            rest = after[after.index(after: close)...]
        }
        return result
    }

    private static func entity(_ bytes: [UInt8], at index: Int) -> (String, Int)? {
        var end = index + 1
        while end < bytes.count, end - index < 10, bytes[end] != 0x3B { end += 1 }
        guard end < bytes.count, bytes[end] == 0x3B else { return nil }
        let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        let length = end - index + 1
        switch name {
        case "amp": return ("&", length)
        case "lt": return ("<", length)
        case "gt": return (">", length)
        case "quot": return ("\"", length)
        case "apos": return ("'", length)
        default:
            if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                return (String(Character(scalar)), length)
            }
            if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                return (String(Character(scalar)), length)
            }
            return nil
        }
    }

    /// Why a corpus folder could not be read.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Every .tml file under `directory` (recursively, following symbolic
    /// links to folders), sorted by path.
    public static func load(directory: String) throws -> [TimeMLDocument] {
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError(description: "\(directory): no such folder")
        }
        // (file to read, name relative to the root: "TimeBank/ABC19980108.1830.0711.tml")
        var files: [(path: String, name: String)] = []
        var folders: [(path: String, name: String)] = [(root.path, "")]
        var visited: Set<String> = []
        while let folder = folders.popLast() {
            guard visited.insert(folder.path).inserted else { continue } // a link back up
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for entry in entries {
                let path = URL(fileURLWithPath: folder.path).appendingPathComponent(entry).resolvingSymlinksInPath().path
                let name = folder.name.isEmpty ? entry : folder.name + "/" + entry
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                    folders.append((path, name))
                } else if entry.hasSuffix(".tml") {
                    files.append((path, name))
                }
            }
        }
        if files.isEmpty {
            throw LoadError(description: "\(directory): no .tml files")
        }
        return try files.sorted { $0.name < $1.name }.map { file in
            TimeMLDocument(name: file.name, contents: try String(contentsOfFile: file.path, encoding: .utf8))
        }
    }
}
