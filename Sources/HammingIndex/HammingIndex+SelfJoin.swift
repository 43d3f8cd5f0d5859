import Dispatch

/// Two hashes within the radius of a self-join: `first < second`.
public struct HammingPair: Hashable, Sendable, Comparable {
    /// The smaller hash number.
    public var first: UInt32
    /// The larger hash number.
    public var second: UInt32
    /// Number of differing bits.
    public var distance: UInt16

    public init(first: UInt32, second: UInt32, distance: UInt16) {
        self.first = first
        self.second = second
        self.distance = distance
    }

    public static func < (lhs: HammingPair, rhs: HammingPair) -> Bool {
        (lhs.first, lhs.second) < (rhs.first, rhs.second)
    }
}

extension HammingIndex {
    /// Every pair of hashes within `radius` bits of each other, ordered by `(first, second)`.
    ///
    /// Multi-index hashing as a join: for each slot in turn the hashes are bucket-sorted by
    /// that slot's value and copied into that order, so each bucket is a contiguous run;
    /// each bucket is compared with itself and with every bucket within `⌊r / slots⌋` bits.
    /// A pair is reported only through the first slot that finds it. Falls back to comparing
    /// all pairs when that is cheaper (small sets, large radii).
    /// - Parameters:
    ///   - words: the hashes, `wordsPerHash` words each.
    ///   - concurrency: how many threads compare buckets.
    /// - Complexity: about `slots × (n²·C(w, ≤⌊r/slots⌋) / 2^(w+1))` distance computations on
    ///   contiguous memory; memory O(n) beyond the input and the result.
    public static func selfJoin(words: [UInt64], wordsPerHash: Int, radius: Int,
                                concurrency: Int = 2) -> [HammingPair] {
        let model = CostModel(count: words.count / max(1, wordsPerHash), wordsPerHash: wordsPerHash)
        return selfJoin(words: words, wordsPerHash: wordsPerHash, radius: radius, concurrency: concurrency,
                        layout: model.bestJoinLayout(radius: radius))
    }

    /// The same pairs as `selfJoin(words:wordsPerHash:radius:concurrency:)`, handed to `body`
    /// in batches as they are found, in no particular order, one batch at a time: memory stays
    /// O(n) however many pairs there are (thousands of near-copies of one photo make pairs in
    /// the square of their number). `body` runs on the join's threads, never two at once, so it
    /// may change the caller's state without a lock, but must not rely on the calling thread.
    /// - Complexity: as the sorted join's, without the result's memory and sort.
    public static func selfJoin(words: [UInt64], wordsPerHash: Int, radius: Int, concurrency: Int = 2,
                                batches body: ([HammingPair]) -> Void) {
        let model = CostModel(count: words.count / max(1, wordsPerHash), wordsPerHash: wordsPerHash)
        selfJoin(words: words, wordsPerHash: wordsPerHash, radius: radius, concurrency: concurrency,
                 layout: model.bestJoinLayout(radius: radius), batches: body)
    }

    /// A self-join through `layout` (nil: all pairs), sorted.
    static func selfJoin(words: [UInt64], wordsPerHash: Int, radius: Int, concurrency: Int,
                         layout: SlotLayout?) -> [HammingPair] {
        var pairs: [HammingPair] = []
        selfJoin(words: words, wordsPerHash: wordsPerHash, radius: radius, concurrency: concurrency,
                 layout: layout) { pairs += $0 }
        pairs.sort()
        return pairs
    }

