/// What kind of place a site is. Open-ended: importers and the user's own lists may bring
/// types beyond the named ones, which are kept as written (lower case, `_` for spaces).
public struct SiteType: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// A type from its name, normalised to lower case with `_` for spaces and hyphens.
    public init(rawValue: String) {
        self.rawValue = String(rawValue.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    public static let airport = SiteType(rawValue: "airport")
    public static let airBase = SiteType(rawValue: "air_base")
    public static let borderCrossing = SiteType(rawValue: "border_crossing")
    public static let bank = SiteType(rawValue: "bank")
    public static let tvStation = SiteType(rawValue: "tv_station")
    public static let dam = SiteType(rawValue: "dam")
    public static let city = SiteType(rawValue: "city")
    public static let militaryBase = SiteType(rawValue: "military_base")
    public static let oilField = SiteType(rawValue: "oil_field")
    public static let other = SiteType(rawValue: "other")

    public var description: String { rawValue }

    public static func < (lhs: SiteType, rhs: SiteType) -> Bool { lhs.rawValue < rhs.rawValue }
}
