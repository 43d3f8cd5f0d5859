import ArgumentParser
import Foundation
import ImageMetadata

/// Drives a batch command: walks the inputs, runs the per-file work in parallel, prints the
/// records in input order, shows progress, and counts failures for the exit status.
struct BatchRun {
    let options: BatchOptions
    let writer: RecordWriter

    /// The names a command gives the fields of a file that need no decoding.
    struct Identity: Sendable {
        var pathKey: String
        var sizeKey: String
        var sha256Key: String
        var md5Key: String
    }

    /// A record of the fields of a file that need no decoding: its path, size and digests.
    /// With `batchingDigests` the digests are left for the run to fill in with other files'
    /// (a large file's are computed here, so that files waiting for digests stay small).
    static func identify(_ path: String, _ bytes: [UInt8], as identity: Identity, batchingDigests: Bool) -> Outcome {
        var outcome = Outcome(record: [(identity.pathKey, .string(path)), (identity.sizeKey, .integer(Int64(bytes.count)))], failure: nil)
        if batchingDigests && bytes.count <= digestBatch.bytes / 4 {
            outcome.record += [(identity.sha256Key, .null), (identity.md5Key, .null)]
            outcome.undigested = bytes
        } else {
            let digests = FileDigests(of: bytes)
            outcome.record += [(identity.sha256Key, .string(digests.sha256)), (identity.md5Key, .string(digests.md5))]
        }
        return outcome
    }

    /// What one file produced: its record and, when it failed, the message for stderr.
    struct Outcome: Sendable {
        var record: [(key: String, value: OutputValue)]
        var failure: String?
        /// A warning for stderr about a file that did not fail (a truncated JPEG hashed from
        /// what it holds): the analyst sees it without reading every record.
        var notice: String? = nil
        /// The bytes of a file whose digests its record still lacks (null under the run's
        /// ``Identity`` keys): the run fills them in just before writing, several files at
        /// once (``FileDigests/of(_:)``, about half the time of one file after another).
        var undigested: [UInt8]? = nil
        /// The path of a file the watchdog gave up on, whose record the run completes.
        var timedOut: String? = nil

        /// The outcome of a file that could not be read: its path under `pathKey`, the reason
        /// under `errorKey`.
        static func unreadable(_ failure: PathWalker.Failure, pathKey: String, errorKey: String) -> Outcome {
            Outcome(record: [(pathKey, .string(failure.path)), (errorKey, .string(failure.reason))],
                    failure: failure.description)
        }
    }

    /// The path and bytes of one input, or why there are none.
    static func read(_ input: BatchInput) -> Result<(path: String, bytes: [UInt8]), PathWalker.Failure> {
        input.flatMap { path in readFile(path).map { (path, $0) } }
    }

