/// Why a sidecar file could not be read.
public enum SidecarError: Error, CustomStringConvertible, Equatable {
    /// The file is not valid JSON (or a JSON line is not).
    case invalidJSON(line: Int?, detail: String)
    /// The JSON is valid but not shaped as the format requires.
    case unexpectedShape(String)
    /// A CSV file without a header row naming a `file` column.
    case missingColumn(String)
    /// The file is larger than a sidecar may be; it was not read.
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .invalidJSON(let line, let detail):
            "not valid JSON" + (line.map { " on line \($0)" } ?? "") + ": \(detail)"
        case .unexpectedShape(let detail): "unexpected content: \(detail)"
        case .missingColumn(let name): "the header has no '\(name)' column"
        case .tooLarge(let bytes, let limit): "sidecar of \(bytes) bytes is over the \(limit)-byte limit; not read"
        }
    }
}
