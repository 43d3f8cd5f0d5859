import GRDB

extension CaseDatabase {
    /// What the claims indexer needs to know about a file: where and when it says it was
    /// taken, what edited it, and which posts it came with.
    public struct ClaimFile: Sendable, Hashable {
        public var id: Int64
        public var path: String
        /// ISO 8601 DateTimeOriginal (UTC when the file recorded an offset).
        public var dateTaken: String?
        public var latitude: Double?
        public var longitude: Double?
        /// EXIF Software.
        public var software: String?
        /// The case's ids of the posts it came with.
        public var postIDs: [Int64]
    }

    /// Every file of the case with its claim-relevant metadata, in path order, and every post
    /// that has a text or a date, in id order.
    public func claimInputs() throws(CaseStoreError) -> (files: [ClaimFile], posts: [PostRecord]) {
        try read { db in
            var postsByFile: [Int64: [Int64]] = [:]
            let links = try Row.fetchCursor(db, sql: "SELECT file_id, post_id FROM file_posts ORDER BY file_id, post_id")
            while let link = try links.next() { postsByFile[link[0], default: []].append(link[1]) }
            var files: [ClaimFile] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.id, f.path, m.date_taken, m.gps_latitude, m.gps_longitude, m.software
                FROM files f LEFT JOIN metadata m ON m.file_id = f.id ORDER BY f.path
                """)
            while let row = try rows.next() {
                let id: Int64 = row[0]
                files.append(ClaimFile(id: id, path: row[1], dateTaken: row[2], latitude: row[3], longitude: row[4],
                                       software: row[5], postIDs: postsByFile[id] ?? []))
            }
            let posts = try PostRecord.order(Column("id")).fetchAll(db)
            return (files, posts)
        }
    }
}
