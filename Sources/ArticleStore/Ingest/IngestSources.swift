import Foundation

/// Turns what the analyst named (files, directories, globs) into the list of
/// files to read, in a stable order. Directories are walked recursively;
/// hidden entries and metadata sidecars are skipped; a directory reached twice
/// (a symlink loop) is walked once. A symbolic link inside a walked directory
/// is followed only when it stays inside the directory the analyst named (a
/// corpus holding a link to /etc/passwd does not bring it in). With
/// `allowedRoots` (the sandbox), nothing outside those directories is read.
struct IngestSources {
    var files: [String] = []
    var errors: [IngestError] = []
    private let allowedRoots: [String]?

    init(paths: [String], allowedRoots: [String]? = nil) {
        self.allowedRoots = allowedRoots?.compactMap(resolvedPath)
        var visitedDirectories = Set<String>()
        for path in paths {
            if path.contains(where: { "*?[".contains($0) }) && !FileManager.default.fileExists(atPath: path) {
                let matches = expandGlob(path)
                if matches.isEmpty { errors.append(IngestError(path: path, reason: "no file matches this pattern")) }
                for match in matches { addNamed(match, visited: &visitedDirectories) }
            } else {
                addNamed(path, visited: &visitedDirectories)
            }
        }
    }

    /// A path the analyst named: its own symbolic links are followed, but only
    /// into the allowed roots when there are any.
    private mutating func addNamed(_ path: String, visited: inout Set<String>) {
        if let allowedRoots, let real = resolvedPath(path), !allowedRoots.contains(where: { isWithin(real, $0) }) {
            errors.append(IngestError(path: path, reason: "outside the directories ingest may read (--allow-read)"))
            return
        }
        add(path, root: resolvedPath(path), visited: &visited)
    }

    private mutating func add(_ path: String, root: String?, visited: inout Set<String>) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            errors.append(IngestError(path: path, reason: "no such file or directory"))
            return
        }
        let real = resolvedPath(path) ?? path
        if let root, !isWithin(real, root) {
            errors.append(IngestError(path: path, reason: "a symbolic link to \(real), outside \(root): not followed"))
            return
        }
        guard isDirectory.boolValue else {
            files.append(path)
            return
        }
        guard visited.insert(real).inserted else { return }  // a loop through symlinks
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            errors.append(IngestError(path: path, reason: "cannot list directory"))
            return
        }
        for entry in entries where !entry.hasPrefix(".") && !entry.hasSuffix(".meta.json") {
            add((path as NSString).appendingPathComponent(entry), root: root, visited: &visited)
        }
    }
}

/// The path with every symbolic link resolved, or nil when it does not exist.
func resolvedPath(_ path: String) -> String? {
    guard let real = realpath(path, nil) else { return nil }
    defer { free(real) }
    return String(cString: real)
}

/// Whether the resolved `path` is `directory` or inside it.
func isWithin(_ path: String, _ directory: String) -> Bool {
    let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    return path == base || path.hasPrefix(base + "/")
}

private func expandGlob(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard glob(pattern, 0, nil, &result) == 0 else { return [] }
    return (0..<Int(result.gl_pathc)).compactMap { index in
        result.gl_pathv[index].map { String(cString: $0) }
    }.sorted()
}
