import Foundation

/// Runs `work` over every input on `jobs` worker threads, hands the results to `emit` in input
/// order on the calling thread, and gives up on a file that runs past `watchdog.seconds`.
///
/// Workers take inputs themselves from the shared sequence, so a healthy batch pays no thread
/// start, handoff or timer per file. A file past its deadline is reported through `refused`
/// and its worker is abandoned, since a thread stuck in C cannot be stopped safely; a new
/// worker takes its place. Once `maxAbandoned` workers are stuck at once, the files
/// not yet started are reported as not processed instead. At most `4 × jobs` finished
/// results wait for an earlier one, so memory stays flat however many inputs there are.
///
/// Once `stop` says so (Ctrl-C), no input is started; those in progress get
/// ``Interruption/grace`` to finish, and any still running then is abandoned and left out,
/// told to `leftOut`, so that a 20,000-pixel-square PNG does not hold the stop for seconds.
/// - Parameters:
///   - refused: the result to report for an input the watchdog gave up on or never started.
///   - leftOut: called on the caller's thread for each input abandoned because of `stop`.
///   - emit: runs on the caller's thread, one result at a time, in input order.
func runWatched<Inputs: Sequence, Output>(
    _ inputs: Inputs, jobs: @autoclosure @escaping () -> Int, watchdog: FileWatchdog,
    stop: @escaping @Sendable () -> Bool = { Interruption.requested },
    work: @escaping (Inputs.Element) -> Output,
    refused: @escaping (Inputs.Element, FileWatchdog.Refusal) -> Output,
    leftOut: (Inputs.Element) -> Void = { _ in },
    emit: (Output) -> Void
) {
    let pool = WatchedWorkers(inputs, jobs: jobs, watchdog: watchdog, stop: stop, work: work, refused: refused)
    pool.drain(leftOut: leftOut, emit)
}

/// The shared state of ``runWatched``: everything is guarded by `condition`.
private final class WatchedWorkers<Inputs: Sequence, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private var iterator: Inputs.Iterator
    /// The first input, drawn on the caller's thread before any worker starts, so that an
    /// empty batch (an ingest whose walk finds every file unchanged) starts none.
    private var first: Inputs.Element?
    private var exhausted = false
    /// The workers to run, asked only once there is an input: the default (all cores) costs
    /// Foundation a third of a millisecond to find out, which a run with nothing to do saves.
    private let jobsAsked: () -> Int
    private lazy var jobs: Int = max(1, jobsAsked())
    private lazy var maxAbandoned: Int = watchdog.maxAbandoned ?? BatchRun.maxAbandoned(jobs: jobs)
    private let watchdog: FileWatchdog
    private let stop: @Sendable () -> Bool
    private let work: (Inputs.Element) -> Output
    private let refused: (Inputs.Element, FileWatchdog.Refusal) -> Output
    private var taken = 0
    private var nextToEmit = 0
    private var results: [Int: Output] = [:]
    /// Inputs abandoned after a stop: emitted as nothing, in their turn.
    private var leftOut: [Int: Inputs.Element] = [:]
    /// When `stop` was first seen.
    private var stoppedAt: Date?
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

    init(_ inputs: Inputs, jobs: @escaping () -> Int, watchdog: FileWatchdog, stop: @escaping @Sendable () -> Bool,
         work: @escaping (Inputs.Element) -> Output, refused: @escaping (Inputs.Element, FileWatchdog.Refusal) -> Output) {
        iterator = inputs.makeIterator()
        jobsAsked = jobs
        self.watchdog = watchdog
        self.stop = stop
        self.work = work
        self.refused = refused
    }

    /// Starts the workers, then emits results in order until every input is accounted for;
    /// between results it watches the deadlines and the stop.
    func drain(leftOut report: (Inputs.Element) -> Void, _ emit: (Output) -> Void) {
        condition.lock()
        first = iterator.next()
        if first == nil { exhausted = true }
        while true {
            if stoppedAt == nil && stop() {
                stoppedAt = Date()
                exhausted = true  // nothing more is started
            }
            while !exhausted && live < jobs && stuck < maxAbandoned { startWorker() }
            var ready: [Output] = [], dropped: [Inputs.Element] = []
            while true {
                if let output = results.removeValue(forKey: nextToEmit) {
                    ready.append(output)
                } else if let input = leftOut.removeValue(forKey: nextToEmit) {
                    dropped.append(input)
                } else {
                    break
                }
                nextToEmit += 1
            }
            if !ready.isEmpty || !dropped.isEmpty {
                condition.broadcast()  // the window moved: workers may take more inputs
                condition.unlock()
                // Order among the two does not matter: a left-out input prints no record.
                dropped.forEach(report)
                ready.forEach(emit)
                condition.lock()
                continue
            }
            if exhausted && nextToEmit == taken { break }
            let now = Date()
            // Until a stop, a look every quarter second notices it; after one, the grace ends it.
            var wake = stoppedAt.map { $0 + Interruption.grace } ?? now + min(watchdog.seconds, 0.25)
            let graceOver = stoppedAt.map { $0 + Interruption.grace <= now } ?? false
            for (index, entry) in running where !entry.abandoned {
                guard graceOver || entry.deadline <= now else {
                    wake = min(wake, entry.deadline)
                    continue
                }
                entry.abandoned = true
                stuck += 1
                live -= 1
                if entry.deadline <= now {
                    results[index] = refused(entry.input, .timedOut(seconds: watchdog.seconds))
                } else {
                    leftOut[index] = entry.input
                }
            }
            if stuck >= maxAbandoned { refuseRemaining() }
            if results[nextToEmit] == nil && leftOut[nextToEmit] == nil { _ = condition.wait(until: wake) }
        }
        condition.unlock()
    }

    /// With too many workers stuck, the inputs not yet started are reported, not started.
    private func refuseRemaining() {
        while !exhausted, taken - nextToEmit < 4 * jobs {
            guard let input = nextInput() else {
                exhausted = true
                return
            }
            results[taken] = refused(input, .tooManyStuck(limit: maxAbandoned))
            taken += 1
        }
    }

    /// The next input not yet started; call with the lock held.
    private func nextInput() -> Inputs.Element? {
        if let input = first {
            first = nil
            return input
        }
        return iterator.next()
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
            while !exhausted && taken - nextToEmit >= 4 * jobs && stuck < maxAbandoned { condition.wait() }
            // After Ctrl-C no file is started; the running ones finish within the grace or are left out.
            guard !exhausted, stuck < maxAbandoned, !stop(), let input = nextInput() else {
                if !exhausted && stuck < maxAbandoned { exhausted = true }
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
