import Foundation

extension Gazetteer {
    /// Reads OurAirports `airports.csv`, finding columns by header name so both the 18-column
    /// (2022) and the 19-column (with `icao_code`) layouts read the same.
    ///
    /// Each row becomes a site `ourairports:<ident>`: heliports and seaplane bases keep their
    /// type, balloonports are omitted, every other airfield is an `air_base` when its name,
    /// keywords or Wikipedia title say military ("Air Base", "AFB", "Army Air Field"…) and it
    /// has no airline service, else an `airport`. Keywords become aliases, except codes, which
    /// become `icao:`/`iata:` references (the former code `OS59` of Tabqa).
    /// - Parameters:
    ///   - csv: the file's text.
    ///   - path: where it came from, for errors.
    /// - Returns: the sites; rows with unusable coordinates are skipped and reported.
    /// - Throws: ``GazetteerError/unrecognisedFormat(path:detail:)`` when the header lacks a
    ///   required column (`ident`, `type`, `name`, `latitude_deg`, `longitude_deg`).
    public static func ourAirports(csv: String, path: String) throws(GazetteerError) -> ImportResult {
        try withBytes(of: csv) { bytes throws(GazetteerError) in try ourAirports(bytes: bytes, path: path) }
    }

    static func ourAirports(bytes: UnsafeBufferPointer<UInt8>, path: String) throws(GazetteerError) -> ImportResult {
        var result = ImportResult(format: .ourAirports)
        var ranks: [[UInt8]] = []
        let text = DelimitedText(bytes: bytes, separator: UInt8(ascii: ","))
        let columns = try OurAirportsColumns(text.header(path: path), path: path)
        text.forEachRowAfterHeader { row in
            switch OurAirportsRow.site(row, columns: columns) {
            case .site(let site, let siteRanks):
                result.sites.append(site)
                ranks.append(siteRanks)
            case .omitted(let reason): result.omit(reason)
            case .malformed(let reason): result.skip(line: row.line, reason)
            }
        }
        result.ambiguousReferences = keepUnambiguousReferences(&result.sites, ranks: ranks)
        return result
    }
}

/// Where each column OurAirports rows are read from sits in this file's header.
struct OurAirportsColumns {
    let count: Int
    let ident, type, name, latitude, longitude: Int
    let country, icaoCode, gpsCode, iataCode, keywords, wikipedia, scheduledService: Int?

    init(_ header: HeaderColumns, path: String) throws(GazetteerError) {
        let required = ["ident", "type", "name", "latitude_deg", "longitude_deg"]
        let found = required.map { header[$0] }
        let missing = zip(required, found).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            throw .unrecognisedFormat(path: path, detail: "an OurAirports airports.csv header needs the column(s) "
                + missing.joined(separator: ", "))
        }
        count = header.count
        (ident, type, name, latitude, longitude) = (found[0]!, found[1]!, found[2]!, found[3]!, found[4]!)
        country = header["iso_country"]
        icaoCode = header["icao_code"]
        gpsCode = header["gps_code"]
        iataCode = header["iata_code"]
        keywords = header["keywords"]
        wikipedia = header["wikipedia_link"]
        scheduledService = header["scheduled_service"]
    }
}

/// One OurAirports row turned into a site.
enum OurAirportsRow {
    enum Outcome {
        case site(Site, referenceRanks: [UInt8])
        case omitted(String)
        case malformed(String)
    }

    /// How strongly a row owns a code, for ``Gazetteer/keepUnambiguousReferences(_:ranks:)``:
    /// its unique ident first, then the code columns, then a code in its keywords; a closed
    /// airfield's claim is one step weaker than an open one's at the same level.
    enum Claim: UInt8 {
        case ident = 0, icaoColumn = 2, gpsColumn = 4, iataColumn = 6, keyword = 8
    }

    static let heliport = SiteType(rawValue: "heliport")
    static let seaplaneBase = SiteType(rawValue: "seaplane_base")

