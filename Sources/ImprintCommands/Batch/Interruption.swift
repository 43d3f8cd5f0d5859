import ArgumentParser
import Foundation
import Synchronization

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed) during a batch: the first one
/// stops starting files, gives the running ones ``grace`` to finish (a file still being read
/// then is left out and named), writes the records whole and ends with 128 + the signal (130
/// for Ctrl-C); a second one ends the process at once. Without this, a piped run lost its last buffered records
/// and cut a JSON line in half, which made the whole file unreadable to `cluster`.
enum Interruption {
    private static let flag = Atomic<Bool>(false)
    /// The signal that asked, for the exit status.
    private static let signalNumber = Atomic<Int32>(SIGINT)
    private static let watching = Atomic<Bool>(false)

    /// Whether a signal asked the batch to stop.
    static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Starts listening; call once before a batch starts.
    ///
    /// A plain signal handler rather than a dispatch source: the source starts libdispatch's
    /// event thread in every run, a tenth of a millisecond of a run that reads nothing.
    static func watch() {
        // The atomics are made here, not first in the handler, where nothing may allocate.
        _ = (flag.load(ordering: .relaxed), signalNumber.load(ordering: .relaxed))
        guard !watching.exchange(true, ordering: .relaxed) else { return }
        signal(SIGINT, handle)
        signal(SIGTERM, handle)
        signal(SIGHUP, handle)
    }

    /// The handler: only atomics, write(2) and signal(2), which a signal handler may use.
    private static let handle: @convention(c) (Int32) -> Void = { number in
        guard !flag.exchange(true, ordering: .relaxed) else { return }
        signalNumber.store(number, ordering: .relaxed)
        let message: StaticString = "stopping: no more files are started; Ctrl-C again to stop at once\n"
        _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
        // The next one is not caught: a second Ctrl-C ends the process at once.
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        signal(SIGHUP, SIG_DFL)
    }

    /// The exit status of an interrupted run, 128 + the signal as shells report it: 130 for
    /// Ctrl-C, 143 for SIGTERM, 129 for SIGHUP (CLI probe round 10, L2: all were 130).
    static var exitStatus: Int32 { 128 + signalNumber.load(ordering: .relaxed) }

    /// How long files in progress may go on after a stop: a photo takes milliseconds, while a
    /// huge PNG or an `--exact` decode may take half a minute, longer than anyone waits.
    static let grace = 1.0

    /// Ends an interrupted `cluster`, `match` or `hashes export` once its output is written:
    /// says that it covers only the `images` read before the stop, and exits as interrupted.
    static func stopAfterOutput(_ images: Int) throws {
        guard requested else { return }
        warn("interrupted: the output covers the \(images) images read before the stop")
        throw ExitCode(exitStatus)
    }

    /// What stderr says of a file left out after the grace.
    static func leftOut(_ path: String) -> String {
        "\(path): left out: still being read a second after the stop"
    }
}
