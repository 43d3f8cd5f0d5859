import ArgumentParser
import Foundation
import PerceptualHash

/// The largest Hamming distance at which two hashes of each algorithm count as the same photo.
///
/// PDQ's 31 of 256 is the reference's recommendation. The 64-bit defaults come from
/// measurements on samples/ and the PDQ bridge edits (docs/benchmarks.md, "Clustering
/// thresholds"): pHash and dHash put resizes, recompressions, blurs and 10% crops within 10
/// bits and the nearest unrelated pair we saw at 18 (pHash) and 16 (dHash); aHash and wHash
/// put unrelated desert and sky photos within 0–3 bits, so their defaults are kept at 2 and
/// they should not be trusted alone.
struct MatchThresholds: Sendable, Equatable {
    static let defaults: [HashAlgorithm: Int] = [.pdq: 31, .phash: 10, .dhash: 10, .ahash: 2, .whash: 2]

    var byAlgorithm: [HashAlgorithm: Int] = Self.defaults
    /// The algorithms `--threshold` named, in its order.
    private(set) var named: [HashAlgorithm] = []

    subscript(algorithm: HashAlgorithm) -> Int { byAlgorithm[algorithm] ?? 0 }

    /// Parses `pdq=31,phash=8`; algorithms not named keep their defaults.
    init(parsing text: String?) throws {
        guard let text, !text.isEmpty else { return }
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map(\.trimmingBlanks)
            guard parts.count == 2, let algorithm = HashAlgorithm(rawValue: parts[0].lowercased()),
                  let value = Int(parts[1]), value >= 0 else {
                throw ValidationError("--threshold takes algorithm=bits pairs, e.g. pdq=31,phash=10; got '\(item)'")
            }
            // PDQ has 256 bits; the others at most 64² (--hash-size 64).
            let bits = algorithm == .pdq ? 256 : 4096
            guard value <= bits else { throw ValidationError("--threshold \(algorithm.rawValue)=\(value): the hash has at most \(bits) bits") }
            byAlgorithm[algorithm] = value
            if !named.contains(algorithm) { named.append(algorithm) }
        }
    }

    /// Refuses a threshold above the number of bits the images' hashes have, and warns about
    /// one of half of them or more, where unrelated pictures meet (a typo such as pdq=310), and
    /// about one for an algorithm the run does not compare, which would change nothing.
    func check(_ images: [HashedImage], comparing algorithms: [HashAlgorithm]) throws {
        for algorithm in named where !algorithms.contains(algorithm) {
            warn("--threshold \(algorithm.rawValue)=\(self[algorithm]) changes nothing: \(algorithm.rawValue) is not compared here "
                 + "(compared: \(algorithms.map(\.rawValue).joined(separator: ",")))")
        }
        for (algorithm, threshold) in byAlgorithm.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let words = images.lazy.compactMap({ $0.words[algorithm]?.count }).first else { continue }
            let bits = words * 64  // (a hash of fewer bits, --hash-size 4, is held in one word too)
            if threshold > bits { throw ValidationError("--threshold \(algorithm.rawValue)=\(threshold) is more than the \(bits) bits of its hashes") }
            if threshold * 2 >= bits { warn("--threshold \(algorithm.rawValue)=\(threshold) of \(bits) bits: unrelated pictures differ by about \(bits / 2)") }
        }
    }

    static let help = """
        Largest distance counted as the same photo, as algorithm=bits pairs (defaults: \
        pdq=31 of 256, phash=10, dhash=10, ahash=2, whash=2 of 64). Higher finds more \
        cropped or captioned reposts and risks joining unrelated photos: in our measurements \
        edits stay within pdq 16 / phash 4, 10% crops reach phash 10, while unrelated photos \
        came no closer than pdq 96, phash 18, dhash 16 — but aHash and wHash put unrelated \
        landscapes within 0–3 bits.
        """
}

