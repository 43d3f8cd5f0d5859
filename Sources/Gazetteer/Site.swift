/// A place a post can claim: an airport, an air base, a border crossing, a bank, a TV
/// station, a dam, a city…
public struct Site: Sendable, Hashable {
    /// Unique within a gazetteer, prefixed by its source: `builtin:tabqa-air-base`,
    /// `ourairports:SY-0035`, `geonames:99071`, `user:…`.
    public var id: String
    /// What kind of place it is.
    public var type: SiteType
    /// The name shown to people (English where there is one).
    public var name: String
    /// Every other name it goes by: Arabic, aliases, transliterations, former names.
    public var aliases: [String]
    /// WGS 84 latitude in degrees.
    public var latitude: Double
    /// WGS 84 longitude in degrees.
    public var longitude: Double
    /// ISO 3166-1 alpha-2 country code, when known.
    public var country: String?
    /// How far the true place may be from the coordinates, in km: a site's extent plus the
    /// uncertainty of its source (approximate border crossings carry 10–15 km).
    public var uncertaintyKm: Double
    /// Identifiers of the same place in other sources (`ourairports:SY-0035`, `icao:OS59`),
    /// so an import does not add a second copy of a curated site.
    public var references: [String]
    /// Where the record comes from, and anything a reader must know about it.
    public var source: String

    /// Creates a site.
    public init(id: String, type: SiteType, name: String, aliases: [String] = [],
                latitude: Double, longitude: Double, country: String? = nil,
                uncertaintyKm: Double = 2, references: [String] = [], source: String) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.latitude = latitude
        self.longitude = longitude
        self.country = country
        self.uncertaintyKm = uncertaintyKm
        self.references = references
        self.source = source
    }

    /// The name and every alias.
    public var allNames: [String] { [name] + aliases }

    /// Whether the project wrote this record (the curated set wins over imports on ties).
    public var isBuiltIn: Bool { id.hasPrefix("builtin:") }

    /// Whether a person chose this site (the built-in set, the user's own list), as opposed to
    /// a bulk import (OurAirports, GeoNames) whose names count only next to a type word.
    public var isCurated: Bool { isBuiltIn || id.hasPrefix("user:") }
}
