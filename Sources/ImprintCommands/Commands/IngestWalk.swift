import CaseStore
import Foundation

/// The walk of `imprint ingest`, less the files whose path, size and mtime are as in the case
/// (with every hash asked for): those are counted as the walk reaches them instead of going to
/// a worker, so that a run that changes nothing starts no worker thread. It also notes which
/// of the case's files the walk reached, so that only the others are looked for on disk.
/// (The pool draws inputs one at a time under its lock, so the `stat` of a file the case knows
/// happens there, in walk order; a file the case does not know costs a dictionary lookup.)
final class IngestWalk: Sequence, IteratorProtocol, @unchecked Sendable {
    private var walker: PathWalker
    private let job: IngestJob
    private let progress: ProgressReporter
    private let lock = NSLock()
    private var unchangedCount = 0
    private var reachedFiles = Set<Int64>()

    init(_ walker: PathWalker, job: IngestJob, progress: ProgressReporter) {
        self.walker = walker
        self.job = job
        self.progress = progress
    }

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
            guard !job.verify, case .success(let (size, mtime)) = IngestJob.sizeAndTime(path),
                  known.isUnchanged(size: size, mtime: mtime) else { return input }
            lock.withLock { unchangedCount += 1 }
            progress.advance(failed: false)
        }
        return nil
    }
}
