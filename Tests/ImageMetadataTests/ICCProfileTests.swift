import Foundation
import ImageMetadata
import Testing

/// ICC profiles are untrusted input: damaged ones give a warning and what could be read,
/// never a crash. (Well-formed ones are compared with exiftool in ExiftoolAgreementTests,
/// through the `made/icc.*` fixtures.)
@Suite struct ICCProfileTests {
    /// A JPEG holding `profile` in one APP2 chunk and nothing else of note.
    static func jpeg(_ profile: [UInt8]) -> [UInt8] {
        let body = Array("ICC_PROFILE\0".utf8) + [1, 1] + profile
        let length = body.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE2, UInt8(length >> 8), UInt8(length & 0xFF)] + body + [0xFF, 0xD9]
    }

    /// A profile of `declaredSize` bytes' header with `entries` in its tag table.
    static func profile(declaredSize: Int? = nil, entries: [(String, Int, Int)], count: Int? = nil, padding: Int = 0) -> [UInt8] {
        func be32(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
        var bytes = [UInt8](repeating: 0, count: 128)
        bytes.replaceSubrange(36..<40, with: Array("acsp".utf8))
        bytes += be32(count ?? entries.count)
        for (signature, offset, size) in entries { bytes += Array(signature.utf8) + be32(offset) + be32(size) }
        bytes += [UInt8](repeating: 0, count: padding)
        bytes.replaceSubrange(0..<4, with: be32(declaredSize ?? bytes.count))
        return bytes
    }

    static func iccTags(_ bytes: [UInt8]) throws -> (names: [String], warnings: [String]) {
        let metadata = try MetadataReader.read(bytes)
        return (metadata.tags.filter { $0.group.hasPrefix("ICC") }.map(\.name), metadata.warnings)
    }

    @Test func aProfileLongerThanItsBytesGivesNoTags() throws {
        let read = try Self.iccTags(Self.jpeg(Self.profile(declaredSize: 5000, entries: [])))
        #expect(read.names.isEmpty)
        #expect(read.warnings.contains { $0.contains("Bad length ICC_Profile") })
    }

    @Test func aTableOfTooManyEntriesGivesNoTags() throws {
        let read = try Self.iccTags(Self.jpeg(Self.profile(entries: [], count: 0x100)))
        #expect(read.names.isEmpty)
        #expect(read.warnings.contains { $0.contains("Bad ICC_Profile table") })
    }

    @Test func anEntryPastTheEndStopsTheTable() throws {
        // The header is read; the description points far past the profile's end.
        let read = try Self.iccTags(Self.jpeg(Self.profile(entries: [("desc", 0x7FFF_FFF0, 64)], padding: 16)))
        #expect(read.names.contains("ProfileFileSignature"))
        #expect(!read.names.contains("ProfileDescription"))
        #expect(read.warnings.contains { $0.contains("truncated") })
    }

    @Test func aLocalizedTextWithAHugeRecordCountEnds() throws {
        // mluc claiming 4 billion records of 12 bytes in a 40-byte tag.
        var profile = Self.profile(entries: [("desc", 144, 40)], padding: 40)
        let mluc: [UInt8] = Array("mluc".utf8) + [0, 0, 0, 0] + [0xFF, 0xFF, 0xFF, 0xFF] + [0, 0, 0, 12]
            + Array("enUS".utf8) + [0, 0, 0, 4] + [0, 0, 0, 28] + [0, 0x41, 0, 0x42] + [UInt8](repeating: 0, count: 8)
        profile.replaceSubrange(144..<184, with: mluc)
        let read = try Self.iccTags(Self.jpeg(profile))
        #expect(read.names.filter { $0 == "ProfileDescription" }.count == 2, "the two records that fit in the tag's 40 bytes, no more")
    }
}
