import Foundation
import GRDB

extension CaseDatabase {
    /// What the claims indexer needs to know about a file: where and when it says it was
    /// taken, what edited it, and which posts it came with.
    public struct ClaimFile: Sendable, Hashable {
        /// The file's row id.
        public var id: Int64
        /// Its absolute path.
        public var path: String
        /// Its SHA-256, lower-case hex.
        public var sha256: String
        /// ISO 8601 DateTimeOriginal (UTC when the file recorded an offset).
        public var dateTaken: String?
        /// The tag it was read from (`ExifIFD:DateTimeOriginal`, `XMP-xmp:CreateDate`…), when known.
        public var dateTakenSource: String?
        /// EXIF GPS latitude in degrees.
        public var latitude: Double?
        /// EXIF GPS longitude in degrees.
        public var longitude: Double?
        /// EXIF Software.
        public var software: String?
        /// XMP CreatorTool: the program that made the file.
        public var creatorTool: String?
        /// XMP HistorySoftwareAgent: the programs that saved it, one per entry of its history.
        public var historySoftwareAgents: [String] = []
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
                SELECT f.id, f.path, f.sha256, m.date_taken, m.gps_latitude, m.gps_longitude, m.software, m.date_taken_source,
                       CASE WHEN instr(m.tags, '"XMP-xmp') > 0 THEN json_extract(m.tags, '$."XMP-xmp:CreatorTool"') END,
                       CASE WHEN instr(m.tags, '"XMP-xmpMM:HistorySoftwareAgent"') > 0
                            THEN json_extract(m.tags, '$."XMP-xmpMM:HistorySoftwareAgent"') END
                FROM files f LEFT JOIN metadata m ON m.file_id = f.id ORDER BY f.path
                """)
            while let row = try rows.next() {
                let id: Int64 = row[0]
                var file = ClaimFile(id: id, path: row[1], sha256: row[2], dateTaken: row[3], dateTakenSource: row[7],
                                     latitude: row[4], longitude: row[5], software: row[6], postIDs: postsByFile[id] ?? [])
                file.creatorTool = row[8]
                // One agent is a string; a history of several, a JSON array of them.
                if let agents: String = row[9] {
                    let list = agents.hasPrefix("[") ? (try? JSONSerialization.jsonObject(with: Data(agents.utf8))) as? [Any] : nil
                    file.historySoftwareAgents = list?.compactMap { $0 as? String } ?? [agents]
                }
                files.append(file)
            }
            let posts = try PostRecord.order(Column("id")).fetchAll(db)
            return (files, posts)
        }
    }
}
