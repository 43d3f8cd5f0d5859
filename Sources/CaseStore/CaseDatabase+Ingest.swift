import Foundation
import GRDB
public import PerceptualHash

extension CaseDatabase {
    /// What the case knows about a path: enough to tell whether the file changed.
    public struct KnownPath: Sendable, Hashable {
        /// Row id.
        public var fileID: Int64
        /// Size when ingested.
        public var size: Int64
        /// Modification time when ingested (ns).
        public var mtimeNanoseconds: Int64
        /// SHA-256 when ingested, for `--verify`.
        public var sha256 = ""
        /// It has every hash asked for, and its regions were computed if asked for (or it could
        /// not be decoded, so has none to have, unless a limit of the run stopped it:
        /// ``FileRecord/limitFailurePrefixes``): an unchanged file without them is read again,
        /// so that a run asking for a new algorithm or the region hashes, or allowing more time
        /// or pixels, gets them for files already in the case.
        public var hasHashes = true

        /// Whether a file of this `size` and `mtime` is the one the case holds, with every hash
        /// asked for: such a file is not read again.
        public func isUnchanged(size: Int64, mtime: Int64) -> Bool {
            self.size == size && mtimeNanoseconds == mtime && hasHashes
        }
    }

    /// The row for `path`, if the case has one. Safe to call from many tasks at once while a
    /// write is going on (``concurrentRead(_:)``).
    public func known(path: String) throws(CaseStoreError) -> KnownPath? {
        try concurrentRead { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT id, size, mtime_ns FROM files WHERE path = ?"), arguments: [path])
                .map { KnownPath(fileID: $0[0], size: $0[1], mtimeNanoseconds: $0[2]) }
        }
    }

