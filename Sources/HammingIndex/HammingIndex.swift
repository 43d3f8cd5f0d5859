import Dispatch

/// An exact Hamming-distance range index over fixed-width hashes stored as contiguous
/// `UInt64` words (one word for imagehash's 64-bit hashes, four for PDQ's 256 bits).
///
/// Searches return every stored hash within the radius, never an approximation. The index
/// chooses, from the number of hashes and the radius it is built for, between multi-index
/// hashing (the bits cut into slots, each slot's buckets probed within `⌊r / slots⌋` bits,
/// see `SlotLayout`) and a linear scan of the contiguous words, which wins for small sets and
/// large radii. A search at another radius stays exact; it falls back to the scan when the
/// slots would cost more.
public struct HammingIndex: Sendable {
    /// Words per hash: the hash width is `64 × wordsPerHash` bits.
    public let wordsPerHash: Int
    /// Number of hashes.
    public let count: Int
    /// The hashes, `wordsPerHash` words each, most significant word first.
    public let words: [UInt64]
    /// The slots, or nil when every search scans.
    let layout: SlotLayout?
    /// Per slot: the first position of each bucket in `ids` (2^width + 1 entries).
    let starts: [[UInt32]]
    /// Per slot: hash numbers ordered by that slot's value (ascending number within a bucket).
    let ids: [[UInt32]]
    /// Whether searches use the slots even where the scan would be cheaper.
    let forced: Bool

    /// Builds an index over `words`, `wordsPerHash` words per hash, for searches of `radius`.
    ///
    /// - Complexity: O(n × slots) time and O(n × slots) memory when it builds slots; O(1)
    ///   extra when it chooses the scan.
    public init(words: [UInt64], wordsPerHash: Int, radius: Int) {
        precondition(wordsPerHash >= 1 && words.count % wordsPerHash == 0, "words do not divide into hashes")
        let model = CostModel(count: words.count / wordsPerHash, wordsPerHash: wordsPerHash)
        self.init(words: words, wordsPerHash: wordsPerHash, layout: model.bestQueryLayout(radius: radius), forced: false)
    }

    /// Builds an index with the given slots (nil: scan only); `forced` makes every search use
    /// them, whatever the cost model says (for tests).
    init(words: [UInt64], wordsPerHash: Int, layout plan: SlotLayout?, forced: Bool) {
        precondition(wordsPerHash >= 1 && words.count % wordsPerHash == 0, "words do not divide into hashes")
        precondition(words.count / wordsPerHash < Int(UInt32.max), "too many hashes for 32-bit ids")
        self.wordsPerHash = wordsPerHash
        self.words = words
        self.forced = forced
        count = words.count / wordsPerHash
        layout = plan
        guard let plan else {
            starts = []
            ids = []
            return
        }
        var starts = [[UInt32]](repeating: [], count: plan.count)
        var ids = [[UInt32]](repeating: [], count: plan.count)
        let count = count
        starts.withUnsafeMutableBufferPointer { startSlots in
            ids.withUnsafeMutableBufferPointer { idSlots in
                words.withUnsafeBufferPointer { hashes in
                    concurrentForEach(plan.count) { slot in
                        let (order, bucketStarts, _) = Self.bucketSort(hashes.baseAddress!, count: count,
                                                                        wordsPerHash: wordsPerHash, layout: plan, slot: slot)
                        startSlots[slot] = bucketStarts
                        idSlots[slot] = order
                    }
                }
            }
        }
        self.starts = starts
        self.ids = ids
    }

    /// One hash found by a search: its number in the index and its distance to the query.
    public struct Neighbor: Hashable, Sendable, Comparable {
        /// Position of the hash in the index (the order it was given in).
        public var index: Int
        /// Number of differing bits.
        public var distance: Int

        public init(index: Int, distance: Int) {
            self.index = index
            self.distance = distance
        }

        public static func < (lhs: Neighbor, rhs: Neighbor) -> Bool { lhs.index < rhs.index }
    }

    /// How searches are done: `"scan"`, or `"slots:<m>"` for multi-index hashing with m slots.
    public var strategy: String { layout.map { "slots:\($0.count)" } ?? "scan" }

