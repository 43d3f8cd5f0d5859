public import GRDB

/// A row of `files`: one file on disk, identified by its path.
public struct FileRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "files"

    /// Row id, nil before insertion.
    public var id: Int64?
    /// The file's absolute path, as walked.
    public var path: String
    /// The path's last component, so sidecars that name a file alone can find it.
    public var name: String
    /// Size in bytes when ingested.
    public var size: Int64
    /// Modification time when ingested, nanoseconds since 1970.
    public var mtimeNanoseconds: Int64
    /// Lower-case hex SHA-256.
    public var sha256: String
    /// Lower-case hex MD5.
    public var md5: String
    /// `JPEG`, `PNG`, `WEBP`, `TIFF`, or nil when not recognised.
    public var format: String?
    /// Stored pixel width.
    public var width: Int?
    /// Stored pixel height.
    public var height: Int?
    /// How decoding went.
    public var decodeStatus: DecodeStatus
    /// The error (for `.failed`) or first warning (for `.warning`).
    public var decodeError: String?
    /// The region hashes were computed (whether or not any region was kept): false after a
    /// `--no-trim` run, whose files the next run with regions reads again.
    public var regionsHashed = false

    /// How `decodeError` starts for a file that ran past `--timeout-per-file`.
    public static let timedOutPrefix = "timed out"

    /// How `decodeError` starts for failures the run's limits caused rather than the file's
    /// bytes: past `--timeout-per-file`, over `--max-pixels` or the memory to spare ("image
    /// is W×H …", as `DecodeError` words them). Unlike other failures, such a file is read
    /// again by the next ingest, which may allow more.
    public static let limitFailurePrefixes = [timedOutPrefix, "image is "]

    /// Whether the pixels could be hashed.
    public enum DecodeStatus: String, Codable, Sendable, CaseIterable {
        /// Decoded and hashed without complaint.
        case ok
        /// Decoded and hashed, but the decoder warned (a truncated JPEG, say).
        case warning
        /// Not decoded: no hashes (metadata may still be there).
        case failed
    }

    enum CodingKeys: String, CodingKey {
        case id, path, name, size, sha256, md5, format, width, height
        case mtimeNanoseconds = "mtime_ns", decodeStatus = "decode_status", decodeError = "decode_error"
        case regionsHashed = "regions_hashed"
    }

    /// Column names for requests.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let path = Column(CodingKeys.path)
        public static let size = Column(CodingKeys.size)
        public static let mtimeNanoseconds = Column(CodingKeys.mtimeNanoseconds)
        public static let sha256 = Column(CodingKeys.sha256)
        public static let format = Column(CodingKeys.format)
        public static let decodeStatus = Column(CodingKeys.decodeStatus)
    }

    /// Creates a record.
    public init(id: Int64? = nil, path: String, size: Int64, mtimeNanoseconds: Int64, sha256: String, md5: String,
                format: String?, width: Int?, height: Int?, decodeStatus: DecodeStatus, decodeError: String?) {
        self.id = id
        self.path = path
        self.name = String(path.split(separator: "/").last ?? "")
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.sha256 = sha256
        self.md5 = md5
        self.format = format
        self.width = width
        self.height = height
        self.decodeStatus = decodeStatus
        self.decodeError = decodeError
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DerivableRequest<FileRecord> {
    /// Files with this content.
    public func with(sha256: String) -> Self { filter(FileRecord.Columns.sha256 == sha256.lowercased()) }
}
