import Foundation

extension Gazetteer {
    /// The gazetteer formats Imprint imports; raw values are the command line's `--format` names.
    public enum ImportFormat: String, Sendable, CaseIterable, CustomStringConvertible {
        /// OurAirports `airports.csv`, either the 18-column (2022) or the 19-column layout.
        case ourAirports = "ourairports"
        /// A GeoNames dump (`allCountries.txt`, `IQ.txt`): 19 tab-separated columns, no header.
        case geoNames = "geonames"
        /// The analyst's own CSV: `id,type,name,aliases,latitude,longitude,country,uncertainty_km,source`.
        case csv
        /// The analyst's own JSON (an array of site objects, or `{"sites": [...]}`) or a GeoJSON
        /// FeatureCollection of points.
        case json

        public var description: String { rawValue }
    }

    /// A row an import could not use, and why.
    public struct SkippedRow: Sendable, Hashable {
        /// 1-based line of the row (CSV, TSV), or 1-based position in the array (JSON, GeoJSON).
        public var line: Int
        /// What is wrong with it, in words an analyst can act on.
        public var reason: String

        /// Creates a skipped-row record.
        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// What one import produced: the sites, and an account of everything it left out.
    public struct ImportResult: Sendable {
        /// How many skipped rows are kept in ``skipped``; a broken multi-gigabyte file must not
        /// hold millions of reasons in memory (``skippedCount`` still counts them all).
        public static let skippedRowLimit = 1000

        /// The format the file was read as.
        public var format: ImportFormat
        /// The sites, in file order. References are unique within the import (see
        /// ``ambiguousReferences``), so ``Gazetteer/add(_:)`` keeps every one of them.
        public var sites: [Site]
        /// Malformed rows, first ``skippedRowLimit`` of them, in file order.
        public var skipped: [SkippedRow]
        /// How many rows were malformed in all.
        public var skippedCount: Int
        /// Well-formed rows left out on purpose because they are not places Imprint models
        /// (a balloonport, a GeoNames hotel), counted by reason.
        public var omitted: [String: Int]
        /// References dropped because several rows claimed them (a reassigned ICAO code, two
        /// airports sharing a GPS code): kept, they would make ``Gazetteer/add(_:)`` discard
        /// real places as duplicates of each other.
        public var ambiguousReferences: Int
        /// Ids made from a row's name, the row giving none: another file's site of the same
        /// name is another place, not a newer record of this one.
        public var idsFromNames: Set<String> = []

        /// Creates a result.
        public init(format: ImportFormat, sites: [Site] = [], skipped: [SkippedRow] = [], skippedCount: Int? = nil,
                    omitted: [String: Int] = [:], ambiguousReferences: Int = 0) {
            self.format = format
            self.sites = sites
            self.skipped = skipped
            self.skippedCount = skippedCount ?? skipped.count
            self.omitted = omitted
            self.ambiguousReferences = ambiguousReferences
        }

        /// Records a malformed row.
        mutating func skip(line: Int, _ reason: String) {
            skippedCount += 1
            if skipped.count < Self.skippedRowLimit { skipped.append(SkippedRow(line: line, reason: reason)) }
        }

        /// Records a row left out on purpose.
        mutating func omit(_ reason: String) {
            omitted[reason, default: 0] += 1
        }
    }

    /// The largest file ``importSites(fromFile:format:maximumBytes:)`` reads: GeoNames'
    /// `allCountries.txt` is about 1.6 GB, and the whole file is held in memory while it is read.
    public static let maximumImportBytes = 1 << 31

