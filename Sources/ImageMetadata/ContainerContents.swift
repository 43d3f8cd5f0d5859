internal import ImageDecoding

/// The metadata blocks a container can hold.
enum MetadataBlock {
    case exif, iptc, xmp, icc
}

/// What the container walk found: the raw metadata blocks and header facts, before any of it
/// is interpreted.
struct ContainerContents {
    /// The TIFF-structured EXIF block (starting at the "II"/"MM" byte-order mark).
    var exif: ArraySlice<UInt8>?
    /// Where `exif` starts in the file, to report offsets as exiftool does (file-relative).
    var exifFileOffset: Int = 0
    /// The XMP packet bytes (UTF-8 XML).
    var xmp: ArraySlice<UInt8>?
    /// A JPEG's extended XMP (the part of a packet past 64 kB, in APP1 chunks), put together
    /// when the main packet names its GUID and every byte came.
    var extendedXMP: [UInt8]?
    /// Pixel dimensions from the header.
    var width: Int?
    var height: Int?
    /// The IPTC-IIM block (JPEG APP13 Photoshop resource 0x0404), if any.
    var iptc: ArraySlice<UInt8>?
    /// The embedded ICC profile, whole (a JPEG's APP2 chunks joined, a PNG's inflated).
    var icc: [UInt8]?
    /// A WebP with a VP8X chunk (alpha, animation, EXIF/XMP): exiftool's "Extended WEBP".
    var isExtendedWebP = false
    /// JPEG quantization tables by slot (0–3), 64 values each in natural (row-major) order.
    var quantizationTables: [Int: [Int]] = [:]
    /// Tags the container itself holds (PNG's header fields and ancillary chunks), in file
    /// order, in exiftool's groups.
    var formatTags: [MetadataTag] = []
    /// Where among `formatTags` the metadata blocks were found (the count of tags before
    /// each), in file order, so that their tags can be put in file order too: of several tags
    /// with one name, exiftool shows the last one found (``FileMetadata/keyedTags(grouped:)``).
    /// Blocks without a place (WebP's, TIFF's) come in the order EXIF, XMP, IPTC.
    var blockPlaces: [(block: MetadataBlock, at: Int)] = []
    /// Damage found while walking.
    var warnings: [String] = []

    /// Records a PNG `eXIf` or WebP `EXIF` chunk as the EXIF block. Some writers keep JPEG's
    /// "Exif\0\0" prefix there; exiftool accepts both, and so do we.
    mutating func setEXIFChunk(_ data: ArraySlice<UInt8>) {
        guard exif == nil else { return }
        let prefix: [UInt8] = Array("Exif\0\0".utf8)
        let block = data.starts(with: prefix) ? data.dropFirst(prefix.count) : data
        exif = block
        exifFileOffset = block.startIndex
    }

    /// Walks the container of `format`. Never throws for damage past the header: what was read
    /// is kept and the damage becomes a warning.
    /// - Parameter checkingImageData: also verify the CRCs of PNG image data (IDAT), which is
    ///   O(file size); a caller that only wants a tag, and decodes the pixels with libpng
    ///   anyway, passes false.
    static func scan(_ bytes: [UInt8], format: ImageFormat, checkingImageData: Bool = true) throws(MetadataError) -> ContainerContents {
        switch format {
        case .jpeg: return try scanJPEG(bytes)
        case .png: return try scanPNG(bytes, checkingImageData: checkingImageData)
        case .webp: return try scanWebP(bytes)
        case .tiff: return try scanTIFF(bytes)
        }
    }
}
