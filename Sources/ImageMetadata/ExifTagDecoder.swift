internal import Foundation

/// Turns libexif's raw entries into exiftool-style tags (`exiftool -n` values).
struct ExifTagDecoder {
    let bigEndian: Bool
    /// Added to offset-valued tags (ThumbnailOffset) to make them file-relative, as exiftool does.
    let fileOffset: Int

    /// Tags exiftool reports in groups other than the EXIF IFDs (MakerNotes, IPTC, ICC, XMP,
    /// PrintIM, Photoshop) or that are sub-directory pointers; they are not EXIF values.
    static let skippedTags: Set<UInt16> = [0x927C, 0x83BB, 0x8773, 0x02BC, 0xC4A5, 0x8649, 0xC634, 0x8769, 0x8825, 0xA005, 0x014A]

    /// EXIF `UNDEFINED` tags whose bytes are ASCII digits (versions).
    private static let versionTags: Set<UInt16> = [0x9000, 0xA000, 0x0002]
    /// Offsets and byte counts that exiftool shows as binary when their text is long.
    private static let offsetListTags: Set<UInt16> = [0x0111, 0x0117, 0x0144, 0x0145]

    /// The tag for one entry, or nil for entries that are not reported.
    func tag(for entry: RawExifEntry) -> MetadataTag? {
        let inGPS = entry.directory == .gps
        if !inGPS && Self.skippedTags.contains(entry.tag) { return nil }
        let name = ExifTagNames.name(of: entry.tag, inGPS: inGPS)
        guard let value = value(for: entry, name: name) else { return nil }
        return MetadataTag(group: entry.directory.group, name: name, value: value)
    }

    private func value(for entry: RawExifEntry, name: String) -> TagValue? {
        let data = entry.data
        let inGPS = entry.directory == .gps
        if inGPS {
            switch entry.tag {
            case 0x0002, 0x0004, 0x0014, 0x0016:  // latitude/longitude (dest too) in d m s
                // Signed when a writer typed them so (SRATIONAL); the hemisphere is the Ref's,
                // so the size is what counts, as in exiftool.
                let parts = rationals(data, signed: entry.format == 10)
                guard !parts.isEmpty else { return nil }
                // A zero denominator anywhere (n/0, 0/0): exiftool prints "" rather than a number.
                guard parts.allSatisfy(\.isFinite) else { return .string("") }
                var degrees = 0.0
                for (index, part) in parts.prefix(3).enumerated() { degrees += part / pow(60, Double(index)) }
                return .double(abs(degrees))
            case 0x001D:  // GPSDateStamp, some Androids with dashes
                return .string(Self.exifDate(Self.text(data)))
            case 0x0007:
                let parts = rationals(data, signed: false)
                guard !parts.isEmpty else { return nil }
                return .string(Self.timeStamp(parts))
            case 0x0000:
                return .string(data.map(String.init).joined(separator: " "))
            case 0x001B, 0x001C:  // processing method, area information: undefined with a charset header
                return .string(Self.userComment(data, bigEndian: bigEndian))
            default:
                break
            }
        } else {
            switch entry.tag {
            case let tag where Self.versionTags.contains(tag):
                return .string(Self.text(data))
            case 0x9101:  // ComponentsConfiguration
                return .string(data.map(String.init).joined(separator: " "))
            case 0xA300, 0xA301:  // FileSource, SceneType
                guard let first = data.first else { return nil }
                return .integer(Int64(first))
            case 0x9286:  // UserComment
                return .string(Self.userComment(data, bigEndian: bigEndian))
            case 0x8298:  // Copyright: photographer, NUL, editor, NUL
                return .string(Self.copyright(data))
            case 0x9C9B...0x9C9F:  // XPTitle … XPSubject, UCS-2 little-endian in BYTEs
                return .string(Self.utf16(data, bigEndian: false))
            case 0xA302:  // CFAPattern
                return cfaPattern(data)
            case 0x9201:  // ShutterSpeedValue, APEX → seconds
                guard let apex = numbers(entry).first else { return nil }
                return .double(abs(apex) < 100 ? pow(2, -apex) : 0)
            case 0x9202, 0x9205:  // ApertureValue, MaxApertureValue, APEX → f-number
                guard let apex = numbers(entry).first else { return nil }
                return .double(pow(2, apex / 2))
            case 0x0201 where entry.directory == .ifd1:  // ThumbnailOffset, file-relative
                guard let offset = numbers(entry).first else { return nil }
                return .integer(Int64(offset) + Int64(fileOffset))
            case let tag where Self.offsetListTags.contains(tag):
                // Offsets (not byte counts) are file-relative in exiftool, as ThumbnailOffset.
                let shift = tag == 0x0111 || tag == 0x0144 ? Double(fileOffset) : 0
                let values = numbers(entry).map { $0 + shift }
                if values.count == 1 { return .integer(Int64(values[0])) }
                let joined = values.map { TagValue.format($0) }.joined(separator: " ")
                // exiftool: `ValueConv => 'length($val) > 32 ? \$val : $val'`.
                if joined.utf8.count <= 32 { return .string(joined) }
                return .string("(Binary data \(joined.utf8.count) bytes, use -b option to extract)")
            default:
                break
            }
        }
        switch entry.format {
        case 2:
            // exiftool drops the trailing blanks cameras pad Make, Model, Software and Artist
            // with ("Canon    "); other text keeps them ("OLYMPUS DIGITAL CAMERA         ").
            let text = Self.text(data)
            return .string(Self.trimmedTags.contains(entry.tag) ? text.trimmingTrailingWhitespace : text)
        case 7:
            return .string("(Binary data \(data.count) bytes, use -b option to extract)")
        case 5, 10:
            let values = rationals(data, signed: entry.format == 10)
            return joined(values)
        case 11, 12:
            return joined(numbers(entry))
        case 1, 3, 4, 6, 8, 9:
            let values = numbers(entry)
            if values.count == 1 { return .integer(Int64(values[0])) }
            return joined(values)
        default:
            return nil
        }
    }

