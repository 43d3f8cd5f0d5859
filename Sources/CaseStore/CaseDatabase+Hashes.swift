import Foundation
import GRDB

extension CaseDatabase {
    /// Every stored hash of `algorithm`, in path order, with its file's path and times.
    /// - Complexity: one query; O(n) memory for n hashes (a million PDQ hashes is ~150 MB
    ///   with paths).
    public func storedHashes(algorithm: String) throws(CaseStoreError) -> [StoredHash] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.id, f.path, h.bits, h.blob, h.bit_count, h.quality, m.date_taken,
                       (SELECT min(p.posted_at) FROM file_posts l JOIN posts p ON p.id = l.post_id WHERE l.file_id = f.id),
                       f.mtime_ns, m.date_taken_source, m.orientation
                FROM hashes h JOIN files f ON f.id = h.file_id LEFT JOIN metadata m ON m.file_id = f.id
                WHERE h.algorithm = ? ORDER BY f.path
                """, arguments: [algorithm])
            var result: [StoredHash] = []
            while let row = try rows.next() {
                let bits: Int64? = row[2]
                let value: HashValue = bits.map { .bits64(UInt64(bitPattern: $0)) } ?? .wide([UInt8]((row[3] as Data?) ?? Data()), bitCount: row[4])
                result.append(StoredHash(fileID: row[0], path: row[1], algorithm: algorithm, value: value,
                                         quality: row[5], dateTaken: row[6], dateTakenSource: row[9], firstPostedAt: row[7],
                                         mtimeNanoseconds: row[8], orientation: row[10]))
            }
            return result
        }
    }

    /// Every hash name stored in the case (`pdq`, `phash`, `pdq_trimmed`, `pdq_c90`, …), sorted.
    public func storedHashNames() throws(CaseStoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT algorithm FROM hashes ORDER BY algorithm") }
    }

    /// Whether the case holds no file at all (an ingest of a mistyped path leaves it so).
    public func isEmpty() throws(CaseStoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM files)") ?? true }
    }
}
