import Foundation

/// The per-file time limit of a batch (`--timeout-per-file`) and how many stuck workers it
/// tolerates; ``runWatched`` enforces it.
///
/// A thread stuck inside libjpeg, libpng, libwebp or libexif cannot be stopped safely: there
/// is no cancellation point in C, and killing a thread would leak its locks and memory. So a
/// file that runs past the limit is *abandoned*: its worker keeps running (and ends when the
/// work does, or when the process exits), the file is reported as timed out, and the batch
/// goes on. At most `maxAbandoned` workers may be stuck at once; past that every further file
/// is reported as not processed instead of risking yet another stuck thread, so a folder full
/// of hostile files costs bounded CPU and memory.
struct FileWatchdog: Sendable {
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

        /// A limit in seconds as written on the command line ("60", "0.5").
        static func format(_ seconds: Double) -> String {
            seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        }
    }

    /// Seconds one file may take.
    let seconds: Double
    /// Threads that may be abandoned (still running) at once; nil: as many as
    /// ``BatchRun/maxAbandoned(jobs:)`` allows the workers.
    let maxAbandoned: Int?
    /// Stack size of each worker thread: the main thread's usual 8 MiB, since the work
    /// (libexif) may recurse.
    static let stackSize = 8 << 20

    init(seconds: Double, maxAbandoned: Int? = nil) {
        self.seconds = seconds
        self.maxAbandoned = maxAbandoned.map { max(1, $0) }
    }
}
