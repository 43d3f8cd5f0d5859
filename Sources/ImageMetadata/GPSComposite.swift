/// exiftool's Composite GPS tags, derived from the GPS IFD the way exiftool 12.57 does.
enum GPSComposite {
    /// Composite:GPSAltitude, GPSDateTime, GPSLatitude, GPSLongitude and GPSPosition for `tags`.
    static func tags(from tags: [MetadataTag]) -> [MetadataTag] {
        func gps(_ name: String) -> TagValue? {
            tags.first { $0.group == "GPS" && $0.name == name }?.value
        }
        var result: [MetadataTag] = []
        // exiftool requires the reference too, and treats any non-zero reference as below sea level.
        if let altitude = gps("GPSAltitude")?.numericValue, altitude.isFinite, let reference = gps("GPSAltitudeRef")?.numericValue {
            result.append(MetadataTag(group: "Composite", name: "GPSAltitude", value: .double(reference != 0 ? -abs(altitude) : altitude)))
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
        if let latitude, let longitude {
            result.append(MetadataTag(group: "Composite", name: "GPSPosition",
                                      value: .string(TagValue.format(latitude) + " " + TagValue.format(longitude))))
        }
        return result
    }
}
