import Foundation

extension Gazetteer {
    /// Reads the analyst's own sites from CSV with a header row: `id, type, name, aliases,
    /// latitude, longitude, country, uncertainty_km, source` in any order (`lat`, `lon`, `lng`
    /// also accepted; `name_en` for `name`, other `name_xx` columns as aliases). Only `name`,
    /// `latitude` and `longitude` are required.
    ///
    /// Aliases are separated by `|` or `;`; the type defaults to `other`, the id to a slug of
    /// the name (made unique within the file), and every id is prefixed `user:`.
    /// - Parameters:
    ///   - csv: the file's text.
    ///   - path: where it came from, for errors and the default source.
    /// - Returns: the sites; rows without a name or usable coordinates are skipped and reported.
    /// - Throws: ``GazetteerError/unrecognisedFormat(path:detail:)`` when the header lacks
    ///   `name`, `latitude` or `longitude`.
    public static func userSites(csv: String, path: String) throws(GazetteerError) -> ImportResult {
        try withBytes(of: csv) { bytes throws(GazetteerError) in try userSites(csvBytes: bytes, path: path) }
    }

    /// Reads the analyst's own sites from JSON or GeoJSON: an array of site objects with the
    /// CSV's keys (aliases as an array or a `|`/`;`-separated string), `{"sites": [...]}`,
    /// or a FeatureCollection of Point features whose properties carry the keys and whose
    /// coordinates are `[longitude, latitude]`.
    /// - Parameters:
    ///   - json: the file's text.
    ///   - path: where it came from, for errors and the default source.
    /// - Returns: the sites; entries without a name or usable coordinates are skipped and
    ///   reported by their 1-based position.
    /// - Throws: ``GazetteerError/unreadable(path:detail:)`` for invalid JSON,
    ///   ``GazetteerError/unrecognisedFormat(path:detail:)`` for JSON of another shape.
    public static func userSites(json: String, path: String) throws(GazetteerError) -> ImportResult {
        try userSites(jsonData: Data(json.utf8), path: path)
    }

    static func userSites(csvBytes bytes: UnsafeBufferPointer<UInt8>, path: String) throws(GazetteerError) -> ImportResult {
        var result = ImportResult(format: .csv)
        var builder = UserSiteBuilder(path: path, format: "CSV")
        let text = DelimitedText(bytes: bytes, separator: UInt8(ascii: ","))
        let known = try UserSiteColumns(text.header(path: path), path: path)
        text.forEachRowAfterHeader { row in
            func text(_ column: Int?) -> String? {
                guard let column, column < row.count else { return nil }
                let value = ImportText.trim(row.string(column))
                return value.isEmpty ? nil : value
            }
            let fields = UserSiteFields(
                id: text(known.id), type: text(known.type), name: text(known.name),
                aliases: (text(known.aliases).map(UserSiteFields.splitAliases) ?? []) + known.otherNames.compactMap(text),
                latitude: text(known.latitude), longitude: text(known.longitude), country: text(known.country),
                uncertaintyKm: text(known.uncertainty), source: text(known.source))
            builder.add(fields, line: row.line, to: &result)
        }
        return result
    }

    static func userSites(jsonData data: Data, path: String) throws(GazetteerError) -> ImportResult {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .unreadable(path: path, detail: "not valid JSON (\(error.localizedDescription))")
        }
        var result = ImportResult(format: .json)
        if let object = root as? [String: Any], (object["type"] as? String) == "FeatureCollection" {
            guard let features = object["features"] as? [Any] else {
                throw .unrecognisedFormat(path: path, detail: "a GeoJSON FeatureCollection without a \"features\" array")
            }
            var builder = UserSiteBuilder(path: path, format: "GeoJSON")
            for (index, feature) in features.enumerated() {
                switch UserSiteFields.geoJSON(feature) {
                case .success(let fields): builder.add(fields, line: index + 1, to: &result)
                case .failure(let problem): result.skip(line: index + 1, problem.reason)
                }
            }
            return result
        }
        let entries: [Any]
        if let array = root as? [Any] {
            entries = array
        } else if let object = root as? [String: Any], let sites = object["sites"] as? [Any] {
            entries = sites
        } else if let object = root as? [String: Any], (object["type"] as? String) == "Feature" {
            // A single GeoJSON feature, as some tools export one point.
            var builder = UserSiteBuilder(path: path, format: "GeoJSON")
            switch UserSiteFields.geoJSON(object) {
            case .success(let fields): builder.add(fields, line: 1, to: &result)
            case .failure(let problem): result.skip(line: 1, problem.reason)
            }
            return result
        } else {
            throw .unrecognisedFormat(path: path, detail: "JSON that is neither an array of sites, "
                + "{\"sites\": [...]}, nor a GeoJSON FeatureCollection")
        }
        var builder = UserSiteBuilder(path: path, format: "JSON")
        for (index, entry) in entries.enumerated() {
            guard let object = entry as? [String: Any] else {
                result.skip(line: index + 1, "entry is not an object")
                continue
            }
            builder.add(UserSiteFields(object), line: index + 1, to: &result)
        }
        return result
    }
}

