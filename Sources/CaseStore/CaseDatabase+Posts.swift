import Foundation
import GRDB
public import PostSidecars

extension CaseDatabase {
    /// Size and modification time of a sidecar already read, to skip it when unchanged.
    public func knownSidecar(path: String) throws(CaseStoreError) -> (size: Int64, mtimeNanoseconds: Int64)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT size, mtime_ns FROM sidecars WHERE path = ?", arguments: [path])
                .map { (size: $0[0], mtimeNanoseconds: $0[1]) }
        }
    }

    /// Size and modification time of every sidecar already read, by path.
    public func knownSidecars() throws(CaseStoreError) -> [String: (size: Int64, mtimeNanoseconds: Int64)] {
        try read { db in
            var known: [String: (size: Int64, mtimeNanoseconds: Int64)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, size, mtime_ns FROM sidecars") {
                known[row[0]] = (size: row[1], mtimeNanoseconds: row[2])
            }
            return known
        }
    }

    /// The sidecars that stored a post linked to no file: read again when files come, since
    /// the picture a post names may be saved after its sidecar was read (a table in `posts/`
    /// naming `../x.jpg`, or `posts/` ingested before the folder above it).
    public func sidecarsWithUnlinkedPosts() throws(CaseStoreError) -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT DISTINCT sidecar FROM posts
                WHERE NOT EXISTS (SELECT 1 FROM file_posts WHERE file_posts.post_id = posts.id)
                """))
        }
    }

    /// Forgets the sidecars under `folders` that are gone from disk, with the posts each was
    /// the stored source of (their links go with them).
    ///
    /// A forgotten post may also be named by a sidecar that is still there, which the caller
    /// must then read again (``CaseDatabase/storeSidecar(path:size:mtimeNanoseconds:format:posts:error:)``
    /// merges it back).
    /// - Returns: how many sidecars were forgotten.
    public func removeVanishedSidecars(under folders: [String]) throws(CaseStoreError) -> Int {
        var gone: [String] = []
        for folder in folders {
            let range = Self.pathRange(under: folder)
            let paths = try read { db in
                try String.fetchAll(db, sql: "SELECT path FROM sidecars WHERE path >= ? AND path < ?", arguments: [range.from, range.before])
            }
            gone += paths.filter(Self.isGone)
        }
        try forgetSidecars(gone)
        return gone.count
    }

    /// Forgets the sidecars at `paths` with the posts each was the stored source of (their
    /// links go with them): for sidecars gone from disk, and for sidecars changed since they
    /// were read, so that a post the new version drops, or a field it empties, does not
    /// linger. As for ``removeVanishedSidecars(under:)``, the caller reads the other sidecars
    /// again when a forgotten post may be named by them too.
    /// - Returns: how many posts were forgotten.
    @discardableResult
    public func forgetSidecars(_ paths: [String]) throws(CaseStoreError) -> Int {
        guard !paths.isEmpty else { return 0 }
        // One JSON array, so that each table is scanned once however many sidecars go.
        let list = String(decoding: (try? JSONSerialization.data(withJSONObject: paths)) ?? Data("[]".utf8), as: UTF8.self)
        return try write { db in
            try Self.dropLinks(givenBy: paths, in: db)
            try db.execute(sql: "DELETE FROM posts WHERE sidecar IN (SELECT value FROM json_each(?))", arguments: [list])
            let forgotten = db.changesCount
            try db.execute(sql: "DELETE FROM sidecars WHERE path IN (SELECT value FROM json_each(?))", arguments: [list])
            return forgotten
        }
    }

    /// How one sidecar's posts were stored.
    public struct SidecarCounts: Sendable {
        /// Posts stored (new or updated).
        public var posts = 0
        /// File ↔ post links made.
        public var links = 0
        /// Posts linked to no file: none of their media is in the case, or their names are
        /// ambiguous (``ambiguousPosts``).
        public var unlinkedPosts = 0
        /// What the first few of those name, for a warning a person can act on.
        public var unlinkedMedia: [String] = []
        /// Of those, posts left unlinked because a bare file name they give is several
        /// different files (in different folders).
        public var ambiguousPosts = 0
        /// The first few such names, with the paths each could be.
        public var ambiguousMedia: [(name: String, paths: [String])] = []
        /// Posts another sidecar gives a different text (an edited tweet downloaded twice):
        /// the post, the other sidecar, and whether this one's text was kept.
        public var differingTexts: [(post: String, other: String, kept: Bool)] = []

        public init() {}
    }

    /// Stores a sidecar's posts and links each to the files it names, in one transaction.
    ///
    /// A media name (in either Unicode normalization) is an absolute path, or a path relative
    /// to the sidecar's folder (or, for a sidecar in a `metadata` folder, its parent's); a bare
    /// file name not found there is looked for as ``Post/mediaSearch`` says: under the
    /// sidecar's folder, else (``MediaSearch/wholeCase``) anywhere in the case. Every
    /// file whose path relative to the sidecar's folder starts with one of
    /// ``Post/mediaPrefixes`` is linked too. A post already in the case (same platform and
    /// post id) is updated, and keeps the links other sidecars give it; the links this
    /// sidecar gave when read before are replaced by those it gives now.
    /// - Parameters:
    ///   - path: the sidecar's absolute path.
    ///   - error: why it could not be parsed (then `posts` is empty); stored and reported.
    @discardableResult
    public func storeSidecar(path: String, size: Int64, mtimeNanoseconds: Int64, format: SidecarFormat?,
                             posts: [Post], error: String? = nil) throws(CaseStoreError) -> SidecarCounts {
        let folder = (path as NSString).deletingLastPathComponent
        return try write { db in
            try Self.dropLinks(givenBy: [path], in: db)
            var counts = SidecarCounts()
            for post in posts {
                // The sidecar that stored this post may be gone from disk (its folder moved here
                // and not yet ingested where it was): this one, when it ranks as high, becomes
                // the stored source, so that forgetting the old path later does not take the post.
                let stored = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT posts.sidecar, sidecars.format, posts.text FROM posts LEFT JOIN sidecars ON sidecars.path = posts.sidecar
                    WHERE posts.platform = ? AND posts.post_id = ?
                    """), arguments: [post.platform, post.postID])
                let storedPath = stored?[0] as String?
                let other = storedPath.flatMap { $0 != path ? $0 : nil }
                let otherIsGone = other.map(Self.isGone) ?? false
                if otherIsGone, Self.rank(of: format) >= Self.rank(of: (stored?[1] as String?).flatMap(SidecarFormat.init(rawValue:))) {
                    try db.cachedStatement(sql: "UPDATE posts SET sidecar = ? WHERE platform = ? AND post_id = ?")
                        .execute(arguments: [path, post.platform, post.postID])
                }
                let row = try Row.fetchOne(db.cachedStatement(sql: Self.upsertPost), arguments: [
                    post.platform, post.postID, post.url, post.author, post.postedAt.map(Self.iso), post.text,
                    post.language, post.extra, path, Self.rank(of: format), mtimeNanoseconds])
                guard let postRowID: Int64 = row?[0] else { continue }
                counts.posts += 1
                // Another sidecar on disk tells this post otherwise: say so, and which is kept.
                if let other, !otherIsGone, let otherText = stored?[2] as String?, let text = post.text, !text.isEmpty, text != otherText {
                    counts.differingTexts.append((post.platform + " " + post.postID, other, (row?[1] as String?) == path))
                }
                var linked = Set<Int64>()
                var ambiguous = false
                func link(_ ids: [Int64]) throws {
                    for id in ids where linked.insert(id).inserted {
                        try db.cachedStatement(sql: "INSERT OR IGNORE INTO file_posts (file_id, post_id) VALUES (?, ?)")
                            .execute(arguments: [id, postRowID])
                        try db.cachedStatement(sql: "INSERT OR IGNORE INTO link_sources (file_id, post_id, sidecar) VALUES (?, ?, ?)")
                            .execute(arguments: [id, postRowID, path])
                        counts.links += 1
                    }
                }
                for media in post.media {
                    // A macOS disk keeps "é" as e + accent, a sidecar as one letter: both spellings.
                    // (Swift's == takes the two as equal; the database compares bytes.)
                    var spellings: [String] = []
                    for spelling in [media, media.precomposedStringWithCanonicalMapping, media.decomposedStringWithCanonicalMapping]
                    where !spellings.contains(where: { $0.utf8.elementsEqual(spelling.utf8) }) {
                        spellings.append(spelling)
                    }
                    // The files the media name, in either spelling, relative to `base`.
                    func files(in base: String) throws -> [Int64] {
                        try spellings.flatMap { spelling in
                            try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM files WHERE path = ?"),
                                               arguments: [((spelling.hasPrefix("/") ? spelling : base + "/" + spelling) as NSString).standardizingPath])
                        }
                    }
                    var ids = try files(in: folder)
                    // gallery-dl's metadata postprocessor with "directory": "metadata" writes the
                    // sidecars one folder below the media.
                    if ids.isEmpty, post.mediaSearch == .besideSidecar, (folder as NSString).lastPathComponent.lowercased() == "metadata" {
                        ids = try files(in: (folder as NSString).deletingLastPathComponent)
                    }
                    if ids.isEmpty, post.mediaSearch != .besideSidecar, !media.contains("/") {
                        // A bare name: the files of that name under the sidecar's folder, else,
                        // for a platform's own media names, anywhere in the case. (A path names
                        // that path only: a download that failed is not another folder's namesake.)
                        var named: [(id: Int64, path: String, sha256: String)] = []
                        for spelling in spellings {
                            named += try Row.fetchAll(db.cachedStatement(sql: "SELECT id, path, sha256 FROM files WHERE name = ?"),
                                                      arguments: [spelling])
                                .map { (id: $0[0], path: $0[1], sha256: $0[2]) }
                        }
                        let under = named.filter { $0.path.hasPrefix(folder + "/") }
                        let candidates = under.isEmpty && post.mediaSearch == .wholeCase ? named : under
                        // Different pictures under one name (photo_1.jpg in two exports): which
                        // one the post meant is unknown, so none is linked and the caller warns.
                        // Copies of one picture are that picture.
                        if Set(candidates.map(\.sha256)).count > 1 {
                            ambiguous = true
                            if counts.ambiguousMedia.count < 3 {
                                counts.ambiguousMedia.append((media, candidates.map(\.path).sorted()))
                            }
                        } else {
                            ids = candidates.map(\.id)
                        }
                    }
                    try link(ids)
                }
                for prefix in post.mediaPrefixes where !prefix.isEmpty {
                    // A range on the path index: every path that starts with the prefix, read
                    // literally (LIKE would take its _ and % as wildcards).
                    let start = folder + "/" + prefix
                    try link(Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM files WHERE path >= ? AND path < ?"),
                                            arguments: [start, start + "\u{10FFFF}"]))
                }
                if linked.isEmpty {
                    counts.unlinkedPosts += 1
                    if ambiguous {
                        counts.ambiguousPosts += 1
                    } else if counts.unlinkedMedia.count < 3 {
                        counts.unlinkedMedia.append(post.media.first ?? "(no file named)")
                    }
                }
            }
            try SidecarRecord(path: path, size: size, mtimeNanoseconds: mtimeNanoseconds, format: format?.rawValue,
                              postCount: counts.posts, error: error).save(db)
            return counts
        }
    }

    /// Drops the links the sidecars at `paths` gave, and with them each link that no other
    /// sidecar gives.
    static func dropLinks(givenBy paths: [String], in db: Database) throws {
        for path in paths {
            let pairs = try Row.fetchAll(db.cachedStatement(sql: "DELETE FROM link_sources WHERE sidecar = ? RETURNING file_id, post_id"),
                                         arguments: [path])
            for pair in pairs {
                try db.cachedStatement(sql: """
                    DELETE FROM file_posts WHERE file_id = ?1 AND post_id = ?2
                    AND NOT EXISTS (SELECT 1 FROM link_sources WHERE file_id = ?1 AND post_id = ?2)
                    """).execute(arguments: [pair[0], pair[1]])
            }
        }
    }

    /// How far a sidecar is trusted about a post: a scraper's own record (gallery-dl, yt-dlp,
    /// snscrape, an account archive) over a table an analyst typed.
    static func rank(of format: SidecarFormat?) -> Int {
        switch format {
        case .plainCSV?, .plainJSONL?, nil: 1  // also `tableFormats`
        default: 2
        }
    }

    /// Stores a post, merging it with the row of the same (platform, post id) that another
    /// sidecar stored: the same post seen by gallery-dl and then named in an analyst's table
    /// must not lose its author, date and text to the table's few columns. The sidecar that
    /// stored the row, read again, or one of higher rank (``rank(of:)``) sets what it has and
    /// keeps the rest; one of equal or lower rank only fills what the row lacks. `extra`
    /// objects are merged key by key the same way. Empty text counts as none.
    static let upsertPost = """
        INSERT INTO posts (platform, post_id, url, author, posted_at, text, language, extra, sidecar)
        VALUES (?1, ?2, ?3, ?4, ?5, NULLIF(?6, ''), ?7, ?8, ?9)
        ON CONFLICT (platform, post_id) DO UPDATE SET
            url = \(merged("url")), author = \(merged("author")), posted_at = \(merged("posted_at")),
            text = \(merged("text")), language = \(merged("language")),
            extra = CASE WHEN \(overrides) THEN json_patch(posts.extra, excluded.extra) ELSE json_patch(excluded.extra, posts.extra) END,
            sidecar = CASE WHEN \(overrides) THEN excluded.sidecar ELSE posts.sidecar END
        RETURNING id, sidecar
        """

    /// Whether the sidecar being stored takes precedence over the one that stored the row: it
    /// is that sidecar, or it ranks higher (the stored one's rank is 0 when it is unknown), or
    /// as high and was written later (`?11`, its mtime: the later download of an edited post),
    /// or at the same moment with the greater text. So the same files give the same post in
    /// whatever order their folders are read.
    private static let overrides = """
        (posts.sidecar = excluded.sidecar
         OR (?10, ?11, COALESCE(excluded.text, '')) > (SELECT rank, mtime, text FROM (
                SELECT CASE WHEN format IN \(tableFormats) THEN 1 ELSE 2 END AS rank, mtime_ns AS mtime, COALESCE(posts.text, '') AS text
                FROM sidecars WHERE path = posts.sidecar
                UNION ALL SELECT 0, 0, '') ORDER BY rank DESC LIMIT 1))
        """

    /// The formats of rank 1, as SQL: ``rank(of:)`` in the database's terms.
    private static let tableFormats = "(" + [SidecarFormat.plainCSV, .plainJSONL].map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    private static func merged(_ column: String) -> String {
        "CASE WHEN \(overrides) THEN COALESCE(excluded.\(column), posts.\(column)) ELSE COALESCE(posts.\(column), excluded.\(column)) END"
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
