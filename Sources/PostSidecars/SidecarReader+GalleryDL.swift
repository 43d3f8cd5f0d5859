import Foundation

extension SidecarReader {
    /// gallery-dl's `--write-metadata` JSON for one downloaded file (`mediaName` is that
    /// file's name, the sidecar's without `.json`).
    ///
    /// Reads `category` (platform); `tweet_id`/`post_id`, else `message_id`/`id` scoped by
    /// `channel` (Telegram) or the owner (VK); `content`/`description`/`caption` (an empty
    /// one means no text), else `title` and `selftext` (Reddit); `date` (UTC); `author`/`user`
    /// (objects with `name`, or text); `lang`; the post's address from `post_url`,
    /// `permalink` or a `url` that is not the media file's, else built for Twitter, Telegram,
    /// Facebook and VK. Account objects, `hashtags` and everything else stay in `extra`.
    static func galleryDL(_ data: Data, mediaName: String) throws(SidecarError) -> Post {
        galleryDL(try JSONFields.object(data), mediaName: mediaName)
    }

    /// One gallery-dl metadata object; without `mediaName`, the file its `filename` and
    /// `extension` name (gallery-dl's metadata in `jsonl` mode: one line per download).
    static func galleryDL(_ object: [String: Any], mediaName: String?) -> Post {
        var fields = JSONFields(object)
        let mediaName = mediaName ?? [fields.remaining["filename"], fields.remaining["extension"]]
            .compactMap { $0.flatMap(JSONFields.text) }.joined(separator: ".")
        let platform = fields.string("category")?.lowercased() ?? "unknown"
        let telegramChannel = platform == "telegram"
            ? TelegramAddress.channel(of: fields.remaining["channel"]) ?? TelegramAddress.channel(of: fields.remaining["chat"]) : nil
        // An account object keeps its id and display name in extra; plain text is consumed.
        let author = fields.account("author") ?? fields.account("user") ?? fields.preferred("username", "uploader")
            ?? telegramChannel.flatMap(TelegramAddress.handle)
        for key in ["author", "user"] where fields.remaining[key] is String { _ = fields.take(key) }
        let scope = telegramChannel
            ?? (platform == "vk" ? fields.remaining["owner_id"].flatMap(JSONFields.text) ?? fields.remaining["user"].flatMap(ownerID) : nil)
        let id = fields.string("tweet_id", "post_id") ?? fields.string("message_id", "id")
        let text: String?
        if let key = ["content", "description", "caption"].first(where: { fields.remaining[$0] != nil }) {
            text = fields.string(key)
        } else {
            let parts = [fields.string("title"), fields.string("selftext")].compactMap { $0 }
            text = parts.isEmpty ? nil : parts.joined(separator: "\n\n")
        }
        let postedAt = PostDate.parse(fields.take("date"))
        let language = fields.string("lang", "language")
        var url = fields.string("post_url")
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
            case "vk": url = scope.map { "https://vk.com/photo\($0)_\(id)" }
            default: break
            }
        }
        // gallery-dl's own bookkeeping about the download is not about the post.
        for key in ["filename", "extension", "subcategory", "num", "count"] { _ = fields.take(key) }
        return Post(platform: platform, postID: id.map { caseID($0, platform: platform, scope: scope, url: url) } ?? mediaName,
                    url: url, author: author, postedAt: postedAt, text: text, language: language,
                    extra: fields.extraJSON, media: mediaName.isEmpty ? [] : [mediaName], mediaBesideSidecar: true)
    }

    /// The `id` of an account object (VK's photo owner).
    private static func ownerID(_ value: Any) -> String? {
        (value as? [String: Any])?["id"].flatMap(JSONFields.text)
    }
}
