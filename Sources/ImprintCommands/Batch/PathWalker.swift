import FileNames
import Foundation
import ImageDecoding

/// The files named on a command line, with folders walked recursively, lazily and in a
/// stable order (entries sorted by name, byte-wise).
///
/// Paths are reported as given (a folder `photos/` yields `photos/a.jpg`). Symbolic links
/// are followed, to files and to folders, as exiftool's `-r` does (investigators link download
/// folders into a case folder); a file reached through a link is reported under the path as
/// walked (`case/telegram/a.jpg`). Each folder (by device and inode) is walked at most once
/// per run: a link back to a folder being walked (a loop), or to one already walked through
/// another path, is passed over with a note (``PassedOver/notes``), so neither a link loop
/// nor a bind mount can hang the walk. Paths longer than ``Limits/maxPathBytes`` and folders
/// nested deeper than ``Limits/maxDepth`` are reported as failures instead of being walked.
/// Inside folders, hidden files are skipped, and so are files `keep` rejects: by default those
/// that are images neither by name nor by magic bytes (the `.json` sidecars gallery-dl writes,
/// READMEs), as exiftool's `-r` skips what it does not know. A `.jpg` holding an HTML error
/// page is kept, so that it is reported; anything named explicitly is always kept.
struct PathWalker: Sequence, IteratorProtocol {
    /// A path the walk could not read, reported in place of a file.
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// Bounds on the walk.
    struct Limits: Sendable {
        /// Longest path handed to the file system (Linux's PATH_MAX).
        var maxPathBytes = 4_096
        /// Folders nested below a named folder.
        var maxDepth = 256
    }

    /// A folder being listed: its path and the names not yet visited, in reverse order.
    private var stack: [(folder: String, names: [String], id: String)] = []
    private var roots: IndexingIterator<[String]>
    private let limits: Limits
    /// Folders already listed, by "device inode" (a string key: a dictionary keyed by arrays
    /// cost a tenth of a millisecond of the runtime's first-time work on every run), with the
    /// path they were walked under.
    private var walkedFolders: [String: String] = [:]
    /// Whether a regular file found inside a folder is yielded.
    private let keep: (String) -> Bool
    /// Counts the pictures passed over for being of a format Imprint does not read.
    private let passedOver: PassedOver?
    /// The `stat` (links followed) of the file the last `.success` of ``next()`` named, which a
    /// caller needing its size or time need not ask the file system for again.
    private(set) var yieldedStatus: stat?

    /// Pictures of formats Imprint does not read (GIF, HEIC, camera RAW…) met in the walk, by
    /// format, so that a run can say what it did not cover ("0 failed" alone would mislead).
    final class PassedOver: @unchecked Sendable {
        private(set) var byFormat: [String: Int] = [:]
        /// Hidden files (names starting with ".") with an image's name, not read.
        private(set) var hidden = 0
        /// Folders not walked again, one sentence each: a link loop, a folder reached twice.
        private(set) var notes: [String] = []
        private let lock = NSLock()

        func addNote(_ note: String) {
            lock.withLock { notes.append(note) }
        }

        /// What to say on stderr at the end of a run: the notes, then the ``summary``.
        var lines: [String] {
            lock.withLock { notes } + (summary.map { [$0] } ?? [])
        }

        func addHidden(_ count: Int) {
            lock.withLock { hidden += count }
        }

        static let formats: Set<String> = ["gif", "bmp", "heic", "heif", "avif", "jxl", "jp2", "psd", "tga", "ico",
                                           "dng", "cr2", "cr3", "nef", "arw", "orf", "rw2", "raf", "srw", "pef"]

        func add(_ format: String) {
            lock.lock()
            byFormat[format, default: 0] += 1
            lock.unlock()
        }

        /// `passed over 3 pictures of formats imprint does not read (GIF 2, HEIC 1)`, and the
        /// hidden ones, or nil.
        var summary: String? {
            let (counts, hidden) = lock.withLock { (byFormat, self.hidden) }
            var parts: [String] = []
            if !counts.isEmpty {
                let total = counts.values.reduce(0, +)
                let list = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key.uppercased()) \($0.value)" }
                parts.append("passed over \(total) picture\(total == 1 ? "" : "s") of formats imprint does not read (\(list.joined(separator: ", ")))")
            }
            if hidden > 0 {
                parts.append("passed over \(hidden) hidden file\(hidden == 1 ? "" : "s") with a picture's name (names starting with \".\" are "
                             + "not read inside folders; name one to read it)")
            }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
    }