    /// A self-join through `layout` (nil: all pairs), streamed to `body`.
    static func selfJoin(words: [UInt64], wordsPerHash: Int, radius: Int, concurrency: Int,
                         layout chosen: SlotLayout?, batches body: ([HammingPair]) -> Void) {
        precondition(wordsPerHash >= 1 && words.count % wordsPerHash == 0, "words do not divide into hashes")
        let count = words.count / wordsPerHash
        precondition(count < Int(UInt32.max), "too many hashes for 32-bit ids")
        guard radius >= 0, count > 1 else { return }
        let chunks = max(1, concurrency) * 16
        withoutActuallyEscaping(body) { body in
            let sink = PairSink(body: body)
            words.withUnsafeBufferPointer { hashes in
                let base = hashes.baseAddress!
                guard let layout = chosen, radius < 64 * wordsPerHash else {
                    allPairs(base, count: count, wordsPerHash: wordsPerHash, radius: radius, chunks: chunks, into: sink)
                    return
                }
                let probe = layout.probeDistance(for: radius)
                var gathered = [UInt64](repeating: 0, count: words.count)
                for slot in 0..<layout.count {
                    let (order, starts, _) = bucketSort(base, count: count, wordsPerHash: wordsPerHash, layout: layout, slot: slot)
                    gathered.withUnsafeMutableBufferPointer { target in
                        for (position, index) in order.enumerated() {
                            let from = base + Int(index) * wordsPerHash
                            for word in 0..<wordsPerHash { target[position * wordsPerHash + word] = from[word] }
                        }
                    }
                    let masks = SlotLayout.probeMasks(width: layout.slots[slot].width, distance: probe)
                    var occupied: [UInt32] = []
                    occupied.reserveCapacity(min(count, starts.count))
                    for bucket in 0..<(starts.count - 1) where starts[bucket] != starts[bucket + 1] {
                        occupied.append(UInt32(bucket))
                    }
                    let context = JoinSlot(base: base, wordsPerHash: wordsPerHash, radius: radius, probe: probe,
                                           layout: layout, slot: slot, masks: masks)
                    gathered.withUnsafeBufferPointer { sorted in
                        order.withUnsafeBufferPointer { order in
                            starts.withUnsafeBufferPointer { starts in
                                occupied.withUnsafeBufferPointer { occupied in
                                    concurrentForEach(chunks) { chunk in
                                        let range = occupied.count * chunk / chunks..<occupied.count * (chunk + 1) / chunks
                                        var found: [HammingPair] = []
                                        context.join(buckets: occupied[range], sorted: sorted.baseAddress!,
                                                     order: order.baseAddress!, starts: starts.baseAddress!,
                                                     into: &found, sink: sink)
                                        sink.flush(&found, atLeast: 1)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Compares every pair, in `chunks` interleaved row sets so threads get equal work.
    private static func allPairs(_ base: UnsafePointer<UInt64>, count: Int, wordsPerHash: Int, radius: Int,
                                 chunks: Int, into sink: PairSink) {
        concurrentForEach(chunks) { chunk in
            var found: [HammingPair] = []
            var first = chunk
            while first < count {
                let a = base + first * wordsPerHash
                for second in (first + 1)..<max(first + 1, count) {
                    let distance = hammingDistance(a, base + second * wordsPerHash, wordsPerHash)
                    if distance <= radius {
                        found.append(HammingPair(first: UInt32(first), second: UInt32(second), distance: UInt16(distance)))
                        sink.flush(&found)
                    }
                }
                first += chunks
            }
            sink.flush(&found, atLeast: 1)
        }
    }
}

/// Where the threads of a self-join hand over what they found: one batch at a time, so the
/// receiver needs no lock of its own.
private struct PairSink: @unchecked Sendable {
    let body: ([HammingPair]) -> Void
    private let queue = DispatchQueue(label: "HammingIndex.selfJoin")

    init(body: @escaping ([HammingPair]) -> Void) { self.body = body }

    /// Hands `found` over and empties it once it holds `atLeast` pairs (default: a batch).
    func flush(_ found: inout [HammingPair], atLeast minimum: Int = 1 << 16) {
        guard found.count >= minimum else { return }
        queue.sync { body(found) }
        found.removeAll(keepingCapacity: true)
    }
}

/// What the threads of one slot's join share.
private struct JoinSlot {
    let base: UnsafePointer<UInt64>
    let wordsPerHash: Int
    let radius: Int
    let probe: Int
    let layout: SlotLayout
    let slot: Int
    let masks: [UInt32]

    /// Compares each bucket in `buckets` with itself and with every higher bucket within
    /// `probe` bits, appending the pairs this slot is the first to find.
    func join(buckets: Slice<UnsafeBufferPointer<UInt32>>, sorted: UnsafePointer<UInt64>,
              order: UnsafePointer<UInt32>, starts: UnsafePointer<UInt32>, into found: inout [HammingPair],
              sink: PairSink) {
        let width = wordsPerHash
        let bucketLimit = UInt32(1 << layout.slots[slot].width)
        for bucket in buckets {
            let aStart = Int(starts[Int(bucket)]), aEnd = Int(starts[Int(bucket) + 1])
            for mask in masks {
                let other = bucket ^ mask
                guard other >= bucket, other < bucketLimit else { continue }
                let bStart = Int(starts[Int(other)]), bEnd = Int(starts[Int(other) + 1])
                guard bStart < bEnd else { continue }
                for a in aStart..<aEnd {
                    let hashA = sorted + a * width
                    for b in (mask == 0 ? a + 1 : bStart)..<max(mask == 0 ? a + 1 : bStart, bEnd) {
                        let distance = hammingDistance(hashA, sorted + b * width, width)
                        guard distance <= radius else { continue }
                        let i = order[a], j = order[b]
                        if slot > 0, layout.foundEarlier(base + Int(i) * width, base + Int(j) * width,
                                                         before: slot, probe: probe) { continue }
                        found.append(HammingPair(first: min(i, j), second: max(i, j), distance: UInt16(distance)))
                        sink.flush(&found)
                    }
                }
            }
        }
    }
}
