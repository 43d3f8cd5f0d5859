/// Runs libexif over one EXIF block and turns the result into tags.
enum ExifBlockReader {
    struct Result {
        var tags: [MetadataTag] = []
        var thumbnail: [UInt8]?
        var xmpPacket: [UInt8]?
        /// IFD0's IPTC-NAA entry (tag 33723): how TIFF files carry IPTC-IIM.
        var iptcData: [UInt8]?
        /// IFD0's ICC profile (tag 34675, InterColorProfile): how TIFF files carry one.
        var iccData: [UInt8]?
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
        do {
            try ExifStructureGuard.sanitize(&block)
        } catch {
            result.warnings.append(error.description)
            return result
        }
        guard let handle = ExifDataHandle() else {
            result.warnings.append("EXIF: libexif is not installed (libexif.so.12) or could not allocate")
            return result
        }
        let parsed = handle.load(Array("Exif\0\0".utf8) + block)
        result.warnings += parsed.warnings
        // libexif follows IFD0's next pointer even when it leads back to IFD0, and would then
        // report IFD0's entries a second time as IFD1. exiftool refuses such a loop; so do we.
        let chain = nextPointerChain(block)
        var skipIFD1 = false
        var skipped = Set<ExifDirectory>()
        for problem in subIFDPointerProblems(block) {
            skipped.formUnion(problem.directories)
            result.warnings.append("EXIF: " + problem.message)
            // libexif's own complaint about the loop names the IFD it met again, not the pointer.
            if problem.message.contains("references previous") { result.warnings.removeAll { $0.contains("multiple times") } }
        }
        if chain.count >= 2, chain[1] == chain[0] {
            skipIFD1 = true
            result.warnings.append("EXIF: IFD1 pointer references previous IFD0 directory")
        } else if chain.count >= 3, chain[2] == chain[0] || chain[2] == chain[1] {
            result.warnings.append("EXIF: IFD2 pointer references previous IFD\(chain[2] == chain[0] ? 0 : 1) directory")
        }
        let decoder = ExifTagDecoder(bigEndian: parsed.bigEndian, fileOffset: fileOffset)
        // exiftool's order: IFD0, ExifIFD, InteropIFD, GPS, IFD1.
        let directoryOrder: [ExifDirectory] = [.ifd0, .exif, .interop, .gps, .ifd1]
        for directory in directoryOrder {
            if directory == .ifd1 && skipIFD1 || skipped.contains(directory) { continue }
            for entry in parsed.entries where entry.directory == directory {
                if entry.tag == 0x02BC && directory == .ifd0 { result.xmpPacket = entry.data; continue }
                if entry.tag == 0x83BB && directory == .ifd0 { result.iptcData = entry.data; continue }
                if entry.tag == 0x8773 && directory == .ifd0 { result.iccData = entry.data; continue }
                if let tag = decoder.tag(for: entry) { result.tags.append(tag) }
            }
        }
        // libexif takes IFD1's JPEGInterchangeFormat(Length) for the thumbnail and keeps no
        // entries for them; exiftool shows both (the offset file-relative). Read from the
        // block as it is in the file: a compacted TIFF's offsets are not the file's.
        if !skipIFD1, chain.count >= 2, block.count == tiff.count {
            for (tag, name) in [(UInt16(0x0201), "ThumbnailOffset"), (0x0202, "ThumbnailLength")]
            where !result.tags.contains(where: { $0.group == "IFD1" && $0.name == name }) {
                guard let value = integerEntry(block, ifd: chain[1], tag: tag) else { continue }
                result.tags.append(MetadataTag(group: "IFD1", name: name, value: .integer(Int64(value + (tag == 0x0201 ? fileOffset : 0)))))
            }
        }
        // libexif drops an entry of no bytes; exiftool shows a text one as "" (an empty
        // Copyright or ImageDescription is itself a fact). IFD0 and ExifIFD, from the block as
        // it is in the file; a MakerNote the guard emptied stays out.
        if block.count == tiff.count, let bigEndian = isBigEndian(block), let ifd0 = chain.first {
            let exifIFD = skipped.contains(.exif) ? nil : integerEntry(block, ifd: ifd0, tag: 0x8769)
            for (directory, offset) in [(ExifDirectory.ifd0, Optional(ifd0)), (.exif, exifIFD)] {
                guard let offset else { continue }
                for entry in entries(block, ifd: offset, bigEndian: bigEndian)
                where entry.count == 0 && (entry.type == 2 || entry.type == 7) && entry.tag != ExifStructureGuard.makerNoteTag
                    && !ExifTagDecoder.skippedTags.contains(entry.tag) {
                    let name = ExifTagNames.name(of: entry.tag, inGPS: false)
                    guard !name.hasPrefix("Exif_0x"), !result.tags.contains(where: { $0.group == directory.group && $0.name == name }) else { continue }
                    result.tags.append(MetadataTag(group: directory.group, name: name, value: .string("")))
                }
            }
        }
        if let thumbnail = parsed.thumbnail, !skipIFD1 {
            result.thumbnail = thumbnail
            result.tags.append(MetadataTag(group: "IFD1", name: "ThumbnailImage",
                                           value: .string("(Binary data \(thumbnail.count) bytes, use -b option to extract)")))
        }
        return result
    }

