import FileNames
import Foundation

/// Streams records to stdout in one of the output formats.
///
/// JSON, JSON Lines and text are written as records arrive. CSV with fixed `columns` is
/// streamed too; CSV without them needs the union of all keys for its header, so it keeps
/// the records until `finish()`.
final class RecordWriter {
    private let format: OutputFormat
    private let columns: [String]?
    private let textStyle: TextStyle
    private var count = 0
    private var buffered: [OutputRecord] = []
    private var out: BufferedOutput
    /// The table's column widths, fixed by its first rows (``widthSample``).
    private var tableWidths: [String: Int] = [:]
    /// The table's first rows, held until they have fixed the widths.
    private var pendingRows: [(keys: [String], values: [String])] = []
    /// Rows whose path the table cut: two files in different folders may then look alike,
    /// so the end of the run says so.
    private var shortenedPaths = 0
    /// How many rows set a table's widths before any is written: enough to see a folder's
    /// makes, models and path lengths, few enough that the first rows show at once.
    static let widthSample = 100

    /// How `text` lays records out: exiftool's "Tag : value" blocks, or one table row each.
    enum TextStyle {
        case blocks(title: String)
        case table(widths: [String: Int])
    }

    init(format: OutputFormat, columns: [String]? = nil, textStyle: TextStyle = .blocks(title: "SourceFile")) {
        self.format = format
        self.columns = columns
        self.textStyle = textStyle
        // JSON and CSV are read back (`cluster h.jsonl`): a name that is not UTF-8 keeps its
        // bytes there, each as the private-use character that stands for it in a path
        // (``FileSystemName``), so that two such files stay two and can be opened again.
        out = BufferedOutput(keepingBytes: format != .text)
    }

    func write(_ record: OutputRecord) {
        defer { count += 1 }
        switch format {
        case .jsonl:
            out.write(Self.jsonObject(record, indent: nil) + "\n")
        case .json:
            out.write((count == 0 ? "[" : ",\n") + Self.jsonObject(record, indent: "  "))
        case .csv:
            if let columns {
                if count == 0 { out.write(Self.csvRow(columns)) }
                out.write(Self.csvRow(Self.values(of: record, for: columns)))
            } else {
                buffered.append(record)
            }
        case .text:
            writeText(record)
        }
    }

    /// Writes many records at once; JSON Lines are rendered on all cores (for commands
    /// whose own work is so fast that one thread rendering JSON would be the bottleneck).
    func write(contentsOf records: [OutputRecord]) {
        guard format == .jsonl, records.count >= 256 else {
            for record in records { write(record) }
            return
        }
        for line in ParallelMap.map(records, { Self.jsonObject($0, indent: nil) + "\n" }) { out.write(line) }
        count += records.count
    }

    func finish() {
        switch format {
        case .json:
            out.write(count == 0 ? "[]\n" : "]\n")
        case .csv where columns == nil:
            var keys: [String] = []
            var seen = Set<String>()
            for record in buffered {
                for (key, _) in record where seen.insert(key).inserted { keys.append(key) }
            }
            if !keys.isEmpty { out.write(Self.csvRow(keys)) }
            for record in buffered { out.write(Self.csvRow(Self.values(of: record, for: keys))) }
            buffered = []
        case .csv where count == 0:
            // No rows: the header alone, as spreadsheets and CSV readers expect.
            out.write(Self.csvRow(columns ?? []))
        case .text:
            flushPendingRows()
        default:
            break
        }
        out.flush()
        if shortenedPaths > 0 {
            warn("\(shortenedPaths) path(s) shortened with … to fit the table; --format csv or jsonl gives them whole")
        }
    }

    private func writeText(_ record: OutputRecord) {
        switch textStyle {
        case .blocks(let title):
            // Text goes to a terminal: control characters in file names and tags are shown as ".".
            let heading = record.first { $0.key == title }?.value.text ?? ""
            out.write("======== \(heading.terminalSafe)\n")
            let rows = record.filter { $0.key != title }
            let width = min(32, rows.map(\.key.count).max() ?? 0)
            for (key, value) in rows {
                out.write(key.terminalSafe.padding(toLength: max(width, key.count), withPad: " ", startingAt: 0) + " : " + value.text.terminalSafe + "\n")
            }
        case .table:
            let keys = columns ?? record.map(\.key)
            let values = Self.values(of: record, for: keys).map(\.terminalSafe)
            if tableWidths.isEmpty {
                pendingRows.append((keys, values))
                if pendingRows.count >= Self.widthSample { flushPendingRows() }
            } else {
                writeRow(keys, values)
            }
        }
    }

    /// Fixes the table's widths from the rows held, writes the heading and those rows.
    private func flushPendingRows() {
        guard case .table(let given) = textStyle, let keys = pendingRows.first?.keys else { return }
        // A column is as wide as its heading or its widest value among the first rows, up to
        // its given width (or 40 for text such as a camera model); a column of single tokens
        // (a digest, a hash) is as wide as they are. Times and sizes get room for their
        // longest form. On a terminal the path takes the room the other columns leave.
        var naturals: [String: Int] = [:]
        for (index, key) in keys.enumerated() {
            let column = pendingRows.map { $0.values[index] }
            let natural = max(key.count, Self.minimumWidth(of: key), column.map(\.count).max() ?? 0)
            let tokens = column.allSatisfy { $0.isEmpty || Self.isNeverCut($0, key: key) }
            naturals[key] = natural
            tableWidths[key] = tokens ? natural : min(natural, given[key] ?? 40)
        }
        if let pathWidth = tableWidths["path"], let natural = naturals["path"], let given = given["path"], let terminal = Self.terminalColumns() {
            let others = keys.filter { $0 != "path" }.reduce(2 * (keys.count - 1)) { $0 + (tableWidths[$1] ?? 0) }
            tableWidths["path"] = max(pathWidth, min(natural, max(given, terminal - others)))
        }
        out.write(keys.map { pad($0, tableWidths[$0]) }.joined(separator: "  ") + "\n")
        for row in pendingRows { writeRow(row.keys, row.values) }
        pendingRows = []
    }

