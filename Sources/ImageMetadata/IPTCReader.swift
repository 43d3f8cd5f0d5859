/// IPTC-IIM, the caption block news agencies and Photoshop write (JPEG APP13 "Photoshop 3.0",
/// resource 0x0404), read into exiftool's `IPTC:` tags.
enum IPTCReader {
    /// Photoshop's image resource id for the IPTC-NAA record.
    static let resourceID: UInt16 = 0x0404

    /// The IPTC-NAA data among Photoshop image resources (`8BIM`, id, padded Pascal name,
    /// size, padded data), or nil when there is none.
    static func iptcData(inPhotoshopResources bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var index = bytes.startIndex
        while index + 12 <= bytes.endIndex {
            guard bytes[index..<index + 4].elementsEqual("8BIM".utf8) else { return nil }
            let id = UInt16(bytes[index + 4]) << 8 | UInt16(bytes[index + 5])
            let nameLength = Int(bytes[index + 6])
            // The name is a Pascal string padded to an even length (count byte included).
            var cursor = index + 6 + nameLength + 1
            if (nameLength + 1) % 2 == 1 { cursor += 1 }
            guard cursor + 4 <= bytes.endIndex else { return nil }
            let size = bytes[cursor..<cursor + 4].reduce(0) { $0 << 8 | Int($1) }
            let dataStart = cursor + 4
            guard size >= 0, size <= bytes.endIndex - dataStart else { return nil }
            if id == resourceID { return bytes[dataStart..<dataStart + size] }
            index = dataStart + size + (size % 2)
        }
        return nil
    }

    /// The datasets of records 1 (envelope) and 2 (application) as tags, in file order; a
    /// dataset that repeats (Keywords, By-line) becomes a list. Damage ends the reading with
    /// a warning; what was read before stays.
    static func tags(in data: ArraySlice<UInt8>, warnings: inout [String]) -> [MetadataTag] {
        var raw: [(name: String, bytes: ArraySlice<UInt8>, record: UInt8, dataset: UInt8)] = []
        var index = data.startIndex
        while index < data.endIndex {
            guard data[index] == 0x1C else {
                // Padding after the last dataset is common; anything else is damage.
                if data[index...].contains(where: { $0 != 0 }) { warnings.append("IPTC: unexpected byte 0x\(String(data[index], radix: 16)) at dataset \(raw.count + 1)") }
                break
            }
            guard index + 5 <= data.endIndex else { warnings.append("IPTC: truncated dataset header"); break }
            let record = data[index + 1], dataset = data[index + 2]
            var length = Int(data[index + 3]) << 8 | Int(data[index + 4])
            var start = index + 5
            // An extended dataset (high bit set; a caption past 32 kB): the low bits count the
            // bytes of the real length that follow.
            if length & 0x8000 != 0 {
                let size = length & 0x7FFF
                guard (1...4).contains(size), start + size <= data.endIndex else {
                    warnings.append("IPTC: bad extended length at dataset \(record):\(dataset); not read further")
                    break
                }
                length = data[start..<start + size].reduce(0) { $0 << 8 | Int($1) }
                start += size
            }
            guard length <= data.endIndex - start else { warnings.append("IPTC: dataset \(record):\(dataset) runs past the block"); break }
            if let name = names[record]?[dataset] { raw.append((name, data[start..<start + length], record, dataset)) }
            index = start + length
        }
        // Values gathered by name first: a hostile block may repeat a dataset 13,000 times.
        var order: [String] = []
        var values: [String: [TagValue]] = [:]
        for (name, bytes, record, dataset) in raw {
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(Self.value(bytes, record: record, dataset: dataset))
        }
        return order.map { name in
            let all = values[name]!
            return MetadataTag(group: "IPTC", name: name, value: all.count == 1 ? all[0] : .list(all))
        }
    }

    /// One dataset's value as exiftool `-n` shows it. Text is UTF-8 when valid, else Latin-1:
    /// agencies declare UTF-8 (CodedCharacterSet ESC % G) or write Latin-1, and UTF-8 written
    /// without the declaration is still read as the writer meant (exiftool would show it as
    /// Latin-1 mojibake).
    static func value(_ bytes: ArraySlice<UInt8>, record: UInt8, dataset: UInt8) -> TagValue {
        if record == 1 && dataset == 0 || record == 2 && dataset == 0, bytes.count == 2 {
            return .integer(Int64(bytes[bytes.startIndex]) << 8 | Int64(bytes[bytes.startIndex + 1]))
        }
        let text = ExifTagDecoder.text(bytes)
        switch (record, dataset) {
        case (2, 30), (2, 37), (2, 47), (2, 55), (2, 62), (1, 70):  // dates: CCYYMMDD → CCYY:MM:DD
            return .string(ExifTagDecoder.exifDate(text))
        case (2, 35), (2, 38), (2, 60), (2, 63), (1, 80):  // times: HHMMSS±HHMM → HH:MM:SS±HH:MM
            let characters = Array(text)
            guard characters.count >= 6, characters.prefix(6).allSatisfy(\.isASCII) else { return .string(text) }
            var out = "\(String(characters[0..<2])):\(String(characters[2..<4])):\(String(characters[4..<6]))"
            if characters.count == 11, characters[6] == "+" || characters[6] == "-" {
                out += "\(characters[6])\(String(characters[7..<9])):\(String(characters[9..<11]))"
            }
            return .string(out)
        default:
            return .string(text)
        }
    }

    /// exiftool's names for the datasets of records 1 and 2 (`Image::ExifTool::IPTC`).
    static let names: [UInt8: [UInt8: String]] = [
        1: [0: "EnvelopeRecordVersion", 5: "Destination", 20: "FileFormat", 22: "FileVersion", 30: "ServiceIdentifier",
            40: "EnvelopeNumber", 50: "ProductID", 60: "EnvelopePriority", 70: "DateSent", 80: "TimeSent",
            90: "CodedCharacterSet", 100: "UniqueObjectName"],
        2: [0: "ApplicationRecordVersion", 3: "ObjectTypeReference", 4: "ObjectAttributeReference", 5: "ObjectName",
            7: "EditStatus", 10: "Urgency", 12: "SubjectReference", 15: "Category", 20: "SupplementalCategories",
            22: "FixtureIdentifier", 25: "Keywords", 26: "ContentLocationCode", 27: "ContentLocationName",
            30: "ReleaseDate", 35: "ReleaseTime", 37: "ExpirationDate", 38: "ExpirationTime", 40: "SpecialInstructions",
            45: "ReferenceService", 47: "ReferenceDate", 50: "ReferenceNumber", 55: "DateCreated", 60: "TimeCreated",
            62: "DigitalCreationDate", 63: "DigitalCreationTime", 65: "OriginatingProgram", 70: "ProgramVersion",
            75: "ObjectCycle", 80: "By-line", 85: "By-lineTitle", 90: "City", 92: "Sub-location", 95: "Province-State",
            100: "Country-PrimaryLocationCode", 101: "Country-PrimaryLocationName", 103: "OriginalTransmissionReference",
            105: "Headline", 110: "Credit", 115: "Source", 116: "CopyrightNotice", 118: "Contact", 120: "Caption-Abstract",
            121: "LocalCaption", 122: "Writer-Editor", 130: "ImageType", 131: "ImageOrientation", 135: "LanguageIdentifier"],
    ]
}
