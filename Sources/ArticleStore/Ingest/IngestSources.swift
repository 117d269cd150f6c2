import Foundation

/// Turns what the analyst named (files, directories, globs) into the list of
/// files to read, in a stable order. Directories are walked recursively;
/// hidden entries and metadata sidecars are skipped; a directory reached twice
/// (a symlink loop) is walked once.
struct IngestSources {
    var files: [String] = []
    var errors: [IngestError] = []

    init(paths: [String]) {
        var visitedDirectories = Set<String>()
        for path in paths {
            if path.contains(where: { "*?[".contains($0) }) && !FileManager.default.fileExists(atPath: path) {
                let matches = expandGlob(path)
                if matches.isEmpty { errors.append(IngestError(path: path, reason: "no file matches this pattern")) }
                for match in matches { add(match, visited: &visitedDirectories) }
            } else {
                add(path, visited: &visitedDirectories)
            }
        }
    }

    private mutating func add(_ path: String, visited: inout Set<String>) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            errors.append(IngestError(path: path, reason: "no such file or directory"))
            return
        }
        guard isDirectory.boolValue else {
            files.append(path)
            return
        }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }  // a loop through symlinks
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            errors.append(IngestError(path: path, reason: "cannot list directory"))
            return
        }
        for entry in entries where !entry.hasPrefix(".") && !entry.hasSuffix(".meta.json") {
            add((path as NSString).appendingPathComponent(entry), visited: &visited)
        }
    }
}

private func expandGlob(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard glob(pattern, 0, nil, &result) == 0 else { return [] }
    return (0..<Int(result.gl_pathc)).compactMap { index in
        result.gl_pathv[index].map { String(cString: $0) }
    }.sorted()
}
