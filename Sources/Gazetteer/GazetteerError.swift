/// Why a gazetteer file could not be read.
public enum GazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is none of the formats Imprint imports.
    case unrecognisedFormat(path: String, detail: String)
    /// A row or field is unusable; `line` is 1-based.
    case badRow(path: String, line: Int, detail: String)
    /// The file could not be read at all.
    case unreadable(path: String, detail: String)

    public var description: String {
        switch self {
        case .unrecognisedFormat(let path, let detail):
            "\(path): not a gazetteer Imprint can import (\(detail))"
        case .badRow(let path, let line, let detail):
            "\(path):\(line): \(detail)"
        case .unreadable(let path, let detail):
            "\(path): cannot read (\(detail))"
        }
    }
}