    /// A walk of `paths` yielding the files inside folders that `keep` accepts (default: images).
    init(_ paths: [String], limits: Limits = Limits(), keep: @escaping (String) -> Bool = PathWalker.mayBeImage,
         passedOver: PassedOver? = nil) {
        roots = paths.makeIterator()
        self.limits = limits
        self.keep = keep
        self.passedOver = passedOver
    }

    /// Yields a file path, or a `Failure` for something that cannot be walked.
    mutating func next() -> Result<String, Failure>? {
        while true {
            if var top = stack.popLast() {
                guard let name = top.names.popLast() else { continue }
                stack.append(top)
                let path = top.folder.hasSuffix("/") ? top.folder + name : top.folder + "/" + name
                if let entry = visit(path, explicit: false) { return entry }
            } else if let root = roots.next() {
                if let entry = visit(root, explicit: true) { return entry }
            } else {
                return nil
            }
        }
    }

    static let imageExtensions: Set<String> = ["jpg", "jpeg", "jpe", "jfif", "png", "webp", "tif", "tiff"]

    /// The name after the last "/" of a path the walk gives (no trailing slash), without
    /// bridging it to NSString for its lastPathComponent.
    static func fileName(of path: String) -> Substring {
        path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
    }

    /// True when the name has an image extension or the first bytes are an image's magic.
    static func mayBeImage(_ path: String) -> Bool {
        let name = fileName(of: path)
        if let dot = name.lastIndex(of: "."), imageExtensions.contains(name[name.index(after: dot)...].lowercased()) {
            return true
        }
        let descriptor = FileSystemName.withBytes(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 12)
        let count = read(descriptor, &head, head.count)
        return ImageFormat(sniffing: head.prefix(Swift.max(0, count))) != nil
    }

    /// The names in a folder, byte for byte (``FileSystemName``); nil when it cannot be listed.
    private static func names(in folder: String) -> [String]? {
        guard let directory = FileSystemName.withBytes(folder, { opendir($0) }) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { FileSystemName.string(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Pushes a folder or returns a file; nil for things to pass over silently.
    private mutating func visit(_ path: String, explicit: Bool) -> Result<String, Failure>? {
        if path.utf8.count > limits.maxPathBytes {
            return .failure(Failure(path: path, reason: "path longer than \(limits.maxPathBytes) bytes; not read"))
        }
        var status = stat()
        guard FileSystemName.withBytes(path, { lstat($0, &status) }) == 0 else {
            return .failure(Failure(path: path, reason: String(cString: strerror(errno))))
        }
        var kind = status.st_mode & S_IFMT
        if kind == S_IFLNK {
            guard FileSystemName.withBytes(path, { stat($0, &status) }) == 0 else {
                return .failure(Failure(path: path, reason: "broken symbolic link"))
            }
            kind = status.st_mode & S_IFMT
        }
        switch kind {
        case S_IFREG:
            if explicit || keep(path) {
                yieldedStatus = status
                return .success(path)
            }
            if let passedOver, let dot = path.lastIndex(of: "."), !path[dot...].contains(where: { $0 == "/" }) {
                let format = path[path.index(after: dot)...].lowercased()
                if PassedOver.formats.contains(format) { passedOver.add(format) }
            }
            return nil
        case S_IFDIR:
            let id = "\(status.st_dev) \(status.st_ino)"
            if let first = walkedFolders[id] {
                // A folder named twice (`photos photos/`, a shell glob) is walked once, quietly.
                // Met again inside a walk, through a link or a bind mount, it is no failure:
                // its files were listed once, which is all a hash list or a case needs.
                if !explicit {
                    passedOver?.addNote(stack.contains { $0.id == id }
                        ? "\(path): leads back to \(first), which holds it (a link or mount loop); not walked again"
                        : "\(path): the same folder as \(first), walked there; not walked again")
                }
                return nil
            }
            if stack.count >= limits.maxDepth {
                return .failure(Failure(path: path, reason: "folders nested deeper than \(limits.maxDepth); not walked"))
            }
            walkedFolders[id] = path
            guard let names = Self.names(in: path) else {
                return .failure(Failure(path: path, reason: "cannot list folder"))
            }
            if let passedOver {
                let hidden = names.filter { name in
                    guard name.hasPrefix("."), let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
                    return Self.imageExtensions.contains(name[name.index(after: dot)...].lowercased())
                }.count
                if hidden > 0 { passedOver.addHidden(hidden) }
            }
            stack.append((path, names.filter { !$0.hasPrefix(".") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.reversed(), id))
            return nil
        default:
            return explicit ? .failure(Failure(path: path, reason: "not a regular file")) : nil
        }
    }
}
