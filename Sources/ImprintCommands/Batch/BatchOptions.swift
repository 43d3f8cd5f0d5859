import ArgumentParser
import FileNames
import Foundation

/// Options every batch command shares: what to read, how many at once, how to print.
struct BatchOptions: ParsableArguments {
    @Argument(help: "Files and folders (folders are walked recursively, in name order).")
    var paths: [String] = []

    @Option(name: .customLong("files-from"), help: ArgumentHelp(
        "Read more paths from this file, one per line ('-' for stdin); as exiftool's -@, blanks around a path are trimmed, lines starting with # are comments and a byte-order mark is skipped (not with -0).", valueName: "file"))
    var filesFrom: String?

    @Flag(name: [.customShort("0"), .customLong("null")], help: "Paths in --files-from are NUL-separated.")
    var nullSeparated = false

    @Option(name: .shortAndLong, help: "How many files to work on at once (default: all cores).")
    var jobs: Int?

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Output format: json, jsonl, csv or text (default: text on a terminal, jsonl when piped).",
        valueName: "format"))
    var format: OutputFormat?

    @Option(name: .customLong("timeout-per-file"), help: ArgumentHelp(
        "Give up on a file after this many seconds, report it as timed out and go on.", valueName: "seconds"))
    var timeoutPerFile: Double = 60

    /// `--jobs`, or all cores.
    var workers: Int { jobs ?? Self.cores }

    /// The cores this process may use (its affinity and cgroup quota), asked once and only
    /// when needed: Foundation takes a third of a millisecond to find out.
    static let cores = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if !(timeoutPerFile > 0) || !timeoutPerFile.isFinite {
            throw ValidationError("--timeout-per-file must be a positive number of seconds.")
        }
        if paths.isEmpty && filesFrom == nil {
            throw ValidationError("Name at least one file or folder, or use --files-from.")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let filesFrom, filesFrom != "-", !FileManager.default.isReadableFile(atPath: filesFrom) {
            throw ValidationError("Cannot read --files-from \(filesFrom).")
        }
    }

    /// The chosen format, or the automatic one.
    var outputFormat: OutputFormat { format ?? .automatic }

    /// Every path named, directly or through --files-from, in order.
    func namedPaths() throws -> [String] {
        guard let filesFrom else { return paths }
        var data: Data
        do { data = try FileContents.read(filesFrom) } catch { throw ValidationError("--files-from: \(error)") }
        let separator: UInt8 = nullSeparated ? 0 : UInt8(ascii: "\n")
        // Lists are bytes, as `find -print0` writes them: names that are not UTF-8 are kept.
        // A line list follows exiftool's -@ file: blanks around a name are trimmed and lines
        // starting with # are comments; a list saved by Windows Notepad starts with a UTF-8
        // byte-order mark (and ends its lines with CR LF), not part of the first name. A -0
        // list is taken as it is.
        if !nullSeparated, data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        let listed = data.split(separator: separator).compactMap { line -> String? in
            var line = line
            if !nullSeparated {
                while let last = line.last, last == UInt8(ascii: "\r") || last == 0x20 || last == 0x09 { line.removeLast() }
                while let first = line.first, first == 0x20 || first == 0x09 { line.removeFirst() }
                if line.first == UInt8(ascii: "#") { return nil }
            }
            return FileSystemName.string(line)
        }.filter { !$0.isEmpty }
        return paths + listed
    }
}

/// One input of a batch: a file to read, or a path that could not be walked.
typealias BatchInput = Result<String, PathWalker.Failure>

/// Largest file a batch reads: every file is read whole into memory, so without a bound one
/// huge (or sparse) file could take all of it.
let maxFileBytes = 2 << 30

/// Reads a whole file straight into an array (one copy from the kernel, none through `Data`);
/// per-file problems become a message rather than a thrown error.
/// - Parameter limit: files larger than this are refused before anything is allocated.
func readFile(_ path: String, limit: Int = maxFileBytes) -> Result<[UInt8], PathWalker.Failure> {
    let descriptor = FileSystemName.withBytes(path) { open($0, O_RDONLY | O_CLOEXEC) }
    guard descriptor >= 0 else {
        return .failure(.init(path: path, reason: String(cString: strerror(errno))))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
        return .failure(.init(path: path, reason: String(cString: strerror(errno))))
    }
    guard Int(status.st_size) <= limit else {
        return .failure(.init(path: path, reason: "file of \(status.st_size) bytes is larger than the \(limit)-byte read limit; not read"))
    }
    // Read exactly the size fstat gives into memory that is never zeroed first, then keep
    // reading through a small buffer in case the file grew: the common case allocates once
    // and never copies.
    var failure: PathWalker.Failure?
    // (An empty file gets a plain empty array: filling one of capacity 0 writes its count
    // into the stdlib's shared empty-array storage, which ThreadSanitizer reports as a race.)
    var bytes = status.st_size == 0 ? [] : [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, initialized in
        initialized = 0
        while initialized < buffer.count {
            let count = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { failure = .init(path: path, reason: "read error: \(String(cString: strerror(errno)))") }
            if count <= 0 { return }  // the file shrank: keep what there is
            initialized += count
        }
    }
    if let failure { return .failure(failure) }
    guard bytes.count == Int(status.st_size) else { return .success(bytes) }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { more in
        while true {
            let count = read(descriptor, more.baseAddress!, more.count)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return .failure(.init(path: path, reason: "read error: \(String(cString: strerror(errno)))")) }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: more[..<count])
            if bytes.count > limit {
                return .failure(.init(path: path, reason: "file grew past the \(limit)-byte read limit while being read; not read"))
            }
        }
    }
}
