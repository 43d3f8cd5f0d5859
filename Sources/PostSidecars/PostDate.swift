import Foundation

/// The date formats scrapers write, all read as instants in UTC.
enum PostDate {
    /// Parses ISO 8601 (with `Z`, an offset, or none: UTC; seconds may be left out),
    /// gallery-dl's `YYYY-MM-DD HH:MM:SS` (UTC), yt-dlp's `YYYYMMDD`, Twitter's `Sun Jul 02
    /// 09:41:17 +0000 2017`, and Unix time as a number or digits, in seconds or (JavaScript's)
    /// milliseconds.
    static func parse(_ value: Any?) -> Date? {
        if let number = value as? NSNumber, !JSONFields.isBoolean(number) { return unixTime(number.doubleValue) }
        guard let written = (value as? String)?.trimmingCharacters(in: SidecarReader.blanks), !written.isEmpty else { return nil }
        // Arabic-Indic (٠–٩) and Persian (۰–۹) digits are digits.
        let text = String(String.UnicodeScalarView(written.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x0660...0x0669: Unicode.Scalar(scalar.value - 0x0660 + 0x30)!
            case 0x06F0...0x06F9: Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!
            default: scalar
            }
        }))
        // Every supported format is ASCII. Anything else is not a date, and must not reach
        // DateFormatter: swift-corelibs-foundation traps when the parsed range ends inside a
        // grapheme cluster (a date followed by an Arabic combining mark; found by scripts/fuzz).
        guard text.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        if text.count >= 9, text.allSatisfy(\.isNumber), text.count != 8, let seconds = Double(text) {
            return unixTime(seconds)
        }
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// A Unix time: seconds, or milliseconds when seconds would put it past the year 5000;
    /// nil when even milliseconds would (microseconds, garbage).
    private static func unixTime(_ value: Double) -> Date? {
        let seconds = abs(value) >= 1e11 ? value / 1000 : value
        return abs(seconds) < 1e11 ? Date(timeIntervalSince1970: seconds) : nil
    }

    private static let formats = [
        "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXXXX",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ssXXXXX", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm",
        "yyyyMMdd", "EEE MMM dd HH:mm:ss Z yyyy",
    ]

    /// `2017-07-02T09:41:17Z`: how dates are stored and printed.
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
