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

    /// The raw field, consumed.
    mutating func take(_ key: String) -> Any? { remaining.removeValue(forKey: key) }

    /// The unconsumed fields as a JSON object with sorted keys.
    var extraJSON: String { Self.json(remaining) }

    static func text(_ value: Any) -> String? {
        switch value {
        case let text as String: text.isEmpty ? nil : text
        case let number as NSNumber where !(value is Bool): number.stringValue
        default: nil
        }
    }

    static func json(_ object: Any) -> String {
        guard JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses a JSON object, or throws ``SidecarError``.
    static func object(_ data: Data, line: Int? = nil) throws(SidecarError) -> [String: Any] {
        let value: Any
        do { value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw .invalidJSON(line: line, detail: "\(error.localizedDescription)")
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
