import Foundation
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM during a batch: the first one stops starting files, lets the
/// running ones finish, writes their records whole and ends with status 130; a second one
/// ends the process at once. Without this, a piped run lost its last buffered records and
/// cut a JSON line in half, which made the whole file unreadable to `cluster`.
enum Interruption {
    private static let flag = Atomic<Bool>(false)
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Whether a signal asked the batch to stop.
    static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Starts listening; call once before a batch starts.
    static func watch() {
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                flag.store(true, ordering: .relaxed)
                // The next one is not caught: a second Ctrl-C ends the process at once.
                signal(SIGINT, SIG_DFL)
                signal(SIGTERM, SIG_DFL)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The exit status of an interrupted run (128 + SIGINT, as shells report it).
    static let exitStatus: Int32 = 130
}
