public import ImageDecoding

/// One decode, every hash: works out the smallest decode the requested hashes need, then
/// computes them all from that one `DecodedImage`.
///
/// ```swift
/// let pipeline = HashPipeline(HashRequest(algorithms: [.pdq, .phash]))
/// let hashes = try pipeline.hash(bytes: fileBytes, orientation: 1)
/// print(hashes.pdq!.hex, hashes.pdqQuality!, hashes.phash!.hex)
/// ```
public struct HashPipeline: Sendable {
    /// What to compute.
    public let request: HashRequest

    /// Short side the fast mode asks JPEGs to keep when PDQ is requested. Chosen by measuring
    /// the distance to the reference hashes over the PDQ corpus; see `docs/hash-conformance.md`.
    public static let pdqFastMinimumShortSide = 192

    /// Short side the fast mode asks JPEGs to keep for the imagehash algorithms, as a
    /// multiple of the side they resize to, so the Lanczos resize still does the averaging.
    public static let imagehashFastOversampling = 4

    /// PDQ quality a region (a crop, a turn, the picture inside a frame) needs for its hashes
    /// to be kept: the PDQ authors' bound for a reliable hash. A nearly blank region (the
    /// white page of a screenshot around a picture) hashes alike in every screenshot of that
    /// layout, and would join different pictures.
    public static let minimumRegionQuality = 50

    /// Largest share of a region that may be blank (``BlankCells``) for its hashes to be kept:
    /// beyond it the hash is mostly that of the blank, which every picture in the same layout
    /// shares, though the region's PDQ quality may pass on the strip of picture it holds.
    public static let maximumRegionBlankShare = 0.5

    /// A pipeline for `request`.
    public init(_ request: HashRequest) {
        self.request = request
    }

    /// The smallest short side a JPEG may be DCT-scaled to for every requested hash; nil
    /// means full size (exact mode).
    public var minimumShortSide: Int? {
        if request.exact { return nil }
        var side = 0
        let size = request.hashSize
        for algorithm in request.algorithms {
            switch algorithm {
            case .pdq: side = max(side, Self.pdqFastMinimumShortSide)
            case .phash: side = max(side, 4 * size * Self.imagehashFastOversampling)
            case .dhash: side = max(side, (size + 1) * Self.imagehashFastOversampling)
            case .ahash, .whash: side = max(side, size * Self.imagehashFastOversampling)
            }
        }
        return max(side, 1)
    }

    /// Decode options for this request: DCT-scaled greyscale in fast mode (every hash here
    /// needs luma only), full-size RGB in exact mode.
    ///
    /// - Parameter orientation: EXIF orientation to apply (1–8); PDQ reference hashes are
    ///   published without it, so pass 1 to compare with them.
    public func decodeOptions(orientation: Int = 1) -> DecodeOptions {
        DecodeOptions(minimumShortSide: minimumShortSide, grayscale: !request.exact, orientation: orientation, alpha: .discard)
    }

    /// Decodes `bytes` once with `decodeOptions(orientation:)` and computes every requested hash.
    ///
    /// - Throws: the decoder's `DecodeError` when the bytes are not a readable image.
    public func hash(bytes: [UInt8], orientation: Int = 1) throws(DecodeError) -> ImageHashes {
        let image = try ImageDecoder.decode(bytes, options: decodeOptions(orientation: orientation))
        return hashes(of: image)
    }

