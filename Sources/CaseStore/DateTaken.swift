public import ImageMetadata

/// An EXIF date (`2017:07:02 09:41:17`, with `OffsetTimeOriginal` `+03:00` when recorded)
/// turned into ISO 8601: UTC when the offset is known, local time otherwise.
public struct DateTaken: Equatable, Sendable {
    /// `2017-07-02T06:41:17Z` (UTC), `2017-07-02T09:41:17` (local), or `2017-07-02` when the
    /// file recorded no time of day.
    public let iso: String
    /// Whether the file recorded its offset, so that `iso` is UTC.
    public let isUTC: Bool
    /// The tag the date was read from, as `exiftool -G1` names it (`ExifIFD:DateTimeOriginal`,
    /// `XMP-xmp:CreateDate`, `IPTC:DateCreated`).
    public private(set) var source = "DateTimeOriginal"

    /// When the picture was taken, as the case stores it: EXIF DateTimeOriginal (else
    /// CreateDate, XMP's DateCreated, IPTC's DateCreated and TimeCreated) with its own offset
    /// (OffsetTimeOriginal for DateTimeOriginal, OffsetTimeDigitized for CreateDate, as
    /// exiftool's SubSecDateTimeOriginal and SubSecCreateDate take them; an XMP date carries
    /// its zone in its text); nil when the file records none. OffsetTime is ModifyDate's: the
    /// zone of whatever last saved the file, an editor's laptop as often as the camera.
    public init?(metadata: FileMetadata) {
        // XMP's DateCreated holds a time; IPTC's is a date, with its time apart.
        let iptc = metadata.tags.filter { $0.group == "IPTC" }
        let iptcTaken = iptc.first { $0.name == "DateCreated" }.map { date in
            TagValue.string(date.value.exiftoolText + (iptc.first { $0.name == "TimeCreated" }.map { " " + $0.value.exiftoolText } ?? ""))
        }
        let taken = metadata.tag(named: "DateTimeOriginal") ?? metadata.tag(named: "CreateDate")
            ?? metadata.tags.first { $0.name == "DateCreated" && $0.group.hasPrefix("XMP") }
            ?? iptcTaken.map { MetadataTag(group: "IPTC", name: "DateCreated", value: $0) }
        guard let taken else { return nil }
        let offsetTag = taken.group.hasPrefix("XMP") || taken.group == "IPTC" ? nil
            : ["DateTimeOriginal": "OffsetTimeOriginal", "CreateDate": "OffsetTimeDigitized"][taken.name]
        let offset = offsetTag.flatMap { metadata.value(of: $0) }
        self.init(exif: taken.value.exiftoolText, offset: offset?.exiftoolText)
        source = taken.groupedName
    }

    init?(exif text: String, offset: String?) {
        let digits = text.unicodeScalars.map { $0 }
        // YYYY?MM?DD?HH?MM?SS, with any separators; XMP may append an offset.
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= digits.count else { return nil }
            return Int(String(String.UnicodeScalarView(digits[start..<start + length])))
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              (1...12).contains(month), (1...31).contains(day), year > 1800 else { return nil }
        // A date without a time (XMP-photoshop:DateCreated=2017:01:05, IPTC without TimeCreated)
        // stays a date: shown at midnight it would claim a time nobody recorded.
        guard let hour = number(11, 2) else {
            iso = String(Self.format(year, month, day, 0, 0, 0).prefix(10))
            isUTC = false
            return
        }
        // XMP may leave the seconds out ("2017-07-02T10:00+03:00"): then the zone follows the
        // minutes, and its hours are no seconds.
        let hasSeconds = digits.count > 16 && digits[16] == ":"
        let minute = number(14, 2) ?? 0, second = hasSeconds ? number(17, 2) ?? 0 : 0
        let zoneStart = hasSeconds ? 19 : 16
        let trailing = digits.count > zoneStart ? String(String.UnicodeScalarView(digits[zoneStart...])) : ""
        let zone = Self.offsetMinutes(offset) ?? Self.offsetMinutes(trailing.first == "." ? String(trailing.drop { $0 != "+" && $0 != "-" && $0 != "Z" }) : trailing)
        guard let zone else {
            iso = Self.format(year, month, day, hour, minute, second) 
            isUTC = false
            return
        }
        // Shift to UTC through days since the epoch (proleptic Gregorian).
        var total = CalendarDay.days(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - zone * 60
        let dayNumber = Int((Double(total) / 86_400).rounded(.down))
        total -= dayNumber * 86_400
        let (y, m, d) = CalendarDay.civil(dayNumber)
        iso = Self.format(y, m, d, total / 3600, total / 60 % 60, total % 60) + "Z"
        isUTC = true
    }

    /// Whether `iso` is what a camera whose clock was never set records: a date before 1995
    /// (1970-01-01, 1980-01-01, the epochs of Unix and DOS), or New Year's midnight to the
    /// second (2000-01-01T00:00:00, 2010-01-01T00:00:00). Such a date says nothing of when
    /// the picture was taken.
    public static func looksUnset(_ iso: String) -> Bool {
        guard let year = Int(iso.prefix(4)) else { return false }
        if year < 1995 { return true }
        return iso.dropFirst(4).hasPrefix("-01-01T00:00:00")
    }

    /// `+03:00`, `-0500`, `Z` → minutes east of UTC.
    static func offsetMinutes(_ text: String?) -> Int? {
        guard let text = text?.trimmingCharacters(in: " "), !text.isEmpty else { return nil }
        if text == "Z" { return 0 }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter(\.isNumber)
        guard digits.count == 4 || digits.count == 2, let hours = Int(digits.prefix(2)) else { return nil }
        let minutes = digits.count == 4 ? Int(digits.suffix(2)) ?? 0 : 0
        return (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
    }

    static func format(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(mo))-\(two(d))T\(two(h)):\(two(mi)):\(two(s))"
    }
}

private extension String {
    func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return String(slice)
    }
}
