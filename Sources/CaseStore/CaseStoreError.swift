internal import GRDB

/// Why the case store could not do what was asked.
public enum CaseStoreError: Error, CustomStringConvertible, Sendable {
    /// The case file could not be opened or migrated.
    case cannotOpen(path: String, detail: String)
    /// SQLite refused a read or a write; the message says what that means for the case.
    case database(String)
    /// A file or digest that is not in the case.
    case notFound(String)
    /// An SQLite database that is no case (another tool's), which is not written to.
    case notACase(path: String, tables: [String])

    public var description: String {
        switch self {
        case .cannotOpen(let path, let detail): "cannot open case \(path): \(detail)"
        case .database(let message): message
        case .notFound(let what): "\(what) is not in the case"
        case .notACase(let path, let tables):
            "\(path) is another tool's SQLite database (tables: \(tables.prefix(5).joined(separator: ", "))\(tables.count > 5 ? ", …" : "")), not a case; nothing written"
        }
    }
}

extension CaseStoreError {
    /// An SQLite failure as ``database(_:)``, said in the user's words where its code tells
    /// what happened to the case (SQLite's own, "database or disk is full - while executing
    /// COMMIT TRANSACTION", do not say what was kept or what to do).
    static func failed(_ error: any Error) -> CaseStoreError {
        guard let error = error as? DatabaseError else { return .database("case database error: \(error)") }
        let detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        return switch error.resultCode {
        case .SQLITE_FULL:
            .database("the disk that holds the case is full: the batch being written was not saved (what was committed before it is kept); free some space and run the same command again")
        case .SQLITE_READONLY:
            .database("the case cannot be written (a read-only file, folder or mount): nothing was changed (\(detail))")
        case .SQLITE_IOERR:
            .database("the disk failed to read or write the case (\(detail)): what was committed is kept; run the same command again once the disk is sound")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            .database("the case file is damaged (\(detail)): keep a copy of it and ingest again into a new case")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            .database("another program held the case too long (\(detail)): run the command again when it has finished")
        default:
            .database("case database error: \(detail)")
        }
    }
}
