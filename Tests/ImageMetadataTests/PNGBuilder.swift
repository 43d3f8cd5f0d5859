import Foundation

/// Builds small PNG files in tests, with correct CRCs, so fixtures are made by construction.
enum PNGBuilder {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(UInt32(data.count)) + body + be32(crc32(body))
    }

    /// A valid 8-bit grey PNG of the given size (all-zero pixels, stored uncompressed in zlib).
    static func png(width: Int, height: Int, extraChunks: [[UInt8]]) -> [UInt8] {
        var ihdr = be32(UInt32(width)) + be32(UInt32(height))
        ihdr += [8, 0, 0, 0, 0]
        let raw = [UInt8](repeating: 0, count: (width + 1) * height)
        // zlib stream with one stored block; Adler-32 of zeros is (1, n) → 0x0001 + n<<16.
        var zlib: [UInt8] = [0x78, 0x01, 0x01]
        let length = UInt16(raw.count)
        zlib += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        zlib += raw
        let adler = UInt32(raw.count % 65521) << 16 | 1
        zlib += be32(adler)
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += chunk("IHDR", ihdr)
        for extra in extraChunks { file += extra }
        file += chunk("IDAT", zlib)
        file += chunk("IEND", [])
        return file
    }
}
