import ArgumentParser
import CaseStore
import FileNames
import Foundation
import ImageDecoding
import PerceptualHash

/// What `cluster`, `match` and `hashes export` read: images and folders (hashed here), or
/// `imprint hash` output files, mixed as needed.
struct HashInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Images and folders to hash, or `imprint hash` output (.jsonl, .json, .csv; '-' reads it from stdin).",
        valueName: "path"))
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "How many files to hash at once (default: all cores).")
    var jobs: Int?

    /// `--jobs`, or all cores.
    private var workers: Int { jobs ?? BatchOptions.cores }

    @Option(name: .customLong("case"), help: ArgumentHelp(
        "Also take every hashed file of this case (imprint ingest), without hashing again; repeat it for several cases (yours and a colleague's).",
        valueName: "path"))
    var casePaths: [String] = []

    func validate() throws {
        for casePath in casePaths where !FileManager.default.fileExists(atPath: casePath) { throw ValidationError("No case at \(casePath).") }
        if paths.isEmpty && casePaths.isEmpty { throw ValidationError("Name at least one image, folder or hash output file ('-' for stdin).") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        for path in paths where Self.isHashOutput(path) && path != "-" && !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("Cannot read \(path).")
        }
    }

    /// `-` and files named like hash output are read as hash output; anything else is an image or folder.
    static func isHashOutput(_ path: String) -> Bool {
        if path == "-" { return true }
        let lower = path.lowercased()
        return [".jsonl", ".ndjson", ".json", ".csv"].contains { lower.hasSuffix($0) }
    }

    /// Every image named, in the order given (folders walked in name order), with the hashes
    /// `algorithms` need; images that could not be read or decoded carry an `error`.
    /// - Parameters:
    ///   - dihedral: compute PDQ's dihedral hashes for images hashed here.
    ///   - times: find each image's earliest known time (EXIF DateTimeOriginal, else mtime).
    ///   - applyOrientation: hash files as EXIF orientation shows them (false: as stored).
    func load(algorithms: [HashAlgorithm], dihedral: Bool, times: Bool, applyOrientation: Bool = true) async throws -> [HashedImage] {
        // Ctrl-C stops hashing more files; the command then works on those hashed and says so
        // (``Interruption/stopAfterOutput(_:)``), instead of dying with nothing written.
        Interruption.watch()
        var images: [HashedImage] = []
        var imagePaths: [String] = []
        let job = HashJob(
            pipeline: HashPipeline(.matching(algorithms, dihedral: dihedral)),
            algorithms: algorithms, applyOrientation: applyOrientation, maxPixels: DecodeOptions.defaultMaxPixels,
            batchingDigests: false)  // no writing thread here to fill them in
        // A file named twice (`a.jpg ./a.jpg`, a repeated --files-from line) is one image, not a
        // repost of itself: the first time it is named counts. (Saved hash files keep their
        // records: their relative paths are relative to where they were made.)
        var hashedHere = Set<String>()
        // What the walks left out (pictures of other formats, hidden ones, folder links seen
        // twice) is said as `hash` says it, so that a short cluster is not taken for a full one.
        let passedOver = PathWalker.PassedOver()
        func hashPending() async {
            guard !imagePaths.isEmpty else { return }
            await runOrdered(PathWalker(imagePaths, passedOver: passedOver), jobs: workers, work: { input in
                var image = Self.image(from: job.hash(input))
                if times, image.error == nil { image.findTime() }
                return image
            }, emit: { image in
                if hashedHere.insert(absolutePath(image.path)).inserted { images.append(image) }
            })
            imagePaths = []
        }
        for path in paths {
            guard Self.isHashOutput(path) else {
                imagePaths.append(path)
                continue
            }
            await hashPending()
            let data: Data
            do { data = try FileContents.read(path) } catch { throw ValidationError("\(error)") }
            let listed = try HashListReader.read(String(decoding: data, as: UTF8.self), source: path == "-" ? "stdin" : path)
            if times {
                let folder = path == "-" ? nil : (absolutePath(path) as NSString).deletingLastPathComponent
                await runOrdered(listed, jobs: workers, work: { image in
                    var image = image
                    image.findTime(relativeTo: folder)
                    return image
                }, emit: { images.append($0) })
            } else {
                images += listed
            }
        }
        await hashPending()
        for line in passedOver.lines { warn(line) }
        // Every image so far by its real path (each resolved once): a file a case holds too is
        // taken once (as first named, here or by a case read before), else it would match itself.
        var realPaths = images.map { absolutePath($0.path) }
        for (caseIndex, casePath) in casePaths.enumerated() {
            let named = Set(realPaths)
            let store = OpenCases.keep(try CaseDatabase(readingFrom: casePath, warn: { warn($0) }))
            // An empty case, or one ingested without an algorithm, has none of its hashes: say
            // which, rather than match or cluster nothing in silence.
            let stored = Set(try store.storedHashNames())
            if try store.isEmpty() {
                warn("the case holds no files (\(casePath)): ingest a folder into it first")
            } else {
                for algorithm in algorithms where !stored.contains(algorithm.rawValue) {
                    warn("the case holds no \(algorithm.rawValue) hashes (\(casePath)): ingest again with --algorithms including \(algorithm.rawValue) to add them")
                }
                // Said, not counted as failures of this run: they failed when ingested.
                let failed = try store.failedFileCount()
                if failed > 0 {
                    warn("\(casePath): \(failed) file\(failed == 1 ? "" : "s") the ingest could not decode left out "
                         + "(imprint case files --where status=failed)")
                }
            }
            let held = try HashedImage.fromCase(store, algorithms: algorithms)
            // What the case knows of such a file's time (when its post went up) is kept: a
            // time from disk (mtime), or a later one, gives way to it.
            let heldTimes = Dictionary(held.compactMap { image in image.time.map { (image.path, (time: $0, source: image.timeSource)) } },
                                       uniquingKeysWith: { first, _ in first })
            for (index, path) in realPaths.enumerated() {
                guard let known = heldTimes[path] else { continue }
                if images[index].time.map({ known.time < $0 }) ?? true || images[index].timeSource == "mtime" {
                    images[index].time = known.time
                    images[index].timeSource = known.source
                }
            }
            let new = held.filter { !named.contains($0.path) }
            images += new
            // Only another case is compared with them: a single case's million paths are not
            // resolved again (a system call for each of their folders, over a share too).
            if caseIndex < casePaths.count - 1 { realPaths += new.map { absolutePath($0.path) } }
        }
        for image in images where image.error != nil { warn("\(image.path): \(image.error!)") }
        for image in images { if let problem = image.timeProblem { warn(problem) } }
        return images
    }

    /// A `HashJob` record turned back into hashes.
    static func image(from outcome: BatchRun.Outcome) -> HashedImage {
        var object: [String: Any] = [:]
        for (key, value) in outcome.record {
            switch value {
            case .string(let text): object[key] = text
            case .integer(let number): object[key] = Int(number)
            case .list(let items): object[key] = items.map(\.text)
            default: break
            }
        }
        if let error = object["error"] as? String { return HashedImage(path: object["path"] as? String ?? "", error: error) }
        return (try? HashListReader.image(from: object, source: "hash", line: 0))
            ?? HashedImage(path: object["path"] as? String ?? "", error: "hashes unreadable")
    }
}
