import ArgumentParser
import CaseStore
import FileNames
import Foundation

/// `--case PATH`, shared by every command that reads or writes a case.
struct CaseOptions: ParsableArguments {
    @Option(name: .customLong("case"), help: ArgumentHelp(
        "The case file (default: $IMPRINT_CASE, else imprint.case in the current folder).", valueName: "path"))
    var casePath: String?

    /// The case file's path: the option, else `$IMPRINT_CASE`, else `imprint.case`.
    var resolvedPath: String {
        if let casePath { return casePath }
        if let fromEnvironment = ProcessInfo.processInfo.environment["IMPRINT_CASE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "imprint.case"
    }

    /// Opens (or creates) the case.
    func open() throws -> CaseDatabase {
        OpenCases.keep(try CaseDatabase(path: resolvedPath))
    }

    /// Opens a case that must already exist, to read it: queries never create one by
    /// mistake, and never leave files beside a case this user may not write
    /// (``CaseDatabase/init(readingFrom:writable:warn:)``).
    func openExisting() throws -> CaseDatabase {
        guard FileManager.default.fileExists(atPath: resolvedPath) else {
            throw ValidationError("No case at \(resolvedPath): run imprint ingest first, or name one with --case.")
        }
        return OpenCases.keep(try CaseDatabase(readingFrom: resolvedPath, warn: { warn($0) }))
    }
}

/// `path` made absolute against the current folder: its real path when it exists (symbolic
/// links resolved), else tidied (`a/./b/../c` → `a/c`). The case keys files by path, and a
/// folder reached once through a link and once directly must not become two sets of rows.
func absolutePath(_ path: String) -> String {
    let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    // A path through a symbolic link (a mounted share, a link to the evidence folder) is the
    // file's real path, so that one file never becomes two rows.
    if let resolved = FileSystemName.withBytes(joined, { realpath($0, nil) }) {
        defer { free(resolved) }
        return FileSystemName.string(cString: resolved)
    }
    var parts: [Substring] = []
    for part in joined.split(separator: "/") {
        switch part {
        case ".": continue
        case "..": if !parts.isEmpty { parts.removeLast() }
        default: parts.append(part)
        }
    }
    return "/" + parts.joined(separator: "/")
}
