internal import ImageDecoding

/// Reads metadata (EXIF through libexif, XMP, header facts, hashes) from an image file's bytes.
public enum MetadataReader {
    /// Everything Imprint knows about one file.
    /// - Parameter bytes: the whole file.
    /// - Returns: the metadata; per-file damage that still allowed reading is in `warnings`.
    /// - Throws: ``MetadataError`` when the file is empty, of an unknown format, or too broken
    ///   to read anything.
    public static func read(_ bytes: [UInt8]) throws(MetadataError) -> FileMetadata {
        guard !bytes.isEmpty else { throw .empty }
        guard let format = ImageFormat(sniffing: bytes) else {
            throw .unsupportedFormat(magic: Array(bytes.prefix(12)))
        }
        let contents = try ContainerContents.scan(bytes, format: format)
        let digests = FileDigests(of: bytes)
        var metadata = FileMetadata(
            format: format, fileSize: bytes.count, sha256: digests.sha256, md5: digests.md5,
            imageWidth: contents.width, imageHeight: contents.height,
            warnings: contents.warnings)
        metadata.isExtendedWebP = contents.isExtendedWebP

        var exifTags: [MetadataTag] = []
        var xmpPacket = contents.xmp
        var iptcBlock = contents.iptc
        var iccProfile = contents.icc
        if let exif = contents.exif {
            let decoded = ExifBlockReader.read(exif, fileOffset: contents.exifFileOffset, isTIFFFile: format == .tiff)
            exifTags = decoded.tags
            metadata.thumbnail = decoded.thumbnail
            metadata.warnings += decoded.warnings
            if xmpPacket == nil, let packet = decoded.xmpPacket { xmpPacket = packet[...] }
            // A TIFF's IPTC lives in IFD0 (tag 33723); in other formats that tag is not where
            // IPTC belongs, and exiftool's digest covers only the standard place.
            if format == .tiff, iptcBlock == nil, let data = decoded.iptcData { iptcBlock = data[...] }
            if iccProfile == nil, format != .tiff { iccProfile = decoded.iccData }
        }
        metadata.orientation = ifd0Integer("Orientation", in: exifTags)
        if format == .tiff {
            metadata.imageWidth = ifd0Integer("ImageWidth", in: exifTags)
            metadata.imageHeight = ifd0Integer("ImageHeight", in: exifTags)
            if let exif = contents.exif {
                let file = Array(exif)
                metadata.pageCount = ExifBlockReader.pageCount(file)
                // A TIFF's profile is read from the file (libexif may not get it whole).
                if iccProfile == nil { iccProfile = ExifBlockReader.ifd0Bytes(file, tag: 0x8773) }
            }
        }
        var xmpTags: [MetadataTag] = []
        if let xmpPacket {
            xmpTags = XMPParser.tags(in: xmpPacket, warnings: &metadata.warnings)
        }
        if let extended = contents.extendedXMP {
            xmpTags += XMPParser.tags(in: extended, warnings: &metadata.warnings)
        }
        let iptcTags = iptcBlock.map { IPTCReader.tags(in: $0, warnings: &metadata.warnings) } ?? []
        var iccTags: [MetadataTag] = []
        if let iccProfile {
            let read = ICCProfile.tags(iccProfile)
            iccTags = read.tags
            metadata.warnings += read.warnings
        }
        let blockTags: [MetadataBlock: [MetadataTag]] = [.exif: exifTags, .iptc: iptcTags, .xmp: xmpTags, .icc: iccTags]
        var fileTags: [MetadataTag] = []
        if let exif = contents.exif, exif.starts(with: [0x49, 0x49]) || exif.starts(with: [0x4D, 0x4D]) {
            fileTags.append(MetadataTag(group: "File", name: "ExifByteOrder", value: .string(exif.first == 0x49 ? "II" : "MM")))
        }
        if let iptcBlock, !iptcTags.isEmpty, format == .jpeg || format == .tiff {
            // exiftool's digest of standard IPTC (a JPEG's APP13, a TIFF's IFD0), by which it
            // tells whether the IPTC was edited.
            fileTags.append(MetadataTag(group: "File", name: "CurrentIPTCDigest", value: .string(FileDigests.md5Hex(of: iptcBlock))))
        }
        metadata.tags = fileTags + inFileOrder(contents.formatTags, blocks: blockTags, places: contents.blockPlaces)
            + GPSComposite.tags(from: exifTags + xmpTags)
        // The other Composites work on the tags as exiftool shows them without groups.
        let shown = Dictionary(metadata.keyedTags(grouped: false).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        metadata.tags += ExifComposites.tags(shown: shown, exif: exifTags)
        if format == .jpeg {
            metadata.jpegQuality = JPEGQuality.estimate(contents.quantizationTables)
        }
        return metadata
    }

    /// The EXIF Orientation (IFD0) alone, without hashing the file.
    /// - Returns: the stored value (possibly 0 or out of range), or nil when there is none or the
    ///   format is not recognised.
    public static func orientation(in bytes: [UInt8]) -> Int? {
        guard let format = ImageFormat(sniffing: bytes),
              let contents = try? ContainerContents.scan(bytes, format: format, checkingImageData: false),
              let exif = contents.exif else { return nil }
        let decoded = ExifBlockReader.read(exif, fileOffset: contents.exifFileOffset, isTIFFFile: format == .tiff)
        return ifd0Integer("Orientation", in: decoded.tags)
    }

    /// The container's own tags with each block's tags spliced in where the block was found.
    /// Blocks without a recorded place come first, as TIFF (tags 700 then 33723) and WebP
    /// (chunks `EXIF` then `XMP `) hold them: EXIF, XMP, IPTC, ICC.
    private static func inFileOrder(_ formatTags: [MetadataTag], blocks: [MetadataBlock: [MetadataTag]],
                                    places: [(block: MetadataBlock, at: Int)]) -> [MetadataTag] {
        let placed = Set(places.map(\.block))
        var result = [MetadataBlock.exif, .xmp, .iptc, .icc].filter { !placed.contains($0) }.flatMap { blocks[$0] ?? [] }
        var next = 0
        for place in places {
            result += formatTags[next..<place.at]
            next = place.at
            result += blocks[place.block] ?? []
        }
        return result + formatTags[next...]
    }

    /// The integer value of IFD0 tag `name`, if present.
    private static func ifd0Integer(_ name: String, in tags: [MetadataTag]) -> Int? {
        // (A hostile file's value may be "inf" or beyond Int's range, which Int() traps on:
        // found by scripts/fuzz.)
        tags.first { $0.group == "IFD0" && $0.name == name }?.value.numericValue.flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0) : nil }
    }
}
