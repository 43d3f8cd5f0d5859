import CaseStore
import ImageMetadata

/// A value in an output record: what JSON, CSV and text output know how to print.
public enum OutputValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    /// A number kept as written ("2.50", "1e5"): metadata text that exiftool's JSON prints
    /// unquoted.
    case number(String)
    case list([OutputValue])
    /// JSON text written as it is: a nested object or array in JSON output (a post, the tags
    /// of a file), the same text in CSV and text output.
    case json(String)
    case null

    /// The value as JSON text. Reals print as exiftool prints them (`%.15g`: integral ones
    /// without a fraction, 151.2 not 151.20000000000002).
    var json: String {
        var out = ""
        appendJSON(to: &out)
        return out
    }

    func appendJSON(to out: inout String) {
        switch self {
        case .string(let text): Self.appendQuoted(text, to: &out)
        case .integer(let number): out += String(number)
        case .double(let number): out += Self.format(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .null: out += "null"
        case .json(let text): out += text
        case .list(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.appendJSON(to: &out)
            }
            out += "]"
        }
    }

    /// The value as plain text: strings unquoted, lists joined by ", " as exiftool's `-csv`
    /// and text output join them (`-sep`'s default), so that ["Tabqa airbase", "Raqqa"] and
    /// ["Tabqa", "airbase Raqqa"] stay apart.
    var text: String {
        switch self {
        case .string(let text): text
        case .integer(let number): String(number)
        case .double(let number): Self.format(number)
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): text
        case .null: ""
        case .json(let text): text
        case .list(let items): items.map(\.text).joined(separator: ", ")
        }
    }

    /// A list of names for `format`: an array in JSON; in CSV and text joined with `|`,
    /// because the names themselves hold spaces and commas ("Central Bank of Iraq, Mosul
    /// branch", "Mosul, June 2014 [abc].jpg"), and `|` is how the site import format writes lists.
    static func names(_ items: [String], for format: OutputFormat) -> OutputValue {
        format.isJSON ? .list(items.map(OutputValue.string)) : .string(items.joined(separator: "|"))
    }

    static func format(_ number: Double) -> String {
        number.isFinite ? TagValue.format(number) : "null"
    }

    static func appendQuoted(_ text: String, to out: inout String) {
        TagJSON.quote(text, into: &out)
    }
}

/// One output record: ordered key/value pairs (order is part of the output contract).
public typealias OutputRecord = [(key: String, value: OutputValue)]