/// Where each user-site column sits in a CSV header.
struct UserSiteColumns {
    /// The name's column: `name`, or `name_en` beside names in other languages.
    static let nameNames = ["name", "name_en"]
    static let latitudeNames = ["latitude", "lat"]
    static let longitudeNames = ["longitude", "lon", "lng", "long"]

    let id, type, aliases, country, uncertainty, source: Int?
    /// Names in other languages (`name_ar`, …), taken as aliases.
    let otherNames: [Int]
    let name, latitude, longitude: Int

    init(_ header: HeaderColumns, path: String) throws(GazetteerError) {
        let name = Self.nameNames.lazy.compactMap { header[$0] }.first
        let latitude = Self.latitudeNames.lazy.compactMap { header[$0] }.first
        let longitude = Self.longitudeNames.lazy.compactMap { header[$0] }.first
        guard let name, let latitude, let longitude else {
            let missing = [("name", name), ("latitude", latitude), ("longitude", longitude)].filter { $0.1 == nil }.map(\.0)
            throw .unrecognisedFormat(path: path, detail: "a site CSV header needs the column(s) "
                + missing.joined(separator: ", "))
        }
        (self.name, self.latitude, self.longitude) = (name, latitude, longitude)
        id = header["id"]
        type = header["type"]
        aliases = header["aliases", "alias"]
        country = header["country", "country_code"]
        uncertainty = header["uncertainty_km", "uncertainty"]
        source = header["source"]
        otherNames = header.positions(where: { $0.hasPrefix("name_") && !Self.nameNames.contains($0) })
    }
}

/// One user site as written, before checking: every value as text, as CSV gives it.
struct UserSiteFields {
    var id, type, name: String?
    var aliases: [String]
    var latitude, longitude: String?
    var country, uncertaintyKm, source: String?

    /// A problem with a GeoJSON feature, as text for ``Gazetteer/SkippedRow``.
    struct Problem: Error { let reason: String }

    init(id: String?, type: String?, name: String?, aliases: [String], latitude: String?, longitude: String?,
         country: String?, uncertaintyKm: String?, source: String?) {
        (self.id, self.type, self.name, self.aliases) = (id, type, name, aliases)
        (self.latitude, self.longitude, self.country, self.uncertaintyKm, self.source) = (latitude, longitude, country, uncertaintyKm, source)
    }

    /// The fields of a JSON object; numbers and strings are both accepted for every value.
    init(_ object: [String: Any]) {
        func text(_ keys: String...) -> String? {
            for key in keys {
                guard let value = object[key] else { continue }
                if let string = value as? String {
                    let trimmed = ImportText.trim(string)
                    if !trimmed.isEmpty { return trimmed }
                } else if let number = value as? NSNumber {
                    return number.stringValue
                }
            }
            return nil
        }
        var aliases: [String] = []
        if let list = object["aliases"] as? [Any] {
            aliases = list.compactMap { ($0 as? String).map(ImportText.trim) }.filter { !$0.isEmpty }
        } else if let string = object["aliases"] as? String {
            aliases = Self.splitAliases(string)
        }
        // As in CSV: names in other languages (`name_ar`, …) are aliases, in key order.
        for key in object.keys.sorted() where key.hasPrefix("name_") && !UserSiteColumns.nameNames.contains(key) {
            if let name = text(key) { aliases.append(name) }
        }
        self.init(id: text("id"), type: text("type"), name: text("name", "name_en"), aliases: aliases,
                  latitude: text("latitude", "lat"), longitude: text("longitude", "lon", "lng"),
                  country: text("country", "country_code"), uncertaintyKm: text("uncertainty_km", "uncertainty"),
                  source: text("source"))
    }

