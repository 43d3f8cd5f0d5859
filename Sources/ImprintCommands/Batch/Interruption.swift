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
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Whether a signal asked the batch to stop.
    static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Starts listening; call once before a batch starts.
    static func watch() {
        guard sources.isEmpty else { return }
        let numbers = [SIGINT, SIGTERM, SIGHUP]
        for number in numbers {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard !flag.exchange(true, ordering: .relaxed) else { return }
                signalNumber.store(number, ordering: .relaxed)
                warn("stopping: no more files are started; Ctrl-C again to stop at once")
                // The next one is not caught: a second Ctrl-C ends the process at once.
                for number in numbers { signal(number, SIG_DFL) }
            }
            source.resume()
            sources.append(source)
        }
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
