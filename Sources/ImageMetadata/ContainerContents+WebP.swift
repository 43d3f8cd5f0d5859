extension ContainerContents {
    /// Walks WebP RIFF chunks: VP8X/VP8/VP8L (dimensions, flags, the VP8 version and scales),
    /// `EXIF`, `XMP `.
    /// - Complexity: O(number of chunks).
    static func scanWebP(_ bytes: [UInt8]) throws(MetadataError) -> ContainerContents {
        let cursor = ByteCursor(bytes: bytes)
        var contents = ContainerContents()
        var end = bytes.count
        if let riffSize = cursor.uint32LE(4) {
            let declared = Int(riffSize) + 8
            if declared > bytes.count {
                contents.warnings.append("WebP: RIFF size \(declared) exceeds the file size \(bytes.count)")
            } else {
                end = declared
            }
        }
        var offset = 12
        while offset + 8 <= end {
            guard let typeBytes = cursor.slice(offset, count: 4), let size32 = cursor.uint32LE(offset + 4) else { break }
            let type = String(decoding: typeBytes, as: UTF8.self)
            let dataStart = offset + 8
            var size = Int(size32)
            if size > end - dataStart {
                contents.warnings.append("WebP: \(type) chunk at offset \(offset) runs past the end of the file")
                size = end - dataStart
            }
            let data = bytes[dataStart..<dataStart + size]
            switch type {
            case "VP8X":
                contents.isExtendedWebP = true
                if let flags = cursor.uint32LE(dataStart), size >= 4 {
                    contents.formatTags.append(MetadataTag(group: "RIFF", name: "WebP_Flags", value: .integer(Int64(flags))))
                }
                if size >= 10 {
                    contents.width = 1 + (Int(data[dataStart + 4]) | Int(data[dataStart + 5]) << 8 | Int(data[dataStart + 6]) << 16)
                    contents.height = 1 + (Int(data[dataStart + 7]) | Int(data[dataStart + 8]) << 8 | Int(data[dataStart + 9]) << 16)
                }
            case "VP8 ":
                if size >= 10, data[dataStart + 3] == 0x9D, data[dataStart + 4] == 0x01, data[dataStart + 5] == 0x2A,
                   let width = cursor.uint16LE(dataStart + 6), let height = cursor.uint16LE(dataStart + 8) {
                    if contents.width == nil {
                        contents.width = Int(width & 0x3FFF)
                        contents.height = Int(height & 0x3FFF)
                    }
                    contents.formatTags += [
                        MetadataTag(group: "RIFF", name: "VP8Version", value: .integer(Int64((data[dataStart] & 0x0E) >> 1))),
                        MetadataTag(group: "RIFF", name: "HorizontalScale", value: .integer(Int64(width >> 14))),
                        MetadataTag(group: "RIFF", name: "VerticalScale", value: .integer(Int64(height >> 14))),
                    ]
                }
            case "VP8L":
                if contents.width == nil, size >= 5, data[dataStart] == 0x2F, let bits = cursor.uint32LE(dataStart + 1) {
                    contents.width = Int(bits & 0x3FFF) + 1
                    contents.height = Int((bits >> 14) & 0x3FFF) + 1
                }
            case "ICCP":
                if contents.icc == nil {
                    contents.icc = Array(data)
                    contents.blockPlaces.append((.icc, contents.formatTags.count))
                }
            case "EXIF":
                contents.setEXIFChunk(data)
            case "XMP ":
                if contents.xmp == nil { contents.xmp = data }
            default:
                break
            }
            offset = dataStart + size + (size & 1)
        }
        if contents.width == nil {
            contents.warnings.append("WebP: no VP8X, VP8 or VP8L header found")
        }
        return contents
    }
}
