import Foundation

extension SidecarReader {
    /// gallery-dl's `--write-metadata` JSON for one downloaded file (`mediaName` is that
    /// file's name, the sidecar's without `.json`).
    ///
    /// Reads `category` (platform), `tweet_id`/`post_id`/`id`/`message_id`, `content`/
    /// `description`, `date` (UTC), `author`/`user` (objects with `name`/`nick`, or text),
    /// `lang`; `hashtags` and everything else stay in `extra`.
    static func galleryDL(_ data: Data, mediaName: String) throws(SidecarError) -> Post {
        var fields = JSONFields(try JSONFields.object(data))
        let platform = fields.string("category")?.lowercased() ?? "unknown"
        let postID = fields.string("tweet_id", "post_id", "message_id", "id") ?? mediaName
        let text = fields.string("content", "description", "caption", "title")
        let postedAt = PostDate.parse(fields.take("date"))
        let author = person(fields.take("author")) ?? person(fields.take("user")) ?? fields.string("username", "uploader")
        let language = fields.string("lang", "language")
        var url = fields.string("post_url", "url")
        if url == nil, platform == "twitter", let author {
            url = "https://x.com/\(author)/status/\(postID)"
        }
        // gallery-dl's own bookkeeping about the download is not about the post.
        for key in ["filename", "extension", "subcategory", "num", "count"] { _ = fields.take(key) }
        return Post(platform: platform, postID: postID, url: url, author: author, postedAt: postedAt,
                    text: text, language: language, extra: fields.extraJSON, media: [mediaName])
    }

    /// An account as gallery-dl writes it: `{"name": handle, "nick": display name}` or text.
    static func person(_ value: Any?) -> String? {
        if let object = value as? [String: Any] {
            return (object["name"] ?? object["username"] ?? object["nick"]).flatMap(JSONFields.text)
        }
        return value.flatMap(JSONFields.text)
    }
}
