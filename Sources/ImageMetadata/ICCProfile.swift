internal import Foundation

/// The tags of an embedded ICC colour profile, as `exiftool -n -G1` lists them: the header
/// (`ICC-header`), the tag table (`ICC_Profile`) and the measurement, viewing-condition and
/// chromaticity records (`ICC-meas`, `ICC-view`, `ICC-chrm`).
///
/// A profile says what made or last saved a picture: a phone's "Display P3", a camera's
/// "sRGB IEC61966-2.1", an editor's "Adobe RGB (1998)" or a monitor's own profile. Profiles
/// are big-endian. Every read is bounds-checked: a profile is untrusted input.
enum ICCProfile {
    /// The tags of `profile` (the whole profile, its chunks joined), and what was wrong with it.
    static func tags(_ profile: [UInt8]) -> (tags: [MetadataTag], warnings: [String]) {
        let data = ICCData(bytes: profile)
        var warnings: [String] = []
        guard let declared = data.uint32(0) else { return ([], warnings) }
        if declared != profile.count || declared < 128 {
            warnings.append("Bad length ICC_Profile (length \(declared))")
            if declared < 128 || profile.count < declared { return ([], warnings) }
        }
        guard let count = data.uint32(128), count >= 1, count < 0x100, count * 12 + 132 <= profile.count else {
            warnings.append("Bad ICC_Profile table (\(data.uint32(128) ?? 0) entries)")
            return ([], warnings)
        }
        var tags = header(data)
        for index in 0..<count {
            let entry = 132 + index * 12
            let signature = data.text(entry, 4, cutAtNUL: false)
            guard let offset = data.uint32(entry + 4), let size = data.uint32(entry + 8) else { break }
            // (A colorant table, a printer profile's record of names, is not read.)
            guard let name = mainNames[signature], signature != "clrt" else { continue }
            guard offset + size <= profile.count else {
                warnings.append("Bad ICC_Profile table (truncated)")
                break
            }
            let type = size > 4 ? data.text(offset, 4, cutAtNUL: false) : "err "
            if let record = records[signature] {
                if type == signature { tags += record.tags(data, offset, size) }
                continue
            }
            if type == "mluc" {
                tags += localized(data, offset, size, name: name)
                continue
            }
            let value = forcedBinary.contains(signature) ? nil : formatted(data, offset, size)
            tags.append(MetadataTag(group: "ICC_Profile", name: name,
                                    value: value ?? .string("(Binary data \(size) bytes, use -b option to extract)")))
        }
        return (tags, warnings)
    }

    // MARK: The header

    private static func header(_ data: ICCData) -> [MetadataTag] {
        func tag(_ name: String, _ value: TagValue) -> MetadataTag { MetadataTag(group: "ICC-header", name: name, value: value) }
        let version = Int64(Int16(bitPattern: UInt16(data.uint16(8) ?? 0)))
        let date = (0..<6).map { data.uint16(24 + 2 * $0) ?? 0 }
        return [
            tag("ProfileCMMType", .string(data.text(4, 4))),
            tag("ProfileVersion", .integer(version)),
            tag("ProfileClass", .string(data.text(12, 4))),
            tag("ColorSpaceData", .string(data.text(16, 4))),
            tag("ProfileConnectionSpace", .string(data.text(20, 4))),
            tag("ProfileDateTime", .string(dateTime(date))),
            tag("ProfileFileSignature", .string(data.text(36, 4))),
            tag("PrimaryPlatform", .string(data.text(40, 4))),
            tag("CMMFlags", .integer(Int64(data.uint32(44) ?? 0))),
            tag("DeviceManufacturer", .string(data.text(48, 4))),
            tag("DeviceModel", .string(data.text(52, 4))),
            tag("DeviceAttributes", .string("\(data.uint32(56) ?? 0) \(data.uint32(60) ?? 0)")),
            tag("RenderingIntent", .integer(Int64(data.uint32(64) ?? 0))),
            tag("ConnectionSpaceIlluminant", fixed(data, 68, count: 3, signed: true)),
            tag("ProfileCreator", .string(data.text(80, 4))),
            tag("ProfileID", .string((84..<100).map { String(data.byte($0) ?? 0) }.joined(separator: " "))),
        ]
    }

    // MARK: Values

