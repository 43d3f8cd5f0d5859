/// How to decode: at what size, in what colour, with which orientation, under which limit.
public struct DecodeOptions: Sendable, Equatable {
    /// The default pixel limit: 256 megapixels.
    public static let defaultMaxPixels = 256_000_000

    /// Decode JPEGs at the smallest DCT scale (1/8, 1/4, 1/2) whose short side is still at
    /// least this many pixels; nil decodes at full size. Other formats always decode full size.
    public var minimumShortSide: Int?
    /// Ask for one luma channel. JPEGs then skip chroma entirely (libjpeg hands over Y);
    /// other formats still return their own channel count, so callers convert if needed.
    public var grayscale: Bool
    /// EXIF orientation (1–8) to apply after decoding; any other value is treated as 1.
    public var orientation: Int
    /// Images whose stored width × height exceeds this are refused before any allocation.
    public var maxPixels: Int
    /// What to do with an alpha channel (PNG, WebP).
    public var alpha: AlphaHandling

    /// How transparent pixels become opaque ones.
    public enum AlphaHandling: Sendable, Equatable {
        /// Composite onto white: what a viewer shows on a white page.
        case compositeOntoWhite
        /// Drop alpha and keep the colour stored under it, as Pillow's `convert("RGB"/"L")`
        /// does; imagehash and python-threatexchange's PDQ hash what that gives.
        case discard
    }

    /// Creates options; the defaults decode full size, in colour, as stored, under 256 MP,
    /// with alpha composited onto white.
    public init(
        minimumShortSide: Int? = nil, grayscale: Bool = false, orientation: Int = 1,
        maxPixels: Int = DecodeOptions.defaultMaxPixels, alpha: AlphaHandling = .compositeOntoWhite
    ) {
        self.minimumShortSide = minimumShortSide
        self.grayscale = grayscale
        self.orientation = orientation
        self.maxPixels = maxPixels
        self.alpha = alpha
    }
}
