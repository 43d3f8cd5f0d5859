/// Rough costs (in nanoseconds on this project's 2-core machine) that choose between the
/// linear scan and multi-index hashing, and the number of slots.
///
/// The scan reads contiguous memory, so it costs little per hash; a slot probe and a
/// candidate are each a random memory access. Slots pay off when `n` is large and the radius
/// small; as the radius grows, `C(width, ≤⌊r/m⌋)` probes per slot overtake `n`.
struct CostModel {
    let count: Int
    let wordsPerHash: Int

    var bits: Int { 64 * wordsPerHash }
    var scanCost: Double { Double(count) * (0.4 + 0.2 * Double(wordsPerHash)) }
    var candidateCost: Double { 4 + 0.5 * Double(wordsPerHash) }
    var pairCost: Double { 0.6 + 0.3 * Double(wordsPerHash) }
    static let probeCost = 8.0

    /// Slot counts worth considering: widths from 8 to 24 bits, with bucket tables no larger
    /// than four entries per hash (at least 2^16).
    var candidateLayouts: [SlotLayout] {
        let widest = min(24, max(16, Int.bitWidth - (4 * count).leadingZeroBitCount))
        return (1...bits).compactMap { slots in
            let widthMax = (bits + slots - 1) / slots
            let widthMin = bits / slots
            guard widthMax <= widest, widthMin >= 8 else { return nil }
            return SlotLayout(bits: bits, slotCount: slots)
        }
    }

    /// Estimated cost of one search through `layout` at `radius`.
    func queryCost(_ layout: SlotLayout, radius: Int) -> Double {
        let probe = layout.probeDistance(for: radius)
        return layout.slots.reduce(0) { total, slot in
            let probes = SlotLayout.ballSize(width: slot.width, distance: probe)
            let perBucket = Double(count) / Double(1 << slot.width)
            return total + probes * (Self.probeCost + perBucket * candidateCost)
        }
    }

    /// True when searching through `layout` at `radius` beats the scan.
    func slotsWin(_ layout: SlotLayout, radius: Int) -> Bool {
        queryCost(layout, radius: radius) < scanCost
    }

    /// The cheapest layout for searches at `radius`, or nil when the scan is cheaper.
    func bestQueryLayout(radius: Int) -> SlotLayout? {
        guard radius >= 0, radius < bits, count >= 64 else { return nil }
        let best = candidateLayouts.min { queryCost($0, radius: radius) < queryCost($1, radius: radius) }
        guard let best, slotsWin(best, radius: radius) else { return nil }
        return best
    }

    /// Estimated cost of a self-join through `layout`: bucket pairs visited plus hash pairs
    /// compared (contiguous, so cheaper than a search's candidates).
    func joinCost(_ layout: SlotLayout, radius: Int) -> Double {
        let probe = layout.probeDistance(for: radius)
        let n = Double(count)
        return layout.slots.reduce(0) { total, slot in
            let buckets = Double(1 << slot.width)
            let ball = SlotLayout.ballSize(width: slot.width, distance: probe)
            let bucketPairs = min(n, buckets) * ball / 2
            let hashPairs = n * n * ball / (2 * buckets)
            return total + bucketPairs * Self.probeCost + hashPairs * pairCost + n * 3
        }
    }

    /// Cost of comparing every pair.
    var allPairsCost: Double { Double(count) * Double(count) / 2 * pairCost }

    /// The cheapest layout for a self-join at `radius`, or nil when comparing all pairs is cheaper.
    func bestJoinLayout(radius: Int) -> SlotLayout? {
        guard radius >= 0, radius < bits, count >= 64 else { return nil }
        let best = candidateLayouts.min { joinCost($0, radius: radius) < joinCost($1, radius: radius) }
        guard let best, joinCost(best, radius: radius) < allPairsCost else { return nil }
        return best
    }
}
