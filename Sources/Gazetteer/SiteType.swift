/// What kind of place a site is. Open-ended: importers and the user's own lists may bring
/// types beyond the named ones, which are kept as written (lower case, `_` for spaces).
public struct SiteType: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The type's name: lower case, `_` between words.
    public let rawValue: String

    /// A type from its name, normalised to lower case with `_` for spaces and hyphens.
    public init(rawValue: String) {
        self.rawValue = String(rawValue.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    /// A civil airport or airfield.
    public static let airport = SiteType(rawValue: "airport")
    /// A military airfield.
    public static let airBase = SiteType(rawValue: "air_base")
    /// A land border crossing.
    public static let borderCrossing = SiteType(rawValue: "border_crossing")
    /// A bank or bank branch.
    public static let bank = SiteType(rawValue: "bank")
    /// A television or radio station building.
    public static let tvStation = SiteType(rawValue: "tv_station")
    /// A dam or barrage.
    public static let dam = SiteType(rawValue: "dam")
    /// A city, town or village: the place itself.
    public static let city = SiteType(rawValue: "city")
    /// A base, camp or unit headquarters.
    public static let militaryBase = SiteType(rawValue: "military_base")
    /// An oil or gas field (refineries are `oil_refinery`).
    public static let oilField = SiteType(rawValue: "oil_field")
    /// Anything else a user list names.
    public static let other = SiteType(rawValue: "other")

    public var description: String { rawValue }

    /// Alphabetical, for stable output.
    public static func < (lhs: SiteType, rhs: SiteType) -> Bool { lhs.rawValue < rhs.rawValue }
}
