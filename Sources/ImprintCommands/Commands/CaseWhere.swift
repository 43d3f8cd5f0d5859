import ArgumentParser
import CaseStore
import ImageDecoding

/// Parses `imprint case files --where` conditions into a ``CaseFileFilter``.
enum CaseWhere {
    static func filter(_ conditions: [String]) throws -> CaseFileFilter {
        var filter = CaseFileFilter()
        for condition in conditions {
            guard let (key, op, value) = split(condition) else {
                throw ValidationError("--where \(condition): expected KEY=VALUE, KEY>=VALUE or KEY<VALUE.")
            }
            switch (key.lowercased(), op) {
            case ("folder", "="): filter.folder = absolutePath(value)
            case ("taken", _):
                // A date names a period (2018 is the whole year): ">= 2018" starts at its
                // first instant, "> 2018" after its last, "< 2018" before its first, and
                // "<= 2018" includes it.
                guard let period = TakenPeriod(value) else {
                    throw ValidationError("--where \(condition): taken needs a date as 2017, 2017-07, 2017-07-02 or 2017-07-02T09:41[:17], "
                                          + "without a time zone (compared in UTC where the file recorded its offset, else as the camera's clock read).")
                }
                switch op {
                case ">=": filter.takenFrom = period.start
                case ">": filter.takenFrom = period.end
                case "<": filter.takenBefore = period.start
                case "<=": filter.takenBefore = period.end
                default: throw ValidationError("--where \(condition): taken takes >=, >, < or <=.")
                }
            case ("gps", "="): filter.hasGPS = try yesNo(value, condition)
            case ("posts", "="): filter.hasPost = try yesNo(value, condition)
            case ("format", "="):
                // Formats the case can hold: a misspelled or unsupported one (gif) would match nothing in silence.
                let known = ImageFormat.allCases.map(\.rawValue)
                guard known.contains(value.uppercased()) || value.lowercased() == "jpg" || value.lowercased() == "tif" else {
                    throw ValidationError("--where \(condition): format is one of \(known.map { $0.lowercased() }.joined(separator: ", ")).")
                }
                filter.format = value.lowercased() == "jpg" ? "JPEG" : value.lowercased() == "tif" ? "TIFF" : value
            case ("make", "="): filter.make = value
            case ("model", "="): filter.model = value
            case ("status", "="):
                if value.lowercased() == "error" {
                    filter.statuses = [.warning, .failed]
                } else if let status = FileRecord.DecodeStatus(rawValue: value.lowercased()) {
                    filter.statuses = [status]
                } else {
                    throw ValidationError("--where \(condition): status is ok, warning, failed or error.")
                }
            default:
                throw ValidationError("--where \(condition): unknown condition; see imprint case files --help.")
            }
        }
        return filter
    }

    private static func split(_ condition: String) -> (String, String, String)? {
        for op in [">=", "<=", "=", ">", "<"] {
            if let range = condition.range(of: op) {
                return (String(condition[..<range.lowerBound]), op, String(condition[range.upperBound...]))
            }
        }
        return nil
    }

    private static func yesNo(_ value: String, _ condition: String) throws -> Bool {
        switch value.lowercased() {
        case "yes", "true", "1": return true
        case "no", "false", "0": return false
        default: throw ValidationError("--where \(condition): expected yes or no.")
        }
    }
}

/// The period a `taken` bound names, as the prefixes of stored dates (`2017-07-02T09:41:17`)
/// at which it starts and after which it ends.
struct TakenPeriod: Equatable {
    /// The first instant, as a prefix: `2017-07`.
    let start: String
    /// The first instant after the period: `2017-08`.
    let end: String

    /// Reads `2017`, `2017-07`, `2017-07-02`, `2017-07-02T09:41` or `…:17` (a space for the
    /// `T` too); nil for anything else.
    init?(_ text: String) {
        let parts = text.split(whereSeparator: { "-T :".contains($0) }).map(String.init)
        let widths = [4, 2, 2, 2, 2, 2]
        guard (1...6).contains(parts.count), zip(parts, widths).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCII) && Int($0) != nil }),
              text.count == parts.reduce(0, { $0 + $1.count }) + parts.count - 1 else { return nil }
        var numbers = parts.compactMap { Int($0) }
        let limits = [(0, 9999), (1, 12), (1, 31), (0, 23), (0, 59), (0, 59)]
        for (index, number) in numbers.enumerated() where !(limits[index].0...limits[index].1).contains(number) { return nil }
        start = Self.format(numbers)
        // The next period at the same precision, carrying into the larger units.
        func daysIn(_ year: Int, _ month: Int) -> Int {
            [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        }
        if numbers.count >= 3, numbers[2] > daysIn(numbers[0], numbers[1]) { return nil }
        var index = numbers.count - 1
        numbers[index] += 1
        while index > 0 {
            let overflow: Bool
            switch index {
            case 1: overflow = numbers[1] > 12
            case 2: overflow = numbers[2] > daysIn(numbers[0], numbers[1])
            case 3: overflow = numbers[3] > 23
            default: overflow = numbers[index] > 59
            }
            guard overflow else { break }
            numbers[index] = index <= 2 ? 1 : 0
            index -= 1
            numbers[index] += 1
        }
        end = Self.format(numbers)
    }

    private static func format(_ numbers: [Int]) -> String {
        let separators = ["", "-", "-", "T", ":", ":"]
        return numbers.enumerated().map { index, number in
            separators[index] + zeroPadded(number, width: index == 0 ? 4 : 2)
        }.joined()
    }
}