import Foundation
import ImageDecoding
import Testing
@testable import PerceptualHash

/// Prints the cost of hashing alone (decode excluded) per algorithm set, on fast-mode decodes
/// of corpus JPEGs. Runs only with `IMPRINT_HASH_TIMING=1`; use `-c release`. Never asserts on time.
@Suite struct HashingCostTests {
    @Test func printHashingCost() throws {
        guard ProcessInfo.processInfo.environment["IMPRINT_HASH_TIMING"] == "1", Corpus.root != nil else { return }
        let files = ["pdq/data/reg-test-input/exif-rotn/exif-rotn-1.jpg", "pdq/data/bridge-mods/aaa-orig.jpg",
                     "photos/rocket.jpg", "photos/astronaut.png"]
        let sets: [[HashAlgorithm]] = [[.pdq], [.phash], [.pdq, .phash], [.dhash], [.ahash], [.whash], HashAlgorithm.allCases]
        for file in files {
            let bytes = try Corpus.bytes(file)
            for algorithms in sets {
                let pipeline = HashPipeline(HashRequest(algorithms: algorithms))
                let image = try ImageDecoder.decode(bytes, options: pipeline.decodeOptions())
                let rounds = 200
                let clock = ContinuousClock()
                var sink = 0
                let elapsed = clock.measure {
                    for _ in 0..<rounds { sink &+= pipeline.hashes(of: image).hashedWidth }
                }
                let micros = Double(elapsed.components.attoseconds) / 1e12 / Double(rounds)
                    + Double(elapsed.components.seconds) * 1e6 / Double(rounds)
                let names = algorithms.map(\.rawValue).joined(separator: ",")
                print("hash cost \(file) decoded \(image.width)x\(image.height)x\(image.channels) [\(names)]: \(String(format: "%.0f", micros)) µs \(sink == 0 ? "" : "")")
            }
        }
    }
}
