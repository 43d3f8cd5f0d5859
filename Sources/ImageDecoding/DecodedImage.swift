/// Decoded 8-bit pixels, row-major and interleaved, with what the decoder had to say about them.
public struct DecodedImage: Sendable, Equatable {
    /// Width of `pixels`, after any DCT scaling and orientation.
    public let width: Int
    /// Height of `pixels`, after any DCT scaling and orientation.
    public let height: Int
    /// 1 for grey, 3 for RGB.
    public let channels: Int
    /// `width × height × channels` samples, rows packed without padding.
    public let pixels: [UInt8]
    /// The container the pixels came from.
    public let format: ImageFormat
    /// Width stored in the file, before scaling and orientation.
    public let storedWidth: Int
    /// Height stored in the file, before scaling and orientation.
    public let storedHeight: Int
    /// Warnings the library raised: a non-empty list means the image may be damaged
    /// (a truncated JPEG decodes with grey padding and only a warning).
    public let warnings: [String]

    /// Creates an image from its parts; `pixels.count` must be `width × height × channels`.
    public init(
        width: Int, height: Int, channels: Int, pixels: [UInt8], format: ImageFormat,
        storedWidth: Int? = nil, storedHeight: Int? = nil, warnings: [String] = []
    ) {
        precondition(pixels.count == width * height * channels, "pixel count does not match size")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
        self.format = format
        self.storedWidth = storedWidth ?? width
        self.storedHeight = storedHeight ?? height
        self.warnings = warnings
    }

    /// True when the decoder raised no warning.
    public var isClean: Bool { warnings.isEmpty }
}
