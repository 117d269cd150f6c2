import Foundation

/// A path as the file system holds it: bytes, which need not be UTF-8 (a
/// file named on a system with another encoding, `caf\xE9.txt` in Latin-1).
/// A Swift `String` cannot hold such a name (decoding replaces the byte with
/// U+FFFD, and the file is then "not found"), so ingest opens files by these
/// bytes and shows them as `display`, where each byte that is not UTF-8 is
/// written `\xNN`.
public struct IngestPath: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]
    /// The path for messages and the store: the bytes as UTF-8, each byte
    /// that is not UTF-8 written `\xNN`.
    public let display: String

    public init(_ path: String) {
        bytes = Array(path.utf8)
        display = path
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        display = IngestPath.displayText(bytes)
    }

    public var description: String { display }

    /// Whether the bytes are not UTF-8 (the display text escapes some).
    public var isEscaped: Bool { display.utf8.count != bytes.count || !display.utf8.elementsEqual(bytes) }

    /// `self/component`.
    func appending(_ component: [UInt8]) -> IngestPath {
        var joined = bytes
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        return IngestPath(bytes: joined + component)
    }

    /// The path with `suffix` added to its bytes (`.meta.json`).
    func adding(_ suffix: String) -> IngestPath { IngestPath(bytes: bytes + Array(suffix.utf8)) }

    /// The path without the extension of its last component (`a/b.txt` -> `a/b`).
    var withoutExtension: IngestPath {
        let nameStart = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        guard let dot = bytes[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot > nameStart else { return self }
        return IngestPath(bytes: Array(bytes[..<dot]))
    }

    /// Calls `body` with the path as a C string (for `open`, `stat`, `realpath`).
    func withCString<T>(_ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// `stat` of what the path names, following symbolic links; nil when nothing is there.
    func status() -> stat? {
        var info = stat()
        return withCString { stat($0, &info) } == 0 ? info : nil
    }

    var exists: Bool { status() != nil }
    var isDirectory: Bool { status().map { $0.st_mode & S_IFMT == S_IFDIR } ?? false }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    func resolved() -> IngestPath? {
        guard let real = withCString({ realpath($0, nil) }) else { return nil }
        defer { free(real) }
        return IngestPath(bytes: Array(UnsafeRawBufferPointer(start: real, count: strlen(real))))
    }

    /// The names in the directory (not `.` and `..`), as the file system has them.
    func directoryEntries() throws(IngestError) -> [[UInt8]] {
        guard let directory = withCString({ opendir($0) }) else { throw IngestError(path: display, reason: "cannot list directory") }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return names
    }

    /// The whole file.
    func readContents() throws(IngestError) -> [UInt8] {
        let descriptor = withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw IngestError(path: display, reason: "cannot read file") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw IngestError(path: display, reason: "cannot read file")
        }
    }

    /// The bytes as UTF-8, each byte of an invalid sequence written `\xNN`.
    static func displayText(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var text = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var position = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                position += encoded.count
            case .error(let length):
                for byte in bytes[position..<(position + length)] {
                    text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
                position += length
            case .emptyInput:
                return text
            }
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