    /// A tag's value by its type, as exiftool formats the types it knows; nil for the others
    /// (curves, lookup tables, vendor types), which are shown as binary data.
    private static func formatted(_ data: ICCData, _ offset: Int, _ size: Int) -> TagValue? {
        guard size >= 8 else { return nil }
        let type = data.text(offset, 4, cutAtNUL: false)
        switch type {
        case "text":
            return .string(data.text(offset + 8, size - 8))
        case "desc" where size >= 12:
            guard let length = data.uint32(offset + 8), size >= length + 12 else { return nil }
            return .string(data.text(offset + 12, length))
        case "sig " where size >= 12:
            return .string(data.text(offset + 8, 4, cutAtNUL: false))
        case "dtim" where size >= 20:
            return .string(dateTime((0..<6).map { data.uint16(offset + 8 + 2 * $0) ?? 0 }))
        case "sf32", "uf32":
            let count = (size - 8) / 4
            return count >= 1 ? fixed(data, offset + 8, count: count, signed: type == "sf32") : nil
        case "ui32":
            let count = (size - 8) / 4
            return count >= 1 ? joined((0..<count).map { Int64(data.uint32(offset + 8 + 4 * $0) ?? 0) }) : nil
        case "ui08":
            let count = size - 8
            return count >= 1 ? joined((0..<count).map { Int64(data.byte(offset + 8 + $0) ?? 0) }) : nil
        case "XYZ ":
            var triples: [String] = []
            var position = 8
            while position + 12 <= size {
                triples.append(fixed(data, offset + position, count: 3, signed: true).exiftoolText)
                position += 12
            }
            return triples.isEmpty ? .string("") : .string(triples.joined(separator: ", "))
        case "clro" where size >= 12:
            guard let count = data.uint32(offset + 8), size >= count + 12 else { return nil }
            return joined((0..<count).map { Int64(Int8(bitPattern: data.byte(offset + 12 + $0) ?? 0)) })
        case "data" where size >= 12:
            return data.uint32(offset + 8) == 0 ? .string(data.text(offset + 12, size - 12, cutAtNUL: false)) : nil
        default:
            return nil
        }
    }

