import Foundation
import Testing
@testable import PerceptualHash

@Suite struct ImagehashHasherTests {
    /// 96×72 synthetic greyscale; expected hex from Python imagehash 4.3.2 on Pillow 12
    /// (`Image.fromarray(pixels, "L")`, default arguments unless noted).
    static let card: GreyImage = {
        var pixels: [UInt8] = []
        for y in 0..<72 {
            for x in 0..<96 {
                let phase: Double = Double(x) / 9 + cos(Double(y) / 13) * 2
                let value: Double = 127.5 + 120 * sin(phase) * cos(Double(y) / 7 - Double(x) / 31)
                pixels.append(UInt8(value))
            }
        }
        return GreyImage(width: 96, height: 72, pixels: pixels)
    }()

    @Test func matchesImagehash() {
        #expect(ImagehashHasher.perceptualHash(Self.card).hex == "97b8a5e018bd4717")
        #expect(ImagehashHasher.differenceHash(Self.card).hex == "33986c39d8c4cccc")
        #expect(ImagehashHasher.averageHash(Self.card).hex == "9f0c1e9d6c706636")
        #expect(ImagehashHasher.waveletHash(Self.card).hex == "9f0c1e9c6c746636")
    }

    @Test func matchesImagehashAtOtherSizes() {
        #expect(ImagehashHasher.perceptualHash(Self.card, hashSize: 16).hex
            == "97ffb955a555e0001800bd554fff17ffe2aa12aae0004aaba55547f8e51e06ba")
        #expect(ImagehashHasher.differenceHash(Self.card, hashSize: 5).hex == "0c73252")
    }

    @Test func differenceHashOfRampIsAllOnes() {
        let row: [UInt8] = (0..<90).map { UInt8($0 * 2) }
        let ramp = GreyImage(width: 90, height: 40, pixels: Array([[UInt8]](repeating: row, count: 40).joined()))
        #expect(ImagehashHasher.differenceHash(ramp).hex == "ffffffffffffffff")
        #expect(ImagehashHasher.averageHash(ramp).hex == "0f0f0f0f0f0f0f0f")
    }

    @Test func numpyMedianAveragesMiddlePair() {
        #expect(ImagehashHasher.numpyMedian([4, 1, 3, 2]) == 2.5)
        #expect(ImagehashHasher.numpyMedian([5, 1, 3]) == 3)
    }

    @Test func haarRoundTrips() {
        let pixels = (0..<64).map { Double(($0 * 29) % 17) }
        let pyramid = HaarPyramid(pixels: pixels, side: 8, levels: 3)
        let back = pyramid.reconstruct()
        #expect(zip(pixels, back).allSatisfy { abs($0 - $1) < 1e-12 })
        // The top-level approximation of an 8×8 image is its sum / 8.
        #expect(abs(pyramid.approximation[0] - pixels.reduce(0, +) / 8) < 1e-12)
    }
}
