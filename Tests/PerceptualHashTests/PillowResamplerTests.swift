import Testing
@testable import PerceptualHash

@Suite struct PillowResamplerTests {
    /// 13×9 test pattern; its resizes below were produced by Pillow 12 / 13
    /// (`Image.frombytes("L", (13, 9), data).resize(size, Image.LANCZOS)`).
    static let source: GreyImage = {
        var pixels: [UInt8] = []
        for y in 0..<9 {
            for x in 0..<13 {
                let value: Int = (x * 37 + y * 91 + (x * y) % 7) % 256
                pixels.append(UInt8(value))
            }
        }
        return GreyImage(width: 13, height: 9, pixels: pixels)
    }()

    static let pillow: [(width: Int, height: Int, pixels: [UInt8])] = [
        (5, 4, [90, 144, 117, 106, 149, 119, 111, 139, 119, 114, 128, 120, 111, 137, 122, 156, 123, 117, 117, 124]),
        (20, 3, [75, 98, 116, 95, 98, 134, 167, 144, 111, 149, 140, 83, 101, 115, 95, 108, 146, 170, 139, 108,
                 103, 131, 147, 106, 112, 135, 100, 96, 128, 138, 120, 110, 152, 153, 104, 123, 134, 95, 109, 135,
                 131, 161, 173, 122, 126, 149, 107, 106, 133, 103, 105, 140, 122, 100, 113, 147, 144, 102, 114, 141]),
        (13, 4, [72, 110, 94, 132, 184, 107, 142, 75, 113, 97, 135, 187, 110, 106, 146, 91, 128, 100, 118, 173,
                 109, 145, 94, 131, 103, 121, 110, 152, 107, 144, 95, 136, 87, 113, 171, 110, 147, 98, 139, 144,
                 182, 116, 153, 92, 128, 111, 147, 80, 119, 156, 95, 131]),
        (4, 9, [42, 163, 72, 135, 155, 136, 113, 178, 119, 88, 153, 64, 62, 184, 92, 156, 164, 76, 139, 110, 136,
                105, 169, 82, 91, 152, 62, 184, 178, 89, 154, 123, 150, 129, 110, 89]),
    ]

    /// Index 1 (20×3: upscale one axis, downscale the other) takes Pillow 13's vertical pass first.
    @Test(arguments: [0, 1, 2, 3])
    func matchesPillowLanczos(_ index: Int) {
        let expected = Self.pillow[index]
        let resized = PillowResampler.resize(Self.source, width: expected.width, height: expected.height)
        #expect(resized.width == expected.width)
        #expect(resized.height == expected.height)
        #expect(resized.pixels == expected.pixels)
    }

    @Test(arguments: [(1, 1), (8, 8), (9, 8), (32, 32), (300, 7)])
    func constantImageStaysConstant(_ width: Int, _ height: Int) {
        let flat = GreyImage(width: 97, height: 61, pixels: Array(repeating: 200, count: 97 * 61))
        let resized = PillowResampler.resize(flat, width: width, height: height)
        #expect(resized.pixels.allSatisfy { $0 == 200 })
    }

    /// A tall 13×60 pattern, the same formula, resized by Pillow 13.0; for both sizes Pillow's
    /// vertical-first result differs from the horizontal-first one, so the order is tested.
    @Test func tallImagesTakeTheVerticalPassFirstAsPillow13Does() {
        var pixels: [UInt8] = []
        for y in 0..<60 { for x in 0..<13 { pixels.append(UInt8((x * 37 + y * 91 + (x * y) % 7) % 256)) } }
        let tall = GreyImage(width: 13, height: 60, pixels: pixels)
        let dHashSize: [UInt8] = [117, 120, 126, 126, 124, 115, 118, 130, 128, 140, 137, 139, 118, 122, 131, 120, 120, 124,
                                  126, 133, 135, 130, 136, 137, 117, 139, 130, 131, 129, 130, 133, 130, 130, 137, 132, 139,
                                  119, 128, 128, 126, 129, 127, 129, 132, 127, 136, 122, 122, 125, 124, 125, 128, 125, 131,
                                  130, 116, 133, 138, 117, 120, 123, 126, 121, 128, 116, 114, 120, 126, 130, 119, 115, 126]
        #expect(PillowResampler.resize(tall, width: 9, height: 8).pixels == dHashSize)
        let narrow: [UInt8] = [94, 135, 125, 106, 141, 126, 111, 127, 131, 112, 145, 133, 111, 122, 137, 134, 144, 125, 113, 122,
                               140, 113, 127, 142, 111, 134, 143, 130, 114, 135, 119, 133, 142, 125, 138, 142, 128, 127, 144, 127,
                               121, 140, 132, 124, 151, 138, 117, 135, 135, 121, 118, 142, 119, 132, 138, 122, 118, 138, 123, 122,
                               131, 131, 115, 136, 132, 114, 124, 134, 114, 137, 143, 117, 119, 136, 115, 129, 128, 123, 116, 134,
                               117, 139, 134, 124, 111, 117, 131, 112, 121, 136, 115, 111, 124, 113, 120, 140, 108, 136, 135, 109]
        #expect(PillowResampler.resize(tall, width: 5, height: 20).pixels == narrow)
    }

    @Test func sameSizeIsIdentity() {
        #expect(PillowResampler.resize(Self.source, width: 13, height: 9) == Self.source)
    }

    @Test(arguments: [(100, 8), (8, 100), (33, 32), (4032, 32)])
    func weightsSumToOne(_ input: Int, _ output: Int) {
        let table = PillowResampler.coefficients(inputSize: input, outputSize: output)
        for x in 0..<output {
            let count = Int(table.counts[x])
            let sum = (0..<count).reduce(0) { $0 + Int(table.weights[x * table.stride + $1]) }
            #expect(abs(sum - (1 << 22)) <= count)
        }
    }
}