    /// What the case knows about every path at or under `roots`, read in one range scan per
    /// root, so that deciding which files are unchanged costs no query per file.
    /// - Parameters:
    ///   - hashes: the hash names a file should have (``KnownPath/hasHashes``).
    ///   - regions: its region hashes should have been computed too (``FileRecord/regionsHashed``).
    /// - Complexity: O(n) memory for the n files under the roots (about 100 bytes each).
    public func knownPaths(under roots: [String], hashes: [String] = [], regions: Bool = false) throws(CaseStoreError) -> [String: KnownPath] {
        try read { db in
            var known: [String: KnownPath] = [:]
            for root in roots {
                let range = Self.pathRange(under: root)
                let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                    SELECT f.path, f.id, f.size, f.mtime_ns,
                           (f.decode_status = 'failed' AND NOT EXISTS (SELECT 1 FROM json_each(?6) WHERE coalesce(f.decode_error, '') LIKE value || '%'))
                               OR ((SELECT count(DISTINCT h.algorithm) FROM hashes h WHERE h.file_id = f.id
                                    AND h.algorithm IN (SELECT value FROM json_each(?3))) = ?4 AND (f.regions_hashed OR NOT ?7)),
                           f.sha256
                    FROM files f WHERE f.path = ?1 OR (f.path >= ?2 AND f.path < ?5)
                    """), arguments: [root, range.from, Self.jsonArray(hashes), hashes.count, range.before,
                                      Self.jsonArray(FileRecord.limitFailurePrefixes), regions])
                while let row = try rows.next() {
                    known[row[0]] = KnownPath(fileID: row[1], size: row[2], mtimeNanoseconds: row[3], sha256: row[5], hasHashes: row[4])
                }
            }
            return known
        }
    }

    /// A row with this SHA-256 that has every algorithm in `algorithms` hashed, and its regions
    /// if `regions` (and so can stand in for decoding the file again), preferring one whose path
    /// still exists, with its decoder's warning when it decoded damaged (the copy is as
    /// damaged, and is said to be).
    public func known(sha256: String, algorithms: [String], regions: Bool = false) throws(CaseStoreError)
        -> (fileID: Int64, path: String, warning: String?)? {
        try concurrentRead { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT f.id, f.path, (SELECT count(*) FROM hashes h WHERE h.file_id = f.id AND h.algorithm IN (SELECT value FROM json_each(?))),
                       CASE WHEN f.decode_status = 'warning' THEN coalesce(f.decode_error, 'damaged') END
                FROM files f WHERE f.sha256 = ? AND f.decode_status != 'failed' AND (f.regions_hashed OR NOT ?)
                """), arguments: [Self.jsonArray(algorithms), sha256, regions])
            return rows.first { row in (row[2] as Int) == algorithms.count }.map { (fileID: $0[0], path: $0[1], warning: $0[3]) }
        }
    }

    static func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    /// How one ``store(_:)`` call went.
    public struct StoreCounts: Sendable, Equatable {
        /// New rows.
        public var added = 0
        /// Rows whose file changed and were rewritten.
        public var updated = 0
        /// Rows moved to a new path (the old one had vanished).
        public var moved = 0
        /// Rows whose metadata and hashes were copied from a file with the same content.
        public var copied = 0
        /// Files not stored because the row they were to copy from had gone, or holds other
        /// content now (a file renamed and another saved under its old name, in one run).
        public var deferred = 0
        /// Their paths, for the caller to read again once the batch is in.
        public var deferredPaths: [String] = []

        public init() {}

        /// Adds another call's counts.
        public mutating func add(_ other: StoreCounts) {
            added += other.added
            updated += other.updated
            moved += other.moved
            copied += other.copied
            deferred += other.deferred
            deferredPaths += other.deferredPaths
        }
    }

    /// Writes a batch of ingested files in one transaction: a crash leaves all of them or none.
    ///
    /// A path already in the case is updated in place (its row id, and so its post links, kept).
    /// - Complexity: O(n) statements for n files, all cached.
    @discardableResult
    public func store(_ files: [IngestedFile]) throws(CaseStoreError) -> StoreCounts {
        try write { db in
            var counts = StoreCounts()
            for item in files { try Self.store(item, in: db, counts: &counts) }
            return counts
        }
    }

    private static func store(_ item: IngestedFile, in db: Database, counts: inout StoreCounts) throws {
        var file = item.file
        let stored = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, sha256 FROM files WHERE path = ?"), arguments: [file.path])
        let existing = stored?[0] as Int64?
        if let source = item.sameContentAs {
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT path, sha256 FROM files WHERE id = ?"), arguments: [source.fileID])
            // The row the worker found must still hold this content: gone (another ingest
            // removed it) or rewritten since (its path now holds another picture: a rename,
            // then a new download under the old name), it has nothing to copy. The file is
            // left for a second look rather than stored with another picture's tags and hashes.
            guard let row, let sourcePath = row[0] as String?, row[1] as String? == file.sha256 else {
                counts.deferred += 1
                counts.deferredPaths.append(file.path)
                return
            }
            if existing == source.fileID || (existing == nil && source.pathVanished && sourcePath == source.path) {
                // Touched in place, or moved: the row (metadata, hashes, post links) follows it.
                try db.cachedStatement(sql: "UPDATE files SET path = ?, name = ?, size = ?, mtime_ns = ? WHERE id = ?")
                    .execute(arguments: [file.path, file.name, file.size, file.mtimeNanoseconds, source.fileID])
                if existing == source.fileID { counts.updated += 1 } else { counts.moved += 1 }
                return
            }
        }
        if let existing {
            file.id = existing
            try file.update(db)
            try db.cachedStatement(sql: "DELETE FROM metadata WHERE file_id = ?").execute(arguments: [existing])
            if stored?[1] as String? == file.sha256 {
                // The same picture read again for a hash it lacked (a run with a new
                // --algorithms): the hashes this run did not compute are still its own (and a
                // twin's copied below join them).
                for name in item.hashes.map(\.algorithm) + item.replaces {
                    try db.cachedStatement(sql: "DELETE FROM hashes WHERE file_id = ? AND algorithm = ?")
                        .execute(arguments: [existing, name])
                }
            } else {
                try db.cachedStatement(sql: "DELETE FROM hashes WHERE file_id = ?").execute(arguments: [existing])
            }
            counts.updated += 1
        } else {
            file.id = nil
            try file.insert(db)
            counts.added += 1
        }
        let fileID = file.id!
        if let source = item.sameContentAs {
            try db.cachedStatement(sql: """
                UPDATE files SET (format, width, height, decode_status, decode_error, regions_hashed) =
                    (SELECT format, width, height, decode_status, decode_error, regions_hashed FROM files WHERE id = ?)
                WHERE id = ?
                """).execute(arguments: [source.fileID, fileID])
            try db.cachedStatement(sql: """
                INSERT INTO metadata (file_id, tags, date_taken, date_taken_is_utc, date_taken_source, gps_latitude, gps_longitude, make, model, software, orientation, jpeg_quality)
                SELECT ?, tags, date_taken, date_taken_is_utc, date_taken_source, gps_latitude, gps_longitude, make, model, software, orientation, jpeg_quality
                FROM metadata WHERE file_id = ?
                """).execute(arguments: [fileID, source.fileID])
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO hashes (file_id, algorithm, bits, blob, bit_count, quality)
                SELECT ?, algorithm, bits, blob, bit_count, quality FROM hashes WHERE file_id = ?
                """).execute(arguments: [fileID, source.fileID])
            counts.copied += 1
            return
        }
        if var metadata = item.metadata {
            metadata.fileID = fileID
            try metadata.insert(db)
        }
        // One cached statement with the values bound directly: a file has about 30 hash rows,
        // and the record's generic encoding cost more than writing them.
        let insertHash = try db.cachedStatement(sql: """
            INSERT INTO hashes (file_id, algorithm, bits, blob, bit_count, quality) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for hash in item.hashes {
            try insertHash.execute(arguments: [fileID, hash.algorithm, hash.bits, hash.blob, hash.bitCount, hash.quality])
        }
    }

    /// Deletes the rows of those `paths` whose files no longer exist: the caller passes the
    /// paths the case held under the folders it walked that the walk did not reach, so that a
    /// run that finds every file costs no query and no second `stat` per file. A file that
    /// cannot be reached (a folder without read permission) keeps its row, and so does a path
    /// that is no row's any more (a file moved away in this run: its row took the new path).
    /// - Returns: the paths of the rows deleted, in path order.
    public func removeVanished(among paths: [String]) throws(CaseStoreError) -> [String] {
        let gone = paths.filter(Self.isGone)
        guard !gone.isEmpty else { return [] }
        return try write { db in
            var removed: [String] = []
            let statement = try db.cachedStatement(sql: "DELETE FROM files WHERE path = ?")
            for path in gone {
                try statement.execute(arguments: [path])
                if db.changesCount > 0 { removed.append(path) }
            }
            return removed.sorted()
        }
    }
}

