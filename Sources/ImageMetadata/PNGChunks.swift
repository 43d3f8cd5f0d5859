/// PNG's ancillary chunks read as exiftool reads them (`-n` values): the header fields, tIME,
/// pHYs, gAMA and the other small chunks as `PNG:` tags, and the text chunks (tEXt, zTXt,
/// iTXt) as `PNG:` tags named after their keywords, or as the EXIF, XMP or IPTC block a text
/// chunk may carry.
enum PNGChunks {
    /// One text chunk's keyword, language and text, inflated when it was compressed.
    struct Text {
        let keyword: String
        /// iTXt's language tag; empty for tEXt and zTXt.
        let language: String
        let bytes: [UInt8]
        /// iTXt text is UTF-8; tEXt and zTXt are Latin-1 by the specification.
        let isUTF8: Bool

        /// The text as a string. Latin-1 chunks are read as exiftool reads them (Windows-1252),
        /// except that bytes which are valid UTF-8 are read as UTF-8, where exiftool makes
        /// mojibake (``LegacyText/utf8OrWindows1252(_:)``).
        var string: String {
            isUTF8 ? String(decoding: bytes, as: UTF8.self) : LegacyText.utf8OrWindows1252(bytes)
        }
    }

    /// What a text chunk holds other than an ordinary text.
    enum Embedded {
        case exif([UInt8])
        case xmp([UInt8])
        case iptc([UInt8])
        /// A block Imprint does not read (an ICC profile) or cannot decode; no tag.
        case skipped
    }

    /// The IHDR fields after the dimensions (which `FileMetadata` reports itself).
    static func headerTags(_ data: ArraySlice<UInt8>) -> [MetadataTag] {
        guard data.count >= 13 else { return [] }
        let start = data.startIndex + 8
        return zip(["BitDepth", "ColorType", "Compression", "Filter", "Interlace"], data[start..<start + 5]).map {
            MetadataTag(group: "PNG", name: $0.0, value: .integer(Int64($0.1)))
        }
    }

