import Foundation

extension SidecarReader {
    /// One snscrape tweet object: `id`, `url`, `date`, `rawContent` (or `renderedContent`),
    /// `user.username`, `lang`; media are named by the last part of each `media[].fullUrl`
    /// (with `?format=jpg` turned into an extension); `coordinates`, `place` and the rest
    /// stay in `extra`.
    static func snscrape(_ object: [String: Any]) -> Post {
        var fields = JSONFields(object)
        let type = fields.string("_type") ?? ""
        // "snscrape.modules.twitter.Tweet" → "twitter"
        let parts = type.split(separator: ".")
        let platform = parts.count >= 3 ? String(parts[2]).lowercased() : "twitter"
        let url = fields.string("url")
        let postID = fields.string("id", "id_str") ?? url?.urlFileName ?? "?"
        let postedAt = PostDate.parse(fields.take("date"))
        let text = fields.string("rawContent", "renderedContent", "content")
        let author = person(fields.take("user"))
        let language = fields.string("lang")
        var media: [String] = []
        if let items = fields.take("media") as? [[String: Any]] {
            for item in items {
                guard let link = (item["fullUrl"] ?? item["url"] ?? item["previewUrl"]) as? String else { continue }
                var name = link.urlFileName
                if !name.contains("."), let format = URLComponents(string: link)?.queryItems?.first(where: { $0.name == "format" })?.value {
                    name += "." + format
                }
                if !name.isEmpty { media.append(name) }
            }
            fields = JSONFields(fields.remaining.merging(["media": items]) { $1 })
        }
        return Post(platform: platform, postID: postID, url: url, author: author, postedAt: postedAt,
                    text: text, language: language, extra: fields.extraJSON, media: media)
    }
}
