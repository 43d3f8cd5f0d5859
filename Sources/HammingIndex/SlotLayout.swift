/// How a hash's bits are cut into slots for multi-index hashing, and how far each slot is
/// probed.
///
/// Bits count from the top bit of the first word. By the pigeonhole principle, two hashes
/// within distance `r` of each other differ by at most `⌊r / m⌋` bits in at least one of the
/// `m` slots, so probing every slot value within that many bits of the query's finds every
/// match (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index Hashing",
/// 2012; the PDQ reference uses 16 slots of 16 bits and probes distance 1 for radius 31).
struct SlotLayout: Sendable, Equatable {
    /// Each slot's first bit and width in bits (at most 24, so a bucket table stays small).
    let slots: [(start: Int, width: Int)]

    /// `slotCount` slots of near-equal width covering `bits` bits.
    init(bits: Int, slotCount: Int) {
        precondition(slotCount >= 1 && slotCount <= bits, "slot count out of range")
        var slots: [(Int, Int)] = []
        var start = 0
        for index in 0..<slotCount {
            let width = bits / slotCount + (index < bits % slotCount ? 1 : 0)
            slots.append((start, width))
            start += width
        }
        self.slots = slots
    }

    static func == (lhs: SlotLayout, rhs: SlotLayout) -> Bool {
        lhs.slots.elementsEqual(rhs.slots) { $0 == $1 }
    }

    var count: Int { slots.count }

    /// The probe distance that keeps a search of `radius` exact.
    func probeDistance(for radius: Int) -> Int { radius / slots.count }

    /// The value of slot `index` of the hash at `hash`.
    ///
    /// - Complexity: O(1): at most two word reads.
    @inline(__always)
    func value(_ index: Int, of hash: UnsafePointer<UInt64>) -> UInt32 {
        let (start, width) = slots[index]
        let word = start >> 6, offset = start & 63
        var bits = hash[word] << UInt64(offset)
        if offset + width > 64 { bits |= hash[word + 1] >> UInt64(64 - offset) }
        return UInt32(truncatingIfNeeded: bits >> UInt64(64 - width))
    }

    /// True when some slot before `index` differs by at most `probe` bits: the pair was
    /// already found through that slot, so it is not reported again.
    @inline(__always)
    func foundEarlier(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, before index: Int, probe: Int) -> Bool {
        var slot = 0
        while slot < index {
            if (value(slot, of: a) ^ value(slot, of: b)).nonzeroBitCount <= probe { return true }
            slot += 1
        }
        return false
    }

    /// The number of values within `distance` bits of a `width`-bit value: Σ C(width, i).
    static func ballSize(width: Int, distance: Int) -> Double {
        var total = 0.0, term = 1.0
        for i in 0...min(distance, width) {
            if i > 0 { term = term * Double(width - i + 1) / Double(i) }
            total += term
        }
        return total
    }

    /// Every `width`-bit mask with at most `distance` bits set, fewest bits first.
    static func probeMasks(width: Int, distance: Int) -> [UInt32] {
        var masks: [UInt32] = [0]
        var frontier: [(mask: UInt32, next: Int)] = [(0, 0)]
        for _ in 0..<min(distance, width) {
            var grown: [(UInt32, Int)] = []
            for (mask, next) in frontier {
                for bit in next..<width {
                    let extended = mask | 1 << UInt32(bit)
                    grown.append((extended, bit + 1))
                    masks.append(extended)
                }
            }
            frontier = grown
        }
        return masks
    }
}
