import Foundation

extension SidecarReader {
    /// A Twitter/X account archive's `tweets.js`: `window.YTD.tweets.part0 = [{"tweet": {…}}]`
    /// (older archives: `tweet.js`, `window.YTD.tweet.part0`, `tweet_media/`).
    ///
    /// Reads `id_str`, `full_text` (``plainTweetText(_:entities:)``), `created_at`, `lang`; the author is the archive owner's
    /// `username` from `account.js` beside it, when there. Media are the files the archive
    /// stores as `tweets_media/<tweet id>-…`, and any file named as `media_url_https` ends.
    static func twitterArchive(_ data: Data, accountJS: Data?) throws(SidecarError) -> [Post] {
        guard let items = try assignedArray(data) as? [[String: Any]] else {
            throw .unexpectedShape("tweets.js holds no array of tweets")
        }
        var username: String?
        if let accountJS, let accounts = try? assignedArray(accountJS) as? [[String: Any]],
           let account = accounts.first?["account"] as? [String: Any] {
            username = account["username"] as? String
        }
        return items.map { item in
            var fields = JSONFields(item["tweet"] as? [String: Any] ?? item)
            let postID = fields.string("id_str", "id") ?? "?"
            let text = fields.string("full_text", "text").map { plainTweetText($0, entities: item["tweet"] as? [String: Any] ?? item) }
            let postedAt = PostDate.parse(fields.take("created_at"))
            let language = fields.string("lang")
            var media: [String] = []
            var seen = Set<String>()
            for key in ["extended_entities", "entities"] {
                let entities = fields.remaining[key] as? [String: Any]
                for entry in entities?["media"] as? [[String: Any]] ?? [] {
                    guard let link = (entry["media_url_https"] ?? entry["media_url"]) as? String else { continue }
                    let name = link.urlFileName
                    if seen.insert(name).inserted { media.append(name) }
                }
            }
            let url = username.map { "https://x.com/\($0)/status/\(postID)" } ?? "https://x.com/i/web/status/\(postID)"
            // The archive stores a tweet's media as tweets_media/<tweet id>-<name> (tweet_media/
            // before 2022), whether or not the tweet's entities list them.
            return Post(platform: "twitter", postID: postID, url: url, author: username, postedAt: postedAt,
                        text: text, language: language, extra: fields.extraJSON, media: media, mediaSearch: .wholeCase,
                        mediaPrefixes: ["tweets_media/\(postID)-", "tweet_media/\(postID)-"])
        }
    }

    /// A tweet's text as it reads on the site: the API's text ends with a t.co link to the
    /// tweet's own media, which goes; other t.co links become the addresses they stand for; and
    /// `&amp;`, `&lt;`, `&gt;` (escaped in the API's text) are characters again.
    static func plainTweetText(_ text: String, entities tweet: [String: Any]) -> String {
        var text = text
        for key in ["extended_entities", "entities"] {
            let entities = tweet[key] as? [String: Any]
            for entry in entities?["media"] as? [[String: Any]] ?? [] {
                guard let link = entry["url"] as? String, !link.isEmpty else { continue }
                text = text.replacingOccurrences(of: link, with: "")
            }
            for entry in entities?["urls"] as? [[String: Any]] ?? [] {
                guard let link = entry["url"] as? String, !link.isEmpty, let expanded = entry["expanded_url"] as? String else { continue }
                text = text.replacingOccurrences(of: link, with: expanded)
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The array after `= ` in `window.YTD.<name>.part0 = [...]`.
    static func assignedArray(_ data: Data) throws(SidecarError) -> Any {
        guard let start = data.firstIndex(of: UInt8(ascii: "[")) else { throw .unexpectedShape("no array") }
        do {
            return try JSONSerialization.jsonObject(with: data[start...])
        } catch {
            throw .invalidJSON(line: nil, detail: error.localizedDescription)
        }
    }
}
