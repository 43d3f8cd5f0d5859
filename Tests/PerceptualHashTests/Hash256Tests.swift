import Testing
@testable import PerceptualHash

@Suite struct Hash256Tests {
    static let sample = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"

    @Test func hexRoundTrips() throws {
        let hash = try #require(Hash256(hex: Self.sample))
        #expect(hash.hex == Self.sample)
        #expect(Hash256(hex: Self.sample.uppercased()) == hash)
        #expect(hash.words.0 == 0xf8f8_f0ce_e0f4_a84f)
        #expect(hash.words.3 == 0x33e6_b39c_4e9c_9b22)
    }

    @Test(arguments: ["", "f8", String(repeating: "0", count: 63), String(repeating: "g", count: 64),
                      String(repeating: "0", count: 65)])
    func rejectsMalformedHex(_ text: String) {
        #expect(Hash256(hex: text) == nil)
    }

    /// The reference's `setBit(k)` sets bit k%16 of 16-bit word k/16, and prints word 15 first,
    /// so bit 0 is the last hex digit's low bit and bit 255 the first digit's high bit.
    @Test func bitLayoutMatchesReference() {
        var hash = Hash256.zero
        hash[bit: 0] = true
        #expect(hash.hex == String(repeating: "0", count: 63) + "1")
        hash[bit: 0] = false
        hash[bit: 255] = true
        #expect(hash.hex == "8" + String(repeating: "0", count: 63))
        hash[bit: 17] = true
        #expect(hash[bit: 17])
        #expect(hash.hex.suffix(8) == "00020000")
    }

    @Test func distanceCountsDifferingBits() throws {
        let a = try #require(Hash256(hex: Self.sample))
        // The C++ --int64 hash of bridge-1 (sql/README) differs from the CImg hex listing by 8 bits.
        let b = try #require(Hash256(hex: "f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22"))
        #expect(a.distance(to: b) == 8)
        #expect(a.distance(to: a) == 0)
        #expect(Hash256.zero.distance(to: Hash256(words: (.max, .max, .max, .max))) == 256)
    }

    @Test func int64AndBytesRoundTrip() throws {
        let hash = try #require(Hash256(hex: Self.sample))
        let w = hash.int64Words
        #expect(Hash256(int64Words: w[0], w[1], w[2], w[3]) == hash)
        #expect(w[0] < 0)
        #expect(Hash256(bytes: hash.bytes) == hash)
        #expect(hash.bytes.first == 0xf8)
        #expect(Hash256(bytes: [UInt8](repeating: 0, count: 31)) == nil)
    }
}
