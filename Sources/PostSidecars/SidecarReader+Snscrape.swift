import Foundation

extension SidecarReader {
    /// One snscrape post object: `id` (else the URL's path; a Telegram message's is
    /// `channel/number`), `url`, `date`, `rawContent` (or `renderedContent`, `content`),
    /// `user.username` (or `username`, or the Telegram channel), `lang`; media are named by
    /// the last part of each `media[]` or `photos[]` address (`fullUrl`, `url`, `previewUrl`,
    /// `thumbnailUrl` and `variants`, with `?format=jpg` turned into an extension) or of a
    /// `link` to a picture; a tweet's are also the files named by its id. `coordinates`,
    /// `place` and the rest stay in `extra`. A line with neither id nor address is the post
    /// `keyless` (``keyless(_:entry:)``).
    static func snscrape(_ object: [String: Any], keyless: String) -> Post {
        var fields = JSONFields(object)
        let type = fields.string("_type") ?? ""
        // "snscrape.modules.twitter.Tweet" → "twitter"
        let parts = type.split(separator: ".")
        var url = fields.string("url")
        // snscrape 0.3 lines have no `_type`: the address says the platform.
        let byAddress = Self.platform(of: url)
        var platform = parts.count >= 3 ? String(parts[2]).lowercased() : byAddress == "unknown" ? "twitter" : byAddress
        // snscrape's module is "vkontakte"; the other scrapers (and the case) say "vk".
        if platform == "vkontakte" { platform = "vk" }
        let telegram = platform == "telegram" ? url.flatMap(TelegramAddress.post) : nil
        if let telegram { url = TelegramAddress.address(channel: telegram.channel, message: telegram.message) }
        let id = fields.string("id", "id_str") ?? telegram?.message ?? url?.urlFileName ?? keyless
        let postedAt = PostDate.parse(fields.take("date"))
        // A Reddit submission has a title and, for a text post, a body.
        var text = fields.string("rawContent", "renderedContent", "content")
        if text == nil {
            let parts = [fields.string("title"), fields.string("selftext")].compactMap { $0 }
            text = parts.isEmpty ? nil : parts.joined(separator: "\n\n")
        }
        // The account object (display name, id, counts) stays in extra.
        let author = fields.account("user") ?? fields.string("username", "author") ?? telegram.flatMap { TelegramAddress.handle($0.channel) }
        let language = fields.string("lang")
        var media: [String] = []
        func add(_ link: String) {
            var name = link.urlFileName
            if !name.contains("."), let format = URLComponents(string: link)?.queryItems?.first(where: { $0.name == "format" })?.value {
                name += "." + format
            }
            if !name.isEmpty, !media.contains(name) { media.append(name) }
        }
        // Twitter's `media`, VK's `photos` (each in several sizes), a Reddit post's `link`.
        for key in ["media", "photos"] {
            for item in fields.remaining[key] as? [[String: Any]] ?? [] {
                ["fullUrl", "url", "previewUrl", "thumbnailUrl"].compactMap { item[$0] as? String }.forEach(add)
                (item["variants"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }.forEach(add)
            }
        }
        if let link = fields.remaining["link"] as? String, isMediaAddress(link) { add(link) }
        // Pictures saved under the tweet's id, as download scripts name them: <id>_1.jpg, <id>.jpg.
        let prefixes = platform == "twitter" && id.count >= 10 && id.allSatisfy(TelegramAddress.isDigit) ? ["\(id)_", "\(id)."] : []
        return Post(platform: platform, postID: caseID(id, platform: platform, scope: telegram?.channel, url: url),
                    url: url, author: author, postedAt: postedAt, text: text, language: language,
                    extra: fields.extraJSON, media: media, mediaSearch: .wholeCase, mediaPrefixes: prefixes)
    }

    /// A snscrape post and the posts it carries whole: the tweet a quote or a retweet is of
    /// (`quotedTweet`, `retweetedTweet`; VK's `quotedPost`), whose pictures are its own.
    static func snscrapePosts(_ object: [String: Any], keyless: String) -> [Post] {
        var posts = [snscrape(object, keyless: keyless)]
        for key in ["quotedTweet", "retweetedTweet", "quotedPost"] {
            if let inner = object[key] as? [String: Any], inner["_type"] != nil || inner["url"] != nil {
                posts += snscrapePosts(inner, keyless: keyless + "/" + key)
            }
        }
        return posts
    }

    /// Whether a snscrape line is an account, not a post (`--with-entity` writes the user
    /// or channel first).
    static func isSnscrapeEntity(_ object: [String: Any]) -> Bool {
        guard let type = object["_type"] as? String, let last = type.split(separator: ".").last else { return false }
        return ["User", "Channel", "Community", "Subreddit"].contains(String(last))
    }
}
