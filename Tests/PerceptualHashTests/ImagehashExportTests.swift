import Foundation
import ImageDecoding
import Testing
@testable import PerceptualHash

/// Writes our pHash/dHash/aHash/wHash of every image under `../shared/corpus/photos` as CSV
/// for `scripts/compare-imagehash`, when `IMPRINT_IMAGEHASH_EXPORT` names the output file.
/// Exact mode (full-size RGB), which is what imagehash sees through Pillow;
/// `IMPRINT_IMAGEHASH_FAST=1` exports the fast mode instead.
@Suite struct ImagehashExportTests {
    @Test func exportForComparison() throws {
        guard let output = ProcessInfo.processInfo.environment["IMPRINT_IMAGEHASH_EXPORT"] else { return }
        guard let root = Corpus.root else { return }
        let folder = root.appendingPathComponent("photos")
        let fast = ProcessInfo.processInfo.environment["IMPRINT_IMAGEHASH_FAST"] == "1"
        let pipeline = HashPipeline(HashRequest(algorithms: [.phash, .dhash, .ahash, .whash], exact: !fast))
        let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        let files = walker.compactMap { $0 as? URL }
            .filter { ["png", "jpg", "jpeg", "webp"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
        var csv = "path,phash,dhash,ahash,whash\n"
        for file in files {
            let relative = String(file.path.dropFirst(folder.path.count + 1))
            let hashes = try pipeline.hash(bytes: [UInt8](Data(contentsOf: file)))
            let columns = [HashAlgorithm.phash, .dhash, .ahash, .whash].map { hashes.hex(for: $0) ?? "" }
            csv += ([relative] + columns).joined(separator: ",") + "\n"
        }
        try csv.write(toFile: output, atomically: true, encoding: .utf8)
        print("wrote \(files.count) rows to \(output)")
    }
}