    /// Six numbers as exiftool's `%.4d:%.2d:%.2d %.2d:%.2d:%.2d`.
    private static func dateTime(_ parts: [Int]) -> String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(parts[0], 4)):\(padded(parts[1], 2)):\(padded(parts[2], 2)) \(padded(parts[3], 2)):\(padded(parts[4], 2)):\(padded(parts[5], 2))"
    }

    /// `count` 16.16 fixed-point numbers, rounded to 5 decimals as exiftool rounds them; one
    /// number alone is a number, several a space-separated string.
    private static func fixed(_ data: ICCData, _ offset: Int, count: Int, signed: Bool) -> TagValue {
        let values = (0..<count).map { index -> Double in
            let raw = data.uint32(offset + 4 * index) ?? 0
            let value = signed ? Double(Int32(bitPattern: UInt32(raw))) / 65536 : Double(raw) / 65536
            return (value * 1e5 + (value > 0 ? 0.5 : -0.5)).rounded(.towardZero) / 1e5
        }
        if values.count == 1 { return .double(values[0]) }
        return .string(values.map(TagValue.format).joined(separator: " "))
    }

    private static func joined(_ numbers: [Int64]) -> TagValue {
        numbers.count == 1 ? .integer(numbers[0]) : .string(numbers.map(String.init).joined(separator: " "))
    }

    /// A multi-localized text (`mluc`): the English (US) record, or a record without a valid
    /// language, under the tag's own name; every other language as `Name-xx-YY`.
    private static func localized(_ data: ICCData, _ offset: Int, _ size: Int, name: String) -> [MetadataTag] {
        guard size >= 28, let count = data.uint32(offset + 8), let recordLength = data.uint32(offset + 12), recordLength >= 12 else { return [] }
        var tags: [MetadataTag] = []
        for index in 0..<min(count, 10_000) {
            let record = offset + 16 + index * recordLength
            guard record + recordLength <= offset + size else { break }
            let code = data.text(record, 4, cutAtNUL: false)
            guard let length = data.uint32(record + 4), let start = data.uint32(record + 8), start + length <= size else { break }
            var tagName = name
            let letters = Array(code.unicodeScalars)
            if letters.count == 4, letters.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) {
                let language = String(code.prefix(2)).lowercased() + "-" + String(code.suffix(2)).uppercased()
                if language != "en-US" { tagName += "-" + language }
            }
            tags.append(MetadataTag(group: "ICC_Profile", name: tagName, value: .string(data.utf16BE(offset + start, length))))
        }
        return tags
    }

    // MARK: Records with fields of their own

    /// A tag whose data is a record of fields (exiftool's subdirectories), read only when its
    /// type is its own signature.
    private struct Record: Sendable {
        let group: String
        let fields: [(offset: Int, length: Int, name: String, read: @Sendable (ICCData, Int) -> TagValue?)]

        /// The fields that lie inside the tag's data.
        func tags(_ data: ICCData, _ offset: Int, _ size: Int) -> [MetadataTag] {
            fields.compactMap { field in
                guard field.offset + field.length <= size, let value = field.read(data, offset + field.offset) else { return nil }
                return MetadataTag(group: group, name: field.name, value: value)
            }
        }
    }

    private static func integer32(_ data: ICCData, _ at: Int) -> TagValue? { data.uint32(at).map { .integer(Int64($0)) } }
    private static func integer16(_ data: ICCData, _ at: Int) -> TagValue? { data.uint16(at).map { .integer(Int64($0)) } }
    private static func xyz(_ data: ICCData, _ at: Int) -> TagValue? {
        data.uint32(at + 8) == nil ? nil : fixed(data, at, count: 3, signed: true)
    }
    private static func pair(_ data: ICCData, _ at: Int) -> TagValue? {
        data.uint32(at + 4) == nil ? nil : fixed(data, at, count: 2, signed: false)
    }

    private static let records: [String: Record] = [
        "meas": Record(group: "ICC-meas", fields: [
            (8, 4, "MeasurementObserver", integer32), (12, 12, "MeasurementBacking", xyz), (24, 4, "MeasurementGeometry", integer32),
            (28, 4, "MeasurementFlare", { data, at in data.uint32(at) == nil ? nil : fixed(data, at, count: 1, signed: false) }),
            (32, 4, "MeasurementIlluminant", integer32),
        ]),
        "view": Record(group: "ICC-view", fields: [
            (8, 12, "ViewingCondIlluminant", xyz), (20, 12, "ViewingCondSurround", xyz), (32, 4, "ViewingCondIlluminantType", integer32),
        ]),
        "chrm": Record(group: "ICC-chrm", fields: [
            (8, 2, "ChromaticityChannels", integer16), (10, 2, "ChromaticityColorant", integer16),
            (12, 8, "ChromaticityChannel1", pair), (20, 8, "ChromaticityChannel2", pair),
            (28, 8, "ChromaticityChannel3", pair), (36, 8, "ChromaticityChannel4", pair),
        ]),
    ]

    // MARK: Names

    /// Tags shown as binary data whatever their type.
    private static let forcedBinary: Set<String> = ["clot", "psid", "B2D0", "B2D1", "B2D2", "B2D3", "D2B0", "D2B1", "D2B2", "D2B3", "psd3"]

    /// exiftool's names for the profile's tags; a signature not listed is not shown, as exiftool
    /// shows unknown ones only with `-u`.
    static let mainNames: [String: String] = {
        var names = [
            "A2B0": "AToB0", "A2B1": "AToB1", "A2B2": "AToB2", "A2B3": "AToB3", "A2M0": "AToM0",
            "B2A0": "BToA0", "B2A1": "BToA1", "B2A2": "BToA2", "B2A3": "BToA3",
            "B2D0": "BToD0", "B2D1": "BToD1", "B2D2": "BToD2", "B2D3": "BToD3",
            "D2B0": "DToB0", "D2B1": "DToB1", "D2B2": "DToB2", "D2B3": "DToB3",
            "bXYZ": "BlueMatrixColumn", "gXYZ": "GreenMatrixColumn", "rXYZ": "RedMatrixColumn",
            "bTRC": "BlueTRC", "gTRC": "GreenTRC", "rTRC": "RedTRC", "kTRC": "GrayTRC",
            "calt": "CalibrationDateTime", "targ": "CharTarget", "chad": "ChromaticAdaptation", "chrm": "Chromaticity",
            "clro": "ColorantOrder", "clrt": "ColorantTable", "clot": "ColorantTableOut", "cprt": "ProfileCopyright",
            "crdi": "CRDInfo", "dmnd": "DeviceMfgDesc", "dmdd": "DeviceModelDesc", "devs": "DeviceSettings",
            "gamt": "Gamut", "lumi": "Luminance", "meas": "Measurement", "bkpt": "MediaBlackPoint", "wtpt": "MediaWhitePoint",
            "ncol": "NamedColor", "ncl2": "NamedColor2", "resp": "OutputResponse",
            "pre0": "Preview0", "pre1": "Preview1", "pre2": "Preview2",
            "desc": "ProfileDescription", "pseq": "ProfileSequenceDesc",
            "psd0": "PostScript2CRD0", "psd1": "PostScript2CRD1", "psd2": "PostScript2CRD2", "psd3": "PostScript2CRD3",
            "ps2s": "PostScript2CSA", "ps2i": "PS2RenderingIntent",
            "scrd": "ScreeningDesc", "scrn": "Screening", "bfd ": "UCRBG", "tech": "Technology",
            "vued": "ViewingCondDesc", "view": "ViewingConditions",
            "ciis": "ColorimetricIntentImageState", "scoe": "SceneColorimetryEstimates", "sape": "SceneAppearanceEstimates",
            "fpce": "FocalPlaneColorimetryEstimates", "rhoc": "ReflectionHardcopyOrigColorimetry",
            "rpoc": "ReflectionPrintOutputColorimetry", "psid": "ProfileSequenceIdentifier",
            "rig0": "PerceptualRenderingIntentGamut", "rig2": "SaturationRenderingIntentGamut",
            "psvm": "PS2CRDVMSize", "vcgt": "VideoCardGamma", "mmod": "MakeAndModel", "dscm": "ProfileDescriptionML",
            "ndin": "NativeDisplayInfo", "MS00": "WCSProfiles",
            "gdb0": "GamutBoundaryDescription0", "gdb1": "GamutBoundaryDescription1",
            "gdb2": "GamutBoundaryDescription2", "gdb3": "GamutBoundaryDescription3",
            "mcta": "MultiplexTypeArray", "minf": "MeasurementInfo", "miin": "MeasurementInputInfo",
            "M2A0": "MToA0", "M2B0": "MToB0", "M2B1": "MToB1", "M2B2": "MToB2", "M2B3": "MToB3",
            "M2S0": "MToS0", "M2S1": "MToS1", "M2S2": "MToS2", "M2S3": "MToS3",
            "cept": "ColorEncodingParams", "csnm": "ColorSpaceName", "cloo": "ColorantOrderOut", "clio": "ColorantInfoOut",
            "c2sp": "CustomToStandardPcc", "nmcl": "NamedColor", "psin": "ProfileSequenceInfo", "rfnm": "ReferenceName",
            "svcn": "SpectralViewingConditions", "swpt": "SpectralWhitePoint", "s2cp": "StandardToCustomPcc", "smap": "SurfaceMap",
        ]
        // The BRDF and directional transforms: bAB0…bMS3, dAB0…dDB3.
        for (prefix, kinds) in [("b", ["AB": "AToB", "BA": "BToA", "BD": "BToD", "DB": "DToB", "MB": "MToB", "MS": "MToS"]),
                                ("d", ["AB": "AToB", "BA": "BToA", "BD": "BToD", "DB": "DToB"])] {
            for (code, kind) in kinds {
                for n in 0...3 { names["\(prefix)\(code)\(n)"] = (prefix == "b" ? "BRDF" : "Directional") + kind + "\(n)" }
            }
        }
        for n in 0...3 {
            names["bcp\(n)"] = "BRDFColorimetricParam\(n)"
            names["bsp\(n)"] = "BRDFSpectralParam\(n)"
        }
        return names
    }()
}