    /// Runs a byte-level reader over a string's UTF-8, for the importers' `String` entry points.
    static func withBytes(of text: String, _ read: (UnsafeBufferPointer<UInt8>) throws(GazetteerError) -> ImportResult) throws(GazetteerError) -> ImportResult {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(GazetteerError) in try read(bytes) } }.get()
    }

    /// Reads a gazetteer file, recognising its format from its content unless `format` is given.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - format: the format to read it as; nil to sniff it (OurAirports header, GeoNames
    ///     row shape, JSON or GeoJSON by name or first byte, CSV with `name` and `latitude`).
    ///   - maximumBytes: larger files are refused before they are read.
    /// - Returns: the sites and what was skipped or omitted; malformed rows never end the import.
    /// - Throws: ``GazetteerError/unreadable(path:detail:)`` when the file cannot be read or is
    ///   too large, ``GazetteerError/unrecognisedFormat(path:detail:)`` when its format is none of
    ///   ``ImportFormat`` or its header lacks a required column.
    public static func importSites(fromFile path: String, format: ImportFormat? = nil,
                                   maximumBytes: Int = maximumImportBytes) throws(GazetteerError) -> ImportResult {
        let data = try readFile(path, maximumBytes: maximumBytes)
        let result = data.withUnsafeBytes { raw in
            Result { () throws(GazetteerError) -> ImportResult in
                let bytes = raw.bindMemory(to: UInt8.self)
                let chosen: ImportFormat
                if let format { chosen = format } else { chosen = try sniffFormat(bytes, path: path) }
                switch chosen {
                case .ourAirports: return try ourAirports(bytes: bytes, path: path)
                case .geoNames: return try geoNames(bytes: bytes, path: path)
                case .csv: return try userSites(csvBytes: bytes, path: path)
                case .json: return try userSites(jsonData: data, path: path)
                }
            }
        }
        return try result.get()
    }

    /// The file's bytes (a file, a pipe or `<(…)`), after the size check.
    private static func readFile(_ path: String, maximumBytes: Int) throws(GazetteerError) -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw .unreadable(path: path, detail: "no such file or no permission to read it")
        }
        if let kind = attributes[.type] as? FileAttributeType, kind == .typeDirectory {
            throw .unreadable(path: path, detail: "it is a folder, not a file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumBytes else {
            throw .unreadable(path: path, detail: "\(size) bytes is over the \(byteCountText(maximumBytes)) import limit; "
                + "split the file or import one country's extract")
        }
        // Through a file handle: a pipe or `<(…)` has no size up front and Data(contentsOf:)
        // refuses it; such a stream is cut off one byte past the limit.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, detail: "it cannot be opened")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
            guard data.count <= maximumBytes else {
                throw GazetteerError.unreadable(path: path, detail: "it is over the \(byteCountText(maximumBytes)) import limit; "
                    + "split the file or import one country's extract")
            }
            return data
        } catch let error as GazetteerError {
            throw error
        } catch {
            throw .unreadable(path: path, detail: "\(error.localizedDescription)")
        }
    }

    private static func byteCountText(_ bytes: Int) -> String {
        bytes >= 1 << 30 && bytes % (1 << 30) == 0 ? "\(bytes >> 30) GiB" : "\(bytes)-byte"
    }

    /// Recognises a format from the first bytes and the file name (see ``importSites(fromFile:format:maximumBytes:)``).
    static func sniffFormat(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(GazetteerError) -> ImportFormat {
        let start = DelimitedText.contentStart(bytes)
        guard let first = bytes[start...].first(where: { !DelimitedText.isWhitespace($0) }) else {
            throw .unrecognisedFormat(path: path, detail: "the file is empty")
        }
        let fileExtension = (path as NSString).pathExtension.lowercased()
        if fileExtension == "json" || fileExtension == "geojson" || first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
            return .json
        }
        let lineEnd = bytes[start...].firstIndex(of: DelimitedText.newline) ?? bytes.count
        let firstLine = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])

        var csvHeader: [String] = []
        DelimitedText(bytes: firstLine, separator: UInt8(ascii: ",")).forEachRow(limit: 1) { row in
            csvHeader = (0..<row.count).map { ImportText.trim(row.string($0)).lowercased() }
        }
        if csvHeader.contains("ident") && csvHeader.contains("latitude_deg") { return .ourAirports }

        var tabFields: [String] = []
        DelimitedText(bytes: firstLine, separator: UInt8(ascii: "\t"), quoting: false).forEachRow(limit: 1) { row in
            tabFields = (0..<row.count).map { row.string($0) }
        }
        if tabFields.count == GeoNamesColumn.count, let id = tabFields.first, !id.isEmpty, id.utf8.allSatisfy(DelimitedText.isDigit) {
            return .geoNames
        }
        if UserSiteColumns.nameNames.contains(where: csvHeader.contains) && UserSiteColumns.latitudeNames.contains(where: csvHeader.contains) {
            return .csv
        }
        let shown = csvHeader.count > 1 ? "a CSV header of \(csvHeader.count) columns (\(csvHeader.prefix(6).joined(separator: ", "))\(csvHeader.count > 6 ? ", …" : ""))"
            : tabFields.count > 1 ? "\(tabFields.count) tab-separated fields" : "one field"
        throw .unrecognisedFormat(path: path, detail: "the first line has \(shown); expected an OurAirports airports.csv "
            + "header (ident, latitude_deg, …), a GeoNames row (19 tab-separated fields starting with a numeric id), "
            + "JSON or GeoJSON, or a CSV header with name, latitude and longitude; "
            + "imprint sites import --from ourairports|geonames|csv|json overrides the guess")
    }

    /// Keeps only the references exactly one site claims at its best rank (lower is stronger,
    /// e.g. an airport's own ident over a former code in another airport's keywords).
    ///
    /// Sources reuse identifiers: OurAirports has hundreds of GPS codes on two rows and former
    /// ICAO codes since reassigned. ``Gazetteer/add(_:)`` treats a shared reference as "the same
    /// place", so leaving them would silently drop real sites from the gazetteer.
    /// - Parameter ranks: for each site, one rank per reference, in the same order.
    /// - Returns: how many references were dropped.
    /// - Complexity: O(total references).
    static func keepUnambiguousReferences(_ sites: inout [Site], ranks: [[UInt8]]) -> Int {
        var best: [String: (rank: UInt8, holders: Int)] = [:]
        best.reserveCapacity(sites.count * 2)
        for (site, siteRanks) in zip(sites, ranks) {
            for (reference, rank) in zip(site.references, siteRanks) {
                if let current = best[reference] {
                    if rank < current.rank { best[reference] = (rank, 1) }
                    else if rank == current.rank { best[reference] = (rank, current.holders + 1) }
                } else {
                    best[reference] = (rank, 1)
                }
            }
        }
        var dropped = 0
        for index in sites.indices {
            let references = sites[index].references
            let kept = zip(references, ranks[index]).filter { reference, rank in
                guard let claim = best[reference] else { return false }
                return claim.rank == rank && claim.holders == 1
            }
            if kept.count != references.count {
                dropped += references.count - kept.count
                sites[index].references = kept.map(\.0)
            }
        }
        return dropped
    }

    /// The point `latitude`, `longitude` (as written) name, or nil when they are not a point
    /// on the Earth in degrees; surrounding spaces are accepted.
    static func coordinates(_ latitude: String, _ longitude: String) -> (latitude: Double, longitude: Double)? {
        guard let latitude = Double(latitude) ?? Double(ImportText.trim(latitude)),
              let longitude = Double(longitude) ?? Double(ImportText.trim(longitude)),
              latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
        return (latitude, longitude)
    }

    /// Every importer's one complaint about coordinates ``coordinates(_:_:)`` refused.
    static func notCoordinates(_ latitude: String, _ longitude: String) -> String {
        "coordinates '\(latitude)', '\(longitude)' are not a latitude and longitude in degrees"
    }
}