extension CaseDatabase {
    /// A file's hashes beside its embedded thumbnail's (`ThumbnailHash`), for telling whether
    /// the thumbnail still shows the picture.
    public struct ThumbnailPair: Sendable, Hashable {
        /// The file's row id.
        public var fileID: Int64
        /// The file's path.
        public var path: String
        /// How the main image decoded: a `.warning` (a truncated JPEG's grey padding) also
        /// moves its hashes away from the thumbnail's without any editing.
        public var decodeStatus: FileRecord.DecodeStatus
        /// The main image's PDQ hash (`pdq`).
        public var pdq: Hash256?
        /// The thumbnail's PDQ hash (`thumbnail-pdq`).
        public var thumbnailPDQ: Hash256?
        /// The main image's centre at the thumbnail's aspect ratio (`thumbnail-frame-pdq`), for
        /// a thumbnail the camera filled by cropping.
        public var framePDQ: Hash256?
        /// The main image's pHash (`phash`).
        public var phash: UInt64?
        /// The thumbnail's pHash (`thumbnail-phash`).
        public var thumbnailPHash: UInt64?
        /// The pHash of the main image's centre at the thumbnail's aspect ratio.
        public var framePHash: UInt64?

        /// Bits that differ between the thumbnail's pHash and the main image's (or its centre's,
        /// when that is closer); nil when either is missing.
        public var phashDistance: Int? {
            guard let thumbnailPHash else { return nil }
            return [phash, framePHash].compactMap { $0.map { ($0 ^ thumbnailPHash).nonzeroBitCount } }.min()
        }

