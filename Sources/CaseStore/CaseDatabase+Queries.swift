import Foundation
import GRDB

extension CaseDatabase {
    /// One line of `imprint case files`: a file with its indexed metadata and hashes.
    public struct FileSummary: Sendable, Equatable {
        /// The file row.
        public var file: FileRecord
        /// Its metadata row, if the container could be read.
        public var metadata: MetadataRecord?
        /// Its hashes, by algorithm name.
        public var hashes: [HashRecord]
        /// How many posts it is linked to.
        public var postCount: Int
    }

    /// The files matching `filter`, in path order, handed to `body` one at a time (memory
    /// stays flat however large the case).
    public func files(matching filter: CaseFileFilter, _ body: (FileSummary) throws -> Void) throws(CaseStoreError) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let folder = filter.folder {
            var spelled: [String] = []
            for spelling in Self.spellings(of: folder) {
                let prefix = spelling.hasSuffix("/") ? spelling : spelling + "/"
                spelled.append("(f.path = ? OR (f.path >= ? AND f.path < ?))")
                _ = arguments.append(contentsOf: [spelling, prefix, String(prefix.dropLast()) + "0"])
            }
            conditions.append("(" + spelled.joined(separator: " OR ") + ")")
        }
        if let from = filter.takenFrom { conditions.append("m.date_taken >= ?"); _ = arguments.append(contentsOf: [from]) }
        if let before = filter.takenBefore { conditions.append("m.date_taken < ?"); _ = arguments.append(contentsOf: [before]) }
        if let hasGPS = filter.hasGPS { conditions.append(hasGPS ? "m.gps_latitude IS NOT NULL" : "m.gps_latitude IS NULL") }
        if let format = filter.format { conditions.append("upper(f.format) = upper(?)"); _ = arguments.append(contentsOf: [format]) }
        if let statuses = filter.statuses {
            conditions.append("f.decode_status IN (\(statuses.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")))")
        }
        if let make = filter.make { conditions.append("m.make = ? COLLATE NOCASE"); _ = arguments.append(contentsOf: [make]) }
        if let model = filter.model { conditions.append("m.model = ? COLLATE NOCASE"); _ = arguments.append(contentsOf: [model]) }
        if let hasPost = filter.hasPost {
            conditions.append((hasPost ? "" : "NOT ") + "EXISTS (SELECT 1 FROM file_posts l WHERE l.file_id = f.id)")
        }
        let sql = "SELECT f.id FROM files f LEFT JOIN metadata m ON m.file_id = f.id"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY f.path"
        do {
            try writer.read { db in
                let ids = try Int64.fetchCursor(db, sql: sql, arguments: arguments)
                while let id = try ids.next() {
                    try body(try Self.summary(fileID: id, in: db))
                }
            }
        } catch let error as CaseStoreError {
            throw error
        } catch {
            throw .failed(error)
        }
    }

    static func summary(fileID: Int64, in db: Database) throws -> FileSummary {
        let file = try FileRecord.fetchOne(db, key: fileID)!
        let metadata = try MetadataRecord.fetchOne(db, key: fileID)
        let hashes = try HashRecord.filter(HashRecord.Columns.fileID == fileID).order(HashRecord.Columns.algorithm).fetchAll(db)
        let posts = try Int.fetchOne(db, sql: "SELECT count(*) FROM file_posts WHERE file_id = ?", arguments: [fileID]) ?? 0
        return FileSummary(file: file, metadata: metadata, hashes: hashes, postCount: posts)
    }

    /// Everything the case knows about one file.
    public struct FileDetail: Sendable, Equatable {
        /// The file, metadata and hashes.
        public var summary: FileSummary
        /// The posts it came with, oldest first.
        public var posts: [PostRecord]
        /// Other files in the case with the same SHA-256.
        public var sameContent: [String]
    }

    /// The files that are `pathOrDigest` (an absolute path) or have it as SHA-256 (or MD5).
    public func details(pathOrDigest: String) throws(CaseStoreError) -> [FileDetail] {
        try read { db in
            let key = pathOrDigest.lowercased(), paths = Self.spellings(of: pathOrDigest)
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM files WHERE path IN (\(paths.map { _ in "?" }.joined(separator: ", "))) OR sha256 = ? OR md5 = ? ORDER BY path
                """, arguments: StatementArguments(paths + [key, key]))
            return try ids.map { id in
                let summary = try Self.summary(fileID: id, in: db)
                let posts = try PostRecord.fetchAll(db, sql: """
                    SELECT p.* FROM posts p JOIN file_posts l ON l.post_id = p.id WHERE l.file_id = ?
                    ORDER BY p.posted_at, p.platform, p.post_id
                    """, arguments: [id])
                let same = try String.fetchAll(db, sql: "SELECT path FROM files WHERE sha256 = ? AND id != ? ORDER BY path",
                                               arguments: [summary.file.sha256, id])
                return FileDetail(summary: summary, posts: posts, sameContent: same)
            }
        }
    }

    /// `path` as typed and in both Unicode forms: a name typed or pasted (NFC) finds the file
    /// macOS saved in NFD, and the other way round, as ingest's sidecar links find it.
    static func spellings(of path: String) -> [String] {
        var seen = Set<[UInt8]>()
        return [path, path.precomposedStringWithCanonicalMapping, path.decomposedStringWithCanonicalMapping]
            .filter { seen.insert(Array($0.utf8)).inserted }
    }

    /// How many files could not be decoded at ingest (they have no hashes to compare).
    public func failedFileCount() throws(CaseStoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM files WHERE decode_status = 'failed'") ?? 0 }
    }

    /// Counts over the whole case, as ordered name/value pairs.
    public func statistics() throws(CaseStoreError) -> [(name: String, value: Int64)] {
        try read { db in
            var result: [(String, Int64)] = []
            func count(_ name: String, _ sql: String) throws {
                result.append((name, try Int64.fetchOne(db, sql: sql) ?? 0))
            }
            try count("files", "SELECT count(*) FROM files")
            try count("bytes", "SELECT coalesce(sum(size), 0) FROM files")
            try count("distinct_sha256", "SELECT count(DISTINCT sha256) FROM files")
            for status in FileRecord.DecodeStatus.allCases {
                try count("decode_\(status.rawValue)", "SELECT count(*) FROM files WHERE decode_status = '\(status.rawValue)'")
            }
            for row in try Row.fetchAll(db, sql: "SELECT coalesce(format, 'unknown'), count(*) FROM files GROUP BY 1 ORDER BY 1") {
                result.append(("format_" + (row[0] as String).lowercased(), row[1]))
            }
            try count("with_date_taken", "SELECT count(*) FROM metadata WHERE date_taken IS NOT NULL")
            try count("with_gps", "SELECT count(*) FROM metadata WHERE gps_latitude IS NOT NULL")
            for row in try Row.fetchAll(db, sql: "SELECT algorithm, count(*) FROM hashes GROUP BY 1 ORDER BY 1") {
                result.append(("hashes_" + (row[0] as String), row[1]))
            }
            try count("posts", "SELECT count(*) FROM posts")
            for row in try Row.fetchAll(db, sql: "SELECT platform, count(*) FROM posts GROUP BY 1 ORDER BY 1") {
                result.append(("posts_" + (row[0] as String), row[1]))
            }
            try count("files_with_posts", "SELECT count(DISTINCT file_id) FROM file_posts")
            // Rows without a format are JSON files found not to be sidecars.
            try count("sidecars", "SELECT count(*) FROM sidecars WHERE format IS NOT NULL OR error IS NOT NULL")
            try count("sidecar_errors", "SELECT count(*) FROM sidecars WHERE error IS NOT NULL")
            return result
        }
    }
}
