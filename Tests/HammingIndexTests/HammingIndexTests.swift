@testable import HammingIndex
import Testing

/// A small deterministic generator (SplitMix64), so every failure reproduces from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Test data: uniformly random hashes, or clusters of near-duplicates of random centres.
enum Dataset: String, CaseIterable, CustomTestStringConvertible {
    case random, clustered
    var testDescription: String { rawValue }

    func make(count: Int, wordsPerHash: Int, seed: UInt64) -> [UInt64] {
        var rng = SplitMix64(seed: seed)
        var words: [UInt64] = []
        words.reserveCapacity(count * wordsPerHash)
        let bits = 64 * wordsPerHash
        while words.count < count * wordsPerHash {
            let centre = (0..<wordsPerHash).map { _ in rng.next() }
            let members = self == .random ? 1 : Int.random(in: 1...12, using: &rng)
            for _ in 0..<members where words.count < count * wordsPerHash {
                var hash = centre
                // Up to 40 flips for 256 bits, up to 20 for 64: pairs on both sides of each radius.
                for _ in 0..<Int.random(in: 0...(bits == 64 ? 20 : 40), using: &rng) {
                    let bit = Int.random(in: 0..<bits, using: &rng)
                    hash[bit / 64] ^= 1 << UInt64(bit % 64)
                }
                words += hash
            }
        }
        return words
    }
}

/// Every hash within `radius`, by comparing with each one.
func bruteForce(_ words: [UInt64], wordsPerHash: Int, query: ArraySlice<UInt64>, radius: Int) -> [HammingIndex.Neighbor] {
    let query = Array(query)
    return stride(from: 0, to: words.count, by: wordsPerHash).enumerated().compactMap { index, offset in
        var distance = 0
        for word in 0..<wordsPerHash { distance += (words[offset + word] ^ query[word]).nonzeroBitCount }
        return distance <= radius ? HammingIndex.Neighbor(index: index, distance: distance) : nil
    }
}

func bruteForcePairs(_ words: [UInt64], wordsPerHash: Int, radius: Int) -> [HammingPair] {
    let count = words.count / wordsPerHash
    var pairs: [HammingPair] = []
    for i in 0..<count {
        for j in (i + 1)..<max(i + 1, count) {
            var distance = 0
            for word in 0..<wordsPerHash {
                distance += (words[i * wordsPerHash + word] ^ words[j * wordsPerHash + word]).nonzeroBitCount
            }
            if distance <= radius { pairs.append(HammingPair(first: UInt32(i), second: UInt32(j), distance: UInt16(distance))) }
        }
    }
    return pairs
}

@Suite struct HammingIndexTests {
    static let seeds: [UInt64] = [1, 2, 3, 0xDEAD_BEEF]

    /// The forced slot layouts each test exercises, besides what the cost model picks.
    static func layouts(bits: Int) -> [SlotLayout?] {
        bits == 64 ? [nil, SlotLayout(bits: 64, slotCount: 4), SlotLayout(bits: 64, slotCount: 5)]
            : [nil, SlotLayout(bits: 256, slotCount: 16), SlotLayout(bits: 256, slotCount: 11), SlotLayout(bits: 256, slotCount: 32)]
    }

    static func probes(_ layout: SlotLayout?, radius: Int) -> Double {
        guard let layout else { return 0 }
        return layout.slots.reduce(0) { $0 + SlotLayout.ballSize(width: $1.width, distance: layout.probeDistance(for: radius)) }
    }

