public import GRDB

/// A row of `posts`: one post read from a sidecar, unique by platform and post id.
public struct PostRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "posts"

    /// Row id, nil before insertion.
    public var id: Int64?
    /// `twitter`, `youtube`, `telegram`, … or `unknown`.
    public var platform: String
    /// The platform's id for the post.
    public var postID: String
    /// The post's address.
    public var url: String?
    /// The account that posted it.
    public var author: String?
    /// ISO 8601 in UTC (`…Z`).
    public var postedAt: String?
    /// The post's text.
    public var text: String?
    /// Language code.
    public var language: String?
    /// The sidecar's other fields, a JSON object.
    public var extra: String
    /// The sidecar it was read from: of several, the most trusted (scrapers over tables), else the first.
    public var sidecar: String

    enum CodingKeys: String, CodingKey {
        case id, platform, url, author, text, language, extra, sidecar
        case postID = "post_id", postedAt = "posted_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `file_posts`: this file came with this post.
struct FilePostRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "file_posts"
    var fileID: Int64
    var postID: Int64

    enum CodingKeys: String, CodingKey {
        case fileID = "file_id", postID = "post_id"
    }
}

/// A row of `sidecars`: a sidecar file already read, so an unchanged one is not read again.
struct SidecarRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sidecars"
    var path: String
    var size: Int64
    var mtimeNanoseconds: Int64
    var format: String?
    var postCount: Int
    var error: String?

    enum CodingKeys: String, CodingKey {
        case path, size, format, error
        case mtimeNanoseconds = "mtime_ns", postCount = "post_count"
    }
}
