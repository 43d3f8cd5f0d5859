/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. Used for
/// sidecars here and for hash lists by the command line.
public enum CSVTable {
    /// The rows of `text`, each a list of fields; a leading byte-order mark is dropped.
    /// - Parameter separator: `,` by default; `;` and tab for the tables spreadsheets in
    ///   many locales save.
    public static func rows(_ text: String, separator: Unicode.Scalar = ",") -> [[String]] {
        parse(text, separator: separator).rows
    }

    /// The rows of `text` as ``rows(_:separator:)`` reads them, and the lines (from 1) whose
    /// quoted field is never closed: the file ends inside it, or its closing quote is not
    /// followed by the end of the field (`"today" at dawn`, or the opening quote of a later
    /// field taken for its close). Such a quote is read as a letter, so that the rows after it
    /// are rows, not the rest of one field (a typed `"` in a hand-made table).
    public static func rowsReportingUnclosedQuotes(_ text: String, separator: Unicode.Scalar = ",")
        -> (rows: [[String]], unclosedQuoteLines: [Int]) {
        var literal = Set<Int>()
        var lines: [Int] = []
        while true {
            let parsed = parse(text, separator: separator, literalQuotes: literal)
            // Each pass settles one quote; a file of nothing but stray quotes stops after a few.
            guard let open = parsed.unclosed, lines.count < 50 else { return (parsed.rows, lines) }
            literal.insert(open.offset)
            lines.append(open.line)
        }
    }

    /// One pass: the rows, and where the first quoted field that is never properly closed
    /// began (its quote's scalar offset and line). Quotes at `literalQuotes` offsets are letters.
    private static func parse(_ text: String, separator: Unicode.Scalar, literalQuotes: Set<Int> = [])
        -> (rows: [[String]], unclosed: (offset: Int, line: Int)?) {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var opened = (offset: 0, line: 0)
        var unclosed: (offset: Int, line: Int)? = nil
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        var offset = -1
        var line = 1
        while let scalar = pending ?? iterator.next() {
            if pending == nil { offset += 1 }
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                        offset += 1
                    } else {
                        quoted = false
                        pending = next
                        if let next {
                            offset += 1
                            if next != separator, next != "\n", next != "\r", unclosed == nil { unclosed = opened }
                        }
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !literalQuotes.contains(offset):
                quoted = true
                opened = (offset, line)
            case separator: row.append(field); field = ""
            case "\r": break
            case "\n": row.append(field); rows.append(row); row = []; field = ""; line += 1
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        if quoted, unclosed == nil { unclosed = opened }
        return (rows, unclosed)
    }

    /// Excel's separator line: `sep=;` (or `sep=,`, `sep=` and a tab, quoted or not) alone on
    /// a table's first line, which Excel writes before the header and reads as no row.
    /// - Returns: the separator it names and the text after that line; nil when the text
    ///   does not start with one.
    public static func separatorLine(_ text: String) -> (separator: Unicode.Scalar, rest: String)? {
        let scalars = text.unicodeScalars
        let end = scalars.firstIndex(of: "\n") ?? scalars.endIndex
        var line = Array(scalars[..<end])
        if line.first == "\u{FEFF}" { line.removeFirst() }
        if line.last == "\r" { line.removeLast() }
        if line.count == 7, line.first == "\"", line.last == "\"" { line = Array(line.dropFirst().dropLast()) }
        guard line.count == 5, String(String.UnicodeScalarView(line[..<4])).lowercased() == "sep=" else { return nil }
        let rest = end == scalars.endIndex ? "" : String(scalars[scalars.index(after: end)...])
        return (line[4], rest)
    }

    /// The separator a table's header line uses: `,` unless the line has none and has `;`
    /// or tabs.
    public static func separator(of text: String) -> Unicode.Scalar {
        // Scalars, not Characters: "\r\n" is one Character, which would never end the line.
        let header = text.unicodeScalars.prefix { $0 != "\n" }
        guard !header.contains(",") else { return "," }
        if header.contains(";") { return ";" }
        return header.contains("\t") ? "\t" : ","
    }
}
