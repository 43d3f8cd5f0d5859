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

    /// How one sidecar's posts were stored.
    public struct SidecarCounts: Sendable, Equatable {
        /// Posts stored (new or updated).
        public var posts = 0
        /// File ↔ post links made.
        public var links = 0
        /// Posts none of whose media is in the case.
        public var unlinkedPosts = 0

        public init() {}
    }

    /// Stores a sidecar's posts and links each to the files it names, in one transaction.
    ///
    /// A media name is looked up first as a path relative to the sidecar's folder, then
    /// (unless ``Post/mediaBesideSidecar``) as a bare file name anywhere in the case; every
    /// file whose path relative to the sidecar's folder starts with one of
    /// ``Post/mediaPrefixes`` is linked too. A post already in the case (same platform and
    /// post id) is updated, and keeps its links.
    /// - Parameters:
    ///   - path: the sidecar's absolute path.
    ///   - error: why it could not be parsed (then `posts` is empty); stored and reported.
    @discardableResult
    public func storeSidecar(path: String, size: Int64, mtimeNanoseconds: Int64, format: SidecarFormat?,
                             posts: [Post], error: String? = nil) throws(CaseStoreError) -> SidecarCounts {
        let folder = (path as NSString).deletingLastPathComponent
        return try write { db in
            var counts = SidecarCounts()
            for post in posts {
                let row = try Row.fetchOne(db.cachedStatement(sql: """
                    INSERT INTO posts (platform, post_id, url, author, posted_at, text, language, extra, sidecar)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (platform, post_id) DO UPDATE SET url = excluded.url, author = excluded.author,
                        posted_at = excluded.posted_at, text = excluded.text, language = excluded.language,
                        extra = excluded.extra, sidecar = excluded.sidecar
                    RETURNING id
                    """), arguments: [post.platform, post.postID, post.url, post.author,
                                      post.postedAt.map(Self.iso), post.text, post.language, post.extra, path])
                guard let postRowID: Int64 = row?[0] else { continue }
                counts.posts += 1
                var linked = Set<Int64>()
                func link(_ ids: [Int64]) throws {
                    for id in ids where linked.insert(id).inserted {
                        try db.cachedStatement(sql: "INSERT OR IGNORE INTO file_posts (file_id, post_id) VALUES (?, ?)")
                            .execute(arguments: [id, postRowID])
                        counts.links += 1
                    }
                }
                for media in post.media {
                    let relative = ((folder + "/" + media) as NSString).standardizingPath
                    var ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM files WHERE path = ?"), arguments: [relative])
                    if ids.isEmpty, !post.mediaBesideSidecar, let name = media.split(separator: "/").last {
                        ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM files WHERE name = ?"), arguments: [String(name)])
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
                if linked.isEmpty { counts.unlinkedPosts += 1 }
            }
            try SidecarRecord(path: path, size: size, mtimeNanoseconds: mtimeNanoseconds, format: format?.rawValue,
                              postCount: counts.posts, error: error).save(db)
            return counts
        }
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
