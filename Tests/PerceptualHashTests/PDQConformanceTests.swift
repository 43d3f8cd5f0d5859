import Foundation
import ImageDecoding
import Testing
@testable import PerceptualHash

/// PDQ against the reference hashes published for `../shared/corpus/pdq` (see its README):
/// within 10 bits wherever the reference quality is at least 80, in exact and in fast mode.
@Suite struct PDQConformanceTests {
    struct Outcome {
        let expected: ExpectedPDQ
        let hash: Hash256
        let quality: Int
        var distance: Int { hash.distance(to: Hash256(hex: expected.hex)!) }
    }

    /// One published value hashes Pillow's `convert("RGB")` of a 16-bit grey file, which clips
    /// I16.png's samples at 255, while ImageDecoding scales 16-bit samples to 8 bits. For that
    /// file the reference is pip `pdqhash` 0.2.8 (the C++ core) run on pixels prepared that way
    /// in numpy (`>> 8`), recorded in docs/hash-conformance.md with the script that produced it.
    /// (Alpha needs no such entry: hashing drops it, as Pillow's `convert` does.)
    static let decoderPolicyReferences: [String: (hex: String, quality: Int)] = [
        "python-threatexchange-resources/I16.png": ("628dbaa85045ffef9b101e3214f156c24b1dbefba74d25a5c90d046c6b54e536", 100),
    ]

    static func outcomes(exact: Bool) throws -> [Outcome] {
        let pipeline = HashPipeline(HashRequest(algorithms: [.pdq], exact: exact))
        return try ExpectedPDQ.recommended().map { published in
            let expected = decoderPolicyReferences[published.image].map {
                ExpectedPDQ(image: published.image, hex: $0.hex, quality: $0.quality,
                            producer: "pdqhash 0.2.8 on 16-to-8-bit-scaled pixels")
            } ?? published
            // Reference hashes were computed without EXIF orientation.
            let hashes = try pipeline.hash(bytes: try Corpus.bytes("pdq/" + expected.image), orientation: 1)
            return Outcome(expected: expected, hash: try #require(hashes.pdq), quality: try #require(hashes.pdqQuality))
        }
    }

    @Test(arguments: [true, false])
    func hashesWithinTenBitsOfReference(exact: Bool) throws {
        guard Corpus.root != nil else { return }
        let outcomes = try Self.outcomes(exact: exact)
        try #require(outcomes.count >= 40)
        let mode = exact ? "exact" : "fast"
        for outcome in outcomes {
            print("pdq \(mode)\t\(outcome.expected.image)\tref-q=\(outcome.expected.quality.map(String.init) ?? "-")\tq=\(outcome.quality)\td=\(outcome.distance)")
        }
        let gated = outcomes.filter { ($0.expected.quality ?? 0) >= 80 }
        try #require(gated.count >= 30)
        for outcome in gated {
            #expect(outcome.distance <= 10, "\(outcome.expected.image): \(outcome.hash.hex) vs \(outcome.expected.hex)")
        }
        let distances = gated.map(\.distance).sorted()
        let median = distances[distances.count / 2]
        print("pdq \(mode): \(gated.count) images with reference quality >= 80; median distance \(median), max \(distances.last!)")
        if exact { #expect(median == 0) }
    }

    @Test(arguments: [
        ("data/misc-images/small.jpg", 0), ("data/reg-test-input/labelme-subset/q0003.jpg", 3),
        ("data/reg-test-input/labelme-subset/q0004.jpg", 4),
        // The published 36 is for Pillow's clipped I;16 pixels; on 16-to-8-bit scaled pixels
        // pdqhash gives 100 (see decoderPolicyReferences).
        ("python-threatexchange-resources/I16.png", 100),
    ])
    func qualityMatchesReference(_ image: String, _ quality: Int) throws {
        guard Corpus.root != nil else { return }
        let exact = try HashPipeline(HashRequest(algorithms: [.pdq], exact: true)).hash(bytes: Corpus.bytes("pdq/" + image))
        #expect(exact.pdqQuality == quality)
        let fast = try HashPipeline(HashRequest(algorithms: [.pdq])).hash(bytes: Corpus.bytes("pdq/" + image))
        print("pdq quality \(image): reference \(quality), exact \(exact.pdqQuality ?? -1), fast \(fast.pdqQuality ?? -1)")
        #expect(abs((fast.pdqQuality ?? -100) - quality) <= 2)
    }

    static let dihedralFiles = [
        "bridge-1-original.jpg", "bridge-2-rotate-90.jpg", "bridge-3-rotate-180.jpg", "bridge-4-rotate-270.jpg",
        "bridge-5-flipx.jpg", "bridge-6-flipy.jpg", "bridge-7-flip-plus-1.jpg", "bridge-8-flip-minus-1.jpg",
    ]

    /// The 8 variants computed from the original's DCT against the reference hashes of the 8
    /// really transformed files, and against our own hashes of those files.
    @Test(arguments: [true, false])
    func dihedralVariantsMatchTransformedFiles(exact: Bool) throws {
        guard Corpus.root != nil else { return }
        let folder = "data/reg-test-input/dih/"
        let expected = Dictionary(uniqueKeysWithValues: try ExpectedPDQ.recommended().map { ($0.image, $0) })
        let pipeline = HashPipeline(HashRequest(algorithms: [.pdq], pdqDihedral: true, exact: exact))
        let original = try pipeline.hash(bytes: Corpus.bytes("pdq/" + folder + Self.dihedralFiles[0]))
        let variants = try #require(original.pdqDihedral)
        #expect(variants.count == 8)
        #expect(variants.first == original.pdq)
        for (index, file) in Self.dihedralFiles.enumerated() {
            let reference = try #require(expected[folder + file].flatMap { Hash256(hex: $0.hex) })
            let ours = try #require(try pipeline.hash(bytes: Corpus.bytes("pdq/" + folder + file)).pdq)
            let toReference = variants[index].distance(to: reference), toOurs = variants[index].distance(to: ours)
            print("pdq dihedral \(exact ? "exact" : "fast") \(DihedralTransform.allCases[index].name): to reference \(toReference), to our hash of \(file) \(toOurs)")
            #expect(toReference <= 10)
            #expect(toOurs <= 10)
        }
    }
}
