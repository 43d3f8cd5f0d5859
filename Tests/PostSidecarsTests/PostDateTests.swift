import Foundation
import Testing
@testable import PostSidecars

@Suite struct PostDateTests {
    /// A date followed by a combining mark made DateFormatter trap (Fuzz/findings); such text
    /// is not a date.
    @Test func dateFollowedByACombiningMarkIsNotADate() {
        #expect(PostDate.parse("2020-06-02T11:20:00Z\u{0657}") == nil)
        #expect(PostDate.parse("٢٠٢٠-٠٦-٠٢\u{0657}") == nil)
        // Arabic-Indic digits alone are digits.
        #expect(PostDate.parse("٢٠٢٠-٠٦-٠٢").map(PostDate.iso) == "2020-06-02T00:00:00Z")
    }

    @Test func supportedFormatsStillParse() throws {
        let instant = try #require(PostDate.parse("2020-06-02T11:20:00Z"))
        #expect(PostDate.iso(instant) == "2020-06-02T11:20:00Z")
        #expect(PostDate.parse("2020-06-02 11:20:00").map(PostDate.iso) == "2020-06-02T11:20:00Z")
        #expect(PostDate.parse("Tue Jun 02 11:20:00 +0000 2020").map(PostDate.iso) == "2020-06-02T11:20:00Z")
    }

    @Test func minutesWithoutSecondsAndMillisecondsSinceTheEpoch() {
        #expect(PostDate.parse("2024-03-01 14:30").map(PostDate.iso) == "2024-03-01T14:30:00Z")
        #expect(PostDate.parse("2024-03-01T14:30+03:00").map(PostDate.iso) == "2024-03-01T11:30:00Z")
        #expect(PostDate.parse(1_709_303_400_000 as NSNumber).map(PostDate.iso) == "2024-03-01T14:30:00Z")
        #expect(PostDate.parse("1709303400000").map(PostDate.iso) == "2024-03-01T14:30:00Z")
        #expect(PostDate.parse(1_709_303_400 as NSNumber).map(PostDate.iso) == "2024-03-01T14:30:00Z")
        #expect(PostDate.parse(1_709_303_400_000_000 as NSNumber) == nil, "microseconds are no date")
    }
}

@Suite struct SidecarLimitTests {
    /// A sidecar over the size limit is refused before it is read, with a clear error.
    @Test func oversizedSidecarIsRefused() throws {
        let data = Data(#"{"content": "x", "date": "2020-06-02 11:20:00"}"#.utf8)
        #expect(throws: SidecarError.tooLarge(bytes: data.count, limit: 10)) {
            _ = try SidecarReader.read(path: "photo.jpg.json", data: data, maximumBytes: 10)
        }
        #expect(try SidecarReader.read(path: "photo.jpg.json", data: data)?.posts.count == 1)
    }

    /// A file on disk is measured before reading: a sparse file over the limit is not read.
    @Test func oversizedFileIsNotRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-\(UUID().uuidString).jpg.json")
        defer { try? FileManager.default.removeItem(at: url) }
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 64 << 20)
        try handle.close()
        #expect(throws: SidecarError.tooLarge(bytes: 64 << 20, limit: 1 << 20)) {
            _ = try SidecarReader.read(path: url.path, maximumBytes: 1 << 20)
        }
    }
}