    private func joined(_ values: [Double]) -> TagValue? {
        switch values.count {
        case 0: return nil
        case 1: return .double(values[0])
        default: return .string(values.map { TagValue.format($0) }.joined(separator: " "))
        }
    }

    /// The entry's values as numbers (integers, rationals as quotients, floats).
    func numbers(_ entry: RawExifEntry) -> [Double] {
        let data = entry.data
        let cursor = ByteCursor(bytes: data)
        switch entry.format {
        case 1, 7: return data.map { Double($0) }
        case 6: return data.map { Double(Int8(bitPattern: $0)) }
        case 3: return stride(from: 0, to: data.count - 1, by: 2).compactMap { cursor.uint16($0, bigEndian: bigEndian).map(Double.init) }
        case 8: return stride(from: 0, to: data.count - 1, by: 2).compactMap { cursor.uint16($0, bigEndian: bigEndian).map { Double(Int16(bitPattern: $0)) } }
        case 4: return stride(from: 0, to: data.count - 3, by: 4).compactMap { cursor.uint32($0, bigEndian: bigEndian).map(Double.init) }
        case 9: return stride(from: 0, to: data.count - 3, by: 4).compactMap { cursor.uint32($0, bigEndian: bigEndian).map { Double(Int32(bitPattern: $0)) } }
        case 5, 10: return rationals(data, signed: entry.format == 10)
        case 11: return stride(from: 0, to: data.count - 3, by: 4).compactMap { cursor.uint32($0, bigEndian: bigEndian).map { Double(Float(bitPattern: $0)) } }
        case 12:
            return stride(from: 0, to: data.count - 7, by: 8).compactMap { offset in
                guard let a = cursor.uint32(offset, bigEndian: bigEndian), let b = cursor.uint32(offset + 4, bigEndian: bigEndian) else { return nil }
                let bits = bigEndian ? UInt64(a) << 32 | UInt64(b) : UInt64(b) << 32 | UInt64(a)
                return Double(bitPattern: bits)
            }
        default: return []
        }
    }

