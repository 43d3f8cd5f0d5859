/// Day numbers (days since 1970-01-01, proleptic Gregorian) for the dates the case stores,
/// computed directly rather than through Foundation's calendars, cheap enough to call per post.
public enum CalendarDay {
    /// The day number of an ISO 8601 date's calendar day (`YYYY-MM-DD…`; time and zone
    /// ignored), or nil when the text does not start with such a date.
    public static func number(iso: String) -> Int? {
        let digits = Array(iso.utf8.prefix(10))
        guard digits.count == 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in digits[range] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month) else { return nil }
        return days(year, month, day)
    }

    /// Seconds since 1970-01-01T00:00:00Z of an ISO 8601 date or time (`YYYY-MM-DD`,
    /// `YYYY-MM-DDTHH:MM[:SS[.fff]]`, then `Z`, `±HH:MM` or nothing), or nil when the text does
    /// not start with a date. A time without a zone (EXIF's local time) is read as UTC, and a
    /// date alone as its midnight.
    public static func seconds(iso: String) -> Int? {
        guard let day = number(iso: iso) else { return nil }
        let bytes = Array(iso.utf8)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = digits(11, 2), let minute = digits(14, 2) else { return day * 86_400 }
        var position = 16
        var second = 0
        if position + 3 <= bytes.count, bytes[position] == UInt8(ascii: ":"), let value = digits(position + 1, 2) {
            second = value
            position += 3
        }
        while position < bytes.count, bytes[position] == UInt8(ascii: ".") || (bytes[position] >= 48 && bytes[position] <= 57) {
            position += 1
        }
        var offset = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"),
           let hours = digits(position + 1, 2) {
            let minutes = position + 4 < bytes.count && bytes[position + 3] == UInt8(ascii: ":") ? digits(position + 4, 2) ?? 0 : digits(position + 3, 2) ?? 0
            offset = (hours * 3600 + minutes * 60) * (bytes[position] == UInt8(ascii: "-") ? -1 : 1)
        }
        return day * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    /// Howard Hinnant's days_from_civil.
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The UTC calendar year of a time in seconds since 1970.
    public static func year(seconds: Int) -> Int {
        civil(Int((Double(seconds) / 86_400).rounded(.down))).0
    }

    /// Howard Hinnant's civil_from_days: (year, month, day).
    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
