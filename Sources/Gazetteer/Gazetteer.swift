import Foundation

/// A set of sites: the built-in Iraq and Syria set, plus whatever the analyst imported.
///
/// Sites are kept in insertion order (built-in first), which is also the tie-break order
/// everywhere, so results do not change from run to run.
public struct Gazetteer: Sendable {
    /// Every site, built-in first, then imports in the order they were added.
    public private(set) var sites: [Site]
    private var indexByID: [String: Int]
    private var idByReference: [String: String]
    /// Site positions by one-degree cell, so `near` looks at a few cells, not every site.
    private var cells: [Int: [Int]]
    /// The largest ``Site/uncertaintyKm`` of any site: how far `near` must reach to find
    /// every site whose area a point may lie in.
    public private(set) var largestUncertaintyKm = 0.0

    /// A gazetteer holding `sites` (later duplicates of an id are dropped).
    public init(sites: [Site] = []) {
        self.sites = []
        indexByID = [:]
        idByReference = [:]
        cells = [:]
        add(sites)
    }

    /// Adds sites, skipping any whose id is already present or that names (through
    /// ``Site/references``) a site already present, so importing OurAirports over the
    /// built-in set keeps the curated record of Tabqa, not a second one.
    /// - Returns: how many were added and how many skipped as duplicates.
    @discardableResult
    public mutating func add(_ newSites: [Site]) -> (added: Int, skipped: Int) {
        var added = 0
        for site in newSites {
            let keys = [site.id] + site.references
            if indexByID[site.id] != nil || keys.contains(where: { idByReference[$0] != nil }) { continue }
            indexByID[site.id] = sites.count
            cells[Self.cell(site.latitude, site.longitude), default: []].append(sites.count)
            if site.uncertaintyKm.isFinite { largestUncertaintyKm = max(largestUncertaintyKm, site.uncertaintyKm) }
            for key in keys { idByReference[key] = site.id }
            sites.append(site)
            added += 1
        }
        return (added, newSites.count - added)
    }

    /// The site with this id, if any.
    public func site(id: String) -> Site? {
        indexByID[id].map { sites[$0] }
    }

    /// The site a person names by id or code: its id; an id an import merged into it
    /// (`ourairports:ORER`, now the built-in Erbil airport); a reference (`icao:OSDZ`); a bare
    /// ICAO, IATA or OurAirports code in capitals (`OSDZ`, `DEZ`); or an imported id without the
    /// `user:` prefix the import gave it.
    public func site(named key: String) -> Site? {
        if let site = site(id: key) { return site }
        if let id = idByReference[key] ?? idByReference["user:" + key] { return site(id: id) }
        // A bare code only as codes are written, in capitals ("DAM" is Damascus airport's IATA
        // code; "dam" is a word).
        let code = key
        guard !code.isEmpty, code.count <= 8, code == code.uppercased(), code.contains(where: \.isLetter),
              code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        for prefix in ["icao:", "iata:", "ourairports:"] {
            if let id = idByReference[prefix + code] { return site(id: id) }
        }
        return nil
    }

    /// The sites within `km` of a point, nearest first (ties by gazetteer order).
    /// - Complexity: O(sites in the one-degree cells the circle touches).
    public func near(latitude: Double, longitude: Double, km: Double) -> [(site: Site, km: Double)] {
        guard latitude.isFinite, longitude.isFinite, km.isFinite, km >= 0 else { return [] }
        // Half the Earth's circumference reaches everything: no larger circle is needed.
        let km = min(km, 20_040)
        var found: [(site: Site, km: Double, order: Int)] = []
        // One degree of latitude is about 111 km; a degree of longitude shrinks with
        // cos(latitude), and a circle over a pole covers every longitude.
        let latitudeSpan = km / 111 + 0.01
        let south = max(-90, latitude - latitudeSpan), north = min(90, latitude + latitudeSpan)
        let widest = max(abs(south), abs(north))
        let allLongitudes = north >= 89.9 || south <= -89.9 || widest >= 89
        let longitudeSpan = allLongitudes ? 180 : min(180, km / (111 * cos(widest * Double.pi / 180)) + 0.01)
        let rows = Int(south.rounded(.down))...Int(north.rounded(.down))
        let columns = allLongitudes ? -180...179 : Int((longitude - longitudeSpan).rounded(.down))...Int((longitude + longitudeSpan).rounded(.down))
        var visited = Set<Int>()
        for row in rows {
            for column in columns {
                // Longitudes wrap at ±180.
                let key = row * 1000 + ((column + 180) % 360 + 360) % 360 - 180
                guard visited.insert(key).inserted else { continue }
                for order in cells[key] ?? [] {
                    let distance = GeoDistance.kilometres(latitude, longitude, to: sites[order])
                    if distance <= km { found.append((sites[order], distance, order)) }
                }
            }
        }
        found.sort { ($0.km, $0.order) < ($1.km, $1.order) }
        return found.map { ($0.site, $0.km) }
    }

    /// The one-degree cell of a point; longitude 180 is filed as -180, where lookups wrap.
    private static func cell(_ latitude: Double, _ longitude: Double) -> Int {
        let row = Int(min(89, max(-90, latitude.rounded(.down))))
        let column = Int(longitude.rounded(.down))
        return row * 1000 + ((column + 180) % 360 + 360) % 360 - 180
    }
}
