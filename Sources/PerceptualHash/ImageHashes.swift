/// Every hash computed for one image; an algorithm not requested is nil.
public struct ImageHashes: Sendable, Hashable {
    /// The PDQ hash.
    public var pdq: Hash256?
    /// PDQ's quality score, 0–100; hashes of quality ≤ 49 are unreliable per the PDQ authors.
    public var pdqQuality: Int?
    /// The 8 dihedral PDQ hashes in `DihedralTransform` order (the first is `pdq`), when requested.
    public var pdqDihedral: [Hash256]?
    /// imagehash-compatible pHash.
    public var phash: HashBits?
    /// imagehash-compatible dHash.
    public var dhash: HashBits?
    /// imagehash-compatible average hash.
    public var ahash: HashBits?
    /// imagehash-compatible wavelet hash.
    public var whash: HashBits?
    /// The region inside a caption banner, frame or bars, when one was found and
    /// `HashRequest.trimmedRegion` was set, in the pixels of the image as stored (oriented).
    public var trimmedRegion: ContentRegion?
    /// The requested hashes of `trimmedRegion` as hex, by algorithm (no dihedral variants).
    public var trimmed: [HashAlgorithm: String] = [:]
    /// PDQ hashes of the central regions `HashRequest.centralShares` asked for, in its order
    /// (empty when PDQ or central regions were not requested).
    public var central: [CentralHash] = []
    /// PDQ hashes of the rotated central region, by angle in `HashRequest.rotations` order.
    public var rotated: [RotatedHash] = []
    /// PDQ hashes of the corner regions `HashRequest.cornerShares` asked for: per share, the
    /// four corners in `CanonicalRegions.Corner` order.
    public var corners: [CornerHash] = []
    /// PDQ hashes of the edge regions `HashRequest.edgeShares` asked for: per share, the four
    /// edges in `CanonicalRegions.Edge` order.
    public var edges: [EdgeHash] = []
    /// PDQ hashes of the centred crops to `HashRequest.aspects`, in its order, for the ratios
    /// that cut enough of the image (`CanonicalRegions.aspect`).
    public var aspects: [AspectHash] = []
    /// Width of the pixels that were hashed (after DCT scaling and orientation).
    public var hashedWidth: Int
    /// Height of the pixels that were hashed.
    public var hashedHeight: Int

    /// Creates an empty result for an image of the given size.
    public init(hashedWidth: Int, hashedHeight: Int) {
        self.hashedWidth = hashedWidth
        self.hashedHeight = hashedHeight
    }

    /// The hex form of one algorithm's hash (PDQ's 64 digits or imagehash's `str(hash)`),
    /// or nil when it was not computed.
    public func hex(for algorithm: HashAlgorithm) -> String? {
        switch algorithm {
        case .pdq: pdq?.hex
        case .phash: phash?.hex
        case .dhash: dhash?.hex
        case .ahash: ahash?.hex
        case .whash: whash?.hex
        }
    }

    /// The hashes of the image's regions, named as `imprint hash` prints them and `ingest`
    /// stores them: `<algorithm>_trimmed` for the region inside a banner or frame, then
    /// `pdq_c<percent>`, `pdq_r<degrees>`, `pdq_<corner><percent>`, `pdq_<edge><percent>` and
    /// `pdq_a<w>x<h>` for the canonical regions.
    /// - Parameter algorithms: the order of the `_trimmed` entries.
    public func namedRegionHashes(algorithms: [HashAlgorithm]) -> [(name: String, hex: String)] {
        var named: [(name: String, hex: String)] = []
        for algorithm in algorithms {
            if let hex = trimmed[algorithm] { named.append((algorithm.rawValue + "_trimmed", hex)) }
        }
        named += central.map { ("pdq_" + CanonicalRegions.name(ofShare: $0.share), $0.pdq.hex) }
        named += rotated.map { ("pdq_" + CanonicalRegions.name(ofRotation: $0.degrees), $0.pdq.hex) }
        named += corners.map { ("pdq_" + CanonicalRegions.name(of: $0.anchor, share: $0.share), $0.pdq.hex) }
        named += edges.map { ("pdq_" + CanonicalRegions.name(of: $0.anchor, share: $0.share), $0.pdq.hex) }
        named += aspects.map { ("pdq_" + CanonicalRegions.name(of: $0.aspect), $0.pdq.hex) }
        return named
    }
}

/// The PDQ hash of one central region of an image (`CanonicalRegions`).
public struct CentralHash: Sendable, Hashable {
    /// The share of each side the region keeps, e.g. 0.9.
    public var share: Double
    /// The region, in the pixels of the hashed image.
    public var region: ContentRegion
    /// Its PDQ hash.
    public var pdq: Hash256

    /// Creates a central region's hash.
    public init(share: Double, region: ContentRegion, pdq: Hash256) {
        self.share = share
        self.region = region
        self.pdq = pdq
    }
}

/// The PDQ hash of the central region turned by a few degrees (`CanonicalRegions.rotated`).
public struct RotatedHash: Sendable, Hashable {
    /// The angle, in degrees.
    public var degrees: Double
    /// Its PDQ hash.
    public var pdq: Hash256

    /// Creates a rotated region's hash.
    public init(degrees: Double, pdq: Hash256) {
        self.degrees = degrees
        self.pdq = pdq
    }
}

/// The PDQ hash of a region kept against a corner (`CanonicalRegions.corner`) or an edge
/// (`CanonicalRegions.edge`) of an image.
public struct AnchoredHash<Anchor: Sendable & Hashable>: Sendable, Hashable {
    /// The corner or the side the region keeps.
    public var anchor: Anchor
    /// The share of each side (a corner's) or of the cut side (an edge's) it keeps.
    public var share: Double
    /// Its PDQ hash.
    public var pdq: Hash256

    /// Creates a region's hash.
    public init(anchor: Anchor, share: Double, pdq: Hash256) {
        self.anchor = anchor
        self.share = share
        self.pdq = pdq
    }
}

/// The PDQ hash of one corner region of an image.
public typealias CornerHash = AnchoredHash<CanonicalRegions.Corner>

/// The PDQ hash of one edge region of an image.
public typealias EdgeHash = AnchoredHash<CanonicalRegions.Edge>

/// The PDQ hash of an image's centred crop to another ratio (`CanonicalRegions.aspect`).
public struct AspectHash: Sendable, Hashable {
    /// The ratio of the crop.
    public var aspect: CanonicalRegions.Aspect
    /// Its PDQ hash.
    public var pdq: Hash256

    /// Creates an aspect crop's hash.
    public init(aspect: CanonicalRegions.Aspect, pdq: Hash256) {
        self.aspect = aspect
        self.pdq = pdq
    }
}
