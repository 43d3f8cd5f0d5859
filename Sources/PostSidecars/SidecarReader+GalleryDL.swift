import Foundation

extension SidecarReader {
    /// gallery-dl's `--write-metadata` JSON for one downloaded file (`mediaName` is that
    /// file's name, the sidecar's without `.json`).
    ///
    /// Reads `category` (platform; a Mastodon instance's name is `mastodon`); Instagram's
    /// shortcode, else `tweet_id`/`post_id`, else `message_id`/`id` scoped by `channel`
    /// (Telegram) or the owner (VK); `content`/`description`/`caption`/`message`/`text` (an
    /// empty one means no text; Mastodon's HTML made plain), else `title` and `selftext`
    /// (Reddit); `date` (UTC); `author`/`user`/`account` (objects with `name`, `username`,
    /// `handle` or `acct`, or text), `owner_username`; `lang` or Bluesky's `langs`; the post's
    /// address from `post_url`,
    /// `permalink` or a `url` that is not the media file's, else built for Twitter, Telegram,
    /// Facebook, VK and Bluesky. Account objects, `hashtags` and everything else stay in `extra`.
    /// Metadata with no id is the post `keyless` (``keyless(_:entry:)``): its sidecar's path,
    /// not its file's bare name, which another channel's or folder's download shares.
    static func galleryDL(_ data: Data, mediaName: String, keyless: String) throws(SidecarError) -> Post {
        galleryDL(try JSONFields.object(data), mediaName: mediaName, keyless: keyless)
    }

