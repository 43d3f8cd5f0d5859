import Foundation

extension Gazetteer {
    /// The sites the project curated for Iraq and Syria: airports and air bases, land border
    /// crossings, main dams, and the cities they are named after, each with its source.
    public static let builtIn: Gazetteer = Gazetteer(sites: parseBuiltIn(BuiltInSites.table))

    /// Parses the built-in table: tab-separated `id type name aliases latitude longitude
    /// country uncertainty_km references source`, lists separated by `|`, `#` comments.
    static func parseBuiltIn(_ table: String) -> [Site] {
        var sites: [Site] = []
        for line in table.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // The table is the project's own source text; a malformed row is a programming
            // error that the built-in table's test catches, so it is skipped, not fatal here.
            guard fields.count == 10, let latitude = Double(fields[4]), let longitude = Double(fields[5]),
                  let uncertainty = Double(fields[7]) else { continue }
            func list(_ field: String) -> [String] {
                field.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            sites.append(Site(id: "builtin:" + fields[0], type: SiteType(rawValue: fields[1]), name: fields[2],
                              aliases: list(fields[3]), latitude: latitude, longitude: longitude,
                              country: fields[6].isEmpty ? nil : fields[6], uncertaintyKm: uncertainty,
                              references: list(fields[8]), source: fields[9]))
        }
        return sites
    }
}
