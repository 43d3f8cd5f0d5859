public import ImageDecoding

/// The hashes of a file's embedded EXIF thumbnail, made comparable with the hashes of the file's
/// own pixels, so that a thumbnail showing another picture can be told apart.
///
/// A camera writes the thumbnail (EXIF IFD1, typically 160×120) from the same exposure as the
/// main image; an editor that keeps the EXIF block while changing the pixels (crop, paste,
/// retouch) often leaves the old thumbnail behind. What cameras do is undone before hashing,
/// so that an untouched file's thumbnail hashes close to its main image:
/// - **Letterbox bars.** A 3:2 or 16:9 picture in a 4:3 thumbnail sits between black (or
///   white) bars. Where they are expected from the main image's aspect ratio and are flat,
///   they are cut off.
/// - **Cropping to fill.** Some cameras fill the thumbnail with the centre of the picture
///   instead; then `mainHashesInFilledFrame(of:algorithms:)` hashes the main image's centre at
///   the thumbnail's aspect ratio, to compare with.
/// - **Orientation.** The thumbnail is stored as the sensor saw it, like the main image, so the
///   main image's EXIF orientation is applied to it too.
///
/// The thumbnail is hashed with imagehash's pHash and with PDQ. pHash is the one to judge by
/// (`showsDifferentPicture(phashDistance:pdqDistance:)`): its 8×8 lowest frequencies of a
/// 32×32 Lanczos resize do not move when a picture is shrunk to 160 pixels, while PDQ's 16×16
/// frequencies of a 64×64 box-filtered grid do, by up to 70 bits on fine texture and over 100
/// on plain graphics. docs/thumbnails.md gives the measurements.
public struct ThumbnailHash: Sendable, Hashable {
    /// PDQ hash of the thumbnail's picture, bars trimmed and orientation applied.
    public var pdq: Hash256
    /// PDQ's quality score, 0–100, of that picture.
    public var quality: Int
    /// imagehash's 64-bit pHash of the same picture, to compare with the main image's `phash`.
    public var phash: HashBits
    /// The part of the thumbnail, as stored (before orientation), that was hashed: the whole
    /// thumbnail, or the picture between its letterbox bars.
    public var picture: ContentRegion
    /// Whether letterbox bars were found and trimmed.
    public var trimmedBars: Bool
    /// Width of the hashed picture, orientation applied.
    public var width: Int
    /// Height of the hashed picture, orientation applied.
    public var height: Int

    /// pHash distances (of 64 bits) above this say the thumbnail shows a different picture from
    /// the main image. Untouched files measured at most 10, benign recompression and resizing
    /// likewise; see docs/thumbnails.md for what it detects.
    public static let phashThreshold = 12
    /// PDQ distances (of 256 bits) above this say so, for cases hashed without pHash. Less
    /// reliable: a plain graphic's thumbnail can be 100 bits from its own picture.
    public static let pdqThreshold = 72

    /// Thumbnails with more pixels than this are refused before decoding: a thumbnail is small,
    /// and a hostile one must not cost a full decode.
    public static let maximumPixels = 4_000_000

    /// Aspect ratios closer than this (relative) count as the same: cameras round thumbnail
    /// sizes to whole pixels, and to multiples of 8 or 16.
    public static let aspectTolerance = 0.03

    /// Creates a value from its parts.
    public init(pdq: Hash256, quality: Int, phash: HashBits, picture: ContentRegion, trimmedBars: Bool, width: Int, height: Int) {
        self.pdq = pdq
        self.quality = quality
        self.phash = phash
        self.picture = picture
        self.trimmedBars = trimmedBars
        self.width = width
        self.height = height
    }

    /// Decodes a thumbnail (grey, as the main image's fast decode) and hashes its picture.
    ///
    /// - Parameters:
    ///   - thumbnail: the thumbnail's bytes (`FileMetadata.thumbnail`, a JPEG).
    ///   - orientation: the main image's EXIF orientation; values outside 1–8 count as 1.
    ///   - mainWidth: the main image's width as stored (before orientation), for the letterbox;
    ///     nil when unknown, and bars are then looked for symmetrically at the edges.
    ///   - mainHeight: the main image's height as stored.
    /// - Throws: `DecodeError` when the thumbnail does not decode, is over `maximumPixels`, or
    ///   decodes only with a warning (a truncated thumbnail's grey padding would look edited).
    public init(thumbnail: [UInt8], orientation: Int, mainWidth: Int?, mainHeight: Int?) throws(DecodeError) {
        let image = try ImageDecoder.decode(thumbnail, options: DecodeOptions(grayscale: true, maxPixels: Self.maximumPixels))
        if let warning = image.warnings.first { throw .corrupt(format: image.format, detail: warning) }
        self.init(thumbnail: image, orientation: orientation, mainWidth: mainWidth, mainHeight: mainHeight)
    }

