public import Foundation

/// Reads the posts in a sidecar file. Pure Foundation: no database, no file system beyond
/// the one file (and a Twitter archive's `account.js` beside `tweets.js`).
public enum SidecarReader {
    /// The largest sidecar read: a sidecar is read whole, and a heavy account's Twitter
    /// archive `tweets.js` runs to hundreds of megabytes, but not to gigabytes.
    public static let maximumBytes = 1 << 30

    /// The posts in the sidecar at `path`.
    /// - Parameters:
    ///   - path: the sidecar's path; its name decides the format (``SidecarFormat/init(fileName:)``).
    ///   - data: its bytes (read from `path` when nil).
    ///   - maximumBytes: larger sidecars are refused before they are read.
    /// - Returns: the format found, its posts, what was wrong with the lines skipped (a
    ///   broken JSON line) or read by a guess (a CSV quote never closed), and notes on how
    ///   the file was read (a table's dates taken day first); nil when the name is not a
    ///   sidecar's.
    /// - Throws: ``SidecarError`` for a sidecar that cannot be parsed or is too large; I/O
    ///   errors as thrown. JSON nesting is bounded by `JSONSerialization`, which refuses deep
    ///   nesting with an error (checked to 100,000 levels in docs/security.md).
    public static func read(path: String, data: Data? = nil, maximumBytes: Int = maximumBytes)
        throws -> (format: SidecarFormat, posts: [Post], skipped: [String], notes: [String])? {
        let name = (path as NSString).lastPathComponent
        guard let format = SidecarFormat(fileName: name) else { return nil }
        let size = data?.count ?? ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil) ?? 0
        guard size <= maximumBytes else { throw SidecarError.tooLarge(bytes: size, limit: maximumBytes) }
        // Any other JSON file may be gallery-dl's under a name of the user's: a post's metadata
        // is a few kilobytes, so a large one is some other data, not read.
        if format == .galleryDL, !SidecarFormat.isMediaSidecarName(name), size > maximumNamedJSONBytes { return nil }
        let bytes = try data ?? Data(contentsOf: URL(fileURLWithPath: path))
        guard var read = try parse(bytes, format: format, path: path, name: name) else { return nil }
        for index in read.posts.indices {
            // SQLite takes text up to its first NUL: a NUL a sidecar's text holds is shown as
            // U+FFFD, so that what follows it is kept.
            read.posts[index].text = read.posts[index].text.map(withoutNUL)
            read.posts[index].author = read.posts[index].author.map(withoutNUL)
            read.posts[index].url = read.posts[index].url.map(withoutNUL)
            read.posts[index].postID = withoutNUL(read.posts[index].postID)
            // A sidecar without a language (a table, Telegram's metadata) gets the one its text
            // plainly shows; the platform's own code, where given, is kept as it is.
            if read.posts[index].language == nil {
                read.posts[index].language = read.posts[index].text.flatMap(LanguageGuess.language)
            }
        }
        return read
    }

    /// The largest JSON file read as gallery-dl metadata under a name of its own
    /// (``SidecarFormat/galleryDL``).
    static let maximumNamedJSONBytes = 16 << 20

    private static func withoutNUL(_ text: String) -> String {
        text.contains("\0") ? text.replacingOccurrences(of: "\0", with: "\u{FFFD}") : text
    }

    private static func parse(_ bytes: Data, format: SidecarFormat, path: String, name: String)
        throws -> (format: SidecarFormat, posts: [Post], skipped: [String], notes: [String])? {
        switch format {
        case .galleryDL where SidecarFormat.isMediaSidecarName(name):
            return (format, [try galleryDL(bytes, mediaName: String(name.dropLast(5)), keyless: path)], [], [])
        case .galleryDL:
            return namedGalleryDL(bytes, stem: String(name.dropLast(5)), keyless: path).map { (format, [$0], [], []) }
        case .telegramExport:
            return try telegramExport(bytes).map { (format, $0, [], []) }
        case .ytDLP:
            return (format, try ytDLP(bytes, stem: String(name.dropLast(10)), keyless: path).map { [$0] } ?? [], [], [])
        case .twitterArchive:
            let account = (path as NSString).deletingLastPathComponent + "/account.js"
            return (format, try twitterArchive(bytes, accountJS: try? Data(contentsOf: URL(fileURLWithPath: account))), [], [])
        case .plainCSV:
            return try plainCSV(bytes, source: path).map { (format, $0.posts, $0.problems, $0.notes) }
        case .plainJSONL, .snscrape:
            return try jsonLines(bytes, source: path)
        }
    }

    /// White space and the invisible direction marks typed around Arabic (LRM, RLM,
    /// embeddings, isolates, BOM): trimmed from table cells and dates.
    static let blanks = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn:
        "\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{FEFF}"))

    /// The post id a case keys on (with the platform). Telegram numbers messages per channel
    /// and VK photos per owner, so theirs carry the channel (`deirezzor_now/48213`, as in the
    /// post's address; ``TelegramAddress``) or the owner (`-12345_456`, as VK writes it);
    /// other platforms' ids are unique on their own. Without the scope, message 512 of one
    /// channel would overwrite message 512 of another.
    static func caseID(_ id: String, platform: String, scope: String?, url: String?) -> String {
        switch platform {
        case "telegram":
            if id.contains("/") { return id }
            if let channel = scope.flatMap(TelegramAddress.channel) { return "\(channel)/\(id)" }
            if let url, let post = TelegramAddress.post(url), post.message == id { return "\(post.channel)/\(id)" }
            return id
        case "vk":
            guard let scope, !id.contains("_") else { return id }
            return "\(scope)_\(id)"
        default:
            return id
        }
    }

    /// The id of a post its sidecar gives no id for (nor an address that holds one): the
    /// sidecar's path as given (ingest gives it absolute), and, in a file of several posts,
    /// the row or record it was read from, from 1 (`/inv/week1/posts.csv#3`). Unique to its
    /// source, so that two folders' `posts.csv` or two channels' `photo.jpg.json` are never
    /// one post, and the same as long as the file stays where it is and says the same.
    static func keyless(_ source: String, entry: Int? = nil) -> String {
        entry.map { "\(source)#\($0)" } ?? source
    }

    /// Whether a URL is the address of a media file (a CDN's `….jpg?…`), not of a post.
    static func isMediaAddress(_ url: String) -> Bool {
        let name = url.urlFileName.lowercased()
        guard let dot = name.lastIndex(of: ".") else { return false }
        return SidecarFormat.imageExtensions.contains(String(name[name.index(after: dot)...]))
    }

    /// JSON Lines: gallery-dl's metadata when the objects carry its `category` and
    /// `subcategory`; snscrape's when they carry `rawContent`/`renderedContent`/`_type` (or
    /// a url and content without a file); otherwise the plain `file,text,posted_at,url,author`
    /// columns. A line that is not a JSON object (a scrape killed mid-line, a stray edit) is
    /// skipped and reported in `skipped`, and the other lines are kept; a file with no good
    /// line at all is an error.
    static func jsonLines(_ data: Data, source: String) throws(SidecarError)
        -> (format: SidecarFormat, posts: [Post], skipped: [String], notes: [String])? {
        var objects: [[String: Any]] = []
        var skipped: [String] = []
        var firstError: SidecarError?
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            do {
                objects.append(try JSONFields.object(Data(trimmed), line: index + 1))
            } catch {
                firstError = firstError ?? error
                skipped.append("\(error)")
            }
        }
        if objects.isEmpty, let firstError { throw firstError }
        guard let (format, posts, notes) = try postsOfJSONLines(objects, source: source) else { return nil }
        return (format, posts, skipped, notes)
    }

    /// Nil for lines that are no sidecar's (`imprint hash` output, another tool's records).
    private static func postsOfJSONLines(_ objects: [[String: Any]], source: String) throws(SidecarError)
        -> (SidecarFormat, [Post], notes: [String])? {
        if let first = objects.first, first["category"] != nil, first["subcategory"] != nil, first["file"] == nil {
            return (.galleryDL, objects.enumerated().map { galleryDL($1, mediaName: nil, keyless: keyless(source, entry: $0 + 1)) }, [])
        }
        // snscrape's objects have a `_type` (0.4 and later) or, in 0.3, a url and content
        // but no `file` column.
        let isSnscrape = objects.first.map { object in
            object["rawContent"] != nil || object["renderedContent"] != nil || object["_type"] != nil
                || (object["file"] == nil && object["url"] != nil && object["content"] != nil)
        } ?? false
        if isSnscrape {
            let posts = objects.enumerated().filter { !isSnscrapeEntity($1) }.flatMap { snscrapePosts($1, keyless: keyless(source, entry: $0 + 1)) }
            return (.snscrape, posts, [])
        }
        guard objects.contains(where: { $0.keys.contains(where: plainColumns.contains) }) else { return nil }
        let (posts, notes) = try plainPosts(objects, source: source)
        return (.plainJSONL, posts, notes)
    }
}