    /// One gallery-dl metadata object; without `mediaName`, the file its `filename` and
    /// `extension` name (gallery-dl's metadata in `jsonl` mode: one line per download).
    static func galleryDL(_ object: [String: Any], mediaName: String?, keyless: String) -> Post {
        var fields = JSONFields(object)
        let givenName = mediaName
        let mediaName = mediaName ?? [fields.remaining["filename"], fields.remaining["extension"]]
            .compactMap { $0.flatMap(JSONFields.text) }.joined(separator: ".")
        var platform = fields.string("category")?.lowercased() ?? "unknown"
        // gallery-dl names a Mastodon extractor after its instance (mastodon.social, pawoo).
        if platform.contains("."), fields.remaining["account"] != nil { platform = "mastodon" }
        let telegramChannel = platform == "telegram"
            ? TelegramAddress.channel(of: fields.remaining["channel"]) ?? TelegramAddress.channel(of: fields.remaining["chat"]) : nil
        // An account object keeps its id and display name in extra; plain text is consumed.
        let author = fields.account("author") ?? fields.account("user") ?? fields.account("account")
            ?? fields.preferred("username", "owner_username", "uploader") ?? telegramChannel.flatMap(TelegramAddress.handle)
        for key in ["author", "user"] where fields.remaining[key] is String { _ = fields.take(key) }
        let scope = telegramChannel
            ?? (platform == "vk" ? fields.remaining["owner_id"].flatMap(JSONFields.text) ?? fields.remaining["user"].flatMap(ownerID) : nil)
        // Instagram's posts are known by their shortcode (the address's /p/…/, yt-dlp's id). A
        // story item is known by its own media id: the story tray's post_id is the account's,
        // its post_shortcode and post_url the tray's, and every item has its own date.
        let story = platform == "instagram" && (fields.remaining["subcategory"].flatMap(JSONFields.text) == "stories"
            || (fields.remaining["post_url"] as? String)?.contains("/stories/") == true)
        let storyItem = story ? fields.remaining["media_id"].flatMap(JSONFields.text) : nil
        let shortcode = platform == "instagram" && storyItem == nil ? fields.string("post_shortcode", "shortcode") : nil
        // A retweet's picture is the original tweet's: the post is the original, by its author
        // (gallery-dl's `author`; `user` is who retweeted), dated by its id. The retweet's own
        // `tweet_id` and `date` stay in extra.
        let original = platform == "twitter" ? fields.remaining["retweet_id"].flatMap(JSONFields.text).flatMap { $0 == "0" ? nil : $0 } : nil
        if original != nil { _ = fields.take("retweet_id") }
        // A VK wall post's pictures carry the post in `wall` (its id and text); the photo's own
        // id is the picture's. A 4chan post is its number (`no`) in its board's thread.
        let wall = platform == "vk" ? fields.remaining["wall"] as? [String: Any] : nil
        let wallID = wall?["id"].flatMap(JSONFields.text)
        let board = platform == "4chan" ? fields.remaining["board"].flatMap(JSONFields.text) : nil
        let chanPost = board != nil ? fields.string("no") : nil
        let id = original ?? storyItem ?? wallID ?? chanPost ?? shortcode ?? fields.string("tweet_id", "post_id") ?? fields.string("message_id", "id")
        var text: String?
        // The first of them that holds text: a Bluesky image's empty `description` (its alt
        // text) is not the post's `text`. 4chan's comment is `com`.
        let textKeys = ["content", "description", "caption", "message", "text", "com"]
        if let key = textKeys.first(where: { !(fields.remaining[$0].flatMap(JSONFields.text) ?? "").isEmpty })
            ?? textKeys.first(where: { fields.remaining[$0] != nil }) {
            text = fields.string(key)
            // Mastodon's, Pixiv's and 4chan's texts are HTML.
            if platform == "mastodon" || text.map(Self.looksLikeHTML) == true { text = text.map(htmlText) }
        } else {
            let parts = [fields.string("title"), fields.string("selftext")].compactMap { $0 }
            text = parts.isEmpty ? nil : parts.joined(separator: "\n\n")
        }
        if let wallText = wall?["description"].flatMap(JSONFields.text), !wallText.isEmpty, (text ?? "").isEmpty { text = wallText }
        if text?.isEmpty == true { text = nil }
        if let original, let author, let prefix = text?.range(of: "RT @\(author): ", options: [.anchored, .caseInsensitive]) {
            text?.removeSubrange(prefix)
        }
        // gallery-dl's `date` drops a time's offset (Bluesky's createdAt "11:15:30+03:00" becomes
        // "11:15:30", read as UTC): the platform's own time, when it names its zone, is exact.
        let zoned = ["createdAt", "created_at"].lazy.compactMap { key -> Date? in
            guard let written = fields.remaining[key] as? String, Self.namesZone(written) else { return nil }
            return PostDate.parse(written)
        }.first
        // 4chan's `time` is Unix time; its `now` is the board's local time.
        let chanTime = board != nil ? fields.remaining["time"].flatMap { PostDate.parse($0) } : nil
        let postedAt = original.flatMap(PostDate.twitterSnowflake) ?? zoned ?? chanTime ?? PostDate.parse(fields.take("date"))
        let language = fields.string("lang", "language") ?? (fields.take("langs") as? [Any])?.first.flatMap(JSONFields.text)
        var url = fields.string("post_url")
        if let storyItem, let author { url = "https://www.instagram.com/stories/\(author)/\(storyItem)/" }
        if url == nil, let permalink = fields.string("permalink") {
            url = permalink.hasPrefix("/") ? "https://www.reddit.com" + permalink : permalink
        }
        if url == nil, let link = fields.remaining["url"] as? String, !isMediaAddress(link) {
            url = fields.string("url")
        }
        if url == nil, let id {
            switch platform {
            case "twitter": url = author.map { "https://x.com/\($0)/status/\(id)" }
            case "telegram": url = scope.map { TelegramAddress.address(channel: $0, message: id) }
            case "facebook": url = "https://www.facebook.com/photo/?fbid=\(id)"
            case "vk" where wallID != nil: url = scope.map { "https://vk.com/wall\($0)_\(id)" }
            case "vk": url = scope.map { "https://vk.com/photo\($0)_\(id)" }
            case "bluesky": url = author.map { "https://bsky.app/profile/\($0)/post/\(id)" }
            case "4chan": url = (board.map { b in fields.remaining["thread"].flatMap(JSONFields.text).map { "https://boards.4chan.org/\(b)/thread/\($0)#p\(id)" } } ?? nil)
            case "pixiv": url = "https://www.pixiv.net/artworks/\(id)"
            case "imgur":
                let album = (fields.remaining["album"] as? [String: Any])?["id"].flatMap(JSONFields.text)
                url = album.map { "https://imgur.com/a/\($0)" } ?? "https://imgur.com/\(id)"
            case "tiktok":
                let kind = (fields.remaining["post_type"] ?? fields.remaining["type"]).flatMap(JSONFields.text) == "image" ? "photo" : "video"
                url = author.map { "https://www.tiktok.com/@\($0)/\(kind)/\(id)" }
            default: break
            }
        }
        var media = mediaName.isEmpty ? [] : [mediaName]
        // In jsonl mode the saved file's name is not in the line: besides the URL's own name,
        // try gallery-dl's default for tweets, <tweet_id>_<num>.<extension>.
        if givenName == nil, platform == "twitter", let id, let num = fields.remaining["num"].flatMap(JSONFields.text),
           let ext = fields.remaining["extension"].flatMap(JSONFields.text) {
            media.append("\(id)_\(num).\(ext)")
        }
        // gallery-dl's own bookkeeping about the download is not about the post.
        for key in ["filename", "extension", "subcategory", "num", "count"] { _ = fields.take(key) }
        return Post(platform: platform, postID: id.map { caseID($0, platform: platform, scope: scope, url: url) } ?? keyless,
                    url: url, author: author, postedAt: postedAt, text: text, language: language,
                    extra: fields.extraJSON, media: media, mediaSearch: .besideSidecar)
    }

