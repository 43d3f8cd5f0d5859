import ImageMetadata

/// Tags as one JSON object, keys in the order given (the order `imprint exif` prints).
public enum TagJSON {
    static func object(_ pairs: [(key: String, value: TagValue)]) -> String {
        var out = "{"
        for (index, pair) in pairs.enumerated() {
            if index > 0 { out += "," }
            quote(pair.key, into: &out)
            out += ":"
            append(pair.value, into: &out)
        }
        return out + "}"
    }

    static func append(_ value: TagValue, into out: inout String) {
        switch value {
        case .string(let text): quote(text, into: &out)
        case .integer(let number): out += String(number)
        case .boolean(let flag): out += flag ? "true" : "false"
        case .double(let number):
            if number.isFinite { out += value.exiftoolText } else { quote(value.exiftoolText, into: &out) }
        case .list(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                append(item, into: &out)
            }
            out += "]"
        }
    }

    /// Appends `text` as a JSON string: the one quoting rule for the case's JSON and the
    /// command line's output alike.
    public static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Most values need no escape: appended whole, not a scalar at a time.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
