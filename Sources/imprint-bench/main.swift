// imprint-bench: the data generator and timed runs behind scripts/bench-cluster.
//
//   imprint-bench generate N SEED FILE          write N hashes (32 bytes each, big-endian) to FILE
//   imprint-bench selfjoin N SEED RADIUS [FILE] time the self-join; pairs as "i j d" lines to FILE
//   imprint-bench lookup N SEED RADIUS QUERIES  time single-query searches against N hashes
//
// Hashes: groups of near-duplicates (a random base, each member with 0–30 random bits
// flipped) among uniformly random background hashes, from a fixed-seed SplitMix64, so the
// same N and SEED give the same hashes and the first K of N hashes are the K-hash data set.
import Foundation
import HammingIndex

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// N hashes of four words; every fourth record starts a planted group of 2–8 members, so
/// about 60% of hashes belong to a group. Also returns each hash's group (-1 for background).
func makeHashes(count: Int, seed: UInt64) -> (words: [UInt64], group: [Int32]) {
    var rng = SplitMix64(state: seed)
    var words = [UInt64](repeating: 0, count: count * 4)
    var group = [Int32](repeating: -1, count: count)
    var index = 0, groups: Int32 = 0
    while index < count {
        let base = (rng.next(), rng.next(), rng.next(), rng.next())
        let members = rng.next() % 4 == 0 ? Int(2 + rng.next() % 7) : 1
        for _ in 0..<members where index < count {
            var hash = [base.0, base.1, base.2, base.3]
            if members > 1 {
                for _ in 0..<Int(rng.next() % 31) {
                    let bit = Int(rng.next() % 256)
                    hash[bit >> 6] ^= 1 << UInt64(bit & 63)
                }
                group[index] = groups
            }
            for word in 0..<4 { words[index * 4 + word] = hash[word] }
            index += 1
        }
        if members > 1 { groups += 1 }
    }
    return (words, group)
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, let count = Int(arguments[2]), let seed = UInt64(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: imprint-bench generate|selfjoin|lookup N SEED ...\n".utf8))
    exit(2)
}

switch arguments[1] {
case "generate":
    let (words, _) = makeHashes(count: count, seed: seed)
    var bytes = [UInt8]()
    bytes.reserveCapacity(count * 32)
    for word in words { for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) } }
    FileManager.default.createFile(atPath: arguments[4], contents: Data(bytes))

case "selfjoin":
    let radius = Int(arguments[4])!
    var words: [UInt64] = [], group: [Int32] = []
    let generateTime = seconds { (words, group) = makeHashes(count: count, seed: seed) }
    var pairs: [HammingPair] = []
    let joinTime = seconds { pairs = HammingIndex.selfJoin(words: words, wordsPerHash: 4, radius: radius) }
    // Planted pairs within the radius must all be found (a check on the whole million, where
    // brute force is out of reach); pairs outside the groups are random coincidences.
    var plantedWithin = 0
    var members: [Int32: [Int]] = [:]
    for (index, owner) in group.enumerated() where owner >= 0 { members[owner, default: []].append(index) }
    for list in members.values {
        for a in 0..<list.count {
            for b in (a + 1)..<list.count {
                var distance = 0
                for word in 0..<4 { distance += (words[list[a] * 4 + word] ^ words[list[b] * 4 + word]).nonzeroBitCount }
                if distance <= radius { plantedWithin += 1 }
            }
        }
    }
    let plantedFound = pairs.filter { group[Int($0.first)] >= 0 && group[Int($0.first)] == group[Int($0.second)] }.count
    print("hashes \(count) radius \(radius) generate_s \(String(format: "%.2f", generateTime)) selfjoin_s \(String(format: "%.2f", joinTime)) pairs \(pairs.count) planted_within \(plantedWithin) planted_found \(plantedFound) peak_rss_mb \(String(format: "%.0f", peakRSSMegabytes()))")
    if arguments.count > 5 {
        var text = ""
        for pair in pairs { text += "\(pair.first) \(pair.second) \(pair.distance)\n" }
        FileManager.default.createFile(atPath: arguments[5], contents: Data(text.utf8))
    }

case "lookup":
    let radius = Int(arguments[4])!
    let queryCount = arguments.count > 5 ? Int(arguments[5])! : 20_000
    var words: [UInt64] = []
    let generateTime = seconds { words = makeHashes(count: count, seed: seed).words }
    var index: HammingIndex!
    let buildTime = seconds { index = HammingIndex(words: words, wordsPerHash: 4, radius: radius) }
    // Queries: half stored hashes with up to 30 bits flipped (so each has a match), half random.
    var rng = SplitMix64(state: seed ^ 0x5EED)
    var queries = [UInt64](repeating: 0, count: queryCount * 4)
    for query in 0..<queryCount {
        if query % 2 == 0 {
            let source = Int(rng.next() % UInt64(count))
            for word in 0..<4 { queries[query * 4 + word] = words[source * 4 + word] }
            for _ in 0..<Int(rng.next() % 31) {
                let bit = Int(rng.next() % 256)
                queries[query * 4 + bit >> 6] ^= 1 << UInt64(bit & 63)
            }
        } else {
            for word in 0..<4 { queries[query * 4 + word] = rng.next() }
        }
    }
    var found = 0
    let oneThread = seconds {
        queries.withUnsafeBufferPointer { pointer in
            for query in 0..<queryCount {
                index.forEachNeighbor(of: pointer.baseAddress! + query * 4, radius: radius) { _, _ in found += 1 }
            }
        }
    }
    // Two threads, each taking every other query: the index is read-only and shared.
    let shared = index!
    let sharedQueries = queries
    let twoThreads = seconds {
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            sharedQueries.withUnsafeBufferPointer { pointer in
                var query = thread
                while query < queryCount {
                    shared.forEachNeighbor(of: pointer.baseAddress! + query * 4, radius: radius) { _, _ in }
                    query += 2
                }
            }
        }
    }
    print("hashes \(count) radius \(radius) strategy \(index.strategy) generate_s \(String(format: "%.1f", generateTime)) build_s \(String(format: "%.1f", buildTime)) queries \(queryCount) found \(found) lookups_per_s_1_thread \(Int(Double(queryCount) / oneThread)) lookups_per_s_2_threads \(Int(Double(queryCount) / twoThreads)) peak_rss_mb \(String(format: "%.0f", peakRSSMegabytes()))")

default:
    FileHandle.standardError.write(Data("unknown mode \(arguments[1])\n".utf8))
    exit(2)
}
