import CaseStore
import Foundation

/// The single writer of `imprint ingest`: batches go to the case on a thread of their own,
/// so the workers keep decoding while a transaction commits. At most one batch is being
/// written while the next one fills, so memory stays bounded.
final class IngestWriter: @unchecked Sendable {
    private let store: CaseDatabase
    private let queue = DispatchQueue(label: "imprint.ingest.writer")
    private let slot = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private var counts = CaseDatabase.StoreCounts()
    private var failure: Error?

    init(store: CaseDatabase) { self.store = store }

    /// Hands a batch over, waiting first for the previous one to be committed.
    func submit(_ batch: [IngestedFile]) {
        guard !batch.isEmpty else { return }
        slot.wait()
        queue.async { [self] in
            defer { slot.signal() }
            if lock.withLock({ failure != nil }) { return }
            do {
                let stored = try store.store(batch)
                lock.withLock { counts.add(stored) }
            } catch {
                lock.withLock { failure = error }
            }
        }
    }

    /// Waits for every batch to be committed; returns the counts or throws the first error.
    func finish() throws -> CaseDatabase.StoreCounts {
        slot.wait()
        slot.signal()
        return try lock.withLock {
            if let failure { throw failure }
            return counts
        }
    }
}
