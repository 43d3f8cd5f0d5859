import Foundation

extension SidecarReader {
    /// yt-dlp's `.info.json`; the media are the files beside it with the same stem.
    ///
    /// Reads `extractor_key`/`extractor` (platform), `id`, `webpage_url`, `uploader`/
    /// `uploader_id`/`channel`, `timestamp` or else `upload_date`, `title` and `description`
    /// (the text is both, a blank line apart), `language`; `location`, `tags` and the rest
    /// stay in `extra`.
    static func ytDLP(_ data: Data, stem: String) throws(SidecarError) -> Post {
        var fields = JSONFields(try JSONFields.object(data))
        let platform = fields.string("extractor_key", "extractor")?.lowercased() ?? "unknown"
        let postID = fields.string("id", "display_id") ?? stem
        let url = fields.string("webpage_url", "original_url")
        let author = fields.string("uploader", "uploader_id", "channel")
        let timestamp = fields.take("timestamp")
        let uploadDate = fields.take("upload_date")
        let postedAt = PostDate.parse(timestamp) ?? PostDate.parse(uploadDate)
        let title = fields.string("title", "fulltitle")
        let description = fields.string("description")
        let text = [title, description].compactMap { $0 }.joined(separator: "\n\n")
        let language = fields.string("language")
        // Format lists and thumbnails are about the download, and large.
        for key in ["formats", "thumbnails", "requested_formats", "http_headers", "_type", "_version"] { _ = fields.take(key) }
        let media = ["jpg", "jpeg", "png", "webp", "mp4", "webm", "mkv"].map { "\(stem).\($0)" }
        return Post(platform: platform, postID: postID, url: url, author: author, postedAt: postedAt,
                    text: text.isEmpty ? nil : text, language: language, extra: fields.extraJSON, media: media)
    }
}