    private func writeRow(_ keys: [String], _ values: [String]) {
        let widths = tableWidths
        // Every column but the last is cut to its width, so the columns stay aligned; the
        // full values are in --format jsonl or csv. Numbers, times and single tokens (a hash,
        // a site id: what a reader copies into the next command) are never cut ("1304…" would
        // read as 1304, "73a7873…" matches nothing): one that does not fit pushes its row out
        // of line instead. Paths are cut from the left, keeping the file's name.
        out.write(zip(keys, values).enumerated().map { index, column in
            let (key, value) = column
            let whole = index == keys.count - 1 || Self.isNeverCut(value, key: key)
            let shown = whole ? value : Self.cut(value, to: widths[key], keepingEnd: key == "path")
            if key == "path", shown != value { shortenedPaths += 1 }
            return pad(shown, widths[key])
        }.joined(separator: "  ") + "\n")
    }

    /// The terminal's width when stdout is one, else nil.
    static func terminalColumns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init)
    }

    /// Room a column needs whatever its first value: an ISO time ("2024-02-08T23:00:00Z"), a
    /// size in bytes, a coordinate.
    static func minimumWidth(of key: String) -> Int {
        let words = key.split(separator: "_")
        if words.contains("date") || words.contains("time") || key.hasSuffix("_at") || key == "taken" { return 20 }
        if key == "size" || key == "bytes" || key.hasSuffix("_bytes") { return 10 }
        if key.contains("latitude") || key.contains("longitude") { return 10 }
        return 0
    }

    /// Whether a table cell must be shown whole: a number or time, or a single token (hash,
    /// digest, site id) outside the path column.
    static func isNeverCut(_ value: String, key: String) -> Bool {
        isNumberOrTime(value) || (key != "path" && !value.contains(where: \.isWhitespace))
    }

    /// Whether a cell is a number (123, -36.19, 1e5) or a date and time (2024-02-08…).
    static func isNumberOrTime(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "-" || ("0"..."9").contains(first) else { return false }
        if Double(text) != nil { return true }
        let bytes = Array(text.utf8.prefix(5))
        return bytes.count == 5 && bytes[0...3].allSatisfy { $0 >= 48 && $0 <= 57 } && bytes[4] == UInt8(ascii: "-")
    }

    private func pad(_ text: String, _ width: Int?) -> String {
        guard let width, text.count < width else { return text }
        return text.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    /// `text` cut to `width` characters with "…" where it was cut: a path keeps its end (the
    /// file's name), other text its start.
    static func cut(_ text: String, to width: Int?, keepingEnd: Bool) -> String {
        guard let width, width >= 2, text.count > width else { return text }
        return keepingEnd ? "…" + text.suffix(width - 1) : text.prefix(width - 1) + "…"
    }

    static func jsonObject(_ record: OutputRecord, indent: String?) -> String {
        var out = "{"
        for (index, (key, value)) in record.enumerated() {
            if index > 0 { out += "," }
            if let indent { out += "\n" + indent }
            OutputValue.appendQuoted(key, to: &out)
            out += indent == nil ? ":" : ": "
            value.appendJSON(to: &out)
        }
        if indent != nil, !record.isEmpty { out += "\n" }
        return out + "}"
    }

    static func values(of record: OutputRecord, for keys: [String]) -> [String] {
        var lookup: [String: OutputValue] = [:]
        for (key, value) in record where lookup[key] == nil { lookup[key] = value }
        return keys.map { lookup[$0]?.text ?? "" }
    }

    static func csvRow(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\n"
    }
}

/// A stdout writer with its own buffer: `print` flushes far too often for a million rows.
struct BufferedOutput {
    private var buffer: [UInt8] = []
    /// Write the characters that stand for the bytes of a name that is not UTF-8 as they are,
    /// rather than as U+FFFD (``FileSystemName/displayed(_:)``).
    private let keepingBytes: Bool

    init(keepingBytes: Bool = false) {
        self.keepingBytes = keepingBytes
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: (keepingBytes ? text : FileSystemName.displayed(text)).utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Whether stdout and stderr are one terminal, where the progress line (stderr) must be
    /// cleared before rows are written, or the first row starts after it.
    private static let sharesTerminalWithProgress = isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        if Self.sharesTerminalWithProgress { writeStandardError("\r\u{1B}[K") }
        if let code = buffer.withUnsafeBytes({ writeAll(STDOUT_FILENO, $0) }) { Self.stop(errno: code) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends the run when stdout cannot take the output (a full disk, /dev/full, a lost
    /// network share): a list cut short must not pass for a complete one. As any error that
    /// stops a run, exit status 2. (A reader that goes away, `| head`, ends it by SIGPIPE.)
    private static func stop(errno code: Int32) -> Never {
        writeStandardError("imprint: cannot write the output: \(String(cString: strerror(code))); what was written is incomplete\n")
        exit(2)
    }
}