    /// Whether an ISO 8601 time ends with its zone: `Z`, `+03:00`, `-0500`.
    static func namesZone(_ text: String) -> Bool {
        guard text.count > 19, text.contains("T") else { return false }
        if text.hasSuffix("Z") || text.hasSuffix("z") { return true }
        let tail = text.suffix(6)
        return tail.first == "+" || tail.first == "-" || text.suffix(5).first == "+" || text.suffix(5).first == "-"
    }

    /// gallery-dl's metadata under a name of the user's choosing: `{tweet_id}.json` for a whole
    /// post, or `<file>.json` beside `<file>.jpg` (`extension-format`). Its media are the files
    /// of the same stem and, when the stem is the post's id, the post's numbered files
    /// (`{tweet_id}_{num}.jpg`, gallery-dl's default name). Nil when the JSON is not a
    /// gallery-dl post's (a category, a subcategory or this file's stem as `filename`, and an
    /// id): any other JSON file.
    static func namedGalleryDL(_ data: Data, stem: String, keyless: String) -> Post? {
        // gallery-dl writes `subcategory` and `filename` in every post's metadata; either
        // (the filename being this file's own stem) tells it from other JSON with a category.
        guard let object = try? JSONFields.object(data), object["category"] is String,
              object["subcategory"] != nil || object["filename"].flatMap(JSONFields.text) == stem,
              ["tweet_id", "post_id", "message_id", "id", "shortcode", "post_shortcode"].contains(where: { object[$0] != nil })
        else { return nil }
        var post = galleryDL(object, mediaName: nil, keyless: keyless)
        // Its own `filename` and `extension` name the one file it describes (post123.png, not
        // post123.jpg beside it); without them, every file of its stem is its post's.
        let namesItsFile = object["filename"].flatMap(JSONFields.text) == stem && object["extension"].flatMap(JSONFields.text) != nil
        post.mediaPrefixes = namesItsFile ? [] : [stem + "."]
        if post.postID == stem || post.postID.hasSuffix("/" + stem) || post.postID.hasSuffix("_" + stem) {
            post.mediaPrefixes.append(stem + "_")
        }
        return post
    }

    /// Whether a text is HTML: it holds one of the tags the platforms write (`<br>`, `</p>`,
    /// `<a href=…>`, `</span>`). A tweet's "<50 dead … </3" is text.
    static func looksLikeHTML(_ text: String) -> Bool {
        ["<br>", "<br/>", "<br />", "</p>", "<p>", "<a href=", "</a>", "</span>", "<span class="].contains { text.contains($0) }
    }

    /// The text of an HTML fragment (Mastodon's `content`): tags out, paragraphs and line
    /// breaks as newlines, the common entities decoded.
    static func htmlText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "</p><p>", with: "\n\n")
        for tag in ["<br>", "<br/>", "<br />"] { text = text.replacingOccurrences(of: tag, with: "\n") }
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The `id` of an account object (VK's photo owner).
    private static func ownerID(_ value: Any) -> String? {
        (value as? [String: Any])?["id"].flatMap(JSONFields.text)
    }
}
