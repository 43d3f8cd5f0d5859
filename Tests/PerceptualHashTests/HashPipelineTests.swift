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

    @Test(arguments: [
        ([HashAlgorithm.pdq], HashPipeline.pdqFastMinimumShortSide),
        ([.phash], 128), ([.dhash], 36), ([.ahash], 32), ([.whash], 32),
        ([.dhash, .ahash], 36), ([.pdq, .phash], max(HashPipeline.pdqFastMinimumShortSide, 128)),
    ])
    func fastModeAsksForTheLargestNeed(_ algorithms: [HashAlgorithm], _ side: Int) {
        let options = HashPipeline(HashRequest(algorithms: algorithms)).decodeOptions()
        #expect(options.minimumShortSide == side)
        #expect(options.grayscale)
        #expect(options.orientation == 1)
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