    /// Offsets of IFD0, IFD1 and IFD2 as the next-IFD pointers give them (at most three,
    /// stopping at 0 or at anything out of bounds).
    static func nextPointerChain(_ tiff: [UInt8]) -> [Int] {
        let cursor = ByteCursor(bytes: tiff)
        guard let bigEndian = isBigEndian(tiff) else { return [] }
        var chain: [Int] = []
        var offset = cursor.uint32(4, bigEndian: bigEndian).map(Int.init)
        while let current = offset, current != 0, chain.count < 3 {
            chain.append(current)
            guard let count = cursor.uint16(current, bigEndian: bigEndian) else { break }
            offset = cursor.uint32(current + 2 + 12 * Int(count), bigEndian: bigEndian).map(Int.init)
        }
        return chain
    }

    /// A multi-page TIFF's page count as exiftool gives it (`File:PageCount`), or nil when it
    /// is not multi-page: the IFDs along the next-pointer chain whose SubfileType is 0 (full
    /// resolution) or 2 (a page), or whose OldSubfileType is 1 or 3; multi-page when there
    /// are two or more, or one says "page". The walk stops at a loop or after 10,000 IFDs, and
    /// reads each IFD only up to its first tag past 0xFF (entries are sorted by tag), so a
    /// hostile chain of huge IFDs costs little.
    static func pageCount(_ tiff: [UInt8]) -> Int? {
        let cursor = ByteCursor(bytes: tiff)
        guard let bigEndian = isBigEndian(tiff) else { return nil }
        var pages = 0, multiPage = false
        var visited = Set<Int>()
        var offset = cursor.uint32(4, bigEndian: bigEndian).map(Int.init)
        while let current = offset, current != 0, visited.count < 10_000, visited.insert(current).inserted {
            guard let count = cursor.uint16(current, bigEndian: bigEndian) else { break }
            var subfile: Int?, old: Int?
            for index in 0..<Int(count) {
                let at = current + 2 + 12 * index
                guard let tag = cursor.uint16(at, bigEndian: bigEndian), tag <= 0x00FF else { break }
                guard tag >= 0x00FE, cursor.uint32(at + 4, bigEndian: bigEndian) == 1,
                      let type = cursor.uint16(at + 2, bigEndian: bigEndian) else { continue }
                let value = integerValue(cursor, at: at, type: type, bigEndian: bigEndian)
                if tag == 0x00FE { subfile = value } else { old = value }
            }
            if let subfile, subfile == subfile & 0x02 {
                pages += 1
                multiPage = multiPage || subfile == 2
            } else if let old, old == 1 || old == 3 {
                pages += 1
                multiPage = multiPage || old == 3
            }
            offset = cursor.uint32(current + 2 + 12 * Int(count), bigEndian: bigEndian).map(Int.init)
        }
        return multiPage || pages > 1 ? pages : nil
    }

    /// The bytes of IFD0's entry `tag` of type UNDEFINED or BYTE in a TIFF file, read straight
    /// from the file: a TIFF's ICC profile (34675) can be larger than libexif reads at all.
    static func ifd0Bytes(_ tiff: [UInt8], tag wanted: UInt16) -> [UInt8]? {
        guard let bigEndian = isBigEndian(tiff), let ifd = ByteCursor(bytes: tiff).uint32(4, bigEndian: bigEndian).map(Int.init),
              let entry = entries(tiff, ifd: ifd, bigEndian: bigEndian).first(where: { $0.tag == wanted }),
              entry.type == 1 || entry.type == 7 else { return nil }
        let count = Int(entry.count)
        let start = count <= 4 ? entry.at + 8 : ByteCursor(bytes: tiff).uint32(entry.at + 8, bigEndian: bigEndian).map(Int.init) ?? -1
        guard start >= 0, count <= tiff.count, start <= tiff.count - count else { return nil }
        return Array(tiff[start..<start + count])
    }

    /// The TIFF header's byte order: true for `MM`, false for `II`, nil for neither.
    static func isBigEndian(_ tiff: [UInt8]) -> Bool? {
        guard tiff.count >= 8, tiff[0] == tiff[1], tiff[0] == 0x49 || tiff[0] == 0x4D else { return nil }
        return tiff[0] == 0x4D
    }