    /// Every hash within `radius` bits of `query`, ordered by index.
    ///
    /// - Parameter query: `wordsPerHash` words, most significant first.
    /// - Complexity: O(n) for the scan; for slots, O(Σ probes + candidates), about
    ///   `slots × C(width, ≤⌊r/slots⌋) × (1 + n / 2^width)`.
    public func neighbors(of query: [UInt64], radius: Int) -> [Neighbor] {
        precondition(query.count == wordsPerHash, "query has the wrong width")
        var found: [Neighbor] = []
        query.withUnsafeBufferPointer { pointer in
            forEachNeighbor(of: pointer.baseAddress!, radius: radius) { found.append(Neighbor(index: $0, distance: $1)) }
        }
        found.sort()
        return found
    }

    /// Calls `body(index, distance)` once for every hash within `radius` bits of the hash at
    /// `query` (`wordsPerHash` words), in no particular order.
    public func forEachNeighbor(of query: UnsafePointer<UInt64>, radius: Int, _ body: (Int, Int) -> Void) {
        guard radius >= 0, count > 0 else { return }
        words.withUnsafeBufferPointer { hashes in
            let base = hashes.baseAddress!
            let width = wordsPerHash
            guard let layout, radius < 64 * width,
                  forced || CostModel(count: count, wordsPerHash: width).slotsWin(layout, radius: radius)
            else {
                for index in 0..<count {
                    let distance = hammingDistance(query, base + index * width, width)
                    if distance <= radius { body(index, distance) }
                }
                return
            }
            let probe = layout.probeDistance(for: radius)
            var masksByWidth: [Int: [UInt32]] = [:]
            for slot in 0..<layout.count {
                let slotWidth = layout.slots[slot].width
                let masks = masksByWidth[slotWidth] ?? SlotLayout.probeMasks(width: slotWidth, distance: probe)
                masksByWidth[slotWidth] = masks
                let value = layout.value(slot, of: query)
                starts[slot].withUnsafeBufferPointer { bucketStarts in
                    ids[slot].withUnsafeBufferPointer { order in
                        for mask in masks {
                            let bucket = Int(value ^ mask)
                            var position = Int(bucketStarts[bucket])
                            let end = Int(bucketStarts[bucket + 1])
                            while position < end {
                                let index = Int(order[position])
                                let candidate = base + index * width
                                let distance = hammingDistance(query, candidate, width)
                                if distance <= radius,
                                   !layout.foundEarlier(query, candidate, before: slot, probe: probe) {
                                    body(index, distance)
                                }
                                position += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Sorts hash numbers by the value of one slot (counting sort, stable).
    /// - Returns: the ordered numbers, each bucket's first position (2^width + 1 entries),
    ///   and each hash's slot value.
    static func bucketSort(_ hashes: UnsafePointer<UInt64>, count: Int, wordsPerHash: Int,
                           layout: SlotLayout, slot: Int) -> (order: [UInt32], starts: [UInt32], values: [UInt32]) {
        let buckets = 1 << layout.slots[slot].width
        var values = [UInt32](repeating: 0, count: count)
        var starts = [UInt32](repeating: 0, count: buckets + 1)
        for index in 0..<count {
            let value = layout.value(slot, of: hashes + index * wordsPerHash)
            values[index] = value
            starts[Int(value) + 1] += 1
        }
        for bucket in 0..<buckets { starts[bucket + 1] += starts[bucket] }
        var next = starts
        var order = [UInt32](repeating: 0, count: count)
        for index in 0..<count {
            let value = Int(values[index])
            order[Int(next[value])] = UInt32(index)
            next[value] += 1
        }
        return (order, starts, values)
    }
}

/// The number of differing bits between two hashes of `width` words.
///
/// - Complexity: O(width): one XOR and population count per word.
@inline(__always)
func hammingDistance(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, _ width: Int) -> Int {
    switch width {
    case 1:
        return (a[0] ^ b[0]).nonzeroBitCount
    case 4:
        return (a[0] ^ b[0]).nonzeroBitCount + (a[1] ^ b[1]).nonzeroBitCount
            + (a[2] ^ b[2]).nonzeroBitCount + (a[3] ^ b[3]).nonzeroBitCount
    default:
        var total = 0
        for word in 0..<width { total += (a[word] ^ b[word]).nonzeroBitCount }
        return total
    }
}