    /// The tags of one small binary chunk (not text, not IHDR); empty for chunks exiftool does
    /// not report or reports only as binary data.
    /// - Parameter colorType: IHDR's colour type, which decides how tRNS is read.
    static func tags(type: String, data: ArraySlice<UInt8>, colorType: UInt8?) -> [MetadataTag] {
        // Only these small chunks become tags; image data (IDAT) and the rest are never copied.
        guard smallChunks.contains(type) else { return [] }
        let bytes = Array(data)
        func uint32(_ at: Int) -> UInt32? {
            at + 4 <= bytes.count ? UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3]) : nil
        }
        func uint16s() -> [Int] { stride(from: 0, to: bytes.count - 1, by: 2).map { Int(bytes[$0]) << 8 | Int(bytes[$0 + 1]) } }
        func png(_ name: String, _ value: TagValue) -> MetadataTag { MetadataTag(group: "PNG", name: name, value: value) }
        func joined(_ numbers: [Int]) -> TagValue {
            numbers.count == 1 ? .integer(Int64(numbers[0])) : .string(numbers.map(String.init).joined(separator: " "))
        }
        let binary = TagValue.string("(Binary data \(bytes.count) bytes, use -b option to extract)")
        switch type {
        case "tIME":
            guard bytes.count >= 7 else { return [] }
            let year = Int(bytes[0]) << 8 | Int(bytes[1])
            let rest = bytes[2..<7].map { ($0 < 10 ? "0" : "") + String($0) }
            let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
            return [png("ModifyDate", .string("\(yearText):\(rest[0]):\(rest[1]) \(rest[2]):\(rest[3]):\(rest[4])"))]
        case "pHYs":
            guard let x = uint32(0), let y = uint32(4), bytes.count >= 9 else { return [] }
            return [MetadataTag(group: "PNG-pHYs", name: "PixelsPerUnitX", value: .integer(Int64(x))),
                    MetadataTag(group: "PNG-pHYs", name: "PixelsPerUnitY", value: .integer(Int64(y))),
                    MetadataTag(group: "PNG-pHYs", name: "PixelUnits", value: .integer(Int64(bytes[8])))]
        case "gAMA":
            // exiftool reports the decoding gamma, the inverse of the stored one, to 4 decimals.
            guard let stored = uint32(0), stored != 0 else { return [] }
            return [png("Gamma", .double((1e9 / Double(stored) + 0.5).rounded(.down) / 1e4))]
        case "cHRM":
            let names = ["WhitePointX", "WhitePointY", "RedX", "RedY", "GreenX", "GreenY", "BlueX", "BlueY"]
            return names.enumerated().compactMap { index, name in uint32(index * 4).map { png(name, .double(Double($0) / 100_000)) } }
        case "sRGB":
            return bytes.first.map { [png("SRGBRendering", .integer(Int64($0)))] } ?? []
        case "bKGD":
            guard !bytes.isEmpty else { return [] }
            return [png("BackgroundColor", bytes.count < 2 ? .integer(Int64(bytes[0])) : joined(uint16s()))]
        case "tRNS":
            guard !bytes.isEmpty else { return [] }
            if bytes.count > 6 { return [png("Transparency", binary)] }
            return [png("Transparency", joined(colorType == 3 ? bytes.map(Int.init) : uint16s()))]
        case "PLTE":
            return [png("Palette", bytes.count <= 3 ? joined(bytes.map(Int.init)) : binary)]
        case "sBIT":
            guard !bytes.isEmpty else { return [] }
            return [png("SignificantBits", joined(bytes.map(Int.init)))]
        case "oFFs":
            guard let x = uint32(0), let y = uint32(4), bytes.count >= 9 else { return [] }
            return [png("ImageOffset", .string("\(x), \(y) (\(bytes[8] != 0 ? "microns" : "pixels"))"))]
        case "vpAg":
            guard let width = uint32(0), let height = uint32(4), bytes.count >= 9 else { return [] }
            return [png("VirtualImageWidth", .integer(Int64(width))), png("VirtualImageHeight", .integer(Int64(height))),
                    png("VirtualPageUnits", .integer(Int64(bytes[8])))]
        default:
            return []
        }
    }

    /// The chunk types ``tags(type:data:colorType:)`` reads.
    static let smallChunks: Set<String> = ["tIME", "pHYs", "gAMA", "cHRM", "sRGB", "bKGD", "tRNS", "PLTE", "sBIT", "oFFs", "vpAg"]

    /// Splits a tEXt, zTXt or iTXt chunk and inflates its text; nil (with a warning when it is
    /// worth one) for a chunk too short to hold a keyword, or whose text cannot be inflated.
    static func text(type: String, data: ArraySlice<UInt8>, budget: inout Int, warnings: inout [String]) -> Text? {
        guard let zero = data.firstIndex(of: 0) else { return nil }
        let keyword = LegacyText.windows1252(data[data.startIndex..<zero])
        var rest = data[(zero + 1)...]
        var compressed = false
        var language = ""
        switch type {
        case "zTXt":
            guard let method = rest.first else { return nil }
            guard method == 0 else {
                warnings.append("PNG: zTXt \(keyword): unknown compression method \(method)")
                return nil
            }
            compressed = true
            rest = rest.dropFirst()
        case "iTXt":
            guard rest.count >= 2 else { return nil }
            compressed = rest[rest.startIndex] != 0
            if compressed, rest[rest.startIndex + 1] != 0 {
                warnings.append("PNG: iTXt \(keyword): unknown compression method \(rest[rest.startIndex + 1])")
                return nil
            }
            rest = rest.dropFirst(2)
            guard let languageEnd = rest.firstIndex(of: 0) else { return nil }
            language = String(decoding: rest[..<languageEnd], as: UTF8.self)
            rest = rest[(languageEnd + 1)...]
            guard let translatedEnd = rest.firstIndex(of: 0) else { return nil }
            rest = rest[(translatedEnd + 1)...]
        default:
            break
        }
        var bytes: [UInt8]
        if compressed {
            // One file's compressed text together inflates to at most `budget` bytes, so that
            // many chunks just under the per-chunk ceiling cannot add up to gigabytes.
            guard budget > 0 else {
                warnings.append("PNG: \(type) \(keyword): the file's compressed text is over \(Inflate.maxOutput >> 20) MiB; not read")
                return nil
            }
            switch Inflate.inflate(rest, limit: min(Inflate.maxOutput, budget)) {
            case .success(let inflated): bytes = inflated
            case .failure(.damaged):
                warnings.append("PNG: \(type) \(keyword): damaged compressed text")
                return nil
            case .failure(.tooLarge):
                budget = 0
                warnings.append("PNG: \(type) \(keyword): text inflates past \(Inflate.maxOutput >> 20) MiB; not read")
                return nil
            }
            budget -= bytes.count
        } else {
            bytes = Array(rest)
        }
        return Text(keyword: keyword, language: language, bytes: bytes, isUTF8: type == "iTXt")
    }

    /// The EXIF, XMP or IPTC block a text chunk carries ("XML:com.adobe.xmp", ImageMagick's
    /// hex-encoded "Raw profile type exif|APP1|xmp|iptc|8bim"); nil for an ordinary text.
    static func embedded(_ text: Text, warnings: inout [String]) -> Embedded? {
        if text.keyword == "XML:com.adobe.xmp" { return .xmp(text.bytes) }
        let prefix = "Raw profile type "
        guard text.keyword.hasPrefix(prefix) else { return nil }
        let kind = text.keyword.dropFirst(prefix.count).lowercased()
        if kind == "icc" || kind == "icm" { return .skipped }
        guard ["exif", "app1", "xmp", "iptc", "8bim"].contains(kind) else { return nil }
        guard let profile = rawProfile(text.bytes) else {
            warnings.append("PNG: \(text.keyword): not a hex-encoded profile")
            return .skipped
        }
        let exifHeader = Array("Exif\0\0".utf8), xmpHeader = Array("http://ns.adobe.com/xap/1.0/\0".utf8)
        switch kind {
        case "exif", "app1":
            if profile.starts(with: exifHeader) { return .exif(Array(profile.dropFirst(exifHeader.count))) }
            if profile.starts(with: xmpHeader) { return .xmp(Array(profile.dropFirst(xmpHeader.count))) }
            if profile.starts(with: Array("II*\0".utf8)) || profile.starts(with: Array("MM\0*".utf8)) { return .exif(profile) }
            return .skipped
        case "xmp":
            return .xmp(profile)
        default:
            if profile.first == 0x1C { return .iptc(profile) }
            return IPTCReader.iptcData(inPhotoshopResources: profile[...]).map { .iptc(Array($0)) } ?? .skipped
        }
    }

    /// ImageMagick's raw profile text: "\n<type>\n<spaces><length>\n<hex digits in lines>".
    static func rawProfile(_ text: [UInt8]) -> [UInt8]? {
        guard text.first == 0x0A, let typeEnd = text.dropFirst().firstIndex(of: 0x0A),
              let lengthEnd = text[(typeEnd + 1)...].firstIndex(of: 0x0A) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity((text.count - lengthEnd) / 2)
        var high: UInt8?
        for byte in text[(lengthEnd + 1)...] {
            let nibble: UInt8
            switch byte {
            case 0x30...0x39: nibble = byte - 0x30
            case 0x61...0x66: nibble = byte - 0x61 + 10
            case 0x41...0x46: nibble = byte - 0x41 + 10
            case 0x20, 0x0A, 0x0D, 0x09: continue
            default: return nil
            }
            if let first = high {
                output.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return output
    }

    /// The tag an ordinary text chunk becomes, named as exiftool names it.
    static func tag(_ text: Text) -> MetadataTag {
        // Profiles exiftool does not decode (another "Raw profile type …") are binary to it.
        if text.keyword.hasPrefix("Raw profile type ") {
            return MetadataTag(group: "PNG", name: tagName(keyword: text.keyword),
                               value: .string("(Binary data \(text.bytes.count) bytes, use -b option to extract)"))
        }
        let value = text.string
        let language = standardLanguage(text.language)
        // Keywords exiftool knows, matched as written or with the first letter capitalised.
        let capitalised = text.keyword.prefix(1).uppercased() + text.keyword.dropFirst()
        if let known = knownNames[text.keyword] ?? knownNames[capitalised] {
            let name = language.isEmpty ? known : known + "-" + language
            switch known {
            case "CreationTime": return MetadataTag(group: "PNG", name: name, value: .string(pngDate(value) ?? value))
            case "CreateDate", "ModDate":
                return MetadataTag(group: "PNG", name: name, value: .string(XMPParser.exifStyleDate(value) ?? value))
            default: return MetadataTag(group: "PNG", name: name, value: .string(value))
            }
        }
        return MetadataTag(group: "PNG", name: tagName(keyword: text.keyword), value: .string(value))
    }

    /// exiftool's names for the registered (and ImageMagick's) keywords.
    static let knownNames: [String: String] = {
        var names: [String: String] = [:]
        for name in ["Title", "Author", "Description", "Copyright", "Software", "Disclaimer", "Source", "Comment", "Collection",
                     "Artist", "Document", "Label", "Make", "Model", "TimeStamp", "URL"] {
            names[name] = name
        }
        names["Creation Time"] = "CreationTime"
        names["Warning"] = "PNGWarning"
        names["create-date"] = "CreateDate"
        names["modify-date"] = "ModDate"
        return names
    }()

    /// An unregistered keyword as a tag name: a letter after white space capitalised, the
    /// white space and anything but letters, digits, `-` and `_` dropped ("date:create" →
    /// "Datecreate", "my key" → "MyKey"), and "Tag" put before a name too short or not
    /// starting with a letter.
    static func tagName(keyword: String) -> String {
        var name = ""
        var capitaliseNext = false
        for scalar in keyword.unicodeScalars {
            if scalar.properties.isWhitespace {
                capitaliseNext = true
                continue
            }
            guard scalar.isASCII, scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else {
                capitaliseNext = false
                continue
            }
            name += capitaliseNext ? String(scalar).uppercased() : String(scalar)
            capitaliseNext = false
        }
        name = name.prefix(1).uppercased() + name.dropFirst()
        if name.count < 2 || !(name.first?.isLetter ?? false) { name = "Tag" + name }
        return name
    }

    /// exiftool's case for a language tag: "en-us" → "en-US", "FR" → "fr", `_` read as `-`.
    static func standardLanguage(_ language: String) -> String {
        let parts = language.replacingOccurrences(of: "_", with: "-").split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, (2...3).contains(parts[0].count) || ["x", "i"].contains(parts[0].lowercased()),
              parts[1].count == 2, (parts[0] + parts[1]).allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return language.replacingOccurrences(of: "_", with: "-").lowercased()
        }
        return parts[0].lowercased() + "-" + parts[1].uppercased() + (parts.count == 3 ? "-" + parts[2].lowercased() : "")
    }

    /// PNG's "Creation Time" (RFC 1123, "Mon, 1 Jan 2018 12:10:22 EST") in EXIF style with the
    /// zone as an offset, as exiftool converts it; nil when it is not in that form.
    static func pngDate(_ text: String) -> String? {
        // A date is short; the pattern is not anchored, and a long run of digits would make
        // it backtrack quadratically.
        guard text.utf8.count <= 128 else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let pattern = #/([0-9]+)\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s*([0-9]+)\s+([0-9]+):([0-9]{2})(:[0-9]{2})?\s*(\S*)/#
            .ignoresCase()
        guard let match = text.firstMatch(of: pattern), let monthIndex = months.firstIndex(of: match.2.lowercased()),
              let day = Int(match.1), var year = Int(match.3), let hour = Int(match.4) else { return nil }
        if year < 100 { year += year > 70 ? 1900 : 2000 }
        let zoneText = String(match.7)
        var zone = ""
        if !zoneText.isEmpty {
            if let offset = zoneOffsets[zoneText.uppercased()] {
                zone = offset
            } else if let numeric = zoneText.firstMatch(of: #/^([-+][0-9]+):?([0-9]{2})/#) {
                zone = numeric.1 + ":" + numeric.2
            } else {
                return nil
            }
        }
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText):\(two(monthIndex + 1)):\(two(day)) \(two(hour)):\(match.5)\(match.6.map(String.init) ?? ":00")\(zone)"
    }

    /// RFC 1123's zone names and military letters, as exiftool converts them.
    static let zoneOffsets: [String: String] = {
        var offsets = ["UT": "+00:00", "GMT": "+00:00", "UTC": "+00:00", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00",
                       "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "Z": "+00:00"]
        for (index, letter) in "ABCDEFGHIKLM".enumerated() { offsets[String(letter)] = (index < 9 ? "-0" : "-") + "\(index + 1):00" }
        for (index, letter) in "NOPQRSTUVWXY".enumerated() { offsets[String(letter)] = (index < 9 ? "+0" : "+") + "\(index + 1):00" }
        return offsets
    }()
}