    /// The entries of the IFD at `ifd` that lie inside the block: tag, type, count and the
    /// entry's offset (its value field is 8 bytes further).
    static func entries(_ tiff: [UInt8], ifd: Int, bigEndian: Bool) -> [(tag: UInt16, type: UInt16, count: UInt32, at: Int)] {
        let cursor = ByteCursor(bytes: tiff)
        guard let count = cursor.uint16(ifd, bigEndian: bigEndian) else { return [] }
        return (0..<Int(count)).lazy.map { ifd + 2 + 12 * $0 }.prefix { cursor.uint32($0 + 4, bigEndian: bigEndian) != nil }.map { at in
            (cursor.uint16(at, bigEndian: bigEndian)!, cursor.uint16(at + 2, bigEndian: bigEndian)!, cursor.uint32(at + 4, bigEndian: bigEndian)!, at)
        }
    }

    /// The value of a one-value SHORT or LONG entry `tag` in the IFD at `ifd`, if there is one.
    static func integerEntry(_ tiff: [UInt8], ifd: Int, tag: UInt16) -> Int? {
        guard let bigEndian = isBigEndian(tiff),
              let entry = entries(tiff, ifd: ifd, bigEndian: bigEndian).first(where: { $0.tag == tag && $0.count == 1 }) else { return nil }
        return integerValue(ByteCursor(bytes: tiff), at: entry.at, type: entry.type, bigEndian: bigEndian)
    }

    /// The value of the one-value SHORT (3) or LONG (4) entry at `at`; nil for other types.
    static func integerValue(_ cursor: ByteCursor, at: Int, type: UInt16, bigEndian: Bool) -> Int? {
        switch type {
        case 3: cursor.uint16(at + 8, bigEndian: bigEndian).map(Int.init)
        case 4: cursor.uint32(at + 8, bigEndian: bigEndian).map(Int.init)
        default: nil
        }
    }

    /// IFD0's ExifIFD and GPS pointers that exiftool refuses to follow: an empty pointer
    /// (count 0) or one stored with a non-integer type. libexif follows them anyway, and then
    /// reports some other directory's entries under the wrong group.
    static func subIFDPointerProblems(_ tiff: [UInt8]) -> [(directories: Set<ExifDirectory>, message: String)] {
        let cursor = ByteCursor(bytes: tiff)
        guard let bigEndian = isBigEndian(tiff), let ifd0 = cursor.uint32(4, bigEndian: bigEndian).map(Int.init) else { return [] }
        let typeNames = [1: "int8u", 2: "string", 5: "rational64u", 6: "int8s", 7: "undef", 8: "int16s", 10: "rational64s", 11: "float", 12: "double"]
        var problems: [(Set<ExifDirectory>, String)] = []
        // A sub-IFD pointer back to an IFD already read (a hostile loop): libexif would read that
        // IFD's entries again as the sub-IFD's (phantom InteropIFD:Make). exiftool refuses it.
        // The pointer's four bytes whatever its type and count, as libexif follows it
        // (``integerEntry(_:ifd:tag:)`` reads only well-formed ones).
        func pointer(_ tag: UInt16, in ifd: Int) -> Int? {
            entries(tiff, ifd: ifd, bigEndian: bigEndian).first { $0.tag == tag }.flatMap { cursor.uint32($0.at + 8, bigEndian: bigEndian) }.map(Int.init)
        }
        let exifIFD = pointer(0x8769, in: ifd0), gpsIFD = pointer(0x8825, in: ifd0)
        let interopIFD = exifIFD.flatMap { pointer(0xA005, in: $0) } ?? pointer(0xA005, in: ifd0)
        var earlier: [(offset: Int, name: String)] = [(ifd0, "IFD0")]
        for (offset, name, directories) in [(exifIFD, "ExifIFD", Set<ExifDirectory>([.exif, .interop])), (gpsIFD, "GPS", [.gps]),
                                            (interopIFD, "InteropIFD", [.interop])] {
            guard let offset else { continue }
            if let previous = earlier.first(where: { $0.offset == offset }) {
                problems.append((directories, "\(name) pointer references previous \(previous.name) directory"))
            } else {
                earlier.append((offset, name))
            }
        }
        for (tag, type, components, _) in entries(tiff, ifd: ifd0, bigEndian: bigEndian) where tag == 0x8769 || tag == 0x8825 {
            let directories: Set<ExifDirectory> = tag == 0x8769 ? [.exif, .interop] : [.gps]
            let name = tag == 0x8769 ? "ExifOffset" : "GPSInfo"
            if let typeName = typeNames[Int(type)] {
                problems.append((directories, "Wrong format (\(typeName)) for IFD0 0x\(String(tag, radix: 16)) \(name)"))
            } else if components == 0 {
                problems.append((directories, "Empty \(name) data"))
            }
        }
        return problems
    }
}
