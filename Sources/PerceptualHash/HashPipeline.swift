public import ImageDecoding

/// One decode, every hash: decodes at one reduced size whatever the requested set (so that no
/// hash depends on the others requested), then computes them all from that one `DecodedImage`;
/// only wHash of a JPEG takes a full-size decode of its own (``decodeAndHash(_:options:)``).
///
/// ```swift
/// let pipeline = HashPipeline(HashRequest(algorithms: [.pdq, .phash]))
/// let hashes = try pipeline.hash(bytes: fileBytes, orientation: 1)
/// print(hashes.pdq!.hex, hashes.pdqQuality!, hashes.phash!.hex)
/// ```
public struct HashPipeline: Sendable {
    /// What to compute.
    public let request: HashRequest

    /// Short side the fast mode asks JPEGs to keep, whichever algorithms are requested: one
    /// decode size for all, so that a hash of a file never depends on the others asked with it.
    /// Chosen for PDQ by measuring the distance to the reference hashes over the PDQ corpus; at
    /// it pHash, dHash and aHash are as close to imagehash as at any larger size. See
    /// `docs/hash-conformance.md`.
    public static let fastMinimumShortSide = 192

    /// Short side the fast mode asks JPEGs to keep for the imagehash algorithms at large hash
    /// sizes, as a multiple of the side pHash resizes to (4 × hash size), so that the Lanczos
    /// resize still does the averaging.
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

    /// The smallest short side a JPEG may be DCT-scaled to; nil means full size (exact mode).
    ///
    /// It depends on the hash size only, never on which algorithms are requested: a decode
    /// sized for the set would give `-a ahash` and `-a pdq,ahash` different aHashes of one file.
    /// (wHash gets a decode of its own when this one is too small; see ``decodeAndHash(_:options:)``.)
    public var minimumShortSide: Int? {
        if request.exact { return nil }
        return max(Self.fastMinimumShortSide, 4 * request.hashSize * Self.imagehashFastOversampling)
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
        try decodeAndHash(bytes, options: decodeOptions(orientation: orientation)).hashes
    }

    /// Decodes `bytes` with `options` (``decodeOptions(orientation:)``, perhaps with a lower
    /// `maxPixels`) and computes every requested hash.
    ///
    /// imagehash's wHash works at the largest power of two not above the stored short side
    /// (512² for a 720×1280 screenshot), from Pillow's `convert("L")` of the RGB pixels. A
    /// DCT-scaled decode is smaller than that, and libjpeg's grey output differs from that
    /// formula by a level here and there, which flips the bits of flat areas (a screenshot's
    /// white page) whose wavelet coefficients tie at the median: so in fast mode a JPEG's wHash
    /// is computed from a second, full-size RGB decode, as in exact mode, and every other hash
    /// from the first, whichever algorithms are requested.
    ///
    /// - Returns: the first decode (its format, stored size and warnings) and the hashes.
    /// - Throws: the decoder's `DecodeError` when the bytes are not a readable image.
    public func decodeAndHash(_ bytes: [UInt8], options: DecodeOptions) throws(DecodeError) -> (image: DecodedImage, hashes: ImageHashes) {
        let image = try ImageDecoder.decode(bytes, options: options)
        var result = hashes(of: image)
        let scaled = image.width * image.height < image.storedWidth * image.storedHeight
        if request.algorithms.contains(.whash), image.format == .jpeg, scaled || options.grayscale {
            var full = options
            full.minimumShortSide = nil
            full.grayscale = false
            result.whash = ImagehashHasher.waveletHash(Self.grey(try ImageDecoder.decode(bytes, options: full)), hashSize: request.hashSize)
        }
        return (image, result)
    }

    /// The image's grey plane, as imagehash's `convert("L")` makes it.
    private static func grey(_ image: DecodedImage) -> GreyImage {
        image.channels == 3
            ? GreyImage.fromRGB(image.pixels, width: image.width, height: image.height)
            : GreyImage(width: image.width, height: image.height, pixels: image.pixels)
    }

