public import ImageDecoding

/// Central parts of an image hashed besides the whole, so that a cropped repost can be matched.
///
/// PDQ tolerates little cropping: a 5% centred crop already moves it past the 31-bit threshold
/// on most photos (`scripts/eval-robustness`). A centred crop keeping share `s` of each side is
/// however close to the original's own central region of share `s`, so hashing a few central
/// regions of both images and comparing any hash with any catches crops near those shares,
/// and crops between them through pairs of regions (the repost's 90% against the original's 80%).
/// Regions are taken of the whole image, never inside a trimmed region: a strip wrongly found
/// in a photo's sky would otherwise move them all.
public enum CanonicalRegions {
    /// The shares of each side kept by the central regions `imprint hash` computes by default.
    public static let defaultCentralShares = [0.95, 0.9, 0.8]

    /// The centred region keeping `share` of each side of `region`.
    public static func central(_ share: Double, of region: ContentRegion) -> ContentRegion {
        let width = max(1, Int((Double(region.width) * share).rounded()))
        let height = max(1, Int((Double(region.height) * share).rounded()))
        return ContentRegion(x: region.x + (region.width - width) / 2, y: region.y + (region.height - height) / 2,
                             width: width, height: height)
    }

    /// The column-name suffix of a central region's hashes: `c90` for a share of 0.9.
    public static func name(ofShare share: Double) -> String {
        "c\(Int((share * 100).rounded()))"
    }
}