    @Test(arguments: [1, 4], Dataset.allCases)
    func searchesEqualBruteForce(wordsPerHash: Int, dataset: Dataset) throws {
        let bits = 64 * wordsPerHash
        var radii = [0, 8, 31, 63]
        var rng = SplitMix64(seed: 99)
        radii += (0..<4).map { _ in Int.random(in: 0...64, using: &rng) }
        for seed in Self.seeds {
            let words = dataset.make(count: 1500, wordsPerHash: wordsPerHash, seed: seed)
            // Queries: stored hashes (so every radius has hits) and fresh random ones.
            let queries = (0..<25).map { Array(words[($0 * 37 % 1500) * wordsPerHash..<($0 * 37 % 1500 + 1) * wordsPerHash]) }
                + dataset.make(count: 10, wordsPerHash: wordsPerHash, seed: seed &+ 1000).chunked(wordsPerHash)
            for layout in Self.layouts(bits: bits) {
                let index = HammingIndex(words: words, wordsPerHash: wordsPerHash, layout: layout, forced: true)
                // Forced slots at a radius where each query probes millions of buckets only
                // slow the test down; the cost model sends such searches to the scan anyway.
                for radius in radii where Self.probes(layout, radius: radius) <= 20_000 {
                    for query in queries {
                        let expected = bruteForce(words, wordsPerHash: wordsPerHash, query: query[...], radius: radius)
                        let found = index.neighbors(of: query, radius: radius)
                        #expect(found == expected, "seed \(seed) radius \(radius) layout \(index.strategy)")
                    }
                }
            }
            // The cost model's own choice, too.
            let chosen = HammingIndex(words: words, wordsPerHash: wordsPerHash, radius: 31)
            for query in queries {
                #expect(chosen.neighbors(of: query, radius: 31)
                        == bruteForce(words, wordsPerHash: wordsPerHash, query: query[...], radius: 31))
            }
        }
    }

    @Test(arguments: [1, 4], Dataset.allCases)
    func selfJoinEqualsBruteForce(wordsPerHash: Int, dataset: Dataset) {
        let bits = 64 * wordsPerHash
        for seed in Self.seeds {
            let words = dataset.make(count: 1200, wordsPerHash: wordsPerHash, seed: seed)
            for radius in [0, 8, 31, 63, Int(seed % 65)] {
                let expected = bruteForcePairs(words, wordsPerHash: wordsPerHash, radius: radius)
                if dataset == .clustered && radius >= 8 { #expect(!expected.isEmpty) }
                for layout in Self.layouts(bits: bits) where Self.probes(layout, radius: radius) <= 20_000 {
                    let joined = HammingIndex.selfJoin(words: words, wordsPerHash: wordsPerHash, radius: radius,
                                                       concurrency: 2, layout: layout)
                    #expect(joined == expected, "seed \(seed) radius \(radius) slots \(layout?.count ?? 0)")
                }
                #expect(HammingIndex.selfJoin(words: words, wordsPerHash: wordsPerHash, radius: radius) == expected)
            }
        }
    }

    @Test func slotValuesReadBitsAcrossWords() {
        let layout = SlotLayout(bits: 128, slotCount: 5)  // widths 26,26,26,25,25: slots 2 and 4 straddle words
        let hash: [UInt64] = [0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210]
        let bits = hash.flatMap { word in (0..<64).map { word >> UInt64(63 - $0) & 1 } }
        hash.withUnsafeBufferPointer { pointer in
            for (slot, (start, width)) in layout.slots.enumerated() {
                let expected = bits[start..<start + width].reduce(UInt32(0)) { $0 << 1 | UInt32($1) }
                #expect(layout.value(slot, of: pointer.baseAddress!) == expected)
            }
        }
    }

    @Test(arguments: [(16, 1), (23, 2), (8, 0), (5, 5)])
    func probeMasksAreTheHammingBall(width: Int, distance: Int) {
        let masks = SlotLayout.probeMasks(width: width, distance: distance)
        #expect(Set(masks).count == masks.count)
        #expect(Double(masks.count) == SlotLayout.ballSize(width: width, distance: distance))
        #expect(masks.allSatisfy { $0.nonzeroBitCount <= distance && $0 < 1 << UInt32(width) })
    }

    @Test func costModelPicksScanForSmallSetsAndSlotsForLargeOnes() {
        #expect(CostModel(count: 100, wordsPerHash: 4).bestQueryLayout(radius: 31) == nil)
        #expect(CostModel(count: 10_000_000, wordsPerHash: 4).bestQueryLayout(radius: 31) != nil)
        #expect(CostModel(count: 10_000_000, wordsPerHash: 4).bestQueryLayout(radius: 120) == nil)
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
