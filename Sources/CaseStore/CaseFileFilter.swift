/// Which files `imprint case files` lists; every condition set must hold.
public struct CaseFileFilter: Sendable, Equatable {
    /// Only files at or under this absolute folder.
    public var folder: String?
    /// Date taken on or after this ISO 8601 prefix (`2017`, `2017-07-01`, …).
    public var takenFrom: String?
    /// Date taken strictly before this ISO 8601 prefix.
    public var takenBefore: String?
    /// True: only files with GPS; false: only files without.
    public var hasGPS: Bool?
    /// Only this container format (`JPEG`, `PNG`, `WEBP`, `TIFF`; any case).
    public var format: String?
    /// Only these decode outcomes.
    public var statuses: Set<FileRecord.DecodeStatus>?
    /// Camera make, exactly (any case).
    public var make: String?
    /// Camera model, exactly (any case).
    public var model: String?
    /// True: only files linked to a post; false: only files without.
    public var hasPost: Bool?

    /// No conditions: every file.
    public init() {}
}