    /// The fields of a GeoJSON Point feature: properties for the keys, geometry for the place
    /// (a feature's own `id` stands in when the properties have none).
    static func geoJSON(_ feature: Any) -> Result<UserSiteFields, Problem> {
        guard let feature = feature as? [String: Any], (feature["type"] as? String) == "Feature" else {
            return .failure(Problem(reason: "not a GeoJSON Feature"))
        }
        var fields = UserSiteFields(feature["properties"] as? [String: Any] ?? [:])
        guard let geometry = feature["geometry"] as? [String: Any] else {
            return .failure(Problem(reason: "\(fields.name ?? "feature"): no geometry"))
        }
        let kind = geometry["type"] as? String ?? "(none)"
        guard kind == "Point" else {
            return .failure(Problem(reason: "\(fields.name ?? "feature"): geometry is a \(kind), not a Point"))
        }
        guard let coordinates = geometry["coordinates"] as? [Any], coordinates.count >= 2,
              let longitude = coordinates[0] as? NSNumber, let latitude = coordinates[1] as? NSNumber else {
            return .failure(Problem(reason: "\(fields.name ?? "feature"): Point coordinates are not [longitude, latitude]"))
        }
        // GeoJSON puts longitude first (RFC 7946 §3.1.1); the geometry wins over properties.
        fields.longitude = longitude.stringValue
        fields.latitude = latitude.stringValue
        if fields.id == nil {
            if let id = feature["id"] as? String { fields.id = ImportText.trim(id) }
            else if let id = feature["id"] as? NSNumber { fields.id = id.stringValue }
        }
        return .success(fields)
    }

    /// Aliases from one string, separated by `|` or `;` (commas occur inside names).
    static func splitAliases(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "|" || $0 == ";" }).map(ImportText.trim).filter { !$0.isEmpty }
    }
}

/// Turns user fields into sites: checks values, fills defaults, keeps ids unique in the file.
struct UserSiteBuilder {
    let path: String
    let format: String
    private var lineByID: [String: Int] = [:]

    init(path: String, format: String) {
        self.path = path
        self.format = format
    }

    mutating func add(_ fields: UserSiteFields, line: Int, to result: inout Gazetteer.ImportResult) {
        let place = format == "CSV" ? "line" : "entry"
        guard let name = fields.name else { result.skip(line: line, "no name"); return }
        guard let latitudeText = fields.latitude, let longitudeText = fields.longitude else {
            result.skip(line: line, "\(name): no latitude or longitude"); return
        }
        guard let (latitude, longitude) = Gazetteer.coordinates(latitudeText, longitudeText) else {
            result.skip(line: line, "\(name): " + Gazetteer.notCoordinates(latitudeText, longitudeText))
            return
        }
        var uncertainty = 2.0
        if let text = fields.uncertaintyKm {
            guard let value = Double(text), value.isFinite, value >= 0 else {
                result.skip(line: line, "\(name): uncertainty_km '\(text)' is not a distance in km"); return
            }
            uncertainty = value
        }
        var country: String?
        if let text = fields.country {
            guard text.utf8.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                result.skip(line: line, "\(name): country '\(text)' is not an ISO 3166-1 two-letter code"); return
            }
            country = text.uppercased()
        }

        var id: String
        if let given = fields.id {
            id = given.hasPrefix("user:") ? given : "user:" + given
            if let earlier = lineByID[id] {
                result.skip(line: line, "\(name): id '\(id)' is already used by \(place) \(earlier)"); return
            }
        } else {
            // Two sites called "Checkpoint" are two places; the second becomes checkpoint-2.
            let base = "user:" + (Self.slug(name) ?? "site-\(line)")
            id = base
            var suffix = 2
            while lineByID[id] != nil { id = "\(base)-\(suffix)"; suffix += 1 }
            result.idsFromNames.insert(id)
        }
        lineByID[id] = line

        var seen: Set<String> = [name]
        let aliases = fields.aliases.filter { seen.insert($0).inserted }
        let fileName = (path as NSString).lastPathComponent
        result.sites.append(Site(id: id, type: fields.type.map(SiteType.init(rawValue:)) ?? .other, name: name,
                                 aliases: aliases, latitude: latitude, longitude: longitude, country: country,
                                 uncertaintyKm: uncertainty, references: [],
                                 source: fields.source ?? "user \(format) \(fileName) \(place) \(line)"))
    }

    /// The name in lower-case ASCII letters and digits joined by `-`, or nil when nothing is left
    /// (an Arabic-only name).
    static func slug(_ name: String) -> String? {
        var slug = ""
        var pendingDash = false
        for scalar in name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased().unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
            if slug.utf8.count >= 64 { break }
        }
        return slug.isEmpty ? nil : slug
    }
}