        /// Bits that differ between the thumbnail's PDQ hash and the main image's (or its
        /// centre's, when that is closer); nil when either is missing.
        public var pdqDistance: Int? {
            guard let thumbnailPDQ else { return nil }
            return [pdq, framePDQ].compactMap { $0?.distance(to: thumbnailPDQ) }.min()
        }

        /// Whether the thumbnail shows a different picture from a cleanly decoded main image
        /// (`ThumbnailHash.showsDifferentPicture(phashDistance:pdqDistance:)`); nil when the
        /// main image decoded with a warning or no hash pair was stored.
        public var showsDifferentPicture: Bool? {
            guard decodeStatus == .ok else { return nil }
            return ThumbnailHash.showsDifferentPicture(phashDistance: phashDistance, pdqDistance: pdqDistance)
        }
    }

    /// Every file with a stored thumbnail hash, with its own hashes to compare, in path order;
    /// only the files in `fileIDs` when it is given.
    /// - Complexity: one query; O(n) memory for the n files returned.
    public func thumbnailPairs(fileIDs: [Int64]? = nil) throws(CaseStoreError) -> [ThumbnailPair] {
        let names = ["pdq", "phash", HashRecord.thumbnailPDQName, HashRecord.thumbnailPHashName,
                     HashRecord.thumbnailFramePDQName, HashRecord.thumbnailFramePHashName]
        return try read { db in
            var sql = """
                SELECT f.id, f.path, f.decode_status, h.algorithm, h.bits, h.blob
                FROM files f JOIN hashes h ON h.file_id = f.id
                WHERE h.algorithm IN (SELECT value FROM json_each(?))
                  AND EXISTS (SELECT 1 FROM hashes t WHERE t.file_id = f.id AND t.algorithm IN (?, ?))
                """
            var arguments: StatementArguments = [Self.jsonArray(names), HashRecord.thumbnailPDQName, HashRecord.thumbnailPHashName]
            if let fileIDs {
                sql += " AND f.id IN (SELECT value FROM json_each(?))"
                arguments += ["[" + fileIDs.map(String.init).joined(separator: ",") + "]"]
            }
            sql += " ORDER BY f.path, f.id"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            var pairs: [ThumbnailPair] = []
            while let row = try rows.next() {
                let fileID: Int64 = row[0]
                if pairs.last?.fileID != fileID {
                    pairs.append(ThumbnailPair(fileID: fileID, path: row[1],
                                               decodeStatus: FileRecord.DecodeStatus(rawValue: row[2]) ?? .warning))
                }
                let algorithm: String = row[3]
                let bits = (row[4] as Int64?).map { UInt64(bitPattern: $0) }
                let wide = (row[5] as Data?).flatMap { Hash256(bytes: [UInt8]($0)) }
                switch algorithm {
                case "pdq": pairs[pairs.count - 1].pdq = wide
                case "phash": pairs[pairs.count - 1].phash = bits
                case HashRecord.thumbnailPDQName: pairs[pairs.count - 1].thumbnailPDQ = wide
                case HashRecord.thumbnailPHashName: pairs[pairs.count - 1].thumbnailPHash = bits
                case HashRecord.thumbnailFramePDQName: pairs[pairs.count - 1].framePDQ = wide
                default: pairs[pairs.count - 1].framePHash = bits
                }
            }
            return pairs
        }
    }
}
