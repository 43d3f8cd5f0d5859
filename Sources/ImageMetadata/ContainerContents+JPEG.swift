extension ContainerContents {
    private static let exifSignature: [UInt8] = Array("Exif\0\0".utf8)
    private static let xmpSignature: [UInt8] = Array("http://ns.adobe.com/xap/1.0/\0".utf8)
    private static let photoshopSignature: [UInt8] = Array("Photoshop 3.0\0".utf8)
    private static let jfifSignature: [UInt8] = Array("JFIF\0".utf8)
    private static let iccSignature: [UInt8] = Array("ICC_PROFILE\0".utf8)
    private static let adobeSignature: [UInt8] = Array("Adobe".utf8)
    private static let mpfSignature: [UInt8] = Array("MPF\0".utf8)
    private static let extendedXMPSignature: [UInt8] = Array("http://ns.adobe.com/xmp/extension/\0".utf8)

    /// JPEG zig-zag order: `zigzag[k]` is the natural index of the k-th coefficient in a DQT.
    static let zigzag: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ]

    /// Walks JPEG marker segments up to the first SOS: APP0 (JFIF), APP1 (EXIF, XMP), APP13
    /// (IPTC), COM, SOFn, DQT.
    /// - Complexity: O(number of segments); only the small bodies named above are read, the
    ///   EXIF, XMP and IPTC ones are sliced.
    static func scanJPEG(_ bytes: [UInt8]) throws(MetadataError) -> ContainerContents {
        let cursor = ByteCursor(bytes: bytes)
        var contents = ContainerContents()
        var offset = 2
        // An ICC profile comes in numbered APP2 chunks, read once all have come (as exiftool
        // does; a chunk number seen twice is appended to, a changed total abandons it).
        var iccChunks: [Int: [UInt8]] = [:], iccTotal: Int?, iccCount: Int? = 0
        // Extended XMP's chunks by GUID, and Photoshop's resources from every APP13 segment
        // (Photoshop splits them when they pass 64 kB): both are put together at the end.
        var extendedXMP: [String: ExtendedXMP] = [:]
        var photoshop: [UInt8]?
        segments: while offset < bytes.count {
            guard bytes[offset] == 0xFF else {
                contents.warnings.append("JPEG: expected a marker at offset \(offset), found 0x\(String(bytes[offset], radix: 16))")
                break
            }
            // Fill bytes: any number of 0xFF may precede a marker.
            while offset < bytes.count && bytes[offset] == 0xFF { offset += 1 }
            guard offset < bytes.count else { break }
            let marker = bytes[offset]
            offset += 1
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }
            if marker == 0xD9 { break }
            guard let length = cursor.uint16BE(offset).map(Int.init), length >= 2 else {
                contents.warnings.append("JPEG: segment 0xFF\(String(marker, radix: 16, uppercase: true)) has no valid length")
                break
            }
            let bodyStart = offset + 2
            var bodyCount = length - 2
            if bodyCount > bytes.count - bodyStart {
                contents.warnings.append("JPEG: segment 0xFF\(String(marker, radix: 16, uppercase: true)) at offset \(offset - 2) runs past the end of the file")
                bodyCount = bytes.count - bodyStart
            }
            let body = bytes[bodyStart..<bodyStart + bodyCount]
            switch marker {
            case 0xE1:
                // A second EXIF or XMP segment (an app that prepended its own and kept the old
                // one) is not read; exiftool merges them. It is evidence, so it is reported.
                if body.starts(with: exifSignature) {
                    if contents.exif == nil {
                        contents.exif = body.dropFirst(exifSignature.count)
                        contents.exifFileOffset = bodyStart + exifSignature.count
                        contents.blockPlaces.append((.exif, contents.formatTags.count))
                    } else {
                        contents.warnings.append("JPEG: another EXIF segment at offset \(offset - 2) is not read (the first one is)")
                    }
                } else if body.starts(with: xmpSignature) {
                    if contents.xmp == nil {
                        contents.xmp = body.dropFirst(xmpSignature.count)
                        contents.blockPlaces.append((.xmp, contents.formatTags.count))
                    } else {
                        contents.warnings.append("JPEG: another XMP segment at offset \(offset - 2) is not read (the first one is)")
                    }
                } else if body.starts(with: extendedXMPSignature) {
                    ExtendedXMP.add(body.dropFirst(extendedXMPSignature.count), to: &extendedXMP, fileSize: bytes.count)
                }
            case 0xE2 where body.starts(with: iccSignature) && bodyCount >= 14:
                let number = Int(body[body.startIndex + 12]), total = Int(body[body.startIndex + 13])
                if let expected = iccTotal, expected != total { iccCount = nil }
                if iccTotal == nil { iccTotal = total }
                if let count = iccCount, contents.icc == nil {
                    iccChunks[number, default: []] += body.dropFirst(14)
                    iccCount = count + 1
                    if count + 1 >= total {
                        contents.icc = iccChunks.keys.sorted().flatMap { iccChunks[$0]! }
                        contents.blockPlaces.append((.icc, contents.formatTags.count))
                        iccChunks = [:]
                    }
                }
            case 0xE2 where body.starts(with: mpfSignature):
                contents.formatTags += multiPictureTags(cursor, header: bodyStart + mpfSignature.count,
                                                        end: bodyStart + bodyCount, fileSize: bytes.count)
            case 0xEE where body.starts(with: adobeSignature):
                contents.formatTags += adobeTags(body.dropFirst(adobeSignature.count))
            case 0xED where body.starts(with: photoshopSignature):
                // The IPTC's place is the first segment's (it has no tags if none is found).
                if photoshop == nil {
                    contents.blockPlaces.append((.iptc, contents.formatTags.count))
                    photoshop = []
                }
                photoshop?.append(contentsOf: body.dropFirst(photoshopSignature.count))
            case 0xE0:
                if body.starts(with: jfifSignature), bodyCount >= 12, !contents.formatTags.contains(where: { $0.group == "JFIF" }) {
                    let at = body.startIndex + jfifSignature.count
                    contents.formatTags += [
                        MetadataTag(group: "JFIF", name: "JFIFVersion", value: .string("\(body[at]) \(body[at + 1])")),
                        MetadataTag(group: "JFIF", name: "ResolutionUnit", value: .integer(Int64(body[at + 2]))),
                        MetadataTag(group: "JFIF", name: "XResolution", value: .integer(Int64(body[at + 3]) << 8 | Int64(body[at + 4]))),
                        MetadataTag(group: "JFIF", name: "YResolution", value: .integer(Int64(body[at + 5]) << 8 | Int64(body[at + 6]))),
                    ]
                }
            case 0xFE:
                // exiftool shows the first comment (later ones have no priority over it),
                // without the NULs some writers end it with.
                if !contents.formatTags.contains(where: { $0.group == "File" && $0.name == "Comment" }) {
                    var text = body
                    while text.last == 0 { text = text.dropLast() }
                    contents.formatTags.append(MetadataTag(group: "File", name: "Comment", value: .string(LegacyText.utf8OrWindows1252(text))))
                }
            case 0xDB:
                readQuantizationTables(body, into: &contents)
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                if contents.width == nil, bodyCount >= 5,
                   let height = cursor.uint16BE(bodyStart + 1), let width = cursor.uint16BE(bodyStart + 3) {
                    contents.width = Int(width)
                    contents.height = Int(height)
                    if width == 0 || height == 0 {
                        contents.warnings.append("JPEG: SOF declares an empty image (\(width)×\(height))")
                    }
                    if bodyCount >= 6 { contents.formatTags += frameTags(marker: marker, body: body) }
                }
            case 0xDA:
                break segments
            default:
                break
            }
            offset = bodyStart + bodyCount
        }
        if contents.width == nil {
            contents.warnings.append("JPEG: no SOF segment before the end of the headers")
        }
        if let photoshop { contents.iptc = IPTCReader.iptcData(inPhotoshopResources: photoshop[...]) }
        if !extendedXMP.isEmpty {
            contents.extendedXMP = ExtendedXMP.packet(extendedXMP, named: contents.xmp.flatMap(ExtendedXMP.guid(in:)),
                                                      warnings: &contents.warnings)
        }
        return contents
    }

    /// APP2 "MPF", CIPA's Multi-Picture Format (phones' second pictures: a large preview, a
    /// depth or gain map): a TIFF-structured IFD, whose version and image count go under
    /// exiftool's `MPF0`, and one 16-byte entry per image under `MPImage1`, `MPImage2`… (flags,
    /// format, type, length, start as a file offset, dependent entries), with the first large
    /// thumbnail shown as `PreviewImage` and the others as `MPImage2`… when they lie in the file.
    private static func multiPictureTags(_ cursor: ByteCursor, header: Int, end: Int, fileSize: Int) -> [MetadataTag] {
        guard header + 8 <= end, cursor.bytes[header] == cursor.bytes[header + 1],
              cursor.bytes[header] == 0x49 || cursor.bytes[header] == 0x4D else { return [] }
        let bigEndian = cursor.bytes[header] == 0x4D
        guard let ifd = cursor.uint32(header + 4, bigEndian: bigEndian).map({ header + Int($0) }),
              let count = cursor.uint16(ifd, bigEndian: bigEndian) else { return [] }
        var tags: [MetadataTag] = []
        var list: (offset: Int, count: Int)?
        for index in 0..<min(Int(count), 64) {
            let entry = ifd + 2 + 12 * index
            guard entry + 12 <= end, let tag = cursor.uint16(entry, bigEndian: bigEndian),
                  let items = cursor.uint32(entry + 4, bigEndian: bigEndian) else { break }
            switch tag {
            case 0xB000 where items == 4:
                let version = cursor.bytes[(entry + 8)..<(entry + 12)]
                tags.append(MetadataTag(group: "MPF0", name: "MPFVersion", value: .string(LegacyText.utf8OrWindows1252(version))))
            case 0xB001:
                if let images = cursor.uint32(entry + 8, bigEndian: bigEndian) {
                    tags.append(MetadataTag(group: "MPF0", name: "NumberOfImages", value: .integer(Int64(images))))
                }
            case 0xB002:
                if let offset = cursor.uint32(entry + 8, bigEndian: bigEndian) { list = (header + Int(offset), Int(items)) }
            default:
                break
            }
        }
        guard let list else { return tags }
        var previewTaken = false
        var images: [MetadataTag] = []
        for number in 1...max(1, min(list.count / 16, 64)) where list.count >= 16 {
            let at = list.offset + 16 * (number - 1)
            guard at + 16 <= end, let attribute = cursor.uint32(at, bigEndian: bigEndian), let length = cursor.uint32(at + 4, bigEndian: bigEndian),
                  let start = cursor.uint32(at + 8, bigEndian: bigEndian), let first = cursor.uint16(at + 12, bigEndian: bigEndian),
                  let second = cursor.uint16(at + 14, bigEndian: bigEndian) else { break }
            let group = "MPImage\(number)"
            // A start is an offset from the MPF header, but 0 (the primary image, at the file's start).
            let fileStart = start == 0 ? 0 : header + Int(start)
            let type = Int64(attribute & 0x00FF_FFFF)
            tags += [
                MetadataTag(group: group, name: "MPImageFlags", value: .integer(Int64(attribute >> 27))),
                MetadataTag(group: group, name: "MPImageFormat", value: .integer(Int64((attribute >> 24) & 0x7))),
                MetadataTag(group: group, name: "MPImageType", value: .integer(type)),
                MetadataTag(group: group, name: "MPImageLength", value: .integer(Int64(length))),
                MetadataTag(group: group, name: "MPImageStart", value: .integer(Int64(fileStart))),
                MetadataTag(group: group, name: "DependentImage1EntryNumber", value: .integer(Int64(first))),
                MetadataTag(group: group, name: "DependentImage2EntryNumber", value: .integer(Int64(second))),
            ]
            guard fileStart > 0, length > 0, fileStart + Int(length) <= fileSize else { continue }
            let isPreview = !previewTaken && type & 0x0F_0000 == 0x01_0000
            previewTaken = previewTaken || isPreview
            images.append(MetadataTag(group: group, name: isPreview ? "PreviewImage" : group,
                                      value: .string("(Binary data \(length) bytes, use -b option to extract)")))
        }
        return tags + images
    }

    /// APP14 "Adobe" (what Photoshop and other Adobe encoders write): the DCT encoder's
    /// version, its two flag words and the colour transform (0 none or CMYK, 1 YCbCr, 2 YCCK),
    /// big-endian, under exiftool's `Adobe` group; fields past the segment's end are left out.
    private static func adobeTags(_ data: ArraySlice<UInt8>) -> [MetadataTag] {
        let start = data.startIndex
        func uint16(_ offset: Int) -> Int64? {
            offset + 2 <= data.count ? Int64(data[start + offset]) << 8 | Int64(data[start + offset + 1]) : nil
        }
        let fields: [(String, Int64?)] = [
            ("DCTEncodeVersion", uint16(0)), ("APP14Flags0", uint16(2)), ("APP14Flags1", uint16(4)),
            ("ColorTransform", data.count > 6 ? Int64(data[start + 6]) : nil),
        ]
        return fields.compactMap { name, value in value.map { MetadataTag(group: "Adobe", name: name, value: .integer($0)) } }
    }

    /// The frame header's facts under exiftool's `File:` names: EncodingProcess (the SOF
    /// number: 0 baseline, 1 extended, 2 progressive, …), BitsPerSample, ColorComponents and,
    /// for three components, YCbCrSubSampling as the largest sampling factors over the
    /// smallest ("2 2" is 4:2:0, "1 1" 4:4:4).
    private static func frameTags(marker: UInt8, body: ArraySlice<UInt8>) -> [MetadataTag] {
        let start = body.startIndex
        let components = Int(body[start + 5])
        var tags = [
            MetadataTag(group: "File", name: "EncodingProcess", value: .integer(Int64(marker) - 0xC0)),
            MetadataTag(group: "File", name: "BitsPerSample", value: .integer(Int64(body[start]))),
            MetadataTag(group: "File", name: "ColorComponents", value: .integer(Int64(components))),
        ]
        guard components == 3, body.count >= 15 else { return tags }
        let factors = (0..<3).map { body[start + 7 + 3 * $0] }
        let horizontal = factors.map { Int($0 >> 4) }, vertical = factors.map { Int($0 & 0x0F) }
        guard let hMin = horizontal.min(), let vMin = vertical.min(), hMin > 0, vMin > 0 else { return tags }
        func ratio(_ maximum: Int, _ minimum: Int) -> String { TagValue.format(Double(maximum) / Double(minimum)) }
        tags.append(MetadataTag(group: "File", name: "YCbCrSubSampling",
                                value: .string(ratio(horizontal.max()!, hMin) + " " + ratio(vertical.max()!, vMin))))
        return tags
    }

    /// Reads every table in one DQT segment body; a table that runs past the body is dropped.
    private static func readQuantizationTables(_ body: ArraySlice<UInt8>, into contents: inout ContainerContents) {
        var index = body.startIndex
        while index < body.endIndex {
            let precision16 = body[index] >> 4 != 0
            let slot = Int(body[index] & 0x0F)
            let size = precision16 ? 128 : 64
            index += 1
            guard slot < 4, size <= body.endIndex - index else {
                contents.warnings.append("JPEG: bogus DQT table (slot \(slot))")
                return
            }
            var table = [Int](repeating: 0, count: 64)
            for k in 0..<64 {
                let value = precision16
                    ? Int(body[index + 2 * k]) << 8 | Int(body[index + 2 * k + 1])
                    : Int(body[index + k])
                table[zigzag[k]] = value
            }
            contents.quantizationTables[slot] = table
            index += size
        }
    }
}
