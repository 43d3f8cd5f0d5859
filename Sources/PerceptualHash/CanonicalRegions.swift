internal import CHashKernels
import Foundation
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

    /// The angles (degrees) at which `imprint hash` samples the rotated central region by default.
    public static let defaultRotations = [-2.0, 2.0]

    /// The share of each side the rotated regions keep: small enough that a turn of a few
    /// degrees stays inside the picture, and away from the corners a rotated repost fills.
    public static let rotatedShare = 0.8

    /// The centred region keeping `share` of each side of `region`.
    public static func central(_ share: Double, of region: ContentRegion) -> ContentRegion {
        let width = max(1, Int((Double(region.width) * share).rounded()))
        let height = max(1, Int((Double(region.height) * share).rounded()))
        return ContentRegion(x: region.x + (region.width - width) / 2, y: region.y + (region.height - height) / 2,
                             width: width, height: height)
    }

    /// A width-to-height ratio a repost is cut to: a square post, a 4:5 or 9:16 story, a 16:9 frame.
    public struct Aspect: Sendable, Hashable, CustomStringConvertible {
        /// Width units.
        public var width: Int
        /// Height units.
        public var height: Int

        /// Creates a ratio of `width` to `height` units (both at least 1).
        public init(_ width: Int, _ height: Int) {
            precondition(width >= 1 && height >= 1, "an aspect ratio needs positive sides")
            self.width = width
            self.height = height
        }

        /// `4:5`.
        public var description: String { "\(width):\(height)" }
    }

    /// The ratios whose centred crops `imprint hash` computes by default: where the platforms'
    /// formats cut a photo (square posts, 4:5 and 9:16 portraits, 16:9 frames).
    public static let defaultAspects = [Aspect(1, 1), Aspect(4, 5), Aspect(9, 16), Aspect(16, 9)]

    /// A crop to another ratio must cut at least this share of a side to get its own hash: a
    /// smaller cut is what the central regions already match.
    public static let aspectMinimumCut = 0.08

    /// The largest centred region of `region` with the ratio `aspect`, or nil when it would
    /// keep more than `1 - aspectMinimumCut` of both sides.
    ///
    /// A repost cut to a square or a story is the original's own centred region of that ratio
    /// (and matches no central region, which keep the original's ratio).
    public static func aspect(_ aspect: Aspect, of region: ContentRegion) -> ContentRegion? {
        let target = Double(aspect.width) / Double(aspect.height)
        var width = Double(region.width), height = Double(region.height)
        if width / height > target { width = height * target } else { height = width / target }
        let (w, h) = (Int(width.rounded()), Int(height.rounded()))
        guard w >= 1, h >= 1, Double(w) <= Double(region.width) * (1 - aspectMinimumCut)
                || Double(h) <= Double(region.height) * (1 - aspectMinimumCut) else { return nil }
        return ContentRegion(x: region.x + (region.width - w) / 2, y: region.y + (region.height - h) / 2, width: w, height: h)
    }

    /// The column-name suffix of an aspect crop's hashes: `a4x5` for 4:5.
    public static func name(of aspect: Aspect) -> String {
        "a\(aspect.width)x\(aspect.height)"
    }

    /// The shares of each side kept by the corner regions `imprint hash` computes by default.
    public static let defaultCornerShares = [0.9]

    /// A corner an off-centre crop keeps.
    public enum Corner: String, Sendable, Hashable, CaseIterable {
        case topLeft = "tl", topRight = "tr", bottomLeft = "bl", bottomRight = "br"
    }

    /// The region keeping `share` of each side of `region`, against `corner`: what a repost
    /// cropped on two sides shows (a logo cut off at the bottom right keeps the top left).
    public static func corner(_ share: Double, _ corner: Corner, of region: ContentRegion) -> ContentRegion {
        let width = max(1, Int((Double(region.width) * share).rounded()))
        let height = max(1, Int((Double(region.height) * share).rounded()))
        let right = corner == .topRight || corner == .bottomRight, bottom = corner == .bottomLeft || corner == .bottomRight
        return ContentRegion(x: region.x + (right ? region.width - width : 0), y: region.y + (bottom ? region.height - height : 0),
                             width: width, height: height)
    }

    /// The column-name suffix of a corner region's hashes: `tl90` for the top-left 0.9.
    public static func name(of corner: Corner, share: Double) -> String {
        corner.rawValue + "\(Int((share * 100).rounded()))"
    }

    /// The shares of one side kept by the edge regions `imprint hash` computes by default: a
    /// repost with one edge cut by 5–12% (a watermark or a caption strip taken off) is within
    /// a few bits of one of them, directly or through its own edge regions (docs/robustness.md).
    public static let defaultEdgeShares = [0.94, 0.88]

    /// The side an edge region keeps whole: `left` keeps the left part of the width (the right
    /// edge cut off).
    public enum Edge: String, Sendable, Hashable, CaseIterable {
        case top = "et", bottom = "eb", left = "el", right = "er"
    }

    /// The region keeping `share` of one side of `region`, against `edge`, and all of the other
    /// side: what a repost with one edge cut off shows.
    public static func edge(_ share: Double, _ edge: Edge, of region: ContentRegion) -> ContentRegion {
        switch edge {
        case .top, .bottom:
            let height = max(1, Int((Double(region.height) * share).rounded()))
            return ContentRegion(x: region.x, y: region.y + (edge == .bottom ? region.height - height : 0), width: region.width, height: height)
        case .left, .right:
            let width = max(1, Int((Double(region.width) * share).rounded()))
            return ContentRegion(x: region.x + (edge == .right ? region.width - width : 0), y: region.y, width: width, height: region.height)
        }
    }

    /// The column-name suffix of an edge region's hashes: `el91` for the left 0.91 of the width.
    public static func name(of edge: Edge, share: Double) -> String {
        edge.rawValue + "\(Int((share * 100).rounded()))"
    }

    /// Whether `suffix` names a canonical region's hash as the `name(…)` functions write it:
    /// `c90`, `tl90`, `el91`, `r-2`, `a4x5`.
    public static func isRegionName(_ suffix: Substring) -> Bool {
        if suffix.hasPrefix("r") { return Double(suffix.dropFirst()) != nil }
        let kind = suffix.prefix { $0.isLetter }
        let rest = suffix.dropFirst(kind.count)
        if kind == "a" {
            let sides = rest.split(separator: "x", omittingEmptySubsequences: false)
            return sides.count == 2 && sides.allSatisfy { Int($0) != nil }
        }
        return (kind == "c" || Corner(rawValue: String(kind)) != nil || Edge(rawValue: String(kind)) != nil) && Int(rest) != nil
    }

    /// The column-name suffix of a central region's hashes: `c90` for a share of 0.9.
    public static func name(ofShare share: Double) -> String {
        "c\(Int((share * 100).rounded()))"
    }

    /// The column-name suffix of a rotated region's hashes: `r+2`, `r-1.5`.
    public static func name(ofRotation degrees: Double) -> String {
        let number = degrees == degrees.rounded() ? String(Int(degrees)) : String(degrees)
        return "r" + (degrees > 0 ? "+" : "") + number
    }

    /// The short side rotated samples are made at, at most: PDQ reduces to 64×64 anyway, and
    /// sampling twice as finely keeps the bilinear sampling from aliasing.
    public static let rotatedShortSide = 128

    /// The central `rotatedShare` of `image` turned by `degrees` about its centre, sampled
    /// bilinearly at a short side of at most `rotatedShortSide` (positions outside the image
    /// take the nearest edge pixel).
    ///
    /// PDQ moves by about 20 bits per degree of rotation, so a repost turned a few degrees is
    /// out of reach of any unrotated hash. Both images of a pair carry these samples and every
    /// hash is compared with every other, so angles ±a also cover turns of ±2a.
    /// - Complexity: O(width × height × channels) of the sample.
    public static func rotated(_ image: DecodedImage, degrees: Double, share: Double = rotatedShare) -> DecodedImage {
        let regionWidth = Double(image.width) * share, regionHeight = Double(image.height) * share
        let step = max(1, min(regionWidth, regionHeight) / Double(rotatedShortSide))  // source pixels per sample
        let width = max(1, Int(regionWidth / step)), height = max(1, Int(regionHeight / step))
        let c = image.channels
        let angle = degrees * Double.pi / 180
        // 16.16 fixed point: position of sample (x, y) = origin + x·(dxx, dxy) + y·(dyx, dyy).
        let one = 65536.0
        let (dxx, dxy) = (Int(step * cos(angle) * one), Int(step * sin(angle) * one))
        let (centreX, centreY) = (Double(image.width - 1) / 2, Double(image.height - 1) / 2)
        let (halfW, halfH) = (Double(width - 1) / 2 * step, Double(height - 1) / 2 * step)
        let cosine = cos(angle), sine = sin(angle)
        let originX = Int((centreX - halfW * cosine + halfH * sine) * one)
        let originY = Int((centreY - halfW * sine - halfH * cosine) * one)
        let pixels = [UInt8](unsafeUninitializedCapacity: width * height * c) { out, initialized in
            imp_rotate_sample_u8(image.pixels, Int32(image.width), Int32(image.height), Int32(c),
                                 Int64(originX), Int64(originY), Int64(dxx), Int64(dxy), Int32(width), Int32(height), out.baseAddress)
            initialized = width * height * c
        }
        // The stored size shrinks in proportion, so fast-mode PDQ still knows the scale.
        let stored = HashPipeline.orientedStoredSize(of: image)
        let scale = Double(stored.width) / Double(image.width)
        return DecodedImage(
            width: width, height: height, channels: c, pixels: pixels, format: image.format,
            storedWidth: max(width, Int(Double(width) * step * scale)), storedHeight: max(height, Int(Double(height) * step * scale)),
            warnings: image.warnings)
    }
}
