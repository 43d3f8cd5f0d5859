/// Why the case store could not do what was asked.
public enum CaseStoreError: Error, CustomStringConvertible, Sendable {
    /// The case file could not be opened or migrated.
    case cannotOpen(path: String, detail: String)
    /// SQLite refused a read or a write.
    case database(String)
    /// A file or digest that is not in the case.
    case notFound(String)
    /// An SQLite database that is no case (another tool's), which is not written to.
    case notACase(path: String, tables: [String])

    public var description: String {
        switch self {
        case .cannotOpen(let path, let detail): "cannot open case \(path): \(detail)"
        case .database(let detail): "case database error: \(detail)"
        case .notFound(let what): "\(what) is not in the case"
        case .notACase(let path, let tables):
            "\(path) is another tool's SQLite database (tables: \(tables.prefix(5).joined(separator: ", "))\(tables.count > 5 ? ", …" : "")), not a case; nothing written"
        }
    }
}
