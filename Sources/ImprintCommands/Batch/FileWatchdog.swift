import Foundation

/// Runs each file's work on a thread of its own and gives up waiting after a time limit, so
/// one pathological file cannot stall a batch.
///
/// A thread stuck inside libjpeg, libpng, libwebp or libexif cannot be stopped safely: there
/// is no cancellation point in C, and killing a thread would leak its locks and memory. So a
/// file that runs past the limit is *abandoned*: its thread keeps running (and is discarded
/// when it ends, or when the process exits), the file is reported as timed out, and the batch
/// goes on. At most `maxAbandoned` threads may be abandoned at once; past that every further
/// file is reported as not processed instead of starting yet another thread that might stick,
/// so a folder full of hostile files costs bounded CPU and memory.
final class FileWatchdog: @unchecked Sendable {
    /// Why the watchdog did not return the work's result.
    enum Refusal: Error, Equatable, CustomStringConvertible {
        /// The work ran longer than the limit and was abandoned.
        case timedOut(seconds: Double)
        /// Too many earlier files are still stuck; this one was not started.
        case tooManyStuck(limit: Int)

        var description: String {
            switch self {
            case .timedOut(let seconds):
                "timed out after \(Self.format(seconds)) s (--timeout-per-file); its worker was abandoned"
            case .tooManyStuck(let limit):
                "not processed: \(limit) workers are still stuck on earlier files that timed out"
            }
        }

        private static func format(_ seconds: Double) -> String {
            seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        }
    }

    /// Seconds one file may take.
    let seconds: Double
    /// Threads that may be abandoned (still running) at once.
    let maxAbandoned: Int
    /// Stack size of each worker thread: the main thread's usual 8 MiB, since the work
    /// (libexif, FoundationXML) may recurse.
    static let stackSize = 8 << 20

    private let lock = NSLock()
    private var stuck = 0

    init(seconds: Double, maxAbandoned: Int) {
        self.seconds = seconds
        self.maxAbandoned = max(1, maxAbandoned)
    }

    /// How many abandoned threads are still running.
    var abandonedRunning: Int { lock.withLock { stuck } }

    /// Runs `work` on a new thread and returns its result, or a ``Refusal`` when it took longer
    /// than ``seconds`` or too many earlier files are still stuck.
    func run<Output: Sendable>(_ work: @escaping @Sendable () -> Output) async -> Result<Output, Refusal> {
        if abandonedRunning >= maxAbandoned { return .failure(.tooManyStuck(limit: maxAbandoned)) }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Result<Output, Refusal>, Never>) in
            let slot = Slot(continuation)
            let thread = Thread { [self] in
                let output = work()
                if !slot.resume(with: .success(output)) {
                    // The watchdog gave up on this thread earlier; it is no longer stuck.
                    lock.withLock { stuck -= 1 }
                }
            }
            thread.stackSize = Self.stackSize
            thread.start()
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
                lock.withLock {
                    if slot.resume(with: .failure(.timedOut(seconds: seconds))) { stuck += 1 }
                }
            }
        }
    }

    /// Resumes its continuation exactly once, from whichever side comes first.
    private final class Slot<Output: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Result<Output, Refusal>, Never>?

        init(_ continuation: CheckedContinuation<Result<Output, Refusal>, Never>) {
            self.continuation = continuation
        }

        /// Resumes with `result` if nobody has yet; returns whether this call did.
        func resume(with result: Result<Output, Refusal>) -> Bool {
            guard let continuation = lock.withLock({ () -> CheckedContinuation<Result<Output, Refusal>, Never>? in
                defer { self.continuation = nil }
                return self.continuation
            }) else { return false }
            continuation.resume(returning: result)
            return true
        }
    }
}
