import Foundation

/// Great-circle distances on a sphere of the Earth's mean radius.
public enum GeoDistance {
    /// The mean Earth radius in km (IUGG), which the haversine formula assumes.
    public static let earthRadiusKm = 6371.0088

    /// The haversine distance in km between two points given in degrees.
    public static func kilometres(_ latitude1: Double, _ longitude1: Double,
                                  _ latitude2: Double, _ longitude2: Double) -> Double {
        let radians = Double.pi / 180
        let dLatitude = (latitude2 - latitude1) * radians
        let dLongitude = (longitude2 - longitude1) * radians
        let a = sin(dLatitude / 2) * sin(dLatitude / 2)
            + cos(latitude1 * radians) * cos(latitude2 * radians) * sin(dLongitude / 2) * sin(dLongitude / 2)
        return 2 * earthRadiusKm * asin(min(1, a.squareRoot()))
    }

    /// The distance in km between a point and a site.
    public static func kilometres(_ latitude: Double, _ longitude: Double, to site: Site) -> Double {
        kilometres(latitude, longitude, site.latitude, site.longitude)
    }
}
