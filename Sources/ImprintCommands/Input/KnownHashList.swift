import ArgumentParser
import Foundation
import PostSidecars
import PerceptualHash

/// A list of known hashes a partner shared, in one of the formats hash-sharing tools use.
struct KnownHashList {
    /// The formats `imprint match` reads and `imprint hashes export` writes.
    enum Format: String, CaseIterable, ExpressibleByArgument, Sendable {
        /// Guess from the first entry.
        case auto
        /// One hex hash per line: 64 digits are PDQ, anything else an imagehash hash.
        case hex
        /// `hash,quality,path`, as the PDQ reference's `pdq-photo-hasher` prints.
        case pdqCSV = "pdq-csv"
        /// ThreatExchange/HMA signal CSV: `signal_type,signal_value,…` (PDQ rows are used).
        case hmaCSV = "hma-csv"
        /// imagehash's `str(hash)` hex per line, for the algorithm given by --list-algorithm.
        case imagehash
    }

    /// One hash on a list.
    struct Entry: Sendable {
        var algorithm: HashAlgorithm
        var words: [UInt64]
        var hex: String
        /// Where it came from: the list file and its line number (1-based).
        var source: String
        var line: Int
        /// The path, content ID or note the list gives for the hash.
        var label: String?
    }

    struct Failure: Error, CustomStringConvertible {
        let source: String
        let line: Int
        let reason: String
        var description: String { "\(source), line \(line): \(reason)" }
    }

    var entries: [Entry] = []
    /// Rows passed over (other signal types in an HMA export), for the summary.
    var skipped = 0
    /// PDQ entries whose quality column is below ``MatchCommand/minimumQuality``, not used.
    var lowQuality = 0
    /// Hex hashes that are not PDQ's were taken as `hexAlgorithm` for want of a word on it.
    var assumedAlgorithm = false

    /// The list's records with the line each starts on (1-based): a CSV field in quotes may
    /// hold a line break (a file name with one, as `hashes export` quotes it), so a record whose
    /// quoted field is still open at the end of a line goes on over the next. Only a quote that
    /// opens a field opens one: `Tabqa 5".jpg` in an unquoted field is a character.
    /// - Parameter delimiter: the list's own separator (``delimiter(of:)``), which starts a
    ///   field as a comma and a tab do.
    /// - Throws: ``Failure`` for a quoted field still open at the end of the list.
    static func records(_ lines: [Substring], delimiter: Unicode.Scalar? = nil, source: String) throws -> [(line: Int, text: String)] {
        var records: [(line: Int, text: String)] = []
        var open: (line: Int, text: String)?
        var inQuotes = false
        for (index, line) in lines.enumerated() {
            // A field starts at the line's start (unless a quoted field goes on) and after a separator.
            var atFieldStart = !inQuotes
            var previous: Character? = nil
            for character in line {
                if inQuotes {
                    if character == "\"" { inQuotes = false }  // a closing quote, or the first of a doubled one
                } else if character == "\"" && (atFieldStart || previous == "\"") {
                    inQuotes = true
                }
                atFieldStart = character == "," || character == "\t" || character.unicodeScalars.first == delimiter
                    || (atFieldStart && character == " ")
                previous = character
            }
            if var current = open {
                current.text += "\n" + line
                open = current
            } else {
                open = (index + 1, String(line))
            }
            if !inQuotes, let done = open {
                records.append(done)
                open = nil
            }
        }
        if let open, inQuotes {
            throw Failure(source: source, line: open.line, reason: "a quoted field opened here is never closed")
        }
        return records
    }

    /// The names a header row gives its hash column. ThreatExchange's descriptors call the hash
    /// `raw_indicator` or `indicator` (beside an `indicator_id`); the vaguer names count only
    /// when no other names the column, so that `raw_indicator` wins over `indicator`.
    static let hashColumns = ["signal_value", "hash", "hash_value", "pdq_hash", "pdq", "phash", "dhash", "ahash", "whash", "raw_indicator"]
    /// Names that are the hash column only when no name of ``hashColumns`` is there.
    static let vagueHashColumns = ["indicator", "value", "signal"]
    /// A column naming each row's signal type: `pdq`, HMA's `PDQ`, ThreatExchange's `HASH_PDQ`.
    static let typeColumns: Set<String> = ["signal_type", "algorithm", "hash_type", "type", "indicator_type"]
    private static let qualityColumns: Set<String> = ["quality", "pdq_quality"]

