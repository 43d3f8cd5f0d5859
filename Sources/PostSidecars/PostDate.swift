import Foundation

/// The date formats scrapers write, all read as instants in UTC.
enum PostDate {
    /// Parses ISO 8601 (with `Z`, an offset, or none: UTC; seconds may be left out),
    /// gallery-dl's `YYYY-MM-DD HH:MM:SS` (UTC), yt-dlp's `YYYYMMDD`, Twitter's `Sun Jul 02
    /// 09:41:17 +0000 2017`, Unix time as a number or digits, in seconds (with a fraction or
    /// not) or (JavaScript's) milliseconds, ISO 8601's basic form, and what analysts type in tables: day-first `25/03/2019 09:15` (the
    /// month first only when the day-first reading is impossible), `5 March 2019`, `Mar 5,
    /// 2019 2:02 PM`, RFC 2822, an offset after a space or as `GMT+3`. No zone means UTC.
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
        // Seconds with a fraction, as Reddit's `created_utc` (1709287200.0).
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count >= 9, parts[0].allSatisfy(\.isNumber), !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber),
           let seconds = Double(text) {
            return unixTime(seconds)
        }
        let normalized = Self.numericZone(text)
        // Made once: a DateFormatter costs more to make than to use, and a date that matches
        // none of the formats tries them all. Used under the lock (not safe to share otherwise).
        lock.lock()
        defer { lock.unlock() }
        for formatter in formatters {
            if let date = formatter.date(from: normalized) { return date }
        }
        return nil
    }

    /// Whether a table's dates are written month first: one of them reads only that way
    /// (12/25/2017) and none only day first (25/12/2017). Then its ambiguous ones (03/04/2017)
    /// are month first too, rather than each guessed alone.
    static func monthFirst(_ values: [String]) -> Bool {
        var onlyMonthFirst = false
        for value in values {
            guard let (first, second) = leadingPair(value) else { continue }
            if first > 12 && second <= 12 { return false }
            if second > 12 && first <= 12 { onlyMonthFirst = true }
        }
        return onlyMonthFirst
    }

    /// What a table whose dates include some that read both ways (01/05/2023: 1 May or 5
    /// January) should tell its reader: how they were read, and why. Nil when none does.
    static func orderNote(_ values: [String], monthFirst: Bool) -> String? {
        let both = values.filter { value in leadingPair(value).map { $0.0 <= 12 && $0.1 <= 12 && $0.0 != $0.1 } ?? false }
        guard let example = both.first?.trimmingCharacters(in: .whitespaces) else { return nil }
        let count = both.count == 1 ? "a date (\(example))" : "\(both.count) dates (such as \(example))"
        return monthFirst
            ? "\(count) could be day or month first: read month first, as other dates of the table can only be read (12/25)"
            : "\(count) could be day or month first: read day first, as no date of the table is only month first (12/25)"
    }

    /// `03/04/2017 …` written day first (`04/03/2017 …`), for a month-first table.
    static func dayFirst(_ value: String) -> String {
        guard let match = value.range(of: #"^\s*\d{1,2}[/.-]\d{1,2}(?=[/.-]\d{4})"#, options: .regularExpression) else { return value }
        let parts = value[match].split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        let separator = value[match].first { $0 == "/" || $0 == "." || $0 == "-" }!
        return parts[1] + String(separator) + parts[0].trimmingCharacters(in: .whitespaces) + value[match.upperBound...]
    }

    /// The first two numbers of `NN/NN/YYYY` (or with `.` or `-`).
    private static func leadingPair(_ value: String) -> (Int, Int)? {
        guard let match = value.range(of: #"^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"#, options: .regularExpression) else { return nil }
        let numbers = value[match].split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return numbers.count == 3 ? (numbers[0], numbers[1]) : nil
    }

    /// The instant a Twitter/X post id was made: ids since late 2010 are snowflakes, whose bits
    /// above the lowest 22 count milliseconds since 2010-11-04 01:42:54.657 UTC. Nil for the
    /// older serial ids and anything else.
    static func twitterSnowflake(_ id: String) -> Date? {
        guard id.count <= 20, let value = UInt64(id), value >= 1_000_000_000_000_000 else { return nil }
        return Date(timeIntervalSince1970: Double((value >> 22) + 1_288_834_974_657) / 1000)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static let formatters: [DateFormatter] = formats.map { format in
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }

    /// "… GMT+3", "…UTC-04:30" (Facebook's and spreadsheets' zones) as a numeric offset,
    /// "… +03:00", which the formats read.
    private static func numericZone(_ text: String) -> String {
        guard let range = text.range(of: #"\s*(GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?$"#, options: .regularExpression) else { return text }
        let zone = text[range].filter { !$0.isWhitespace }.dropFirst(3)
        let sign = zone.first!
        let digits = zone.dropFirst().split(separator: ":").flatMap { $0 }
        let hours = String(digits.prefix(digits.count > 2 ? digits.count - 2 : digits.count))
        let minutes = digits.count > 2 ? String(digits.suffix(2)) : "00"
        return text[..<range.lowerBound] + " \(sign)" + (hours.count == 1 ? "0" + hours : hours) + ":" + minutes
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
        // ISO 8601's basic form: 20240301T100000Z, 20240301T100000+0300.
        "yyyyMMdd'T'HHmmssXX", "yyyyMMdd'T'HHmmss",
        // An offset after a space, as spreadsheets and people write it: 2019-03-05 17:02 +03:00.
        "yyyy-MM-dd HH:mm:ss XXXXX", "yyyy-MM-dd HH:mm XXXXX", "yyyy-MM-dd HH:mm:ss Z", "yyyy-MM-dd HH:mm Z",
        // Day first, as Iraq, Syria and Europe write dates (25/03/2019 09:15); the month first
        // only where the day-first reading is impossible (03/25/2019).
        "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy",
        "dd-MM-yyyy HH:mm", "dd-MM-yyyy", "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "MM/dd/yyyy h:mm a", "MM/dd/yyyy",
        // Month names: 5 March 2019, Mar 5, 2019 2:02 PM, RFC 2822's Tue, 05 Mar 2019 14:02:00 +0300.
        "d MMMM yyyy HH:mm", "d MMMM yyyy", "d MMM yyyy HH:mm", "d MMM yyyy", "MMMM d, yyyy h:mm a", "MMMM d, yyyy",
        "MMM d, yyyy h:mm a", "MMM d, yyyy h:mm a XXXXX", "MMM d, yyyy", "EEE, dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss Z",
    ]

    /// `2017-07-02T09:41:17Z`: how dates are stored and printed.
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
