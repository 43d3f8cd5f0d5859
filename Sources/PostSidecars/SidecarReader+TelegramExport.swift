import Foundation

extension SidecarReader {
    /// Telegram Desktop's "Export chat history" in JSON: `result.json` for one chat (`name`,
    /// `type`, `id`, `messages`), or for a whole account (`chats.list`, `left_chats.list`).
    ///
    /// Each message of type `message` is a post: its id is `c/<chat id>/<message id>`, as a
    /// private channel's address has it (the export gives no public username); the address
    /// `t.me/c/…` only for channels and supergroups, where it opens the message for members.
    /// The date is `date_unixtime` (an instant), else `date`, the exporting computer's clock,
    /// read as UTC. The author is `from`, else the chat's name; the text is `text`, plain or
    /// as its entities' pieces joined. Media are the `photo`, `file` and `thumbnail` paths
    /// (relative to `result.json`); "(File not included…)" placeholders name no file. The chat
    /// and everything else stay in extra. Nil when the JSON is not an export.
    static func telegramExport(_ data: Data) throws(SidecarError) -> [Post]? {
        let export = try JSONFields.object(data)
        var chats: [[String: Any]] = export["messages"] is [Any] ? [export] : []
        for key in ["chats", "left_chats"] {
            chats += (export[key] as? [String: Any])?["list"] as? [[String: Any]] ?? []
        }
        guard !chats.isEmpty else { return nil }
        var posts: [Post] = []
        for chat in chats {
            guard let chatID = chat["id"].flatMap(JSONFields.text) else { continue }
            let chatName = chat["name"].flatMap(JSONFields.text)
            let chatType = chat["type"].flatMap(JSONFields.text) ?? ""
            let addressable = chatType.hasSuffix("channel") || chatType.hasSuffix("supergroup")
            for message in chat["messages"] as? [[String: Any]] ?? [] where message["type"] as? String == "message" {
                var fields = JSONFields(message)
                guard let messageID = fields.string("id") else { continue }
                _ = fields.take("type")
                let unixTime = fields.take("date_unixtime")
                let postedAt = PostDate.parse(unixTime) ?? PostDate.parse(fields.remaining["date"])
                if PostDate.parse(unixTime) != nil { _ = fields.take("date") }
                let author = fields.string("from") ?? chatName
                let text = fields.take("text").flatMap(Self.telegramText)
                var media: [String] = []
                for key in ["photo", "file", "thumbnail"] {
                    if let path = fields.remaining[key] as? String, !path.isEmpty, !path.hasPrefix("(") { media.append(path) }
                }
                var extra = fields.remaining
                extra["chat"] = chat.filter { ["id", "name", "type"].contains($0.key) }
                posts.append(Post(platform: "telegram", postID: "c/\(chatID)/\(messageID)",
                                  url: addressable ? "https://t.me/c/\(chatID)/\(messageID)" : nil,
                                  author: author, postedAt: postedAt, text: text,
                                  extra: JSONFields(extra).extraJSON, media: media, mediaSearch: .besideSidecar))
            }
        }
        return posts
    }

    /// A message's `text`: a string, or an array of strings and entity objects (`{"type":
    /// "hashtag", "text": "#…"}`) whose pieces make the text.
    private static func telegramText(_ value: Any) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : text }
        guard let pieces = value as? [Any] else { return nil }
        let text = pieces.map { piece in
            (piece as? String) ?? ((piece as? [String: Any])?["text"] as? String) ?? ""
        }.joined()
        return text.isEmpty ? nil : text
    }
}
