/// Rewrites a large TIFF's metadata IFDs into a block libexif can read.
///
/// libexif caps EXIF data at 64 KiB (one JPEG APP1 segment), but a TIFF file's IFD0 often sits
/// after megabytes of pixel data. This copies IFD0 and IFD1, with their EXIF, GPS and Interop
/// sub-IFDs, into a fresh TIFF in the same byte order, leaving the pixels behind. Entry values
/// are copied byte for byte, so what libexif then reads is what the file holds; offsets *into*
/// the pixel data (StripOffsets) keep their original values, which is what exiftool reports.
enum TIFFCompactor {
    private static let subIFDPointers: Set<UInt16> = [0x8769, 0x8825, 0xA005]
    /// Values we never report (ICC, Photoshop, MakerNote…); their bytes are not copied. XMP
    /// (700) and IPTC (33723) are read from the copy, so they stay.
    private static let droppedValues: Set<UInt16> = ExifTagDecoder.skippedTags.subtracting([0x02BC, 0x83BB]).subtracting(subIFDPointers)
    /// Bytes per component for TIFF field types 1…12.
    private static let typeSizes: [Int] = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8]

    private struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: UInt32
        var value: ArraySlice<UInt8>
        /// For sub-IFD pointers: the pointed-to offset in the source.
        var pointer: Int?
    }

    /// The compacted block, or nil when the source is not a readable TIFF or the metadata alone
    /// exceeds libexif's limit.
    static func compact(_ tiff: [UInt8]) -> [UInt8]? {
        let cursor = ByteCursor(bytes: tiff)
        guard tiff.count >= 8 else { return nil }
        let bigEndian = tiff[0] == 0x4D
        guard let ifd0 = cursor.uint32(4, bigEndian: bigEndian) else { return nil }
        var writer = Writer(bigEndian: bigEndian)
        writer.output = Array(tiff[0..<4]) + [0, 0, 0, 0]
        var visited = Set<Int>()
        guard let (ifd0At, ifd0Next) = writer.copyIFD(at: Int(ifd0), from: cursor, visited: &visited) else { return nil }
        writer.patch(4, ifd0At)
        if let next = ifd0Next, let (ifd1At, _) = writer.copyIFD(at: next, from: cursor, visited: &visited) {
            writer.patch(ifd0At + 2 + 12 * writer.entryCounts[ifd0At, default: 0], ifd1At)
        }
        return writer.output.count <= ExifBlockReader.libexifLimit ? writer.output : nil
    }

    private struct Writer {
        let bigEndian: Bool
        var output: [UInt8] = []
        var entryCounts: [Int: Int] = [:]
        /// Limits the IFDs followed, whatever the pointers say.
        private var budget = 16

        init(bigEndian: Bool) { self.bigEndian = bigEndian }

        mutating func append16(_ value: UInt16) {
            output += bigEndian ? [UInt8(value >> 8), UInt8(value & 0xFF)] : [UInt8(value & 0xFF), UInt8(value >> 8)]
        }

        mutating func append32(_ value: UInt32) {
            let bytes = [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
            output += bigEndian ? bytes : bytes.reversed()
        }

        mutating func patch(_ offset: Int, _ value: Int) {
            let v = UInt32(truncatingIfNeeded: value)
            let bytes = [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
            let ordered = bigEndian ? bytes : bytes.reversed()
            guard offset >= 0, offset + 4 <= output.count else { return }
            for (i, byte) in ordered.enumerated() { output[offset + i] = byte }
        }

        /// Copies the IFD at `offset` (and its sub-IFDs); returns where it now starts and the
        /// source's next-IFD offset.
        mutating func copyIFD(at offset: Int, from cursor: ByteCursor, visited: inout Set<Int>) -> (Int, Int?)? {
            guard budget > 0, visited.insert(offset).inserted, let count16 = cursor.uint16(offset, bigEndian: bigEndian) else { return nil }
            budget -= 1
            let available = max(0, (cursor.bytes.count - offset - 2) / 12)
            let count = min(Int(count16), available)
            var entries: [Entry] = []
            for i in 0..<count {
                let at = offset + 2 + 12 * i
                guard let tag = cursor.uint16(at, bigEndian: bigEndian), let type = cursor.uint16(at + 2, bigEndian: bigEndian),
                      let components = cursor.uint32(at + 4, bigEndian: bigEndian),
                      Int(type) < TIFFCompactor.typeSizes.count, TIFFCompactor.typeSizes[Int(type)] > 0 else { continue }
                let (size, overflow) = Int(components).multipliedReportingOverflow(by: TIFFCompactor.typeSizes[Int(type)])
                guard !overflow else { continue }
                var value: ArraySlice<UInt8>
                if size <= 4 {
                    value = cursor.slice(at + 8, count: size) ?? []
                } else {
                    guard let valueOffset = cursor.uint32(at + 8, bigEndian: bigEndian),
                          let slice = cursor.slice(Int(valueOffset), count: size) else { continue }
                    value = slice
                }
                var entry = Entry(tag: tag, type: type, count: components, value: value)
                if TIFFCompactor.subIFDPointers.contains(tag) {
                    entry.pointer = cursor.uint32(at + 8, bigEndian: bigEndian).map(Int.init)
                } else if TIFFCompactor.droppedValues.contains(tag) {
                    continue
                }
                entries.append(entry)
            }
            let next = cursor.uint32(offset + 2 + 12 * count, bigEndian: bigEndian).map(Int.init).flatMap { $0 == 0 ? nil : $0 }

            if output.count % 2 == 1 { output.append(0) }
            let start = output.count
            entryCounts[start] = entries.count
            append16(UInt16(entries.count))
            let entriesStart = output.count
            output += [UInt8](repeating: 0, count: 12 * entries.count + 4)
            var pending: [(slot: Int, pointer: Int)] = []
            for (i, entry) in entries.enumerated() {
                let slot = entriesStart + 12 * i
                var header: [UInt8] = []
                swap(&output, &header)
                append16(entry.tag); append16(entry.type); append32(entry.count)
                swap(&output, &header)
                output.replaceSubrange(slot..<slot + 8, with: header)
                if let pointer = entry.pointer {
                    pending.append((slot + 8, pointer))
                } else if entry.value.count <= 4 {
                    output.replaceSubrange(slot + 8..<slot + 8 + entry.value.count, with: entry.value)
                } else {
                    if output.count % 2 == 1 { output.append(0) }
                    patch(slot + 8, output.count)
                    output += entry.value
                }
            }
            for (slot, pointer) in pending {
                if let (childStart, _) = copyIFD(at: pointer, from: cursor, visited: &visited) {
                    patch(slot, childStart)
                } else {
                    // Unreadable or already-visited target: point at an empty IFD instead.
                    if output.count % 2 == 1 { output.append(0) }
                    patch(slot, output.count)
                    output += [0, 0, 0, 0, 0, 0]
                }
            }
            return (start, next)
        }
    }
}
