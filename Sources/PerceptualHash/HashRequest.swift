/// Which hashes to compute for an image, and how faithfully.
public struct HashRequest: Sendable, Hashable {
    /// The algorithms to run.
    public var algorithms: Set<HashAlgorithm>
    /// Also compute PDQ's 8 dihedral hashes (free: they come from the same DCT).
    public var pdqDihedral: Bool
    /// Decode at full size in RGB, as the PDQ reference and Pillow do, instead of the fast
    /// DCT-scaled greyscale decode. For conformance work; several times slower on big JPEGs.
    public var exact: Bool
    /// Also hash the region inside a caption banner, screenshot frame or bars when the image
    /// has one (`ContentRegion`), so reposts with such strips can be matched. The plain
    /// hashes stay exactly the reference ones either way.
    public var trimmedRegion: Bool
    /// Also hash these central regions with PDQ, each keeping the given share of each side of
    /// the whole image, so cropped reposts can be matched
    /// (`CanonicalRegions`). Empty: none.
    public var centralShares: [Double]
    /// Also hash the central region turned by these angles (degrees) with PDQ, so reposts
    /// rotated by a few degrees can be matched (`CanonicalRegions.rotated`). Empty: none.
    public var rotations: [Double]
    /// Also hash the four corner regions keeping these shares of each side with PDQ, so reposts
    /// cropped off-centre can be matched. Empty: none.
    public var cornerShares: [Double]
    /// Also hash the four edge regions keeping these shares of one side with PDQ, so reposts
    /// with one edge cut off can be matched (`CanonicalRegions.edge`). Empty: none.
    public var edgeShares: [Double]
    /// Also hash the centred crops of the image to these ratios with PDQ, so reposts cut to a
    /// square or a story can be matched (`CanonicalRegions.aspect`). Empty: none.
    public var aspects: [CanonicalRegions.Aspect]
    /// imagehash's `hash_size` for pHash, dHash, aHash and wHash: `hashSize²` bits (8 → 64).
    /// wHash needs a power of two.
    public var hashSize: Int

    /// A request for `algorithms`.
    ///
    /// - Parameters:
    ///   - algorithms: the hashes to compute; duplicates are ignored.
    ///   - pdqDihedral: also compute the 8 PDQ dihedral variants (needs `.pdq`).
    ///   - exact: full-size RGB decode for reference conformance.
    ///   - hashSize: imagehash's `hash_size`, at least 2.
    ///   - trimmedRegion: also hash the region inside edge strips, when there is one.
    ///   - centralShares: also hash these central regions with PDQ (shares in 0.5...1).
    ///   - rotations: also hash the central region turned by these angles with PDQ.
    ///   - cornerShares: also hash the four corner regions of these shares with PDQ.
    ///   - edgeShares: also hash the four edge regions of these shares with PDQ.
    ///   - aspects: also hash the centred crops to these ratios with PDQ.
    public init(
        algorithms: some Sequence<HashAlgorithm>, pdqDihedral: Bool = false, exact: Bool = false, hashSize: Int = 8,
        trimmedRegion: Bool = false, centralShares: [Double] = [], rotations: [Double] = [], cornerShares: [Double] = [],
        edgeShares: [Double] = [], aspects: [CanonicalRegions.Aspect] = []
    ) {
        precondition((centralShares + cornerShares + edgeShares).allSatisfy { $0 >= 0.5 && $0 <= 1 }, "region shares must lie in 0.5...1")
        precondition(hashSize >= 2, "hash size must be at least 2")
        self.algorithms = Set(algorithms)
        self.pdqDihedral = pdqDihedral
        self.exact = exact
        self.hashSize = hashSize
        self.trimmedRegion = trimmedRegion
        self.centralShares = centralShares
        self.rotations = rotations
        self.cornerShares = cornerShares
        self.edgeShares = edgeShares
        self.aspects = aspects
    }

    /// True when any imagehash-style algorithm is requested.
    var needsImagehash: Bool {
        !algorithms.isDisjoint(with: [.phash, .dhash, .ahash, .whash])
    }

    /// What `cluster`, `match` and `ingest` compute by default for `algorithms`: the plain
    /// hashes plus every region and, with PDQ, the dihedral variants, so that reposts with
    /// banners, crops, turns and mirrors can be matched (docs/robustness.md).
    public static func matching(_ algorithms: [HashAlgorithm], dihedral: Bool = true) -> HashRequest {
        HashRequest(algorithms: algorithms, pdqDihedral: dihedral && algorithms.contains(.pdq), trimmedRegion: true,
                    centralShares: CanonicalRegions.defaultCentralShares, rotations: CanonicalRegions.defaultRotations,
                    cornerShares: CanonicalRegions.defaultCornerShares, edgeShares: CanonicalRegions.defaultEdgeShares,
                    aspects: CanonicalRegions.defaultAspects)
    }
}
