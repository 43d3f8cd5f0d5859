public import GRDB

/// A row of `metadata`: a file's tags as JSON plus the ones queries filter on, as columns.
public struct MetadataRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "metadata"

    /// The file these tags belong to.
    public var fileID: Int64
    /// The tags `imprint exif -G` prints, as one JSON object in that order.
    public var tags: String
    /// DateTimeOriginal (or CreateDate) as ISO 8601: in UTC with `Z` when an offset was
    /// recorded, else local time without a zone.
    public var dateTaken: String?
    /// Whether ``dateTaken`` is UTC.
    public var dateTakenIsUTC: Bool
    /// The tag ``dateTaken`` was read from (``DateTaken/source``); nil in cases made before it
    /// was kept.
    public var dateTakenSource: String?
    /// Signed decimal degrees.
    public var gpsLatitude: Double?
    /// Signed decimal degrees.
    public var gpsLongitude: Double?
    /// Camera make.
    public var make: String?
    /// Camera model.
    public var model: String?
    /// Software that last wrote the file.
    public var software: String?
    /// EXIF orientation as stored.
    public var orientation: Int?
    /// JPEG quality estimate.
    public var jpegQuality: Int?

    enum CodingKeys: String, CodingKey {
        case tags, make, model, software, orientation
        case fileID = "file_id", dateTaken = "date_taken", dateTakenIsUTC = "date_taken_is_utc", dateTakenSource = "date_taken_source"
        case gpsLatitude = "gps_latitude", gpsLongitude = "gps_longitude", jpegQuality = "jpeg_quality"
    }

    /// Column names for requests.
    public enum Columns {
        public static let fileID = Column(CodingKeys.fileID)
        public static let dateTaken = Column(CodingKeys.dateTaken)
        public static let gpsLatitude = Column(CodingKeys.gpsLatitude)
        public static let make = Column(CodingKeys.make)
        public static let model = Column(CodingKeys.model)
    }
}
