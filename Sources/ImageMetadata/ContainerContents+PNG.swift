extension ContainerContents {
    private static let xmpKeyword: [UInt8] = Array("XML:com.adobe.xmp".utf8)

    /// Walks PNG chunks: IHDR (dimensions), eXIf (EXIF), iTXt `XML:com.adobe.xmp` (XMP).
    /// Chunk CRCs are checked; a bad one is a warning, as the chunk's data may still be usable.
    /// - Complexity: O(file size) for the CRCs; chunk bodies are otherwise only sliced.
    static func scanPNG(_ bytes: [UInt8], checkingImageData: Bool) throws(MetadataError) -> ContainerContents {
        let cursor = ByteCursor(bytes: bytes)
        var contents = ContainerContents()
        var offset = 8
        var sawIHDR = false
        var sawIEND = false
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
                if length >= 8, let width = cursor.uint32BE(dataStart), let height = cursor.uint32BE(dataStart + 4) {
                    contents.width = Int(width)
                    contents.height = Int(height)
                    sawIHDR = true
                }
            case "eXIf":
                contents.setEXIFChunk(data)
            case "iTXt":
                if contents.xmp == nil, data.starts(with: xmpKeyword + [0]) {
                    contents.xmp = iTXtText(data, keywordLength: xmpKeyword.count, warnings: &contents.warnings)
                }
            case "IEND":
                sawIEND = true
            default:
                break
            }
            if sawIEND { break }
            offset = dataStart + length + 4
        }
        guard sawIHDR else {
            throw .corrupt(format: "PNG", detail: "no readable IHDR chunk")
        }
        if !sawIEND {
            contents.warnings.append("PNG: no IEND chunk (file truncated?)")
        }
        return contents
    }

    /// The text of an uncompressed iTXt chunk: keyword\0, compression flag, method,
    /// language\0, translated keyword\0, text.
    private static func iTXtText(_ data: ArraySlice<UInt8>, keywordLength: Int, warnings: inout [String]) -> ArraySlice<UInt8>? {
        var index = data.startIndex + keywordLength + 1
        guard data.endIndex - index >= 2 else { return nil }
        let compressed = data[index] != 0
        index += 2
        for _ in 0..<2 {
            guard let zero = data[index...].firstIndex(of: 0) else { return nil }
            index = zero + 1
        }
        if compressed {
            // Foundation on Linux has no zlib inflate; compressed XMP is rare in practice.
            warnings.append("PNG: compressed XMP iTXt chunk not read")
            return nil
        }
        return data[index...]
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
