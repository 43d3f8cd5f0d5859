import Foundation

/// Order-keeping parallel map over an array, for CPU-bound work on items already in memory
/// (resolving post texts). Files go through the watched worker pool instead.
enum ParallelMap {
    /// `transform` applied to every element on all cores, results in input order.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard items.count >= 64, cores > 1 else { return items.map(transform) }
        let chunk = max(16, items.count / (cores * 8))
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes its own disjoint range of the buffer.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: (items.count + chunk - 1) / chunk) { part in
                for index in part * chunk..<min(items.count, (part + 1) * chunk) { output[index] = transform(items[index]) }
            }
        }
        return results.map { $0! }
    }
}
