import Foundation

extension SidecarReader {
    /// yt-dlp's `.info.json`; the media are the files beside it named `<stem>.…`. A
    /// playlist's own `.info.json` (a channel, an album) is no post: nil.
    ///
    /// Reads `extractor_key`/`extractor` (platform; `TelegramEmbed` is `telegram`), the id the
    /// `webpage_url` holds else `id` (a Telegram message's scoped by its channel), the account
    /// as `uploader_id` (the handle) unless numeric, else `uploader` or `channel` (for
    /// Instagram `channel` first; the others stay in `extra`;
    /// for Telegram the channel's username from the address), `timestamp`, else
    /// `release_timestamp`, else `upload_date`, `title` and `description` (the text is both,
    /// a blank line apart, or the description alone when it repeats the title, or on
    /// Telegram, where the title is the channel's name), `language`; `location`, `tags` and
    /// the rest stay in `extra`.
    /// A video with no id (a hand-made file) is the post `keyless` (``keyless(_:entry:)``).
    static func ytDLP(_ data: Data, stem: String, keyless: String) throws(SidecarError) -> Post? {
        var fields = JSONFields(try JSONFields.object(data))
        if fields.remaining["_type"] as? String == "playlist" { return nil }
        var platform = fields.string("extractor_key", "extractor")?.lowercased() ?? "unknown"
        if platform.hasSuffix("embed"), platform.count > 5 { platform.removeLast(5) }
        let ownID = fields.string("id", "display_id")
        var url = fields.string("webpage_url", "original_url")
        let telegram = platform == "telegram" ? url.flatMap(TelegramAddress.post) : nil
        if let telegram {
            // The address analysts open, not the embed page's (t.me/s/…, ?embed=1).
            url = TelegramAddress.address(channel: telegram.channel, message: telegram.message)
        }
        // The post's id as its address holds it: a tweet's status number, not the id yt-dlp
        // gives its video (the media's, so that two videos of one tweet were two posts).
        let id = url.flatMap { postID(inAddress: $0, platform: platform) } ?? ownID
        // The names a title may start with ("<uploader> - <text>…", as yt-dlp titles a tweet).
        let names = ["uploader", "channel", "uploader_id"].compactMap { fields.remaining[$0].flatMap(JSONFields.text) }
        let handle = telegram.flatMap { TelegramAddress.handle($0.channel) }
        // The account's handle: uploader_id, unless it is a number (TikTok's and Instagram's
        // are), then TikTok's uploader, Instagram's channel.
        let handleKeys = platform == "instagram" ? ["channel", "uploader_id", "uploader"] : ["uploader_id", "uploader", "channel"]
        let handleKey = handleKeys.first { key in
            fields.remaining[key].flatMap(JSONFields.text).map { !$0.allSatisfy(\.isNumber) } ?? false
        }
        let author = handle ?? handleKey.flatMap { fields.preferred($0) } ?? fields.preferred("uploader_id", "uploader", "channel")
        let postedAt = PostDate.parse(fields.take("timestamp")) ?? PostDate.parse(fields.take("release_timestamp"))
            ?? PostDate.parse(fields.take("upload_date"))
        let title = telegram == nil ? fields.string("title", "fulltitle") : nil
        let description = fields.string("description")
        let text: String?
        switch (title, description) {
        case (let title?, let description?) where description.hasPrefix(Self.titleStem(title, names: names)): text = description
        case (let title?, let description?): text = title + "\n\n" + description
        case (let title?, nil): text = title
        case (nil, let description?): text = description
        case (nil, nil): text = nil
        }
        let language = fields.string("language")
        // Format lists and thumbnails are about the download, and large.
        for key in ["formats", "thumbnails", "requested_formats", "http_headers", "_type", "_version"] { _ = fields.take(key) }
        // The video, its thumbnail and (--write-all-thumbnails) <stem>.<n>.jpg: every file
        // beside the sidecar named <stem>.…
        return Post(platform: platform, postID: id.map { caseID($0, platform: platform, scope: telegram?.channel, url: url) } ?? keyless,
                    url: url, author: author, postedAt: postedAt, text: text, language: language,
                    extra: fields.extraJSON, mediaSearch: .besideSidecar, mediaPrefixes: [stem + "."])
    }

    /// What of a title the description may start with: yt-dlp makes a tweet's title "<name> -
    /// <the text, cut>…", so, when the title starts with the uploader's name and " - ", the
    /// rest without the ellipsis; the whole title otherwise ("Raqqa - the fall" stays).
    static func titleStem(_ title: String, names: [String]) -> String {
        guard let name = names.first(where: { title.hasPrefix($0 + " - ") }) else { return title }
        var stem = title.dropFirst(name.count + 3)
        while let last = stem.last, last == "…" || last == "." || last == " " { stem = stem.dropLast() }
        return stem.isEmpty ? title : String(stem)
    }
}