/// UTF-8 delimited text read in place: rows are byte ranges, and a `String` is made only for
/// the fields a reader asks for. ``PostSidecars/CSVTable`` builds every field of every row
/// scalar by scalar, which is several times slower on the 10 MB OurAirports file.
struct DelimitedText {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")

    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    /// RFC 4180 quoting (CSV); off for GeoNames, whose fields are never quoted and may
    /// begin with a quote character.
    var quoting = true

    /// One field: its bytes without the enclosing quotes, and whether doubled quotes need undoing.
    struct Field {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    /// A row, valid only during the callback that receives it.
    struct Row {
        let bytes: UnsafeBufferPointer<UInt8>
        var fields: [Field] = []
        /// 1-based line on which the row starts (a quoted field may span lines).
        var line = 0

        var count: Int { fields.count }

        /// The field's text, with doubled quotes undone; invalid UTF-8 is repaired.
        func string(_ index: Int) -> String {
            let field = fields[index]
            let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
            guard field.escaped else { return String(decoding: slice, as: UTF8.self) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(slice.count)
            var previousWasQuote = false
            for byte in slice {
                if byte == DelimitedText.quote && previousWasQuote { previousWasQuote = false; continue }
                previousWasQuote = byte == DelimitedText.quote
                unescaped.append(byte)
            }
            return String(decoding: unescaped, as: UTF8.self)
        }

        /// Whether the field is empty.
        func isEmpty(_ index: Int) -> Bool { fields[index].start == fields[index].end }

        /// Whether the field is exactly `text` (ASCII), without making a `String`.
        func equals(_ index: Int, _ text: StaticString) -> Bool {
            let field = fields[index]
            guard field.end - field.start == text.utf8CodeUnitCount else { return false }
            return text.withUTF8Buffer { expected in
                expected.elementsEqual(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
            }
        }

    }

    /// Where content starts: after a UTF-8 byte-order mark, if any.
    static func contentStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The first non-blank row as column names, read alone, so that a file without the
    /// columns a format needs is refused before any other row is read.
    /// - Throws: `unrecognisedFormat` when the file has no row at all.
    func header(path: String) throws(GazetteerError) -> HeaderColumns {
        var header: HeaderColumns?
        forEachRow(limit: 1) { header = HeaderColumns($0) }
        guard let header else { throw .unrecognisedFormat(path: path, detail: "the file is empty") }
        return header
    }

    /// Calls `body` with each non-blank row after the header (see `header(path:)`), in order.
    func forEachRowAfterHeader(_ body: (Row) -> Void) {
        var isHeader = true
        forEachRow { row in
            if isHeader { isHeader = false; return }
            body(row)
        }
    }

    /// Calls `body` with each non-blank row in order, or with the first `limit` of them.
    /// - Complexity: O(bytes read); the field list is reused from row to row.
    func forEachRow(limit: Int = .max, _ body: (Row) -> Void) {
        let count = bytes.count
        var index = Self.contentStart(bytes)
        var line = 1
        var row = Row(bytes: bytes)
        var delivered = 0
        while index < count && delivered < limit {
            row.fields.removeAll(keepingCapacity: true)
            row.line = line
            while true {
                if quoting && index < count && bytes[index] == Self.quote {
                    index += 1
                    let start = index
                    var escaped = false
                    while index < count {
                        let byte = bytes[index]
                        if byte == Self.quote {
                            if index + 1 < count && bytes[index + 1] == Self.quote { escaped = true; index += 2; continue }
                            break
                        }
                        if byte == Self.newline { line += 1 }
                        index += 1
                    }
                    row.fields.append(Field(start: start, end: index, escaped: escaped))
                    // Text between a closing quote and the next separator is malformed; it is
                    // dropped rather than glued on, as spreadsheet programs do.
                    while index < count && bytes[index] != separator && bytes[index] != Self.newline { index += 1 }
                } else {
                    let start = index
                    while index < count && bytes[index] != separator && bytes[index] != Self.newline { index += 1 }
                    var end = index
                    if end > start && bytes[end - 1] == Self.carriageReturn { end -= 1 }
                    row.fields.append(Field(start: start, end: end, escaped: false))
                }
                if index < count && bytes[index] == separator { index += 1; continue }
                index += 1
                line += 1
                break
            }
            if row.fields.count == 1 && row.fields[0].start == row.fields[0].end { continue }
            body(row)
            delivered += 1
        }
    }
}

/// Column positions found by header name, so a reordered or extended layout reads the same.
struct HeaderColumns {
    private var positions: [String: Int] = [:]
    /// How many columns the header has.
    let count: Int

