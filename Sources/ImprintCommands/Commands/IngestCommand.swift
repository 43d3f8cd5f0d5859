import ArgumentParser
import CaseStore
import FileNames
import Foundation
import ImageDecoding
import PerceptualHash
import PostSidecars

/// `imprint ingest`: files, their metadata, hashes and post sidecars into the case, incrementally.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add files and folders to the case: metadata, hashes and the posts their sidecars describe.",
        discussion: """
            Each file is read once: SHA-256, MD5, EXIF/XMP, one decode and the hashes all come \
            from the same bytes. A file whose path, size and modification time are unchanged \
            is not read again; a file with the same SHA-256 as one already in the case takes \
            its metadata and hashes from it (a moved file keeps its row); a changed file is \
            updated; files under the folders named that are gone from disk are removed. \
            Files are written by one writer in transactions of --batch-size, so a killed run \
            loses at most the batch in flight and the next run completes it. \
            Sidecars (gallery-dl <file>.json, yt-dlp .info.json, snscrape .jsonl, a Twitter \
            archive's tweets.js, plain .csv/.tsv/.jsonl with file,text,posted_at,url,author, in a table \
            also filename,caption,date,link,channel and the like) found \
            in the folders are read afterwards and their posts linked to the files they name; \
            a sidecar gone from disk takes the posts it stored with it. \
            The summary goes to stdout as one record; per-file errors to stderr (exit 1).
            """
    )

    @OptionGroup var batch: BatchOptions
    @OptionGroup var caseOptions: CaseOptions

    @Option(name: [.customShort("a"), .customLong("algorithms")], help: ArgumentHelp(
        "Comma-separated: pdq, phash, dhash, ahash, whash.", valueName: "list"))
    var algorithmList = "pdq,phash"

    @Option(name: .customLong("batch-size"), help: "Files per write transaction.")
    var batchSize = 500

    @Option(name: .customLong("max-pixels"), help: "Refuse images with more pixels than this, before decoding.")
    var maxPixels = DecodeOptions.defaultMaxPixels

    @Flag(name: .customLong("no-trim"), help: "Store only the plain hashes: no region hashes (banners, crops, turns; pdq_trimmed, pdq_c90, …) and no dihedral variants. EXIF thumbnails are still hashed (thumbnail-*), for imprint flags. Files already in the case and unchanged keep the region hashes they have.")
    var noTrim = false

    @Flag(name: .customLong("no-sidecars"), help: "Do not look for post sidecars.")
    var noSidecars = false

    @Flag(help: ArgumentHelp(
        "Read every file again and check its SHA-256 against the case, as rsync -c does, instead of trusting "
            + "an unchanged path, size and mtime; a file whose content changed is updated and named on stderr. "
            + "Every post sidecar is read again too."))
    var verify = false

    func validate() throws {
        _ = try HashCommand.parseAlgorithms(algorithmList)
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1.") }
        if maxPixels < 1 { throw ValidationError("--max-pixels must be positive.") }
    }

    func run() throws {
        let started = Date()
        let store = try caseOptions.open()
        let algorithms = try HashCommand.parseAlgorithms(algorithmList)
        let roots = try batch.namedPaths().map(absolutePath)
        // An unchanged file is read again when it lacks a hash this run asks for (a new
        // algorithm), or its region hashes were not computed and this run computes them (after
        // a --no-trim run).
        let wanted = algorithms.map(\.rawValue), regions = !noTrim && algorithms.contains(.pdq)
        var job = IngestJob(store: store, known: try store.knownPaths(under: roots, hashes: wanted, regions: regions),
                            pipeline: HashPipeline(noTrim ? HashRequest(algorithms: algorithms) : .matching(algorithms)),
                            algorithms: algorithms, wanted: wanted, regions: regions, maxPixels: maxPixels)
        job.verify = verify
        var summary = IngestSummary()
        // The files read this run (new or changed): the sidecars that name them are read again.
        var readPaths: [String] = []
        Interruption.watch()
        let progress = ProgressReporter()
        var pending: [IngestedFile] = []
        var caseWriter = IngestWriter(store: store)
        func flush() {
            caseWriter.submit(pending)
            pending = []
        }
        let watchdog = FileWatchdog(seconds: batch.timeoutPerFile)
        // A sidecar named on the command line is read as one, not decoded as an image.
        let imageRoots = roots.filter { !(Self.isFile($0) && Self.isSidecar($0)) }
        let passedOver = PathWalker.PassedOver()
        progress.countFiles(under: imageRoots)
        func ingest(_ inputs: some Sequence<BatchInput>, again: Bool) {
            runWatched(inputs, jobs: batch.workers, watchdog: watchdog, work: { job.ingest($0) },
                       refused: { input, refusal in
                if case .timedOut(let seconds) = refusal, case .success(let path) = input { return .timedOut(path: path, seconds: seconds) }
                return .unreadable("\(input.path): \(refusal)")
            }, leftOut: { input in
                progress.note(Interruption.leftOut(input.path) + "; the next ingest reads it")
            }) { result in
                // A file the watchdog gave up on is read and digested here, outside the pool's lock.
                let outcome = if case .timedOut(let path, let seconds) = result { job.timedOut(path, seconds: seconds) } else { result }
                switch outcome {
                case .unchanged:
                    summary.unchanged += 1
                case .verified:
                    summary.unchanged += 1
                    summary.verified += 1
                case .read(let file, let failure):
                    // A file read again was counted the first time.
                    if !again { summary.read += 1 }
                    readPaths.append(file.file.path)
                    pending.append(file)
                    if let failure {
                        summary.failed += 1
                        progress.note(failure)
                    } else if file.file.decodeStatus == .warning, !again {
                        // A damaged picture libjpeg still returned (grey below where it broke
                        // off) is said, as `hash` and `exif` say it; it is hashed and kept.
                        summary.decodeWarnings += 1
                        progress.note("\(file.file.path): warning: \(file.file.decodeError ?? "damaged")")
                    }
                    if pending.count >= batchSize { flush() }
                case .unreadable(let message):
                    summary.unreadable += 1
                    progress.note(message)
                case .timedOut:
                    break  // made into .read or .unreadable above
                }
                if !again { progress.advance(failed: false) }
            }
            flush()
        }
        let walk = IngestWalk(imageRoots, passedOver: passedOver, sidecars: !noSidecars, job: job, progress: progress)
        ingest(walk, again: false)
        summary.unchanged += walk.unchanged
        var stored = try caseWriter.finish()
        // Files whose twin in the case changed under them in this run (a.jpg renamed to b.jpg
        // and a new a.jpg saved) are read again now that every row holds its new content;
        // rarely more than once (names rotated among three files).
        for _ in 0..<3 where !stored.deferredPaths.isEmpty && !Interruption.requested {
            let again = stored.deferredPaths
            stored.deferred -= again.count
            stored.deferredPaths = []
            let writer = IngestWriter(store: store)
            caseWriter = writer
            ingest(again.map { BatchInput.success($0) }, again: true)
            let next = try writer.finish()
            stored.add(next)
        }
        progress.finish()
        summary.add(stored)
        // Interrupted (Ctrl-C): what was read is committed; removals and sidecars wait for a
        // run that has walked everything.
        let interrupted = Interruption.requested
        if !interrupted {
            var folders = roots.filter(Self.isFolder)
            // A named folder that is empty on disk while the case holds files under it is most
            // likely a drive not mounted or a sync not yet run: its rows are kept, as for a
            // folder that is missing, rather than every file and post under it dropped.
            folders = folders.filter { folder in
                guard Self.isEmptyFolder(folder) else { return true }
                let held = job.known.keys.filter { $0.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") }.count
                if held > 0 {
                    warn("\(folder): empty on disk, but the case holds \(held) file(s) under it; kept (a drive not mounted?). "
                         + "ingest its parent folder to remove them")
                }
                return held == 0
            }
            let removed = try store.removeVanished(among: walk.notReached(under: folders))
            summary.removed = removed.count
            if !noSidecars {
                // A sidecar that may name a file gone now is read again too: its bare name may
                // now be one file where it was two.
                try ingestSidecars(roots: roots, walked: walk.sidecars, folders: folders, changedPaths: readPaths + removed,
                                   store: store, summary: &summary)
            }
        }
        try store.checkpoint()
        summary.seconds = Date().timeIntervalSince(started)
        warn(summary.line)
        for line in passedOver.lines { warn(line) }
        let writer = RecordWriter(format: batch.outputFormat, textStyle: .blocks(title: "case"))
        writer.write([("case", .string(caseOptions.resolvedPath))] + summary.record + [("interrupted", .bool(interrupted))])
        writer.finish()
        if interrupted {
            warn("interrupted: what was read is in the case; run the same ingest again to complete it")
            throw ExitCode(Interruption.exitStatus)
        }
        if summary.failed + summary.unreadable + summary.sidecarErrors > 0 { throw ExitCode(1) }
    }

    /// Which sidecars may name one of `paths`: a downloader's own sidecar beside it
    /// (gallery-dl's `<file>.json`, yt-dlp's `<stem>.info.json`), and any other sidecar (a
    /// table, a Telegram export, a gallery-dl file named by post id) in its folder or above,
    /// or in a folder below its own (`posts/tweets.csv` naming `../photo.jpg`).
    static func sidecarsThatMayName(_ paths: [String]) -> (String) -> Bool {
        guard !paths.isEmpty else { return { _ in false } }
        var own = Set<String>(), folders = Set<String>(), ownFolders = Set<String>()
        for path in paths {
            own.insert(path + ".json")
            own.insert((path as NSString).deletingPathExtension + ".info.json")
            var folder = (path as NSString).deletingLastPathComponent
            ownFolders.insert(folder)
            while folders.insert(folder).inserted, folder != "/", !folder.isEmpty {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        return { sidecar in
            if own.contains(sidecar) { return true }
            let name = (sidecar as NSString).lastPathComponent
            if SidecarFormat(fileName: name) == .ytDLP || SidecarFormat.isMediaSidecarName(name) { return false }
            var folder = (sidecar as NSString).deletingLastPathComponent
            if folders.contains(folder) { return true }
            while folder != "/", !folder.isEmpty {
                folder = (folder as NSString).deletingLastPathComponent
                if ownFolders.contains(folder) { return true }
            }
            return false
        }
    }

    /// Says which posts kept a date that is none ("yesterday", "13/25/2024"): they are stored
    /// without a time (the text as written is in their `extra`), so the recycled checks and
    /// timelines leave them out.
    static func warnAboutUndated(_ posts: [Post], in path: String) {
        func written(_ post: Post) -> Any? {
            guard post.postedAt == nil, post.extra.contains("posted_at") else { return nil }
            return (try? JSONSerialization.jsonObject(with: Data(post.extra.utf8)) as? [String: Any])?["posted_at"]
        }
        let undated = posts.compactMap { post in written(post).map { (post, $0) } }
        guard let (first, value) = undated.first else { return }
        // A row without an id is keyed by this path and its number: the number says it.
        let which = first.postID.hasPrefix(path + "#") ? "row " + first.postID.dropFirst(path.count + 1) : "post " + first.postID
        warn("\(path): \(undated.count) post(s) with a posted_at that is not a date (\(which): \"\(value)\"); "
             + "kept without a time, so left out of the recycled checks")
    }

    /// Whether `path` is `<stem>.json` with an image `<stem>.<ext>` beside it.
    static func namesAnImageBeside(_ path: String) -> Bool {
        guard path.lowercased().hasSuffix(".json") else { return false }
        let stem = String(path.dropLast(5))
        return PathWalker.imageExtensions.contains { isFile(stem + "." + $0) || isFile(stem + "." + $0.uppercased()) }
    }

    /// Whether the path's name is a sidecar's (`SidecarFormat`).
    static func isSidecar(_ path: String) -> Bool {
        SidecarFormat(fileName: String(PathWalker.fileName(of: path))) != nil
    }

    /// Whether `path` is a folder (following links), by its bytes (``FileSystemName``).
    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return FileSystemName.withBytes(path, { stat($0, &status) }) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether the folder at `path` holds no entry (hidden ones count); false when it cannot
    /// be listed. It stops at the first entry, rather than listing a folder of a million files
    /// a second time.
    static func isEmptyFolder(_ path: String) -> Bool {
        guard let directory = FileSystemName.withBytes(path, { opendir($0) }) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let isDotOrDotDot = withUnsafeBytes(of: entry.pointee.d_name) { name in
                name[0] == UInt8(ascii: ".") && (name[1] == 0 || (name[1] == UInt8(ascii: ".") && name[2] == 0))
            }
            if !isDotOrDotDot { return false }
        }
        return true
    }

    /// Whether `path` is a regular file (following links).
    static func isFile(_ path: String) -> Bool {
        var status = stat()
        return FileSystemName.withBytes(path, { stat($0, &status) }) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Reads the sidecars under `roots` that are new or changed since the last run, and those
    /// that may name a file read or removed this run (`changedPaths`: the sidecars in its
    /// folder and above, and any that stored a post still linked to no file), so that a post goes to
    /// whatever file its sidecar names now, as a fresh ingest would link it: a picture saved
    /// under a name a sidecar had named in vain, a different picture saved under an old name,
    /// a second picture of a bare name (then none is linked), the second one deleted again.
    private func ingestSidecars(roots: [String], walked: [String], folders: [String], changedPaths: [String], store: CaseDatabase,
                                summary: inout IngestSummary) throws {
        summary.sidecarsRemoved = try store.removeVanishedSidecars(under: folders)
        let known = try store.knownSidecars()
        // The sidecars the images' walk met in the folders (name order, hidden entries
        // skipped, links to folders followed, each folder once; what it could not read it
        // reported), then the sidecars named on their own, and those an image named on its
        // own brings: its downloader wrote them beside it (gallery-dl's <file>.json, yt-dlp's
        // <stem>.info.json).
        var candidates = walked
        for root in roots where Self.isFile(root) {
            if Self.isSidecar(root) {
                candidates.append(root)
            } else {
                let stem = (root as NSString).deletingPathExtension
                candidates += [root + ".json", stem + ".info.json"]
            }
        }
        var seen = Set<String>()
        var found: [(path: String, size: Int64, mtime: Int64)] = []
        for path in candidates where seen.insert(path).inserted {
            var status = stat()
            guard FileSystemName.withBytes(path, { stat($0, &status) }) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            let (size, mtime) = IngestJob.sizeAndTime(of: status)
            found.append((path, size, mtime))
        }
        // A post records only the sidecar that stored it, not each one that gave it a link or
        // a field: when a sidecar here is gone or changed, every sidecar here is forgotten with
        // the posts it stored and read afresh, so that nothing the missing or old version said
        // lingers and the case is what a fresh ingest makes. So too after a move: a moved file
        // took its links along, though its sidecar names the old path. (Forgotten, not just
        // unlinked: a run killed halfway then finds the rest unknown, and reads them.)
        let changed = found.contains { sidecar in
            known[sidecar.path].map { ($0.size, $0.mtimeNanoseconds) != (sidecar.size, sidecar.mtime) } ?? false
        }
        // --verify trusts no size and mtime: a sidecar corrected and copied with `cp -p` keeps both.
        let readAll = verify || changed || summary.sidecarsRemoved > 0 || summary.store.moved > 0
        if readAll { try store.forgetSidecars(found.map(\.path)) }
        let mayName = Self.sidecarsThatMayName(changedPaths)
        // A post whose picture was not in the case when its sidecar was read may find it now,
        // wherever the picture came in (the name a table gives can lead out of its folder).
        let unlinked = changedPaths.isEmpty || readAll ? [] : try store.sidecarsWithUnlinkedPosts()
        for (path, size, mtime) in found {
            if !readAll, !mayName(path), !unlinked.contains(path),
               let known = known[path], known.size == size, known.mtimeNanoseconds == mtime {
                summary.sidecarsUnchanged += 1
                continue
            }
            summary.sidecarsRead += 1
            do {
                // A name that is not UTF-8 is read here, by its bytes (``FileSystemName``); the
                // reader opens the others itself, after checking their size.
                let data = FileSystemName.keepsBytes(path) ? Data(try readFile(path, limit: SidecarReader.maximumBytes).get()) : nil
                guard let (format, posts, skipped, notes) = try SidecarReader.read(path: path, data: data) else {
                    // A JSON file of another kind: remembered without a format, so that it is
                    // not read again until it changes. One named as an image beside it is
                    // plainly meant as its metadata, so its being passed over is said.
                    if Self.namesAnImageBeside(path) {
                        warn("\(path): not read as a post: not gallery-dl metadata (a category, a subcategory or its own filename, and a post id)")
                    }
                    try store.storeSidecar(path: path, size: size, mtimeNanoseconds: mtime, format: nil, posts: [])
                    continue
                }
                // Lines that could not be read, or only with a guess, are reported, and the rest of the file is kept.
                let problem = skipped.first.map { "\(skipped.count) line(s) not read as written: \($0)" }
                let counts = try store.storeSidecar(path: path, size: size, mtimeNanoseconds: mtime, format: format, posts: posts, error: problem)
                summary.add(counts)
                // A post two sidecars give (two copies of a download) is one post, as the case counts it.
                for post in posts { summary.postKeys.insert(post.platform + " " + post.postID) }
                Self.warnAboutUndated(posts, in: path)
                for note in notes { warn("\(path): \(note)") }
                let nameNoFile = counts.unlinkedPosts - counts.ambiguousPosts
                if nameNoFile > 0 {
                    let more = nameNoFile > counts.unlinkedMedia.count ? ", …" : ""
                    let table = format == .plainCSV || format == .plainJSONL
                    let bare = table && counts.unlinkedMedia.contains { !$0.contains("/") } ? " (a table's bare name is looked for under its folder only)" : ""
                    warn("\(path): \(nameNoFile) post(s) name no file in the case: \(counts.unlinkedMedia.joined(separator: ", "))\(more)\(bare)")
                }
                for (name, paths) in counts.ambiguousMedia {
                    warn("\(path): '\(name)' is \(paths.count) different files, so none is linked: \(paths.joined(separator: ", "))"
                         + "; give its path relative to the sidecar")
                }
                for (post, other, kept) in counts.differingTexts.prefix(3) {
                    warn("\(path): post \(post) has another text in \(other); \(kept ? "this file's" : "that file's") is kept")
                }
                if counts.differingTexts.count > 3 { warn("\(path): … and \(counts.differingTexts.count - 3) more posts with another text elsewhere") }
                if counts.ambiguousPosts > counts.ambiguousMedia.count {
                    warn("\(path): … and \(counts.ambiguousPosts - counts.ambiguousMedia.count) more post(s) naming such files, not linked")
                }
                if !skipped.isEmpty {
                    summary.sidecarErrors += 1
                    for line in skipped.prefix(5) { warn("\(path): \(line)") }
                    if skipped.count > 5 { warn("\(path): … and \(skipped.count - 5) more lines not read as written") }
                }
            } catch let error as CaseStoreError {
                throw error
            } catch {
                summary.sidecarErrors += 1
                warn("\(path): \(error)")
                try store.storeSidecar(path: path, size: size, mtimeNanoseconds: mtime,
                                       format: SidecarFormat(fileName: (path as NSString).lastPathComponent),
                                       posts: [], error: "\(error)")
            }
        }
    }
}

/// The counters `imprint ingest` reports.
struct IngestSummary {
    var read = 0, unchanged = 0, unreadable = 0, failed = 0
    /// Files read with a decoder warning (a truncated or damaged JPEG), stored with status `warning`.
    var decodeWarnings = 0
    /// Unchanged files read again by `--verify` whose SHA-256 is the case's.
    var verified = 0
    var store = CaseDatabase.StoreCounts()
    var removed = 0
    var sidecarsRead = 0, sidecarsUnchanged = 0, sidecarsRemoved = 0, sidecarErrors = 0
    var sidecar = CaseDatabase.SidecarCounts()
    /// The distinct posts read (platform and id), which `sidecar.posts` counts once per sidecar.
    var postKeys = Set<String>()
    var seconds = 0.0

    mutating func add(_ counts: CaseDatabase.StoreCounts) {
        store.add(counts)
    }

    mutating func add(_ counts: CaseDatabase.SidecarCounts) {
        sidecar.posts += counts.posts
        sidecar.links += counts.links
        sidecar.unlinkedPosts += counts.unlinkedPosts
    }

    var record: OutputRecord {
        let counts: [(String, Int)] = [
            ("files_read", read), ("files_unchanged", unchanged), ("files_verified", verified), ("added", store.added), ("updated", store.updated),
            ("moved", store.moved), ("copied_same_content", store.copied), ("deferred", store.deferred),
            ("removed", removed), ("decode_failed", failed), ("decode_warnings", decodeWarnings), ("unreadable", unreadable),
            ("sidecars_read", sidecarsRead), ("sidecars_unchanged", sidecarsUnchanged),
            ("sidecars_removed", sidecarsRemoved), ("sidecar_errors", sidecarErrors),
            ("posts", postKeys.count), ("post_links", sidecar.links), ("posts_unlinked", sidecar.unlinkedPosts),
        ]
        return counts.map { ($0.0, OutputValue.integer(Int64($0.1))) } + [("seconds", .double((seconds * 1000).rounded() / 1000))]
    }

    /// One line for stderr.
    var line: String {
        "ingest: \(read) files read, \(unchanged) unchanged (" + (verified > 0 ? "\(verified) verified by SHA-256" : "not read") + "), "
            + "\(store.added) added, \(store.updated) updated, "
            + "\(store.moved) moved, \(removed) removed, \(failed + unreadable) failed"
            + (decodeWarnings > 0 ? ", \(decodeWarnings) damaged (read with a warning)" : "") + "; "
            + "\(sidecarsRead) sidecars read (\(sidecarsUnchanged) unchanged, \(sidecarsRemoved) removed), \(postKeys.count) posts, \(sidecar.links) links"
            + (sidecar.unlinkedPosts > 0 ? " (\(sidecar.unlinkedPosts) posts linked to no file)" : "") + "; "
            + fixed(seconds, decimals: 2) + " s"
    }
}
