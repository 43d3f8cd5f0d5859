extension ContainerContents {
    /// Walks PNG chunks: IHDR (dimensions and header fields), eXIf (EXIF), text chunks
    /// (tEXt, zTXt, iTXt: tags, or the XMP, EXIF or IPTC block they carry), and the small
    /// ancillary chunks exiftool reports (tIME, pHYs, gAMA, …). Tags are kept in file order,
    /// with the place where each metadata block was found.
    /// Chunk CRCs are checked; a bad one is a warning, as the chunk's data may still be usable.
    /// - Complexity: O(file size) for the CRCs; chunk bodies are otherwise only sliced.
    static func scanPNG(_ bytes: [UInt8], checkingImageData: Bool) throws(MetadataError) -> ContainerContents {
        let cursor = ByteCursor(bytes: bytes)
        var contents = ContainerContents()
        var offset = 8
        var colorType: UInt8?
        var sawIEND = false
        var inflateBudget = 2 * Inflate.maxOutput
        while offset + 8 <= bytes.count {
            guard let length32 = cursor.uint32BE(offset), let typeBytes = cursor.slice(offset + 4, count: 4) else { break }
            let type = String(decoding: typeBytes, as: UTF8.self)
            let length = Int(length32)
            let dataStart = offset + 8
            guard length <= bytes.count - dataStart else {
                contents.warnings.append("PNG: \(type) chunk at offset \(offset) runs past the end of the file")
                break
            }
            let data = bytes[dataStart..<dataStart + length]
            if !checkingImageData && type == "IDAT" {
                // Skipped on request: see ContainerContents.scan.
            } else if let stored = cursor.uint32BE(dataStart + length) {
                if CRC32.checksum(bytes[(offset + 4)..<(dataStart + length)]) != stored {
                    contents.warnings.append("PNG: \(type): CRC error")
                }
            } else {
                contents.warnings.append("PNG: \(type) chunk at offset \(offset) has no CRC (file truncated)")
            }
            switch type {
            case "IHDR":
                if colorType == nil, length >= 13, let width = cursor.uint32BE(dataStart), let height = cursor.uint32BE(dataStart + 4) {
                    contents.width = Int(width)
                    contents.height = Int(height)
                    colorType = data[dataStart + 9]
                    contents.formatTags += PNGChunks.headerTags(data)
                }
            case "eXIf":
                if contents.exif == nil {
                    contents.blockPlaces.append((.exif, contents.formatTags.count))
                    contents.setEXIFChunk(data)
                    // exiftool gives a PNG's EXIF offsets from the chunk's start, not the file's.
                    contents.exifFileOffset = 0
                }
            case "tEXt", "zTXt", "iTXt":
                guard let text = PNGChunks.text(type: type, data: data, budget: &inflateBudget, warnings: &contents.warnings) else { break }
                switch PNGChunks.embedded(text, warnings: &contents.warnings) {
                case nil:
                    contents.formatTags.append(PNGChunks.tag(text))
                case .exif(let block)?:
                    if contents.exif == nil {
                        contents.exif = block[...]
                        contents.blockPlaces.append((.exif, contents.formatTags.count))
                    }
                case .xmp(let packet)?:
                    if contents.xmp == nil {
                        contents.xmp = packet[...]
                        contents.blockPlaces.append((.xmp, contents.formatTags.count))
                    }
                case .iptc(let block)?:
                    if contents.iptc == nil {
                        contents.iptc = block[...]
                        contents.blockPlaces.append((.iptc, contents.formatTags.count))
                    }
                case .skipped?:
                    break
                }
            case "iCCP":
                // Its name, then the profile itself: a compression byte and a zlib stream.
                if let zero = data.firstIndex(of: 0) {
                    let name = LegacyText.windows1252(data[data.startIndex..<zero])
                    contents.formatTags.append(MetadataTag(group: "PNG", name: "ProfileName", value: .string(name)))
                    if contents.icc == nil, zero + 2 < data.endIndex, inflateBudget > 0,
                       case .success(let profile) = Inflate.inflate(data[(zero + 2)...], limit: min(Inflate.maxOutput, inflateBudget)) {
                        inflateBudget -= profile.count
                        contents.icc = profile
                        contents.blockPlaces.append((.icc, contents.formatTags.count))
                    }
                }
            case "IEND":
                sawIEND = true
            default:
                contents.formatTags += PNGChunks.tags(type: type, data: data, colorType: colorType)
            }
            if sawIEND { break }
            offset = dataStart + length + 4
        }
        guard colorType != nil else {
            throw .corrupt(format: "PNG", detail: "no readable IHDR chunk")
        }
        if !sawIEND {
            contents.warnings.append("PNG: no IEND chunk (file truncated?)")
        }
        contents.keepLastOfEachPNGTag()
        return contents
    }

    /// Of chunks that give one tag twice, the last one found is the one exiftool shows: keep
    /// only that one, in its place in file order, and move the blocks' places to match.
    /// - Complexity: O(number of tags).
    private mutating func keepLastOfEachPNGTag() {
        var seen = Set<String>()
        var keep = [Bool](repeating: false, count: formatTags.count)
        for index in formatTags.indices.reversed() where seen.insert(formatTags[index].groupedName).inserted { keep[index] = true }
        guard keep.contains(false) else { return }
        // keptBefore[i]: how many kept tags come before position i.
        var keptBefore = [Int](repeating: 0, count: formatTags.count + 1)
        for index in formatTags.indices { keptBefore[index + 1] = keptBefore[index] + (keep[index] ? 1 : 0) }
        for index in blockPlaces.indices { blockPlaces[index].at = keptBefore[blockPlaces[index].at] }
        formatTags = formatTags.indices.filter { keep[$0] }.map { formatTags[$0] }
    }
}

/// PNG's CRC-32 (ISO 3309), table-driven.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC of `bytes`.
    /// - Complexity: O(n).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { buffer in
                for byte in buffer {
                    crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
                }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