/// Big-endian reads from a profile that return nil past its end.
private struct ICCData: Sendable {
    let bytes: [UInt8]

    func byte(_ at: Int) -> UInt8? { at >= 0 && at < bytes.count ? bytes[at] : nil }

    func uint16(_ at: Int) -> Int? {
        guard at >= 0, at + 2 <= bytes.count else { return nil }
        return Int(bytes[at]) << 8 | Int(bytes[at + 1])
    }

    func uint32(_ at: Int) -> Int? {
        guard at >= 0, at + 4 <= bytes.count else { return nil }
        return Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }

    /// `count` bytes as text (Latin-1 where not ASCII), cut at the first NUL unless told not to.
    func text(_ at: Int, _ count: Int, cutAtNUL: Bool = true) -> String {
        guard at >= 0, count > 0, at < bytes.count else { return "" }
        var slice = bytes[at..<min(bytes.count, at + count)]
        if cutAtNUL, let nul = slice.firstIndex(of: 0) { slice = slice[..<nul] }
        return LegacyText.utf8OrWindows1252(slice)
    }

    /// `count` bytes of UTF-16 big-endian text.
    func utf16BE(_ at: Int, _ count: Int) -> String {
        guard at >= 0, count > 0, at < bytes.count else { return "" }
        let end = min(bytes.count, at + count)
        let units = stride(from: at, to: end - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        return String(decoding: units, as: UTF16.self)
    }
}
