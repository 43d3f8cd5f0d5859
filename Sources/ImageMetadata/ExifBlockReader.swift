/// Runs libexif over one EXIF block and turns the result into tags.
enum ExifBlockReader {
    struct Result {
        var tags: [MetadataTag] = []
        var thumbnail: [UInt8]?
        var xmpPacket: [UInt8]?
        var warnings: [String] = []
    }

    /// libexif reads at most 0xFFFE bytes including the 6-byte "Exif\0\0" header.
    static let libexifLimit = 0xFFFE - 6

    /// Decodes `tiff` (a TIFF-structured block starting at its byte-order mark).
    /// - Parameters:
    ///   - fileOffset: where `tiff` starts in the file, for file-relative offsets.
    ///   - isTIFFFile: the block is a whole TIFF file, which may exceed libexif's limit.
    static func read(_ tiff: ArraySlice<UInt8>, fileOffset: Int, isTIFFFile: Bool) -> Result {
        var result = Result()
        var block = Array(tiff)
        if block.count > libexifLimit {
            if let compact = TIFFCompactor.compact(block) {
                block = compact
            } else {
                result.warnings.append("EXIF: block of \(block.count) bytes exceeds libexif's 64 KiB limit; tags past it are lost")
            }
        }
        guard let handle = ExifDataHandle() else {
            result.warnings.append("EXIF: libexif could not allocate")
            return result
        }
        let parsed = handle.load(Array("Exif\0\0".utf8) + block)
        result.warnings += parsed.warnings
        let decoder = ExifTagDecoder(bigEndian: parsed.bigEndian, fileOffset: fileOffset)
        // exiftool's order: IFD0, ExifIFD, InteropIFD, GPS, IFD1.
        let directoryOrder: [ExifDirectory] = [.ifd0, .exif, .interop, .gps, .ifd1]
        for directory in directoryOrder {
            for entry in parsed.entries where entry.directory == directory {
                if entry.tag == 0x02BC && directory == .ifd0 { result.xmpPacket = entry.data; continue }
                if let tag = decoder.tag(for: entry) { result.tags.append(tag) }
            }
        }
        if let thumbnail = parsed.thumbnail {
            result.thumbnail = thumbnail
            result.tags.append(MetadataTag(group: "IFD1", name: "ThumbnailImage",
                                           value: .string("(Binary data \(thumbnail.count) bytes, use -b option to extract)")))
        }
        return result
    }
}
