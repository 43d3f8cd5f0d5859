import Foundation

/// Runs `work` over every input on `jobs` worker threads, hands the results to `emit` in input
/// order on the calling thread, and gives up on a file that runs past `watchdog.seconds`.
///
/// Workers take inputs themselves from the shared sequence, so a healthy batch pays no thread
/// start, handoff or timer per file. A file past its deadline is reported through `refused`
/// and its worker is abandoned, since a thread stuck in C cannot be stopped safely; a new
/// worker takes its place. Once `watchdog.maxAbandoned` workers are stuck at once, the files
/// not yet started are reported as not processed instead. At most `4 × jobs` finished
/// results wait for an earlier one, so memory stays flat however many inputs there are.
/// - Parameters:
///   - refused: the result to report for an input the watchdog gave up on or never started.
///   - emit: runs on the caller's thread, one result at a time, in input order.
func runWatched<Inputs: Sequence, Output>(
    _ inputs: Inputs, jobs: Int, watchdog: FileWatchdog,
    work: @escaping (Inputs.Element) -> Output,
    refused: @escaping (Inputs.Element, FileWatchdog.Refusal) -> Output,
    emit: (Output) -> Void
) {
    let pool = WatchedWorkers(inputs, jobs: max(1, jobs), watchdog: watchdog, work: work, refused: refused)
    pool.drain(emit)
}

/// The shared state of ``runWatched``: everything is guarded by `condition`.
private final class WatchedWorkers<Inputs: Sequence, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private var iterator: Inputs.Iterator
    private var exhausted = false
    private let jobs: Int
    private let watchdog: FileWatchdog
    private let work: (Inputs.Element) -> Output
    private let refused: (Inputs.Element, FileWatchdog.Refusal) -> Output
    private var taken = 0
    private var nextToEmit = 0
    private var results: [Int: Output] = [:]
    private var running: [Int: Running] = [:]
    private var stuck = 0
    /// Workers that are neither abandoned nor finished.
    private var live = 0

    private final class Running {
        let input: Inputs.Element
        let deadline: Date
        var abandoned = false

        init(input: Inputs.Element, deadline: Date) {
            self.input = input
            self.deadline = deadline
        }
    }

    init(_ inputs: Inputs, jobs: Int, watchdog: FileWatchdog,
         work: @escaping (Inputs.Element) -> Output, refused: @escaping (Inputs.Element, FileWatchdog.Refusal) -> Output) {
        iterator = inputs.makeIterator()
        self.jobs = jobs
        self.watchdog = watchdog
        self.work = work
        self.refused = refused
    }

    /// Starts the workers, then emits results in order until every input is accounted for;
    /// between results it watches the deadlines.
    func drain(_ emit: (Output) -> Void) {
        condition.lock()
        while true {
            while live < jobs && !exhausted && stuck < watchdog.maxAbandoned { startWorker() }
            var ready: [Output] = []
            while let output = results.removeValue(forKey: nextToEmit) {
                ready.append(output)
                nextToEmit += 1
            }
            if !ready.isEmpty {
                condition.broadcast()  // the window moved: workers may take more inputs
                condition.unlock()
                ready.forEach(emit)
                condition.lock()
                continue
            }
            if exhausted && nextToEmit == taken { break }
            let now = Date()
            var wake = now + watchdog.seconds
            for (index, entry) in running where !entry.abandoned {
                if entry.deadline <= now {
                    entry.abandoned = true
                    stuck += 1
                    live -= 1
                    results[index] = refused(entry.input, .timedOut(seconds: watchdog.seconds))
                } else {
                    wake = min(wake, entry.deadline)
                }
            }
            if stuck >= watchdog.maxAbandoned { refuseRemaining() }
            if results[nextToEmit] == nil { _ = condition.wait(until: wake) }
        }
        condition.unlock()
    }

    /// With too many workers stuck, the inputs not yet started are reported, not started.
    private func refuseRemaining() {
        while !exhausted, taken - nextToEmit < 4 * jobs {
            guard let input = iterator.next() else {
                exhausted = true
                return
            }
            results[taken] = refused(input, .tooManyStuck(limit: watchdog.maxAbandoned))
            taken += 1
        }
    }

    /// Starts one worker; call with the lock held.
    private func startWorker() {
        live += 1
        let thread = Thread { [self] in workerLoop() }
        thread.stackSize = FileWatchdog.stackSize
        thread.start()
    }

    /// Takes inputs until there are none, or until the watchdog abandons it.
    private func workerLoop() {
        condition.lock()
        while true {
            while !exhausted && taken - nextToEmit >= 4 * jobs && stuck < watchdog.maxAbandoned { condition.wait() }
            // After Ctrl-C no file is started; the running ones finish and are emitted.
            guard !exhausted, stuck < watchdog.maxAbandoned, !Interruption.requested, let input = iterator.next() else {
                if !exhausted && stuck < watchdog.maxAbandoned { exhausted = true }
                live -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let index = taken
            taken += 1
            let entry = Running(input: input, deadline: Date() + watchdog.seconds)
            running[index] = entry
            condition.unlock()
            let output = work(input)
            condition.lock()
            running[index] = nil
            if entry.abandoned {
                stuck -= 1
                condition.unlock()
                return
            }
            results[index] = output
            if index == nextToEmit { condition.broadcast() }
        }
    }
}
