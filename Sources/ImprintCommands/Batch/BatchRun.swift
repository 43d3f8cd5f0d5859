import Foundation

/// Drives a batch command: walks the inputs, runs the per-file work in parallel, prints the
/// records in input order, shows progress, and counts failures for the exit status.
struct BatchRun {
    let options: BatchOptions
    let writer: RecordWriter

    /// What one file produced: its record and, when it failed, the message for stderr.
    struct Outcome: Sendable {
        var record: [(key: String, value: OutputValue)]
        var failure: String?

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

    /// Runs `work` over every input and returns how many failed.
    func run(_ work: @escaping @Sendable (BatchInput) -> Outcome) async throws -> Int {
        let named = try options.namedPaths()
        let progress = ProgressReporter()
        if progress.isEnabled {
            // Counting is cheap next to decoding; it runs beside the work only for the ETA.
            let counter = Task.detached { PathWalker(named).reduce(0) { count, _ in count + 1 } }
            Task { progress.total = await counter.value }
        }
        var failures = 0
        await runOrdered(PathWalker(named), jobs: options.jobs, work: work) { outcome in
            writer.write(outcome.record)
            if let failure = outcome.failure {
                failures += 1
                progress.note(failure)
            }
            progress.advance(failed: outcome.failure != nil)
        }
        progress.finish()
        writer.finish()
        return failures
    }
}