    /// Computes every requested hash from one decoded image (1 or 3 channels).
    ///
    /// - Complexity: O(width × height) for PDQ, plus the Lanczos resizes of the imagehash
    ///   algorithms, whose taps grow with the downscale factor.
    public func hashes(of image: DecodedImage) -> ImageHashes {
        var result = plainHashes(of: image)
        let found = request.trimmedRegion ? ContentRegion.find(in: image) : nil
        let wantsRegions = found != nil || request.algorithms.contains(.pdq)
            && !(request.centralShares.isEmpty && request.cornerShares.isEmpty && request.edgeShares.isEmpty
                 && request.aspects.isEmpty && request.rotations.isEmpty)
        let blank = wantsRegions ? BlankCells(image) : nil
        func mostlyBlank(_ region: ContentRegion) -> Bool { (blank?.share(of: region) ?? 0) > Self.maximumRegionBlankShare }
        let pdqOnly = HashPipeline(HashRequest(algorithms: [.pdq], exact: request.exact))
        if let region = found?.region {
            result.trimmedRegion = region.inStoredPixels(of: image)
            if !mostlyBlank(region) {
                var inner = request
                inner.trimmedRegion = false
                inner.pdqDihedral = false
                inner.centralShares = []
                inner.rotations = []
                inner.cornerShares = []
                inner.edgeShares = []
                inner.aspects = []
                let crop = region.crop(image)
                let hashes = HashPipeline(inner).plainHashes(of: crop)
                // The quality of PDQ says whether the region holds a picture, also for the other
                // algorithms (a pHash of a blank page is as alike as its PDQ).
                if (hashes.pdqQuality ?? pdqOnly.plainHashes(of: crop).pdqQuality ?? 0) >= Self.minimumRegionQuality {
                    for algorithm in request.algorithms { result.trimmed[algorithm] = hashes.hex(for: algorithm) }
                }
            }
        }
        if request.algorithms.contains(.pdq) {
            // Canonical regions of the whole image: a banner that was not there, but detected
            // in a photo's sky, must not move them. A picture framed in a screenshot or a
            // template is the exception: the regions are the picture's, since the template's
            // own would match every other picture posted in it.
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
                    result.corners.append(CornerHash(anchor: corner, share: share, pdq: pdq))
                }
            }
            result.edges = edgeHashes(of: picture, at: whole, pdqOnly: pdqOnly, mostlyBlank: mostlyBlank)
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

    /// The PDQ hashes of the edge regions of `picture` (which lies at `whole` in the image
    /// `mostlyBlank` measures) that are not mostly blank and hash reliably; `pdqOnly` hashes
    /// them one by one in the exact mode. They keep most of
    /// the picture and there are eight of them by default, so the fast mode folds the picture's
    /// rows and columns once for all of them (`PDQHasher.edgeBlocks`) rather than crop and hash each.
    private func edgeHashes(of picture: DecodedImage, at whole: ContentRegion, pdqOnly: HashPipeline,
                            mostlyBlank: (ContentRegion) -> Bool) -> [EdgeHash] {
        let frame = ContentRegion(x: 0, y: 0, width: picture.width, height: picture.height)
        var wanted: [(edge: CanonicalRegions.Edge, share: Double, region: ContentRegion)] = []
        for share in request.edgeShares {
            for edge in CanonicalRegions.Edge.allCases {
                let region = CanonicalRegions.edge(share, edge, of: frame)
                guard region.width >= 16, region.height >= 16, !mostlyBlank(CanonicalRegions.edge(share, edge, of: whole)) else { continue }
                wanted.append((edge, share, region))
            }
        }
        guard !wanted.isEmpty else { return [] }
        let hashes: [Hash256?]
        if request.exact {
            hashes = wanted.map { pdqOnly.reliablePDQ(of: $0.region.crop(picture)) }
        } else {
            let stored = Self.orientedStoredSize(of: picture)
            hashes = PDQHasher.edgeBlocks(scaledPixels: picture.pixels, channels: picture.channels, width: picture.width,
                                          height: picture.height, fullWidth: stored.width, fullHeight: stored.height,
                                          regions: wanted.map(\.region)).map { block in
                guard let block else { return nil }
                let result = PDQHasher.result(of: block, dihedral: false).0
                return result.quality >= Self.minimumRegionQuality ? result.hash : nil
            }
        }
        return zip(wanted, hashes).compactMap { item, hash in hash.map { EdgeHash(anchor: item.edge, share: item.share, pdq: $0) } }
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
        let grey = Self.grey(image)
        let size = request.hashSize
        for algorithm in request.algorithms {
            switch algorithm {
            case .pdq: break
            case .phash: result.phash = ImagehashHasher.perceptualHash(grey, hashSize: size)
            case .dhash: result.dhash = ImagehashHasher.differenceHash(grey, hashSize: size)
            case .ahash: result.ahash = ImagehashHasher.averageHash(grey, hashSize: size)
            case .whash:
                // From these pixels' own short side: a DCT-scaled decode is hashed again at
                // full size by `decodeAndHash`, a crop (a trimmed region) as a file of its size.
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
