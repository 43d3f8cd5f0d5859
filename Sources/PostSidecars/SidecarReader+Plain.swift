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
        var text = tableText(data)
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

    /// A table's text: UTF-16 when it starts with a byte-order mark (Excel's "Unicode text");
    /// UTF-8 when it is valid UTF-8; otherwise Windows-1256, what Excel on an Arabic Windows
    /// saves as "CSV" (it keeps French accented letters where Windows-1252 has them, so a
    /// Western table reads too, its rarer symbols aside).
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
        if let text = String(validating: data, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(data.map { byte in
            byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(windows1256[Int(byte - 0x80)])!
        }))
    }

    /// Windows-1256 (Arabic) for 0x80–0xFF.
    private static let windows1256: [UInt32] = [
        0x20AC, 0x067E, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0679, 0x2039, 0x0152, 0x0686, 0x0698, 0x0688,
        0x06AF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x06A9, 0x2122, 0x0691, 0x203A, 0x0153, 0x200C, 0x200D, 0x06BA,
        0x00A0, 0x060C, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x06BE, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x061B, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x061F,
        0x06C1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627, 0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
        0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x00D7, 0x0637, 0x0638, 0x0639, 0x063A, 0x0640, 0x0641, 0x0642, 0x0643,
        0x00E0, 0x0644, 0x00E2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0649, 0x064A, 0x00EE, 0x00EF,
        0x064B, 0x064C, 0x064D, 0x064E, 0x00F4, 0x064F, 0x0650, 0x00F7, 0x0651, 0x00F9, 0x0652, 0x00FB, 0x00FC, 0x200E, 0x200F, 0x06D2,
    ]

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