    /// Hashes a decoded thumbnail as stored (not yet oriented), grey or RGB.
    ///
    /// - Parameters: as `init(thumbnail:orientation:mainWidth:mainHeight:)`.
    /// - Complexity: O(width × height).
    public init(thumbnail image: DecodedImage, orientation: Int, mainWidth: Int?, mainHeight: Int?) {
        let found = Self.pictureRegion(in: image, mainWidth: mainWidth, mainHeight: mainHeight)
        let region = found ?? ContentRegion(x: 0, y: 0, width: image.width, height: image.height)
        let picture = (found == nil ? image : region.crop(image)).oriented(orientation)
        let (result, _) = PDQHasher.hash(pixels: picture.pixels, width: picture.width, height: picture.height, channels: picture.channels)
        let grey = picture.channels == 3
            ? GreyImage.fromRGB(picture.pixels, width: picture.width, height: picture.height)
            : GreyImage(width: picture.width, height: picture.height, pixels: picture.pixels)
        self.init(pdq: result.hash, quality: result.quality, phash: ImagehashHasher.perceptualHash(grey),
                  picture: region, trimmedBars: found != nil, width: picture.width, height: picture.height)
    }

    /// The centre of a `mainWidth`×`mainHeight` picture (as displayed) at this thumbnail's aspect
    /// ratio: what a camera that fills the thumbnail by cropping shows. Nil when the bars were
    /// trimmed or the aspect ratios agree, and the whole picture is what the thumbnail shows.
    public func filledFrame(mainWidth: Int, mainHeight: Int) -> ContentRegion? {
        guard !trimmedBars, width > 0, height > 0, mainWidth > 0, mainHeight > 0 else { return nil }
        let thumbnailAspect = Double(width) / Double(height), mainAspect = Double(mainWidth) / Double(mainHeight)
        guard abs(thumbnailAspect / mainAspect - 1) > Self.aspectTolerance else { return nil }
        if mainAspect > thumbnailAspect {
            let frameWidth = Int((Double(mainHeight) * thumbnailAspect).rounded())
            return ContentRegion(x: (mainWidth - frameWidth) / 2, y: 0, width: frameWidth, height: mainHeight)
        }
        let frameHeight = Int((Double(mainWidth) / thumbnailAspect).rounded())
        return ContentRegion(x: 0, y: (mainHeight - frameHeight) / 2, width: mainWidth, height: frameHeight)
    }

    /// The plain hashes of the main image's `filledFrame`, computed as `HashPipeline` computes
    /// the image's own (so they compare with its stored `pdq` and `phash`); nil when the
    /// thumbnail needs no such frame.
    ///
    /// - Parameters:
    ///   - main: the main image as decoded for hashing (orientation applied, maybe DCT-scaled).
    ///   - algorithms: which of PDQ and pHash to compute; others are ignored.
    public func mainHashesInFilledFrame(of main: DecodedImage, algorithms: some Sequence<HashAlgorithm>) -> ImageHashes? {
        let wanted = Set(algorithms).intersection([.pdq, .phash])
        guard !wanted.isEmpty, let frame = filledFrame(mainWidth: main.width, mainHeight: main.height),
              frame.width >= 16, frame.height >= 16 else { return nil }
        return HashPipeline(HashRequest(algorithms: wanted)).hashes(of: frame.crop(main))
    }

    /// Whether a thumbnail shows a different picture from its main image, from the distances
    /// between their hashes: pHash's over `phashThreshold` when there is one, else PDQ's over
    /// `pdqThreshold`; nil when neither was compared.
    public static func showsDifferentPicture(phashDistance: Int?, pdqDistance: Int?) -> Bool? {
        if let phashDistance { return phashDistance > phashThreshold }
        if let pdqDistance { return pdqDistance > pdqThreshold }
        return nil
    }

    // MARK: Letterbox

    /// Share of a bar's pixels that must lie within `barTolerance` of its median.
    static let barFlatShare = 0.9
    /// Grey levels around a bar's median that still count as the bar (JPEG noise at quality ~75).
    static let barTolerance = 16
    /// Bars thinner than this in total (pixels) are left: they move no PDQ bits.
    static let minimumBars = 2
    /// Without the main image's size, a bar may cover at most this share of a side.
    static let maximumBarShare = 0.3

