/// Extended XMP (XMP specification part 3, 1.1.3.1): a JPEG's packet past 64 kB is split into
/// a main packet, which names the rest by the GUID in `xmpNote:HasExtendedXMP`, and chunks in
/// APP1 segments that each carry that GUID, the full length and their offset. Photoshop and
/// Lightroom move long histories, ancestors and captions there; exiftool reads them back.
struct ExtendedXMP {
    /// The full length every chunk of this GUID declares.
    let total: Int
    /// The chunks as they came: slices of the file, copied only when put together.
    var chunks: [(offset: Int, data: ArraySlice<UInt8>)] = []

    /// Files a chunk (the segment after its signature: GUID, length, offset, data) under its
    /// GUID; a chunk that does not fit its declared length, or a file, is passed over.
    static func add(_ chunk: ArraySlice<UInt8>, to found: inout [String: ExtendedXMP], fileSize: Int) {
        guard chunk.count >= 40 else { return }
        let start = chunk.startIndex
        guard let guid = hexGUID(chunk[start..<start + 32]) else { return }
        func uint32(_ at: Int) -> Int { chunk[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let total = uint32(start + 32), offset = uint32(start + 36)
        let data = chunk.dropFirst(40)
        guard total > 0, total <= fileSize, offset <= total - data.count else { return }
        var entry = found[guid] ?? ExtendedXMP(total: total)
        guard entry.total == total else { return }
        entry.chunks.append((offset, data))
        found[guid] = entry
    }

    /// The GUID the main packet names in `xmpNote:HasExtendedXMP`, as an element or an attribute.
    static func guid(in packet: ArraySlice<UInt8>) -> String? {
        let name = Array("HasExtendedXMP".utf8)
        guard let at = packet.indices.first(where: { packet[$0...].starts(with: name) }) else { return nil }
        // The value follows within a few bytes: `="` or `>`.
        var index = at + name.count
        while index < packet.endIndex, index - at < name.count + 8 {
            if let guid = index + 32 <= packet.endIndex ? hexGUID(packet[index..<index + 32]) : nil { return guid }
            index += 1
        }
        return nil
    }

    /// The extended packet the main one names, put together, or nil (with a warning) when it
    /// names none of the chunks found, or chunks are missing.
    static func packet(_ found: [String: ExtendedXMP], named guid: String?, warnings: inout [String]) -> [UInt8]? {
        let others = found.keys.filter { $0 != guid }.sorted()
        if guid == nil {
            warnings.append("XMP: extended XMP chunks, but the main packet names none (HasExtendedXMP); not read")
        } else if !others.isEmpty {
            warnings.append("XMP: extended XMP with GUID \(others.joined(separator: ", ")) is not the one the main packet names; not read")
        }
        guard let guid, let entry = found[guid] else { return nil }
        var bytes = [UInt8](repeating: 0, count: entry.total)
        var covered = 0
        for chunk in entry.chunks.sorted(by: { $0.offset < $1.offset }) {
            guard chunk.offset <= covered else { break }
            bytes.replaceSubrange(chunk.offset..<chunk.offset + chunk.data.count, with: chunk.data)
            covered = max(covered, chunk.offset + chunk.data.count)
        }
        guard covered == entry.total else {
            warnings.append("XMP: extended XMP \(guid) is missing chunks (\(covered) of \(entry.total) bytes in a row); not read")
            return nil
        }
        return bytes
    }

    /// 32 hexadecimal characters as a string, or nil.
    private static func hexGUID(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.count == 32, bytes.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }) else {
            return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
