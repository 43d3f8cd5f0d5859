/// Why a sidecar file could not be read.
public enum SidecarError: Error, CustomStringConvertible, Equatable {
    /// The file is not valid JSON (or a JSON line is not).
    case invalidJSON(line: Int?, detail: String)
    /// The JSON is valid but not shaped as the format requires.
    case unexpectedShape(String)
    /// Records none of which names a `file` (JSON Lines, or a table's empty file column).
    case missingColumn(String)
    /// A table whose header names post columns (`text`, `caption`, `date`, …) but none for
    /// the pictures: its posts could be linked to nothing. The header's cells as written.
    case noFileColumn(header: [String])
    /// The file is larger than a sidecar may be; it was not read.
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .invalidJSON(let line, let detail):
            "not valid JSON" + (line.map { " on line \($0)" } ?? "") + ": \(detail)"
        case .unexpectedShape(let detail): "unexpected content: \(detail)"
        case .missingColumn(let name): "no row or record names a '\(name)'"
        case .noFileColumn(let header):
            "no column names the pictures, so no post is read: the header is "
                + (header.prefix(8).joined(separator: ",") + (header.count > 8 ? ",…" : "")).debugDescription
                + "; name the pictures' column file (or filename, file_name, image, media, photo, picture)"
        case .tooLarge(let bytes, let limit): "sidecar of \(bytes) bytes is over the \(limit)-byte limit; not read"
        }
    }
}
