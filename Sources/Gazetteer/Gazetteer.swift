/// A set of sites: the built-in Iraq and Syria set, plus whatever the analyst imported.
///
/// Sites are kept in insertion order (built-in first), which is also the tie-break order
/// everywhere, so results do not change from run to run.
public struct Gazetteer: Sendable {
    /// Every site, built-in first, then imports in the order they were added.
    public private(set) var sites: [Site]
    private var indexByID: [String: Int]
    private var idByReference: [String: String]

    /// A gazetteer holding `sites` (later duplicates of an id are dropped).
    public init(sites: [Site] = []) {
        self.sites = []
        indexByID = [:]
        idByReference = [:]
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

    /// The sites within `km` of a point, nearest first (ties by gazetteer order).
    /// - Complexity: O(n) over all sites.
    public func near(latitude: Double, longitude: Double, km: Double) -> [(site: Site, km: Double)] {
        var found: [(site: Site, km: Double, order: Int)] = []
        for (order, site) in sites.enumerated() {
            // A cheap latitude band first: one degree of latitude is about 111 km.
            guard abs(site.latitude - latitude) * 111 <= km + 1 else { continue }
            let distance = GeoDistance.kilometres(latitude, longitude, to: site)
            if distance <= km { found.append((site, distance, order)) }
        }
        found.sort { ($0.km, $0.order) < ($1.km, $1.order) }
        return found.map { ($0.site, $0.km) }
    }
}
