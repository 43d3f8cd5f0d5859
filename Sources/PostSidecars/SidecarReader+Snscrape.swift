import Foundation

extension SidecarReader {
    /// One snscrape post object: `id` (else the URL's path; a Telegram message's is
    /// `channel/number`), `url`, `date`, `rawContent` (or `renderedContent`, `content`),
    /// `user.username` (or `username`, or the Telegram channel), `lang`; media are named by
    /// the last part of each `media[]` address (`fullUrl`, `url`, `previewUrl`,
    /// `thumbnailUrl` and video `variants`, with `?format=jpg` turned into an extension);
    /// `coordinates`, `place` and the rest stay in `extra`.
    static func snscrape(_ object: [String: Any]) -> Post {
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
        let id = fields.string("id", "id_str") ?? telegram?.message ?? url?.urlFileName ?? "?"
        let postedAt = PostDate.parse(fields.take("date"))
        let text = fields.string("rawContent", "renderedContent", "content")
        // The account object (display name, id, counts) stays in extra.
        let author = fields.account("user") ?? fields.string("username") ?? telegram.flatMap { TelegramAddress.handle($0.channel) }
        let language = fields.string("lang")
        var media: [String] = []
        if let items = fields.take("media") as? [[String: Any]] {
            for item in items {
                var links = ["fullUrl", "url", "previewUrl", "thumbnailUrl"].compactMap { item[$0] as? String }
                links += (item["variants"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
                for link in links {
                    var name = link.urlFileName
                    if !name.contains("."), let format = URLComponents(string: link)?.queryItems?.first(where: { $0.name == "format" })?.value {
                        name += "." + format
                    }
                    if !name.isEmpty, !media.contains(name) { media.append(name) }
                }
            }
            fields = JSONFields(fields.remaining.merging(["media": items]) { $1 })
        }
        return Post(platform: platform, postID: caseID(id, platform: platform, scope: telegram?.channel, url: url),
                    url: url, author: author, postedAt: postedAt, text: text, language: language,
                    extra: fields.extraJSON, media: media)
    }

    /// Whether a snscrape line is an account, not a post (`--with-entity` writes the user
    /// or channel first).
    static func isSnscrapeEntity(_ object: [String: Any]) -> Bool {
        guard let type = object["_type"] as? String, let last = type.split(separator: ".").last else { return false }
        return ["User", "Channel", "Community", "Subreddit"].contains(String(last))
    }
}
