public import Foundation

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

    /// A table's text: UTF-16 when it starts with a byte-order mark (Excel's "Unicode text");
    /// UTF-8 when it is valid UTF-8; otherwise Windows-1256, what Excel on an Arabic Windows
    /// saves as "CSV" (it keeps French accented letters where Windows-1252 has them, so a
    /// Western table reads too, its rarer symbols aside).
    public static func text(of data: Data) -> String {
        let bytes = [UInt8](data.prefix(2))
        if bytes == [0xFF, 0xFE] || bytes == [0xFE, 0xFF] {
            let littleEndian = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(data.count / 2)
            var index = data.startIndex + 2
            while index + 1 < data.endIndex {
                let (a, b) = (UInt16(data[index]), UInt16(data[index + 1]))
                units.append(littleEndian ? a | b << 8 : a << 8 | b)
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if let text = String(validating: data, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(data.map { byte in
            byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(windows1256[Int(byte - 0x80)])!
        }))
    }

    /// Windows-1256 (Arabic) for 0x80–0xFF.
    private static let windows1256: [UInt32] = [
        0x20AC, 0x067E, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0679, 0x2039, 0x0152, 0x0686, 0x0698, 0x0688,
        0x06AF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x06A9, 0x2122, 0x0691, 0x203A, 0x0153, 0x200C, 0x200D, 0x06BA,
        0x00A0, 0x060C, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x06BE, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x061B, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x061F,
        0x06C1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627, 0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
        0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x00D7, 0x0637, 0x0638, 0x0639, 0x063A, 0x0640, 0x0641, 0x0642, 0x0643,
        0x00E0, 0x0644, 0x00E2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0649, 0x064A, 0x00EE, 0x00EF,
        0x064B, 0x064C, 0x064D, 0x064E, 0x00F4, 0x064F, 0x0650, 0x00F7, 0x0651, 0x00F9, 0x0652, 0x00FB, 0x00FC, 0x200E, 0x200F, 0x06D2,
    ]
}
