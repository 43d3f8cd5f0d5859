internal import Foundation

/// exiftool's Composite tags that are arithmetic on tags already read: the image size and
/// megapixels, aperture and shutter speed, light value, the dates with their sub-seconds and
/// offsets, and the 35 mm equivalents with field of view, circle of confusion, hyperfocal
/// distance and depth of field. Each follows exiftool's own formula step by step (its
/// rounding, its constants), so that `-n` values agree to the last digit.
///
/// Not made: what needs maker notes (LensID, Lens, DriveMode), and the preview images. The
/// 35 mm values use no sensor size from maker notes (exiftool does, for some Olympus and
/// Canon models, where the two then differ); a Canon file without `FocalLengthIn35mmFormat`
/// gets none, as exiftool takes its sensor size from the focal-plane resolution's
/// denominators, which are not kept here.
enum ExifComposites {
    /// The Composite tags for a file whose tags, by name as exiftool shows them without
    /// groups, are `shown`; `exif` are the tags of its EXIF block (for the dates, which
    /// exiftool takes from EXIF only).
    static func tags(shown: [String: TagValue], exif: [MetadataTag]) -> [MetadataTag] {
        var result: [MetadataTag] = []
        func add(_ name: String, _ value: TagValue?) {
            if let value { result.append(MetadataTag(group: "Composite", name: name, value: value)) }
        }
        func number(_ name: String) -> Double? { Self.number(name, in: shown) }

        // ImageSize and Megapixels.
        if let width = shown["ImageWidth"]?.exiftoolText, let height = shown["ImageHeight"]?.exiftoolText,
           isFloat(width), isFloat(height) {
            let size = width + " " + height
            add("ImageSize", .string(size))
            let digits = size.split { !$0.isASCIIDigit }.compactMap { Double($0) }
            if digits.count >= 2 { add("Megapixels", .double(digits[0] * digits[1] / 1_000_000)) }
        }
        // Aperture: FNumber, else ApertureValue (a zero is no value).
        let aperture = [shown["FNumber"], shown["ApertureValue"]].compactMap { $0 }.first { (leadingNumber($0) ?? 0) != 0 }
        add("Aperture", aperture)
        // ShutterSpeed: ExposureTime, else ShutterSpeedValue.
        let shutter = shown["ExposureTime"] ?? shown["ShutterSpeedValue"]
        add("ShutterSpeed", shutter)
        // LightValue = log2(Aperture² × 100 / (ShutterSpeed × ISO)).
        if let a = aperture.flatMap(leadingNumber).map(asText), let s = shutter.flatMap(leadingNumber).map(asText),
           let iso = number("ISO"), a > 0, s > 0, iso > 0 {
            add("LightValue", .double(log(a * a * 100 / (s * iso)) / log(2)))
        }
        // Dates with sub-seconds and offsets.
        for (composite, date, subSec, offset) in [("SubSecDateTimeOriginal", "DateTimeOriginal", "SubSecTimeOriginal", "OffsetTimeOriginal"),
                                                   ("SubSecCreateDate", "CreateDate", "SubSecTimeDigitized", "OffsetTimeDigitized"),
                                                   ("SubSecModifyDate", "ModifyDate", "SubSecTime", "OffsetTime")] {
            guard let base = exif.first(where: { $0.name == date })?.value.exiftoolText else { continue }
            add(composite, subSecondDate(base, subSec: shown[subSec]?.exiftoolText, offset: shown[offset]?.exiftoolText).map(TagValue.string))
        }
        // The 35 mm equivalents.
        let focal = number("FocalLength")
        let scale = scaleFactor35efl(shown)
        if let scale { add("ScaleFactor35efl", .double(scale)) }
        if shown["FocalLength"] != nil, scale != nil || !isCanon(shown) {
            add("FocalLength35efl", .double((focal ?? 0) * (scale.map(asText) ?? 1)))
        }
        guard let scale else { return result }
        let circle = (24.0 * 24 + 36 * 36).squareRoot() / (scale * 1440)
        add("CircleOfConfusion", .double(circle))
        if let focal, focal != 0 {
            let halfAngle = atan2(36, 2 * focal * asText(scale) * 1)
            add("FOV", .double(halfAngle * 360 / 3.14159))
        }
        guard shown["FocalLength"] != nil, let apertureValue = aperture else { return result }
        let f = focal ?? 0, a = leadingNumber(apertureValue).map(asText) ?? 0, c = asText(circle)
        add("HyperfocalDistance", a != 0 && c != 0 ? .double(f * f / (a * c * 1000)) : .string("inf"))
        // Depth of field, from the subject distance (m) when one is known.
        let distance = [number("SubjectDistance"), number("ObjectDistance"), number("ApproximateFocusDistance")]
            .compactMap { $0 }.first { $0 != 0 }
        if let d = distance {
            if f == 0 || a == 0 {
                add("DOF", .integer(0))
            } else {
                let t = a * c * (d * 1000 - f) / (f * f)
                let near = d / (1 + t)
                var far = d / (1 - t)
                if far < 0 { far = 0 }
                add("DOF", .string(TagValue.format(near) + " " + TagValue.format(far)))
            }
        }
        return result
    }

    /// The number as exiftool reads it back from its own text (`ToFloat`): Perl prints a
    /// number to 15 significant digits, so one composite built on another sees it rounded.
    private static func asText(_ number: Double) -> Double {
        Double(TagValue.format(number)) ?? number
    }

    /// The first number of the tag `name` shows (``leadingNumber(_:)``).
    private static func number(_ name: String, in shown: [String: TagValue]) -> Double? {
        shown[name].flatMap(leadingNumber)
    }

