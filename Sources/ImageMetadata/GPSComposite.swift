/// exiftool's Composite GPS tags, derived from the GPS IFD (and XMP-exif) the way exiftool
/// 12.57 does.
enum GPSComposite {
    /// Composite:GPSAltitude, GPSDateTime, GPSLatitude, GPSLongitude, GPSDestLatitude,
    /// GPSDestLongitude and GPSPosition for `tags`.
    ///
    /// GPSLatitude/GPSLongitude need their GPS-IFD reference (they carry its sign).
    /// GPSPosition takes whichever latitude and longitude exiftool shows without groups: the
    /// Composite ones, else the GPS IFD's as stored (no reference), else XMP's (XMP-exif, a DJI
    /// drone's XMP-drone-dji), which are signed already. GPSAltitude takes the GPS IFD's, else XMP-exif's, with its reference.
    static func tags(from tags: [MetadataTag]) -> [MetadataTag] {
        func value(_ group: String, _ name: String) -> TagValue? {
            tags.first { $0.group == group && $0.name == name }?.value
        }
        func gps(_ name: String) -> TagValue? { value("GPS", name) }
        var result: [MetadataTag] = []
        // exiftool requires the reference too, and treats any non-zero reference as below sea level.
        for group in ["GPS", "XMP-exif"] {
            if let altitude = value(group, "GPSAltitude")?.numericValue, altitude.isFinite,
               let reference = value(group, "GPSAltitudeRef")?.numericValue {
                result.append(MetadataTag(group: "Composite", name: "GPSAltitude", value: .double(reference != 0 ? -abs(altitude) : altitude)))
                break
            }
        }
        if case .string(let date)? = gps("GPSDateStamp"), case .string(let time)? = gps("GPSTimeStamp") {
            result.append(MetadataTag(group: "Composite", name: "GPSDateTime", value: .string("\(date) \(time)Z")))
        }
        // A coordinate with a zero denominator is "" (exiftool's ToDegrees gives up on "inf" and
        // "undef"); its Composite is "" too, or 0 in the southern or western hemisphere (Perl's
        // -"" is 0), and GPSPosition joins whatever the two are: " 20.5".
        func signed(_ name: String, negative: Character) -> TagValue? {
            guard let stored = gps(name), case .string(let ref)? = gps(name + "Ref") else { return nil }
            let south = ref.uppercased().first == negative
            if let degrees = stored.numericValue { return .double(south ? -degrees : degrees) }
            return stored == .string("") ? (south ? .integer(0) : .string("")) : nil
        }
        let latitude = signed("GPSLatitude", negative: "S")
        let longitude = signed("GPSLongitude", negative: "W")
        if let latitude { result.append(MetadataTag(group: "Composite", name: "GPSLatitude", value: latitude)) }
        if let longitude { result.append(MetadataTag(group: "Composite", name: "GPSLongitude", value: longitude)) }
        // Where the camera was pointed, or the destination: signed the same way.
        for (name, negative) in [("GPSDestLatitude", Character("S")), ("GPSDestLongitude", Character("W"))] {
            if let destination = signed(name, negative: negative) { result.append(MetadataTag(group: "Composite", name: name, value: destination)) }
        }
        // XMP's coordinates (XMP-exif's, a DJI drone's) are signed; exiftool derives
        // references as Composites from XMP-exif's only.
        func xmp(_ name: String) -> TagValue? { value("XMP-exif", name) ?? value("XMP-drone-dji", name) }
        for (name, positive, negative) in [("GPSLatitude", "N", "S"), ("GPSLongitude", "E", "W")] {
            if let degrees = value("XMP-exif", name)?.numericValue, degrees.isFinite {
                result.append(MetadataTag(group: "Composite", name: name + "Ref", value: .string(degrees < 0 ? negative : positive)))
            }
        }
        func shown(_ name: String, composite: TagValue?) -> TagValue? {
            composite ?? gps(name) ?? xmp(name)
        }
        if let latitude = shown("GPSLatitude", composite: latitude), let longitude = shown("GPSLongitude", composite: longitude),
           latitude.numericValue?.isFinite ?? (latitude == .string("")), longitude.numericValue?.isFinite ?? (longitude == .string("")),
           latitude.numericValue != nil || longitude.numericValue != nil {
            result.append(MetadataTag(group: "Composite", name: "GPSPosition",
                                      value: .string(latitude.exiftoolText + " " + longitude.exiftoolText)))
        }
        return result
    }
}
