import ImageDecoding
import Testing
@testable import PerceptualHash

/// Central regions: where they lie, and that a centred crop of a photo hashes like the
/// original's central region of the same share.
@Suite struct CanonicalRegionsTests {
    @Test func centralRegionIsCentredInsideItsParent() {
        let whole = ContentRegion(x: 0, y: 0, width: 200, height: 150)
        #expect(CanonicalRegions.central(0.9, of: whole) == ContentRegion(x: 10, y: 7, width: 180, height: 135))
        let inner = ContentRegion(x: 0, y: 20, width: 200, height: 150)
        #expect(CanonicalRegions.central(0.8, of: inner) == ContentRegion(x: 20, y: 35, width: 160, height: 120))
        #expect(CanonicalRegions.name(ofShare: 0.95) == "c95")
    }

    @Test func croppedPhotoHashesLikeTheOriginalsCentralRegion() throws {
        let (width, height) = (200, 150)
        let photo = ContentRegionTests.photo(width: width, height: height)
        let region = CanonicalRegions.central(0.9, of: ContentRegion(x: 0, y: 0, width: width, height: height))
        var cropped: [UInt8] = []
        for row in region.y..<(region.y + region.height) {
            cropped += photo[(row * width + region.x)..<(row * width + region.x + region.width)]
        }
        let request = HashRequest(algorithms: [.pdq], exact: true, centralShares: [0.9, 0.8])
        let original = HashPipeline(request).hashes(of: ContentRegionTests.image(photo, width, height))
        let crop = HashPipeline(HashRequest(algorithms: [.pdq], exact: true))
            .hashes(of: ContentRegionTests.image(cropped, region.width, region.height))
        #expect(original.central.map(\.share) == [0.9, 0.8])
        #expect(original.central.first?.region == region)
        let whole = try #require(original.pdq), cropHash = try #require(crop.pdq)
        #expect(original.central.first?.pdq == cropHash)
        #expect(whole.distance(to: cropHash) > 0)
    }

    /// Central regions are PDQ-only and never change the plain hashes.
    @Test func centralRegionsLeaveThePlainHashesAlone() throws {
        let photo = ContentRegionTests.image(ContentRegionTests.photo(width: 120, height: 90), 120, 90)
        let plain = HashPipeline(HashRequest(algorithms: [.pdq, .phash])).hashes(of: photo)
        let withRegions = HashPipeline(HashRequest(algorithms: [.pdq, .phash], trimmedRegion: true,
                                                   centralShares: CanonicalRegions.defaultCentralShares)).hashes(of: photo)
        #expect(withRegions.pdq == plain.pdq && withRegions.phash == plain.phash)
        #expect(withRegions.central.count == CanonicalRegions.defaultCentralShares.count)
        #expect(HashPipeline(HashRequest(algorithms: [.phash], centralShares: [0.9])).hashes(of: photo).central.isEmpty)
    }
}
