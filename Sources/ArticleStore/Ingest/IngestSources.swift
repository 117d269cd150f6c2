import Foundation

/// Turns what the analyst named (files, directories, globs) into the list of
/// files to read, in a stable order. Directories are walked recursively;
/// hidden entries and metadata sidecars are skipped; a directory reached twice
/// (a symlink loop) is walked once. A symbolic link inside a walked directory
/// is followed only when it stays inside the directory the analyst named (a
/// corpus holding a link to /etc/passwd does not bring it in). With
/// `allowedRoots` (the sandbox), nothing outside those directories is read.
/// Paths are bytes (`IngestPath`): a file whose name is not UTF-8 is read too.
struct IngestSources {
    var files: [IngestPath] = []
    var errors: [IngestError] = []
    private let allowedRoots: [String]?

    init(paths: [IngestPath], allowedRoots: [String]? = nil) {
        self.allowedRoots = allowedRoots?.compactMap(resolvedPath)
        var visitedDirectories = Set<String>()
        for path in paths {
            if !path.isEscaped, path.display.contains(where: { "*?[".contains($0) }) && !path.exists {
                let matches = expandGlob(path.display)
                if matches.isEmpty { errors.append(IngestError(path: path.display, reason: "no file matches this pattern")) }
                for match in matches { addNamed(match, visited: &visitedDirectories) }
            } else {
                addNamed(path, visited: &visitedDirectories)
            }
        }
    }

    /// A path the analyst named: its own symbolic links are followed, but only
    /// into the allowed roots when there are any.
    private mutating func addNamed(_ path: IngestPath, visited: inout Set<String>) {
        let real = path.resolved()?.display
        if let allowedRoots, let real, !allowedRoots.contains(where: { isWithin(real, $0) }) {
            errors.append(IngestError(path: path.display, reason: "outside the directories ingest may read (--allow-read)"))
            return
        }
        add(path, root: real, visited: &visited)
    }

    private mutating func add(_ path: IngestPath, root: String?, visited: inout Set<String>) {
        guard let status = path.status() else {
            errors.append(IngestError(path: path.display, reason: "no such file or directory"))
            return
        }
        let real = path.resolved()?.display ?? path.display
        if let root, !isWithin(real, root) {
            errors.append(IngestError(path: path.display, reason: "a symbolic link to \(real), outside \(root): not followed"))
            return
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            files.append(path)
            return
        }
        guard visited.insert(real).inserted else { return }  // a loop through symlinks
        let entries: [[UInt8]]
        do {
            entries = try path.directoryEntries()
        } catch {
            errors.append(error)
            return
        }
        let metaSuffix = Array(".meta.json".utf8)
        for entry in entries.sorted(by: { $0.lexicographicallyPrecedes($1) })
        where entry.first != UInt8(ascii: ".") && !entry.ends(with: metaSuffix) {
            add(path.appending(entry), root: root, visited: &visited)
        }
    }
}

/// The path with every symbolic link resolved, or nil when it does not exist.
func resolvedPath(_ path: String) -> String? {
    IngestPath(path).resolved()?.display
}

/// Whether the resolved `path` is `directory` or inside it.
func isWithin(_ path: String, _ directory: String) -> Bool {
    let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    return path == base || path.hasPrefix(base + "/")
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix) }
}

private func expandGlob(_ pattern: String) -> [IngestPath] {
    var result = glob_t()
    defer { globfree(&result) }
    guard glob(pattern, 0, nil, &result) == 0 else { return [] }
    return (0..<Int(result.gl_pathc)).compactMap { index in
        result.gl_pathv[index].map { IngestPath(bytes: Array(UnsafeRawBufferPointer(start: $0, count: strlen($0)))) }
    }.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
}
