/// The eight rotations and flips of an image, in the PDQ reference's order, applied to the
/// 16×16 DCT block instead of the pixels (a flip negates the odd-frequency coefficients along
/// its axis; a transpose swaps the axes).
public enum DihedralTransform: Int, Sendable, CaseIterable, Codable {
    case original, rotate90, rotate180, rotate270, flipX, flipY, flipPlus1, flipMinus1

    /// The reference tools' names for each variant.
    public var name: String {
        switch self {
        case .original: "ORIGINAL"
        case .rotate90: "ROTATE90"
        case .rotate180: "ROTATE180"
        case .rotate270: "ROTATE270"
        case .flipX: "FLIPX"
        case .flipY: "FLIPY"
        case .flipPlus1: "FLIPPLUS1"
        case .flipMinus1: "FLIPMINUS1"
        }
    }

    /// The variant of a picture shown as EXIF `orientation` (1–8) says that is the picture as
    /// stored: what the reference tools hash, since they ignore the tag. Nil outside 1–8.
    public static func undoing(orientation: Int) -> DihedralTransform? {
        // Measured on the PDQ corpus's exif-rotn photos (3, 6, 8, within 4 bits of the
        // reference) and on a photo tagged 2, 4, 5 and 7.
        switch orientation {
        case 1: .original
        case 2: .flipY
        case 3: .rotate180
        case 4: .flipX
        case 5: .flipPlus1
        case 6: .rotate90
        case 7: .flipMinus1
        case 8: .rotate270
        default: nil
        }
    }

    /// The DCT block of the transformed image, from the original's 16×16 block (row-major).
    func apply(to a: [Float]) -> [Float] {
        var b = [Float](repeating: 0, count: 256)
        for i in 0..<16 {
            for j in 0..<16 {
                let value = a[i * 16 + j]
                switch self {
                case .original: b[i * 16 + j] = value
                case .rotate90: b[j * 16 + i] = j & 1 == 1 ? value : -value
                case .rotate180: b[i * 16 + j] = (i + j) & 1 == 1 ? -value : value
                case .rotate270: b[j * 16 + i] = i & 1 == 1 ? value : -value
                case .flipX: b[i * 16 + j] = i & 1 == 1 ? value : -value
                case .flipY: b[i * 16 + j] = j & 1 == 1 ? value : -value
                case .flipPlus1: b[j * 16 + i] = value
                case .flipMinus1: b[j * 16 + i] = (i + j) & 1 == 1 ? -value : value
                }
            }
        }
        return b
    }
}
