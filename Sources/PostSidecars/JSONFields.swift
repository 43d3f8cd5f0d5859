import Foundation

/// A JSON object being taken apart: fields read by name are consumed, the rest become
/// ``Post/extra``.
struct JSONFields {
    private(set) var remaining: [String: Any]

    init(_ object: [String: Any]) { remaining = object }

    /// The field as text (strings as they are, numbers in decimal), consumed.
    mutating func string(_ keys: String...) -> String? {
        var found: String?
        for key in keys {
            guard let value = remaining.removeValue(forKey: key) else { continue }
            if found == nil { found = Self.text(value) }
        }
        return found
    }

    /// The first of `keys` with text, consumed; the others stay for `extra` (a handle chosen
    /// over a display name keeps the name).
    mutating func preferred(_ keys: String...) -> String? {
        for key in keys {
            if let value = remaining[key], let text = Self.text(value) {
                remaining.removeValue(forKey: key)
                return text
            }
        }
        return nil
    }

    /// The raw field, consumed.
    mutating func take(_ key: String) -> Any? { remaining.removeValue(forKey: key) }

    /// The field as a date (``PostDate/parse(_:)``), consumed when it is one, null or a blank
    /// string; anything else ("yesterday", "13/25/2024", an object) stays, to be kept in
    /// `extra` as written.
    mutating func date(_ key: String) -> Date? {
        guard let value = remaining[key] else { return nil }
        let date = PostDate.parse(value)
        if date != nil || value is NSNull || (value as? String)?.trimmingCharacters(in: SidecarReader.blanks).isEmpty == true {
            remaining.removeValue(forKey: key)
        }
        return date
    }

    /// The field as an account name without consuming it: text, or an object's `name`,
    /// `username` or `id` (gallery-dl writes `{"id": …, "name": handle, "nick": display name}`).
    func account(_ key: String) -> String? {
        guard let value = remaining[key] else { return nil }
        if let object = value as? [String: Any] {
            // Twitter's `name` is the handle; Mastodon's `username`, Bluesky's `handle`, TikTok's
            // `uniqueId` (its `id` is a number).
            // Pixiv's `name` is a display name, its `account` the handle.
            return (object["account"] as? String ?? object["name"] ?? object["username"] ?? object["handle"] ?? object["acct"]
                    ?? object["uniqueId"] ?? object["id"])
                .flatMap(Self.text)
        }
        return Self.text(value)
    }

    /// The unconsumed fields as a JSON object with sorted keys.
    /// The unread fields as JSON. Members whose value is null are left out, in nested objects
    /// too: the case merges `extra` objects as JSON merge patches (RFC 7396), where null
    /// deletes a member, so keeping them would make a re-read sidecar store something else
    /// than its first read did. (Arrays are replaced whole by a patch, and keep their nulls.)
    var extraJSON: String { Self.json(Self.withoutNullMembers(remaining)) }

    private static func withoutNullMembers(_ object: [String: Any]) -> [String: Any] {
        var kept: [String: Any] = [:]
        for (key, value) in object where !(value is NSNull) {
            kept[key] = (value as? [String: Any]).map(withoutNullMembers) ?? value
        }
        return kept
    }

    static func text(_ value: Any) -> String? {
        switch value {
        case let text as String: text.isEmpty ? nil : text
        case let number as NSNumber where !isBoolean(number): number.stringValue
        default: nil
        }
    }

    /// `data` with Python's NaN, Infinity and -Infinity outside strings, and numbers too large
    /// for a double (`1e400`, valid JSON that Foundation refuses), replaced by null; nil when
    /// it has none.
    static func withoutNonFiniteNumbers(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        let tokens = ["-Infinity", "Infinity", "NaN"].map { Array($0.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false, escaped = false, changed = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            } else if byte == 0x22 {
                inString = true
            } else if let token = tokens.first(where: { bytes[index...].starts(with: $0) }) {
                out += Array("null".utf8)
                index += token.count
                changed = true
                continue
            } else if byte == 0x2D || (0x30...0x39).contains(byte) {
                var end = index + 1
                while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
                let number = bytes[index..<end]
                if number.contains(where: { $0 == 0x65 || $0 == 0x45 }),
                   Double(String(decoding: number, as: UTF8.self)).map({ !$0.isFinite }) ?? false {
                    out += Array("null".utf8)
                    changed = true
                } else {
                    out += number
                }
                index = end
                continue
            }
            out.append(byte)
            index += 1
        }
        return changed ? Data(out) : nil
    }

    /// A byte that continues a JSON number: digits, sign, point, exponent.
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E || byte == 0x65 || byte == 0x45
    }

    /// Whether a JSON number is really true/false. `value is Bool` will not tell: Foundation
    /// bridges every NSNumber holding 0 or 1 to Bool, so `"num": 1` would read as no number.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    static func json(_ object: Any) -> String {
        guard JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// What JSONSerialization says is wrong, with the place as a line and column when it
    /// gives one ("Invalid value around character 15" → "invalid value at line 2, column 7").
    static func whereInvalid(_ error: any Error, in data: Data) -> String {
        guard let said = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return error.localizedDescription }
        guard let range = said.range(of: "around character "),
              let offset = Int(said[range.upperBound...].prefix { $0.isNumber }) else {
            return said.hasSuffix(".") ? String(said.dropLast()) : said
        }
        let before = data.prefix(max(0, offset))
        let line = before.filter { $0 == 0x0A }.count + 1
        let column = before.count - ((before.lastIndex(of: 0x0A).map { before.distance(from: before.startIndex, to: $0) + 1 }) ?? 0) + 1
        let what = said[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        return "\(what.prefix(1).lowercased() + what.dropFirst()) at line \(line), column \(column)"
    }

    /// Parses a JSON object, or throws ``SidecarError``.
    static func object(_ data: Data, line: Int? = nil) throws(SidecarError) -> [String: Any] {
        let value: Any
        do { value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            // Python's json module (gallery-dl, yt-dlp) writes NaN and Infinity, which JSON has
            // not; read them as null rather than lose the whole sidecar.
            guard let repaired = withoutNonFiniteNumbers(data),
                  let again = try? JSONSerialization.jsonObject(with: repaired, options: [.fragmentsAllowed]) else {
                throw .invalidJSON(line: line, detail: Self.whereInvalid(error, in: data))
            }
            value = again
        }
        guard let object = value as? [String: Any] else { throw .unexpectedShape("expected a JSON object") }
        return object
    }
}

extension String {
    /// The last path component of a URL or path, without its query or fragment.
    var urlFileName: String {
        var path = Substring(self)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        return String(path.split(separator: "/").last ?? "")
    }
}
