import Foundation
import Testing
@testable import PostSidecars

@Suite struct PostDateTests {
    /// A date followed by a combining mark made DateFormatter trap (Fuzz/findings); such text
    /// is not a date.
    @Test func dateFollowedByACombiningMarkIsNotADate() {
        #expect(PostDate.parse("2020-06-02T11:20:00Z\u{0657}") == nil)
        #expect(PostDate.parse("٢٠٢٠-٠٦-٠٢") == nil)
    }

    @Test func supportedFormatsStillParse() throws {
        let instant = try #require(PostDate.parse("2020-06-02T11:20:00Z"))
        #expect(PostDate.iso(instant) == "2020-06-02T11:20:00Z")
        #expect(PostDate.parse("2020-06-02 11:20:00").map(PostDate.iso) == "2020-06-02T11:20:00Z")
        #expect(PostDate.parse("Tue Jun 02 11:20:00 +0000 2020").map(PostDate.iso) == "2020-06-02T11:20:00Z")
    }
}
