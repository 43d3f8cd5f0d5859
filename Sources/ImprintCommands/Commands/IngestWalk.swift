import CaseStore
import Foundation

/// The walk of `imprint ingest`, less the files whose path, size and mtime are as in the case
/// (with every hash asked for): those are counted as the walk reaches them instead of going to
/// a worker, so that a run that changes nothing starts no worker thread. It also notes which
/// of the case's files the walk reached, so that only the others are looked for on disk.
/// (The size and time come from the walk's own `stat` of the file; a file the case does not
/// know costs a dictionary lookup.)
///
/// The post sidecars it meets on the way are noted for the sidecar pass, which then needs no
/// walk of its own: on a folder of a million files, that is a million `lstat` calls fewer.
final class IngestWalk: Sequence, IteratorProtocol, @unchecked Sendable {
    private var walker: PathWalker
    private let job: IngestJob
    private let progress: ProgressReporter
    private let lock = NSLock()
    private var unchangedCount = 0
    private var reachedFiles = Set<Int64>()
    private let metSidecars: MetSidecars

    /// The walk of `roots`, noting the sidecars in their folders when `sidecars`.
    init(_ roots: [String], passedOver: PathWalker.PassedOver, sidecars: Bool, job: IngestJob, progress: ProgressReporter) {
        let met = MetSidecars()
        walker = PathWalker(roots, keep: { path in
            if sidecars, IngestCommand.isSidecar(path) { met.add(path) }
            return PathWalker.mayBeImage(path)
        }, passedOver: passedOver)
        metSidecars = met
        self.job = job
        self.progress = progress
    }

    /// The sidecars met inside the folders walked so far, in walk order.
    var sidecars: [String] { metSidecars.paths }

    /// The files found unchanged (not read; `--verify` reads them all, so none).
    var unchanged: Int { lock.withLock { unchangedCount } }

    /// The case's paths under `folders` that the walk did not reach: moved or deleted, or not
    /// readable this time.
    func notReached(under folders: [String]) -> [String] {
        let prefixes = folders.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        return lock.withLock {
            job.known.compactMap { path, known in
                !reachedFiles.contains(known.fileID) && prefixes.contains(where: path.hasPrefix) ? path : nil
            }
        }
    }

    func next() -> BatchInput? {
        while let input = walker.next() {
            guard case .success(let path) = input, let known = job.known[path] else { return input }
            lock.withLock { _ = reachedFiles.insert(known.fileID) }
            guard !job.verify, let status = walker.yieldedStatus else { return input }
            let (size, mtime) = IngestJob.sizeAndTime(of: status)
            guard known.isUnchanged(size: size, mtime: mtime) else { return input }
            lock.withLock { unchangedCount += 1 }
            progress.advance(failed: false)
        }
        return nil
    }
}

/// The sidecar paths a walk met; filled on the walking thread, read once it is done.
private final class MetSidecars: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [String] = []

    func add(_ path: String) { lock.withLock { found.append(path) } }
    var paths: [String] { lock.withLock { found } }
}
