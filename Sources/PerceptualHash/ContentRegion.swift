public import ImageDecoding

/// The part of an image left after trimming what reposts add around a photo: a caption banner
/// (a strip of one colour, usually with text), a white frame from a screenshot, black bars,
/// or the interface or template a photo is framed in.
///
/// Global hashes of a reposted photo with such additions are far from the original's (a 10%
/// banner moves PDQ by ~100 bits), while the hash of the region inside is close. A strip is a
/// run of rows (or columns) from the edge in which most pixels share one value, the same value
/// all through the strip, and which ends in a straight edge across the whole image (a sky or a
/// plain wall fades into the picture instead). Inside what the strips leave, a picture framed
/// by four straight edges (``framedPicture(in:luma:width:)``) is the region.
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

    /// The region inside edge strips or a frame, or nil when the image has neither.
    ///
    /// - Complexity: O(width × height).
    public static func detect(in image: DecodedImage) -> ContentRegion? {
        find(in: image)?.region
    }

    /// The region inside edge strips or a frame, and whether a frame (four straight edges
    /// around a picture) bounds it rather than strips at the image's edges.
    static func find(in image: DecodedImage) -> (region: ContentRegion, framed: Bool)? {
        let luma = lumaPlane(of: image)
        let width = image.width, height = image.height
        guard width >= 16, height >= 16 else { return nil }
        let whole = ContentRegion(x: 0, y: 0, width: width, height: height)
        func inside(_ region: ContentRegion) -> ContentRegion? {
            let inner = strips(in: region, luma: luma, width: width)
            return inner != region && inner.width >= width / 3 && inner.height >= height / 3 ? inner : nil
        }
        var region = inside(whole) ?? whole
        // Inside what the strips leave, a picture framed by straight edges: a photo in a
        // screenshot's interface, on a news template, on a blurred copy of itself.
        if let framed = framedPicture(in: region, luma: luma, width: width) { return (framed, true) }
        // Strips inside strips: a news card's footer, then the margin between it and the photo,
        // whose side margins only show as strips once the header and footer are off (along the
        // whole height the photo fills less than half of each column).
        for _ in 0..<2 {
            guard region != whole, let inner = inside(region) else { break }
            region = inner
            if let framed = framedPicture(in: region, luma: luma, width: width) { return (framed, true) }
        }
        return region == whole ? nil : (region, false)
    }

    /// Grey levels a straight edge steps by between neighbouring lines.
    static let frameStep = 20
    /// The shortest edge line, as a share of the searched region's side.
    static let frameLineShare = 0.25
    /// Share of a rectangle's side that its straight edge must run along.
    static let frameSideShare = 0.7
    /// The smallest and largest framed picture, as shares of the searched region's area.
    static let frameArea = 0.15...0.9
    /// How far a framed picture's rounded corners may shorten its top and bottom edges, as a
    /// share of the searched region's width (apps round a post's photo by 2–4% of the screen).
    static let frameCornerShare = 0.05

    /// The largest rectangle inside `region` whose sides are straight edges, at least two of
    /// them inside the region (its own sides count as edges too: a photo may fill the
    /// screenshot's width), or nil.
    ///
    /// A horizontal edge line is a run of positions along a row where the level steps by
    /// `frameStep` from the row above; two such lines whose ends line up, with vertical edges
    /// (or the region's sides) along `frameSideShare` of the height at those ends, frame a
    /// picture. A photo's own lines seldom do all that: a horizon has one internal side.
    /// - Complexity: O(width × height) for the edge lines, plus O(64² × height) for the pairs.
    static func framedPicture(in region: ContentRegion, luma: [UInt8], width: Int) -> ContentRegion? {
        let (x0, y0, w, h) = (region.x, region.y, region.width, region.height)
        guard w >= 32, h >= 32 else { return nil }
        let tolerance = max(2, w / 50)
        func steps(_ a: Int, _ b: Int) -> Bool { abs(Int(luma[a]) - Int(luma[b])) >= frameStep }
        // Rows (relative y in 1..<h) with their longest run of steps from the row above.
        var lines: [(y: Int, start: Int, end: Int)] = [(0, 0, w), (h, 0, w)]
        var found: [(y: Int, start: Int, end: Int)] = []
        for y in 1..<h {
            var best = (start: 0, end: 0), runStart = -1, lastHit = -10
            let row = (y0 + y) * width + x0, above = row - width
            for x in 0..<w {
                guard steps(row + x, above + x) else { continue }
                if x - lastHit > 3 { runStart = x }  // gaps of two positions are bridged
                lastHit = x
                if x + 1 - runStart > best.end - best.start { best = (runStart, x + 1) }
            }
            if Double(best.end - best.start) >= Double(w) * frameLineShare { found.append((y, best.start, best.end)) }
        }
        lines += found.sorted { $0.end - $0.start > $1.end - $1.start }.prefix(64)
        // Whether a vertical edge runs at column x (relative, ±1) along `share` of rows a..<b.
        func verticalEdge(at x: Int, from a: Int, to b: Int) -> Bool {
            if x <= tolerance || x >= w - tolerance { return true }  // the region's own side
            var hits = 0
            for y in a..<b {
                let row = (y0 + y) * width + x0
                if (max(1, x - 1)...min(w - 1, x + 1)).contains(where: { steps(row + $0, row + $0 - 1) }) { hits += 1 }
            }
            return Double(hits) >= Double(b - a) * frameSideShare
        }
        // Pairs of lines whose ends line up, largest first; the first with vertical edges wins.
        var pairs: [(top: Int, bottom: Int, left: Int, right: Int, area: Int, loose: Bool)] = []
        let area = Double(w * h)
        for top in lines {
            for bottom in lines where bottom.y - top.y >= h / 4 {
                // The region's own top or bottom spans every line: it lines up with the other's
                // ends (strips cut down to a picture's top edge, the page below it kept: a
                // phone screenshot, where the page under the picture is over `maximumStrip`).
                let aligned = abs(top.start - bottom.start) <= tolerance && abs(top.end - bottom.end) <= tolerance
                guard aligned || top.y == 0 || bottom.y == h else { continue }
                let left = max(top.start, bottom.start), right = min(top.end, bottom.end)
                guard right - left >= w / 4 else { continue }
                let rectangleArea = (right - left) * (bottom.y - top.y)
                let inside = [top.y > 0, bottom.y < h, left > tolerance, right < w - tolerance].filter { $0 }.count
                guard inside >= 2, frameArea.contains(Double(rectangleArea) / area) else { continue }
                pairs.append((top.y, bottom.y, left, right, rectangleArea, !aligned))
            }
        }
        pairs.sort { ($0.area, -$0.top, -$0.left) > ($1.area, -$1.top, -$1.left) }
        // A picture with rounded corners (a post in an app's screenshot) has its top and bottom
        // edges shorter than its sides are apart: each side of the outer frame is looked for up
        // to `cornerReach` columns out from the ends of those edges.
        let cornerReach = max(tolerance, Int(Double(w) * frameCornerShare))
        func column(from x: Int, outward: Int, top: Int, bottom: Int, reach: Int) -> Int? {
            for offset in 0...reach {
                let c = x + offset * outward
                guard c >= 0, c <= w else { break }
                guard verticalEdge(at: c, from: top, to: bottom) else { continue }
                guard offset > 0, c > tolerance, c < w - tolerance else { return c }
                // Found past a rounded corner, within a column: the column the edge steps at.
                func hits(_ x: Int) -> Int {
                    (top..<bottom).filter { y in steps((y0 + y) * width + x0 + x, (y0 + y) * width + x0 + x - 1) }.count
                }
                return [c, c + outward, c - outward].filter { $0 >= 1 && $0 < w }.max { hits($0) < hits($1) } ?? c
            }
            return nil
        }
        typealias Frame = (top: Int, bottom: Int, left: Int, right: Int, area: Int, loose: Bool)
        func framed(_ pair: Frame, reach: Int) -> Frame? {
            // Lined up only by the region's own top or bottom, a frame needs both its sides to
            // be edges where its other line ends: else the blank page under a picture (its
            // bottom edge to the region's bottom, the region's sides within reach) is one.
            if pair.loose, pair.left <= tolerance || pair.right >= w - tolerance { return nil }
            let reach = pair.loose ? 0 : reach
            guard let left = column(from: pair.left, outward: -1, top: pair.top, bottom: pair.bottom, reach: reach),
                  let right = column(from: pair.right, outward: 1, top: pair.top, bottom: pair.bottom, reach: reach) else { return nil }
            // And a page around it: the lines just outside its inner sides are flat (in a
            // photo's texture, lines and edges that happen to meet have texture around them).
            if pair.loose {
                func flatRow(_ y: Int) -> Bool {
                    y < 0 || y >= h || dominantValue(across: right - left) { luma[(y0 + y) * width + x0 + left + $0] } != nil
                }
                func flatColumn(_ x: Int) -> Bool {
                    x < 0 || x >= w || dominantValue(across: pair.bottom - pair.top) { luma[(y0 + pair.top + $0) * width + x0 + x] } != nil
                }
                guard flatColumn(left - 3), flatColumn(right + 2),
                      pair.top == 0 || flatRow(pair.top - 3), pair.bottom == h || flatRow(pair.bottom + 2) else { return nil }
            }
            return (pair.top, pair.bottom, left, right, (right - left) * (pair.bottom - pair.top), pair.loose)
        }
        guard let outer = pairs.firstIndex(where: { framed($0, reach: cornerReach) != nil }),
              var frame = framed(pairs[outer], reach: cornerReach) else { return nil }
        // A mat around the picture (a white border on a news template) frames it twice: the
        // picture is the innermost of the frames nested within a few lines of the outer one,
        // each with its sides where its edges end.
        for pair in pairs[(outer + 1)...] where pair.top >= frame.top && pair.bottom <= frame.bottom
            && pair.left >= frame.left && pair.right <= frame.right
            && pair.top - frame.top + frame.bottom - pair.bottom <= 2 * tolerance
            && pair.left - frame.left + frame.right - pair.right <= 2 * tolerance {
            if let inner = framed(pair, reach: 0) { frame = inner }
        }
        // One line in from each inner edge: the rows and columns the edge blurs.
        let (inTop, inLeft) = (frame.top > 0 ? 1 : 0, frame.left > 0 ? 1 : 0)
        let (inBottom, inRight) = (frame.bottom < h ? 1 : 0, frame.right < w ? 1 : 0)
        return ContentRegion(x: x0 + frame.left + inLeft, y: y0 + frame.top + inTop,
                             width: frame.right - frame.left - inLeft - inRight, height: frame.bottom - frame.top - inTop - inBottom)
    }

    /// `region` less the strips along its four sides (itself when it has none).
    static func strips(in region: ContentRegion, luma: [UInt8], width: Int) -> ContentRegion {
        let (x0, y0, w, h) = (region.x, region.y, region.width, region.height)
        // Sides 0–3: top, bottom, left, right. (Each side's pixels as a closure written at its
        // call, so that the scans over them compile to plain loads.)
        func length(_ side: Int, maximum: Int, minimum: Double = minimumStrip) -> Int {
            switch side {
            case 0: return stripLength(count: h, across: w, maximum: maximum, minimum: minimum) { i, j in luma[(y0 + i) * width + x0 + j] }
            case 1: return stripLength(count: h, across: w, maximum: maximum, minimum: minimum) { i, j in luma[(y0 + h - 1 - i) * width + x0 + j] }
            case 2: return stripLength(count: w, across: h, maximum: maximum, minimum: minimum) { i, j in luma[(y0 + j) * width + x0 + i] }
            default: return stripLength(count: w, across: h, maximum: maximum, minimum: minimum) { i, j in luma[(y0 + j) * width + x0 + w - 1 - i] }
            }
        }
        func edgeValue(_ side: Int) -> Int? {
            switch side {
            case 0: return dominantValue(across: w) { luma[y0 * width + x0 + $0] }
            case 1: return dominantValue(across: w) { luma[(y0 + h - 1) * width + x0 + $0] }
            case 2: return dominantValue(across: h) { luma[(y0 + $0) * width + x0] }
            default: return dominantValue(across: h) { luma[(y0 + $0) * width + x0 + w - 1] }
            }
        }
        var found = [0, 0, 0, 0]
        for side in 0..<4 { found[side] = length(side, maximum: (side < 2 ? h : w) - found[side ^ 1]) }
        // A frame: strips on some sides make a thinner strip of their colour on the others part
        // of it (a desktop screenshot's frame is 2% of its width, its title bar more; left on,
        // those sides kept a framed repost 36 bits from its photo: CLI probe round 11, M2).
        if found.contains(0), found.contains(where: { $0 > 0 }) {
            let frameValues = (0..<4).filter { found[$0] > 0 }.compactMap(edgeValue)
            for side in 0..<4 where found[side] == 0 {
                guard let value = edgeValue(side), frameValues.contains(where: { abs($0 - value) <= tolerance }) else { continue }
                found[side] = length(side, maximum: (side < 2 ? h : w) - found[side ^ 1], minimum: minimumFrameSide)
            }
        }
        return ContentRegion(x: x0 + found[2], y: y0 + found[0], width: w - found[2] - found[3], height: h - found[0] - found[1])
    }

    /// The thinnest strip of a frame's colour on a side, once other sides have strips of it.
    static let minimumFrameSide = 0.01

    /// How many lines from one edge form a strip: lines with `textShare` of their pixels within
    /// `tolerance` of the first line's dominant value, ending in a flat line (`flatShare`) and a
    /// straight edge. Zero when the strip is thinner than `minimum` (default `minimumStrip`) or
    /// thicker than `maximumStrip` of the side.
    /// - Parameter pixel: the value at line `i` from the edge, position `j` along the line.
    static func stripLength(count: Int, across: Int, maximum: Int, minimum: Double = minimumStrip,
                            pixel: (Int, Int) -> UInt8) -> Int {
        guard let value = dominantValue(across: across, pixel: { pixel(0, $0) }) else { return 0 }
        let limit = min(maximum, Int(Double(count) * maximumStrip) + 1)
        // Lines through a caption's text are less flat than the margins around it, so the run
        // goes on over lines with `textShare` of the strip's value, and the strip then ends at
        // the last flat line of the run that is followed by a straight edge.
        var run = 0
        while run < limit - 1, isTextLine(across: across, value: value, pixel: { pixel(run, $0) }) { run += 1 }
        guard run + 1 < count else { return 0 }
        let shortest = Int((Double(count) * minimum).rounded(.up))
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

    /// This region, found in the pixels of `image` (which the decoder may have scaled down),
    /// in the pixels of the image as stored and oriented: what an analyst measures in the file.
    func inStoredPixels(of image: DecodedImage) -> ContentRegion {
        let stored = HashPipeline.orientedStoredSize(of: image)
        guard stored.width != image.width || stored.height != image.height else { return self }
        let sx = Double(stored.width) / Double(image.width), sy = Double(stored.height) / Double(image.height)
        func scaled(_ value: Int, _ factor: Double) -> Int { Int((Double(value) * factor).rounded()) }
        return ContentRegion(x: scaled(x, sx), y: scaled(y, sy), width: scaled(width, sx), height: scaled(height, sy))
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