    init(_ row: DelimitedText.Row) {
        count = row.count
        for index in 0..<row.count {
            let name = ImportText.trim(row.string(index)).lowercased()
            if positions[name] == nil { positions[name] = index }
        }
    }

    /// The positions of the columns whose names pass `test`, in column order.
    func positions(where test: (String) -> Bool) -> [Int] {
        positions.filter { test($0.key) }.map(\.value).sorted()
    }

    /// The position of the first of `names` the header has.
    subscript(_ names: String...) -> Int? {
        names.lazy.compactMap { positions[$0] }.first
    }
}

/// Small text tests the importers share (a namespace, so nothing is added to `String` for
/// the rest of the module).
enum ImportText {
    /// The text without leading or trailing whitespace and newlines.
    ///
    /// Foundation's `trimmingCharacters(in:)` goes through `NSString` on Linux and was the
    /// largest single cost of reading OurAirports; most fields need no trimming at all.
    static func trim(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isWhitespace($0) })!
        return String(scalars[first...last])
    }

    /// Unicode whitespace, answered without a property lookup for ASCII.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// The text without leading or trailing whitespace and newlines.
    static func trim(_ text: String) -> String { trim(text[...]) }

    /// Whether the text is a code of `lengths` characters, all upper-case ASCII letters or
    /// digits (`EBL`, `OS59`), as opposed to a name.
    static func isUpperCaseCode(_ text: some StringProtocol, lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(text.utf8.count) && text.utf8.allSatisfy { isUpper($0) || DelimitedText.isDigit($0) }
    }

    /// Whether the text looks like an ICAO location indicator: two upper-case letters for the
    /// region, then two letters or digits (`ORER`, and pseudo-codes such as `OS59`).
    static func isICAOLike(_ text: some StringProtocol) -> Bool {
        let units = Array(text.utf8)
        return units.count == 4 && isUpper(units[0]) && isUpper(units[1])
            && units[2...3].allSatisfy { isUpper($0) || DelimitedText.isDigit($0) }
    }

    /// Whether the text is four upper-case ASCII letters.
    static func isFourLetters(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 4 && text.utf8.allSatisfy(isUpper)
    }

    /// The parts of a list separated by one ASCII character, split on bytes: `String.split`
    /// compares whole characters and was a fifth of the time spent on GeoNames alternate names.
    static func split(_ text: String, on separator: Unicode.Scalar) -> [Substring] {
        let byte = UInt8(ascii: separator)
        return text.utf8.split(separator: byte).map(Substring.init)
    }

    /// Whether the text holds a URL scheme separator (`://`), found without Foundation, whose
    /// `contains` goes through `NSString` on Linux.
    static func containsURL(_ text: some StringProtocol) -> Bool {
        var matched = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") { matched = 1 }
            else if byte == UInt8(ascii: "/") && matched > 0 { matched += 1; if matched == 3 { return true } }
            else { matched = 0 }
        }
        return false
    }

    /// Whether every character is an ASCII digit.
    static func isAllDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(DelimitedText.isDigit)
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
}
