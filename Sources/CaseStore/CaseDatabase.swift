import FileNames
import Foundation
public import GRDB
import Synchronization

/// An investigation's case file: every file ingested, its metadata, hashes and posts, in one
/// SQLite database (WAL mode, one writer, batched transactions).
///
/// The only type in Imprint that opens a database; everything else goes through it.
public final class CaseDatabase: Sendable {
    /// The connection: one connection to the case file in WAL mode (a read-only one for a
    /// reader who may not write the case), or to a case in memory.
    public let writer: any DatabaseWriter
    /// The case file's path, or nil in memory.
    public let path: String?
    /// A second connection for ``concurrentRead(_:)``, opened by the first such read: a run
    /// that reads no file (a second ingest of the same folder, a query) never pays for it.
    private let reader = Mutex<DatabaseQueue?>(nil)

    /// Opens (creating if needed) the case at `path` and brings its schema up to date.
    /// - Throws: ``CaseStoreError/cannotOpen(path:detail:)`` when SQLite refuses the file.
    public convenience init(path: String) throws(CaseStoreError) {
        // Two runs opening a case at once race to set WAL mode and bring the schema up to
        // date: the loser sees "database is locked" or a migration the other run made. It
        // waits and opens again, and finds the schema made (at most about 10 s).
        var attempt = 0
        while true {
            do {
                self.init(writer: try Self.openCase(path), path: path)
                return
            } catch let error as DatabaseError where attempt < 100 && Self.isRaceWithAnotherRun(error) {
                attempt += 1
                usleep(100_000)
            } catch let error as CaseStoreError {
                throw error
            } catch {
                // SQLite's own words ("unable to open database file", "attempt to write a
                // readonly database") do not say that the folder is the cause.
                let folder = (path as NSString).deletingLastPathComponent
                if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                    throw .cannotOpen(path: path, detail: "its folder is not writable (the case needs its -wal and -shm files beside it)")
                }
                throw .cannotOpen(path: path, detail: "\(error)")
            }
        }
    }

    private init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    /// Opens the case at `path` to read it, never writing beside it when this user may not.
    ///
    /// A user who can write the case (and its folder) opens it as ``init(path:)`` does. Anyone
    /// else (a teammate reading an analyst's case in a shared folder, a case handed over on
    /// write-protected media) must not create the `-wal` and `-shm` files SQLite keeps beside
    /// a WAL case: made by another user, they would lock the owner out of the next ingest.
    /// Such a reader opens the case read-only, through the owner's `-shm` while the owner has
    /// it open, and otherwise as immutable: the case file alone, which ingest leaves complete.
    /// - Parameters:
    ///   - writable: whether this user may write the case; nil asks the file system.
    ///   - warn: told when the latest changes, still in a `-wal` nobody can recover here, are
    ///     not read.
    /// - Throws: ``CaseStoreError/cannotOpen(path:detail:)``, also for a read-only case
    ///   made by an older imprint, which only its owner can bring up to date.
    public convenience init(readingFrom path: String, writable: Bool? = nil, warn: (String) -> Void = { _ in }) throws(CaseStoreError) {
        if writable ?? Self.mayWrite(path) {
            try self.init(path: path)
            return
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(60)
        // A `-shm` means the owner has the case open (or had, and was killed): read through it,
        // with locks, never as immutable, which a checkpoint could rewrite underneath. (The
        // owner's empty 32-byte `-wal` says nothing: it is there from the moment a run opens.)
        let walFrames = Self.fileSize(path + "-wal").map { $0 > 32 } ?? false
        let sharedMemory = Self.fileSize(path + "-shm") != nil
        if walFrames && !sharedMemory {
            warn("\(path): the latest changes are in its -wal file, which only the case's owner can recover (by running imprint ingest or any imprint query on it); reading the case without them")
        }
        let queue: DatabaseQueue, current: Bool
        do {
            queue = sharedMemory
                ? try DatabaseQueue(path: path, configuration: configuration)
                : try DatabaseQueue(path: Self.immutableURI(path), configuration: configuration)
            current = try queue.read { try Self.migrator.hasCompletedMigrations($0) }
        } catch {
            throw .cannotOpen(path: path, detail: "\(error)")
        }
        guard current else {
            throw .cannotOpen(path: path, detail: "it was made by an older imprint and is read-only here; its owner brings it up to date by running imprint ingest on it once")
        }
        self.init(writer: queue, path: path)
    }

    /// Whether this user may write `path` and create files beside it.
    private static func mayWrite(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return FileSystemName.withBytes(path, { access($0, W_OK) }) == 0
            && FileSystemName.withBytes(folder.isEmpty ? "." : folder, { access($0, W_OK | X_OK) }) == 0
    }

    /// The size of the file at `path`, or nil when there is none.
    private static func fileSize(_ path: String) -> Int64? {
        var status = stat()
        return FileSystemName.withBytes(path, { stat($0, &status) }) == 0 ? Int64(status.st_size) : nil
    }

    /// SQLite's URI for reading `path` as a file nobody changes: no locks, no `-wal`, no `-shm`.
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        // From the name's bytes (it need not be UTF-8): "/" and unreserved ASCII stay, every
        // other byte ("?", "#", "%", spaces, Arabic) is percent-escaped.
        let bytes = FileSystemName.withBytes(absolute) { Array(UnsafeBufferPointer(start: $0, count: strlen($0))) }
        var uri = "file:"
        for byte in bytes.map({ UInt8(bitPattern: $0) }) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                uri += String(format: "%%%02X", byte)
            }
        }
        return uri + "?immutable=1"
    }

    /// An error of opening a case that another run is opening too: its lock, its half of a
    /// migration both runs began ("table … already exists", "duplicate column name", or the
    /// migration's record the other run wrote first), or the migrations table the other run
    /// created after this connection had read the schema ("no such table: grdb_migrations"
    /// while SQLite's `sqlite_master` already lists it).
    private static func isRaceWithAnotherRun(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
            || error.message.map {
                $0.contains("already exists") || $0.contains("duplicate column name") || $0.contains("grdb_migrations.identifier")
                    || $0.contains("no such table: grdb_migrations")
            } == true
    }

    /// The connection to the case at `path`, in WAL mode, its schema brought up to date.
    ///
    /// A queue, not GRDB's pool: the pool makes sure of WAL mode on every open by asking
    /// Foundation for the size of the `-wal` file, about 0.8 ms of a run's start (its URL
    /// machinery), and opens a second connection for the first read. WAL mode is kept in the
    /// case file itself, so it is set once, when the case is made.
    private static func openCase(_ path: String) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        // Checking by reading is cheaper than the migrator's exclusive write when, as on
        // every run but the first, there is nothing to do.
        let current = try queue.read { try migrator.hasCompletedMigrations($0) }
        if !current {
            // Another tool's database (gallery-dl's archive.sqlite3) is not made a case by
            // adding our tables to it (or by switching it to WAL): only an empty file or one
            // of our cases is written. (A case another run is creating at this moment has the
            // migrations table from the start, so it is never taken for another tool's.)
            let foreign = try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                return tables.isEmpty || tables.contains("grdb_migrations") ? nil : tables
            }
            if let foreign {
                throw CaseStoreError.notACase(path: path, tables: foreign)
            }
        }
        // Nothing to do for a case in WAL mode already; a case another tool switched back
        // to a rollback journal returns to WAL.
        try queue.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                throw DatabaseError(message: "could not switch the case to WAL mode")
            }
        }
        if !current { try migrator.migrate(queue) }
        return queue
    }

    /// A case in memory, for tests.
    public convenience init() throws(CaseStoreError) {
        do {
            let queue = try DatabaseQueue(configuration: Self.configuration)
            try Self.migrator.migrate(queue)
            self.init(writer: queue, path: nil)
        } catch {
            throw .cannotOpen(path: ":memory:", detail: "\(error)")
        }
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync: a killed process loses no committed transaction (only a
            // power cut could lose the last ones), and commits do not wait for fsync.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        // Another run writing to the case (a second ingest, a sites import) is waited for.
        configuration.busyMode = .timeout(60)
        return configuration
    }

    /// Copies what this run committed from the WAL into the case file itself, so that the
    /// `.case` file alone holds the whole case (an analyst hands over or copies that file;
    /// the `-wal` beside it is easily left behind). SQLite does this when the last connection
    /// closes, but a process may exit before its connections close. Nothing to copy costs
    /// nothing; the WAL file stays (empty of frames) for the next run.
    public func checkpoint() throws(CaseStoreError) {
        guard path != nil else { return }
        do {
            _ = try writer.writeWithoutTransaction { try $0.checkpoint(.full) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            // Another run is using the case: what it and this one committed is safe in the
            // WAL, and the last one to close copies it over.
        } catch {
            throw .failed(error)
        }
    }

    /// The paths under `folder`, as bounds for a range scan on a path index: every path from
    /// `from` (inclusive) to `before` (exclusive). "0" is the character after "/".
    static func pathRange(under folder: String) -> (from: String, before: String) {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return (prefix, String(prefix.dropLast()) + "0")
    }

    /// Whether the file at `path` is known to be gone: `stat` says it does not exist, or that
    /// it is no longer a file (a folder unpacked under the picture's name, a FIFO). A file
    /// that cannot be reached (a folder without permission, a share that dropped) is not gone,
    /// and its records stay.
    static func isGone(_ path: String) -> Bool {
        var status = stat()
        guard FileSystemName.withBytes(path, { stat($0, &status) }) == 0 else { return errno == ENOENT || errno == ENOTDIR }
        return (status.st_mode & S_IFMT) != S_IFREG
    }

    /// Runs `body` in a read transaction, after any write in progress.
    func read<T>(_ body: (Database) throws -> T) throws(CaseStoreError) -> T {
        do { return try writer.read(body) } catch { throw .failed(error) }
    }

    /// Runs `body`, a single query, on a connection of its own, so that a read does not wait
    /// for the writer's transaction (ingest's workers looking up a file's twin while a batch
    /// commits). WAL lets it read what was committed before. No transaction is begun: one
    /// statement reads one snapshot anyway, and the BEGIN and COMMIT around every file's
    /// lookup cost more than the lookup.
    func concurrentRead<T>(_ body: (Database) throws -> T) throws(CaseStoreError) -> T {
        do {
            guard let path, !writer.configuration.readonly else { return try writer.read(body) }
            let connection = try reader.withLock { reader in
                if let reader { return reader }
                let opened = try DatabaseQueue(path: path, configuration: Self.configuration)
                reader = opened
                return opened
            }
            return try connection.unsafeRead(body)
        } catch { throw .failed(error) }
    }

    /// Closes the case's connections now: what SQLite does when the last one closes (the WAL
    /// copied into the case file, the `-wal` and `-shm` files removed) is done here. Any use
    /// afterwards fails. A command closes its case so that it may exit without freeing it.
    public func close() throws(CaseStoreError) {
        do {
            try reader.withLock { try $0?.close() }
            try (writer as? DatabaseQueue)?.close()
        } catch {
            throw .failed(error)
        }
    }

    /// Runs `body` in one write transaction.
    func write<T>(_ body: (Database) throws -> T) throws(CaseStoreError) -> T {
        do { return try writer.write(body) } catch { throw .failed(error) }
    }
}
