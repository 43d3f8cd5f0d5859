import Testing
@testable import PerceptualHash

@Suite struct HashBitsTests {
    /// imagehash reads the flattened bits as one binary number, first bit most significant.
    @Test func firstBitIsMostSignificant() {
        var bits = HashBits(count: 64)
        bits[0] = true
        #expect(bits.hex == "8000000000000000")
        bits[0] = false
        bits[63] = true
        #expect(bits.hex == "0000000000000001")
        #expect(bits.uint64 == 1)
    }

    /// For 25 bits imagehash pads to ⌈25/4⌉ = 7 digits on the left: 1 followed by 24 zeros
    /// is 2^24 = 0x1000000.
    @Test func oddSizesPadOnTheLeft() throws {
        var bits = HashBits(count: 25)
        bits[0] = true
        #expect(bits.hex == "1000000")
        let parsed = try #require(HashBits(hex: "1000000"))
        #expect(parsed.count == 25)
        #expect(parsed == bits)
    }

    @Test(arguments: ["ffd8b0a0e0c08080", "0000000000000000", "0123456789abcdef"])
    func hexRoundTrips(_ hex: String) throws {
        let bits = try #require(HashBits(hex: hex))
        #expect(bits.count == 64)
        #expect(bits.hex == hex)
    }

    @Test func rejectsMalformedHex() {
        #expect(HashBits(hex: "xyz", count: 12) == nil)
        #expect(HashBits(hex: "ff", count: 12) == nil)
        #expect(HashBits(hex: "f000000", count: 25) == nil)
    }

    @Test func distanceCountsDifferingBits() throws {
        let a = try #require(HashBits(hex: "ffff000000000000"))
        let b = try #require(HashBits(hex: "0fff000000000001"))
        #expect(a.distance(to: b) == 5)
    }
}
