import Foundation

extension SidecarReader {
    /// A plain CSV with a header row (comma-separated, or `;` or tab when the header has no
    /// comma): `file` (required; several files separated by `;`),
    /// `text`, `posted_at`, `url`, `author`, and optionally `platform`, `post_id`, `language`;
    /// other columns go to `extra`.
    static func plainCSV(_ data: Data, sidecarName: String) throws(SidecarError) -> [Post] {
        let text = tableText(data)
        let rows = CSVTable.rows(text, separator: CSVTable.separator(of: text))
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: Self.blanks).lowercased() }) else { return [] }
        guard header.contains("file") else { throw .missingColumn("file") }
        var posts: [Post] = []
        for (index, row) in rows.dropFirst().enumerated() where !row.allSatisfy(\.isEmpty) {
            var object: [String: Any] = [:]
            for (key, cell) in zip(header, row) {
                // Spreadsheets keep the spaces and direction marks typed around Arabic.
                let value = cell.trimmingCharacters(in: Self.blanks)
                if !value.isEmpty { object[key] = value }
            }
            posts.append(try plain(JSONFields(object), sidecarName: sidecarName, row: index + 1))
        }
        return posts
    }

    /// A table's text: UTF-16 when it starts with a byte-order mark (Excel's "Unicode text"),
    /// else UTF-8.
    static func tableText(_ data: Data) -> String {
        let bytes = [UInt8](data.prefix(2))
        if bytes == [0xFF, 0xFE] || bytes == [0xFE, 0xFF] {
            let littleEndian = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(data.count / 2)
            var index = data.startIndex + 2
            while index + 1 < data.endIndex {
                let (a, b) = (UInt16(data[index]), UInt16(data[index + 1]))
                units.append(littleEndian ? a | b << 8 : a << 8 | b)
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// One row or JSON Lines object of the plain format.
    static func plain(_ row: JSONFields, sidecarName: String, row number: Int) throws(SidecarError) -> Post {
        var fields = row
        var media: [String]
        switch fields.take("file") {
        case let list as [Any]: media = list.compactMap(JSONFields.text)
        case let value?: media = (JSONFields.text(value) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        case nil: throw .missingColumn("file")
        }
        // A path typed on Windows: win\win_1.jpg is win/win_1.jpg.
        media = media.map { $0.replacingOccurrences(of: "\\", with: "/") }
        let url = fields.string("url")
        let platform = fields.string("platform")?.lowercased() ?? Self.platform(of: url)
        // Without an id, the one the address holds, so that the same post read from another
        // tool's sidecar is the same row: t.me/ch/9 is ch/9, x.com/a/status/1 is 1.
        let postID = fields.string("post_id", "id").map { caseID($0, platform: platform, scope: nil, url: url) }
            ?? url.flatMap { Self.postID(inAddress: $0, platform: platform) } ?? url ?? "\(sidecarName)#\(number)"
        // "@furatpost" is the handle furatpost, as the scrapers store it.
        let author = fields.string("author").map { $0.hasPrefix("@") && $0.count > 1 ? String($0.dropFirst()) : $0 }
        return Post(platform: platform, postID: postID, url: url, author: author,
                    postedAt: PostDate.parse(fields.take("posted_at")), text: fields.string("text"),
                    language: fields.string("language", "lang"), extra: fields.extraJSON, media: media)
    }

    /// The post id an address holds, as the platform's scrapers store it: Telegram's
    /// channel/message, a tweet's status number, a YouTube video id (`watch?v=`, youtu.be,
    /// shorts), an Instagram shortcode (`/p/`, `/reel/`), a Reddit post id (`/comments/…`,
    /// redd.it), a Bluesky post key (`/post/…`), a TikTok video number.
    static func postID(inAddress url: String, platform: String) -> String? {
        let components = URLComponents(string: url)
        let parts = components?.path.split(separator: "/").map(String.init) ?? []
        func after(_ marker: String) -> String? {
            guard let index = parts.firstIndex(of: marker), index + 1 < parts.count, !parts[index + 1].isEmpty else { return nil }
            return parts[index + 1]
        }
        let host = components?.host?.lowercased() ?? ""
        switch platform {
        case "telegram":
            return TelegramAddress.post(url).map { "\($0.channel)/\($0.message)" }
        case "twitter":
            return after("status").flatMap { $0.allSatisfy(TelegramAddress.isDigit) ? $0 : nil }
        case "youtube":
            if host == "youtu.be" || host.hasSuffix(".youtu.be") { return parts.first }
            return components?.queryItems?.first { $0.name == "v" }?.value ?? after("shorts") ?? after("live") ?? after("embed")
        case "instagram":
            return after("p") ?? after("reel") ?? after("reels") ?? after("tv")
        case "reddit":
            if host == "redd.it" { return parts.first }
            return after("comments")
        case "bluesky":
            return after("post")
        case "tiktok":
            return after("video")
        default:
            return nil
        }
    }

    /// The platform a URL's host names, or `unknown`.
    static func platform(of url: String?) -> String {
        guard let host = url.flatMap({ URLComponents(string: $0)?.host })?.lowercased() else { return "unknown" }
        let known = ["twitter.com": "twitter", "x.com": "twitter", "t.me": "telegram", "youtube.com": "youtube",
                     "youtu.be": "youtube", "facebook.com": "facebook", "instagram.com": "instagram",
                     "tiktok.com": "tiktok", "vk.com": "vk", "reddit.com": "reddit", "redd.it": "reddit", "bsky.app": "bluesky"]
        for (suffix, name) in known where host == suffix || host.hasSuffix("." + suffix) { return name }
        return "unknown"
    }
}
