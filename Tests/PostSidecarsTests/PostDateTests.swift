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

    /// What analysts type in their tables.
    @Test(arguments: [
        ("25/03/2019 09:15", "2019-03-25T09:15:00Z"),
        ("05/03/2019 14:02", "2019-03-05T14:02:00Z"),  // day first where both readings are possible
        ("03/25/2019", "2019-03-25T00:00:00Z"),  // the month first only when the day cannot be
        ("5.3.2019", "2019-03-05T00:00:00Z"),
        ("5 March 2019", "2019-03-05T00:00:00Z"),
        ("Mar 5, 2019 2:02 PM", "2019-03-05T14:02:00Z"),
        ("Mar 5, 2019 2:02 PM GMT+3", "2019-03-05T11:02:00Z"),
        ("2019-03-05 17:02 +03:00", "2019-03-05T14:02:00Z"),
        ("2019-03-05 17:02:30 UTC-04:30", "2019-03-05T21:32:30Z"),
        ("Tue, 05 Mar 2019 14:02:00 +0300", "2019-03-05T11:02:00Z"),
        ("1709287200.0", "2024-03-01T10:00:00Z"),  // Reddit's created_utc, seconds with a fraction
        ("20240301T100000Z", "2024-03-01T10:00:00Z"),  // ISO 8601's basic form
        ("20240301T130000+0300", "2024-03-01T10:00:00Z"),
    ])
    func tableDates(text: String, iso: String) {
        #expect(PostDate.parse(text).map(PostDate.iso) == iso, "\(text)")
    }

    @Test func notDates() {
        for text in ["32/13/2019", "yesterday", "2019", "Mar 45, 2019", "GMT+3", "1709287200.", "3.14159"] {
            #expect(PostDate.parse(text) == nil, "\(text)")
        }
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