    /// Runs `work` over every input and returns how many failed (1, with a note on stderr,
    /// when there was no input at all). Each file runs under a
    /// ``FileWatchdog`` with `--timeout-per-file`; a file that times out (or is not started
    /// because too many earlier ones are stuck) gets its path under `identity.pathKey` and the
    /// reason under `errorKey`, and one that timed out its size and digests too (its bytes
    /// read again: decoding them was what hung), so that it can be looked up and shared.
    func run(identity: Identity, errorKey: String = "error",
             _ work: @escaping @Sendable (BatchInput) -> Outcome) async throws -> Int {
        let named = try options.namedPaths()
        Interruption.watch()
        let progress = ProgressReporter()
        progress.countFiles(under: named)
        var failures = 0, seen = 0
        // Finished files wait here for their digests (see `digestBatch`).
        var waiting: [Outcome] = [], waitingBytes = 0, firstWaiting = ContinuousClock.now
        func writeWaiting() {
            Self.fillInDigests(&waiting, as: identity)
            for outcome in waiting {
                seen += 1
                writer.write(outcome.record)
                if let failure = outcome.failure {
                    failures += 1
                    progress.note(failure)
                } else if let notice = outcome.notice {
                    progress.note(notice)
                }
                progress.advance(failed: outcome.failure != nil)
            }
            waiting.removeAll(keepingCapacity: true)
            waitingBytes = 0
        }
        let watchdog = FileWatchdog(seconds: options.timeoutPerFile)
        let passedOver = PathWalker.PassedOver()
        runWatched(PathWalker(named, passedOver: passedOver), jobs: options.workers, watchdog: watchdog, work: work, refused: { input, refusal in
            var outcome = Outcome.unreadable(PathWalker.Failure(path: input.path, reason: refusal.description),
                                             pathKey: identity.pathKey, errorKey: errorKey)
            if case .timedOut = refusal, case .success(let path) = input { outcome.timedOut = path }
            return outcome
        }, leftOut: { input in
            progress.note(Interruption.leftOut(input.path))
        }) { result in
            // Outside the pool's lock: a timed-out file's bytes are read again here.
            var outcome = result
            if let path = outcome.timedOut, case .success(let bytes) = readFile(path) {
                outcome = Self.identify(path, bytes, as: identity, batchingDigests: false)
                outcome.record += result.record.filter { $0.key == errorKey }
                outcome.failure = result.failure
            }
            if waiting.isEmpty { firstWaiting = .now }
            waiting.append(outcome)
            waitingBytes += outcome.undigested?.count ?? 0
            if waiting.count >= Self.digestBatch.files || waitingBytes >= Self.digestBatch.bytes
                || firstWaiting.duration(to: .now) >= Self.digestBatch.wait {
                writeWaiting()
            }
        }
        writeWaiting()
        progress.finish()
        writer.finish()
        for line in passedOver.lines { warn(line) }
        if Interruption.requested {
            warn("interrupted: \(seen) files done, \(failures) failed; their records are complete")
            throw ExitCode(Interruption.exitStatus)
        }
        // Folders of sidecars, videos or nothing: say so rather than print nothing and succeed,
        // as exiftool does (its exit status is 1 when it reads no file).
        if seen == 0 {
            warn("no image files under " + named.map { "'\($0)'" }.joined(separator: ", ") + " (other files and hidden ones are passed over)")
            return 1
        }
        return failures
    }

    /// How many finished files wait for their digests at most, and for how long: enough for
    /// the digest lanes (``FileDigests/of(_:)``) to stay full on a folder of photos, little
    /// enough that records and progress appear promptly when files are slow and memory stays
    /// flat. A file of more than `bytes / 4` is digested alone by its worker.
    static let digestBatch = (files: 32, bytes: 16 << 20, wait: Duration.milliseconds(250))

    /// Whether the writing thread can digest the workers' photos, several at once, without
    /// becoming what they wait on: its share is about 85 µs a photo against their 1.4 ms of
    /// decoding, so it keeps up with a few workers, not with a server's dozens. (`exif`, with
    /// no decoding, digests on its workers: one thread doing it for two was slower.)
    static func batchesDigests(jobs: Int) -> Bool { jobs <= 4 }

    /// Writes the digests of `outcomes`' undigested files into their records, under
    /// `identity`'s keys, all at once.
    static func fillInDigests(_ outcomes: inout [Outcome], as identity: Identity) {
        let waiting = outcomes.indices.compactMap { index in outcomes[index].undigested.map { (index, $0) } }
        guard !waiting.isEmpty else { return }
        for ((index, _), digest) in zip(waiting, FileDigests.of(waiting.map(\.1))) {
            outcomes[index].undigested = nil
            for field in outcomes[index].record.indices {
                switch outcomes[index].record[field].key {
                case identity.sha256Key: outcomes[index].record[field].value = .string(digest.sha256)
                case identity.md5Key: outcomes[index].record[field].value = .string(digest.md5)
                default: break
                }
            }
        }
    }

    /// Stuck workers tolerated before files stop being started: enough that a few
    /// pathological files do not end the batch, few enough to bound the wasted CPU.
    static func maxAbandoned(jobs: Int) -> Int { max(8, 2 * jobs) }
}

extension BatchInput {
    /// The path this input names, whether or not it could be walked.
    var path: String {
        switch self {
        case .success(let path): path
        case .failure(let failure): failure.path
        }
    }
}
