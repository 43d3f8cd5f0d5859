import CaseStore
import Synchronization

/// The cases a command opened, closed together just before the process exits.
///
/// Freeing a case costs GRDB's teardown (a notification-center lookup and a libdispatch
/// thread to dispose of its queue), a quarter of a millisecond of a second ingest that finds
/// nothing to do, for memory the exit returns anyway. So the cases stay referenced here, and
/// ``closeAll()`` does the one part that matters: SQLite's close, which leaves the case file
/// complete and removes its `-wal` and `-shm`.
enum OpenCases {
    private static let open = Mutex<[CaseDatabase]>([])

    /// `store`, kept until ``closeAll()``.
    static func keep(_ store: CaseDatabase) -> CaseDatabase {
        open.withLock { $0.append(store) }
        return store
    }

    /// Closes every case kept; called on every way out of the process. A case that cannot be
    /// closed (another thread still in a transaction) is left to SQLite's recovery on the
    /// next open: what was committed is in its WAL.
    static func closeAll() {
        for store in open.withLock({ $0 }) { try? store.close() }
    }
}
