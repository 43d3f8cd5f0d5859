import Testing
@testable import ImageMetadata

/// The one-pass MD5 + SHA-256 (SHA-NI) must give the library's digests for every length,
/// above all around the 64-byte block edges where the padding takes one block or two.
struct FileDigestsTests {
    @Test func publishedTestVectors() {
        let abc = FileDigests(of: Array("abc".utf8))
        #expect(abc.md5 == "900150983cd24fb0d6963f7d28e17f72")
        #expect(abc.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let empty = FileDigests(of: [])
        #expect(empty.md5 == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(empty.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func everyLengthAgreesWithTheLibrary() {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<70_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let lengths = Array(0...300) + [1_000, 4_095, 4_096, 4_097, 65_535, 65_536, 69_999]
        for length in lengths {
            let slice = Array(bytes[..<length])
            #expect(FileDigests(of: slice) == FileDigests(library: slice), "length \(length)")
        }
    }
}

/// A small deterministic generator, so a failure names the same bytes on every run.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
