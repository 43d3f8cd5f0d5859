/// A perceptual hash this module computes; raw values are the names the command line uses.
public enum HashAlgorithm: String, Sendable, CaseIterable, Codable, Hashable {
    /// Meta's PDQ: 256 bits, with a quality score and eight dihedral variants.
    case pdq
    /// imagehash's `phash`: DCT of a 32×32 greyscale, top-left 8×8 above their median.
    case phash
    /// imagehash's `dhash`: 9×8 greyscale, each pixel brighter than its left neighbour.
    case dhash
    /// imagehash's `average_hash`: 8×8 greyscale above its mean.
    case ahash
    /// imagehash's `whash`: Haar wavelet low band, the image-wide mean band removed.
    case whash
}