    /// Reads a list: one hash per line, CSV or TSV (or `;`-separated, as Excel saves CSV in
    /// Arabic and European locales) with or without a header row (whose names place the
    /// columns, in any order), CSV quoting, a byte-order mark, `#` comments, and lines of the
    /// form `pdq <hex>` as ThreatExchange's command line prints them.
    /// - Parameters:
    ///   - hexAlgorithm: the algorithm of hex hashes whose list does not say theirs (by a type
    ///     column, `# algorithm: dhash` or `pdq <hex>`), 64 digits or not: a user who names it
    ///     knows that a 64-digit pHash (imagehash's `hash_size=16`) is not PDQ. Nil when not
    ///     given: 64 digits are PDQ, others pHash (assumed).
    init(text: String, source: String, format: Format, hexAlgorithm given: HashAlgorithm?) throws {
        var text = Substring(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        let rawLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let (delimiter, separatorLine) = Self.delimiter(of: rawLines)
        let lines = try Self.records(rawLines, delimiter: delimiter, source: source)
        var format = format
        // Said by the list itself (`# algorithm: phash`), else by the user: then even 64
        // digits are that algorithm's (imagehash's hash_size=16), not PDQ.
        var hexAlgorithm = given
        // A header's hash, type and quality columns; the others make the label.
        var columns: (hash: Int, type: Int?, quality: Int?)?
        var seenRecord = false
        for (lineNumber, rawLine) in lines {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || lineNumber == separatorLine { continue }
            if line.hasPrefix("#") {
                // `# algorithm: dhash`, as `imprint hashes export` writes it.
                let words = line.dropFirst().split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "\t" })
                if words.count == 2, words[0].lowercased() == "algorithm", let named = HashAlgorithm(rawValue: words[1].lowercased()) {
                    hexAlgorithm = named
                }
                continue
            }
            // The list's own separator where the line holds it; else a comma, a tab or blanks.
            let separator: Unicode.Scalar = if let delimiter, line.unicodeScalars.contains(delimiter) { delimiter }
                else if line.unicodeScalars.contains(",") { "," } else if line.contains("\t") { "\t" } else { " " }
            let fields = (CSVTable.rows(line, separator: separator).first ?? []).map { Self.withoutHexPrefix($0.trimmingCharacters(in: .whitespaces)) }
                .filter { separator != " " || !$0.isEmpty }
            guard let first = fields.first else { continue }
            // A header row: no field is a hash, and one names the hash column. Words apart by
            // spaces are a line of prose ("not a hash"), not a header.
            let isHash = { (field: String) in HashedImage.words(.pdq, hex: field) != nil || HashBits(hex: field) != nil && field.count >= 16 }
            if columns == nil, separator != " " || fields.count == 1, !fields.contains(where: isHash),
               let hashAt = Self.hashColumn(fields.map { $0.lowercased() }) {
                let names = fields.map { $0.lowercased() }
                columns = (hashAt, names.firstIndex(where: Self.typeColumns.contains), names.firstIndex(where: Self.qualityColumns.contains))
                if format == .auto { format = names.contains("signal_type") ? .hmaCSV : .pdqCSV }
                continue
            }
            // A first row of names that names no hash column is a header not understood: say
            // so, rather than read it as a row of some other signal type, or as a bad hash.
            if !seenRecord, columns == nil, separator != " ", fields.filter({ !$0.isEmpty }).count >= 2,
               fields.allSatisfy({ $0.isEmpty || Self.isColumnName($0) }) {
                let shown = line.count > 80 ? line.prefix(80) + "…" : Substring(line)
                throw Failure(source: source, line: lineNumber, reason: "'\(shown)' looks like a header row, but no column in it is a hash "
                              + "column; a hash column is named \((Self.hashColumns + Self.vagueHashColumns).joined(separator: ", "))")
            }
            seenRecord = true
            if let columns {
                guard columns.hash < fields.count else { throw Failure(source: source, line: lineNumber, reason: "no value in the hash column") }
                let hex = fields[columns.hash]
                // A quality column is PDQ's (the reference's hash,quality,path): --list-algorithm
                // names the algorithm only of lists that do not say theirs.
                var algorithm = columns.quality != nil && hex.count == 64 ? .pdq : hexAlgorithm ?? (hex.count == 64 ? HashAlgorithm.pdq : .phash)
                if let typeAt = columns.type, typeAt < fields.count {
                    guard let named = Self.algorithm(signalType: fields[typeAt]) else { skipped += 1; continue }
                    algorithm = named
                } else if hex.count != 64, hexAlgorithm == nil {
                    assumedAlgorithm = true
                }
                let quality = columns.quality.flatMap { $0 < fields.count ? Int(fields[$0]) : nil }
                let label = fields.indices.filter { ![columns.hash, columns.type, columns.quality].contains($0) && !fields[$0].isEmpty }
                    .map { fields[$0] }.joined(separator: "|")
                try add(algorithm, hex, quality: quality, source: source, line: lineNumber, label: label)
                continue
            }
            if format == .auto { format = Self.guessFormat(fields, separator: separator) }
            switch format {
            case .hex, .imagehash, .auto:
                // A hash, then perhaps a label; or `pdq <hex>`, the algorithm first.
                if fields.count >= 2, let named = Self.algorithm(signalType: first), HashedImage.words(named, hex: fields[1]) != nil {
                    try add(named, fields[1], quality: nil, source: source, line: lineNumber,
                            label: fields.count >= 3 ? fields[2...].joined(separator: " ") : nil)
                    continue
                }
                guard !first.isEmpty, first.allSatisfy(\.isHexDigit) else {
                    let shown = line.count > 80 ? line.prefix(80) + "…" : Substring(line)
                    throw Failure(source: source, line: lineNumber, reason: "'\(shown)' is not a hash (hex digits) nor a header row")
                }
                let algorithm: HashAlgorithm = hexAlgorithm ?? (format != .imagehash && first.count == 64 ? .pdq : .phash)
                if algorithm != .pdq, hexAlgorithm == nil { assumedAlgorithm = true }
                try add(algorithm, first, quality: nil, source: source, line: lineNumber,
                        label: fields.count >= 2 ? fields[1...].joined(separator: separator == " " ? " " : String(separator)) : nil)
            case .pdqCSV:
                // The reference's third column is a file name: one with an unquoted comma in it
                // ("tabqa, airbase.jpg") is still one name, taken as written.
                try add(.pdq, first, quality: fields.count >= 2 ? Int(fields[1]) : nil, source: source, line: lineNumber,
                        label: fields.count >= 3 ? Self.tail(of: line, after: 2, separator: separator, fields: fields) : nil)
            case .hmaCSV:
                // (A header row was taken above, as every list's is.)
                guard fields.count >= 2 else { throw Failure(source: source, line: lineNumber, reason: "needs signal_type,signal_value") }
                guard let algorithm = Self.algorithm(signalType: first) else {
                    skipped += 1
                    continue
                }
                try add(algorithm, fields[1], quality: nil, source: source, line: lineNumber,
                        label: fields.count >= 3 ? fields[2...].filter { !$0.isEmpty }.joined(separator: "|") : nil)
            }
        }
    }

    /// A hash written as a C literal (`0x8793…`, as some scripts print them) without its `0x`;
    /// any other field as it is.
    static func withoutHexPrefix(_ field: String) -> String {
        guard field.count > 18, field.hasPrefix("0x") || field.hasPrefix("0X") else { return field }
        let digits = field.dropFirst(2)
        return digits.allSatisfy(\.isHexDigit) ? String(digits) : field
    }

    /// A record's text after its first `count` fields separated by commas (or semicolons), as
    /// written, when it holds no quotes; else its remaining fields (unquoted) joined with `|`.
    static func tail(of line: String, after count: Int, separator: Unicode.Scalar = ",", fields: [String]) -> String {
        guard separator == "," || separator == ";", !line.contains("\""), line.unicodeScalars.contains(separator) else {
            return fields[count...].joined(separator: "|")
        }
        return line.split(separator: Character(separator), maxSplits: count, omittingEmptySubsequences: false).last
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// The list's field separator when it may not be a comma or a tab, and the line of Excel's
    /// `sep=;` hint if there is one: the hint's character, or `;` when the first record's first
    /// field ends at a semicolon (Excel's CSV in Arabic and European locales), before any comma
    /// or tab: `<hash>;69;tabqa, airbase.jpg`. A first field with a blank in it is a hash and
    /// its label (`<hex> Mosul; runway`), not a `;` list.
    static func delimiter(of lines: [Substring]) -> (delimiter: Unicode.Scalar?, line: Int?) {
        for (index, raw) in lines.enumerated() {
            // (The hint's character may itself be a tab or a blank, and Excel may quote it.)
            let hint = Array(raw.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r\n")).unicodeScalars)
            if hint.count == 5, String(String.UnicodeScalarView(hint[..<4])).lowercased() == "sep=" { return (hint[4], index + 1) }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let scalars = Array(line.unicodeScalars)
            guard let end = scalars.firstIndex(where: { $0 == "," || $0 == "\t" || $0 == ";" }), scalars[end] == ";",
                  !scalars[..<end].contains(" ") else { return (nil, nil) }
            return (";", nil)
        }
        return (nil, nil)
    }

    /// The hash column a header row names (its fields lower-cased), or nil.
    static func hashColumn(_ names: [String]) -> Int? {
        names.firstIndex(where: hashColumns.contains) ?? names.firstIndex(where: vagueHashColumns.contains)
    }

    /// Whether a field reads as a column's name (`indicator_id`, `content-id`, `tags`): a
    /// word of letters, digits, `_`, `-` and `.` that starts with a letter.
    static func isColumnName(_ field: String) -> Bool {
        // (A hash of another kind on a row of an HMA export, an MD5 or SHA-1, is no name.)
        guard let first = field.unicodeScalars.first, first.properties.isAlphabetic,
              field.count < 16 || !field.allSatisfy(\.isHexDigit) else { return false }
        return field.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
    }

    /// HMA's signal type names for the hashes we compute.
    static func algorithm(signalType: String) -> HashAlgorithm? {
        switch signalType.lowercased() {
        case "pdq", "pdq_signal", "hash_pdq": .pdq
        case "phash", "dhash", "ahash", "whash": HashAlgorithm(rawValue: signalType.lowercased())
        default: nil
        }
    }

    /// The format of a list whose first entry is `fields`, split at `separator`: a line of
    /// blanks or tabs is hex (perhaps `pdq <hex>`, which the hex reading takes).
    static func guessFormat(_ fields: [String], separator: Unicode.Scalar) -> Format {
        guard separator == "," || separator == ";" else { return .hex }
        if fields.count >= 2, algorithm(signalType: fields[0]) != nil || fields[0].contains("_") { return .hmaCSV }
        if fields.count >= 2, fields[0].count == 64, Int(fields[1]) != nil { return .pdqCSV }
        return .hex
    }

    private mutating func add(_ algorithm: HashAlgorithm, _ hex: String, quality: Int?, source: String, line: Int, label: String?) throws {
        guard let words = HashedImage.words(algorithm, hex: hex) else {
            let shown = "'" + (hex.count > 80 ? hex.prefix(80) + "…" : Substring(hex)) + "'"
            let reason = if hex.isEmpty || !hex.allSatisfy(\.isHexDigit) {
                "\(shown) is not a hash (hex digits)"
            } else if algorithm == .pdq {
                "\(shown) is \(hex.count) hex digits; a PDQ hash is 64"
            } else {
                // Most often a PDQ hash cut short or run long in copying: name both.
                "\(shown) is \(hex.count) hex digits: neither a PDQ hash (64) nor a \(algorithm.rawValue) hash (hash size squared, "
                    + "over 4: 16 digits for 8×8, 36, 64…)"
            }
            throw Failure(source: source, line: line, reason: reason)
        }
        if algorithm == .pdq, let quality, quality < MatchCommand.minimumQuality {
            lowQuality += 1
            return
        }
        entries.append(Entry(algorithm: algorithm, words: words, hex: hex.lowercased(), source: source, line: line,
                             label: label.flatMap { $0.isEmpty ? nil : $0 }))
    }

    /// `images` written as a list in `format` (`auto` is not a format to write), for `algorithm`.
    static func export(_ images: [HashedImage], format: Format, algorithm: HashAlgorithm) -> String {
        var out = format == .hmaCSV ? "signal_type,signal_value,content_id\n" : ""
        // A hex list says what it holds, so that a dHash list is not read back as pHash; an
        // imagehash list is bare hex, one `str(hash)` a line, as Python reads it back.
        if format == .hex, algorithm != .pdq { out = "# algorithm: \(algorithm.rawValue)\n" }
        for image in images {
            guard let hex = image.hex[algorithm] else { continue }
            switch format {
            case .pdqCSV: out += "\(hex),\(image.pdqQuality ?? 0),\(csvField(image.path))\n"
            case .hmaCSV: out += "\(algorithm.rawValue),\(hex),\(csvField(image.path))\n"
            case .hex, .imagehash, .auto: out += hex + "\n"
            }
        }
        return out
    }

    static func csvField(_ text: String) -> String {
        RecordWriter.csvRow([text]).dropLast().description
    }
}
