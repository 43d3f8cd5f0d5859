/// Why a sidecar file could not be read.
public enum SidecarError: Error, CustomStringConvertible, Equatable {
    /// The file is not valid JSON (or a JSON line is not).
    case invalidJSON(line: Int?, detail: String)
    /// The JSON is valid but not shaped as the format requires.
    case unexpectedShape(String)
    /// A CSV file without a header row naming a `file` column.
    case missingColumn(String)

    public var description: String {
        switch self {
        case .invalidJSON(let line, let detail):
            "not valid JSON" + (line.map { " on line \($0)" } ?? "") + ": \(detail)"
        case .unexpectedShape(let detail): "unexpected content: \(detail)"
        case .missingColumn(let name): "the header has no '\(name)' column"
        }
    }
}
