import Foundation

/// A small thread-safe memo for per-size filter tables, so a batch of same-sized images
/// computes its resampling weights once. Cleared whole when it reaches `limit` entries.
final class TableCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]
    private let limit: Int

    init(limit: Int = 64) {
        self.limit = limit
    }

    func value(for key: Key, make: () -> Value) -> Value {
        if let cached = lock.withLock({ entries[key] }) { return cached }
        let value = make()
        lock.withLock {
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
        return value
    }
}

/// Two sizes along one axis: from `input` pixels to `output` pixels.
struct AxisSizes: Hashable, Sendable {
    let input: Int
    let output: Int
}