    /// The picture inside a thumbnail's letterbox bars, in the thumbnail's stored pixels, or nil
    /// when it has none.
    ///
    /// With the main image's size, the bars must sit where fitting that aspect ratio into the
    /// thumbnail puts them (centred) and be flat; a thumbnail the camera stretched or cropped
    /// to fill has none. Without it, flat edges of one colour are taken as bars when they are
    /// equally thick on opposite sides.
    /// - Complexity: O(width × height) at worst; only the bars are read when the size is known.
    public static func pictureRegion(in image: DecodedImage, mainWidth: Int?, mainHeight: Int?) -> ContentRegion? {
        let luma = ContentRegion.lumaPlane(of: image)
        let width = image.width, height = image.height
        guard width >= 8, height >= 8 else { return nil }
        let rows = Lines(luma: luma, width: width, height: height, alongRows: true)
        let columns = Lines(luma: luma, width: width, height: height, alongRows: false)
        if let mainWidth, let mainHeight, mainWidth > 0, mainHeight > 0 {
            // Cross-multiplied so that equal aspect ratios compare equal without rounding.
            if mainWidth * height > mainHeight * width {
                let pictureHeight = Int((Double(width) * Double(mainHeight) / Double(mainWidth)).rounded())
                guard let top = expectedBars(rows, picture: pictureHeight) else { return nil }
                return ContentRegion(x: 0, y: top, width: width, height: pictureHeight)
            } else if mainWidth * height < mainHeight * width {
                let pictureWidth = Int((Double(height) * Double(mainWidth) / Double(mainHeight)).rounded())
                guard let left = expectedBars(columns, picture: pictureWidth) else { return nil }
                return ContentRegion(x: left, y: 0, width: pictureWidth, height: height)
            }
            return nil
        }
        let (top, bottom) = symmetricBars(rows)
        let (left, right) = symmetricBars(columns)
        guard top + bottom + left + right > 0 else { return nil }
        return ContentRegion(x: left, y: top, width: width - left - right, height: height - top - bottom)
    }

    /// The leading bar's thickness when a picture `picture` lines long leaves bars on both ends;
    /// nil when the bars would be too thin to matter or are not flat.
    ///
    /// A letterbox is centred, but an odd number of bar lines goes to either side, and a JPEG
    /// block shared with the picture makes a bar's inner line ring; so each bar is measured from
    /// its edge (up to two lines past the centred guess), then the total is made `bars` again,
    /// moving the lines the measurement could not settle to the side that fell short.
    static func expectedBars(_ lines: Lines, picture: Int) -> Int? {
        let bars = lines.count - picture
        guard bars >= minimumBars, picture >= 8 else { return nil }
        let guessLeading = bars / 2, guessTrailing = bars - guessLeading
        var leading = lines.barRun(from: 0, step: 1, limit: guessLeading + 2)
        var trailing = lines.barRun(from: lines.count - 1, step: -1, limit: guessTrailing + 2)
        // Most of the expected bars must be there: one ringing line per side is allowed.
        guard leading >= 1, trailing >= 1, leading + trailing >= bars - 2 else { return nil }
        while leading + trailing > bars {
            if leading - guessLeading >= trailing - guessTrailing { leading -= 1 } else { trailing -= 1 }
        }
        while leading + trailing < bars {
            if guessLeading - leading >= guessTrailing - trailing { leading += 1 } else { trailing += 1 }
        }
        return leading
    }

    /// Flat lines of the first line's colour at each end, kept only when both ends have some
    /// and they differ by at most a line or a tenth (a letterbox is centred).
    static func symmetricBars(_ lines: Lines) -> (Int, Int) {
        let limit = Int(Double(lines.count) * maximumBarShare)
        let leading = lines.barRun(from: 0, step: 1, limit: limit)
        let trailing = lines.barRun(from: lines.count - 1, step: -1, limit: limit)
        guard leading > 0, trailing > 0, leading + trailing >= minimumBars,
              abs(leading - trailing) <= max(1, (leading + trailing) / 10) else { return (0, 0) }
        return (leading, trailing)
    }

    /// The rows (or columns) of a luma plane, as lines of pixels.
    struct Lines {
        let luma: [UInt8]
        let width: Int
        let height: Int
        let alongRows: Bool

        /// Number of lines.
        var count: Int { alongRows ? height : width }
        /// Pixels per line.
        var length: Int { alongRows ? width : height }

        func pixel(line: Int, at position: Int) -> UInt8 {
            alongRows ? luma[line * width + position] : luma[position * width + line]
        }

        /// The median pixel of `lines`, or nil when there are none.
        func median(_ lines: Range<Int>) -> Int? {
            var histogram = [Int](repeating: 0, count: 256)
            for line in lines { for position in 0..<length { histogram[Int(pixel(line: line, at: position))] += 1 } }
            let total = lines.count * length
            guard total > 0 else { return nil }
            var seen = 0
            for (value, count) in histogram.enumerated() {
                seen += count
                if seen * 2 >= total { return value }
            }
            return 255
        }

        /// How many lines from `start`, going by `step`, are flat and of the first one's colour
        /// (at most `limit`); zero when the first is not flat.
        func barRun(from start: Int, step: Int, limit: Int) -> Int {
            guard let value = median(start..<start + 1), isFlat(start..<start + 1) else { return 0 }
            var length = 1
            while length < min(limit, count) {
                let line = start + step * length
                guard let next = median(line..<line + 1), abs(next - value) <= barTolerance, isFlat(line..<line + 1) else { break }
                length += 1
            }
            return length
        }

        /// Whether `barFlatShare` of the pixels of `lines` lie within `barTolerance` of their median.
        func isFlat(_ lines: Range<Int>) -> Bool {
            guard let value = median(lines) else { return false }
            var near = 0
            for line in lines {
                for position in 0..<length where abs(Int(pixel(line: line, at: position)) - value) <= barTolerance { near += 1 }
            }
            return Double(near) >= Double(lines.count * length) * barFlatShare
        }
    }
}