    /// Rationals as quotients rounded to 10 significant digits, as exiftool reads them
    /// (1/3 is 0.3333333333); n/0 is +inf and 0/0 NaN, which format as "inf"/"undef".
    private func rationals(_ data: [UInt8], signed: Bool) -> [Double] {
        let cursor = ByteCursor(bytes: data)
        return stride(from: 0, to: data.count - 7, by: 8).compactMap { offset in
            guard let n = cursor.uint32(offset, bigEndian: bigEndian), let d = cursor.uint32(offset + 4, bigEndian: bigEndian) else { return nil }
            let numerator = signed ? Double(Int32(bitPattern: n)) : Double(n)
            let denominator = signed ? Double(Int32(bitPattern: d)) : Double(d)
            if denominator == 0 { return numerator == 0 ? .nan : .infinity }
            return Self.tenSignificantDigits(numerator / denominator)
        }
    }

    /// `value` rounded to 10 significant digits (exiftool's `RoundFloat($val, 10)`).
    static func tenSignificantDigits(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, 9 - floor(log10(abs(value))))
        guard scale.isFinite, scale > 0 else { return value }
        let rounded = (value * scale).rounded() / scale
        return rounded.isFinite ? rounded : value
    }

    /// exiftool's CFAPattern value: "width height colour…", trying the other byte order when
    /// the declared size does not fit (some cameras write it wrongly).
    private func cfaPattern(_ data: [UInt8]) -> TagValue {
        let cursor = ByteCursor(bytes: data)
        for order in [bigEndian, !bigEndian] {
            guard let w = cursor.uint16(0, bigEndian: order), let h = cursor.uint16(2, bigEndian: order) else { break }
            if Int(w) * Int(h) + 4 == data.count {
                return .string(([Int(w), Int(h)] + data.dropFirst(4).map(Int.init)).map(String.init).joined(separator: " "))
            }
        }
        return .string("(Binary data \(data.count) bytes, use -b option to extract)")
    }

    /// ASCII/UTF-8 text up to the first NUL (Latin-1 when it is not valid UTF-8).
    /// Make, Model, Software, Artist: the tags whose trailing blanks exiftool removes.
    static let trimmedTags: Set<UInt16> = [0x010F, 0x0110, 0x0131, 0x013B]

    /// exiftool's Copyright: the photographer's notice, then (after a NUL) the editor's on a
    /// new line, with the blanks before each NUL removed, so a notice of blanks alone is "".
    static func copyright(_ data: some Collection<UInt8>) -> String {
        var bytes = Array(data)
        func blanksStart(before index: Int) -> Int {
            var start = index
            while start > 0, bytes[start - 1] == 0x20 { start -= 1 }
            return start
        }
        if let first = bytes.firstIndex(of: 0) {
            bytes.replaceSubrange(blanksStart(before: first)...first, with: [0x0A])
            if let second = bytes.firstIndex(of: 0) { bytes.removeSubrange(blanksStart(before: second)...) }
        }
        if bytes.last == 0x0A { bytes.removeLast() }
        return text(bytes)
    }

    static func text(_ data: some Collection<UInt8>) -> String {
        let visible = data.prefix { $0 != 0 }
        if let utf8 = String(validating: visible, as: UTF8.self) { return utf8 }
        return String(visible.map { Character(Unicode.Scalar($0)) })
    }

    /// UTF-16 text, stopping at the first NUL code unit.
    static func utf16(_ data: some Collection<UInt8>, bigEndian: Bool) -> String {
        let bytes = Array(data)
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let unit = bigEndian ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]) : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
            if unit == 0 { break }
            units.append(unit)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// An EXIF comment: 8-byte character-code header, then text. Trailing NULs and spaces go,
    /// as in exiftool, which also keeps the whole value as text when the header is none of
    /// the codes (ASCII, UNICODE, JIS, or NULs/blanks for undefined).
    static func userComment(_ data: [UInt8], bigEndian: Bool) -> String {
        guard data.count >= 8 else { return text(data).trimmingTrailingSpaces }
        let header = Array(data.prefix(8))
        let body = data.dropFirst(8)
        let blank: (UInt8) -> Bool = { $0 == 0 || $0 == 0x20 }
        if header.starts(with: Array("UNICODE".utf8)), blank(header[7]) {
            if body.starts(with: [0xFE, 0xFF]) { return utf16(body.dropFirst(2), bigEndian: true).trimmingTrailingSpaces }
            if body.starts(with: [0xFF, 0xFE]) { return utf16(body.dropFirst(2), bigEndian: false).trimmingTrailingSpaces }
            // Microsoft's writers put little-endian text in big-endian EXIF: the order that
            // reads more of the text as Latin (spaces, digits, punctuation in any script) wins,
            // the EXIF order on a tie.
            func latinUnits(_ big: Bool) -> Int {
                stride(from: body.startIndex, to: body.endIndex - 1, by: 2).filter { i in
                    let high = big ? body[i] : body[i + 1], low = big ? body[i + 1] : body[i]
                    return high == 0 && low != 0
                }.count
            }
            let (own, other) = (latinUnits(bigEndian), latinUnits(!bigEndian))
            return utf16(body, bigEndian: other > own ? !bigEndian : bigEndian).trimmingTrailingSpaces
        }
        let known = (header.starts(with: Array("ASCII".utf8)) && header[5...].allSatisfy(blank))
            || (header.starts(with: Array("JIS".utf8)) && header[3...].allSatisfy(blank))
            || header[0] == 0 || header.allSatisfy(blank)
        return text(known ? body : data[...]).trimmingTrailingSpaces
    }

    /// exiftool's ExifDate: a date ending in year, month and day with any separators (or none)
    /// as `YYYY:MM:DD` (GPSDateStamp "2023-04-05", IPTC DateCreated "20191018").
    static func exifDate(_ text: String) -> String {
        var characters = Array(text)
        if characters.last == "\0" { characters.removeLast() }
        // From the end: two digits, any non-digits, two digits, any non-digits, four digits.
        var index = characters.count
        func digits(_ count: Int) -> String? {
            guard index >= count, characters[(index - count)..<index].allSatisfy(\.isASCIIDigit) else { return nil }
            index -= count
            return String(characters[index..<(index + count)])
        }
        func skipSeparators() { while index > 0, !characters[index - 1].isASCIIDigit { index -= 1 } }
        guard let day = digits(2) else { return String(characters) }
        skipSeparators()
        guard let month = digits(2) else { return String(characters) }
        skipSeparators()
        guard let year = digits(4) else { return String(characters) }
        return String(characters[..<index]) + "\(year):\(month):\(day)"
    }

    /// exiftool's GPSTimeStamp: hh:mm:ss with fractional seconds, trailing zeros trimmed.
    static func timeStamp(_ parts: [Double]) -> String {
        let h = parts.count > 0 && parts[0].isFinite ? parts[0] : 0
        let m = parts.count > 1 && parts[1].isFinite ? parts[1] : 0
        let s = parts.count > 2 && parts[2].isFinite ? parts[2] : 0
        var f = (h * 60 + m) * 60 + s
        var hours = (f / 3600).rounded(.towardZero)
        f -= hours * 3600
        var minutes = (f / 60).rounded(.towardZero)
        f -= minutes * 60
        var seconds = cFormat("%012.9f", f)
        if let value = Double(seconds), value >= 60 {
            seconds = "00"
            minutes += 1
            if minutes >= 60 { minutes -= 60; hours += 1 }
        } else {
            while seconds.hasSuffix("0") { seconds.removeLast() }
            if seconds.hasSuffix(".") { seconds.removeLast() }
        }
        return twoDigits(Int(hours)) + ":" + twoDigits(Int(minutes)) + ":" + seconds
    }
}

/// At least two digits, zero-padded (Perl's `%.2d`).
private func twoDigits(_ value: Int) -> String {
    value >= 0 && value < 10 ? "0" + String(value) : String(value)
}

extension String {
    /// Without trailing spaces and NULs.
    /// Without trailing white space (Perl's `s/\s+$//`).
    var trimmingTrailingWhitespace: String {
        var copy = Substring(self)
        while let last = copy.last, last.isWhitespace { copy.removeLast() }
        return String(copy)
    }

    var trimmingTrailingSpaces: String {
        var copy = Substring(self)
        while let last = copy.last, last == " " || last == "\0" { copy.removeLast() }
        return String(copy)
    }
}
