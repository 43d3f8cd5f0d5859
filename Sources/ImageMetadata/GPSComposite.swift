/// exiftool's Composite GPS tags, derived from the GPS IFD (and XMP-exif) the way exiftool
/// 12.57 does.
enum GPSComposite {
    /// Composite:GPSAltitude, GPSDateTime, GPSLatitude, GPSLongitude and GPSPosition for `tags`.
    ///
    /// GPSLatitude/GPSLongitude need their GPS-IFD reference (they carry its sign).
    /// GPSPosition takes whichever latitude and longitude exiftool shows without groups: the
    /// Composite ones, else the GPS IFD's as stored (no reference), else XMP-exif's, which
    /// are signed already. GPSAltitude takes the GPS IFD's, else XMP-exif's, with its reference.
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
        func signed(_ name: String, negative: Character) -> Double? {
            guard let degrees = gps(name)?.numericValue, case .string(let ref)? = gps(name + "Ref") else { return nil }
            return ref.uppercased().first == negative ? -degrees : degrees
        }
        let latitude = signed("GPSLatitude", negative: "S")
        let longitude = signed("GPSLongitude", negative: "W")
        if let latitude { result.append(MetadataTag(group: "Composite", name: "GPSLatitude", value: .double(latitude))) }
        if let longitude { result.append(MetadataTag(group: "Composite", name: "GPSLongitude", value: .double(longitude))) }
        func shown(_ name: String, composite: Double?) -> Double? {
            composite ?? gps(name)?.numericValue ?? value("XMP-exif", name)?.numericValue
        }
        if let latitude = shown("GPSLatitude", composite: latitude), let longitude = shown("GPSLongitude", composite: longitude),
           latitude.isFinite, longitude.isFinite {
            result.append(MetadataTag(group: "Composite", name: "GPSPosition",
                                      value: .string(TagValue.format(latitude) + " " + TagValue.format(longitude))))
        }
        return result
    }
}
