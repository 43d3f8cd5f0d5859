public import ImageDecoding

/// Everything Imprint reads about one file without decoding its pixels.
public struct FileMetadata: Sendable {
    /// The container format, recognised from the magic bytes.
    public var format: ImageFormat?
    /// The file's size in bytes.
    public var fileSize: Int
    /// Lower-case hex SHA-256 of the whole file.
    public var sha256: String
    /// Lower-case hex MD5 of the whole file.
    public var md5: String
    /// Pixel width from the container header (JPEG SOF, PNG IHDR, WebP VP8/VP8L/VP8X, TIFF IFD0).
    public var imageWidth: Int?
    /// Pixel height from the container header.
    public var imageHeight: Int?
    /// EXIF Orientation as stored (0 is reported as-is; consumers should treat it as 1).
    public var orientation: Int?
    /// EXIF, XMP and Composite tags in exiftool's order, with exiftool's `-G1` groups.
    public var tags: [MetadataTag]
    /// The embedded EXIF (IFD1) JPEG thumbnail, if any.
    public var thumbnail: [UInt8]?
    /// For JPEG, the IJG quality (1–100) whose scaled standard tables best reproduce the DQT
    /// tables; nil for other formats or non-IJG-like tables.
    public var jpegQuality: Int?
    /// Non-fatal problems met while reading (libexif's complaints, clipped chunks, …).
    public var warnings: [String]
    /// A WebP in the extended format (a VP8X chunk), which exiftool calls "Extended WEBP".
    public var isExtendedWebP = false
    /// A multi-page TIFF's number of pages (exiftool's `File:PageCount`); nil otherwise.
    public var pageCount: Int?

    /// Creates a value; ``MetadataReader`` is the usual way to get one.
    public init(
        format: ImageFormat?, fileSize: Int, sha256: String, md5: String,
        imageWidth: Int? = nil, imageHeight: Int? = nil, orientation: Int? = nil,
        tags: [MetadataTag] = [], thumbnail: [UInt8]? = nil, jpegQuality: Int? = nil,
        warnings: [String] = []
    ) {
        self.format = format
        self.fileSize = fileSize
        self.sha256 = sha256
        self.md5 = md5
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.orientation = orientation
        self.tags = tags
        self.thumbnail = thumbnail
        self.jpegQuality = jpegQuality
        self.warnings = warnings
    }

    /// Orientation as a consumer should apply it: 1–8, with missing or out-of-range values as 1.
    public var effectiveOrientation: Int {
        guard let orientation, (1...8).contains(orientation) else { return 1 }
        return orientation
    }

    /// The value of the tag named `name` (in any group) that exiftool shows without groups:
    /// see ``keyedTags(grouped:)``.
    public func value(of name: String) -> TagValue? {
        tag(named: name)?.value
    }

    /// The tag that `name` shows without groups (``value(of:)``), with its group.
    public func tag(named name: String) -> MetadataTag? {
        var held: (tag: MetadataTag, priority: Int)?
        let priorityDirectory = self.priorityDirectory
        for tag in containerTags + tags where tag.name == name {
            let priority = shownPriority(tag, priorityDirectory: priorityDirectory)
            if let current = held, !Self.takesName(priority, from: current.priority) { continue }
            held = (tag, priority)
        }
        return held?.tag
    }

    /// The key/value pairs `imprint exif` prints after `SourceFile`, in exiftool's order.
    ///
    /// File-level facts come first under exiftool's names (`System:FileSize`, `File:FileType`,
    /// `File:MIMEType`, and the header dimensions in the group exiftool uses for the format:
    /// `File:` for JPEG, `PNG:`, `RIFF:` for WebP; TIFF's come from `IFD0`), then the EXIF and
    /// XMP tags, then Imprint's own additions under `Imprint:` (`SHA256`, `MD5`,
    /// `JPEGQualityEstimate`, `ThumbnailLength`, `Warning`), then `Composite:` tags.
    /// - Parameter grouped: true for `Group:Name` keys (exiftool `-G1`); false for bare names,
    ///   each name once, as exiftool shows them: tags are in file order and a later tag of a
    ///   name replaces an earlier one unless exiftool gives it a lower priority (a JPEG's IFD1,
    ///   the XMP namespaces that copy EXIF: ``priority(_:)``); a Composite tag always
    ///   replaces its namesake (the signed GPS coordinates).
    /// - Returns: Ordered pairs; keys are unique.
    public func keyedTags(grouped: Bool) -> [(key: String, value: TagValue)] {
        var all: [MetadataTag] = []
        all.append(MetadataTag(group: "System", name: "FileSize", value: .integer(Int64(fileSize))))
        all.append(contentsOf: containerTags)
        let composite = tags.filter { $0.group == "Composite" }
        all.append(contentsOf: tags.filter { $0.group != "Composite" })
        all.append(MetadataTag(group: "Imprint", name: "SHA256", value: .string(sha256)))
        all.append(MetadataTag(group: "Imprint", name: "MD5", value: .string(md5)))
        if let jpegQuality {
            all.append(MetadataTag(group: "Imprint", name: "JPEGQualityEstimate", value: .integer(Int64(jpegQuality))))
        }
        if let thumbnail {
            all.append(MetadataTag(group: "Imprint", name: "ThumbnailLength", value: .integer(Int64(thumbnail.count))))
        }
        if !warnings.isEmpty {
            // One string, as exiftool's Warning is (jq filters written for it take a string);
            // several warnings are joined, none is dropped.
            all.append(MetadataTag(group: "Imprint", name: "Warning", value: .string(warnings.joined(separator: "; "))))
        }
        all.append(contentsOf: composite)

        var position: [String: (at: Int, priority: Int)] = [:]
        var result: [(key: String, value: TagValue)] = []
        result.reserveCapacity(all.count)
        let priorityDirectory = self.priorityDirectory
        for tag in all {
            let key = grouped ? tag.groupedName : tag.name
            let priority = shownPriority(tag, priorityDirectory: priorityDirectory)
            if let held = position[key] {
                if Self.takesName(priority, from: held.priority) {
                    result[held.at].value = tag.value
                    position[key] = (held.at, priority)
                }
            } else {
                position[key] = (result.count, priority)
                result.append((key, tag.value))
            }
        }
        return result
    }
}

