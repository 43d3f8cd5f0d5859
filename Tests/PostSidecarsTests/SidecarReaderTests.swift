import Foundation
import Testing
@testable import PostSidecars

/// The sidecars `scripts/make-samples` writes into samples/, read back field by field.
@Suite struct SidecarReaderTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")

    static func read(_ relative: String) throws -> (format: SidecarFormat, posts: [Post]) {
        try #require(try SidecarReader.read(path: samples.appendingPathComponent(relative).path))
    }

    static func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test func galleryDLTwitterInArabic() throws {
        let (format, posts) = try Self.read("mosul-runway_banner.jpg.json")
        #expect(format == .galleryDL)
        let post = try #require(posts.first)
        #expect(post.platform == "twitter")
        #expect(post.postID == "1426553791140831232")
        #expect(post.author == "nineveh_frontline")
        #expect(post.language == "ar")
        #expect(post.text?.hasPrefix("عاجل: مقاتلونا يسيطرون على مطار الموصل") == true)
        #expect(post.postedAt == Self.date("2021-08-14T14:08:55Z"))
        #expect(post.url == "https://x.com/nineveh_frontline/status/1426553791140831232")
        #expect(post.media == ["mosul-runway_banner.jpg"])
        let extra = try JSONSerialization.jsonObject(with: Data(post.extra.utf8)) as? [String: Any]
        #expect(extra?["hashtags"] as? [String] == ["الموصل", "نينوى"])
        #expect(extra?["retweet_count"] as? Int == 1893)
        #expect(extra?["content"] == nil, "consumed fields do not repeat in extra")
    }

    @Test func galleryDLTelegramWithPostURL() throws {
        let post = try #require(try Self.read("qaim-crossing_false-claim.jpg.json").posts.first)
        #expect(post.platform == "telegram")
        #expect(post.postID == "48213")
        #expect(post.url == "https://t.me/deirezzor_now/48213")
        #expect(post.author == "deirezzor_now")
        #expect(post.postedAt == Self.date("2019-03-24T06:12:40Z"))
    }

    @Test func ytDLPInfoJSON() throws {
        let (format, posts) = try Self.read("jirah-aerial.info.json")
        #expect(format == .ytDLP)
        let post = try #require(posts.first)
        #expect(post.platform == "youtube")
        #expect(post.postID == "q7Xc2LmT0aE")
        #expect(post.url == "https://www.youtube.com/watch?v=q7Xc2LmT0aE")
        #expect(post.author == "Aleppo Skies Media")
        #expect(post.postedAt == Date(timeIntervalSince1970: 1_523_441_520))
        #expect(post.text?.contains("مطار الجراح") == true)
        #expect(post.text?.contains("Drone footage") == true)
        #expect(post.media.contains("jirah-aerial.webp"))
        let extra = try JSONSerialization.jsonObject(with: Data(post.extra.utf8)) as? [String: Any]
        #expect(extra?["location"] as? String == "Jirah, Aleppo, Syria")
        #expect(extra?["thumbnails"] == nil)
    }

    @Test func ytDLPFallsBackToUploadDate() throws {
        let post = try SidecarReader.ytDLP(Data(#"{"id": "x", "upload_date": "20180411", "title": "t"}"#.utf8), stem: "a")
        #expect(post.postedAt == Self.date("2018-04-11T00:00:00Z"))
        #expect(post.platform == "unknown")
    }

    @Test func snscrapeJSONLines() throws {
        let (format, posts) = try Self.read("posts/snscrape-search.jsonl")
        #expect(format == .snscrape)
        #expect(posts.count == 2)
        #expect(posts[0].platform == "twitter")
        #expect(posts[0].postID == "1427012288441090051")
        #expect(posts[0].author == "raqqa_pulse")
        #expect(posts[0].postedAt == Self.date("2021-08-15T20:30:12Z"))
        #expect(posts[0].media == ["mosul-runway_crop10.jpg"])
        let extra = try JSONSerialization.jsonObject(with: Data(posts[0].extra.utf8)) as? [String: Any]
        #expect((extra?["place"] as? [String: Any])?["fullName"] as? String == "Mosul, Iraq")
        #expect(extra?["coordinates"] != nil)
        #expect(posts[1].text == "صورة معكوسة لمعبر القائم، نشرت على أنها حديثة")
        #expect(posts[1].language == "ar")
        #expect(posts[1].media == ["qaim-crossing_mirror.jpg"])
    }

    @Test func twitterArchiveWithAccount() throws {
        let (format, posts) = try Self.read("posts/twitter-archive/data/tweets.js")
        #expect(format == .twitterArchive)
        #expect(posts.map(\.postID) == ["1199332211009988776", "1230405060708090123"])
        #expect(posts.allSatisfy { $0.author == "kuweires_archive" })
        #expect(posts[0].text?.hasPrefix("العلم مرفوع فوق مطار كويرس") == true)
        #expect(posts[0].postedAt == Self.date("2019-11-26T15:05:10Z"))
        #expect(posts[0].media.contains("kuweires-flag.png"))
        #expect(posts[0].media.contains("tweets_media/1199332211009988776-kuweires-flag.png"))
        #expect(posts[1].url == "https://x.com/kuweires_archive/status/1230405060708090123")
        #expect(posts[1].language == "en")
    }

    @Test func plainCSVWithQuotesSeveralFilesAndArabic() throws {
        let (format, posts) = try Self.read("posts/analyst-notes.csv")
        #expect(format == .plainCSV)
        #expect(posts.count == 2)
        #expect(posts[0].text == "Cropped Al-Qaim crossing photo, posted as \"today's\" capture")
        #expect(posts[0].media == ["../qaim-crossing_crop10.jpg"])
        #expect(posts[0].platform == "telegram")
        #expect(posts[0].postedAt == Self.date("2020-06-02T11:20:00Z"))
        #expect(posts[1].media == ["../desert-road.jpg", "../river-palms.jpg"])
        #expect(posts[1].author == "سفر الفرات")
        #expect(posts[1].extra == #"{"analyst_note":"Unrelated scenery; control pair"}"#)
    }

    @Test func plainJSONLinesWithOffsetsAndPlatformFromURL() throws {
        let (format, posts) = try Self.read("posts/channel-export.jsonl")
        #expect(format == .plainJSONL)
        #expect(posts[0].postedAt == Self.date("2017-07-12T06:00:00Z"))
        #expect(posts[0].media == ["mosul-ruins-edited.jpg"])
        #expect(posts[1].platform == "telegram", "t.me in the URL")
        #expect(posts[1].postID == "https://t.me/mosul_eye_news/3402", "no post_id: the URL stands in")
    }

    @Test(arguments: [
        ("photo.jpg.json", "{not json"),
        ("photo.jpg.json", "[1, 2]"),
        ("clip.info.json", ""),
        ("export.jsonl", "{\"file\": \"a.jpg\"}\n{broken"),
        ("notes.csv", "text,url\nhello,https://x.com/a/status/1\n"),
        ("tweets.js", "window.YTD.tweets.part0 = "),
        ("export.jsonl", "{\"text\": \"no file\"}"),
    ])
    func brokenSidecarsThrow(name: String, content: String) {
        #expect(throws: SidecarError.self) {
            try SidecarReader.read(path: "/nonexistent/\(name)", data: Data(content.utf8))
        }
    }

    @Test(arguments: [
        ("a.jpg.json", SidecarFormat.galleryDL), ("a.info.json", .ytDLP), ("tweets.js", .twitterArchive),
        ("tweets-part1.js", .twitterArchive), ("x.csv", .plainCSV), ("x.jsonl", .plainJSONL),
    ])
    func formatsByName(name: String, format: SidecarFormat) {
        #expect(SidecarFormat(fileName: name) == format)
    }

    @Test(arguments: ["manifest.csv", "notes.json", "README.md", "a.jpg", "account.js"])
    func notSidecars(name: String) {
        #expect(SidecarFormat(fileName: name) == nil)
    }
}
