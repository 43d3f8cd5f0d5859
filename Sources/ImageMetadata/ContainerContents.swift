internal import ImageDecoding

/// What the container walk found: the raw metadata blocks and header facts, before any of it
/// is interpreted.
struct ContainerContents {
    /// The TIFF-structured EXIF block (starting at the "II"/"MM" byte-order mark).
    var exif: ArraySlice<UInt8>?
    /// Where `exif` starts in the file, to report offsets as exiftool does (file-relative).
    var exifFileOffset: Int = 0
    /// The XMP packet bytes (UTF-8 XML).
    var xmp: ArraySlice<UInt8>?
    /// Pixel dimensions from the header.
    var width: Int?
    var height: Int?
    /// JPEG quantization tables by slot (0–3), 64 values each in natural (row-major) order.
    var quantizationTables: [Int: [Int]] = [:]
    /// Damage found while walking.
    var warnings: [String] = []

    /// Walks the container of `format`. Never throws for damage past the header: what was read
    /// is kept and the damage becomes a warning.
    static func scan(_ bytes: [UInt8], format: ImageFormat) throws(MetadataError) -> ContainerContents {
        switch format {
        case .jpeg: return try scanJPEG(bytes)
        case .png: return try scanPNG(bytes)
        case .webp: return try scanWebP(bytes)
        case .tiff: return try scanTIFF(bytes)
        }
    }
}