    /// Computes every requested hash from one decoded image (1 or 3 channels).
    ///
    /// - Complexity: O(width × height) for PDQ, plus the Lanczos resizes of the imagehash
    ///   algorithms, whose taps grow with the downscale factor.
    public func hashes(of image: DecodedImage) -> ImageHashes {
        var result = plainHashes(of: image)
        let found = request.trimmedRegion ? ContentRegion.find(in: image) : nil
        let wantsRegions = found != nil || request.algorithms.contains(.pdq)
            && !(request.centralShares.isEmpty && request.cornerShares.isEmpty && request.aspects.isEmpty && request.rotations.isEmpty)
        let blank = wantsRegions ? BlankCells(image) : nil
        func mostlyBlank(_ region: ContentRegion) -> Bool { (blank?.share(of: region) ?? 0) > Self.maximumRegionBlankShare }
        if let region = found?.region {
            var inner = request
            inner.trimmedRegion = false
            inner.pdqDihedral = false
            inner.centralShares = []
            inner.rotations = []
            inner.cornerShares = []
            inner.aspects = []
            let crop = region.crop(image)
            let hashes = HashPipeline(inner).plainHashes(of: crop)
            result.trimmedRegion = region.inStoredPixels(of: image)
            // The quality of PDQ says whether the region holds a picture, also for the other
            // algorithms (a pHash of a blank page is as alike as its PDQ).
            let quality = hashes.pdqQuality ?? HashPipeline(HashRequest(algorithms: [.pdq], exact: request.exact)).plainHashes(of: crop).pdqQuality
            if (quality ?? 0) >= Self.minimumRegionQuality, !mostlyBlank(region) {
                for algorithm in request.algorithms { result.trimmed[algorithm] = hashes.hex(for: algorithm) }
            }
        }
        if request.algorithms.contains(.pdq) {
            // Canonical regions of the whole image: a banner that was not there, but detected
            // in a photo's sky, must not move them. A picture framed in a screenshot or a
            // template is the exception: the regions are the picture's, since the template's
            // own would match every other picture posted in it.
            let pdqOnly = HashPipeline(HashRequest(algorithms: [.pdq], exact: request.exact))
            let whole = found.flatMap { $0.framed ? $0.region : nil }
                ?? ContentRegion(x: 0, y: 0, width: image.width, height: image.height)
            let picture = whole.width == image.width && whole.height == image.height ? image : whole.crop(image)
            for share in request.centralShares {
                let region = CanonicalRegions.central(share, of: whole)
                guard region.width >= 16, region.height >= 16, !mostlyBlank(region),
                      let pdq = pdqOnly.reliablePDQ(of: region.crop(image)) else { continue }
                result.central.append(CentralHash(share: share, region: region, pdq: pdq))
            }
            for share in request.cornerShares {
                for corner in CanonicalRegions.Corner.allCases {
                    let region = CanonicalRegions.corner(share, corner, of: whole)
                    guard region.width >= 16, region.height >= 16, !mostlyBlank(region),
                          let pdq = pdqOnly.reliablePDQ(of: region.crop(image)) else { continue }
                    result.corners.append(CornerHash(corner: corner, share: share, pdq: pdq))
                }
            }
            for aspect in request.aspects {
                guard let region = CanonicalRegions.aspect(aspect, of: whole), region.width >= 16, region.height >= 16,
                      !mostlyBlank(region), let pdq = pdqOnly.reliablePDQ(of: region.crop(image)) else { continue }
                result.aspects.append(AspectHash(aspect: aspect, pdq: pdq))
            }
            if picture.width >= 20, picture.height >= 20, !mostlyBlank(whole) {
                for degrees in request.rotations {
                    guard let pdq = pdqOnly.reliablePDQ(of: CanonicalRegions.rotated(picture, degrees: degrees)) else { continue }
                    result.rotated.append(RotatedHash(degrees: degrees, pdq: pdq))
                }
            }
        }
        return result
    }

    /// The PDQ of `image` (a region), or nil when its quality is below ``minimumRegionQuality``.
    private func reliablePDQ(of image: DecodedImage) -> Hash256? {
        let hashes = plainHashes(of: image)
        return (hashes.pdqQuality ?? 0) >= Self.minimumRegionQuality ? hashes.pdq : nil
    }

    /// The requested hashes of the whole image.
    private func plainHashes(of image: DecodedImage) -> ImageHashes {
        var result = ImageHashes(hashedWidth: image.width, hashedHeight: image.height)
        if request.algorithms.contains(.pdq) {
            let (fullWidth, fullHeight) = Self.orientedStoredSize(of: image)
            // Exact mode runs the reference's own filter passes; fast mode applies the same
            // linear blur-and-decimate as 64 precomputed taps per axis (folded onto the
            // shrunken pixels when the decoder DCT-scaled), equal up to float rounding.
            let (pdq, dihedral): (PDQResult, [Hash256]?)
            if request.exact {
                var luma = PDQLuma.plane(of: image.pixels, count: image.width * image.height, channels: image.channels)
                (pdq, dihedral) = PDQHasher.hash(luma: &luma, width: image.width, height: image.height, dihedral: request.pdqDihedral)
            } else {
                (pdq, dihedral) = PDQHasher.hash(
                    scaledPixels: image.pixels, channels: image.channels, width: image.width, height: image.height,
                    fullWidth: fullWidth, fullHeight: fullHeight, dihedral: request.pdqDihedral)
            }
            result.pdq = pdq.hash
            result.pdqQuality = pdq.quality
            result.pdqDihedral = dihedral
        }
        guard request.needsImagehash else { return result }
        let grey = image.channels == 3
            ? GreyImage.fromRGB(image.pixels, width: image.width, height: image.height)
            : GreyImage(width: image.width, height: image.height, pixels: image.pixels)
        let size = request.hashSize
        for algorithm in request.algorithms {
            switch algorithm {
            case .pdq: break
            case .phash: result.phash = ImagehashHasher.perceptualHash(grey, hashSize: size)
            case .dhash: result.dhash = ImagehashHasher.differenceHash(grey, hashSize: size)
            case .ahash: result.ahash = ImagehashHasher.averageHash(grey, hashSize: size)
            case .whash:
                // imagehash sizes whash from the stored image; a DCT-scaled decode uses its own
                // (smaller) short side instead, never upsampling what the decoder shrank.
                result.whash = ImagehashHasher.waveletHash(grey, hashSize: size)
            }
        }
        return result
    }

    /// The stored size in the decoded image's orientation: stored sizes are before any
    /// EXIF rotation, so swap them when the decoded aspect says the axes were transposed.
    static func orientedStoredSize(of image: DecodedImage) -> (width: Int, height: Int) {
        let straight = abs(image.storedWidth * image.height - image.storedHeight * image.width)
        let swapped = abs(image.storedHeight * image.height - image.storedWidth * image.width)
        return swapped < straight ? (image.storedHeight, image.storedWidth) : (image.storedWidth, image.storedHeight)
    }
}
