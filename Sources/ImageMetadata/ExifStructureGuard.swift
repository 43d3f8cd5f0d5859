/// Walks an EXIF block's IFD structure before libexif sees it: enforces the resource limits
/// and takes every MakerNote out of libexif's reach.
///
/// libexif interprets a MakerNote (tag 0x927C) on every `exif_data_load_data`, whatever its
/// options (`EXIF_DATA_OPTION_DONT_CHANGE_MAKER_NOTE` only affects saving), and its MakerNote
/// parsers are where most of its CVEs are. Imprint reports no MakerNote tag, so the guard sets
/// each MakerNote entry's component count to 0 in the caller's copy of the block; libexif then
/// drops the entry (a zero-size entry is never loaded) and finds no MakerNote to interpret.
/// The walk follows the same pointers libexif follows (ExifIFD, GPS and Interop pointers from
/// any IFD, IFD0's next pointer) by offset, so it reaches every IFD libexif could load.
enum ExifStructureGuard {
    /// Bounds on one EXIF block. Real camera blocks use 5 or 6 IFDs, depth 2, a few hundred
    /// entries and well under 64 KiB of values.
    struct Limits: Sendable {
        /// Distinct IFDs reached.
        var maxIFDs = 16
        /// Sub-IFD pointers followed in a row (IFD0 is depth 0, its ExifIFD depth 1).
        var maxDepth = 4
        /// Entries over all IFDs (each declared count is first cut to what fits the block).
        var maxEntries = 8_192
        /// Bytes of entry values libexif would copy out; overlapping entries can make this
        /// far larger than the block itself.
        var maxValueBytes = 1 << 20
        /// Bytes of the whole EXIF block (a TIFF file, or a PNG/WebP EXIF chunk).
        var maxBlockBytes = 64 << 20
        static let standard = Limits()
    }

    /// A limit the block broke; the block is then not handed to libexif at all.
    enum Violation: Error, Equatable, CustomStringConvertible {
        case tooManyIFDs(limit: Int)
        case tooDeep(limit: Int)
        case tooManyEntries(limit: Int)
        case tooManyValueBytes(limit: Int)
        case blockTooLarge(bytes: Int, limit: Int)

        var description: String {
            switch self {
            case .tooManyIFDs(let limit): "EXIF not read: more than \(limit) IFDs"
            case .tooDeep(let limit): "EXIF not read: sub-IFD pointers nested deeper than \(limit)"
            case .tooManyEntries(let limit): "EXIF not read: more than \(limit) IFD entries"
            case .tooManyValueBytes(let limit): "EXIF not read: entry values exceed \(limit) bytes"
            case .blockTooLarge(let bytes, let limit): "EXIF not read: block of \(bytes) bytes exceeds \(limit) bytes"
            }
        }
    }

    /// What the walk found.
    struct Summary: Equatable {
        var ifds = 0
        var entries = 0
        var valueBytes = 0
        /// MakerNote entries neutralised.
        var makerNotes = 0
    }

    static let makerNoteTag: UInt16 = 0x927C
    /// Pointers libexif follows from any IFD: ExifIFD, GPS, Interop.
    static let subIFDPointers: Set<UInt16> = [0x8769, 0x8825, 0xA005]

    /// Checks `block` (TIFF-structured, starting at "II"/"MM") against `limits` and zeroes the
    /// component count of every MakerNote entry in it.
    /// - Throws: the first ``Violation``; `block` may then be partly rewritten and must not be
    ///   parsed.
    /// - Complexity: O(entries walked), at most `maxIFDs` × (block size / 12).
    @discardableResult
    static func sanitize(_ block: inout [UInt8], limits: Limits = .standard) throws(Violation) -> Summary {
        guard block.count <= limits.maxBlockBytes else {
            throw .blockTooLarge(bytes: block.count, limit: limits.maxBlockBytes)
        }
        var summary = Summary()
        guard block.count >= 8, block[0] == block[1], block[0] == 0x49 || block[0] == 0x4D else { return summary }
        let bigEndian = block[0] == 0x4D
        let cursor = ByteCursor(bytes: block)
        guard let ifd0 = cursor.uint32(4, bigEndian: bigEndian).map(Int.init) else { return summary }

        var visited = Set<Int>()
        var makerNoteCountFields: [Int] = []
        // Depth-first over (offset, depth); IFD1 (IFD0's next pointer) is at depth 0 too.
        var pending: [(offset: Int, depth: Int, followNext: Bool)] = [(ifd0, 0, true)]
        while let (offset, depth, followNext) = pending.popLast() {
            guard offset > 0, offset < block.count, visited.insert(offset).inserted,
                  let declared = cursor.uint16(offset, bigEndian: bigEndian) else { continue }
            summary.ifds += 1
            guard summary.ifds <= limits.maxIFDs else { throw .tooManyIFDs(limit: limits.maxIFDs) }
            let count = min(Int(declared), (block.count - offset - 2) / 12)
            summary.entries += count
            guard summary.entries <= limits.maxEntries else { throw .tooManyEntries(limit: limits.maxEntries) }
            for index in 0..<count {
                let at = offset + 2 + 12 * index
                guard let tag = cursor.uint16(at, bigEndian: bigEndian),
                      let type = cursor.uint16(at + 2, bigEndian: bigEndian),
                      let components = cursor.uint32(at + 4, bigEndian: bigEndian),
                      let field = cursor.uint32(at + 8, bigEndian: bigEndian) else { continue }
                if subIFDPointers.contains(tag) {
                    guard depth < limits.maxDepth else { throw .tooDeep(limit: limits.maxDepth) }
                    pending.append((Int(field), depth + 1, false))
                    continue
                }
                if tag == makerNoteTag { makerNoteCountFields.append(at + 4); continue }
                summary.valueBytes += loadedSize(type: type, components: components, field: field, entryAt: at, blockCount: block.count)
                guard summary.valueBytes <= limits.maxValueBytes else { throw .tooManyValueBytes(limit: limits.maxValueBytes) }
            }
            if followNext, let next = cursor.uint32(offset + 2 + 12 * count, bigEndian: bigEndian), next != 0 {
                pending.append((Int(next), depth, false))
            }
        }
        for field in makerNoteCountFields {
            block.replaceSubrange(field..<field + 4, with: [0, 0, 0, 0])
        }
        summary.makerNotes = makerNoteCountFields.count
        return summary
    }

    /// The bytes libexif would copy for one entry: 0 when it would refuse the entry.
    private static func loadedSize(type: UInt16, components: UInt32, field: UInt32, entryAt: Int, blockCount: Int) -> Int {
        let sizes: [UInt16: Int] = [1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8]
        guard let unit = sizes[type] else { return 0 }
        let (size, overflow) = Int(components).multipliedReportingOverflow(by: unit)
        guard !overflow, size > 0 else { return 0 }
        let start = size > 4 ? Int(field) : entryAt + 8
        guard start < blockCount, size <= blockCount - start else { return 0 }
        return size
    }
}
