import Foundation

extension SidecarReader {
    /// A plain CSV with a header row (comma-separated, or `;` or tab when the header has no
    /// comma, or what Excel's `sep=;` line before it names; a `.tsv` by tabs): `file` (required; several files
    /// separated by `;`), `text`, `posted_at`, `url`, `author`, and optionally `platform`,
    /// `post_id`, `language`, each also under the other names of ``columnNames``; other
    /// columns go to `extra`. Nil for a table that names none of those columns, or only one
    /// under another name (`image` alone), which is some other table kept beside the pictures
    /// (a hash list, notes, exiftool's `FileName` list), not a sidecar. A quote that opens a
    /// field and never closes is read as a letter and reported in `problems`, so that one typo
    /// does not make the rest of the file one cell.
    /// - Throws: ``SidecarError/noFileColumn(header:)`` for a post table without a file column.
    static func plainCSV(_ data: Data, source: String) throws(SidecarError) -> (posts: [Post], problems: [String], notes: [String])? {
        var text = CSVTable.text(of: data)
        // A `.tsv` is tab-separated even when its header has a comma ("Caption, Arabic").
        var separator = source.lowercased().hasSuffix(".tsv") ? "\t" : CSVTable.separator(of: text)
        // Excel's `sep=;` line is no row; the lines reported are the file's.
        var linesBefore = 0
        if let line = CSVTable.separatorLine(text) {
            (separator, text, linesBefore) = (line.separator, line.rest, 1)
        }
        let (rows, unclosed) = CSVTable.rowsReportingUnclosedQuotes(text, separator: separator)
        let problems = unclosed.map { "line \($0 + linesBefore): a quoted field that is never closed; its quote was read as a letter" }
        guard let written = rows.first?.map({ $0.trimmingCharacters(in: Self.blanks) }) else { return ([], problems, []) }
        // "Posted At", "posted-at" and "posted_at" name one column.
        let named = written.map { $0.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_") }
        let header = columns(named)
        let otherNames = Set(zip(named, header).filter { $0 != $1 }.map(\.1))
        // Under other names, a table needs a post's words or address among them: a file list
        // with dates (`FileName,Date,Size`, an inventory) is no post table.
        guard named.contains(where: plainColumns.contains)
            || otherNames.count >= 2 && (otherNames.contains("text") || otherNames.contains("url")) else { return nil }
        guard header.contains("file") else { throw .noFileColumn(header: written) }
        var objects: [[String: Any]] = []
        for row in rows.dropFirst() where !row.allSatisfy(\.isEmpty) {
            var object: [String: Any] = [:]
            for (key, cell) in zip(header, row) {
                // Spreadsheets keep the spaces and direction marks typed around Arabic.
                let value = cell.trimmingCharacters(in: Self.blanks)
                if !value.isEmpty { object[key] = value }
            }
            objects.append(object)
        }
        let (posts, notes) = try plainPosts(objects, source: source)
        return (posts, problems, notes)
    }

    /// The posts of a table's rows (or JSON Lines' objects), its dates read by one convention
    /// (``PostDate/monthFirst(_:)``), and a note saying so when some date could be read both ways.
    static func plainPosts(_ objects: [[String: Any]], source: String) throws(SidecarError) -> (posts: [Post], notes: [String]) {
        // A list none of whose records names a file is not a post list for pictures (a table
        // with no rows is one, emptied).
        guard objects.isEmpty || objects.contains(where: { $0["file"] != nil }) else { throw .missingColumn("file") }
        let dates = objects.compactMap { $0["posted_at"] as? String }
        let monthFirst = PostDate.monthFirst(dates)
        var posts: [Post] = []
        // What the first row under each id says, and the first row of each other saying.
        var firstSaying: [String: (text: String?, postedAt: Date?)] = [:]
        var rowOfSaying: [String: Int] = [:]
        for (index, var object) in objects.enumerated() {
            if monthFirst, let date = object["posted_at"] as? String { object["posted_at"] = PostDate.dayFirst(date) }
            var fields = JSONFields(object)
            var post = plain(fields, source: source, row: index + 1)
            // Rows that share an address but not their text or time are different posts under
            // one channel's or page's address (t.me/wilayat_raqqa on every row of a hand-made
            // sheet): each keeps its own, known by the first row that says it. Rows with the
            // same text and time are one post's several pictures. An id given is taken as given.
            if fields.string("post_id", "id") == nil {
                let id = post.postID
                if let first = firstSaying[id] {
                    if first.text != post.text || first.postedAt != post.postedAt {
                        let saying = "\(id)\u{1}\(post.text ?? "")\u{1}\(post.postedAt?.timeIntervalSince1970 ?? 0)"
                        let row = rowOfSaying[saying] ?? index + 1
                        rowOfSaying[saying] = row
                        post.postID = "\(id)#\(row)"
                    }
                } else {
                    firstSaying[id] = (post.text, post.postedAt)
                }
            }
            posts.append(post)
        }
        return (posts, PostDate.orderNote(dates, monthFirst: monthFirst).map { [$0] } ?? [])
    }

    /// The columns of a plain table; a table or JSON Lines file with none of them is no sidecar.
    static let plainColumns: Set<String> = ["file", "text", "posted_at", "url", "author", "platform", "post_id", "language", "lang"]

    /// The other names a table's header gives the columns, as spreadsheets and other tools
    /// head them (`filename,caption,date,link,channel`). Not `path`, which names the files in
    /// imprint's own CSV output (`hash`, `claims`), nor `name` or `time`, which name much else.
    static let columnNames: KeyValuePairs<String, [String]> = [
        "file": ["filename", "file_name", "image", "media", "photo", "picture"],
        "text": ["caption", "content", "message", "body"],
        "posted_at": ["date", "datetime", "date_time", "timestamp", "created_at", "published_at", "post_date", "posted"],
        "url": ["link", "post_url", "permalink"],
        "author": ["channel", "user", "username", "handle", "account"],
    ]

    /// A table's header (lower case, `_` for spaces) with each other name of ``columnNames``
    /// read as its column, where that is plain: the header has neither the column under its
    /// own name nor another name for it further left (`date` and `timestamp`: the second is
    /// an extra field).
    static func columns(_ header: [String]) -> [String] {
        var taken = Set(header.filter { name in columnNames.contains { $0.key == name } })
        return header.map { name in
            guard let column = columnNames.first(where: { $0.value.contains(name) })?.key, taken.insert(column).inserted else { return name }
            return column
        }
    }

    /// One row or JSON Lines object of the plain format.
    static func plain(_ row: JSONFields, source: String, row number: Int) -> Post {
        var fields = row
        var media: [String]
        switch fields.take("file") {
        case let list as [Any]: media = list.compactMap(JSONFields.text)
        case let value?: media = (JSONFields.text(value) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        // A JSON Lines record without the key (a text-only message among photos) names no
        // file, as null does.
        case nil: media = []
        }
        // A path typed on Windows: win\win_1.jpg is win/win_1.jpg.
        media = media.map { $0.replacingOccurrences(of: "\\", with: "/") }
        let url = fields.string("url")
        let platform = fields.string("platform")?.lowercased() ?? Self.platform(of: url)
        // Without an id, the one the address holds, so that the same post read from another
        // tool's sidecar is the same row: t.me/ch/9 is ch/9, x.com/a/status/1 is 1.
        let postID = fields.string("post_id", "id").map { caseID($0, platform: platform, scope: nil, url: url) }
            ?? url.flatMap { Self.postID(inAddress: $0, platform: platform) } ?? url ?? keyless(source, entry: number)
        // "@furatpost" is the handle furatpost, as the scrapers store it.
        let author = fields.string("author").map { $0.hasPrefix("@") && $0.count > 1 ? String($0.dropFirst()) : $0 }
        return Post(platform: platform, postID: postID, url: url, author: author,
                    postedAt: fields.date("posted_at"), text: fields.string("text"),
                    language: fields.string("language", "lang"), extra: fields.extraJSON, media: media)
    }

    /// The post id an address holds, as the platform's scrapers store it: Telegram's
    /// channel/message, a tweet's status number, a YouTube video id (`watch?v=`, youtu.be,
    /// shorts), an Instagram shortcode (`/p/`, `/reel/`), a Reddit post id (`/comments/…`,
    /// redd.it), a Bluesky post key (`/post/…`), a TikTok video number, a Facebook post or
    /// photo number (`story_fbid`, `fbid`, `/posts/…`, `/videos/…`).
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
            let video = components?.queryItems?.first { $0.name == "v" }?.value
            return video.flatMap { $0.isEmpty ? nil : $0 } ?? after("shorts") ?? after("live") ?? after("embed")
        case "instagram":
            return after("p") ?? after("reel") ?? after("reels") ?? after("tv")
        case "reddit":
            if host == "redd.it" { return parts.first }
            return after("comments")
        case "bluesky":
            return after("post")
        case "tiktok":
            return after("video")
        case "facebook":
            let query = components?.queryItems ?? []
            let item = ["story_fbid", "fbid", "v"].lazy.compactMap { name in query.first { $0.name == name }?.value }.first { !$0.isEmpty }
            return item ?? after("posts") ?? after("videos") ?? after("reel")
        default:
            return nil
        }
    }

    /// The platform a URL's host names, or `unknown`.
    static func platform(of url: String?) -> String {
        guard let host = url.flatMap({ URLComponents(string: $0)?.host })?.lowercased() else { return "unknown" }
        // With the hosts analysts paste from chats for the same posts: Telegram's own
        // telegram.me, the embed fixers (fxtwitter, vxtwitter, fixupx, ddinstagram), nitter.
        let known = ["twitter.com": "twitter", "x.com": "twitter", "fxtwitter.com": "twitter", "vxtwitter.com": "twitter",
                     "fixupx.com": "twitter", "fixvx.com": "twitter", "nitter.net": "twitter",
                     "t.me": "telegram", "telegram.me": "telegram", "ddinstagram.com": "instagram", "youtube.com": "youtube",
                     "youtu.be": "youtube", "facebook.com": "facebook", "instagram.com": "instagram",
                     "tiktok.com": "tiktok", "vk.com": "vk", "reddit.com": "reddit", "redd.it": "reddit", "bsky.app": "bluesky"]
        for (suffix, name) in known where host == suffix || host.hasSuffix("." + suffix) { return name }
        return "unknown"
    }
}
