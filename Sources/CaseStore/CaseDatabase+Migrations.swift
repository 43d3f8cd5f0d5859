import GRDB

extension CaseDatabase {
    /// The first migration's name: a database that has it is a case.
    static let firstMigration = "v1: files, metadata, hashes, posts"

    /// The schema, as append-only migrations: never edit one that has shipped, add another.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            try db.create(table: "files") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull().unique()
                t.column("name", .text).notNull().indexed()
                t.column("size", .integer).notNull()
                t.column("mtime_ns", .integer).notNull()
                t.column("sha256", .text).notNull().indexed()
                t.column("md5", .text).notNull()
                t.column("format", .text)
                t.column("width", .integer)
                t.column("height", .integer)
                t.column("decode_status", .text).notNull()
                t.column("decode_error", .text)
            }
            try db.create(table: "metadata") { t in
                t.primaryKey("file_id", .integer).references("files", onDelete: .cascade)
                t.column("tags", .text).notNull()
                t.column("date_taken", .text).indexed()
                t.column("date_taken_is_utc", .boolean).notNull().defaults(to: false)
                t.column("gps_latitude", .double).indexed()
                t.column("gps_longitude", .double)
                t.column("make", .text)
                t.column("model", .text)
                t.column("software", .text)
                t.column("orientation", .integer)
                t.column("jpeg_quality", .integer)
            }
            try db.create(index: "metadata_on_make_model", on: "metadata", columns: ["make", "model"])
            try db.create(table: "hashes") { t in
                t.column("file_id", .integer).notNull().references("files", onDelete: .cascade)
                t.column("algorithm", .text).notNull()
                t.column("bits", .integer)
                t.column("blob", .blob)
                t.column("bit_count", .integer).notNull()
                t.column("quality", .integer)
                t.primaryKey(["file_id", "algorithm"])
            }
            try db.create(index: "hashes_on_algorithm", on: "hashes", columns: ["algorithm"])
            try db.create(table: "posts") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("platform", .text).notNull()
                t.column("post_id", .text).notNull()
                t.column("url", .text)
                t.column("author", .text)
                t.column("posted_at", .text).indexed()
                t.column("text", .text)
                t.column("language", .text)
                t.column("extra", .text).notNull()
                t.column("sidecar", .text).notNull()
                t.uniqueKey(["platform", "post_id"])
            }
            try db.create(table: "file_posts") { t in
                t.column("file_id", .integer).notNull().references("files", onDelete: .cascade)
                t.column("post_id", .integer).notNull().references("posts", onDelete: .cascade).indexed()
                t.primaryKey(["file_id", "post_id"])
            }
            try db.create(table: "sidecars") { t in
                t.primaryKey("path", .text)
                t.column("size", .integer).notNull()
                t.column("mtime_ns", .integer).notNull()
                t.column("format", .text)
                t.column("post_count", .integer).notNull()
                t.column("error", .text)
            }
        }
        migrator.registerMigration("v2: imported sites") { db in
            // The analyst's own gazetteer additions (the built-in set lives in the code).
            // Lists (aliases, references) are joined with U+001F, which no name contains.
            try db.create(table: "sites") { t in
                t.primaryKey("id", .text)
                t.column("type", .text).notNull()
                t.column("name", .text).notNull()
                t.column("aliases", .text).notNull()
                t.column("latitude", .double).notNull()
                t.column("longitude", .double).notNull()
                t.column("country", .text)
                t.column("uncertainty_km", .double).notNull()
                t.column("refs", .text).notNull()
                t.column("source", .text).notNull()
                t.column("imported_from", .text).notNull()
            }
        }
        migrator.registerMigration("v3: the tag a date taken was read from") { db in
            try db.alter(table: "metadata") { t in t.add(column: "date_taken_source", .text) }
        }
        migrator.registerMigration("v4: which sidecar gave each link") { db in
            // A sidecar read again replaces the links it gave (a bare name that became two
            // files links none), while a link another sidecar also gives stays.
            try db.create(table: "link_sources") { t in
                t.column("file_id", .integer).notNull().references("files", onDelete: .cascade)
                t.column("post_id", .integer).notNull().references("posts", onDelete: .cascade)
                t.column("sidecar", .text).notNull().indexed()
                t.primaryKey(["file_id", "post_id", "sidecar"])
            }
            // Links made before are credited to their post's stored sidecar, the best known.
            try db.execute(sql: """
                INSERT INTO link_sources (file_id, post_id, sidecar)
                SELECT l.file_id, l.post_id, p.sidecar FROM file_posts l JOIN posts p ON p.id = l.post_id
                """)
        }
        migrator.registerMigration("v5: posts without an id keyed by their sidecar's path") { db in
            // A post its sidecar gives no id was keyed by the sidecar's bare name and row
            // (`posts.csv#1`) or its picture's name (`photo.jpg`), so two folders' posts were
            // one. The sidecars that can hold such posts are marked as changed (a size no file
            // has): the next ingest of their folder forgets what they stored and reads them
            // again under the new keys, rather than keeping the old posts beside the new.
            try db.execute(sql: "UPDATE sidecars SET size = -1 WHERE format IN ('csv', 'jsonl', 'gallery-dl', 'yt-dlp', 'snscrape')")
        }
        migrator.registerMigration("v6: whether a file's region hashes were computed") { db in
            // An unchanged file is read again when its region hashes were not computed (after
            // a --no-trim run). Their presence said so, but a flat or mostly blank picture has
            // none to show (each region is left out), and was read again by every ingest.
            try db.alter(table: "files") { t in t.add(column: "regions_hashed", .boolean).notNull().defaults(to: false) }
            try db.execute(sql: """
                UPDATE files SET regions_hashed = 1
                WHERE EXISTS (SELECT 1 FROM hashes h WHERE h.file_id = files.id AND h.algorithm = 'pdq_c95')
                """)
        }
        return migrator
    }
}
