/// Bounds-checked reads from a byte buffer; every read returns nil instead of trapping, so
/// hostile lengths and offsets can never index outside the buffer.
struct ByteCursor {
    let bytes: [UInt8]

    /// Big-endian 16-bit value at `offset`.
    func uint16BE(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    /// Little-endian 16-bit value at `offset`.
    func uint16LE(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        return UInt16(bytes[offset + 1]) << 8 | UInt16(bytes[offset])
    }

    /// Big-endian 32-bit value at `offset`.
    func uint32BE(_ offset: Int) -> UInt32? {
        guard offset >= 0, offset <= bytes.count - 4 else { return nil }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    /// Little-endian 32-bit value at `offset`.
    func uint32LE(_ offset: Int) -> UInt32? {
        guard offset >= 0, offset <= bytes.count - 4 else { return nil }
        return UInt32(bytes[offset + 3]) << 24 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset])
    }

    /// 16- or 32-bit value in the given byte order.
    func uint16(_ offset: Int, bigEndian: Bool) -> UInt16? {
        bigEndian ? uint16BE(offset) : uint16LE(offset)
    }

    /// 32-bit value in the given byte order.
    func uint32(_ offset: Int, bigEndian: Bool) -> UInt32? {
        bigEndian ? uint32BE(offset) : uint32LE(offset)
    }

    /// The bytes `offset..<offset+count`, or nil when any of them lies outside the buffer.
    func slice(_ offset: Int, count: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else { return nil }
        return bytes[offset..<offset + count]
    }

    /// Whether `magic` occurs at `offset`.
    func matches(_ magic: [UInt8], at offset: Int) -> Bool {
        guard let window = slice(offset, count: magic.count) else { return false }
        return window.elementsEqual(magic)
    }
}
