import Foundation
import ImageDecoding
import Testing
@testable import PerceptualHash

@Suite struct HashPipelineTests {
    @Test func exactModeDecodesFullSizeRGB() {
        let options = HashPipeline(HashRequest(algorithms: HashAlgorithm.allCases, exact: true)).decodeOptions(orientation: 6)
        #expect(options.minimumShortSide == nil)
        #expect(options.grayscale == false)
        #expect(options.orientation == 6)
    }

    /// One decode size for every set of algorithms, so that no hash depends on the others asked.
    @Test(arguments: [[HashAlgorithm.pdq], [.phash], [.dhash], [.ahash], [.whash], [.dhash, .ahash], [.pdq, .phash]])
    func fastModeAsksForOneSizeWhateverTheAlgorithms(_ algorithms: [HashAlgorithm]) {
        let options = HashPipeline(HashRequest(algorithms: algorithms)).decodeOptions()
        #expect(options.minimumShortSide == HashPipeline.fastMinimumShortSide)
        #expect(options.grayscale)
        #expect(options.orientation == 1)
        // A larger hash size needs a larger decode for pHash (4 × 16 × 4), for every algorithm alike.
        #expect(HashPipeline(HashRequest(algorithms: algorithms, hashSize: 16)).minimumShortSide == 256)
    }

    /// A file's aHash, dHash, wHash and pHash are the same whichever other algorithms were
    /// requested with them (JPEGs of 1024×768 and 922×691, which fast mode DCT-scales; before
    /// one decode size served every set, their dHash and wHash changed with PDQ requested).
    @Test(arguments: [HashAlgorithm.ahash, .dhash, .whash, .phash], ["mosul-runway.jpg", "mosul-runway_crop10.jpg"])
    func eachHashIsTheSameWhateverElseIsRequested(_ algorithm: HashAlgorithm, file: String) throws {
        let bytes = try Self.sample(file)
        let alone = try HashPipeline(HashRequest(algorithms: [algorithm])).hash(bytes: bytes)
        let withOthers = try HashPipeline(HashRequest(algorithms: HashAlgorithm.allCases)).hash(bytes: bytes)
        let withPDQ = try HashPipeline(HashRequest(algorithms: [.pdq, algorithm])).hash(bytes: bytes)
        let value = try #require(alone.hex(for: algorithm))
        #expect(withOthers.hex(for: algorithm) == value)
        #expect(withPDQ.hex(for: algorithm) == value)
    }

    /// wHash in fast mode works at the size imagehash picks from the stored image (922×691:
    /// 512²), from RGB pixels, not at the DCT-scaled grey decode's size, so on a JPEG it is
    /// exact mode's (which is imagehash's on every sample).
    @Test func fastWaveletHashIsExactModes() throws {
        let bytes = try Self.sample("mosul-runway_crop10.jpg")
        let fast = try HashPipeline(HashRequest(algorithms: [.whash])).hash(bytes: bytes)
        let exact = try HashPipeline(HashRequest(algorithms: [.whash], exact: true)).hash(bytes: bytes)
        #expect(fast.whash != nil && fast.whash == exact.whash)
    }

    /// The bytes of a file in the repository's `samples/`.
    static func sample(_ name: String) throws -> [UInt8] {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try [UInt8](Data(contentsOf: repo.appendingPathComponent("samples").appendingPathComponent(name)))
    }

    static func image(channels: Int) -> DecodedImage {
        let width = 120, height = 90
        var pixels: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                let value = UInt8((x * 7 + y * 3 + (x / 10) * (y / 10) * 11) % 256)
                pixels.append(contentsOf: Array(repeating: value, count: channels))
            }
        }
        return DecodedImage(width: width, height: height, channels: channels, pixels: pixels, format: .png)
    }

    @Test func computesOnlyWhatWasAsked() throws {
        let hashes = HashPipeline(HashRequest(algorithms: [.pdq, .dhash], pdqDihedral: true)).hashes(of: Self.image(channels: 3))
        let variants = try #require(hashes.pdqDihedral)
        #expect(variants.count == 8)
        #expect(variants.first == hashes.pdq)
        #expect(hashes.pdqQuality != nil)
        #expect(hashes.dhash?.count == 64)
        #expect(hashes.phash == nil && hashes.ahash == nil && hashes.whash == nil)
        #expect(hashes.hex(for: .pdq)?.count == 64)
        #expect(hashes.hex(for: .dhash)?.count == 16)
        #expect(hashes.hex(for: .ahash) == nil)
    }

    /// Grey pixels and RGB pixels with equal channels are the same picture to every hash.
    @Test(arguments: [true, false])
    func greyAndEqualRGBHashAlike(exact: Bool) {
        let pipeline = HashPipeline(HashRequest(algorithms: HashAlgorithm.allCases, exact: exact))
        let grey = pipeline.hashes(of: Self.image(channels: 1))
        let rgb = pipeline.hashes(of: Self.image(channels: 3))
        #expect(grey == rgb)
    }

    /// Fast mode's precomputed taps and exact mode's filter passes are the same linear map.
    @Test func fastAndExactAgreeOnUnscaledPixels() throws {
        let image = DecodedImage(width: 400, height: 300, channels: 3,
                                 pixels: PDQHasherTests.card(width: 400, height: 300), format: .png)
        let exact = HashPipeline(HashRequest(algorithms: [.pdq], exact: true)).hashes(of: image)
        let fast = HashPipeline(HashRequest(algorithms: [.pdq])).hashes(of: image)
        let distance = try #require(exact.pdq).distance(to: try #require(fast.pdq))
        #expect(distance <= 2)
        #expect(exact.pdqQuality == fast.pdqQuality)
    }
}
