internal import Foundation

/// One metadata value, shaped the way `exiftool -n -j` prints it, so it can go straight to JSON.
public enum TagValue: Sendable, Hashable {
    /// Text, trimmed of trailing NULs but otherwise as stored.
    case string(String)
    /// A whole number.
    case integer(Int64)
    /// A real number (EXIF rationals, floats, decimal GPS degrees).
    case double(Double)
    /// Several values (XMP bags and sequences); EXIF multi-value numbers are a space-separated
    /// `.string`, as exiftool gives them.
    case list([TagValue])
    /// An XMP boolean ("True"/"False"), which exiftool's JSON prints as true/false.
    case boolean(Bool)

    /// The value as exiftool prints it: integers plain, reals with up to 15 significant
    /// digits and no trailing zeros, lists joined by ", ".
    public var exiftoolText: String {
        switch self {
        case .string(let text): text
        case .integer(let number): String(number)
        case .double(let number): Self.format(number)
        case .list(let items): items.map(\.exiftoolText).joined(separator: ", ")
        case .boolean(let flag): flag ? "True" : "False"
        }
    }

    /// The value as a number when it is one, or text that reads as one (exiftool's JSON does
    /// the same when it decides whether to quote).
    public var numericValue: Double? {
        switch self {
        case .integer(let number): Double(number)
        case .double(let number): number
        case .string(let text): Double(text.trimmingSpaces)
        case .list, .boolean: nil
        }
    }

    /// Formats a real like Perl's `%.15g`, which is what exiftool's JSON output uses.
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? "undef" : (number > 0 ? "inf" : "-inf") }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        // Swift's shortest text that reads back as `number` is what `%.15g` prints when it has
        // at most 15 significant digits and no exponent: the number is then closer to that
        // text than half a step of the 15th digit, so rounding to 15 digits gives the same.
        // (Most reals are so: GPS degrees, exposure times, seconds. The C library's printf,
        // the others' way, costs a va_list of existentials and a dynamic cast each time.)
        if abs(number) >= 1e-4, abs(number) < 1e15 {
            let text = number.description
            if Self.isPlainWithAtMost15Digits(text) { return text }
        }
        return cFormat("%.15g", number)
    }

    /// Whether `text` is a plain decimal (no exponent) of at most 15 significant digits.
    private static func isPlainWithAtMost15Digits(_ text: String) -> Bool {
        var digits = 0, leading = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0"): if !leading { digits += 1 }
            case UInt8(ascii: "1")...UInt8(ascii: "9"): leading = false; digits += 1
            case UInt8(ascii: "-"), UInt8(ascii: "."): break
            default: return false
            }
        }
        return digits <= 15
    }
}

/// `printf`-style formatting of one real through the C library: Foundation's
/// `String(format:)` goes through CFString and is an order of magnitude slower.
func cFormat(_ format: String, _ number: Double) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
        let written = withVaList([number]) { vsnprintf(buffer.baseAddress, 64, format, $0) }
        let length = min(max(Int(written), 0), 63)
        return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: length), as: UTF8.self)
    }
}

extension TagValue: CustomStringConvertible {
    /// Same as ``exiftoolText``.
    public var description: String { exiftoolText }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs, newlines and NULs.
    var trimmingSpaces: String {
        let junk: Set<Character> = [" ", "\t", "\n", "\r", "\0"]
        var slice = Substring(self)
        while let first = slice.first, junk.contains(first) { slice.removeFirst() }
        while let last = slice.last, junk.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
