import Foundation

extension Gazetteer {
    /// Reads a GeoNames dump (`allCountries.txt`, `IQ.txt`, `SY.txt`): 19 tab-separated
    /// columns, no header.
    ///
    /// Airfields, border posts, banks, radio and TV stations and masts, military
    /// installations, dams, oil refineries and fields, and every populated place (class `P`,
    /// as a `city`) become sites `geonames:<geonameid>`; other feature codes are omitted and
    /// counted. Aliases are the ASCII name and the alternate names, without URLs, numbers and
    /// short codes, at most ``geoNamesAliasLimit`` per site; an airfield's ICAO and IATA codes
    /// among them become `icao:`/`iata:` references.
    /// - Parameters:
    ///   - tsv: the file's text.
    ///   - path: where it came from, for errors.
    /// - Returns: the sites; lines that are not 19 fields or lack coordinates are skipped and reported.
    public static func geoNames(tsv: String, path: String) throws(GazetteerError) -> ImportResult {
        try withBytes(of: tsv) { bytes throws(GazetteerError) in try geoNames(bytes: bytes, path: path) }
    }

    /// At most this many aliases are kept per GeoNames site: a capital carries hundreds of
    /// names in as many languages, and allCountries holds millions of places.
    public static let geoNamesAliasLimit = 60

    static func geoNames(bytes: UnsafeBufferPointer<UInt8>, path: String) throws(GazetteerError) -> ImportResult {
        var result = ImportResult(format: .geoNames)
        var ranks: [[UInt8]] = []
        DelimitedText(bytes: bytes, separator: UInt8(ascii: "\t"), quoting: false).forEachRow { row in
            switch GeoNamesRow.site(row) {
            case .site(let site):
                ranks.append([UInt8](repeating: 0, count: site.references.count))
                result.sites.append(site)
            case .omitted(let reason): result.omit(reason)
            case .malformed(let reason): result.skip(line: row.line, reason)
            }
        }
        result.ambiguousReferences = keepUnambiguousReferences(&result.sites, ranks: ranks)
        return result
    }
}

/// The columns of a GeoNames dump line (readme.txt of the GeoNames export).
enum GeoNamesColumn {
    static let count = 19
    static let id = 0, name = 1, asciiName = 2, alternateNames = 3, latitude = 4, longitude = 5
    static let featureClass = 6, featureCode = 7, country = 8, population = 14
}

/// One GeoNames line turned into a site.
enum GeoNamesRow {
    enum Outcome {
        case site(Site)
        case omitted(String)
        case malformed(String)
    }

    /// The feature codes imported outside class `P`, and the type each becomes.
    static let types: [String: SiteType] = [
        "AIRP": .airport, "AIRB": .airBase, "AIRF": .airport, "AIRH": SiteType(rawValue: "heliport"),
        "AIRQ": .airport, "PSTB": .borderCrossing, "PSTC": .borderCrossing, "BANK": .bank,
        "STNR": .tvStation, "TOWR": .tvStation, "INSM": .militaryBase, "MILB": .militaryBase,
        "DAM": .dam, "OILR": SiteType(rawValue: "oil_refinery"), "OILF": .oilField,
    ]
    /// Airfield codes, whose alternate names carry ICAO and IATA codes worth keeping as references.
    static let airfieldCodes: Set<String> = ["AIRP", "AIRB", "AIRF", "AIRH", "AIRQ"]

    static func site(_ row: DelimitedText.Row) -> Outcome {
        guard row.count == GeoNamesColumn.count else {
            return .malformed("\(row.count) tab-separated fields where GeoNames has \(GeoNamesColumn.count)")
        }
        // Decide on the feature code first: most of allCountries is omitted, and this costs
        // two short strings per line.
        let featureClass = row.string(GeoNamesColumn.featureClass)
        let featureCode = row.string(GeoNamesColumn.featureCode)
        let type: SiteType
        if featureClass == "P" {
            type = .city
        } else if let known = types[featureCode] {
            type = known
        } else {
            return .omitted("GeoNames " + (featureCode.isEmpty ? "feature (none)" : "\(featureClass).\(featureCode)"))
        }
        let id = row.string(GeoNamesColumn.id)
        guard ImportText.isAllDigits(id) else { return .malformed("geonameid '\(id)' is not a number") }
        let name = ImportText.trim(row.string(GeoNamesColumn.name))
        guard !name.isEmpty else { return .malformed("geonames:\(id) has no name") }
        let (latitudeText, longitudeText) = (row.string(GeoNamesColumn.latitude), row.string(GeoNamesColumn.longitude))
        guard let (latitude, longitude) = Gazetteer.coordinates(latitudeText, longitudeText) else {
            return .malformed("geonames:\(id): " + Gazetteer.notCoordinates(latitudeText, longitudeText))
        }

        let airfield = airfieldCodes.contains(featureCode)
        var references = ["geonames:" + id]
        var aliases: [String] = []
        var seen: Set<String> = [name]
        let candidates = [row.string(GeoNamesColumn.asciiName)[...]]
            + ImportText.split(row.string(GeoNamesColumn.alternateNames), on: ",")
        for candidate in candidates {
            let alias = ImportText.trim(candidate)
            if alias.isEmpty || ImportText.isAllDigits(alias) || ImportText.containsURL(alias) || alias.hasPrefix("www.") { continue }
            if airfield && ImportText.isICAOLike(alias) {
                if !references.contains("icao:" + alias) { references.append("icao:" + alias) }
                continue
            }
            if ImportText.isUpperCaseCode(alias, lengths: 2...3) {
                if airfield && alias.utf8.count == 3 && !references.contains("iata:" + alias) { references.append("iata:" + alias) }
                continue
            }
            if aliases.count < Gazetteer.geoNamesAliasLimit && seen.insert(alias).inserted { aliases.append(alias) }
        }

        let country = row.string(GeoNamesColumn.country)
        let uncertainty = type == .city ? cityUncertaintyKm(population: Double(ImportText.trim(row.string(GeoNamesColumn.population))) ?? 0) : 2
        return .site(Site(id: "geonames:" + id, type: type, name: name, aliases: aliases,
                          latitude: latitude, longitude: longitude, country: country.isEmpty ? nil : country,
                          uncertaintyKm: uncertainty, references: references,
                          source: "GeoNames \(id) (\(featureClass).\(featureCode))"))
    }

    /// How far a place's edge may be from its GeoNames point: the point is a town's centre,
    /// and a big city reaches kilometres further.
    static func cityUncertaintyKm(population: Double) -> Double {
        switch population {
        case 1_000_000...: 10
        case 500_000...: 7
        case 100_000...: 5
        case 10_000...: 4
        default: 3
        }
    }
}
