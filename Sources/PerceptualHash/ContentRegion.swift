public import ImageDecoding

/// The part of an image left after trimming what reposts add at its edges: a caption banner
/// (a strip of one colour, usually with text), a white frame from a screenshot, black bars.
///
/// Global hashes of a reposted photo with such a strip are far from the original's (a 10%
/// banner moves PDQ by ~100 bits), while the hash of the region inside is close. Detection
/// looks only at the edges: a strip is a run of rows (or columns) from the edge in which most
/// pixels share one value, the same value all through the strip, and which ends in a straight
/// edge across the whole image (a sky or a plain wall fades into the picture instead).
public struct ContentRegion: Sendable, Hashable, CustomStringConvertible {
    /// Left edge, in the pixels of the image it was found in.
    public var x: Int
    /// Top edge.
    public var y: Int
    /// Width.
    public var width: Int
    /// Height.
    public var height: Int

    /// Creates a region.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// `x,y,width,height`.
    public var description: String { "\(x),\(y),\(width),\(height)" }

    /// A strip must cover at least this share of the image side to count (thinner edges are
    /// compression noise or a hairline frame that moves no hash bits).
    static let minimumStrip = 0.03
    /// A strip may cover at most this share of the side: beyond it, it is the picture.
    static let maximumStrip = 0.4
    /// Share of a row's pixels that must sit within `tolerance` of the strip's value.
    static let flatShare = 0.6
    /// Grey levels around the strip's value that still count as the same colour (JPEG noise).
    static let tolerance = 10
    /// At the strip's inner edge, this share of positions must change by `edgeStep` levels.
    static let edgeShare = 0.5
    /// See `edgeShare`.
    static let edgeStep = 8

    /// The region inside edge strips, or nil when no edge has one.
    ///
    /// - Complexity: O(width × height) at worst; usually only the edge rows and columns are read.
    public static func detect(in image: DecodedImage) -> ContentRegion? {
        let luma = lumaPlane(of: image)
        let width = image.width, height = image.height
        guard width >= 16, height >= 16 else { return nil }
        let top = stripLength(count: height, across: width, maximum: height) { i, j in luma[i * width + j] }
        let bottom = stripLength(count: height, across: width, maximum: height - top) { i, j in luma[(height - 1 - i) * width + j] }
        let left = stripLength(count: width, across: height, maximum: width) { i, j in luma[j * width + i] }
        let right = stripLength(count: width, across: height, maximum: width - left) { i, j in luma[j * width + (width - 1 - i)] }
        guard top + bottom + left + right > 0 else { return nil }
        let region = ContentRegion(x: left, y: top, width: width - left - right, height: height - top - bottom)
        guard region.width >= width / 3, region.height >= height / 3 else { return nil }
        return region
    }

    /// How many lines from one edge form a strip: each has `flatShare` of its pixels within
    /// `tolerance` of the first line's dominant value. Zero when the run is thinner than
    /// `minimumStrip` or thicker than `maximumStrip` of the side.
    /// - Parameter pixel: the value at line `i` from the edge, position `j` along the line.
    static func stripLength(count: Int, across: Int, maximum: Int, pixel: (Int, Int) -> UInt8) -> Int {
        guard let value = dominantValue(across: across, pixel: { pixel(0, $0) }) else { return 0 }
        let limit = min(maximum, Int(Double(count) * maximumStrip) + 1)
        var length = 0
        while length < limit, isFlat(across: across, value: value, pixel: { pixel(length, $0) }) {
            length += 1
        }
        guard length >= Int((Double(count) * minimumStrip).rounded(.up)), length < limit, length + 1 < count else { return 0 }
        // The edge may be smeared over one line by scaling, so compare with the next two lines.
        var changed = 0
        for j in 0..<across {
            let inside = Int(pixel(length - 1, j))
            if max(abs(Int(pixel(length, j)) - inside), abs(Int(pixel(length + 1, j)) - inside)) >= edgeStep { changed += 1 }
        }
        return Double(changed) >= Double(across) * edgeShare ? length : 0
    }

    /// The value most of a line's pixels share (a 32-level histogram's fullest bin, refined to
    /// the median of the pixels in it), or nil when no value covers `flatShare` of the line.
    static func dominantValue(across: Int, pixel: (Int) -> UInt8) -> Int? {
        var bins = [Int](repeating: 0, count: 32)
        for j in 0..<across { bins[Int(pixel(j)) >> 3] += 1 }
        var best = 0
        for bin in 1..<32 where bins[bin] > bins[best] { best = bin }
        var sum = 0, count = 0
        for j in 0..<across {
            let v = Int(pixel(j))
            if v >> 3 == best { sum += v; count += 1 }
        }
        guard count > 0 else { return nil }
        let value = sum / count
        return isFlat(across: across, value: value, pixel: pixel) ? value : nil
    }

    static func isFlat(across: Int, value: Int, pixel: (Int) -> UInt8) -> Bool {
        var near = 0
        for j in 0..<across where abs(Int(pixel(j)) - value) <= tolerance { near += 1 }
        return Double(near) >= Double(across) * flatShare
    }

    /// One byte of luma per pixel (Pillow's integer formula for RGB).
    static func lumaPlane(of image: DecodedImage) -> [UInt8] {
        guard image.channels == 3 else { return image.pixels }
        return GreyImage.fromRGB(image.pixels, width: image.width, height: image.height).pixels
    }

    /// The pixels inside this region of `image`.
    func crop(_ image: DecodedImage) -> DecodedImage {
        let c = image.channels
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height * c)
        for row in y..<(y + height) {
            let start = (row * image.width + x) * c
            pixels.append(contentsOf: image.pixels[start..<(start + width * c)])
        }
        // The stored size shrinks in proportion, so fast-mode PDQ still knows the scale.
        let stored = HashPipeline.orientedStoredSize(of: image)
        let scaleX = Double(stored.width) / Double(image.width)
        let scaleY = Double(stored.height) / Double(image.height)
        return DecodedImage(
            width: width, height: height, channels: c, pixels: pixels, format: image.format,
            storedWidth: Int((Double(width) * scaleX).rounded()), storedHeight: Int((Double(height) * scaleY).rounded()),
            warnings: image.warnings)
    }
}