extension FileMetadata {
    /// The file type and the header's dimensions under exiftool's names and groups.
    var containerTags: [MetadataTag] {
        guard let format else { return [] }
        var tags = [
            MetadataTag(group: "File", name: "FileType", value: .string(isExtendedWebP ? "Extended WEBP" : format.exiftoolFileType)),
            MetadataTag(group: "File", name: "FileTypeExtension", value: .string(format.exiftoolExtension)),
            MetadataTag(group: "File", name: "MIMEType", value: .string(format.mimeType)),
        ]
        if let group = format.dimensionGroup, let imageWidth, let imageHeight {
            tags.append(MetadataTag(group: group, name: "ImageWidth", value: .integer(Int64(imageWidth))))
            tags.append(MetadataTag(group: group, name: "ImageHeight", value: .integer(Int64(imageHeight))))
        }
        if let pageCount { tags.append(MetadataTag(group: "File", name: "PageCount", value: .integer(Int64(pageCount)))) }
        return tags
    }

    /// exiftool's rule: a later tag takes a name when its priority is at least the holder's,
    /// a holder of priority 0 counting as 1.
    static func takesName(_ priority: Int, from holder: Int) -> Bool {
        priority >= (holder == 0 ? 1 : holder)
    }

    /// ``priority(_:)``, except that Composite tags always win: without groups exiftool shows
    /// the Composite GPSLatitude, GPSLongitude and GPSAltitude, which carry the sign, over
    /// GPS's unsigned ones.
    func shownPriority(_ tag: MetadataTag, priorityDirectory: String?) -> Int {
        tag.group == "Composite" ? 2 : priority(tag, priorityDirectory: priorityDirectory)
    }

    /// exiftool's "priority directory": the first IFD whose SubfileType says it holds the
    /// full-resolution image (a TIFF's first page, usually IFD0); nil when none says so.
    var priorityDirectory: String? {
        tags.first { tag in
            (tag.name == "SubfileType" && tag.value.numericValue == 0) || (tag.name == "OldSubfileType" && tag.value.numericValue == 1)
        }?.group
    }

    /// The image-structure tags exiftool gives priority 0 outside the priority directory, so
    /// that a TIFF's first page, not its second, gives ImageWidth, ImageDescription,
    /// Orientation… without groups.
    static let imageStructureNames: Set<String> = [
        "ImageWidth", "ImageHeight", "BitsPerSample", "Compression", "PhotometricInterpretation", "ImageDescription",
        "Orientation", "SamplesPerPixel", "RowsPerStrip", "XResolution", "YResolution", "PlanarConfiguration",
        "ResolutionUnit", "PrimaryChromaticities", "YCbCrCoefficients", "YCbCrSubSampling", "YCbCrPositioning",
        "ReferenceBlackWhite", "WhiteBalance",
    ]

    /// exiftool's priority of a tag, which decides what a name shows without groups: 0 for a
    /// JPEG's IFD1 (its thumbnail; in a TIFF IFD1 is the second page), for the image-structure
    /// tags (``imageStructureNames``) outside the `priorityDirectory`, and for the XMP namespaces
    /// that only copy EXIF and TIFF tags (`XMP-tiff`, `XMP-exif`, `XMP-exifEX`, and
    /// xmp:CreateDate/ModifyDate, "not as reliable as actual EXIF tags"); −1 for JFIF's
    /// resolution, which anything later replaces; 2 for a JPEG's own size (`File:ImageWidth`
    /// from the frame header, which exiftool reads after the APP segments, so that it shows
    /// over an IFD0 ImageWidth that a converter left stale); 1 for the rest.
    func priority(_ tag: MetadataTag, priorityDirectory: String?) -> Int {
        switch tag.group {
        case "File" where format == .jpeg && (tag.name == "ImageWidth" || tag.name == "ImageHeight"): 2
        case "IFD1" where format == .jpeg: 0
        case _ where Self.imageStructureNames.contains(tag.name) && (tag.group.hasPrefix("IFD") || tag.group == "ExifIFD"):
            tag.group == priorityDirectory ? 1 : 0
        case "XMP-tiff", "XMP-exif", "XMP-exifEX": 0
        case "XMP-xmp": tag.name == "CreateDate" || tag.name == "ModifyDate" ? 0 : 1
        case "JFIF": tag.name == "JFIFVersion" ? 1 : -1
        default: 1
        }
    }
}

extension ImageFormat {
    /// exiftool's `FileType`.
    var exiftoolFileType: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .webp: "WEBP"
        case .tiff: "TIFF"
        }
    }

    /// exiftool's `FileTypeExtension` (upper case with `-n`).
    var exiftoolExtension: String {
        switch self {
        case .jpeg: "JPG"
        case .png: "PNG"
        case .webp: "WEBP"
        case .tiff: "TIF"
        }
    }

    /// The group exiftool reports header dimensions in; TIFF's come from IFD0 tags instead.
    var dimensionGroup: String? {
        switch self {
        case .jpeg: "File"
        case .png: "PNG"
        case .webp: "RIFF"
        case .tiff: nil
        }
    }
}
