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
    /// Share of the strip's value a line through a caption's text still has: large type,
    /// blurred by the reduced-size decode detection runs on, covers up to four fifths of a
    /// line (a 20% bar of bold type measured 22–33% background). A photo's rows beside a bar
    /// seldom hold its grey level this widely, and must also pass `textLineShare`.
    static let textShare = 0.2
    /// Share of a text line that is either the strip's value or at least `textContrast` levels
    /// from it; what remains is the type's anti-aliased outline.
    static let textLineShare = 0.8
    /// See `textLineShare`.
    static let textContrast = 48
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

    /// How many lines from one edge form a strip: lines with `textShare` of their pixels within
    /// `tolerance` of the first line's dominant value, ending in a flat line (`flatShare`) and a
    /// straight edge. Zero when the strip is thinner than `minimumStrip` or thicker than
    /// `maximumStrip` of the side.
    /// - Parameter pixel: the value at line `i` from the edge, position `j` along the line.
    static func stripLength(count: Int, across: Int, maximum: Int, pixel: (Int, Int) -> UInt8) -> Int {
        guard let value = dominantValue(across: across, pixel: { pixel(0, $0) }) else { return 0 }
        let limit = min(maximum, Int(Double(count) * maximumStrip) + 1)
        // Lines through a caption's text are less flat than the margins around it, so the run
        // goes on over lines with `textShare` of the strip's value, and the strip then ends at
        // the last flat line of the run that is followed by a straight edge.
        var run = 0
        while run < limit - 1, isTextLine(across: across, value: value, pixel: { pixel(run, $0) }) { run += 1 }
        guard run + 1 < count else { return 0 }
        let shortest = Int((Double(count) * minimumStrip).rounded(.up))
        var length = run
        while length >= max(shortest, 1) {
            if isFlat(across: across, value: value, pixel: { pixel(length - 1, $0) }),
               hasEdge(after: length, across: across, pixel: pixel) { return length }
            length -= 1
        }
        return 0
    }

    /// Whether `edgeShare` of the positions change by `edgeStep` levels between line
    /// `length - 1` and the next two lines (the edge may be smeared over one line by scaling).
    static func hasEdge(after length: Int, across: Int, pixel: (Int, Int) -> UInt8) -> Bool {
        var changed = 0
        for j in 0..<across {
            let inside = Int(pixel(length - 1, j))
            if max(abs(Int(pixel(length, j)) - inside), abs(Int(pixel(length + 1, j)) - inside)) >= edgeStep { changed += 1 }
        }
        return Double(changed) >= Double(across) * edgeShare
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
        share(across: across, value: value, pixel: pixel) >= flatShare
    }

    /// A line through a caption: at least `textShare` of it at the strip's value, and nearly
    /// all the rest far from it (type contrasts with its banner; a sky's gradient does not).
    static func isTextLine(across: Int, value: Int, pixel: (Int) -> UInt8) -> Bool {
        var near = 0, far = 0
        for j in 0..<across {
            let step = abs(Int(pixel(j)) - value)
            if step <= tolerance { near += 1 } else if step >= textContrast { far += 1 }
        }
        return Double(near) >= Double(across) * textShare && Double(near + far) >= Double(across) * textLineShare
    }

    /// The share of a line's pixels within `tolerance` of `value`.
    static func share(across: Int, value: Int, pixel: (Int) -> UInt8) -> Double {
        var near = 0
        for j in 0..<across where abs(Int(pixel(j)) - value) <= tolerance { near += 1 }
        return Double(near) / Double(across)
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
