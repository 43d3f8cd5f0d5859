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
        // Fixed bytes that vary (the top byte of a multiplicative hash of the index).
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: (UInt64($0) &* 0x9E37_79B9_7F4A_7C15) >> 56) }
        let lengths = Array(0...300) + [1_000, 4_095, 4_096, 4_097, 65_535, 65_536, 69_999]
        for length in lengths {
            let slice = Array(bytes[..<length])
            #expect(FileDigests(of: slice) == FileDigests(library: slice), "length \(length)")
        }
    }

    /// Files digested side by side (16 MD5 lanes, two SHA-256 streams, lanes taking the next
    /// file as theirs ends) give each file's own digests, whatever the mix of lengths and
    /// however many files (more than one batch of 32 here).
    @Test func manyFilesAtOnceAgreeWithTheLibrary() {
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: (UInt64($0) &* 0x9E37_79B9_7F4A_7C15) >> 56) }
        let lengths = [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1_000, 69_999, 3, 4_097, 65_536, 200, 7, 31_000]
            + (0..<40).map { ($0 * 7_919) % 70_000 }
        let files = lengths.enumerated().map { index, length in bytes[..<length].map { $0 &+ UInt8(truncatingIfNeeded: index) } }
        #expect(FileDigests.of(files) == files.map(FileDigests.init(library:)))
        #expect(FileDigests.of(Array(files.prefix(1))) == [FileDigests(library: files[0])])
        #expect(FileDigests.of([]).isEmpty)
    }
}