    static func site(_ row: DelimitedText.Row, columns: OurAirportsColumns) -> Outcome {
        guard row.count == columns.count else {
            return .malformed("\(row.count) fields where the header has \(columns.count)")
        }
        if row.equals(columns.type, "balloonport") { return .omitted("balloonport") }
        let ident = ImportText.trim(row.string(columns.ident))
        guard !ident.isEmpty else { return .malformed("no ident") }
        let (latitudeText, longitudeText) = (row.string(columns.latitude), row.string(columns.longitude))
        guard let (latitude, longitude) = Gazetteer.coordinates(latitudeText, longitudeText) else {
            return .malformed("\(ident): " + Gazetteer.notCoordinates(latitudeText, longitudeText))
        }
        let ourType = row.string(columns.type)
        let closed = ourType == "closed"
        let trimmedName = ImportText.trim(row.string(columns.name))
        let name = trimmedName.isEmpty ? ident : trimmedName
        func field(_ column: Int?) -> String { column.map { ImportText.trim(row.string($0)) } ?? "" }

        // References, each with how strongly this row owns it.
        var references = ["ourairports:" + ident]
        var ranks: [UInt8] = [0]
        func claim(_ reference: String, _ level: Claim) {
            if let existing = references.firstIndex(of: reference) {
                ranks[existing] = min(ranks[existing], level.rawValue + (closed ? 1 : 0))
            } else {
                references.append(reference)
                ranks.append(level.rawValue + (closed ? 1 : 0))
            }
        }
        let country = field(columns.country)
        let icaoCode = field(columns.icaoCode)
        let gpsCode = field(columns.gpsCode)
        // Four letters is an ICAO code; with digits it is one only outside the US and Canada,
        // whose GPS codes and idents with digits (IL22, CPZ3) are FAA and Transport Canada
        // identifiers, while elsewhere they are pseudo-ICAO codes still in use (OS58, Hama).
        func isICAO(_ code: String) -> Bool {
            ImportText.isFourLetters(code) || (ImportText.isICAOLike(code) && country != "US" && country != "CA")
        }
        if isICAO(ident) { claim("icao:" + ident, .ident) }
        if !icaoCode.isEmpty { claim("icao:" + icaoCode, .icaoColumn) }
        if isICAO(gpsCode) { claim("icao:" + gpsCode, .gpsColumn) }
        let iataCode = field(columns.iataCode)
        if !iataCode.isEmpty { claim("iata:" + iataCode, .iataColumn) }
        // The region letter of the airfield's own ICAO code tells a former code (ORUQ at an
        // Iraqi field) from an English acronym in capitals (BIAP at Baghdad, whose code is ORBI).
        let ownICAO = [icaoCode, gpsCode, ident].first(where: ImportText.isFourLetters)

        var aliases: [String] = []
        var seen: Set<String> = [name]
        for keyword in ImportText.split(field(columns.keywords), on: ",") {
            let keyword = ImportText.trim(keyword)
            if keyword.isEmpty || ImportText.isAllDigits(keyword) { continue }
            if ImportText.isICAOLike(keyword),
               keyword.utf8.contains(where: DelimitedText.isDigit) || ownICAO == nil || ownICAO?.first == keyword.first {
                claim("icao:" + keyword, .keyword)
            } else if ImportText.isUpperCaseCode(keyword, lengths: 3...3) {
                claim("iata:" + keyword, .keyword)
            } else if seen.insert(keyword).inserted {
                aliases.append(keyword)
            }
        }

        let type: SiteType
        var note = ""
        switch ourType {
        case "heliport": type = heliport
        case "seaplane_base": type = seaplaneBase
        case "closed", "small_airport", "medium_airport", "large_airport":
            let evidence = MilitaryWords.evidence(name: name, keywords: field(columns.keywords),
                                                  wikipedia: field(columns.wikipedia))
            let scheduled = field(columns.scheduledService) == "yes"
            if let evidence, !scheduled {
                type = .airBase
                note = "; military by \(evidence)"
            } else {
                type = .airport
                // A civil airport with airline service keeps that type even beside a base
                // (Erbil, Baghdad): people name it as an airport.
                if let evidence { note = "; also military by \(evidence)" }
            }
        default:
            return .omitted("type " + (ourType.isEmpty ? "(none)" : ourType))
        }
        let site = Site(id: "ourairports:" + ident, type: type, name: name, aliases: aliases,
                        latitude: latitude, longitude: longitude,
                        country: country.isEmpty ? nil : country,
                        uncertaintyKm: ourType == "large_airport" ? 3 : 2,
                        references: references, source: "OurAirports \(ident) (\(ourType)\(note))")
        return .site(site, referenceRanks: ranks)
    }
}

/// Words by which OurAirports names say an airfield is military; its `type` column has no
/// military value.
enum MilitaryWords {
    /// Lower-case word sequences.
    static let phrases: [[Substring]] = [
        "air base", "airbase", "air force", "airforce", "army air field", "army airfield", "air station",
        "naval air", "military", "joint base", "base aérea", "base aerea", "base aérienne", "base aerienne",
        "fliegerhorst", "militar", "militär", "militaire", "air national guard",
    ].map { $0.split(separator: " ") }
    /// Abbreviations, matched in capitals only: "Ab" and "Nas" are also parts of names.
    static let abbreviations: Set<Substring> = ["AB", "AFB", "AAF", "RAF", "NAS", "ANGB", "RAAF", "RCAF", "CFB", "MCAS", "NAF"]

    /// Which field says the airfield is military ("name", "keywords", "Wikipedia title"), or nil.
    static func evidence(name: String, keywords: String, wikipedia: String) -> String? {
        if isMilitary(name) { return "name" }
        if isMilitary(keywords) { return "keywords" }
        // The article title is the link's last path component; `_` separates words like a space.
        if let slash = wikipedia.lastIndex(of: "/"), isMilitary(String(wikipedia[wikipedia.index(after: slash)...])) {
            return "Wikipedia title"
        }
        return nil
    }

    /// Whether the text holds a military phrase or abbreviation as whole words.
    /// - Complexity: O(words × phrases); names are a few words long.
    static func isMilitary(_ text: String) -> Bool {
        // Words are runs of letters and digits; bytes of multi-byte characters count as letters.
        func isSeparator(_ byte: UInt8) -> Bool {
            byte < 0x80 && !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) && !DelimitedText.isDigit(byte)
        }
        let words = text.utf8.split(whereSeparator: isSeparator).map(Substring.init)
        if words.isEmpty { return false }
        if words.contains(where: abbreviations.contains) { return true }
        let lower = text.lowercased().utf8.split(whereSeparator: isSeparator).map(Substring.init)
        for phrase in phrases where phrase.count <= lower.count {
            for start in 0...(lower.count - phrase.count) where lower[start] == phrase[0] {
                if phrase.indices.allSatisfy({ lower[start + $0] == phrase[$0] }) { return true }
            }
        }
        return false
    }
}
