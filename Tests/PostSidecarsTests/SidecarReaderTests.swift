import Foundation
import Testing
@testable import PostSidecars

/// The sidecars `scripts/make-samples` writes into samples/, read back field by field.
@Suite struct SidecarReaderTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")

    static func read(_ relative: String) throws -> (format: SidecarFormat, posts: [Post]) {
        let reading = try #require(try SidecarReader.read(path: samples.appendingPathComponent(relative).path))
        #expect(reading.skipped.isEmpty)
        return (reading.format, reading.posts)
    }

    static func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    /// A table's date that is no date ("yesterday", "13/25/2024") is kept as written in the
    /// post's extra fields, so that ingest can say so and the analyst can see it.
    @Test func anUnreadableDateIsKeptAsWritten() throws {
        let table = "file,text,posted_at,url\na.jpg,one,yesterday,https://t.me/front_line/1\nb.jpg,two,2024-03-01T10:00:00Z,https://t.me/front_line/2\nc.jpg,three,,https://t.me/front_line/3\n"
        let posts = try #require(try SidecarReader.read(path: "/nonexistent/posts.csv", data: Data(table.utf8))?.posts)
        #expect(posts.map { $0.postedAt == nil } == [true, false, true])
        #expect(posts[0].extra.contains("\"posted_at\":\"yesterday\""))
        #expect(!posts[1].extra.contains("posted_at") && !posts[2].extra.contains("posted_at"), "a date read, or none given, is not kept twice")
        let object = try #require(try SidecarReader.read(path: "/nonexistent/p.jsonl", data: Data(#"{"file": "a.jpg", "text": "x", "posted_at": {"$date": "soon"}}"#.utf8))?.posts.first)
        #expect(object.postedAt == nil && object.extra.contains("$date"), "an object is kept as written")
    }

    /// A broken JSON sidecar says where it breaks, as a line and column.
    @Test func invalidJSONSaysWhere() throws {
        let json = "{\"category\": \"twitter\", \"tweet_id\": 1,\n \"content\": xyz}"
        #expect {
            try SidecarReader.read(path: "/nonexistent/a.jpg.json", data: Data(json.utf8))
        } throws: { error in
            "\(error)".contains("line 2, column 13")
        }
    }

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
        #expect(post.postID == "deirezzor_now/48213", "message numbers count per channel")
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
        #expect(post.author == "@aleppo_skies", "the handle; the display name stays in extra")
        #expect(post.postedAt == Date(timeIntervalSince1970: 1_523_441_520))
        #expect(post.text?.contains("مطار الجراح") == true)
        #expect(post.text?.contains("Drone footage") == true)
        #expect(post.mediaPrefixes == ["jirah-aerial."], "the video, its thumbnail and numbered thumbnails beside it")
        let extra = try JSONSerialization.jsonObject(with: Data(post.extra.utf8)) as? [String: Any]
        #expect(extra?["location"] as? String == "Jirah, Aleppo, Syria")
        #expect(extra?["thumbnails"] == nil)
        #expect(extra?["uploader"] as? String == "Aleppo Skies Media")
        #expect(post.mediaSearch == .besideSidecar)
    }

    @Test func ytDLPFallsBackToUploadDate() throws {
        let post = try #require(try SidecarReader.ytDLP(Data(#"{"id": "x", "upload_date": "20180411", "title": "t"}"#.utf8), stem: "a", keyless: "/x/a.info.json"))
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
        #expect(posts[0].mediaPrefixes.contains("tweets_media/1199332211009988776-"))
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

    /// A quote that opens a field and never closes is read as a letter, so that the rows
    /// after it stay rows, and its line is reported; quoted line breaks still join lines.
    @Test func anUnclosedQuoteIsReadAsALetter() {
        let text = "a,b\n\"x \"\"y\"\" z,1\n\"two\nlines\",2\nlast,3\n"
        let (rows, unclosed) = CSVTable.rowsReportingUnclosedQuotes(text)
        #expect(rows == [["a", "b"], ["\"x \"\"y\"\" z", "1"], ["two\nlines", "2"], ["last", "3"]])
        #expect(unclosed == [2])
        #expect(CSVTable.rowsReportingUnclosedQuotes("a,b\n\"c\",d\n").unclosedQuoteLines.isEmpty)
        let atTheEnd = CSVTable.rowsReportingUnclosedQuotes("a,b\n\"c,d\ne,f\n")
        #expect(atTheEnd.rows == [["a", "b"], ["\"c", "d"], ["e", "f"]] && atTheEnd.unclosedQuoteLines == [2])
    }

    /// A table whose dates read both ways says how it read them: the reading of 01/05/2023
    /// changes when a row that can only be month first (05/13/2023) joins the table.
    @Test func aTableSaysHowItReadDatesThatReadBothWays() throws {
        func read(_ table: String) throws -> (dates: [Date?], notes: [String]) {
            let read = try #require(try SidecarReader.read(path: "/x/posts.csv", data: Data(table.utf8)))
            return (read.posts.map(\.postedAt), read.notes)
        }
        let alone = try read("file,text,posted_at\na.jpg,x,01/05/2023 12:00\n")
        #expect(alone.dates == [Self.date("2023-05-01T12:00:00Z")])
        #expect(alone.notes == ["a date (01/05/2023 12:00) could be day or month first: read day first, as no date of the table is only month first (12/25)"])
        let joined = try read("file,text,posted_at\na.jpg,x,01/05/2023 12:00\nb.jpg,y,05/13/2023 12:00\n")
        #expect(joined.dates == [Self.date("2023-01-05T12:00:00Z"), Self.date("2023-05-13T12:00:00Z")])
        #expect(joined.notes.first?.contains("read month first") == true)
        #expect(try read("file,text,posted_at\na.jpg,x,2023-05-01 12:00\nb.jpg,y,13/05/2023\n").notes.isEmpty)
    }

    @Test func plainJSONLinesWithOffsetsAndPlatformFromURL() throws {
        let (format, posts) = try Self.read("posts/channel-export.jsonl")
        #expect(format == .plainJSONL)
        #expect(posts[0].postedAt == Self.date("2017-07-12T06:00:00Z"))
        #expect(posts[0].media == ["../mosul-ruins-edited.jpg"])
        #expect(posts[1].platform == "telegram", "t.me in the URL")
        #expect(posts[1].postID == "mosul_eye_news/3402", "no post_id: the one its address holds")
    }

    /// JSON Lines has no header: a record without the `file` key (a text-only message) names
    /// no file, and the records around it are read as usual.
    @Test func plainJSONLinesRecordWithoutAFileKey() throws {
        let lines = #"""
            {"text": "text-only message", "url": "https://t.me/deirezzor24/1"}
            {"file": "p1.jpg", "text": "first photo", "url": "https://t.me/deirezzor24/2"}
            {"file": "p2.jpg", "text": "second photo", "url": "https://t.me/deirezzor24/3"}
            """#
        let read = try #require(try SidecarReader.read(path: "/nonexistent/list.jsonl", data: Data(lines.utf8)))
        #expect(read.format == .plainJSONL)
        #expect(read.posts.map(\.media) == [[], ["p1.jpg"], ["p2.jpg"]])
        #expect(read.posts.map(\.postID) == ["deirezzor24/1", "deirezzor24/2", "deirezzor24/3"])
    }

    /// Rows that share a channel's address (a hand-made sheet with t.me/wilayat_raqqa on
    /// every row) are different posts when their text or time differ; rows with the same text
    /// and time under one post's address are that post's several pictures.
    @Test func rowsSharingAnAddressAreOnePostOnlyWhenTheySayTheSame() throws {
        let table = """
            file,text,posted_at,url
            a.jpg,Tabqa air base is ours,2014-08-24T10:00:00Z,https://t.me/wilayat_raqqa
            b.jpg,Menagh air base is ours,2019-03-01T10:00:00Z,https://t.me/wilayat_raqqa
            c.jpg,Tabqa air base is ours,2014-08-24T10:00:00Z,https://t.me/wilayat_raqqa
            d.jpg,Palmyra is ours,2015-05-21T10:00:00Z,https://t.me/wilayat_raqqa
            e1.jpg,Four photos of Kuweires,2016-01-01T00:00:00Z,https://x.com/a/status/1
            e2.jpg,Four photos of Kuweires,2016-01-01T00:00:00Z,https://x.com/a/status/1
            """
        let posts = try #require(try SidecarReader.read(path: "/nonexistent/posts.csv", data: Data(table.utf8))?.posts)
        #expect(posts.map(\.postID) == ["https://t.me/wilayat_raqqa", "https://t.me/wilayat_raqqa#2", "https://t.me/wilayat_raqqa",
                                         "https://t.me/wilayat_raqqa#4", "1", "1"])
        #expect(posts[1].text == "Menagh air base is ours")
    }

    /// A post its sidecar gives no id (nor an address holding one) is keyed by the sidecar's
    /// path and its row, so that two folders' `posts.csv` or two channels' `photo.jpg.json`
    /// are never one post; the same file read again gives the same keys.
    @Test func postsWithoutAnIDAreKeyedByTheirSidecarsPath() throws {
        func ids(_ path: String, _ content: String) throws -> [String] {
            try #require(try SidecarReader.read(path: path, data: Data(content.utf8))).posts.map(\.postID)
        }
        let table = "file,text,posted_at\np1.jpg,Tabqa airbase captured today,2022-04-15 05:20\np2.jpg,Menagh,2022-04-16\n"
        #expect(try ids("/inv/week1/posts.csv", table) == ["/inv/week1/posts.csv#1", "/inv/week1/posts.csv#2"])
        #expect(try ids("/inv/week2/posts.csv", table) == ["/inv/week2/posts.csv#1", "/inv/week2/posts.csv#2"])
        #expect(try ids("/inv/week1/posts.csv", table) == ids("/inv/week1/posts.csv", table))
        #expect(try ids("/inv/a/list.jsonl", #"{"file": "p.jpg", "text": "x"}"#) == ["/inv/a/list.jsonl#1"])
        #expect(try ids("/inv/a/posts.csv", "file,text,url\np.jpg,x,https://t.me/chan/7\n") == ["chan/7"], "an id its address holds is kept")

        let channel = #"{"category": "telegram", "channel": "chanA", "date": "2022-04-15 05:20:00", "content": "Tabqa airbase captured"}"#
        #expect(try ids("/inv/chanA/photo.jpg.json", channel) == ["/inv/chanA/photo.jpg.json"])
        #expect(try ids("/inv/chanB/photo.jpg.json", channel) == ["/inv/chanB/photo.jpg.json"])
        let withID = #"{"category": "telegram", "channel": "chanA", "message_id": 5, "content": "x"}"#
        #expect(try ids("/inv/chanA/photo.jpg.json", withID) == ["chana/5"])
        let lines = #"{"category": "telegram", "subcategory": "channel", "filename": "photo", "extension": "jpg", "content": "a"}"#
            + "\n" + #"{"category": "telegram", "subcategory": "channel", "filename": "photo_2", "extension": "jpg", "content": "b"}"#
        #expect(try ids("/inv/chanA/metadata.jsonl", lines) == ["/inv/chanA/metadata.jsonl#1", "/inv/chanA/metadata.jsonl#2"])
        #expect(try ids("/inv/yt/clip.info.json", #"{"title": "no id", "extractor_key": "Generic"}"#) == ["/inv/yt/clip.info.json"])
    }

    /// Shapes the real tools write that samples/ does not show.
    static func post(_ name: String, _ json: String) throws -> Post {
        try #require(try SidecarReader.read(path: "/nonexistent/\(name)", data: Data(json.utf8))?.posts.first)
    }

    /// gallery-dl's other platforms, each as its extractor writes it: a Bluesky post (its
    /// `text`, not the image's empty `description`; `createdAt` with its offset, which `date`
    /// drops), an Instagram story item (its media id, not the tray's), a TikTok photo post (the
    /// author's `uniqueId`), a VK wall post (the post in `wall`), Pixiv (HTML caption, `account`),
    /// imgur (the album's address) and 4chan (`no`, `com`, Unix `time`).
    @Test func galleryDLPlatformsBeyondTwitterAndTelegram() throws {
        let bluesky = try Self.post("a_1.jpeg.json", """
            {"category": "bluesky", "post_id": "3kmnbvcxz2a2b", "author": {"handle": "desk.bsky.social"},
             "createdAt": "2024-02-10T11:15:30.412+03:00", "date": "2024-02-10 11:15:30", "description": "", "text": "قصف على سوق"}
            """)
        #expect(bluesky.text == "قصف على سوق")
        #expect(abs(try #require(bluesky.postedAt).timeIntervalSince(Self.date("2024-02-10T08:15:30Z"))) < 1, "11:15:30+03:00 is 08:15:30Z")
        #expect(bluesky.url == "https://bsky.app/profile/desk.bsky.social/post/3kmnbvcxz2a2b")
        let story = try Self.post("b.jpg.json", """
            {"category": "instagram", "subcategory": "stories", "post_id": "6611", "post_shortcode": "GKD0Mw",
             "post_url": "https://www.instagram.com/stories/mil_ig/", "username": "mil_ig", "media_id": "3367000000000000001",
             "shortcode": "C65_KkuvYAB", "date": "2024-05-14 06:12:55"}
            """)
        #expect(story.postID == "3367000000000000001" && story.url == "https://www.instagram.com/stories/mil_ig/3367000000000000001/")
        let tiktok = try Self.post("c.jpeg.json", """
            {"category": "tiktok", "id": "7301234567890123456", "desc": "خان يونس", "author": {"id": "6812", "uniqueId": "gaza.reporter"},
             "post_type": "image", "date": "2023-11-15 12:00:00"}
            """)
        #expect(tiktok.author == "gaza.reporter" && tiktok.url == "https://www.tiktok.com/@gaza.reporter/photo/7301234567890123456")
        let wall = try Self.post("d.jpg.json", """
            {"category": "vk", "id": "457301001", "description": "", "user": {"id": "-15722194"},
             "wall": {"id": "912345", "description": "Обстрел Белгорода"}, "date": "2023-12-30 15:47:00"}
            """)
        #expect(wall.url == "https://vk.com/wall-15722194_912345" && wall.text == "Обстрел Белгорода")
        let pixiv = try Self.post("e_p0.jpg.json", """
            {"category": "pixiv", "id": 115432109, "caption": "Based on a viral photo.<br />Not a real photograph.",
             "user": {"id": 1234567, "name": "絵描きA", "account": "eakaki_a"}, "date": "2024-01-20 12:30:00"}
            """)
        #expect(pixiv.url == "https://www.pixiv.net/artworks/115432109" && pixiv.author == "eakaki_a")
        #expect(pixiv.text == "Based on a viral photo.\nNot a real photograph.")
        let imgur = try Self.post("f.jpg.json", """
            {"category": "imgur", "id": "aB3dE5f", "url": "https://i.imgur.com/aB3dE5f.jpg", "title": "", "description": "",
             "album": {"id": "Xy7Qw2P"}, "date": "2023-08-14 03:21:01"}
            """)
        #expect(imgur.url == "https://imgur.com/a/Xy7Qw2P" && imgur.text == nil)
        let chan = try Self.post("g.jpg.json", """
            {"category": "4chan", "board": "pol", "thread": "459876543", "no": 459876601, "time": 1709647540,
             "now": "03/05/24(Tue)09:05:40", "sub": "Drone footage thread",
             "com": "<a href=\\"#p459876543\\" class=\\"quotelink\\">&gt;&gt;459876543</a><br>Bakhmut 2023"}
            """)
        #expect(chan.postID == "459876601" && chan.url == "https://boards.4chan.org/pol/thread/459876543#p459876601")
        #expect(chan.postedAt == Self.date("2024-03-05T14:05:40Z"))
        #expect(chan.text == ">>459876543\nBakhmut 2023")
        // Text that only looks like markup is text.
        let tweet = try Self.post("h.jpg.json", """
            {"category": "twitter", "tweet_id": 1, "content": "Casualties <50 dead, >100 wounded </3", "author": {"name": "a"}}
            """)
        #expect(tweet.text == "Casualties <50 dead, >100 wounded </3")
    }

    /// yt-dlp's id of a tweet's video is the media's; the post is the tweet its address names.
    /// A numeric uploader_id (TikTok, Instagram) is no handle.
    @Test func ytDLPPostsAreKnownByTheirAddressAndHandle() throws {
        let tweet = try Self.post("clip.info.json", """
            {"id": "1780000000000000001", "display_id": "1779999999999999999", "extractor_key": "Twitter",
             "webpage_url": "https://twitter.com/frontline/status/1779999999999999999", "uploader": "Front Line",
             "uploader_id": "frontline", "timestamp": 1712300000, "title": "Front Line - convoy"}
            """)
        #expect(tweet.postID == "1779999999999999999" && tweet.author == "frontline")
        let tiktok = try Self.post("v.info.json", """
            {"id": "7350000000000000000", "extractor_key": "TikTok", "webpage_url": "https://www.tiktok.com/@gaza.reporter.24/video/7350000000000000000",
             "uploader": "gaza.reporter.24", "uploader_id": "6800000000000000000", "channel": "Gaza Reporter"}
            """)
        #expect(tiktok.postID == "7350000000000000000" && tiktok.author == "gaza.reporter.24")
        let reel = try Self.post("r.info.json", """
            {"id": "C5xYzAbCdEf", "extractor_key": "Instagram", "webpage_url": "https://www.instagram.com/reel/C5xYzAbCdEf/",
             "uploader": "Raqqa Voice", "uploader_id": "51234567890", "channel": "raqqa.voice"}
            """)
        #expect(reel.postID == "C5xYzAbCdEf" && reel.author == "raqqa.voice")
    }

    /// Tables as analysts head them, and addresses of Facebook posts.
    @Test func tableHeadingsWithSpacesAndFacebookAddresses() throws {
        let table = "File,Posted At,URL\na.jpg,25/03/2019 09:15,https://www.facebook.com/permalink.php?story_fbid=1234567890&id=42\n"
            + "b.jpg,5 March 2019,https://www.facebook.com/raqqa.news/posts/9876543210\n"
        let posts = try #require(try SidecarReader.read(path: "/nonexistent/notes.csv", data: Data(table.utf8))?.posts)
        #expect(posts.map(\.postID) == ["1234567890", "9876543210"])
        #expect(posts.compactMap(\.postedAt).map(PostDate.iso) == ["2019-03-25T09:15:00Z", "2019-03-05T00:00:00Z"])
    }

    /// snscrape's VK module is "vkontakte"; gallery-dl says "vk": one platform, so that the
    /// same post from both tools is one row. Null fields stay out of extra (re-reads merge it).
    @Test func snscrapeVKIsVKAndNullsStayOutOfExtra() throws {
        let line = #"{"_type": "snscrape.modules.vkontakte.VKontaktePost", "id": "-12345_678", "url": "https://vk.com/wall-12345_678", "content": "text", "likes": null, "views": 10, "place": {"name": "Raqqa", "coordinates": null, "tags": [null, 1]}}"#
        let post = try #require(try SidecarReader.read(path: "/nonexistent/vk.jsonl", data: Data(line.utf8))?.posts.first)
        #expect(post.platform == "vk")
        #expect(post.extra == #"{"place":{"name":"Raqqa","tags":[null,1]},"views":10}"#)
    }

    /// An analyst's table names posts by address; the id must be the one the platform's
    /// scraper stores, so that both sidecars meet on one post.
    @Test func addressesInTablesGiveTheScrapersIDs() throws {
        let table = """
            file,url,author
            a.jpg,https://youtu.be/aB3dE5gH7jK?si=xyz,@furatpost
            b.jpg,https://www.youtube.com/watch?v=aB3dE5gH7jK&t=42s,
            c.jpg,https://www.youtube.com/shorts/Zx9Yw8Vu7Ts,
            d.jpg,https://www.instagram.com/p/CpQ7xYzAbCd/?igsh=abc,
            e.jpg,https://old.reddit.com/r/syriancivilwar/comments/1b2c3d4/title_here/,
            f.jpg,https://bsky.app/profile/levant-osint.bsky.social/post/3kj2abcdxyz2a,
            """
        let posts = try #require(try SidecarReader.read(path: "/nonexistent/t.csv", data: Data(table.utf8))?.posts)
        #expect(posts.map(\.platform) == ["youtube", "youtube", "youtube", "instagram", "reddit", "bluesky"])
        #expect(posts.map(\.postID) == ["aB3dE5gH7jK", "aB3dE5gH7jK", "Zx9Yw8Vu7Ts", "CpQ7xYzAbCd", "1b2c3d4", "3kj2abcdxyz2a"])
        #expect(posts[0].author == "furatpost")
    }

    /// Excel's "Unicode text" export (UTF-16 with a byte-order mark, tab-separated) and a
    /// path typed with Windows separators.
    @Test func utf16TablesAndWindowsPaths() throws {
        let table = "file\ttext\turl\nwin\\win_1.jpg\tرفع العلم\thttps://t.me/raqqa_news/7\n"
        var data = Data([0xFF, 0xFE])
        for unit in table.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let post = try #require(try SidecarReader.read(path: "/nonexistent/export.csv", data: data)?.posts.first)
        #expect(post.text == "رفع العلم" && post.media == ["win/win_1.jpg"] && post.postID == "raqqa_news/7")
    }

    /// The addresses analysts paste for the same posts (Telegram's telegram.me, the embed
    /// fixers, nitter) give the platform and id the scrapers store, so one post stays one.
    @Test func aliasHostsGiveTheScrapersIDs() throws {
        let table = """
            file,url
            a.jpg,https://telegram.me/badia_front/7730
            b.jpg,https://fxtwitter.com/nineveh_frontline/status/1426553791140831232
            c.jpg,https://vxtwitter.com/nineveh_frontline/status/1426553791140831233?s=20
            d.jpg,https://nitter.net/nineveh_frontline/status/1426553791140831234#m
            e.jpg,https://fixupx.com/a/status/15
            f.jpg,https://www.ddinstagram.com/p/CpQ7xYzAbCd/

            """
        let posts = try #require(try SidecarReader.read(path: "/nonexistent/notes.csv", data: Data(table.utf8))?.posts)
        #expect(posts.map(\.platform) == ["telegram", "twitter", "twitter", "twitter", "twitter", "instagram"])
        #expect(posts.map(\.postID) == ["badia_front/7730", "1426553791140831232", "1426553791140831233", "1426553791140831234", "15", "CpQ7xYzAbCd"])
    }

    /// A `.tsv` is read as a tab-separated post table, also when its header has a comma (which
    /// would make a `.csv` comma-separated); other tables named `.tsv` are not sidecars.
    @Test func tabSeparatedTables() throws {
        let table = "file\ttext\tnotes, sources\na.jpg\tرفع العلم, مطار الطبقة\tAFP, Reuters\n"
        let post = try #require(try SidecarReader.read(path: "/nonexistent/posts.TSV", data: Data(table.utf8))?.posts.first)
        #expect(post.media == ["a.jpg"] && post.text == "رفع العلم, مطار الطبقة")
        let plain = try Self.post("posts.tsv", "file\ttext\na.jpg\tرفع العلم, مطار الطبقة\n")
        #expect(plain.text == "رفع العلم, مطار الطبقة")
        #expect(SidecarFormat(fileName: "week1.tsv") == .plainCSV)
        #expect(try SidecarReader.read(path: "/nonexistent/hashes.tsv", data: Data("pdq\tquality\nab\t100\n".utf8)) == nil)
    }

    /// Python's json module writes NaN and Infinity; they are read as null, strings untouched.
    @Test func pythonsNonFiniteNumbersAreNull() throws {
        let post = try Self.post("a.jpg.json", #"{"category": "twitter", "tweet_id": 5, "content": "NaN is not Infinity", "ratio": NaN, "x": -Infinity, "author": {"name": "a"}}"#)
        #expect(post.text == "NaN is not Infinity" && post.postID == "5")
    }

    /// Excel on an Arabic Windows saves "CSV" as Windows-1256.
    @Test func windows1256Tables() throws {
        var data = Data("file,text\na.jpg,".utf8)
        data.append(contentsOf: [0xD1, 0xDD, 0xDA, 0x20, 0xC7, 0xE1, 0xDA, 0xE1, 0xE3])  // رفع العلم
        let post = try #require(try SidecarReader.read(path: "/nonexistent/notes.csv", data: data)?.posts.first)
        #expect(post.text == "رفع العلم")
    }

    /// gallery-dl's layouts for Bluesky, Mastodon, Instagram and Telegram channel messages.
    @Test func galleryDLLayoutsOfOtherPlatforms() throws {
        let bluesky = try Self.post("a.jpg.json", #"{"category": "bluesky", "post_id": "3kj2abcdxyz2a", "text": "Smoke over Deir ez-Zor", "author": {"handle": "levant-osint.bsky.social", "displayName": "Levant OSINT"}, "langs": ["en"], "date": "2024-02-01 10:00:00"}"#)
        #expect(bluesky.text == "Smoke over Deir ez-Zor" && bluesky.author == "levant-osint.bsky.social" && bluesky.language == "en")
        #expect(bluesky.url == "https://bsky.app/profile/levant-osint.bsky.social/post/3kj2abcdxyz2a")
        let mastodon = try Self.post("b.jpg.json", #"{"category": "mastodon.social", "id": "111", "content": "<p>Flag over <a href='https://x'>#Tabqa</a> &amp; the dam</p><p>Second</p>", "account": {"acct": "geoint", "username": "geoint"}}"#)
        #expect(mastodon.platform == "mastodon" && mastodon.author == "geoint")
        #expect(mastodon.text == "Flag over #Tabqa & the dam\n\nSecond")
        let instagram = try Self.post("c.jpg.json", #"{"category": "instagram", "post_id": "3012345678901234567", "post_shortcode": "CpQ7xYzAbCd", "description": "x", "owner_username": "raqqa24"}"#)
        #expect(instagram.postID == "CpQ7xYzAbCd" && instagram.author == "raqqa24")
        let telegram = try Self.post("d.jpg.json", #"{"category": "telegram", "id": 48213, "message": "رفع العلم", "channel": {"username": "deirezzor_now"}}"#)
        #expect(telegram.text == "رفع العلم" && telegram.postID == "deirezzor_now/48213")
    }

    /// gallery-dl's jsonl mode names no saved file; tweets are saved as <tweet_id>_<num>.
    @Test func galleryDLLinesOfTweetsNameTheirDefaultFiles() throws {
        let line = #"{"category": "twitter", "subcategory": "tweet", "tweet_id": 1701, "num": 1, "filename": "FxYzAbC", "extension": "jpg", "content": "x", "author": {"name": "AleppoNow_"}}"#
        let post = try Self.post("metadata.jsonl", line)
        // (1 and 0 are numbers here, not the booleans Foundation would bridge them to.)
        #expect(post.media == ["FxYzAbC.jpg", "1701_1.jpg"])
        #expect(try Self.post("b.jpg.json", #"{"category": "vk", "id": 1, "owner_id": 0, "flag": true}"#).postID == "0_1")
    }

    /// yt-dlp titles a tweet "<uploader> - <its text, cut>…": the text is the description.
    @Test func aTweetsTitleIsNotRepeatedBeforeItsText() throws {
        let tweet = try Self.post("1701.info.json", #"{"extractor_key": "Twitter", "id": "1701", "uploader": "شبكة الرقة", "uploader_id": "raqqa_net", "title": "شبكة الرقة - عاجل: رفع العلم فوق…", "description": "عاجل: رفع العلم فوق مطار الطبقة"}"#)
        #expect(tweet.text == "عاجل: رفع العلم فوق مطار الطبقة")
        let video = try Self.post("v.info.json", #"{"extractor_key": "Youtube", "id": "v", "uploader": "News", "title": "Raqqa - the fall", "description": "the fall of the city"}"#)
        #expect(video.text == "Raqqa - the fall\n\nthe fall of the city")
    }

    @Test func telegramMessagesOfTwoChannelsWithOneNumberAreTwoPosts() throws {
        let a = try Self.post("a.jpg.json", #"{"category": "telegram", "channel": "badia_front", "message_id": 512, "content": "a"}"#)
        let b = try Self.post("b.jpg.json", #"{"category": "telegram", "channel": "raqqa_news", "message_id": 512, "content": "b"}"#)
        #expect(a.postID == "badia_front/512" && b.postID == "raqqa_news/512")
        #expect(b.url == "https://t.me/raqqa_news/512")
        let line = #"{"_type": "snscrape.modules.telegram.TelegramPost", "url": "https://t.me/s/raqqa_news/512", "date": "2024-03-01T10:00:00+00:00", "content": "c"}"#
        let scraped = try Self.post("x.jsonl", line)
        #expect(scraped.postID == "raqqa_news/512" && scraped.url == "https://t.me/raqqa_news/512" && scraped.author == "raqqa_news")
    }

    @Test func ytDLPTelegramEmbedIsTelegramWithItsTextOnce() throws {
        let post = try Self.post("613.info.json", #"""
            {"id": "613", "extractor_key": "TelegramEmbed", "webpage_url": "https://t.me/s/badia_front/613?embed=1",
             "title": "قصف مطار التيفور", "description": "قصف مطار التيفور", "release_timestamp": 1709303400}
            """#)
        #expect(post.platform == "telegram" && post.postID == "badia_front/613")
        #expect(post.url == "https://t.me/badia_front/613" && post.author == "badia_front")
        #expect(post.text == "قصف مطار التيفور")
        #expect(post.postedAt == Date(timeIntervalSince1970: 1_709_303_400))
    }

    @Test func galleryDLAddressesAreThePostsNotTheMediaFiles() throws {
        let facebook = try Self.post("p.jpg.json", #"""
            {"category": "facebook", "id": "1016", "url": "https://scontent.xx.fbcdn.net/v/t39/1016_n.jpg?stp=1",
             "caption": "", "title": "Timeline photos", "date": "2024-03-01 14:30:00"}
            """#)
        #expect(facebook.url == "https://www.facebook.com/photo/?fbid=1016")
        #expect(facebook.text == nil, "an empty caption is no text, not the album's title")
        let reddit = try Self.post("r.jpg.json", #"""
            {"category": "reddit", "id": "1b2c3d", "url": "https://i.redd.it/abc.jpg", "permalink": "/r/syriancivilwar/comments/1b2c3d/x/",
             "title": "Flag over Kuweires", "selftext": "Posted an hour ago by the brigade", "author": "someone"}
            """#)
        #expect(reddit.url == "https://www.reddit.com/r/syriancivilwar/comments/1b2c3d/x/")
        #expect(reddit.text == "Flag over Kuweires\n\nPosted an hour ago by the brigade")
        let vk = try Self.post("v.jpg.json", #"{"category": "vk", "id": 456, "user": {"id": -12345, "name": "front_news"}, "url": "https://sun9-1.userapi.com/impg/a.jpg?size=1"}"#)
        #expect(vk.postID == "-12345_456" && vk.url == "https://vk.com/photo-12345_456" && vk.author == "front_news")
        let extra = try JSONSerialization.jsonObject(with: Data(vk.extra.utf8)) as? [String: Any]
        #expect((extra?["user"] as? [String: Any])?["id"] as? Int == -12345, "the account object stays")
    }

    @Test func snscrapeOldLinesEntitiesAndVideos() throws {
        let lines = [
            #"{"_type": "snscrape.modules.twitter.User", "username": "raqqa_pulse", "id": 1}"#,
            #"{"_type": "snscrape.modules.twitter.Tweet", "id": 2, "url": "https://twitter.com/raqqa_pulse/status/2", "rawContent": "فيديو", "user": {"username": "raqqa_pulse", "displayname": "Raqqa Pulse"}, "media": [{"_type": "snscrape.modules.twitter.Video", "thumbnailUrl": "https://pbs.twimg.com/ext_tw_video_thumb/2/pu/img/AbCd.jpg", "variants": [{"url": "https://video.twimg.com/ext_tw_video/2/pu/vid/GhIj.mp4?tag=12"}]}]}"#,
        ].joined(separator: "\n")
        let (format, posts, _, _) = try #require(try SidecarReader.read(path: "/nonexistent/x.jsonl", data: Data(lines.utf8)))
        #expect(format == .snscrape && posts.count == 1, "the account line is no post")
        #expect(posts.first?.media == ["AbCd.jpg", "GhIj.mp4"])
        #expect(posts.first?.author == "raqqa_pulse")
        let old = try Self.post("y.jsonl", #"{"url": "https://twitter.com/a/status/3", "date": "2019-01-01T00:00:00+00:00", "content": "old snscrape", "id": 3, "username": "a"}"#)
        #expect(old.postID == "3" && old.text == "old snscrape" && old.author == "a")
    }

    @Test func galleryDLMetadataAsJSONLines() throws {
        let lines = #"{"category": "twitter", "subcategory": "tweet", "tweet_id": 7, "content": "a", "author": "x", "filename": "F7a", "extension": "jpg"}"#
            + "\n" + #"{"category": "twitter", "subcategory": "tweet", "tweet_id": 8, "content": "b", "author": "x", "filename": "F8b", "extension": "png"}"#
        let (format, posts, _, _) = try #require(try SidecarReader.read(path: "/nonexistent/data.jsonl", data: Data(lines.utf8)))
        #expect(format == .galleryDL)
        #expect(posts.map(\.media) == [["F7a.jpg"], ["F8b.png"]] && posts.allSatisfy { $0.mediaSearch == .besideSidecar })
        #expect(posts.map(\.url) == ["https://x.com/x/status/7", "https://x.com/x/status/8"])
    }

    @Test func semicolonSeparatedTable() throws {
        let csv = "file;text;posted_at;url\nphoto.jpg;مطار كويرس;2024-03-01 14:30;https://t.me/Front_News/9\n"
        let post = try Self.post("notes.csv", csv)
        #expect(post.media == ["photo.jpg"] && post.text == "مطار كويرس")
        #expect(post.postID == "front_news/9" && post.platform == "telegram", "the id the address holds; usernames ignore case")
    }

    @Test func aWindowsSemicolonTableWithCommasInItsCells() throws {
        let csv = "file;text;url\r\nphoto.jpg;Tabqa, Raqqa: flag raised;https://t.me/front_news/9\r\n"
        let post = try Self.post("notes.csv", csv)
        #expect(post.media == ["photo.jpg"] && post.text == "Tabqa, Raqqa: flag raised")
    }

    /// Excel's `sep=;` line before the header names the separator and is no row; the lines
    /// reported are still the file's.
    @Test func excelsSeparatorLineIsNoRow() throws {
        let csv = "sep=;\nfile;text;posted_at;url;author\np1.jpg;Mosul airport today;2022-01-01 10:00;https://t.me/mosul_now/123;mosul_now\n"
        let post = try Self.post("posts.csv", csv)
        #expect(post.media == ["p1.jpg"] && post.text == "Mosul airport today" && post.author == "mosul_now")
        #expect(post.postID == "mosul_now/123" && post.postedAt.map(PostDate.iso) == "2022-01-01T10:00:00Z")
        let quoted = try Self.post("posts.csv", "\u{FEFF}\"sep=,\"\r\nfile,text\r\np.jpg,\"Tabqa; Raqqa\"\r\n")
        #expect(quoted.media == ["p.jpg"] && quoted.text == "Tabqa; Raqqa")
        let read = try #require(try SidecarReader.read(path: "/x/posts.csv", data: Data("sep=,\nfile,text\na.jpg,\"open\nb.jpg,x\n".utf8)))
        #expect(read.posts.map(\.media) == [["a.jpg"], ["b.jpg"]])
        #expect(read.skipped == ["line 3: a quoted field that is never closed; its quote was read as a letter"])
        let tab = try #require(CSVTable.separatorLine("sep=\t\nfile\ttext\n"))
        #expect(tab.separator == "\t" && tab.rest == "file\ttext\n")
        #expect(CSVTable.separatorLine("separator,text\n") == nil && CSVTable.separatorLine("sep=;;\n") == nil)
    }

    /// Spreadsheets' and other tools' names for the columns are read as the columns
    /// (`filename,caption,date,link,channel`); where the header names a column twice
    /// (`date` and `timestamp`), the first is the column and the other an extra field.
    @Test func otherNamesOfTheColumns() throws {
        let post = try Self.post("posts.csv", "filename,caption,date,link,channel\np1.jpg,Mosul airport today,2022-01-01 10:00,https://t.me/mosul_now/123,@mosul_now\n")
        #expect(post.media == ["p1.jpg"] && post.text == "Mosul airport today" && post.author == "mosul_now")
        #expect(post.url == "https://t.me/mosul_now/123" && post.postID == "mosul_now/123" && post.platform == "telegram")
        #expect(post.postedAt.map(PostDate.iso) == "2022-01-01T10:00:00Z")
        let twice = try Self.post("posts.csv", "File Name,Message,Date,Timestamp,text\na.jpg,m,2022-01-01,1700000000,t\n")
        #expect(twice.media == ["a.jpg"] && twice.text == "t" && twice.postedAt.map(PostDate.iso) == "2022-01-01T00:00:00Z")
        #expect(twice.extra == #"{"message":"m","timestamp":"1700000000"}"#)
        // One such name alone is some other table: a list of images, exiftool's -csv output; so
        // are names and dates without a post's words or address (an inventory).
        for table in ["image,width,height\na.jpg,1,2\n", "SourceFile,FileName,Make\n/x/a.jpg,a.jpg,Canon\n",
                      "FileName,Date,Size\na.jpg,2022-01-01,1200\n"] {
            #expect(try SidecarReader.read(path: "/x/list.csv", data: Data(table.utf8)) == nil, "\(table)")
        }
    }

    /// A post table without a column for the pictures is a sidecar error, saying what its
    /// header is and what to call the column; `path` is not taken for `file`.
    @Test(arguments: ["path,text,posted_at,url,author\na.jpg,x,2022-01-01,https://t.me/a/1,a\n", "caption,date,link\nx,2022-01-01,https://t.me/a/1\n"])
    func aPostTableWithoutAFileColumnIsAnError(table: String) {
        #expect {
            try SidecarReader.read(path: "/x/posts.csv", data: Data(table.utf8))
        } throws: { error in
            guard case .noFileColumn(let header) = error as? SidecarError else { return false }
            return header == table.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
                && "\(error)".contains("name the pictures' column file (or filename")
        }
    }

    @Test func anIdWithACombiningMarkIsNoMessageNumber() {
        #expect(TelegramAddress.post("https://t.me/front_news/1\u{301}2") == nil)
    }

    @Test func spreadsheetCellsLoseTheirDirectionMarksAndArabicDigitsAreDigits() throws {
        let csv = "file,text,posted_at,url\n a.jpg ,نص,\u{200F}٢٠٢٤-٠٣-٠١ ١٤:٣٠\u{200F},\u{200F} https://x.com/raqqa_pulse/status/1427 \n"
        let post = try Self.post("notes.csv", csv)
        #expect(post.media == ["a.jpg"])
        #expect(post.postedAt.map(PostDate.iso) == "2024-03-01T14:30:00Z")
        #expect(post.platform == "twitter" && post.postID == "1427" && post.url == "https://x.com/raqqa_pulse/status/1427")
    }

    @Test func telegramChannelsPrivateChannelsAndDisplayNames() throws {
        #expect(TelegramAddress.post("https://t.me/c/1234567892/900")! == ("c/1234567892", "900"))
        #expect(TelegramAddress.post("https://t.me/s/Badia_Front/7731?single")! == ("badia_front", "7731"))
        #expect(TelegramAddress.channel("-1001234567891") == "c/1234567891")
        #expect(TelegramAddress.channel("جبهة البادية") == nil, "a display name is no channel")
        let privateChannel = try Self.post("p.jpg.json", #"{"category": "telegram", "message_id": 900, "post_url": "https://t.me/c/1234567892/900"}"#)
        #expect(privateChannel.postID == "c/1234567892/900")
        let byObject = try Self.post("q.jpg.json", #"{"category": "telegram", "message_id": 901, "channel": {"id": -1001234567891, "name": "جبهة البادية"}}"#)
        #expect(byObject.postID == "c/1234567891/901" && byObject.url == "https://t.me/c/1234567891/901")
        let named = try Self.post("r.jpg.json", #"{"category": "telegram", "message_id": 902, "channel": {"username": "badia_front", "name": "جبهة البادية"}}"#)
        #expect(named.postID == "badia_front/902" && named.author == "badia_front")
        let old = try Self.post("s.jsonl", #"{"url": "https://t.me/s/raqqa_news/7731", "date": "2019-11-05T10:00:00+00:00", "content": "x"}"#)
        #expect(old.platform == "telegram" && old.postID == "raqqa_news/7731" && old.author == "raqqa_news")
    }

    @Test func ytDLPPlaylistsAreNoPostsAndTelegramTitlesAreChannelNames() throws {
        let playlist = #"{"_type": "playlist", "id": "vorposte-29342", "extractor_key": "Telegram", "title": "Vorposte"}"#
        #expect(try SidecarReader.read(path: "/nonexistent/a.info.json", data: Data(playlist.utf8))?.posts.isEmpty == true)
        let message = try Self.post("b.info.json", #"""
            {"id": "29343", "extractor_key": "Telegram", "webpage_url": "https://t.me/vorposte/29343?single",
             "title": "أخبار الطبقة", "channel": "أخبار الطبقة", "description": "فيديو من داخل مطار الطبقة"}
            """#)
        #expect(message.text == "فيديو من داخل مطار الطبقة" && message.author == "vorposte" && message.postID == "vorposte/29343")
    }

    @Test(arguments: [
        ("photo.jpg.json", "{not json"),
        ("photo.jpg.json", "[1, 2]"),
        ("clip.info.json", ""),
        ("export.jsonl", "{broken\n{\"also\": broken"),
        ("notes.csv", "text,url\nhello,https://x.com/a/status/1\n"),
        ("tweets.js", "window.YTD.tweets.part0 = "),
        ("export.jsonl", "{\"text\": \"no file\"}"),
    ])
    func brokenSidecarsThrow(name: String, content: String) {
        #expect(throws: SidecarError.self) {
            try SidecarReader.read(path: "/nonexistent/\(name)", data: Data(content.utf8))
        }
    }

    /// A scrape killed mid-line, or one bad line among good ones, loses only that line.
    @Test func aJSONLinesFileKeepsItsGoodLines() throws {
        let lines = """
            {"file": "a.jpg", "text": "first", "url": "https://x.com/a/status/1"}
            {"file": "b.jpg", "text": "sec
            {"file": "c.jpg", "text": "third", "url": "https://x.com/a/status/3"}
            {"url": "https://x.com/a/status/4", "rawCont
            """
        let reading = try #require(try SidecarReader.read(path: "/nonexistent/export.jsonl", data: Data(lines.utf8)))
        #expect(reading.posts.map(\.text) == ["first", "third"])
        #expect(reading.skipped.count == 2)
        #expect(reading.skipped.first?.contains("line 2") == true)
    }

    @Test(arguments: [
        ("a.jpg.json", SidecarFormat.galleryDL), ("a.info.json", .ytDLP), ("tweets.js", .twitterArchive),
        ("tweets-part1.js", .twitterArchive), ("tweet.js", .twitterArchive), ("tweet-part1.js", .twitterArchive),
        ("x.csv", .plainCSV), ("x.jsonl", .plainJSONL), ("result.json", .telegramExport),
        ("1665934575399862275.json", .galleryDL),
    ])
    func formatsByName(name: String, format: SidecarFormat) {
        #expect(SidecarFormat(fileName: name) == format)
    }

    @Test(arguments: ["manifest.csv", "info.json", "README.md", "a.jpg", "account.js"])
    func notSidecars(name: String) {
        #expect(SidecarFormat(fileName: name) == nil)
    }

    /// A tweet's gallery-dl metadata as one object, written under the names users configure.
    static let galleryDLTweet = """
        {"category": "twitter", "subcategory": "timeline", "tweet_id": 1665934575399862275, "num": 3, "count": 3,
         "filename": "FbVVloZaXZxmCu1", "extension": "jpg", "date": "2023-06-06 04:12:09",
         "author": {"id": 34, "name": "front_watch", "nick": "Front Watch"}, "content": "Dam breached overnight", "lang": "en"}
        """

    /// A table's dates follow one convention: with 12/25/2017 in it, 03/04/2017 is March 4th,
    /// not April 3rd; without such a date, day first, as Iraq and Syria write them.
    @Test func aTablesDatesAreReadByOneConvention() throws {
        let monthFirst = try #require(try SidecarReader.read(path: "/x/posts.csv",
            data: Data("file,posted_at\na.jpg,03/04/2017\nb.jpg,12/25/2017\n".utf8))?.posts)
        #expect(monthFirst.map { $0.postedAt.map(PostDate.iso) } == ["2017-03-04T00:00:00Z", "2017-12-25T00:00:00Z"])
        let dayFirst = try #require(try SidecarReader.read(path: "/x/posts.csv",
            data: Data("file,posted_at\na.jpg,03/04/2017\nb.jpg,25/12/2017 09:15\n".utf8))?.posts)
        #expect(dayFirst.map { $0.postedAt.map(PostDate.iso) } == ["2017-04-03T00:00:00Z", "2017-12-25T09:15:00Z"])
    }

    /// A table or JSON Lines file with none of the sidecar columns is some other file kept
    /// beside the pictures (notes, a hash list, `imprint hash` output): no sidecar, no error.
    /// One with some of them but no `file` is a sidecar with a mistake.
    @Test func otherTablesAreNoSidecars() throws {
        #expect(try SidecarReader.read(path: "/x/notes.csv", data: Data("who,when\nAli,Monday\n".utf8)) == nil)
        #expect(try SidecarReader.read(path: "/x/hashes.jsonl", data: Data(#"{"path":"a.jpg","pdq":"00ff"}"#.utf8)) == nil)
        #expect(throws: SidecarError.self) { try SidecarReader.read(path: "/x/posts.csv", data: Data("text,url\nhi,https://t.me/a/1\n".utf8)) }
    }

    @Test func galleryDLUnderANameOfItsOwn() throws {
        // "{tweet_id}.json": the post's numbered files are its media.
        let whole = try #require(try SidecarReader.read(path: "/x/1665934575399862275.json", data: Data(Self.galleryDLTweet.utf8)))
        #expect(whole.format == .galleryDL)
        let post = try #require(whole.posts.first)
        #expect(post.postID == "1665934575399862275" && post.author == "front_watch" && post.text == "Dam breached overnight")
        #expect(post.mediaPrefixes == ["1665934575399862275.", "1665934575399862275_"])
        // extension-format "json": X.json beside X.jpg.
        let one = try #require(try SidecarReader.read(path: "/x/1665934575399862275_3.json", data: Data(Self.galleryDLTweet.utf8)))
        #expect(one.posts.first?.mediaPrefixes == ["1665934575399862275_3."])
        // Without `subcategory` (written by hand, or trimmed), a `filename` that is this
        // file's own stem still says it is the post's metadata; a category alone does not.
        let trimmed = #"{"tweet_id": 111, "date": "2014-08-24 11:00:00", "content": "Tabqa air base", "category": "twitter", "filename": "111_1", "extension": "jpg"}"#
        #expect(try SidecarReader.read(path: "/x/111_1.json", data: Data(trimmed.utf8))?.posts.first?.text == "Tabqa air base")
        #expect(try SidecarReader.read(path: "/x/other.json", data: Data(trimmed.utf8)) == nil)
        // Its filename and extension name its one file: 111_1.jpg, not 111_1.png beside it.
        let named = try #require(try SidecarReader.read(path: "/x/111_1.json", data: Data(trimmed.utf8))?.posts.first)
        #expect(named.media == ["111_1.jpg"] && named.mediaPrefixes.isEmpty)
        // Any other JSON file is not a sidecar, and not an error either.
        #expect(try SidecarReader.read(path: "/x/notes.json", data: Data(#"{"todo": ["check the runway photo"]}"#.utf8)) == nil)
        #expect(try SidecarReader.read(path: "/x/notes.json", data: Data("{not json".utf8)) == nil)
        #expect(try SidecarReader.read(path: "/x/data.json", data: Data(#"[1, 2, 3]"#.utf8)) == nil)
    }

    @Test func aRetweetIsTheOriginalTweet() throws {
        let retweet = """
            {"category": "twitter", "subcategory": "timeline", "tweet_id": 1763534787965878280, "retweet_id": 1763296832517046279,
             "date": "2024-03-01 12:00:33", "author": {"name": "local_reporter"}, "user": {"name": "aggregator"},
             "content": "RT @local_reporter: Depot explosion near Hama last night", "filename": "a", "extension": "jpg"}
            """
        let post = try #require(try SidecarReader.read(path: "/x/1763534787965878280_1.jpg.json", data: Data(retweet.utf8))?.posts.first)
        #expect(post.postID == "1763296832517046279")
        #expect(post.author == "local_reporter")
        #expect(post.url == "https://x.com/local_reporter/status/1763296832517046279")
        #expect(post.text == "Depot explosion near Hama last night")
        // Dated by the original's id: 2024-02-29 20:15:00 UTC, not the retweet's date.
        #expect(post.postedAt == Self.date("2024-02-29T20:15:00Z"))
        let extra = try JSONSerialization.jsonObject(with: Data(post.extra.utf8)) as? [String: Any]
        #expect((extra?["tweet_id"] as? NSNumber)?.stringValue == "1763534787965878280")
        #expect(extra?["date"] as? String == "2024-03-01 12:00:33")
    }

    @Test func oddBytesInASidecarKeepThePost() throws {
        // A NUL inside text would end it in SQLite: shown as U+FFFD.
        let nul = #"{"category": "twitter", "subcategory": "tweet", "tweet_id": 5, "content": "before\u0000after"}"#
        #expect(try SidecarReader.read(path: "/x/5_1.jpg.json", data: Data(nul.utf8))?.posts.first?.text == "before\u{FFFD}after")
        // A counter too large for a double (valid JSON) does not void the post.
        let huge = #"{"category": "twitter", "subcategory": "tweet", "tweet_id": 6, "favorite_count": 1e400, "content": "kept"}"#
        #expect(try SidecarReader.read(path: "/x/6_1.jpg.json", data: Data(huge.utf8))?.posts.first?.text == "kept")
    }

    @Test func archiveTextReadsAsOnTheSite() throws {
        let tweets = """
            window.YTD.tweets.part0 = [{"tweet": {"id_str": "1622452523627446372", "full_text": "Quake hits Aleppo &amp; Idlib, see https://t.co/Link1 https://t.co/Media1",
              "created_at": "Mon Feb 06 01:17:00 +0000 2023",
              "entities": {"urls": [{"url": "https://t.co/Link1", "expanded_url": "https://example.org/report"}],
                           "media": [{"url": "https://t.co/Media1", "media_url_https": "https://pbs.twimg.com/media/FoO.jpg"}]}}}]
            """
        let post = try #require(try SidecarReader.read(path: "/x/data/tweets.js", data: Data(tweets.utf8))?.posts.first)
        #expect(post.text == "Quake hits Aleppo & Idlib, see https://example.org/report")
    }

    @Test func snscrapeCarriesQuotedPostsRedditLinksAndVKPhotos() throws {
        let lines = """
            {"_type": "snscrape.modules.twitter.Tweet", "url": "https://twitter.com/a/status/1715299314693046275", "id": 1715299314693046275, "rawContent": "Look at this", "user": {"username": "a"}, "media": null, "quotedTweet": {"_type": "snscrape.modules.twitter.Tweet", "url": "https://twitter.com/b/status/1715246466462646274", "id": 1715246466462646274, "rawContent": "Rocket misfire", "user": {"username": "b"}, "media": [{"_type": "snscrape.modules.twitter.Photo", "fullUrl": "https://pbs.twimg.com/media/F8xQ?format=jpg&name=large"}]}}
            {"_type": "snscrape.modules.reddit.Submission", "author": "observer", "date": "2024-12-08T04:11:00+00:00", "id": "1h9abcd", "link": "https://i.redd.it/k8d2j3.jpeg", "selftext": null, "title": "Statue toppled in Damascus", "url": "https://old.reddit.com/r/syriancivilwar/comments/1h9abcd/statue/"}
            {"_type": "snscrape.modules.vkontakte.VKontaktePost", "url": "https://vk.com/wall-91050183_123456", "date": "2022-03-05T14:02:00+03:00", "content": "Митинг", "photos": [{"variants": [{"url": "https://sun9-77.userapi.com/impg/Q1w2.jpg?size=1280x853", "width": 1280}], "url": "https://vk.com/photo-91050183_457240001"}]}
            """
        let reading = try #require(try SidecarReader.read(path: "/x/scrape.jsonl", data: Data(lines.utf8)))
        #expect(reading.format == .snscrape)
        let byID = Dictionary(reading.posts.map { ($0.postID, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byID["1715246466462646274"]?.media == ["F8xQ.jpg"], "the quoted tweet is a post of its own, with its picture")
        #expect(byID["1715299314693046275"]?.mediaPrefixes == ["1715299314693046275_", "1715299314693046275."], "pictures saved under the tweet's id")
        #expect(byID["1h9abcd"]?.author == "observer" && byID["1h9abcd"]?.text == "Statue toppled in Damascus")
        #expect(byID["1h9abcd"]?.media == ["k8d2j3.jpeg"])
        #expect(byID["wall-91050183_123456"]?.media.contains("Q1w2.jpg") == true)
    }

    @Test func telegramDesktopExport() throws {
        let chat = """
            {"name": "قناة الحدث", "type": "public_channel", "id": 1234567890, "messages": [
             {"id": 1233, "type": "service", "date": "2019-03-05T17:00:00", "action": "pin_message"},
             {"id": 1234, "type": "message", "date": "2019-03-05T17:02:11", "date_unixtime": "1551794531", "from": "قناة الحدث",
              "from_id": "channel1234567890", "photo": "photos/photo_1@05-03-2019_17-02-11.jpg", "width": 1280, "height": 853,
              "text": ["صور من موقع الانفجار ", {"type": "hashtag", "text": "#بيروت"}]},
             {"id": 1235, "type": "message", "date": "2019-03-05T18:00:00", "photo": "(File not included. Change data exporting settings to download.)", "text": ""}]}
            """
        let reading = try #require(try SidecarReader.read(path: "/x/ChatExport_2019-03-06/result.json", data: Data(chat.utf8)))
        #expect(reading.format == .telegramExport)
        #expect(reading.posts.map(\.postID) == ["c/1234567890/1234", "c/1234567890/1235"], "messages, not service entries")
        let post = try #require(reading.posts.first)
        #expect(post.platform == "telegram" && post.url == "https://t.me/c/1234567890/1234")
        #expect(post.text == "صور من موقع الانفجار #بيروت" && post.language == "ar")
        #expect(post.author == "قناة الحدث")
        #expect(post.postedAt == Date(timeIntervalSince1970: 1_551_794_531), "the instant, not the exporting computer's clock")
        #expect(post.media == ["photos/photo_1@05-03-2019_17-02-11.jpg"] && post.mediaSearch == .besideSidecar)
        #expect(reading.posts.last?.media == [], "a placeholder names no file")
        let extra = try JSONSerialization.jsonObject(with: Data(post.extra.utf8)) as? [String: Any]
        #expect((extra?["chat"] as? [String: Any])?["type"] as? String == "public_channel")
        // A whole account's export lists its chats; a personal chat has no address.
        let account = #"{"chats": {"list": [{"name": "Ali", "type": "personal_chat", "id": 42, "messages": [{"id": 7, "type": "message", "date_unixtime": "1551794531", "from": "Ali", "photo": "chats/chat_001/photos/p.jpg", "text": "hi"}]}]}}"#
        let personal = try #require(try SidecarReader.read(path: "/x/result.json", data: Data(account.utf8))?.posts.first)
        #expect(personal.postID == "c/42/7" && personal.url == nil && personal.media == ["chats/chat_001/photos/p.jpg"])
        // Not an export: nothing.
        #expect(try SidecarReader.read(path: "/x/result.json", data: Data(#"{"score": 3}"#.utf8)) == nil)
    }
}
