import Foundation
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

    @Test func aspectCropsAreCentredAndSkippedWhenTheyCutLittle() {
        let landscape = ContentRegion(x: 0, y: 0, width: 400, height: 300)
        #expect(CanonicalRegions.aspect(.init(1, 1), of: landscape) == ContentRegion(x: 50, y: 0, width: 300, height: 300))
        #expect(CanonicalRegions.aspect(.init(9, 16), of: landscape) == ContentRegion(x: 115, y: 0, width: 169, height: 300))
        #expect(CanonicalRegions.aspect(.init(16, 9), of: landscape) == ContentRegion(x: 0, y: 37, width: 400, height: 225))
        #expect(CanonicalRegions.aspect(.init(4, 3), of: landscape) == nil, "the image's own ratio")
        #expect(CanonicalRegions.aspect(.init(1, 1), of: ContentRegion(x: 0, y: 0, width: 300, height: 290)) == nil, "a 3% cut")
        #expect(CanonicalRegions.name(of: .init(9, 16)) == "a9x16")
        #expect(["a1x1", "a16x9", "c90", "tl90", "el88", "et94", "r-2", "r+1.5"].allSatisfy { CanonicalRegions.isRegionName($0[...]) })
        #expect(!["a1x", "ax1", "trimmed", "dihedral3", "c", "q90", "e90", "ex90"].contains { CanonicalRegions.isRegionName($0[...]) })
    }

    /// A repost cut to a square (a post's format) is the original's own square crop.
    @Test func squareCropHashesLikeTheOriginalsAspectCrop() throws {
        let (width, height) = (240, 150)
        let photo = ContentRegionTests.photo(width: width, height: height)
        let square = try #require(CanonicalRegions.aspect(.init(1, 1), of: ContentRegion(x: 0, y: 0, width: width, height: height)))
        var cropped: [UInt8] = []
        for row in square.y..<(square.y + square.height) {
            cropped += photo[(row * width + square.x)..<(row * width + square.x + square.width)]
        }
        let original = HashPipeline(HashRequest(algorithms: [.pdq], exact: true, aspects: CanonicalRegions.defaultAspects))
            .hashes(of: ContentRegionTests.image(photo, width, height))
        let crop = try #require(HashPipeline(HashRequest(algorithms: [.pdq], exact: true))
            .hashes(of: ContentRegionTests.image(cropped, square.width, square.height)).pdq)
        #expect(original.aspects.map(\.aspect) == CanonicalRegions.defaultAspects, "each cuts 8% or more of a 16:10 image")
        #expect(original.aspects.first?.pdq == crop)
        #expect(try #require(original.pdq).distance(to: crop) > 31)
    }

    @Test func cornerRegionsKeepTheirCorner() {
        let whole = ContentRegion(x: 0, y: 0, width: 200, height: 150)
        #expect(CanonicalRegions.corner(0.9, .topLeft, of: whole) == ContentRegion(x: 0, y: 0, width: 180, height: 135))
        #expect(CanonicalRegions.corner(0.9, .bottomRight, of: whole) == ContentRegion(x: 20, y: 15, width: 180, height: 135))
        #expect(CanonicalRegions.corner(0.9, .topRight, of: whole) == ContentRegion(x: 20, y: 0, width: 180, height: 135))
        #expect(CanonicalRegions.name(of: .bottomLeft, share: 0.9) == "bl90")
    }

    /// A copy cropped on its right and bottom hashes like the original's top-left corner region.
    @Test func offCentreCropHashesLikeTheOriginalsCorner() throws {
        let (width, height) = (200, 150)
        let photo = ContentRegionTests.photo(width: width, height: height)
        var cropped: [UInt8] = []
        for row in 0..<135 { cropped += photo[(row * width)..<(row * width + 180)] }
        let original = HashPipeline(HashRequest(algorithms: [.pdq], exact: true, cornerShares: [0.9]))
            .hashes(of: ContentRegionTests.image(photo, width, height))
        let crop = HashPipeline(HashRequest(algorithms: [.pdq], exact: true)).hashes(of: ContentRegionTests.image(cropped, 180, 135))
        #expect(original.corners.map(\.anchor) == CanonicalRegions.Corner.allCases)
        #expect(original.corners.first?.pdq == crop.pdq)
    }

    @Test func edgeRegionsKeepOneSideWhole() {
        let whole = ContentRegion(x: 10, y: 20, width: 200, height: 150)
        #expect(CanonicalRegions.edge(0.9, .top, of: whole) == ContentRegion(x: 10, y: 20, width: 200, height: 135))
        #expect(CanonicalRegions.edge(0.9, .bottom, of: whole) == ContentRegion(x: 10, y: 35, width: 200, height: 135))
        #expect(CanonicalRegions.edge(0.9, .left, of: whole) == ContentRegion(x: 10, y: 20, width: 180, height: 150))
        #expect(CanonicalRegions.edge(0.9, .right, of: whole) == ContentRegion(x: 30, y: 20, width: 180, height: 150))
        #expect(CanonicalRegions.name(of: .left, share: 0.88) == "el88")
    }

    /// A copy with one edge cut off hashes like the original's edge region that keeps the rest,
    /// in the fast mode too, where the edge regions come from the picture's folded rows and
    /// columns rather than from cropped copies (a region of whole columns sums in another
    /// order, a few bits at most); while the whole images are far apart.
    @Test(arguments: [false, true])
    func oneEdgeCutHashesLikeTheOriginalsEdgeRegion(exact: Bool) throws {
        let (width, height) = (200, 150)
        let photo = ContentRegionTests.photo(width: width, height: height)
        let image = ContentRegionTests.image(photo, width, height)
        let original = HashPipeline(HashRequest(algorithms: [.pdq], exact: exact, edgeShares: [0.88])).hashes(of: image)
        #expect(original.edges.map(\.anchor) == CanonicalRegions.Edge.allCases)
        let plain = HashPipeline(HashRequest(algorithms: [.pdq], exact: exact))
        for edge in original.edges {
            let region = CanonicalRegions.edge(0.88, edge.anchor, of: ContentRegion(x: 0, y: 0, width: width, height: height))
            let cut = try #require(plain.hashes(of: region.crop(image)).pdq)
            let allowed = exact || edge.anchor == .top || edge.anchor == .bottom ? 0 : 4
            #expect(edge.pdq.distance(to: cut) <= allowed, "\(edge.anchor)")
            #expect(try #require(original.pdq).distance(to: cut) > 31, "\(edge.anchor)")
        }
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

    /// Without turning, the rotated sample is the central region (bilinear at integer positions).
    @Test func unturnedSampleIsTheCentralRegion() {
        let photo = ContentRegionTests.image(ContentRegionTests.photo(width: 100, height: 80), 100, 80)
        let sample = CanonicalRegions.rotated(photo, degrees: 0, share: 0.8)
        #expect(sample.width == 80 && sample.height == 64)
        let region = CanonicalRegions.central(0.8, of: ContentRegion(x: 0, y: 0, width: 100, height: 80))
        let crop = region.crop(photo)
        let offByOne = zip(sample.pixels, crop.pixels).filter { abs(Int($0) - Int($1)) > 1 }.count
        #expect(offByOne * 50 < sample.pixels.count)
    }

    /// A copy turned by 3 degrees is far from the photo by its whole-image PDQ hash, and within
    /// the threshold through the rotated regions.
    @Test func turnedCopyMatchesThroughTheRotatedRegions() throws {
        // Structure at the scale PDQ sees (its 64×64 grid), not fine texture; 128 px high so
        // the turned copy is sampled one to one.
        var pixels = [UInt8](repeating: 0, count: 160 * 128)
        for y in 0..<128 {
            for x in 0..<160 {
                let value = 128 + 60 * sin(Double(x) / 17) * cos(Double(y) / 13) + 40 * sin(Double(x + 2 * y) / 29)
                pixels[y * 160 + x] = UInt8(max(0, min(255, value)))
            }
        }
        let photo = ContentRegionTests.image(pixels, 160, 128)
        let turned = CanonicalRegions.rotated(photo, degrees: 3, share: 1)
        let pipeline = HashPipeline(HashRequest(algorithms: [.pdq], rotations: CanonicalRegions.defaultRotations))
        let a = pipeline.hashes(of: photo), b = pipeline.hashes(of: turned)
        #expect(a.rotated.map(\.degrees) == CanonicalRegions.defaultRotations)
        let whole = try #require(a.pdq).distance(to: try #require(b.pdq))
        let all = { (h: ImageHashes) in [h.pdq!] + h.rotated.map(\.pdq) }
        let best = all(a).flatMap { x in all(b).map { x.distance(to: $0) } }.min()!
        #expect(whole > 31)
        #expect(best <= 31)
    }

    /// A picture near the top of a tall white page (a phone screenshot) keeps no region hash
    /// that is mostly page: such hashes matched every other picture posted in that layout (CLI
    /// probe round 12). The picture alone, and its crops, keep theirs.
    @Test func mostlyBlankRegionsAreNotHashed() {
        let (width, height) = (270, 480)
        let picture = ContentRegionTests.photo(width: 250, height: 150)
        var page = [UInt8](repeating: 255, count: width * height)
        for y in 0..<150 { for x in 0..<250 { page[(y + 25) * width + x + 10] = picture[y * 250 + x] } }
        let request = HashRequest(algorithms: [.pdq], centralShares: CanonicalRegions.defaultCentralShares,
                                  rotations: CanonicalRegions.defaultRotations, cornerShares: CanonicalRegions.defaultCornerShares,
                                  aspects: CanonicalRegions.defaultAspects)
        let screenshot = HashPipeline(request).hashes(of: ContentRegionTests.image(page, width, height))
        #expect(screenshot.pdq != nil)
        #expect(screenshot.central.isEmpty && screenshot.rotated.isEmpty)
        #expect(screenshot.aspects.isEmpty, "the 16:9 band and the squares hold little of the picture")
        let photo = HashPipeline(request).hashes(of: ContentRegionTests.image(picture, 250, 150))
        #expect(photo.central.count == 3 && photo.rotated.count == 2 && photo.corners.count == 4 && !photo.aspects.isEmpty)
    }
}
