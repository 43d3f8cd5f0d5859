import Foundation
import ImageDecoding
import Testing
@testable import PerceptualHash

@Suite struct PDQHasherTests {
    /// A deterministic textured test card: gradients plus a few blobs, so every DCT band has energy.
    static func card(width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let u = Double(x) / Double(width), v = Double(y) / Double(height)
                let r = 128 + 100 * sin(7 * u + 3 * v * v)
                let g = 128 + 90 * cos(5 * v - 2 * u) * sin(11 * u * v)
                let b = 255 * u * (1 - v)
                let base = (y * width + x) * 3
                pixels[base] = UInt8(r.rounded())
                pixels[base + 1] = UInt8(g.rounded())
                pixels[base + 2] = UInt8(b.rounded())
            }
        }
        return pixels
    }

    @Test(arguments: [(64, 64, 1), (128, 64, 1), (129, 64, 2), (1024, 64, 8), (4032, 64, 32), (3024, 64, 24)])
    func jaroszWindowIsCeilingOfSizeOver128(_ old: Int, _ new: Int, _ expected: Int) {
        #expect(PDQHasher.jaroszWindowSize(oldDimension: old, newDimension: new) == expected)
    }

    /// The median PDQ thresholds at is the reference's Torben median: the ⌈n/2⌉-th smallest.
    @Test func lowerMedianIsTheLowerMiddleValue() {
        var generator = SystemRandomNumberGenerator()
        for count in [1, 2, 3, 255, 256] {
            for _ in 0..<20 {
                let values = (0..<count).map { _ in Float.random(in: -1000...1000, using: &generator) }
                #expect(PDQHasher.lowerMedian(values) == values.sorted()[(count + 1) / 2 - 1])
            }
        }
        let ties: [Float] = Array(repeating: 3, count: 200) + Array(repeating: 5, count: 56)
        #expect(PDQHasher.lowerMedian(ties) == 3)
        #expect(PDQHasher.lowerMedian(ties.reversed()) == 3)
        let halves: [Float] = Array(repeating: 1, count: 128) + Array(repeating: 2, count: 128)
        #expect(PDQHasher.lowerMedian(halves) == 1)
        #expect(PDQHasher.lowerMedian(Array(repeating: 7, count: 256)) == 7)
        #expect(PDQHasher.lowerMedian((0..<256).map(Float.init)) == 127)
    }

    /// Box filter against a direct window mean, including the shrinking windows at both ends.
    @Test(arguments: [1, 2, 3, 4, 7, 8])
    func boxFilterIsCentredRunningMean(_ window: Int) {
        let columns = 19
        let input: [Float] = (0..<columns).map { Float($0 * $0 % 17) }
        var source = input, rowOut = [Float](repeating: 0, count: columns), columnOut = rowOut
        source.withUnsafeMutableBufferPointer { s in
            rowOut.withUnsafeMutableBufferPointer { o in
                PDQHasher.boxAlongRows(s, into: o, rows: 1, columns: columns, window: window)
            }
            columnOut.withUnsafeMutableBufferPointer { o in
                PDQHasher.boxAlongColumns(s, into: o, rows: columns, columns: 1, window: window)
            }
        }
        let half = (window + 2) / 2
        for index in 0..<columns {
            // Output i averages inputs i - (window - half) ... i + half - 1, clipped to the vector.
            let low = max(index - (window - half), 0), high = min(index + half - 1, columns - 1)
            let mean = input[low...high].reduce(0, +) / Float(high - low + 1)
            #expect(abs(rowOut[index] - mean) < 1e-4)
            #expect(rowOut[index] == columnOut[index])
        }
    }

    /// The grey fold (eight rows at a time where the CPU has AVX2, the luma computed in vectors)
    /// and the RGB fold (one row at a time on the luma plane) give the same floats, bit for bit,
    /// for every byte value, at sizes that leave rows and columns over.
    @Test(arguments: [(203, 77), (96, 64), (37, 300)])
    func greyFoldEqualsRGBFoldExactly(width: Int, height: Int) {
        // Every byte value first, then a scramble of the index (Knuth's multiplicative hash).
        let grey = (0..<width * height).map { index in
            index < 256 ? UInt8(index) : UInt8(truncatingIfNeeded: (UInt32(index) &* 2_654_435_761) >> 13)
        }
        let rgb = grey.flatMap { [$0, $0, $0] }
        let sizes = (width: width, height: height, fullWidth: width * 4 + 1, fullHeight: height * 4 + 3)
        let fromGrey = PDQHasher.decimated(scaledPixels: grey, channels: 1, width: sizes.width, height: sizes.height,
                                           fullWidth: sizes.fullWidth, fullHeight: sizes.fullHeight)
        let fromRGB = PDQHasher.decimated(scaledPixels: rgb, channels: 3, width: sizes.width, height: sizes.height,
                                          fullWidth: sizes.fullWidth, fullHeight: sizes.fullHeight)
        #expect(fromGrey.map(\.bitPattern) == fromRGB.map(\.bitPattern))
        #expect(Set(fromGrey).count > 100)
    }

    @Test func flatImageHasQualityZero() {
        let pixels = [UInt8](repeating: 77, count: 300 * 200 * 3)
        let (result, _) = PDQHasher.hash(pixels: pixels, width: 300, height: 200, channels: 3)
        #expect(result.quality == 0)
    }

    @Test func tinyImageGetsZeroHash() {
        let (result, dihedral) = PDQHasher.hash(pixels: [UInt8](repeating: 9, count: 16), width: 4, height: 4,
                                                channels: 1, dihedral: true)
        #expect(result.hash == .zero)
        #expect(result.quality == 0)
        #expect(dihedral?.count == 8)
    }

    /// On a 64×64 input the reference skips filtering, so the dihedral variants computed from
    /// the DCT must equal (up to float rounding at the median) the hashes of the transformed pixels.
    @Test(arguments: DihedralTransform.allCases)
    func dihedralVariantsMatchTransformedPixels(_ transform: DihedralTransform) throws {
        let side = 64
        let pixels = Self.card(width: side, height: side)
        let (_, variants) = PDQHasher.hash(pixels: pixels, width: side, height: side, channels: 3, dihedral: true)
        let transformed = Self.transform(pixels, side: side, transform)
        let (direct, _) = PDQHasher.hash(pixels: transformed, width: side, height: side, channels: 3)
        let variant = try #require(variants?[transform.rawValue])
        #expect(variant.distance(to: direct.hash) <= 2)
    }

    /// Pixel-space rotations and flips, named as the reference's dih/ test files.
    static func transform(_ pixels: [UInt8], side: Int, _ transform: DihedralTransform) -> [UInt8] {
        var out = pixels
        for y in 0..<side {
            for x in 0..<side {
                let (sy, sx): (Int, Int)
                switch transform {
                case .original: (sy, sx) = (y, x)
                case .rotate90: (sy, sx) = (x, side - 1 - y)
                case .rotate180: (sy, sx) = (side - 1 - y, side - 1 - x)
                case .rotate270: (sy, sx) = (side - 1 - x, y)
                case .flipX: (sy, sx) = (side - 1 - y, x)
                case .flipY: (sy, sx) = (y, side - 1 - x)
                case .flipPlus1: (sy, sx) = (x, y)
                case .flipMinus1: (sy, sx) = (side - 1 - x, side - 1 - y)
                }
                for c in 0..<3 { out[(y * side + x) * 3 + c] = pixels[(sy * side + sx) * 3 + c] }
            }
        }
        return out
    }
}