    private static func isCanon(_ shown: [String: TagValue]) -> Bool {
        shown["Make"]?.exiftoolText == "Canon"
    }

    /// exiftool's `CalcScaleFactor35efl` without maker notes: the 35 mm focal length over the
    /// focal length, else the sensor's diagonal from the focal-plane resolution and the image
    /// size; nil then for a Canon file (see above).
    private static func scaleFactor35efl(_ shown: [String: TagValue]) -> Double? {
        func number(_ name: String) -> Double? { Self.number(name, in: shown) }
        if let focal = number("FocalLength"), let focal35 = number("FocalLengthIn35mmFormat"), focal != 0, focal35 != 0 {
            return focal35 / focal
        }
        guard !isCanon(shown) else { return nil }
        let units: Double
        switch number("FocalPlaneResolutionUnit") {
        case 3?: units = 10
        case 4?: units = 1
        case 5?: units = 0.001
        default: units = 25.4
        }
        guard let xResolution = number("FocalPlaneXResolution"), xResolution != 0 else { return nil }
        let yResolution = number("FocalPlaneYResolution").flatMap { $0 == 0 ? nil : $0 } ?? xResolution
        var size: (Double, Double)?
        for (widthName, heightName) in [("ExifImageWidth", "ExifImageHeight"), ("ImageWidth", "ImageHeight")] {
            guard let w = number(widthName), let h = number(heightName), w != 0, h != 0 else { continue }
            let aspect = w / h
            if aspect > 0.5 && aspect < 2 { size = (w, h); break }
        }
        guard var (w, h) = size else { return nil }
        w *= units / xResolution
        h *= units / yResolution
        let diagonal = (w * w + h * h).squareRoot()
        guard diagonal > 1 && diagonal < 100 else { return nil }
        return (36.0 * 36 + 24 * 24).squareRoot() * 1 / diagonal
    }

    /// exiftool's sub-second date: `2023:06:14 09:12:44` with `47` and `+03:00` is
    /// `2023:06:14 09:12:44.47+03:00`; nil when neither applies.
    static func subSecondDate(_ date: String, subSec: String?, offset: String?) -> String? {
        var result: String?
        let characters = Array(date)
        func digit(_ at: Int) -> Bool { at < characters.count && characters[at].isASCIIDigit }
        // The first " hh:mm:ss" not already followed by ".digits".
        if let subSec, let digits = subSec.prefix(while: \.isASCIIDigit).nonEmpty,
           let at = characters.indices.first(where: { at in
               characters[at] == " " && digit(at + 1) && digit(at + 2) && characters.count > at + 8 && characters[at + 3] == ":"
                   && digit(at + 4) && digit(at + 5) && characters[at + 6] == ":" && digit(at + 7) && digit(at + 8)
                   && !(characters.count > at + 10 && characters[at + 9] == "." && digit(at + 10))
           }) {
            result = String(characters[...(at + 8)]) + "." + digits + String(characters[(at + 9)...])
        }
        // `+3:00` or `-05:00` at the start of the offset.
        let zone = offset.map(Array.init) ?? []
        if !date.contains("-"), !date.contains("+"), let sign = zone.first, sign == "+" || sign == "-",
           let colon = zone.firstIndex(of: ":"), (2...3).contains(colon), zone[1..<colon].allSatisfy(\.isASCIIDigit),
           zone.count >= colon + 3, zone[(colon + 1)...(colon + 2)].allSatisfy(\.isASCIIDigit),
           let hours = Int(String(zone[1..<colon])), let minutes = Int(String(zone[(colon + 1)...(colon + 2)])) {
            result = (result ?? date) + String(sign) + (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
        }
        return result
    }

    /// The first number in the value's text, as exiftool's `ToFloat` finds it ("100 0" is 100).
    static func leadingNumber(_ value: TagValue) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .double(let number): return number
        default:
            // (Scanned by hand: a regular expression per tag cost more than the rest of the file.)
            let text = Array(value.exiftoolText.utf8)
            var start = 0
            while start < text.count {
                if let end = numberEnd(text, from: start) { return Double(String(decoding: text[start..<end], as: UTF8.self)) }
                start += 1
            }
            return nil
        }
    }

    /// exiftool's `IsFloat`: the whole text is a decimal number.
    private static func isFloat(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return numberEnd(bytes, from: 0) == bytes.count
    }

    /// Where the decimal number starting at `start` ends (`[+-]?(\d+\.?\d*|\.\d+)([Ee][+-]?\d+)?`),
    /// or nil when none starts there.
    private static func numberEnd(_ text: [UInt8], from start: Int) -> Int? {
        func isDigit(_ at: Int) -> Bool { at < text.count && (0x30...0x39).contains(text[at]) }
        var at = start
        if at < text.count, text[at] == 0x2B || text[at] == 0x2D { at += 1 }
        guard isDigit(at) || (at + 1 < text.count && text[at] == 0x2E && isDigit(at + 1)) else { return nil }
        while isDigit(at) { at += 1 }
        if at < text.count, text[at] == 0x2E {
            at += 1
            while isDigit(at) { at += 1 }
        }
        if at < text.count, text[at] == 0x45 || text[at] == 0x65 {
            var exponent = at + 1
            if exponent < text.count, text[exponent] == 0x2B || text[exponent] == 0x2D { exponent += 1 }
            if isDigit(exponent) {
                while isDigit(exponent) { exponent += 1 }
                at = exponent
            }
        }
        return at
    }
}

extension Character {
    /// 0–9 only (not Arabic-Indic or other digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension Substring {
    var nonEmpty: Substring? { isEmpty ? nil : self }
}
