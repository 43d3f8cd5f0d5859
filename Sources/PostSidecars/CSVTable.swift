/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. Used for
/// sidecars here and for hash lists by the command line.
public enum CSVTable {
    /// The rows of `text`, each a list of fields; a leading byte-order mark is dropped.
    /// - Parameter separator: `,` by default; `;` and tab for the tables spreadsheets in
    ///   many locales save.
    public static func rows(_ text: String, separator: Unicode.Scalar = ",") -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case separator: row.append(field); field = ""
            case "\r": break
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
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
